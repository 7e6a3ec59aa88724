// Sending to Zalo: the configured rate, back-off on 429 and errors without losing a message, notices through the same queue.
import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/outbox/notifier.js";
import { LONG_LINES, startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest;
afterEach(async () => {
  await z?.close();
});

describe("sending to Zalo", () => {
  it("keeps to ZALO_SEND_RATE messages a second", async () => {
    z = await startZaloTest({ env: { ZALO_SEND_RATE: "5" } });
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    fake.say(u, "/dai");
    fake.say(u, "/dai");
    await fake.waitForMessages(u.id, 6);
    const at = fake.sent.filter((c) => c.body.chat_id === u.id).map((c) => c.at);
    // 5 a second: at least ~200 ms between two calls (a little slack for timers).
    for (let i = 1; i < at.length; i++) expect((at[i] as number) - (at[i - 1] as number)).toBeGreaterThanOrEqual(180);
  });

  it("backs off on 429 and on 500, and every part of the reply still arrives, in order", async () => {
    z = await startZaloTest();
    const { fake, h } = z;
    const u = z.user("Cán bộ xã");
    fake.failNext("sendMessage", 429, 3, { description: "Quota exceeded" });
    fake.failNext("sendMessage", 500, 2);
    fake.say(u, "/dai");
    const parts = await fake.waitForMessages(u.id, 3);
    expect(parts.join("\n")).toBe(LONG_LINES.join("\n"));
    const statuses = fake.calls.filter((c) => c.method === "sendMessage").map((c) => c.status);
    expect(statuses).toEqual([429, 429, 429, 500, 500, 200, 200, 200]);
    // The back-off doubled between the failed attempts (20, 40, 80, 160 ms in this test).
    const at = fake.calls.filter((c) => c.method === "sendMessage").map((c) => c.at);
    expect((at[4] as number) - (at[3] as number)).toBeGreaterThanOrEqual(140);
    expect(h.logs.join("\n")).not.toContain("given up");
  });

  it("answers with 429 given as an HTTP 200 body too (ok: false, error_code 429)", async () => {
    z = await startZaloTest();
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    fake.failNext("sendMessage", 429, 2, { httpStatus: 200 });
    fake.say(u, "/chuongtrinh");
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
  });

  it("gives a reply up after a bounded number of transient failures, and logs it", async () => {
    z = await startZaloTest({ channel: { sendAttempts: 3 } });
    const { fake, h } = z;
    const u = z.user("Cán bộ xã");
    fake.failNext("sendMessage", 500, 3);
    fake.say(u, "/chuongtrinh");
    fake.say(u, "/start");
    const [next] = await fake.waitForMessages(u.id, 1);
    expect(next).toContain("Xin chào Cán bộ xã!");
    expect(h.logs.some((l) => l.includes("zalo message given up") && l.includes(u.id))).toBe(true);
  });

  it("delivers a notice to a Zalo account through the same queue, rendered the Zalo way", async () => {
    z = await startZaloTest();
    const { fake, h } = z;
    const u = z.user("Chủ tịch xã");
    fake.say(u, `/start ${await h.code("muong-so")}`);
    await fake.waitForMessages(u.id, 1);
    const account = h.app.store.data.accounts[`zalo:${u.id}`];
    if (!account) throw new Error("no account");
    const replies = [{ kind: "choices" as const, text: "Hội nghị đổi giờ.", choices: [{ label: "Đã nhận", step: { kind: "command.suggested", name: "danhan", args: "" } }] }];
    // The channel's sender, the one it registered with the notifier for notices and review results.
    await z.channel.sender(account, replies);
    expect((await fake.waitForMessages(u.id, 2))[1]).toBe("Hội nghị đổi giờ.\n1. Đã nhận\nVui lòng gõ số tương ứng để chọn (ví dụ: 1).");
  });

  it("maps 429 to retry_after, 400 to permanent, and 403, 500 or no answer to transient", async () => {
    z = await startZaloTest({ channel: { backoff: { initialMs: 10, maxMs: 20 }, callTimeoutMs: 300 } });
    const { fake, h } = z;
    const u = z.user("Chủ tịch xã");
    fake.say(u, "/start");
    await fake.waitForMessages(u.id, 1);
    const account = h.app.store.data.accounts[`zalo:${u.id}`];
    if (!account) throw new Error("no account");
    const outcome = async () => {
      try {
        await z.channel.sender(account, [{ kind: "text", text: "Thông báo." }]);
        return "sent";
      } catch (err) {
        return err instanceof DeliveryError ? err.kind : `other: ${(err as Error).message}`;
      }
    };
    // One attempt per call: the outbox engine (src/outbox/) alone paces and retries notices.
    fake.failNext("sendMessage", 429, 1);
    expect(await outcome()).toBe("retry_after");
    fake.failNext("sendMessage", 400, 1);
    expect(await outcome()).toBe("permanent");
    fake.failNext("sendMessage", 500, 1);
    expect(await outcome()).toBe("transient");
    fake.failNext("sendMessage", 403, 1);
    expect(await outcome()).toBe("transient");
    fake.slowNext("sendMessage", 600, 1);
    expect(await outcome()).toBe("transient");
    // Even a single 429 is handed back at once, never retried here behind other messages.
    fake.failNext("sendMessage", 429, 1);
    expect(await outcome()).toBe("retry_after");
    expect(fake.calls.filter((c) => c.method === "sendMessage" && c.status === 429)).toHaveLength(2);
    expect(await outcome()).toBe("sent");
  });
});
