// Plain words answered as their command would answer them (issue 22, items 2–4): the walk-through's refused and
// wrongly answered texts, typed by xã Mường So and by Phòng Nội vụ, each with what a person would notice.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";

let h: TestApp;
let org: Person;
let xa: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer("Lò Thị Nội Vụ");
  xa = await h.delegate("Mường So", "Lò Văn Hùng");
});
afterEach(async () => {
  await h.close();
});

describe("đại biểu hỏi bằng lời của mình", () => {
  it("'khi nao phai nop tham luan' is the speech deadline, not the meeting time; 'hop o dau' the place", async () => {
    const said = await xa.say("khi nao phai nop tham luan");
    expect(said).toContain("Hạn nộp tham luận:");
    expect(said).not.toContain("Thời gian:");
    expect(await xa.say("hop o dau")).toContain("Địa điểm:");
    expect(await xa.say("han dang ky la ngay nao")).toMatch(/^Hạn xác nhận tham dự: /);
  });

  it("'toi se di hop' and 'xa minh da xac nhan chua' open /dangky: the unit's seats, as /dangky shows them", async () => {
    const command = await xa.say("/dangky");
    await xa.say("/huy");
    expect(await xa.say("toi se di hop")).toBe(command);
    await xa.say("/huy");
    expect(await xa.say("xa minh da xac nhan chua")).toBe(command);
  });

  it("'cho xin giay moi' sends the unit's own giấy mời, not the list of documents", async () => {
    await xa.say("cho xin giay moi");
    const [file] = xa.last;
    expect(file?.kind).toBe("file");
    expect(file?.kind === "file" && file.name).toBe("giay-moi-muong-so.docx");
    expect(file?.kind === "file" && file.caption).toBe("Giấy mời của UBND xã Mường So");
    expect(await xa.say("tai lieu hop")).toContain("Tài liệu hội nghị:");
  });

  it("'lien he ai' names the contact; 'xep hang' and 'diem cua xa minh' before publication are refused as /xephang and /diem are", async () => {
    expect(await xa.say("lien he ai")).toContain("Phòng Nội vụ huyện Phong Thổ");
    expect(await xa.say("xep hang")).toBe(await xa.say("/xephang"));
    expect(await xa.say("diem cua xa minh")).toBe(await xa.say("/diem"));
  });

  it("an unclear text gets a numbered 'did you mean'; the number answers as that intent", async () => {
    const asked = await xa.say("tai lieu va giay moi");
    expect(asked).toContain("Có phải đồng chí muốn một trong các việc sau?");
    expect(asked).toContain("1. Xem tài liệu hội nghị (/tailieu)\n2. Nhận giấy mời của đơn vị");
    expect(await xa.say("1")).toContain("Tài liệu hội nghị:");
  });
});

describe("điểm của xã, và vì sao bị trừ điểm ở một lĩnh vực", () => {
  beforeEach(async () => {
    await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
    await org.say("1");
    await org.say("/congbo xacnhan");
  });

  it("'diem cua xa minh' is /diem; 'tai sao xa minh bi tru diem linh vuc 3' is field 3's analysis, as /diem Mường So 3 shows it", async () => {
    expect(await xa.say("diem cua xa minh")).toBe(await xa.say("/diem"));
    const said = await xa.say("tai sao xa minh bi tru diem linh vuc 3");
    expect(said).toBe(await xa.say("/diem Mường So 3"));
    // The criteria, where the points went, and the appraisal's note that says why.
    expect(said).toContain("Lĩnh vực 3. Cải cách thủ tục hành chính (một cửa, một cửa liên thông): 12/14 (tự đánh giá 13,25; thẩm định 12; năm trước 11)");
    expect(said).toContain("- 3.4. Tiếp nhận, xử lý phản ánh, kiến nghị: mất 0,75 điểm (1,25/2). Ghi chú thẩm định: Chưa công khai kết quả xử lý phản ánh, kiến nghị");
    expect(await xa.say("tai sao bi tru diem linh vuc 12")).toBe(await xa.say("/diem Mường So 12"));
  });
});

describe("Ban tổ chức hỏi bằng lời của mình", () => {
  it("'don vi nao chua tra loi' is the report's part for an organizer, the unit's own seats for a delegate", async () => {
    const said = await org.say("don vi nao chua tra loi");
    expect(said).toMatch(/^CHƯA TRẢ LỜI \(\d+ đơn vị\)\n/);
    expect(said).toContain("\n- Mường So\n");
    expect(await xa.say("don vi nao chua tra loi")).toBe(await xa.say("/dangky"));
  });

  it("'ai chua nhan thong bao' is the latest notice's status, with who has not acknowledged it", async () => {
    await org.say("/thongbao Kính gửi các đồng chí: tài liệu hội nghị đã có.");
    await org.say("1");
    const sent = await org.say("1");
    expect(sent).toContain("Đã");
    const id = h.app.store.data.notices.at(-1)?.id as string;
    expect(await org.say("ai chua nhan thong bao")).toBe(await org.say(`/thongbao trangthai ${id}`));
  });

  it("'nhac cac xa chua nop tham luan' asks which reminder first (as /nhacnho); nothing is sent on words", async () => {
    const said = await org.say("nhac cac xa chua nop tham luan");
    expect(said).toBe(await org.say("/nhacnho"));
    expect(h.sent).toHaveLength(0);
  });

  it("'cong bo diem' asks to confirm, as /congbo does", async () => {
    await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
    await org.say("1");
    const said = await org.say("cong bo diem");
    expect(said).toBe(await org.say("/congbo"));
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
  });
});

describe("lệnh gõ hai chữ, và tham số bằng lời", () => {
  beforeEach(async () => {
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    await org.say("/diemdanh");
    await xa.say("/dangky 1 tham du Lò Văn Hùng");
    h.clock.set("2027-06-20T00:30:00Z");
  });

  it("'/diem danh CODE' checks in (not a score lookup of 'danh CODE'), and so does 'diem danh CODE' without the slash", async () => {
    const code = h.app.store.data.checkinCode?.code as string;
    const wrong = await xa.say("/diem danh 233VCA");
    expect(wrong).not.toContain("Không tìm thấy đơn vị");
    expect(h.app.store.data.checkins).toHaveLength(0);
    const done = await xa.say(`diem danh ${code.toLowerCase()}`);
    expect(done).toContain("Đã điểm danh: UBND xã Mường So");
    expect(h.app.store.data.checkins).toHaveLength(1);
  });

  it("'/diemdanh thay Muong So' offers the unit's seats with their people; the number checks that seat in", async () => {
    const asked = await org.say("/diemdanh thay Muong So");
    expect(asked).toContain("Điểm danh thay Mường So: vị trí nào?");
    expect(asked).toContain("1. Chủ tịch UBND xã: Lò Văn Hùng");
    expect(h.app.store.data.checkins).toHaveLength(0);
    expect(await org.say("1")).toContain("Đã điểm danh thay: UBND xã Mường So, vị trí Chủ tịch UBND xã");
    expect(h.app.store.data.checkins).toHaveLength(1);
    expect(await org.say("diem danh thay Muong So")).toContain("Điểm danh thay Mường So: vị trí nào?");
  });
});

describe("ngày giờ bằng lời", () => {
  it("/datlich 20/6 luc 8h sang tai hoi truong UBND huyen: 8:00, 20 June, the known place with its marks", async () => {
    const said = await org.say("/datlich 20/6 luc 8h sang tai hoi truong UBND huyen");
    expect(said).toContain("Đã lưu thời gian, địa điểm hội nghị:");
    expect(h.app.store.data.schedule.start).toBe("2027-06-20T01:00:00.000Z");
    expect(h.app.store.data.schedule.place).toBe("Hội trường UBND huyện");
  });

  it("a weekday that is not the date's is pointed out, and nothing is saved", async () => {
    const said = await org.say("/datlich 8 gio 30 thu hai 22/6 | Hoi truong UBND huyen");
    expect(said).toBe("Ngày 22/6/2027 là thứ Ba, không phải thứ Hai. Vui lòng kiểm tra lại ngày hoặc thứ rồi gõ lại.");
    expect(h.app.store.data.schedule.start).toBeUndefined();
  });

  it("an organizer's time and place without a command is offered as a change; saved only on '1'", async () => {
    const asked = await org.say("20/6 luc 8h sang tai hoi truong UBND huyen");
    expect(asked).toContain("Đồng chí muốn đặt lịch hội nghị: 8 giờ 00, Chủ nhật, ngày 20/6/2027, tại Hội trường UBND huyện?");
    expect(asked).toContain("1. Đúng, lưu lịch này\n2. Không, giữ lịch hiện tại");
    expect(h.app.store.data.schedule.start).toBeUndefined();
    expect(await org.say("1")).toContain("Đã lưu thời gian, địa điểm hội nghị:");
    expect(h.app.store.data.schedule.start).toBe("2027-06-20T01:00:00.000Z");
    // A delegate's same words are not a schedule change.
    expect(await xa.say("20/6 luc 8h sang tai hoi truong UBND huyen")).not.toContain("đặt lịch");
  });
});
