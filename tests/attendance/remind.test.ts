// /nhacnho: who a reminder reaches, what it says, and when it is not sent.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("/nhacnho", () => {
  it("names the units nobody in the bot could receive, so the organizer calls them", async () => {
    const ms = await h.delegate("Mường So");
    await ms.say("/dangky 1 thamdu Lò Văn A");
    const said = await h.organizer().say("/nhacnho dangky");
    // 22 units lag; only Mường So has an account.
    expect(said).toContain("Đã gửi lời nhắc xác nhận tham dự tới 1 đơn vị (1 tài khoản).");
    expect(said).toContain("Chưa liên lạc được 21 đơn vị");
    expect(said).toContain("Thị trấn Phong Thổ, Sì Lở Lầu");
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0]?.text).toContain("còn 3/4 vị trí");
    expect(h.sent[0]?.text).toContain("Hạn xác nhận: chưa xác định (tính theo giờ khai mạc, sẽ thông báo sau)");
  });

  it("writes to each account in its own language", async () => {
    const d = await h.delegate("Tung Qua Lìn");
    await h.app.store.mutate((data) => {
      const a = data.accounts[d.key];
      if (a) a.language = "en";
    });
    await h.organizer().say("/remind speech");
    expect(h.sent[0]?.text).toMatch(/^To UBND xã Tung Qua Lìn: your unit has not yet submitted its assigned speech/);
  });

  it("refuses an unknown kind, and does not send after the deadline", async () => {
    const org = h.organizer();
    await h.delegate("Mường So");
    expect(await org.say("/nhacnho tatca")).toBe("Vui lòng chọn: /nhacnho dangky (đơn vị chưa xác nhận tham dự) hoặc /nhacnho thamluan (đơn vị chưa nộp tham luận).");
    await org.say("/datlich 20/06/2027 08:00");
    h.clock.set("2027-06-19T02:00:00Z");
    expect(await org.say("/nhacnho dangky")).toContain("Hạn xác nhận tham dự đã qua (8 giờ 00, thứ Bảy, ngày 19/6/2027)");
    expect(await org.say("/nhacnho thamluan")).toContain("Hạn nộp tham luận đã qua (8 giờ 00, thứ Năm, ngày 17/6/2027)");
    expect(h.sent).toHaveLength(0);
  });

  it("says so when nobody lags", async () => {
    await h.app.store.mutate((d) => {
      for (const unit of h.app.services.conference.units()) {
        for (const seat of unit.seats) d.rsvps.push({ unitId: unit.id, seatId: seat.id, status: "attend", name: "X", by: "console:x", at: "2027-05-01T02:00:00.000Z" });
      }
    });
    expect(await h.organizer().say("/nhacnho dangky")).toBe("Mọi đơn vị đã xác nhận tham dự cho tất cả vị trí; không cần nhắc.");
    expect(h.sent).toHaveLength(0);
  });

  it("is for organizers only", async () => {
    expect(await (await h.delegate("Mường So")).say("/nhacnho dangky")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(h.sent).toHaveLength(0);
  });
});
