// "Đã nhận": a button on Telegram, the number or the words "đã nhận" elsewhere; the organizer sees who has not and resends to them only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { lastNotice } from "./helpers.js";
import { parseCallbackData, renderReplies } from "../../src/channels/telegram/render.js";
import { createI18n } from "../../src/lib/i18n.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const received = (p: Person) => h.sent.filter((s) => s.account === p.key);

async function broadcast(text: string): Promise<string> {
  const org = h.organizer();
  await org.say(`/thongbao tatca | ${text}`);
  await org.say("1");
  await h.app.outbox.idle();
  return lastNotice(h.app);
}

const ackOf = (id: string, p: Person) => h.app.store.data.deliveries.find((d) => d.noticeId === id && d.account === p.key)?.ackAt;

describe("acknowledging a notice", () => {
  it("on Telegram by the button under the notice, which keeps working after later notices", async () => {
    const p = await h.delegate("Mường So", "Lò Thị Lan", { channel: "telegram", userId: "7101" });
    const id = await broadcast("Lịch họp đã chốt");
    const notice = received(p)[0]?.replies.at(-1);
    expect(notice?.kind).toBe("choices");
    if (notice?.kind !== "choices") return;
    expect(notice.choices).toEqual([{ label: "Đã nhận", step: { kind: "notice.ack", id } }]);
    // No setId: the Telegram channel makes it a button that carries the step itself ("s:{…}").
    expect(notice.setId).toBeUndefined();
    const [shown] = renderReplies([notice], createI18n().forLanguage("vi"));
    const data = shown?.method === "sendMessage" ? shown.keyboard?.inline_keyboard[0]?.[0] : undefined;
    const pressed = parseCallbackData(data && "callback_data" in data ? data.callback_data : undefined);
    expect(pressed).toEqual({ kind: "step", step: { kind: "notice.ack", id } });
    h.clock.advance(60_000);
    await broadcast("Thông báo sau");
    const press = (step: unknown) => h.app.bot.handle({ channel: "telegram", userId: "7101", chatId: "7101", displayName: "Lò Thị Lan", text: "", press: { step } });
    expect(await press(pressed?.kind === "step" ? pressed.step : undefined)).toEqual([{ kind: "text", text: "Cảm ơn đồng chí đã xác nhận đã nhận thông báo." }]);
    expect(ackOf(id, p)).toBe("2027-05-01T02:01:00.000Z");
    // A button carrying any other step (forged: nothing sends one outside a conversation) is stale.
    expect(await press({ kind: "notice.send", draft: id })).toEqual([{ kind: "text", text: "Lựa chọn này không còn hiệu lực. Vui lòng gõ lại lệnh để xem các lựa chọn mới." }]);
  });

  it("on Zalo by typing the number, and on the console by replying 'đã nhận'", async () => {
    const zalo = await h.delegate("Bản Lang", "Tao Văn Pử", { channel: "zalo", userId: "z-1" });
    const cons = await h.delegate("Nậm Xe");
    const id = await broadcast("Đề nghị chuẩn bị báo cáo");
    expect(received(zalo)[0]?.text).toContain("1. Đã nhận");
    expect(await zalo.say("1")).toBe("Cảm ơn đồng chí đã xác nhận đã nhận thông báo.");
    expect(await cons.say("Đã nhận!")).toBe("Cảm ơn đồng chí đã xác nhận đã nhận thông báo.");
    expect(ackOf(id, zalo)).toBeTruthy();
    expect(ackOf(id, cons)).toBeTruthy();
    expect(await cons.say("da nhan")).toBe("Đồng chí đã xác nhận đã nhận thông báo này lúc 9 giờ 00, thứ Bảy, ngày 1/5/2027.");
  });

  it("'đã nhận' counts for the latest notice only", async () => {
    const p = await h.delegate("Mường So");
    const first = await broadcast("Thông báo thứ nhất");
    h.clock.advance(60_000);
    const second = await broadcast("Thông báo thứ hai");
    await p.say("đã nhận");
    expect(ackOf(second, p)).toBeTruthy();
    expect(ackOf(first, p)).toBeUndefined();
    expect(await p.say(`/danhan ${first}`)).toContain("Cảm ơn");
    expect(ackOf(first, p)).toBeTruthy();
  });

  it("answers when there is nothing to acknowledge, or the notice is not theirs", async () => {
    const p = await h.delegate("Mường So");
    expect(await p.say("đã nhận")).toBe("Hiện không có thông báo nào cần xác nhận.");
    expect(await p.say("/danhan abcdef")).toBe('Không tìm thấy thông báo "abcdef" gửi tới đồng chí.');
    const id = await broadcast("Chỉ cho đại biểu");
    expect(await h.person("Khách").say(`/danhan ${id}`)).toBe(`Không tìm thấy thông báo "${id}" gửi tới đồng chí.`);
  });
});

describe("who has not acknowledged", () => {
  it("lists them for the organizer, resends to them only, and an acknowledgement of the resend counts for the notice", async () => {
    const a = await h.delegate("Mường So", "Đại biểu A");
    const b = await h.delegate("Bản Lang", "Đại biểu B");
    const c = await h.delegate("Nậm Xe", "Đại biểu C", { channel: "zalo", userId: "z-c" });
    const id = await broadcast("Đề nghị xác nhận");
    await a.say("đã nhận");

    const org = h.organizer();
    const status = await org.say(`/thongbao trangthai ${id}`);
    expect(status).toContain('Đã xác nhận "Đã nhận": 1/3 tài khoản đã nhận tin.');
    expect(status).toContain("Chưa xác nhận: 2 tài khoản:");
    expect(status).toContain("- Bản Lang: Đại biểu B (Kênh thử)");
    expect(status).toContain("- Nậm Xe: Đại biểu C (Zalo)");
    expect(status).not.toContain("Đại biểu A");
    expect(status).toContain("1. Gửi lại cho 2 tài khoản chưa xác nhận");

    const preview = await org.say("1");
    expect(preview).toContain(`Gửi tới: Những người chưa xác nhận đã nhận thông báo ${id}`);
    expect(preview).toContain("Số tài khoản nhận: 2 (Telegram 0, Zalo 1, kênh thử 1)");
    await org.say("1");
    await h.app.outbox.idle();
    expect([received(a).length, received(b).length, received(c).length]).toEqual([1, 2, 2]);

    await c.say("1");
    const after = await org.say(`/thongbao trangthai ${id}`);
    expect(after).toContain('Đã xác nhận "Đã nhận": 2/3');
    expect(after).toContain("- Bản Lang: Đại biểu B");

    const list = await org.say("/thongbao trangthai");
    expect(list).toContain(`[${id}] Thông báo`);
    expect(list).toContain("đã nhận 2/3");
  });

  it("says when everyone has acknowledged, and refuses an unknown id", async () => {
    const a = await h.delegate("Mường So");
    const id = await broadcast("Một người");
    await a.say("đã nhận");
    const org = h.organizer();
    expect(await org.say(`/tbguilai ${id}`)).toBe(`Mọi tài khoản đã xác nhận đã nhận thông báo ${id}; không cần gửi lại.`);
    expect(await org.say("/thongbao trangthai zzzzzz")).toContain('Không tìm thấy thông báo có mã "zzzzzz"');
  });
});
