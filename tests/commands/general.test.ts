// The foundation's commands as a person meets them on the console: greeting, joining, help, agenda, schedule.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("/chuongtrinh", () => {
  it("shows the seed's title, its five agenda items and 'sẽ thông báo sau' for time and place", async () => {
    const guest = h.person("Khách");
    const reply = await guest.say("/chuongtrinh");
    expect(reply).toContain("HỘI NGHỊ PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC HUYỆN PHONG THỔ");
    expect(reply).toContain("Thời gian: sẽ thông báo sau");
    expect(reply).toContain("Địa điểm: sẽ thông báo sau");
    expect(reply).toContain("Chủ trì: Đồng chí Chủ tịch UBND huyện");
    for (const n of [1, 2, 3, 4, 5]) expect(reply).toMatch(new RegExp(`^${n}\\. `, "m"));
    expect(reply).toContain("Công bố Chỉ số CCHC năm 2023 của UBND các xã, thị trấn");
    expect(await guest.say("/agenda")).toBe(reply);
  });
});

describe("/datlich", () => {
  it("lets an organizer set time and place, and /chuongtrinh then shows them as an office writes them", async () => {
    const org = h.organizer();
    const saved = await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    expect(saved).toContain("Đã lưu thời gian, địa điểm hội nghị");
    const agenda = await h.person("Khách").say("/chuongtrinh");
    expect(agenda).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027");
    expect(agenda).toContain("Địa điểm: Hội trường UBND huyện");
    expect(h.app.store.data.schedule.sequence).toBe(1);
  });

  it("shows old beside new when the time changes", async () => {
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    const changed = await org.say("/datlich 21/06/2027 08:00");
    expect(changed).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027 → 8 giờ 00, thứ Hai, ngày 21/6/2027");
    expect(h.app.store.data.schedule.place).toBe("Hội trường UBND huyện");
  });

  it("refuses a date that does not parse or lies in the past, and changes nothing", async () => {
    const org = h.organizer();
    expect(await org.say("/datlich 31/02/2027 10:00")).toContain("Không đọc được ngày giờ");
    expect(await org.say("/datlich 20/06/2020 10:00")).toContain("đã qua");
    // "ngày mai" is a day now (src/lib/when.ts, issue 22); words that name none are refused.
    expect(await org.say("/datlich tuần sau")).toContain("Không đọc được ngày giờ");
    expect(h.app.store.data.schedule.sequence).toBe(0);
    expect(await h.person("Khách").say("/chuongtrinh")).toContain("Thời gian: sẽ thông báo sau");
  });

  it("is refused to a guest and to a delegate, with nothing changed", async () => {
    expect(await h.person("Khách").say("/datlich 20/06/2027 14:00")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    const d = await h.delegate("Mường So");
    expect(await d.say("/schedule 20/06/2027 14:00")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(h.app.store.data.schedule.sequence).toBe(0);
  });
});

describe("invite codes", () => {
  it("joins a unit with its code, typed in any case and without the dash", async () => {
    const code = (await h.code("muong-so")).toLowerCase().replace("-", "");
    const p = h.person("Lò Văn Sáu");
    expect(await p.say(`/start ${code}`)).toContain("đại biểu của UBND xã Mường So");
    expect(h.app.store.data.accounts[p.key]?.unitId).toBe("muong-so");
    expect(await p.say("/start")).toContain("Đồng chí là đại biểu của UBND xã Mường So");
  });

  it("refuses a wrong, a malformed and a revoked code, and changes no unit", async () => {
    const p = h.person("Người lạ");
    const wrong = await p.say("/start ABCDE-FGHJK");
    expect(wrong).toContain("Mã mời không đúng");
    expect(await p.say("/start 123")).toContain("Mã mời gồm 10 ký tự");
    const old = await h.code("ban-lang");
    const org = h.organizer();
    expect(await org.say("/mamoi thuhoi Bản Lang")).toContain("Đã thu hồi mã mời của Bản Lang");
    // Issue 16: a revoked code gets the very answer of a wrong one, so a guesser never learns it existed.
    expect(await p.say(`/start ${old}`)).toBe(wrong);
    expect(h.app.store.data.accounts[p.key]?.unitId).toBeUndefined();
    const reissued = await org.say("/mamoi capmoi ban lang");
    const fresh = /: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(reissued)?.[1] as string;
    expect(fresh).not.toBe(old);
    expect(await h.person("Chủ tịch xã").say(`/start ${fresh}`)).toContain("UBND xã Bản Lang");
  });

  it("slows down an account after repeated wrong codes", async () => {
    const p = h.person("Người thử mã");
    for (let i = 0; i < 5; i++) expect(await p.say(`/start WRONG${i}CODE`)).toContain("Mã mời không đúng");
    const right = await h.code("nam-xe");
    expect(await p.say(`/start ${right}`)).toMatch(/thử lại sau \d+ giây/);
    expect(h.app.store.data.accounts[p.key]?.unitId).toBeUndefined();
    h.clock.advance(31_000);
    expect(await p.say(`/start ${right}`)).toContain("UBND xã Nậm Xe");
  });

  it("an organizer code makes an organizer", async () => {
    const p = h.person("Văn phòng");
    expect(await p.say(`/start ${await h.code("organizer")}`)).toContain("Ban tổ chức");
    expect(await p.say("/datlich | Hội trường UBND huyện")).toContain("Đã lưu");
  });
});

describe("/trogiup", () => {
  it("lists what each role may use now", async () => {
    const guest = await h.person("Khách").say("/trogiup");
    expect(guest).toContain("Các lệnh dành cho khách");
    expect(guest).toContain("/chuongtrinh: Chương trình hội nghị");
    expect(guest).not.toContain("/datlich");
    const org = await h.organizer().say("/help");
    expect(org).toContain("Các lệnh dành cho Ban tổ chức");
    expect(org).toContain("/datlich: Đặt hoặc thay đổi");
    expect(org).toContain("/mamoi: Xem, cấp mới");
    const d = await (await h.delegate("Dào San")).say("/trogiup");
    expect(d).toContain("Các lệnh dành cho đại biểu");
    expect(d).not.toContain("/mamoi");
  });
});

describe("/thanhphan and /tailieu", () => {
  it("lists the participant groups, and for a delegate whether the unit answered", async () => {
    const guest = await h.person("Khách").say("/thanhphan");
    expect(guest).toContain("Chủ tịch UBND các xã, thị trấn");
    expect(guest).not.toContain("Đơn vị của đồng chí");
    const d = await (await h.delegate("Mường So")).say("/thanhphan");
    expect(d).toContain("Đơn vị của đồng chí (UBND xã Mường So) chưa xác nhận tham dự");
  });

  it("shows a unit its own preparation duties, and organizers all of them", async () => {
    const noiVu = await (await h.delegate("Phòng Nội vụ")).say("/thanhphan");
    expect(noiVu).toContain("Nhiệm vụ chuẩn bị của đơn vị đồng chí (theo Kế hoạch):");
    expect(noiVu).toContain("III.1. Phòng Nội vụ:");
    expect(noiVu).not.toContain("III.2.");
    expect(await (await h.delegate("Mường So")).say("/thanhphan")).not.toContain("Nhiệm vụ chuẩn bị");
    const all = await h.organizer().say("/thanhphan");
    for (const ref of ["III.1.", "III.2.", "III.3."]) expect(all).toContain(ref);
  });

  it("lists the documents", async () => {
    expect(await h.person("Khách").say("/tailieu")).toContain("Kế hoạch");
  });
});

describe("bad input", () => {
  it("answers an unknown command, free text, control characters and overlong text with one sentence and no change", async () => {
    const p = h.person("Khách");
    await p.say("/start");
    const before = JSON.stringify(h.app.store.data);
    expect(await p.say("/khongco")).toBe("Không có lệnh /khongco. Gõ /trogiup để xem các lệnh.");
    expect(await p.say("xin chào")).toContain("/trogiup");
    expect(await p.say("abc\u0007def")).toContain("ký tự điều khiển");
    expect(await p.say(`/chuongtrinh ${"a".repeat(5000)}`)).toContain("quá dài");
    expect(await p.say("5")).toContain("/trogiup");
    expect(JSON.stringify(h.app.store.data)).toBe(before);
  });

  it("suggests the closest unit for an unknown name", async () => {
    const org = h.organizer();
    expect(await org.say("/mamoi capmoi Muong Sa")).toContain("Có phải đồng chí muốn tìm: Mường So");
  });

  it("never lets an organizer command through for a guest", async () => {
    const p = h.person("Khách");
    for (const cmd of ["/datlich 20/06/2027 14:00", "/mamoi", "/invites revoke Mường So"]) {
      expect(await p.say(cmd)).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    }
    expect(h.app.store.data.invites).toHaveLength(0);
  });
});

describe("language", () => {
  it("answers in English to a person whose Telegram is set to English", async () => {
    const p = h.person("Guest", { language: "en" });
    expect(await p.say("/agenda")).toContain("Time: to be announced");
  });
});

describe("extra arguments", () => {
  it("a command that takes none says so, and changes nothing", async () => {
    const p = h.person("Khách");
    const org = h.organizer();
    await p.say("/start");
    await org.say("/start");
    const before = JSON.stringify(h.app.store.data);
    expect(await p.say("/chuongtrinh hôm nay")).toBe("Lệnh /chuongtrinh không cần thêm nội dung. Vui lòng chỉ gõ /chuongtrinh.");
    expect(await p.say("/agenda now")).toBe("Lệnh /chuongtrinh không cần thêm nội dung. Vui lòng chỉ gõ /chuongtrinh.");
    expect(await org.say("/baocao tất cả")).toBe("Lệnh /baocao không cần thêm nội dung. Vui lòng chỉ gõ /baocao.");
    expect(JSON.stringify(h.app.store.data)).toBe(before);
  });
});
