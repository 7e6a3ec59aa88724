// Check-in on the day: the organizer shows a code in the hall, delegates type it during the conference hours only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
});
afterEach(async () => {
  await h.close();
});

const codeIn = (text: string) => /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(text)?.[1] as string;
const checkins = () => h.app.store.data.checkins;

describe("/diemdanh của Ban tổ chức", () => {
  it("shows the same code until it is rotated; the old code stops working", async () => {
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const shown = await org.say("/diemdanh");
    const code = codeIn(shown);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(shown).toContain(`Đại biểu gõ: /diemdanh ${code}`);
    expect(shown).toContain("Điểm danh mở từ 7 giờ 00, Chủ nhật, ngày 20/6/2027 đến 12 giờ 00.");
    expect(shown).toContain("Đã điểm danh: 0 người.");
    expect(codeIn(await org.say("/checkin"))).toBe(code);
    const rotated = await org.say("/diemdanh moi");
    expect(rotated).toContain("Đã cấp mã điểm danh mới; mã cũ không còn dùng được.");
    const fresh = codeIn(rotated);
    expect(fresh).not.toBe(code);
    // Never the whole code in the logs.
    expect(h.logs.join("\n")).not.toContain(code);
    expect(h.logs.join("\n")).not.toContain(fresh);

    h.clock.set("2027-06-20T01:15:00Z");
    const d = await h.delegate("Dào San");
    expect(await d.say(`/diemdanh ${code}`)).toBe("Mã điểm danh không đúng hoặc đã hết hiệu lực. Vui lòng xem mã đang chiếu tại hội trường và gõ lại.");
    expect(await d.say(`/diemdanh ${fresh.slice(0, 3)} ${fresh.slice(3)}`)).toContain("Đã điểm danh: UBND xã Dào San");
  });

  it("says the hours are not known before /datlich", async () => {
    expect(await org.say("/diemdanh")).toContain("giờ khai mạc chưa được đặt (/datlich)");
  });
});

describe("đại biểu điểm danh", () => {
  let code: string;
  beforeEach(async () => {
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    code = codeIn(await org.say("/diemdanh"));
  });

  it("only from 60 minutes before the start until the end", async () => {
    const d = await h.delegate("Mù Sang");
    h.clock.set("2027-06-19T23:59:00Z"); // 6 giờ 59
    expect(await d.say(`/diemdanh ${code}`)).toBe("Chưa đến giờ điểm danh. Điểm danh mở từ 7 giờ 00, Chủ nhật, ngày 20/6/2027.");
    h.clock.set("2027-06-20T05:01:00Z"); // 12 giờ 01
    expect(await d.say(`/diemdanh ${code}`)).toBe("Hội nghị đã kết thúc lúc 12 giờ 00, Chủ nhật, ngày 20/6/2027; không thể điểm danh nữa. Vui lòng liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật) nếu cần.");
    expect(checkins()).toHaveLength(0);
    h.clock.set("2027-06-20T00:00:00Z"); // 7 giờ 00
    expect(await d.say(`/diemdanh ${code}`)).toBe("Đã điểm danh: UBND xã Mù Sang, vị trí Chủ tịch UBND xã, lúc 7 giờ 00. Chúc hội nghị thành công!");
  });

  it("once per account; the seats fill attending seats first, then the rest, then none", async () => {
    const ms = [await h.delegate("Mường So", "A"), await h.delegate("Mường So", "B"), await h.delegate("Mường So", "C"), await h.delegate("Mường So", "D"), await h.delegate("Mường So", "E")];
    const first = ms[0] as Person;
    await first.say("/dangky 1 vang Đi công tác");
    await first.say("/dangky 2 thamdu Lò Văn A");
    await first.say("/dangky 3 thay Lò Văn B, Phó Chủ tịch UBND xã");
    h.clock.set("2027-06-20T00:30:00Z");
    // Two confirmed seats left: the first person is asked which (issue 12), the second takes the other one.
    expect(await first.say(`/diemdanh ${code}`)).toContain("Đồng chí điểm danh cho vị trí nào?");
    expect(await first.say("1")).toContain("Đã điểm danh");
    for (const p of ms.slice(1)) expect(await p.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");
    // The chair answered absent and is never checked in without the organizer.
    expect(checkins().map((c) => c.seatId)).toEqual(["cchc", "motcua", "kstthc", undefined, undefined]);
    expect(await (ms[4] as Person).say("/diemdanh")).toBe("Vui lòng gõ mã điểm danh được chiếu tại hội trường, ví dụ: /diemdanh K7MQ3P.");
    expect(await first.say(`/diemdanh ${code}`)).toBe("Đồng chí đã điểm danh lúc 7 giờ 30, Chủ nhật, ngày 20/6/2027.");
    expect(checkins()).toHaveLength(5);
    expect(checkins()[0]).toEqual({ unitId: "muong-so", seatId: "cchc", by: first.key, at: "2027-06-20T00:30:00.000Z" });
  });

  it("refuses a wrong code, and a guest; an organizer without a unit is told how the code works", async () => {
    h.clock.set("2027-06-20T01:00:00Z");
    const d = await h.delegate("Nậm Xe");
    expect(await d.say("/diemdanh ABCDEF")).toContain("Mã điểm danh không đúng");
    expect(await d.say(`/diemdanh ${code}X`)).toContain("Mã điểm danh không đúng");
    expect(await h.person("Khách").say(`/diemdanh ${code}`)).toContain("Lệnh này dành cho đại biểu");
    expect(await org.say(`/diemdanh ${code}`)).toBe("Ban tổ chức: gõ /diemdanh để xem mã điểm danh, /diemdanh moi để đổi mã.");
    expect(checkins()).toHaveLength(0);
  });
});

describe("trước khi có giờ khai mạc", () => {
  it("refuses a check-in while the time is to be announced", async () => {
    const code = codeIn(await org.say("/diemdanh"));
    const d = await h.delegate("Nậm Xe");
    expect(await d.say(`/diemdanh ${code}`)).toBe("Chưa thể điểm danh vì thời gian hội nghị chưa được thông báo. Gõ /chuongtrinh để xem thông tin mới nhất.");
    expect(checkins()).toHaveLength(0);
  });
});
