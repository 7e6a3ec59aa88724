// Trên kênh Zalo thật (startZalo): 5 trong 40 cuộc trò chuyện luôn lỗi không làm nghẽn kênh — 35 đại biểu nhận kịp, khách mới hỏi /chuongtrinh vẫn được trả lời trong 5 giây, báo cáo cuối nêu tên 5 tài khoản lỗi.
import { afterEach, describe, expect, it } from "vitest";
import { type Decision, type FaultProxy, startFaultProxy } from "../notices/fault-proxy.js";
import { lastNotice, seedDelegates, states } from "../notices/helpers.js";
import { type FakeZalo, startFakeZalo } from "./fake-server.js";
import { startZaloTest, type ZaloTest } from "./setup.js";

let t: ZaloTest | undefined;
let fake: FakeZalo | undefined;
let proxy: FaultProxy | undefined;
afterEach(async () => {
  await t?.close();
  await proxy?.close();
  await fake?.close();
  t = undefined;
  proxy = undefined;
  fake = undefined;
});

const FAILING = new Set(["zc3", "zc11", "zc19", "zc27", "zc35"]);
// Zalo's default pace (ZALO_SEND_RATE).
const RATE = 5;

describe("deliveries fail alone, on the real Zalo channel", () => {
  it("with 5 of 40 Zalo chats always failing: the 35 are reached in time, new guests are answered within 5 s, the count names the 5", { timeout: 90_000 }, async () => {
    fake = await startFakeZalo();
    proxy = await startFaultProxy(fake.url, (method, body): Decision => {
      if (method === "sendMessage" && FAILING.has(String(body.chat_id))) return { status: 500, body: { ok: false, error_code: 500, description: "Internal error" } };
      return "pass";
    });
    t = await startZaloTest({ fake, env: { ZALO_API_ROOT: proxy.url, ZALO_SEND_RATE: String(RATE) }, fullBot: true, now: "2027-05-01T02:00:00Z" });
    const { h } = t;
    const keys = await seedDelegates(h.app, 40, "zalo", "zc");
    h.app.outbox.configure({ delayScale: 0.1 });
    const org = h.organizer();
    await org.say("/thongbao tatca | Kính mời các đồng chí dự hội nghị tổng kết.");
    await org.say("1");
    const id = lastNotice(h.app);

    // New guests ask for the programme at several moments of the broadcast.
    const waits: number[] = [];
    const ask = async () => {
      const guest = t?.user("Khách mới") as NonNullable<ReturnType<ZaloTest["user"]>>;
      // The fake is served without a webhook, so a held getUpdates consumes the update at once:
      // the wait runs from here to the fake's own timestamp of the reply it accepted.
      const askedAt = Date.now();
      fake?.say(guest, "/chuongtrinh");
      await fake?.waitForMessages(guest.id, 1, 10_000);
      const reply = fake?.sent.find((c) => c.body.chat_id === guest.id && c.method === "sendMessage");
      waits.push(((reply?.at ?? Number.POSITIVE_INFINITY) - askedAt) / 1000);
    };
    // At about 0.2, 2, 4 and 6 s after the broadcast began (it takes about 35 / RATE = 7 s).
    const began = Date.now();
    for (const ms of [200, 2000, 4000, 6000]) {
      await new Promise((r) => setTimeout(r, Math.max(0, began + ms - Date.now())));
      await ask();
    }
    await h.app.outbox.idle(60_000);
    expect(waits).toHaveLength(4);
    for (const w of waits) expect(w).toBeLessThanOrEqual(5);

    const healthy = keys.filter((k) => !FAILING.has(k.slice("zalo:".length)));
    const accepted = fake.sent.filter((c) => c.method === "sendMessage" && String(c.body.chat_id).startsWith("zc"));
    for (const k of healthy) expect(accepted.filter((c) => c.body.chat_id === k.slice(5)), k).toHaveLength(1);
    for (const chat of FAILING) expect(accepted.filter((c) => c.body.chat_id === chat)).toHaveLength(0);
    const times = accepted.map((c) => c.at);
    expect((Math.max(...times) - Math.min(...times)) / 1000).toBeLessThanOrEqual(1.2 * (35 / RATE) + 2);

    expect(states(h.app, id)).toEqual({ sent: 35, failed: 5 });
    const report = h.sent.filter((s) => s.account === org.key).map((s) => s.text).join("\n");
    expect(report).toContain("gửi được 35, lỗi 5");
    for (const i of [3, 11, 19, 27, 35]) expect(report).toContain(`Đại biểu ${i} (`);
    expect(report).not.toContain("Đại biểu 4 (");
  });
});
