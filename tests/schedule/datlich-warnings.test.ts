// /datlich warns before it saves: a night hour, a weekend, a public holiday, a start so near that the RSVP and speech
// deadlines are past and reminders are skipped; each named in "1. Vẫn lưu 2. Sửa lại". The change notice names the
// deadlines that moved. Organizers type times as they speak: "18/6 8:00", "8h", "8 giờ 30".
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import type { Driver } from "../scenario/driver.js";
import { startTelegramDriver } from "../scenario/telegram-driver.js";

let h: TestApp | undefined;
let d: Driver | undefined;
afterEach(async () => {
  await d?.close();
  await h?.close();
  d = undefined;
  h = undefined;
});

/** 1 May 2027, 09:00 in Phong Thổ. */
const NOW = "2027-05-01T02:00:00Z";

async function organizerOn(app: TestApp): Promise<Person> {
  const org = app.organizer();
  await org.say("/start");
  return org;
}

async function checked(now = NOW): Promise<{ app: TestApp; org: Person }> {
  h = await createTestApp({ now, env: { SCHEDULE_CHECKS: "on" } });
  return { app: h, org: await organizerOn(h) };
}

describe("/datlich hỏi lại trước khi lưu", () => {
  it("02:00 sáng Chủ nhật: both named, nothing saved until 'Vẫn lưu'", async () => {
    const { app, org } = await checked();
    const asked = await org.say("/datlich 20/06/2027 02:00 | Hội trường UBND huyện");
    expect(asked).toContain("Đồng chí đặt thời gian hội nghị: 2 giờ 00, Chủ nhật, ngày 20/6/2027");
    expect(asked).toContain("1. Giờ bắt đầu 2 giờ 00 nằm ngoài giờ hành chính (7 giờ 00 đến 18 giờ 00).");
    expect(asked).toContain("2. Ngày này là Chủ nhật, ngày nghỉ cuối tuần.");
    expect(asked).toContain("1. Vẫn lưu");
    expect(asked).toContain("2. Sửa lại");
    expect(app.app.store.data.schedule.sequence).toBe(0);
    expect(app.app.store.data.schedule.start).toBeUndefined();

    const saved = await org.say("1");
    expect(saved).toContain("Đã lưu");
    expect(app.app.store.data.schedule.start).toBe("2027-06-19T19:00:00.000Z");
    expect(app.app.store.data.schedule.place).toBe("Hội trường UBND huyện");
  });

  it("'Sửa lại' asks again and the next message is the corrected time; a wrong answer keeps the question open", async () => {
    const { app, org } = await checked();
    await org.say("/datlich 20/06/2027 02:00");
    expect(await org.say("2")).toContain("vui lòng gõ lại thời gian");
    expect(await org.say("ngày hai mươi")).toContain("ngày hai mươi");
    expect(app.app.store.data.schedule.start).toBeUndefined();
    const saved = await org.say("21/6/2027 8 giờ 30");
    expect(saved).toContain("Đã lưu");
    expect(saved).toContain("8 giờ 30, thứ Hai, ngày 21/6/2027");
    expect(app.app.store.data.sessions[org.key]?.awaiting).toBeUndefined();
  });

  it("a Vietnamese public holiday of the conference file (Quốc khánh 2/9/2027) is named", async () => {
    const { org } = await checked();
    const asked = await org.say("/datlich 2/9/2027 8h");
    expect(asked).toContain("Ngày 2/9/2027 là ngày nghỉ lễ, Tết theo lịch của hội nghị.");
    expect(asked).not.toContain("ngoài giờ hành chính");
  });

  it("a start 35 minutes away: the RSVP and speech deadlines would be past and both reminders skipped", async () => {
    const { app, org } = await checked("2027-06-21T01:00:00Z");
    const asked = await org.say("/datlich 21/6/2027 8:35");
    expect(asked).toContain("Hạn xác nhận tham dự sẽ là 8 giờ 35, Chủ nhật, ngày 20/6/2027, đã qua");
    expect(asked).toContain("Hạn nộp tham luận sẽ là 8 giờ 35, thứ Sáu, ngày 18/6/2027, đã qua");
    expect(asked).toContain("Lần nhắc lịch lúc 8 giờ 35, Chủ nhật, ngày 20/6/2027 đã qua nên sẽ không được gửi.");
    expect(asked).toContain("Lần nhắc lịch lúc 7 giờ 35, thứ Hai, ngày 21/6/2027 đã qua");
    expect(app.app.store.data.schedule.start).toBeUndefined();
  });

  it("a weekday within office hours, far enough ahead, is saved at once", async () => {
    const { app, org } = await checked();
    const saved = await org.say("/datlich 21/06/2027 08:00 | Hội trường UBND huyện");
    expect(saved).toContain("Đã lưu");
    expect(saved).not.toContain("Vẫn lưu");
    expect(app.app.store.data.schedule.sequence).toBe(1);
  });

  it("'18/6 8:00' is the next 18 June: this year's before it, next year's after it", async () => {
    const { app, org } = await checked();
    await org.say("/datlich 18/6 8:00");
    expect(app.app.store.data.schedule.start).toBe("2027-06-18T01:00:00.000Z");
    app.clock.set("2027-07-01T02:00:00Z");
    // 18/6/2028 is a Sunday: asked first, then saved as that day.
    expect(await org.say("/datlich 18/6 8:00")).toContain("8 giờ 00, Chủ nhật, ngày 18/6/2028");
    expect(await org.say("1")).toContain("Đã lưu");
    expect(app.app.store.data.schedule.start).toBe("2028-06-18T01:00:00.000Z");
  });

  it("the change message names the new RSVP and speech deadlines when the start moved", async () => {
    const { org } = await checked();
    await org.say("/datlich 21/06/2027 08:00 | Hội trường UBND huyện");
    const moved = await org.say("/datlich 22/06/2027 14:00");
    expect(moved).toContain("Thời gian: 8 giờ 00, thứ Hai, ngày 21/6/2027 → 14 giờ 00, thứ Ba, ngày 22/6/2027");
    expect(moved).toContain("Hạn xác nhận tham dự mới: 14 giờ 00, thứ Hai, ngày 21/6/2027");
    expect(moved).toContain("Hạn nộp tham luận mới: 14 giờ 00, thứ Bảy, ngày 19/6/2027");
    // The notice every delegate gets says the same.
    const ms = await h?.delegate("Mường So") as Person;
    await org.say(`/tbdoilich ${h?.app.store.data.schedule.sequence}`);
    await h?.app.outbox.idle();
    const notice = h?.sent.filter((m) => m.account === ms.key).at(-1)?.text ?? "";
    expect(notice).toContain("Hạn xác nhận tham dự mới: 14 giờ 00, thứ Hai, ngày 21/6/2027");
    expect(notice).toContain("Hạn nộp tham luận mới: 14 giờ 00, thứ Bảy, ngày 19/6/2027");
  });
});

describe("/datlich on Telegram", () => {
  it("the confirmation is answered by its button", { timeout: 60_000 }, async () => {
    const driver = await startTelegramDriver(NOW);
    d = driver;
    driver.h.app.config.scheduleChecks = true;
    const org = driver.person("Cán bộ Phòng Nội vụ", { organizer: true });
    await driver.say(org, "/start");
    const asked = await driver.say(org, "/datlich 19/06/2027 14:00 | Hội trường UBND huyện");
    expect(asked).toContain("Ngày này là thứ Bảy, ngày nghỉ cuối tuần.");
    expect(driver.h.app.store.data.schedule.start).toBeUndefined();
    expect(await driver.choose(org, 1)).toContain("Đã lưu");
    expect(driver.h.app.store.data.schedule.start).toBe("2027-06-19T07:00:00.000Z");
  });
});
