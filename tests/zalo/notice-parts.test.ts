// Một thông báo dài tách thành hai tin Zalo: tin thứ hai lỗi một lần thì lần gửi lại chỉ gửi tin thứ hai; mỗi đại biểu nhận mỗi phần đúng một lần và báo cáo đếm đúng.
import { afterEach, describe, expect, it } from "vitest";
import { ZALO_MAX_TEXT } from "../../src/channels/zalo/render.js";
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

const LONG = `Kính gửi các đồng chí đại biểu dự hội nghị tổng kết năm. ${"Đề nghị các đơn vị chuẩn bị báo cáo tham luận theo đề cương gửi kèm và nộp trước hạn. ".repeat(22)}Trân trọng!`;

describe("a notice in two Zalo messages", () => {
  it("whose second part fails once reaches each of 5 delegates with each part exactly once, and the count says all sent", { timeout: 30_000 }, async () => {
    // Just under Zalo's limit: the conference's heading above it makes the notice two Zalo messages.
    expect(LONG.length).toBeLessThanOrEqual(ZALO_MAX_TEXT);
    expect(LONG.length).toBeGreaterThan(ZALO_MAX_TEXT - 60);
    fake = await startFakeZalo();
    // In front of the fake: each chat's second sendMessage answers 500 once, as a platform hiccup.
    const seen = new Map<string, number>();
    proxy = await startFaultProxy(fake.url, (method, body): Decision => {
      if (method !== "sendMessage") return "pass";
      const chat = String(body.chat_id);
      const n = (seen.get(chat) ?? 0) + 1;
      seen.set(chat, n);
      if (chat.startsWith("zp") && n === 2) return { status: 500, body: { ok: false, error_code: 500, description: "Internal error" } };
      return "pass";
    });
    t = await startZaloTest({ fake, env: { ZALO_API_ROOT: proxy.url }, fullBot: true, now: "2027-05-01T02:00:00Z" });
    const { h } = t;
    const keys = await seedDelegates(h.app, 5, "zalo", "zp");
    h.app.outbox.configure({ delayScale: 0.01 });
    const org = h.organizer();
    expect(await org.say(`/thongbao tatca | ${LONG}`)).toContain("Xem trước thông báo");
    await org.say("1");
    const id = lastNotice(h.app);
    await h.app.outbox.idle(20_000);

    for (const k of keys) {
      const chat = k.slice("zalo:".length);
      const texts = fake.textsTo(chat);
      // Two parts, each once, in order: the retry did not send the first again.
      expect(texts, chat).toHaveLength(2);
      expect(texts[0]).toContain("THÔNG BÁO CỦA BAN TỔ CHỨC");
      expect(texts[0]).toContain("Kính gửi các đồng chí đại biểu");
      expect(texts[0]).not.toEqual(texts[1]);
      // Together the two parts carry the notice once.
      expect(texts.join("\n").split("Kính gửi các đồng chí đại biểu").length - 1).toBe(1);
      expect(texts.join("\n").split("Trân trọng!").length - 1).toBe(1);
      // The platform was asked three times: part one, part two (refused), part two again.
      expect(seen.get(chat)).toBe(3);
    }
    expect(states(h.app, id)).toEqual({ sent: 5 });
    for (const d of h.app.store.data.deliveries.filter((x) => x.noticeId === id)) expect(d.partsSent).toBe(2);
    const report = h.sent.filter((s) => s.account === "console:org-1").map((s) => s.text).join("\n");
    expect(report).toContain("gửi được 5, lỗi 0");
  });
});
