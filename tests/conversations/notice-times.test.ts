// A notice's send time typed in the words /datlich reads (issue 22, item 4): "20/6 lúc 8h", "14h30 ngày
// 20/6", "8 giờ 30 sáng 20/6", "8h sáng mai"; a date without a year is the next one to come; a weekday
// that is not the date's, or words that name no time, get one clear sentence and change nothing.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const onlyDraft = (app: TestApp) => Object.keys(app.app.store.data.noticeDrafts)[0] as string;

/** Thursday 10 June 2027, 9:00 in Việt Nam: Ban tổ chức has a notice for the communes, and asks to set its time. */
async function askingTime(): Promise<{ app: TestApp; org: Person; id: string }> {
  const app = await createTestApp({ now: "2027-06-10T02:00:00Z" });
  h = app;
  await app.delegate("Mường So", "Lò Văn Sáu");
  const org = app.organizer();
  await org.say("/thongbao Kính mời các đồng chí dự họp trù bị.");
  await org.say("các xã");
  expect(await org.press(2)).toContain("Vui lòng gõ thời điểm gửi");
  return { app, org, id: onlyDraft(app) };
}

describe("Ban tổ chức hẹn giờ gửi thông báo bằng lời", () => {
  it.each([
    ["20/6 luc 8h", "2027-06-20T01:00:00.000Z"],
    ["14h30 ngay 20/6", "2027-06-20T07:30:00.000Z"],
    ["8 gio 30 sang 20/6", "2027-06-20T01:30:00.000Z"],
    ["lúc 2 giờ chiều ngày 20 tháng 6", "2027-06-20T07:00:00.000Z"],
    ["8h sáng mai", "2027-06-11T01:00:00.000Z"],
    ["toi nay luc 7 gio", "2027-06-10T12:00:00.000Z"],
    ["thu hai 21/6 8h", "2027-06-21T01:00:00.000Z"],
    ["07:30 20/06", "2027-06-20T00:30:00.000Z"],
    // A date without a year is the next to come: 3 April has passed this year.
    ["3/4 luc 8h", "2028-04-03T01:00:00.000Z"],
    // An hour without a day is the next such hour: 8:00 has passed today, so tomorrow's.
    ["luc 8h", "2027-06-11T01:00:00.000Z"],
    ["16h", "2027-06-10T09:00:00.000Z"],
  ])("'%s' hẹn gửi lúc %s", async (typed, at) => {
    const { app, org, id } = await askingTime();
    expect(await org.say(typed)).toContain("Hẹn gửi lúc");
    expect(app.app.store.data.noticeDrafts[id]?.sendAt).toBe(at);
  });

  it("the time typed with the notice itself, after 'lúc', reads the same words", async () => {
    h = await createTestApp({ now: "2027-06-10T02:00:00Z" });
    await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/thongbao tatca; lúc 14h30 ngày 20/6 | Kính mời các đồng chí dự họp trù bị.");
    expect(h.app.store.data.noticeDrafts[onlyDraft(h)]?.sendAt).toBe("2027-06-20T07:30:00.000Z");
  });

  it.each([
    ["thu hai 22/6 luc 8h", "Ngày 22/6/2027 là thứ Ba, không phải thứ Hai."],
    ["20/6 luc 8h tai hoi truong", 'Không đọc được thời điểm gửi "20/6 luc 8h tai hoi truong".'],
    ["som nhat co the", 'Không đọc được thời điểm gửi "som nhat co the".'],
    ["31/6 luc 8h", 'Không đọc được thời điểm gửi "31/6 luc 8h".'],
  ])("'%s' is refused in one sentence, and the draft keeps no time", async (typed, sentence) => {
    const { app, org, id } = await askingTime();
    const said = await org.say(typed);
    expect(said).toContain(sentence);
    expect(said).not.toContain("Hẹn gửi lúc");
    expect(app.app.store.data.noticeDrafts[id]?.sendAt).toBeUndefined();
  });
});
