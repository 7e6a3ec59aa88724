// Sau /datlich: Ban tổ chức được đề nghị báo cho mọi đại biểu, cũ bên cạnh mới; /lich cho tệp .ics cùng UID, SEQUENCE tăng.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const got = (key: string) => h.sent.filter((s) => s.account === key).map((s) => s.text);

describe("change alerts after /datlich", () => {
  it("offers to tell every delegate, and tells them old beside new, once", async () => {
    const a = await h.delegate("Mường So");
    const b = await h.delegate("Văn phòng HĐND và UBND huyện", "Chánh Văn phòng", { channel: "telegram", userId: "7201" });
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    const changed = await org.say("/datlich 21/06/2027 08:00");
    expect(changed).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027 → 8 giờ 00, thứ Hai, ngày 21/6/2027");
    expect(changed).toContain("Gửi thông báo thay đổi (ghi rõ cũ và mới) tới tất cả đại biểu (2 tài khoản)?");
    expect(changed).toContain("1. Gửi cho tất cả đại biểu (2 tài khoản)");
    expect(changed).toContain("2. Không gửi");

    expect(await org.say("1")).toMatch(/Đã xếp thông báo \w{6} vào hàng đợi gửi tới 2 tài khoản/);
    await h.app.outbox.idle();
    for (const key of [a.key, b.key]) {
      const [text] = got(key);
      expect(text).toContain("THÔNG BÁO THAY ĐỔI THỜI GIAN, ĐỊA ĐIỂM HỘI NGHỊ");
      expect(text).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027 → 8 giờ 00, thứ Hai, ngày 21/6/2027");
      expect(text).toContain("Địa điểm: Hội trường UBND huyện (không thay đổi)");
      expect(text).toContain("1. Đã nhận");
    }
    expect(await org.say("/tbdoilich 2")).toMatch(/Thông báo thay đổi này đã được gửi \(mã \w{6}\)\./);
    await h.app.outbox.idle();
    expect(got(a.key).length).toBe(1);
  });

  it("shows a new place beside the old one, refuses an outdated offer, and 'Không gửi' sends nothing", async () => {
    const a = await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await org.say("/datlich | Hội trường Huyện ủy");
    const third = await org.say("/datlich 20/06/2027 15:00");
    expect(third).toContain("Gửi thông báo thay đổi");
    expect(await org.say("/tbdoilich 2")).toContain("Lịch đã được thay đổi thêm sau lựa chọn này");
    expect(await org.say("2")).toContain("Đã bỏ qua, không gửi thông báo thay đổi");
    await h.app.outbox.idle();
    expect(got(a.key)).toEqual([]);
    expect(h.app.store.data.notices.filter((n) => n.kind === "schedule_change")).toEqual([]);

    await org.say("/datlich | Nhà văn hóa huyện");
    await org.say("1");
    await h.app.outbox.idle();
    expect(got(a.key)[0]).toContain("Địa điểm: Hội trường Huyện ủy → Nhà văn hóa huyện");
    expect(got(a.key)[0]).toContain("Thời gian: 15 giờ 00, Chủ nhật, ngày 20/6/2027 (không thay đổi)");
  });

  it("says so when no delegate has joined yet", async () => {
    const reply = await h.organizer().say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    expect(reply).toContain("Chưa có đại biểu nào tham gia bot để nhận thông báo thay đổi.");
  });
});

describe("/lich", () => {
  it("says the time and place are to be announced, then gives an .ics with the same UID and a higher SEQUENCE after a change", async () => {
    const guest = h.person("Khách");
    expect(await guest.say("/lich")).toBe("Thời gian, địa điểm hội nghị sẽ được thông báo sau; khi đó gõ /lich để tải lịch.");
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await guest.say("/calendar");
    const file = guest.last[0];
    expect(file?.kind).toBe("file");
    if (file?.kind !== "file") return;
    expect(file.name).toMatch(/\.ics$/);
    expect(file.mime).toBe("text/calendar");
    expect(file.caption).toContain("14 giờ 00, Chủ nhật, ngày 20/6/2027, tại Hội trường UBND huyện");
    const first = file.data.toString("utf8");
    const uid = /UID:(.+)/.exec(first)?.[1]?.trim();
    expect(uid).toMatch(/@hoinghi-bot$/);
    expect(first).toContain("DTSTART:20270620T070000Z");
    expect(first).toContain("DTEND:20270620T110000Z");
    expect(first).toContain("SEQUENCE:1");
    expect(first).toContain("LOCATION:Hội trường UBND huyện");
    expect(first).toContain("X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
    expect(first).toContain("BEGIN:VALARM");
    expect(first).toContain("TRIGGER:-PT1H");
    expect(first.replace(/\r?\n[ \t]/g, "")).toContain("Cơ quan tổ chức: Ủy ban nhân dân huyện Phong Thổ");

    await org.say("/datlich 21/06/2027 08:00 | Hội trường Huyện ủy");
    await guest.say("/lich");
    const second = guest.last[0]?.kind === "file" ? guest.last[0].data.toString("utf8") : "";
    expect(/UID:(.+)/.exec(second)?.[1]?.trim()).toBe(uid);
    expect(second).toContain("SEQUENCE:2");
    expect(second).toContain("DTSTART:20270621T010000Z");
    expect(second).toContain("LOCATION:Hội trường Huyện ủy");
  });
});
