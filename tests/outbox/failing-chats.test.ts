// Vài cuộc trò chuyện Zalo luôn lỗi không làm nghẽn các cuộc khác: 35 đại biểu vẫn nhận kịp, 5 tài khoản lỗi được dừng sau số lần thử có hạn và nêu tên trong báo cáo.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { classifyFailure } from "../../src/channels/zalo/outbox.js";
import { ZaloClient } from "../../src/channels/zalo/client.js";
import { renderReplies } from "../../src/channels/zalo/render.js";
import { type ChannelSender, DeliveryError } from "../../src/outbox/notifier.js";
import { startFaultProxy, type Decision, type FaultProxy } from "../notices/fault-proxy.js";
import { lastNotice, seedDelegates, states } from "../notices/helpers.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { type FakeZalo, startFakeZalo } from "../zalo/fake-server.js";

let h: TestApp;
let fake: FakeZalo;
let proxy: FaultProxy;
const FAILING = new Set(["zc3", "zc11", "zc19", "zc27", "zc35"]);
// Zalo's default pace (ZALO_SEND_RATE).
const RATE = 5;

beforeEach(async () => {
  fake = await startFakeZalo();
  // In front of the fake: five chats always answer 500, as the platform does for a broken chat.
  proxy = await startFaultProxy(fake.url, (method, body): Decision => {
    if (method === "sendMessage" && FAILING.has(String(body.chat_id))) return { status: 500, body: { ok: false, error_code: 500, description: "Internal error" } };
    return "pass";
  });
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
  await proxy.close();
  await fake.close();
});

/**
 * The Zalo delivery function as the contract asks: ONE attempt per part against the (fake)
 * platform, its failure typed as a DeliveryError, no pacing and no retry of its own.
 */
function oneAttemptZalo(): ChannelSender {
  const client = new ZaloClient({ token: fake.token, apiRoot: proxy.url, timeoutMs: 5000 });
  return async (account, replies, attempt) => {
    const outgoing = (await renderReplies(replies, { t: h.app.services.i18n.forLanguage(account.language), publish: async () => undefined })).filter(
      (o) => o.method === "sendMessage",
    );
    let sent = attempt?.skipParts ?? 0;
    for (const o of outgoing.slice(sent)) {
      try {
        if (o.method === "sendMessage") await client.sendMessage({ chat_id: account.chatId, text: o.text });
      } catch (err) {
        const failure = classifyFailure(err);
        const kind = failure === "quota" ? "retry_after" : failure === "permanent" ? "permanent" : "transient";
        throw new DeliveryError(kind, (err as Error).message, failure === "quota" ? 1 : undefined, sent);
      }
      sent += 1;
      await attempt?.onPart?.(sent);
    }
  };
}

describe("deliveries fail alone", () => {
  it("with 5 of 40 Zalo chats always failing, the 35 others are reached in time, and the final count names the 5", { timeout: 60_000 }, async () => {
    const keys = await seedDelegates(h.app, 40, "zalo", "zc");
    h.app.notifier.register("zalo", oneAttemptZalo());
    // Back-off from 100 ms (the production waits × 0.1): the failing chats are tried 5 times, then parked.
    h.app.outbox.configure({ delayScale: 0.1, limits: { zalo: { rate: RATE } } });
    const org = h.organizer();
    await org.say("/thongbao tatca | Kính mời các đồng chí dự hội nghị tổng kết.");
    await org.say("1");
    const id = lastNotice(h.app);
    await h.app.outbox.idle(50_000);

    // Every healthy chat got exactly one copy; the failing ones none.
    const healthy = keys.filter((k) => !FAILING.has(k.slice("zalo:".length)));
    const accepted = fake.sent.filter((c) => c.method === "sendMessage");
    for (const k of healthy) expect(accepted.filter((c) => c.body.chat_id === k.slice(5)), k).toHaveLength(1);
    for (const chat of FAILING) expect(accepted.filter((c) => c.body.chat_id === chat)).toHaveLength(0);

    // The bound, from the fake's own request timestamps: 35 messages at RATE a second, 20 % slack, + 2 s.
    const times = accepted.map((c) => c.at);
    const span = (Math.max(...times) - Math.min(...times)) / 1000;
    expect(span).toBeLessThanOrEqual(1.2 * (35 / RATE) + 2);

    // The healthy chats were reached in their order, none held back behind a failing one.
    expect(accepted.map((c) => `zalo:${String(c.body.chat_id)}`)).toEqual(healthy);
    // The failing chats were tried a bounded number of times (5 each), then parked.
    const tries = proxy.calls.filter((c) => c.method === "sendMessage").length;
    expect(tries).toBe(35 + 5 * 5);
    expect(states(h.app, id)).toEqual({ sent: 35, failed: 5 });
    for (const d of h.app.store.data.deliveries.filter((x) => x.noticeId === id && x.state === "failed")) {
      expect(d.failures).toBe(5);
      expect(d.error).toContain("Internal error");
    }

    // The organizer's final count says 35 and 5, and names the five.
    const report = h.sent.filter((s) => s.account === org.key).map((s) => s.text).join("\n");
    expect(report).toContain("gửi được 35, lỗi 5, không liên lạc được 0 (tổng 40 tài khoản)");
    expect(report).toContain("Không gửi được tới 5 tài khoản sau nhiều lần thử:");
    for (const i of [3, 11, 19, 27, 35]) expect(report).toContain(`Đại biểu ${i} (`);
    expect(report).not.toContain("Đại biểu 4 (");
  });
});
