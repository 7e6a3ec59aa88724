// One bot, two conferences of Phong Thổ (issue 26, item 5): a commune invited to both is asked once which
// one it works on; a delegate who joined in 2023 gets the 2025 giấy mời without a new code; a closed
// conference's export does not change whatever the next conference does.
import { afterEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildWorkbook } from "../../src/documents/workbook.js";
import { workbookView } from "../../src/views/workbook.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { ID_2025, TITLE_2025, write2025 } from "./helpers.js";

const ID_2023 = "phong-tho-2023";
const TITLE_2023 = "Hội nghị Chỉ số CCHC năm 2023";

/** Every cell of every sheet as text, sheet by sheet (the .xlsx's own dates are the machine's, not the conference's). */
async function cellsOf(bytes: Buffer): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row, n) => {
      out.push(`${sheet.name}!${n}: ${JSON.stringify(row.values)}`);
    });
  });
  return out;
}

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Both conferences running: 2025 added by an organizer after Mường So joined for 2023. */
async function twoConferences() {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  const ms = await h.delegate("muong-so", "Lò Văn Sáu");
  const org = h.organizer();
  await org.say("/hoinghi");
  const added = await h.app.conferences.add(await write2025(h.dir), org.key);
  await h.app.outbox.idle();
  return { h, ms, org, added };
}

const own = (app: TestApp, id: string) => {
  const c = app.app.conferences.get(id);
  if (!c) throw new Error(`no conference ${id}`);
  return c;
};

describe("hai hội nghị cùng diễn ra trên một bot", () => {
  it("xã Mường So được mời dự cả hai: bot hỏi một lần hội nghị nào, ghi nhớ, rồi trả lời cho hội nghị đã chọn", async () => {
    const { h, ms } = await twoConferences();
    const asked = await ms.say("/dangky");
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toContain(`1. ${TITLE_2023}`);
    expect(asked).toContain(`2. ${TITLE_2025}`);
    // Nothing was answered while the question was open.
    expect(own(h, ID_2023).store.data.rsvps).toEqual([]);

    const chosen = await ms.say("2");
    expect(chosen).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2025}`);
    // The message that waited for the answer is answered now, for 2025: the seats to register.
    expect(chosen).toContain("Chủ tịch UBND");

    // Asked once: the next message goes to 2025 without a question.
    const again = await ms.say("/chuongtrinh");
    expect(again).not.toContain("đang được mời dự 2 hội nghị");
    expect(again).toContain("Thời gian: 8 giờ 00, Chủ nhật, ngày 20/6/2027");

    await ms.say("/dangky 1 thamdu Lò Văn Sáu");
    expect(own(h, ID_2025).store.data.rsvps.map((r) => [r.unitId, r.seatId, r.status])).toEqual([["muong-so", "chair", "attend"]]);
    expect(own(h, ID_2023).store.data.rsvps).toEqual([]);

    // Switched explicitly: /hoinghi lists both, the current marked, and a number switches.
    const list = await ms.say("/hoinghi");
    expect(list).toContain(`2. ${TITLE_2025} (đang làm việc)`);
    expect(await ms.say("/hoinghi 1")).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2023}`);
    const agenda2023 = await ms.say("/chuongtrinh");
    expect(agenda2023).toContain("NĂM 2023");
    expect(agenda2023).not.toContain("20/6/2027");
  });

  it("một tệp gửi đúng lúc bot hỏi hội nghị nào được giữ lại, không ghi vào hội nghị nào trước khi chọn (tests/conferences/waiting.test.ts: sau khi chọn)", async () => {
    const { h, ms } = await twoConferences();
    const file = { kind: "document" as const, name: "tham-luan-muong-so.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 10, download: async () => Buffer.from("x") };
    const asked = await ms.say("", { file });
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toContain("Bot đã giữ lại tệp “tham-luan-muong-so.docx” đồng chí vừa gửi");
    expect(h.app.root.data.accounts[ms.key]?.conferenceAsked?.waiting?.map((m) => m.file?.name)).toEqual(["tham-luan-muong-so.docx"]);
    expect(own(h, ID_2025).store.data.speeches["muong-so"]).toBeUndefined();
    expect(own(h, ID_2023).store.data.speeches["muong-so"]).toBeUndefined();
  });

  it("Ban tổ chức cũng được hỏi một lần, chọn bằng nút bấm; thông báo của mỗi hội nghị chỉ liệt kê ở hội nghị đó", async () => {
    const { h, org } = await twoConferences();
    expect(await org.say("/baocao")).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(await org.press(1)).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2023}`);
    // The 2025 letters went as 2025's notices: 2023's report counts none of them.
    const notices = h.app.root.data.notices;
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.conference === ID_2025)).toBe(true);
    expect(await org.say("/thongbao trangthai")).not.toContain("Giấy mời");
  });
});

describe("trả lời câu hỏi hội nghị nào bằng lời, không dấu", () => {
  it("'nam 2025' chọn hội nghị năm 2025; câu không rõ thì bot hỏi lại, không ghi gì", async () => {
    const { h, ms } = await twoConferences();
    expect(await ms.say("/chuongtrinh")).toContain("Đồng chí đang được mời dự 2 hội nghị");
    // Neither number nor words of one title: asked again, nothing remembered.
    expect(await ms.say("hoi nghi")).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(h.app.root.data.accounts[ms.key]?.conference).toBeUndefined();
    const chosen = await ms.say("nam 2025");
    expect(chosen).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2025}`);
    expect(h.app.root.data.accounts[ms.key]?.conference).toBe(ID_2025);
  });
});

describe("người đã tham gia từ năm 2023 nhận giấy mời năm 2025 mà không cần mã mới", () => {
  it("đại biểu xã Mường So nhận thông báo kèm giấy mời của xã, bấm Đã nhận; tài khoản và mã mời của xã giữ nguyên", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const ms = await h.delegate("muong-so", "Lò Văn Sáu");
    const codesBefore = structuredClone(h.app.root.data.invites);
    const accountBefore = structuredClone(h.app.root.data.accounts[ms.key]);

    const { told, without } = await h.app.conferences.add(await write2025(h.dir), h.organizer().key);
    await h.app.outbox.idle();
    expect(told).toEqual(["muong-so"]);
    expect(without).toContain("nam-xe");

    const letter = h.sent.filter((s) => s.account === ms.key);
    expect(letter).toHaveLength(1);
    const text = letter[0]?.text ?? "";
    expect(text).toContain("Kính gửi đồng chí");
    expect(text).toContain("trân trọng kính mời UBND xã Mường So dự Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ năm 2025");
    expect(text).toContain("Thời gian: 8 giờ 00, Chủ nhật, ngày 20/6/2027");
    expect(text).toContain("Đơn vị đăng ký người dự (4 vị trí) trước 8 giờ 00, thứ Bảy, ngày 19/6/2027: gõ /dangky.");
    expect(text).toContain("không cần nhập lại mã mời");
    expect(letter[0]?.replies.some((r) => r.kind === "file" && r.name.endsWith(".docx"))).toBe(true);

    // No new code, no new join: the same account, the same unit, the same codes.
    expect(h.app.root.data.invites).toEqual(codesBefore);
    expect(h.app.root.data.accounts[ms.key]?.unitId).toBe(accountBefore?.unitId);
    expect(h.app.root.data.accounts[ms.key]?.joinedAt).toBe(accountBefore?.joinedAt);

    // "Đã nhận" acknowledges the letter at once: no question which conference, although two are running.
    const ack = await ms.say("đã nhận");
    expect(ack).not.toContain("đang được mời dự 2 hội nghị");
    const delivery = h.app.root.data.deliveries.find((d) => d.account === ms.key && h?.app.root.data.notices.find((n) => n.id === d.noticeId)?.kind === "invitation");
    expect(delivery?.ackAt).toBeDefined();

    // Told once: adding the letters again sends nothing more.
    expect((await h.app.conferences.invite(ID_2025, "system")).told).toEqual([]);
  });
});

describe("hội nghị đã kết thúc chỉ để xem", () => {
  it("bảng tổng hợp của hội nghị 2023 đã kết thúc không đổi sau mọi thay đổi của hội nghị 2025, kể cả sau khi khởi động lại", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const dir = h.dir;
    const ms = await h.delegate("muong-so", "Lò Văn Sáu");
    const org = h.organizer();
    await ms.say("/dangky 1 thamdu Lò Văn Sáu");
    await ms.say("/thamluan Xã Mường So báo cáo kết quả số hóa hồ sơ.");

    await org.say("/nhiemvu giao Mường So | Niêm yết đủ thủ tục hành chính | 3.2 | 31/12/2027");
    // Closed by an organizer, after the confirmation, which says the task still open would take no more reports.
    const question = await org.say("/hoinghi dong 1");
    expect(question).toContain(`Kết thúc ${TITLE_2023}?`);
    expect(question).toContain("còn 1 nhiệm vụ chưa hoàn thành");
    expect(await org.say("1")).toContain(`Đã kết thúc ${TITLE_2023}`);
    const t = h.app.services.i18n.forLanguage("vi");
    const exportOf = async (app: TestApp) => {
      const c = own(app, ID_2023);
      const view = workbookView(c.store.data, c.conference.conf, app.clock.now());
      return { view: JSON.stringify(view), cells: await cellsOf(await buildWorkbook(view, t)) };
    };
    const before = await exportOf(h);
    expect(before.view).toContain("Lò Văn Sáu");

    // The next conference: Mường So works on it (the only one running), a new delegate joins, seats answered.
    await h.app.conferences.add(await write2025(h.dir), org.key);
    await h.app.outbox.idle();
    await ms.say("/dangky 1 vang di cong tac");
    await h.delegate("muong-so", "Lò Thị Hoa");
    expect(own(h, ID_2025).store.data.rsvps).toHaveLength(1);
    // A change asked of the closed conference is refused in one sentence, nothing changed.
    const list = await ms.say("/hoinghi");
    expect(list).toContain(`2. ${TITLE_2023} (đã kết thúc, chỉ xem)`);
    expect(await ms.say("/hoinghi 2")).toContain(`${TITLE_2023} đã kết thúc: thông tin chỉ để xem`);

    const after = await exportOf(h);
    expect(after.view).toBe(before.view);
    expect(after.cells).toEqual(before.cells);
    expect(before.cells.join("\n")).toContain("Lò Văn Sáu");

    // Started again on the same folder: still closed, still the same.
    await h.app.close();
    h = await createTestApp({ now: "2027-05-01T02:00:00Z", dir });
    expect(h.app.root.data.conferences[ID_2023]?.status).toBe("closed");
    const reopened = await exportOf(h);
    expect(reopened.view).toBe(before.view);
    expect(reopened.cells).toEqual(before.cells);
  });
});
