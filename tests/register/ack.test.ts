// "Đã nhận ạ", "nhận", "ok": the words people actually reply with count as acknowledging the latest notice (issue 12, item 6/9).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { telegramOf } from "../conversations/helpers.js";
import { lastNotice } from "../notices/helpers.js";
import { TOKEN } from "../telegram/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { TELEGRAM_BOT_TOKEN: TOKEN } });
});
afterEach(async () => {
  await h.close();
});

const THANKS = "Cảm ơn đồng chí đã xác nhận đã nhận thông báo.";

async function broadcast(text: string): Promise<string> {
  const org = h.organizer();
  await org.say(`/thongbao tatca | ${text}`);
  await org.say("1");
  await h.app.outbox.idle();
  return lastNotice(h.app);
}

const ackOf = (id: string, key: string) => h.app.store.data.deliveries.find((d) => d.noticeId === id && d.account === key)?.ackAt;

describe("đại biểu trả lời thông báo bằng lời quen miệng", () => {
  it.each(["Đã nhận ạ", "đã nhận", "Nhận", "nhận ạ", "OK", "ok."])("on the console, '%s' acknowledges the latest notice", async (reply) => {
    const p: Person = await h.delegate("Nậm Xe");
    const id = await broadcast("Đề nghị các đơn vị chuẩn bị báo cáo");
    expect(await p.say(reply)).toBe(THANKS);
    expect(ackOf(id, p.key)).toBe("2027-05-01T02:00:00.000Z");
  });

  it("on Telegram, xã Mường So replies 'Đã nhận ạ' to the latest of two notices", async () => {
    const phone = telegramOf(h).phone(5401, "Lò Thị Lan");
    await phone.say(`/start ${await h.code("muong-so")}`);
    const first = await broadcast("Thông báo thứ nhất");
    h.clock.advance(60_000);
    const second = await broadcast("Thông báo thứ hai");
    expect(await phone.say("Đã nhận ạ")).toBe(THANKS);
    expect(ackOf(second, phone.key)).toBeTruthy();
    expect(ackOf(first, phone.key)).toBeUndefined();
    expect(await phone.say("ok")).toContain("Đồng chí đã xác nhận đã nhận thông báo này lúc");
  });

  it("a sentence that only contains 'nhận' is not an acknowledgement", async () => {
    const p = await h.delegate("Nậm Xe");
    const id = await broadcast("Đề nghị các đơn vị chuẩn bị báo cáo");
    expect(await p.say("chưa nhận được giấy mời")).not.toBe(THANKS);
    expect(ackOf(id, p.key)).toBeUndefined();
  });
});
