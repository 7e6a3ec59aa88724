// The delivery queue: every account gets exactly one copy despite 429s, 403s, 500s and dropped connections; limits are kept.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fakePlatform, lastNotice, seedDelegates, seeded, states } from "./helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

/** The organizer writes a notice to all delegates and confirms it. */
async function broadcastToAll(text: string): Promise<string> {
  const org = h.organizer();
  const preview = await org.say(`/thongbao tatca | ${text}`);
  expect(preview).toContain("Xem trước thông báo");
  expect(await org.say("1")).toContain("Đã xếp thông báo");
  return lastNotice(h.app);
}

describe("a broadcast to 300 accounts through a platform that fails in every way", () => {
  it("gives each reachable account exactly one copy, counts the blocked as unreachable and the broken as failed, and the totals match", async () => {
    const keys = await seedDelegates(h.app, 300, "telegram");
    const random = seeded(2027);
    const blocked = new Set(keys.filter(() => random() < 0.03));
    const broken = new Set(keys.filter((k) => !blocked.has(k) && random() < 0.01));
    const platform = fakePlatform({ blocked, broken, retryAfter: 0.03, transient: 0.05, dropped: 0.1, random, latencyMs: 2 });
    h.app.notifier.register("telegram", platform.sender);
    // A fast platform here (the pace itself is tested below); retry waits and the per-chat gap scaled down.
    h.app.outbox.configure({ delayScale: 0.001, limits: { telegram: { rate: 5000, chatGapMs: 10 } } });

    const id = await broadcastToAll("Kính mời các đồng chí dự hội nghị.");
    await h.app.outbox.idle();

    expect(platform.faults.dropped).toBeGreaterThan(20);
    expect(platform.faults.retryAfter).toBeGreaterThan(0);
    const reachable = keys.filter((k) => !blocked.has(k) && !broken.has(k));
    for (const k of reachable) expect(platform.copies.get(k), k).toBe(1);
    for (const k of [...blocked, ...broken]) expect(platform.copies.get(k)).toBeUndefined();
    expect(states(h.app, id)).toEqual({ sent: reachable.length, unreachable: blocked.size, failed: broken.size });
    for (const k of blocked) expect(h.app.store.data.accounts[k]?.unreachableSince).toBeTruthy();
    // Broken accounts were tried the bounded number of times, then given up.
    for (const k of broken) expect(h.app.store.data.deliveries.find((d) => d.noticeId === id && d.account === k)?.failures).toBe(5);

    // The organizer is told the final count.
    const report = h.sent.filter((s) => s.account === "console:org-1").map((s) => s.text).join("\n");
    expect(report).toContain(`gửi được ${reachable.length}, lỗi ${broken.size}, không liên lạc được ${blocked.size} (tổng 300 tài khoản)`);
    // Nothing is in flight or left pending.
    expect(h.app.store.data.deliveries.some((d) => d.attemptAt)).toBe(false);
  });

  it("skips an account already known to be unreachable: it is counted, not tried", async () => {
    const keys = await seedDelegates(h.app, 5, "zalo");
    await h.app.store.mutate((d) => {
      (d.accounts[keys[0] as string] as { unreachableSince?: string }).unreachableSince = "2027-04-30T00:00:00.000Z";
    });
    const platform = fakePlatform();
    h.app.notifier.register("zalo", platform.sender);
    h.app.outbox.configure({ limits: { zalo: { rate: 1000 } } });
    const org = h.organizer();
    expect(await org.say("/thongbao tatca | Họp trực tuyến")).toContain("1 tài khoản đã chặn bot");
    await org.say("1");
    const id = lastNotice(h.app);
    await h.app.outbox.idle();
    expect(states(h.app, id)).toEqual({ sent: 4, unreachable: 1 });
    expect(platform.copies.has(keys[0] as string)).toBe(false);
  });
});

describe("speed limits", () => {
  it("keeps Telegram at ≤ 30 messages in any second and ≥ 1 s between two messages to one chat", async () => {
    const keys = await seedDelegates(h.app, 40, "telegram");
    const platform = fakePlatform({ latencyMs: 5 });
    h.app.notifier.register("telegram", platform.sender);
    // Two notices: 40 + 10 messages, the second to chats that just got the first.
    await broadcastToAll("Thông báo thứ nhất");
    const org = h.organizer();
    await org.say("/thongbao donvi Mường So, Bản Lang | Thông báo thứ hai");
    await org.say("1");
    await h.app.outbox.idle();
    const times = platform.started.map((a) => a.at);
    expect(platform.accepted.length).toBe(40 + keys.filter((k) => ["muong-so", "ban-lang"].includes(h.app.store.data.accounts[k]?.unitId ?? "")).length);
    // Any window of one second holds at most 30 sends.
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= (times[i] as number) && t < (times[i] as number) + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(30);
    }
    const byChat = new Map<string, number[]>();
    for (const a of platform.started) byChat.set(a.chat, [...(byChat.get(a.chat) ?? []), a.at]);
    for (const [, ts] of byChat) for (let i = 1; i < ts.length; i++) expect((ts[i] as number) - (ts[i - 1] as number)).toBeGreaterThanOrEqual(1000);
  });

  it("obeys retry_after: the channel waits before sending again", async () => {
    await seedDelegates(h.app, 3, "telegram");
    let refused = 0;
    const platform = fakePlatform();
    const at: number[] = [];
    h.app.notifier.register("telegram", async (account, replies) => {
      if (refused === 0) {
        refused += 1;
        const { DeliveryError } = await import("../../src/outbox/notifier.js");
        throw new DeliveryError("retry_after", "Too Many Requests: retry after 1", 1);
      }
      at.push(performance.now());
      await platform.sender(account, replies);
    });
    const t0 = performance.now();
    const id = await broadcastToAll("Sau 429");
    await h.app.outbox.idle();
    expect(states(h.app, id)).toEqual({ sent: 3 });
    expect(Math.min(...at) - t0).toBeGreaterThanOrEqual(950);
  });
});

describe("Notifier.send (review results, score results, reminders to chase units)", () => {
  it("goes through the queue: a notice and deliveries are written, and it resolves after the first attempt with the number sent", async () => {
    const keys = await seedDelegates(h.app, 3, "console");
    const n = await h.app.notifier.send([
      { account: keys[0] as string, replies: [{ kind: "text", text: "Tham luận của xã đã được chấp nhận." }] },
      { account: keys[1] as string, replies: [{ kind: "text", text: "Tham luận của xã đã được chấp nhận." }] },
      { account: keys[2] as string, replies: [{ kind: "text", text: "Đề nghị bổ sung số liệu." }] },
      { account: "console:khong-co", replies: [{ kind: "text", text: "?" }] },
    ], { kind: "review" });
    expect(n).toBe(3);
    expect(h.sent.map((s) => s.account).sort()).toEqual([...keys].sort());
    const notices = h.app.store.data.notices.filter((x) => x.kind === "review");
    expect(notices.length).toBe(2);
    expect(h.app.store.data.deliveries.filter((d) => notices.some((x) => x.id === d.noticeId)).every((d) => d.state === "sent")).toBe(true);
  });

  it("keeps a file of a message on disk for the queue and sends its bytes", async () => {
    const [key] = await seedDelegates(h.app, 1, "telegram");
    const n = await h.app.notifier.send([{ account: key as string, replies: [{ kind: "photo", name: "bieu-do.png", data: Buffer.from("png-bytes"), caption: "Biểu đồ" }] }]);
    expect(n).toBe(1);
    const photo = h.sent.at(-1)?.replies[0];
    expect(photo?.kind === "photo" && photo.data.toString()).toBe("png-bytes");
  });

  it("counts an account that blocked the bot as not sent", async () => {
    const [key] = await seedDelegates(h.app, 1, "zalo");
    h.app.notifier.register("zalo", fakePlatform({ blocked: new Set([key as string]) }).sender);
    expect(await h.app.notifier.send([{ account: key as string, replies: [{ kind: "text", text: "Kết quả" }] }])).toBe(0);
    expect(h.app.store.data.accounts[key as string]?.unreachableSince).toBeTruthy();
  });
});
