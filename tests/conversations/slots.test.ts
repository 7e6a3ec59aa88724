// Every question of the bot has an answer slot: the next plain message answers it (issue 12, item 1).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { TOKEN } from "../telegram/helpers.js";
import { telegramOf } from "./helpers.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { TELEGRAM_BOT_TOKEN: TOKEN } });
  org = h.organizer();
});
afterEach(async () => {
  await h.close();
});

const answerOf = (unitId: string, seatId: string) => h.app.store.data.rsvps.find((r) => r.unitId === unitId && r.seatId === seatId);
const codeIn = (text: string) => /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(text)?.[1] as string;

describe("xã Mường So trả lời câu hỏi của bot bằng chữ thường", () => {
  it("/dangky 2 vang → bot hỏi lý do → 'Ốm' ghi vắng mặt với lý do Ốm", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say("/dangky 2 vang")).toBe("Vui lòng ghi lý do vắng mặt, ví dụ: /dangky vang Đi công tác.");
    expect(await d.say("Ốm")).toContain("Đã ghi nhận: UBND xã Mường So, vị trí Công chức làm nhiệm vụ công tác CCHC: vắng mặt. Lý do: Ốm");
    expect(answerOf("muong-so", "cchc")).toMatchObject({ status: "absent", reason: "Ốm" });
    // Answered: the question is closed; the next seat is asked, and words that answer nothing ask it again.
    const again = await d.say("Cảm ơn");
    expect(again).toContain("Bot chưa hiểu “Cảm ơn”.");
    expect(again).toContain("vị trí: Chủ tịch UBND xã");
    expect(answerOf("muong-so", "chair")).toBeUndefined();
  });

  it("a substitute typed without position: asked again, 'Lò Văn Bảy - Phó Chủ tịch UBND xã' is taken", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say("/dangky 1 thay Lò Văn Bảy")).toContain("Vui lòng ghi thêm chức vụ của Lò Văn Bảy");
    expect(await d.say("Lò Văn Bảy - Phó Chủ tịch UBND xã")).toContain("cử Lò Văn Bảy (Phó Chủ tịch UBND xã) dự thay");
    expect(answerOf("muong-so", "chair")).toMatchObject({ status: "substitute", name: "Lò Văn Bảy", position: "Phó Chủ tịch UBND xã" });
  });

  it("a wrong answer gets one sentence and the question stays open; a command still runs as a command", async () => {
    const d = await h.delegate("Mường So");
    await d.say("/dangky 2 vang");
    expect(await d.say("x".repeat(501))).toBe("Lý do vắng mặt dài 501 ký tự, vượt quá 500 ký tự cho phép. Vui lòng ghi ngắn gọn hơn.");
    expect(answerOf("muong-so", "cchc")).toBeUndefined();
    expect(await d.say("Đi công tác")).toContain("vắng mặt. Lý do: Đi công tác");
    await d.say("/dangky 3 vang");
    expect(await d.say("/chuongtrinh")).toContain("Nội dung hội nghị:");
    // The typed command ended the question: nothing half done is stored; the choices still open are shown again.
    expect(await d.say("Ốm")).toContain("Bot chưa hiểu “Ốm”. Đồng chí vui lòng chọn một trong các lựa chọn sau");
    expect(answerOf("muong-so", "motcua")).toBeUndefined();
  });

  it("/huy closes the question; a question left 30 minutes closes quietly", async () => {
    const d = await h.delegate("Mường So");
    await d.say("/dangky 2 vang");
    expect(await d.say("/huy")).toBe("Đã hủy thao tác đang làm dở.");
    expect(await d.say("Ốm")).toContain("Bot chỉ hiểu các lệnh");
    await d.say("/dangky 2 vang");
    h.clock.advance(30 * 60_000);
    expect(await d.say("Ốm")).toContain("Bot chỉ hiểu các lệnh");
    expect(answerOf("muong-so", "cchc")).toBeUndefined();
    // The closed question is tidied away by the next command that runs.
    expect(await d.say("/chuongtrinh")).toContain("Hội nghị");
    expect(h.app.store.data.sessions[d.key]?.awaiting).toBeUndefined();
  });

  it("a command refused to a delegate whose question closed meanwhile changes nothing in the store", async () => {
    const d = await h.delegate("Mường So");
    await d.say("/dangky 2 vang");
    h.clock.advance(31 * 60_000);
    const before = JSON.stringify(h.app.store.data);
    expect(await d.say("/tbluc abc123 01/06/2027 08:00")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(JSON.stringify(h.app.store.data)).toBe(before);
  });

  it("the choices also take their words: 'tham du', 'vang'", async () => {
    const d = await h.delegate("Mường So");
    await d.say("/dangky 1");
    expect(await d.say("vang")).toContain("Vui lòng gõ lý do vắng mặt của vị trí Chủ tịch UBND xã");
    expect(await d.say("Họp Đảng ủy")).toContain("Lý do: Họp Đảng ủy");
    // An answer goes on to the next seat nobody answered, with its choices.
    expect(d.last.at(-1)?.kind).toBe("choices");
    expect(await d.say("tham du")).toContain("Vui lòng gõ họ tên người dự ở vị trí Công chức làm nhiệm vụ công tác CCHC");
    expect(await d.say("Tẩn Thị Mai")).toContain("tham dự, Tẩn Thị Mai");
    expect(answerOf("muong-so", "chair")).toMatchObject({ status: "absent", reason: "Họp Đảng ủy" });
    expect(answerOf("muong-so", "cchc")).toMatchObject({ status: "attend", name: "Tẩn Thị Mai" });
  });

  it("a bare invite code from a person of no unit is taken as /start CODE", async () => {
    const p = h.person("Lò Văn Sáu");
    const code = await h.code("nam-xe");
    expect(await p.say(code)).toContain("đại biểu của UBND xã Nậm Xe");
    expect(h.app.store.data.accounts[p.key]?.unitId).toBe("nam-xe");
  });

  it("/diemdanh → bot hỏi mã → 'W2MBN2' (the code typed alone) checks in", async () => {
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const code = codeIn(await org.say("/diemdanh"));
    h.clock.set("2027-06-20T00:30:00Z");
    const d = await h.delegate("Dào San");
    expect(await d.say("/diemdanh")).toBe("Vui lòng gõ mã điểm danh được chiếu tại hội trường, ví dụ: /diemdanh K7MQ3P.");
    expect(await d.say("ABCDEF")).toContain("Mã điểm danh không đúng");
    expect(await d.say(code.toLowerCase())).toContain("Đã điểm danh: UBND xã Dào San");
    expect(h.app.store.data.checkins).toHaveLength(1);
  });
});

describe("trên Telegram", () => {
  it("xã Nậm Xe: /dangky 2 vang, rồi 'Ốm', qua kênh Telegram", async () => {
    const tel = telegramOf(h);
    const lan = tel.phone(5101, "Lò Thị Lan");
    expect(await lan.say(`/start ${await h.code("nam-xe")}`)).toContain("UBND xã Nậm Xe");
    expect(await lan.say("/dangky 2 vang")).toContain("Vui lòng ghi lý do vắng mặt");
    expect(await lan.say("Ốm")).toContain("vắng mặt. Lý do: Ốm");
    expect(answerOf("nam-xe", "cchc")).toMatchObject({ status: "absent", reason: "Ốm", by: lan.key });
  });
});
