// Check-in records a person, not a seat (issue 12, item 2): the bot asks whose seat, never checks in an absent chair.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { TOKEN } from "../telegram/helpers.js";
import { telegramOf } from "./helpers.js";

let h: TestApp;
let org: Person;
let code: string;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { TELEGRAM_BOT_TOKEN: TOKEN } });
  org = h.organizer();
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
  code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
});
afterEach(async () => {
  await h.close();
});

const checkins = () => h.app.store.data.checkins;

async function huoiLuongAnswers(d: Person) {
  await d.say("/dangky 1 vang Đi công tác tỉnh");
  await d.say("/dangky 2 thamdu Lò Thị Hoa");
  await d.say("/dangky 3 thamdu Vàng A Páo");
  await d.say("/dangky 4 thay Tẩn Văn Chu, Công chức Tư pháp - Hộ tịch");
}

describe("xã Huổi Luông báo vắng chủ tịch, cán bộ CCHC điểm danh", () => {
  it("bot hỏi vị trí, không ghi chủ tịch có mặt", async () => {
    const d = await h.delegate("Huổi Luông", "Cán bộ xã Huổi Luông");
    await huoiLuongAnswers(d);
    h.clock.set("2027-06-20T00:30:00Z");
    const asked = await d.say(`/diemdanh ${code}`);
    expect(asked).toContain("UBND xã Huổi Luông còn 3 vị trí chưa điểm danh. Đồng chí điểm danh cho vị trí nào?");
    expect(asked).toContain("1. Công chức làm nhiệm vụ công tác CCHC: đồng chí Lò Thị Hoa (tham dự)");
    expect(asked).not.toContain("Chủ tịch UBND xã:");
    expect(checkins()).toHaveLength(0);
    const done = await d.say("1");
    expect(done).toContain("Đã điểm danh: UBND xã Huổi Luông, vị trí Công chức làm nhiệm vụ công tác CCHC");
    expect(done).toContain("Vị trí này đã đăng ký cho đồng chí Lò Thị Hoa (tham dự).");
    expect(checkins().map((c) => c.seatId)).toEqual(["cchc"]);
    // The report shows the registered name, not the chat's name.
    await org.say("/baocao");
    expect(org.last.map((r) => (r.kind === "text" ? r.text : "")).join("\n")).toContain("- Huổi Luông, Công chức làm nhiệm vụ công tác CCHC: Lò Thị Hoa (7 giờ 30)");
  });

  it("a person whose own name is registered is checked in on that seat without a question; the last confirmed seat is said", async () => {
    const d = await h.delegate("Huổi Luông", "Vàng A Páo");
    await huoiLuongAnswers(d);
    h.clock.set("2027-06-20T00:30:00Z");
    expect(await d.say(`/diemdanh ${code}`)).toContain("vị trí Công chức bộ phận tiếp nhận và trả kết quả");
    const hoa = await h.delegate("Huổi Luông", "Điện thoại xã");
    expect(await hoa.say(`/diemdanh ${code}`)).toContain("Đồng chí điểm danh cho vị trí nào?");
    expect(await hoa.say("2")).toContain("Vị trí này đã đăng ký cho đồng chí Tẩn Văn Chu (dự thay).");
    const third = await h.delegate("Huổi Luông", "Máy tính xã");
    // One confirmed seat left: taken, and the bot says whose it is.
    expect(await third.say(`/diemdanh ${code}`)).toContain("Vị trí này đã đăng ký cho đồng chí Lò Thị Hoa (tham dự).");
    const fourth = await h.delegate("Huổi Luông", "Máy tính bảng xã");
    // Only the absent chair is left: the person is recorded beyond the seats, never on the chair.
    expect(await fourth.say(`/diemdanh ${code}`)).toContain("Đã điểm danh: UBND xã Huổi Luông, lúc 7 giờ 30.");
    expect(checkins().map((c) => c.seatId)).toEqual(["motcua", "kstthc", "cchc", undefined]);
  });

  it("codes are read with O for 0, l for 1, spaces and dashes anywhere", async () => {
    const d = await h.delegate("Dào San");
    h.clock.set("2027-06-20T00:30:00Z");
    const messy = `${code.slice(0, 2)} - ${code.slice(2, 4).toLowerCase()} ${code.slice(4)}`;
    expect(await d.say(`/diemdanh ${messy}`)).toContain("Đã điểm danh: UBND xã Dào San");
  });
});

describe("Ban tổ chức điểm danh thay và xem tình hình", () => {
  it("checks in on behalf by seat number and by name, also an absent seat, recorded as done by the organizer", async () => {
    const d = await h.delegate("Huổi Luông");
    await huoiLuongAnswers(d);
    h.clock.set("2027-06-20T00:40:00Z");
    expect(await org.say("/diemdanh Huổi Luông 1")).toContain("Đã điểm danh thay: UBND xã Huổi Luông, vị trí Chủ tịch UBND xã, chưa đăng ký tên, lúc 7 giờ 40. Người ghi: Cán bộ Phòng Nội vụ (Ban tổ chức).");
    expect(await org.say("/diemdanh Huổi Luông Lò Thị Hoa")).toContain("vị trí Công chức làm nhiệm vụ công tác CCHC, đồng chí Lò Thị Hoa (tham dự)");
    expect(await org.say("/diemdanh Huổi Luông 2")).toContain("đã được điểm danh lúc 7 giờ 40");
    expect(await org.say("/diemdanh Huổi Luông Nguyễn Văn Không")).toContain("Không tìm thấy vị trí “Nguyễn Văn Không” của UBND xã Huổi Luông");
    expect(checkins()).toEqual([
      { unitId: "huoi-luong", seatId: "chair", by: org.key, at: "2027-06-20T00:40:00.000Z", onBehalf: true },
      { unitId: "huoi-luong", seatId: "cchc", by: org.key, at: "2027-06-20T00:40:00.000Z", onBehalf: true },
    ]);
    await org.say("/baocao");
    expect(org.last.map((r) => (r.kind === "text" ? r.text : "")).join("\n")).toContain("Lò Thị Hoa, Ban tổ chức ghi thay: Cán bộ Phòng Nội vụ");
  });

  it("/diemdanh tinhhinh: present X of Y expected, by unit, units nobody from arrived, substitutes present", async () => {
    const hl = await h.delegate("Huổi Luông", "Tẩn Văn Chu");
    await huoiLuongAnswers(hl);
    const ms = await h.delegate("Mường So");
    await ms.say("/dangky 1 thamdu Lò Văn Hùng");
    h.clock.set("2027-06-20T00:45:00Z");
    expect(await hl.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");
    const board = await org.say("/diemdanh tinhhinh");
    // Expected: every invited seat but the one Huổi Luông reported absent; 72 of them not answered yet.
    expect(board).toContain("Có mặt: 1/76 đại biểu dự kiến (mọi vị trí được mời trừ vị trí báo vắng; trong đó 72 vị trí chưa trả lời).");
    expect(board).toContain("- Huổi Luông: 1/3");
    expect(board).toContain("- Mường So: 0/4");
    expect(board).toMatch(/Đơn vị chưa có ai điểm danh \(21\):\n(- .+\n)*- Mường So\n/);
    expect(board).not.toMatch(/Đơn vị chưa có ai điểm danh \(21\):\n(- .+\n)*- Huổi Luông\n/);
    expect(board).toContain("Mới đến (1 lượt gần nhất):\n- 7 giờ 45: Huổi Luông, Công chức làm nhiệm vụ kiểm soát thủ tục hành chính, Tẩn Văn Chu");
    expect(board).toContain("Người dự thay đã có mặt (1):\n- Huổi Luông, Công chức làm nhiệm vụ kiểm soát thủ tục hành chính: Tẩn Văn Chu");
    // For delegates it is no word of theirs: taken as a (wrong) hall code.
    expect(await ms.say("/diemdanh tinhhinh")).toContain("Mã điểm danh không đúng");
  });

  it("on Telegram: a delegate is asked which seat and answers with the number", async () => {
    const d = await h.delegate("Huổi Luông");
    await huoiLuongAnswers(d);
    const tel = telegramOf(h);
    const phone = tel.phone(5202, "Điện thoại");
    await phone.say(`/start ${await h.code("huoi-luong")}`);
    h.clock.set("2027-06-20T00:30:00Z");
    expect(await phone.say(`/diemdanh ${code}`)).toContain("Đồng chí điểm danh cho vị trí nào?");
    expect(await phone.say("3")).toContain("vị trí Công chức làm nhiệm vụ kiểm soát thủ tục hành chính");
    expect(checkins()).toMatchObject([{ seatId: "kstthc", by: phone.key }]);
  });
});
