// /dangky as a commune answers it: by seat, typed or by numbers, changeable until the deadline, every answer kept.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const rsvps = () => h.app.store.data.rsvps;
const history = () => h.app.store.data.rsvpHistory;
const snapshot = () => JSON.stringify({ rsvps: rsvps(), history: history() });

describe("xã Mường So xác nhận tham dự theo từng vị trí", () => {
  it("/dangky alone shows every seat's answer and asks which seat", async () => {
    const d = await h.delegate("Mường So", "Lò Văn Sáu");
    await d.say("/dangky 2 vang Đi công tác");
    const shown = await d.say("/dangky");
    expect(shown).toContain("Xác nhận tham dự của UBND xã Mường So:");
    expect(shown).toContain("1. Chủ tịch UBND xã: chưa trả lời");
    expect(shown).toContain("2. Công chức làm nhiệm vụ công tác CCHC: vắng mặt (lý do: Đi công tác)");
    expect(shown).toContain("/dangky 2 thay Lò Văn B, Phó Chủ tịch UBND xã");
  });

  it("answers by numbers: seat, then answer, then the name as the next message", async () => {
    const d = await h.delegate("Mường So", "Lò Văn Sáu");
    await d.say("/dangky");
    expect(await d.press(1)).toContain("UBND xã Mường So, vị trí: Chủ tịch UBND xã");
    expect(await d.say("1")).toBe("Vui lòng gõ họ tên người dự ở vị trí Chủ tịch UBND xã (ví dụ: Lò Văn A).\nGõ /huy nếu không muốn trả lời lúc này.");
    expect(h.app.store.data.sessions[d.key]?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "chair", status: "attend" });
    const saved = await d.say("Tẩn Văn Chù");
    expect(saved).toContain("Đã ghi nhận: UBND xã Mường So, vị trí Chủ tịch UBND xã: tham dự, Tẩn Văn Chù.");
    expect(saved).toContain("Đơn vị còn 3 vị trí chưa trả lời.");
    // The next seat's three answers wait, by number or in words.
    expect(h.app.store.data.sessions[d.key]?.awaiting?.step).toEqual({ kind: "rsvp.reply", seat: "cchc" });
    expect(rsvps()).toMatchObject([{ unitId: "muong-so", seatId: "chair", status: "attend", name: "Tẩn Văn Chù", by: d.key }]);
    // The next free text is no longer taken as a name: a bare name is no answer for the next seat, which is asked again.
    const again = await d.say("Lò Văn Sáu");
    expect(again).toContain("Bot chưa hiểu “Lò Văn Sáu”.");
    expect(again).toContain("UBND xã Mường So, vị trí: Công chức làm nhiệm vụ công tác CCHC");
    expect(rsvps()).toHaveLength(1);
  });

  it("keeps waiting for the substitute's name after a refusal, and /huy ends the wait", async () => {
    const d = await h.delegate("Mường So");
    await d.say("/dangky motcua");
    expect(await d.say("2")).toContain("họ tên và chức vụ người dự thay ở vị trí Công chức bộ phận tiếp nhận và trả kết quả");
    expect(await d.say(", Phó Chủ tịch UBND xã")).toContain("Vui lòng gõ họ tên và chức vụ người dự thay");
    expect(rsvps()).toHaveLength(0);
    expect(await d.say("Lò Thị Hoa, Phó Chủ tịch UBND xã")).toContain("cử Lò Thị Hoa (Phó Chủ tịch UBND xã) dự thay");
    await d.say("/dangky 1");
    await d.say("3");
    expect(await d.say("/huy")).toContain("Đã hủy");
    expect(await d.say("Đi công tác")).toContain("/trogiup");
    expect(rsvps().map((r) => r.seatId)).toEqual(["motcua"]);
  });

  it("reads the seat typed before the answer, as a number or an id, and two-word answers", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say("/dangky 2 thay Lò Văn A, Phó Chủ tịch UBND xã")).toContain("vị trí Công chức làm nhiệm vụ công tác CCHC: cử Lò Văn A (Phó Chủ tịch UBND xã) dự thay");
    expect(await d.say("/dangky kstthc vắng mặt Ốm, nằm viện")).toContain("vị trí Công chức làm nhiệm vụ kiểm soát thủ tục hành chính: vắng mặt. Lý do: Ốm, nằm viện");
    expect(await d.say("/rsvp 1 tham dự Lò  Văn   Sáu, Chủ tịch UBND xã")).toContain("Chủ tịch UBND xã: tham dự, Lò  Văn   Sáu (Chủ tịch UBND xã).");
    const byseat = Object.fromEntries(rsvps().map((r) => [r.seatId, r]));
    expect(byseat.cchc).toMatchObject({ status: "substitute", name: "Lò Văn A", position: "Phó Chủ tịch UBND xã" });
    expect(byseat.kstthc).toMatchObject({ status: "absent", reason: "Ốm, nằm viện" });
    expect(byseat.chair).toMatchObject({ status: "attend", name: "Lò  Văn   Sáu", position: "Chủ tịch UBND xã" });
  });

  it("without a seat, asks which seat; a repeated message asks again and answers nothing twice", async () => {
    const d = await h.delegate("Mường So", "Lò Văn Sáu");
    await d.say("/dangky 1 thamdu Tẩn Văn Chù");
    const asked = await d.say("/dangky thamdu Vàng A Sử");
    expect(asked).toContain("UBND xã Mường So được mời nhiều vị trí. Câu trả lời này dành cho vị trí nào?");
    expect(asked).toContain("1. Chủ tịch UBND xã: tham dự, Tẩn Văn Chù");
    expect(asked).toContain("2. Công chức làm nhiệm vụ công tác CCHC: chưa trả lời");
    expect(rsvps()).toHaveLength(1);
    expect(await d.say("2")).toContain("vị trí Công chức làm nhiệm vụ công tác CCHC: tham dự, Vàng A Sử.");
    // The same message again (a double tap): asked again, nothing written until a seat is chosen.
    await d.say("/dangky thamdu Vàng A Sử");
    expect(rsvps()).toHaveLength(2);
    // A bad answer is refused before any seat is asked.
    expect(await d.say("/dangky thay Lò Văn A")).toContain("chức vụ");
    const typed = await d.say("/dangky 3 thamdu");
    expect(typed).toContain("Bot ghi tên theo tài khoản của đồng chí; nếu người khác dự, gõ: /dangky 3 thamdu Họ tên.");
  });

  it("a unit with one seat is not asked which seat", async () => {
    const d = await h.delegate("Trung tâm Văn hóa");
    const menu = await d.say("/dangky");
    expect(menu).toContain("vị trí: Thủ trưởng cơ quan");
    expect(menu).toContain("1. Tham dự\n2. Cử người dự thay\n3. Vắng mặt");
    expect(await d.say("3")).toContain("lý do vắng mặt của vị trí Thủ trưởng cơ quan");
    expect(await d.say("Dự hội nghị của tỉnh")).toContain("vắng mặt. Lý do: Dự hội nghị của tỉnh");
    expect(await d.say("/dangky thamdu Sùng A Páo")).toContain("tham dự, Sùng A Páo");
    expect(rsvps()).toHaveLength(1);
  });

  it("the last answer wins, the history keeps every answer with who and when", async () => {
    const chair = await h.delegate("Bản Lang", "Chủ tịch xã Bản Lang");
    const officer = await h.delegate("Bản Lang", "Công chức CCHC Bản Lang", { channel: "zalo" });
    await chair.say("/dangky 1 thamdu Lò Văn Pao");
    h.clock.advance(3_600_000);
    await officer.say("/dangky 1 thay Tao Văn Sơn, Phó Chủ tịch UBND xã");
    h.clock.advance(3_600_000);
    await chair.say("/dangky 1 vang Đi công tác tỉnh");
    expect(rsvps()).toEqual([
      { unitId: "ban-lang", seatId: "chair", status: "absent", reason: "Đi công tác tỉnh", by: chair.key, at: "2027-05-01T04:00:00.000Z" },
    ]);
    expect(history().map((r) => [r.status, r.by, r.at])).toEqual([
      ["attend", chair.key, "2027-05-01T02:00:00.000Z"],
      ["substitute", officer.key, "2027-05-01T03:00:00.000Z"],
      ["absent", chair.key, "2027-05-01T04:00:00.000Z"],
    ]);
    expect(history()[1]).toMatchObject({ name: "Tao Văn Sơn", position: "Phó Chủ tịch UBND xã" });
  });

  it("an organizer who joined an invited unit answers for it", async () => {
    const org = h.organizer();
    await org.say(`/start ${await h.code("phong-noi-vu")}`);
    expect(await org.say("/dangky 1 thamdu Trưởng phòng Nội vụ")).toContain("Phòng Nội vụ huyện Phong Thổ, vị trí Thủ trưởng cơ quan");
  });

  it("answers in English to an English-speaking delegate", async () => {
    const d = await h.delegate("Nậm Xe");
    await h.app.store.mutate((data) => {
      const a = data.accounts[d.key];
      if (a) a.language = "en";
    });
    expect(await d.say("/dangky 1 vang Sick")).toContain("Saved: UBND xã Nậm Xe, seat Chủ tịch UBND xã: absent. Reason: Sick");
  });
});

describe("hạn xác nhận", () => {
  it("after start − 24 h the answer is refused with the deadline, /dangky only shows, and nothing changes", async () => {
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const d = await h.delegate("Hoang Thèn");
    h.clock.set("2027-06-19T00:59:00Z"); // 7 giờ 59, one minute before the deadline
    expect(await d.say("/dangky 1 thamdu Sần Văn Lử")).toContain("Có thể thay đổi đến 8 giờ 00, thứ Bảy, ngày 19/6/2027.");
    h.clock.set("2027-06-19T01:00:00Z");
    const before = snapshot();
    const refusal = "Đã hết hạn xác nhận tham dự (8 giờ 00, thứ Bảy, ngày 19/6/2027). Nếu cần thay đổi, vui lòng liên hệ trực tiếp Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật).";
    expect(await d.say("/dangky 1 vang Ốm")).toBe(refusal);
    expect(await d.say("/dangky 2 thamdu Lò A")).toBe(refusal);
    expect(await d.say("/dangky chair")).toBe(refusal);
    const shown = await d.say("/dangky");
    expect(shown).toContain("1. Chủ tịch UBND xã: tham dự, Sần Văn Lử");
    expect(shown).toContain(refusal);
    expect(d.last.some((r) => r.kind === "choices")).toBe(false);
    expect(snapshot()).toBe(before);
  });

  it("a step begun before the deadline is refused after it", async () => {
    await h.organizer().say("/datlich 20/06/2027 08:00");
    const d = await h.delegate("Hoang Thèn");
    h.clock.set("2027-06-19T00:50:00Z");
    await d.say("/dangky 1");
    await d.say("2");
    h.clock.set("2027-06-19T01:10:00Z");
    expect(await d.say("Lò Văn A, Phó Chủ tịch UBND xã")).toContain("Đã hết hạn xác nhận tham dự");
    expect(rsvps()).toHaveLength(0);
  });
});

describe("nhập sai: một câu rõ ràng, không thay đổi gì", () => {
  it("refuses a guest, and an organizer without a unit", async () => {
    expect(await h.person("Khách").say("/dangky thamdu Lò Văn A")).toBe("Lệnh này dành cho đại biểu các đơn vị được mời. Vui lòng gõ /start kèm mã mời của đơn vị.");
    expect(await h.organizer().say("/rsvp thamdu")).toBe("Tài khoản của đồng chí chưa thuộc đơn vị được mời nào. Vui lòng gõ /start kèm mã mời của đơn vị để xác nhận tham dự.");
    expect(history()).toHaveLength(0);
  });

  it("refuses a seat that does not exist, a word it does not know, a substitute without name or position, an empty or overlong reason", async () => {
    const d = await h.delegate("Mường So");
    await d.say("/dangky 1 thamdu Lò Văn A");
    const before = snapshot();
    expect(await d.say("/dangky 5 thamdu Lò Văn A")).toMatch(/^Đơn vị không có vị trí số 5\. Các vị trí được mời: 1\. Chủ tịch UBND xã \(chair\);/);
    expect(await d.say("/dangky 0 vang Ốm")).toContain("không có vị trí số 0");
    expect(await d.say("/dangky phochutich thay Lò Văn A")).toContain("Bot chưa hiểu “phochutich”");
    expect(await d.say("/dangky Lò Văn A")).toContain("Bot chưa hiểu “Lò”");
    expect(await d.say("/dangky 2 thay")).toBe("Vui lòng ghi họ tên và chức vụ người dự thay, cách nhau bằng dấu phẩy, ví dụ: /dangky thay Lò Văn A, Phó Chủ tịch UBND xã.");
    expect(await d.say("/dangky 2 thay , Phó Chủ tịch")).toContain("Vui lòng ghi họ tên và chức vụ người dự thay");
    expect(await d.say("/dangky 2 thay Lò Văn A")).toBe("Vui lòng ghi thêm chức vụ của Lò Văn A sau dấu phẩy, ví dụ: /dangky thay Lò Văn A, Phó Chủ tịch UBND xã.");
    expect(await d.say("/dangky 2 vang")).toBe("Vui lòng ghi lý do vắng mặt, ví dụ: /dangky vang Đi công tác.");
    expect(await d.say(`/dangky 2 vang ${"x".repeat(501)}`)).toBe("Lý do vắng mặt dài 501 ký tự, vượt quá 500 ký tự cho phép. Vui lòng ghi ngắn gọn hơn.");
    expect(await d.say(`/dangky 2 thamdu ${"A".repeat(101)}`)).toContain("Họ tên quá dài");
    expect(snapshot()).toBe(before);
    expect(await d.say(`/dangky 2 vang ${"x".repeat(500)}`)).toContain("Đã ghi nhận");
  });
});
