// Một thông báo tách thành nhiều tin: mỗi phần đã gửi được ghi lại, lần gửi lại bắt đầu từ phần chưa gửi, không ai nhận một phần hai lần.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/messages/types.js";
import { type ChannelSender, DeliveryError } from "../../src/outbox/notifier.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { lastNotice, seedDelegates, states } from "../notices/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

/** A channel that splits every text into pieces of 400 characters, one platform message each. */
function partsOf(replies: Reply[]): string[] {
  const out: string[] = [];
  for (const r of replies) {
    if (r.kind === "text" || r.kind === "choices") for (let i = 0; i < r.text.length; i += 400) out.push(r.text.slice(i, i + 400));
    else out.push(`[${r.kind}]`);
  }
  return out;
}

interface Received {
  account: string;
  part: number;
  text: string;
}

/**
 * One attempt per call, as the contract says: skips the parts already accepted, reports each part
 * accepted, and fails once at the parts `failAt` names for an account (the platform's 500).
 */
function splittingChannel(failAt: (account: string, part: number) => boolean, options: { reportParts: boolean }) {
  const received: Received[] = [];
  const failed = new Set<string>();
  const skipsSeen: number[] = [];
  const sender: ChannelSender = async (account, replies, attempt) => {
    const parts = partsOf(replies);
    const from = attempt?.skipParts ?? 0;
    skipsSeen.push(from);
    for (let i = from; i < parts.length; i++) {
      const key = `${account.key}#${i}`;
      if (failAt(account.key, i) && !failed.has(key)) {
        failed.add(key);
        throw new DeliveryError("transient", "Internal Server Error", undefined, i);
      }
      received.push({ account: account.key, part: i, text: parts[i] as string });
      if (options.reportParts) await attempt?.onPart?.(i + 1);
    }
  };
  return { sender, received, skipsSeen };
}

const LONG = `Kính gửi các đồng chí đại biểu. ${"Đề nghị các đơn vị chuẩn bị báo cáo tham luận theo đề cương gửi kèm, nộp trước hạn. ".repeat(12)}Trân trọng!`;

async function broadcast(text: string): Promise<string> {
  const org = h.organizer();
  expect(await org.say(`/thongbao tatca | ${text}`)).toContain("Xem trước thông báo");
  await org.say("1");
  return lastNotice(h.app);
}

describe("parts of a message are steps", () => {
  it("a notice in three parts whose second part fails: the retry resumes at the second, and nobody gets a part twice", async () => {
    const keys = await seedDelegates(h.app, 6, "zalo");
    // The second part fails once for everyone; the third fails once for two of them.
    const ch = splittingChannel((account, part) => part === 1 || (part === 2 && (account === keys[0] || account === keys[3])), { reportParts: true });
    h.app.notifier.register("zalo", ch.sender);
    h.app.outbox.configure({ delayScale: 0.001, limits: { zalo: { rate: 1000 } } });
    const id = await broadcast(LONG);
    await h.app.outbox.idle();

    const total = partsOf([{ kind: "text", text: LONG }]).length;
    expect(total).toBeGreaterThanOrEqual(3);
    for (const k of keys) {
      const got = ch.received.filter((r) => r.account === k).map((r) => r.part);
      // Each part once, in order.
      expect(got, k).toEqual([...Array(total).keys()]);
    }
    // Every delivery is sent, once, and the count says so.
    expect(states(h.app, id)).toEqual({ sent: keys.length });
    for (const d of h.app.store.data.deliveries.filter((x) => x.noticeId === id)) expect(d.partsSent).toBe(total);
    // Retries asked the channel to skip what had gone.
    expect(ch.skipsSeen.filter((s) => s === 1)).toHaveLength(keys.length);
    expect(ch.skipsSeen.filter((s) => s === 2)).toHaveLength(2);
    const report = h.sent.filter((s) => s.account === "console:org-1").map((s) => s.text).join("\n");
    expect(report).toContain(`gửi được ${keys.length}, lỗi 0`);
  });

  it("a channel that only says in its error how many parts went still gets no part twice", async () => {
    const keys = await seedDelegates(h.app, 3, "zalo");
    const ch = splittingChannel((_account, part) => part === 2, { reportParts: false });
    h.app.notifier.register("zalo", ch.sender);
    h.app.outbox.configure({ delayScale: 0.001, limits: { zalo: { rate: 1000 } } });
    const id = await broadcast(LONG);
    await h.app.outbox.idle();
    const total = partsOf([{ kind: "text", text: LONG }]).length;
    for (const k of keys) expect(ch.received.filter((r) => r.account === k).map((r) => r.part)).toEqual([...Array(total).keys()]);
    expect(states(h.app, id)).toEqual({ sent: 3 });
  });

  it("records each part before the next goes, so a restart after the first part resumes at the second", async () => {
    const [key] = await seedDelegates(h.app, 1, "zalo");
    const seen: Array<number | undefined> = [];
    const noticeId = { value: "" };
    h.app.notifier.register("zalo", async (account, replies, attempt) => {
      const parts = partsOf(replies);
      for (let i = attempt?.skipParts ?? 0; i < parts.length; i++) {
        // What the store holds when part i is about to go.
        seen.push(h.app.store.data.deliveries.find((d) => d.noticeId === noticeId.value && d.account === account.key)?.partsSent);
        await attempt?.onPart?.(i + 1);
      }
    });
    h.app.outbox.configure({ limits: { zalo: { rate: 1000 } } });
    const org = h.organizer();
    await org.say(`/thongbao tatca | ${LONG}`);
    // The preview is a stored draft now (it was the session's pendingConfirm): its id is the notice's.
    noticeId.value = Object.values(h.app.store.data.noticeDrafts).find((d) => d.createdBy === "console:org-1")?.id ?? "";
    await org.say("1");
    await h.app.outbox.idle();
    expect(key).toBeDefined();
    expect(seen[0]).toBeUndefined();
    expect(seen.slice(1)).toEqual([...Array(seen.length - 1).keys()].map((i) => i + 1));
  });
});
