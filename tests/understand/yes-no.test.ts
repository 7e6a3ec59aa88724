// The organizers' yes/no questions answered in words (issue 22, item 1): the schedule typed in words and
// offered to confirm, the score table's import and its publication take "đúng rồi", "có", "ok" for yes and
// "không", "thôi" for no, as the numbers and the labels' words do.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const schedule = () => h.app.store.data.schedule;

describe("Ban tổ chức gõ lịch hội nghị bằng lời rồi trả lời 'đúng rồi' hoặc 'không'", () => {
  it("'dung roi' saves the time and place offered", async () => {
    const org = h.organizer();
    expect(await org.say("20/6 luc 8h sang tai hoi truong UBND huyen")).toContain("Đồng chí muốn đặt lịch hội nghị");
    const before = schedule().sequence;
    await org.say("dung roi");
    expect(schedule().sequence).toBe(before + 1);
    expect(JSON.stringify(schedule())).toContain("2027-06-20T01:00:00.000Z");
  });

  it("'khong' keeps the schedule as it stands", async () => {
    const org = h.organizer();
    await org.say("20/6 luc 8h sang tai hoi truong UBND huyen");
    const before = JSON.stringify(schedule());
    await org.say("khong");
    expect(JSON.stringify(schedule())).toBe(before);
  });
});

describe("Ban tổ chức nhập và công bố bảng điểm, xác nhận bằng lời", () => {
  it("'ok' replaces the table; 'co' publishes it", async () => {
    const org = h.organizer();
    await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
    expect(h.app.store.data.scores.current).toBeUndefined();
    expect(await org.say("ok")).toContain("Đã thay thế bảng điểm");
    await org.say("/congbo");
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
    expect(await org.say("co")).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023");
    expect(h.app.store.data.scores.publishedAt).toBeDefined();
  });

  it("'thoi' cancels the import, and the publication stays undone", async () => {
    const org = h.organizer();
    await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
    await org.say("thoi");
    expect(h.app.store.data.scores.current).toBeUndefined();
  });
});
