// Ảnh gửi quá thời gian chờ không bị gửi lại ngay: lượt gửi được ghi trước, và không có ảnh thứ hai trong khoảng chờ.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/outbox/notifier.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { seedDelegates } from "../notices/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("a photo whose send timed out", () => {
  it("is recorded as attempted before the send, and is tried again only after the window, once", async () => {
    const [key] = (await seedDelegates(h.app, 1, "zalo")) as [string];
    const calls: Array<{ attemptAt?: string; attempts: number }> = [];
    h.app.notifier.register("zalo", async (account, replies) => {
      const d = h.app.store.data.deliveries.find((x) => x.account === account.key && x.state === "pending");
      calls.push({ attemptAt: d?.attemptAt, attempts: d?.attempts ?? 0 });
      expect(replies[0]?.kind).toBe("photo");
      // The first call times out while the platform fetches the picture: it may well have arrived.
      if (calls.length === 1) throw new DeliveryError("transient", "sendPhoto timed out after 150 s", undefined, 0, true);
    });
    // Waits × 0.001: the 10-minute window becomes 600 ms.
    h.app.outbox.configure({ delayScale: 0.001, limits: { zalo: { rate: 1000 } } });
    const sending = h.app.services.notifier.send([{ account: key, replies: [{ kind: "photo", name: "xephang.png", data: Buffer.from("png") }] }]);
    expect(await sending).toBe(0);
    const d = h.app.store.data.deliveries.find((x) => x.account === key);
    // The attempt was written before the platform was called.
    expect(calls[0]?.attemptAt).toBeTruthy();
    expect(calls[0]?.attempts).toBe(1);
    // Not retried blindly: the next try is the whole window away (the back-off alone would be 1 ms).
    expect(d?.state).toBe("pending");
    expect(Date.parse(d?.nextAttemptAt ?? "") - h.clock.now().getTime()).toBe(600);
    await h.app.outbox.idle();
    expect(calls).toHaveLength(2);
    expect(h.app.store.data.deliveries.find((x) => x.account === key)?.state).toBe("sent");
  });
});
