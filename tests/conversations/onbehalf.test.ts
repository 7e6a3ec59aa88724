// Organizers answer for a unit at any time, and nobody's answer changes without them being told (issue 12, items 4 and 7).
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

describe("Ban tổ chức ghi thay cho xã Nậm Xe sau hạn", () => {
  it("records the answer as given by the organizer, after the deadline, and tells the unit's accounts", async () => {
    const namXe = await h.delegate("Nậm Xe", "Lò Văn Sáu");
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    h.clock.set("2027-06-19T12:00:00Z"); // after the RSVP deadline
    expect(await namXe.say("/dangky 2 vang Ốm")).toContain("Đã hết hạn xác nhận tham dự");
    const said = await org.say("/dangky Nậm Xe 2 vang Ốm");
    expect(said).toContain("Đã ghi (Ban tổ chức ghi thay, người ghi: Cán bộ Phòng Nội vụ): UBND xã Nậm Xe, vị trí Công chức làm nhiệm vụ công tác CCHC: vắng mặt (lý do: Ốm).");
    expect(said).toContain("Đã báo cho 1 tài khoản của đơn vị.");
    expect(answerOf("nam-xe", "cchc")).toMatchObject({ status: "absent", reason: "Ốm", by: org.key, onBehalf: true });
    const told = h.sent.filter((m) => m.account === namXe.key).map((m) => m.text);
    expect(told.at(-1)).toContain("Kính gửi UBND xã Nậm Xe: Ban tổ chức (đồng chí Cán bộ Phòng Nội vụ) đã ghi thay câu trả lời cho vị trí Công chức làm nhiệm vụ công tác CCHC: vắng mặt (lý do: Ốm).");
  });

  it("a substitute typed in the dash form; a missing reason is asked for and answered in plain text", async () => {
    expect(await org.say("/dangky Nậm Xe 1 thay Lò Văn Bảy - Phó Chủ tịch UBND xã")).toContain("cử người thay: Lò Văn Bảy, Phó Chủ tịch UBND xã");
    expect(await org.say("/dangky Nậm Xe 3 vang")).toBe("Vui lòng ghi lý do vắng mặt, ví dụ: /dangky vang Đi công tác.");
    expect(await org.say("Nghỉ phép")).toContain("vắng mặt (lý do: Nghỉ phép)");
    expect(answerOf("nam-xe", "motcua")).toMatchObject({ status: "absent", reason: "Nghỉ phép", onBehalf: true });
    expect(await org.say("/dangky Nậm Xe")).toContain("Vui lòng ghi số vị trí và câu trả lời cho UBND xã Nậm Xe");
    expect(await org.say("/dangky")).toContain("Ban tổ chức ghi thay câu trả lời của đơn vị");
  });

  it("on Telegram: the organizer (ORGANIZER_IDS) answers for Mường So", async () => {
    const tel = telegramOf(h);
    const phone = tel.phone(9001, "Phòng Nội vụ");
    expect(await phone.say("/dangky Mường So 1 thamdu Lò Văn Hùng")).toContain("Đã ghi (Ban tổ chức ghi thay");
    expect(answerOf("muong-so", "chair")).toMatchObject({ status: "attend", name: "Lò Văn Hùng", by: "telegram:9001", onBehalf: true });
  });
});

describe("không có gì thay đổi âm thầm", () => {
  it("two delegates of one unit: the first is told who changed the answer, and to what", async () => {
    const a = await h.delegate("Mường So", "Lò Thị Lan");
    const b = await h.delegate("Mường So", "Tẩn Văn Chu");
    await a.say("/dangky 1 thamdu Lò Văn Hùng");
    await b.say("/dangky 1 vang Đi họp tỉnh");
    const told = h.sent.filter((m) => m.account === a.key).map((m) => m.text);
    expect(told).toEqual([
      "Kính gửi đồng chí: câu trả lời đồng chí đã gửi cho UBND xã Mường So, vị trí Chủ tịch UBND xã (tham dự, Lò Văn Hùng) vừa được Tẩn Văn Chu thay bằng: vắng mặt (lý do: Đi họp tỉnh). Gõ /dangky để xem lại.",
    ]);
    // Changing one's own answer tells nobody.
    await b.say("/dangky 1 vang Đi họp tỉnh cả ngày");
    expect(h.sent.filter((m) => m.account === b.key)).toHaveLength(0);
  });

  it("an answer moves on to the next unanswered seat", async () => {
    const d = await h.delegate("Mường So");
    const said = await d.say("/dangky 1 thamdu Lò Văn Hùng");
    expect(said).toContain("Đơn vị còn 3 vị trí chưa trả lời.");
    expect(said).toContain("UBND xã Mường So, vị trí: Công chức làm nhiệm vụ công tác CCHC");
    expect(said).not.toContain("Gõ /dangky để trả lời tiếp");
    expect(await d.say("3")).toContain("Vui lòng gõ lý do vắng mặt của vị trí Công chức làm nhiệm vụ công tác CCHC");
  });
});
