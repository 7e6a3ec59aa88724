// Another district loads its own conference file: no code changes, its own units, seats, time and deadlines.
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-07-01T02:00:00Z", env: { CONFERENCE_FILE: path.resolve("tests/fixtures/other-district.yaml") } });
});
afterEach(async () => {
  await h.close();
});

it("serves its agenda, time and place, units, seats and fixed deadline", async () => {
  const agenda = await h.person("Khách").say("/chuongtrinh");
  expect(agenda).toContain("HUYỆN SÌN HỒ");
  expect(agenda).toContain("Thời gian: 8 giờ 00, thứ Năm, ngày 15/7/2027 (buổi sáng)");
  expect(agenda).toContain("Địa điểm: Phòng họp tầng 2, UBND huyện");
  expect(agenda).not.toContain("Phong Thổ");

  const codes = await h.organizer().say("/mamoi");
  expect(codes).toContain("Tả Phìn:");
  expect(codes).not.toContain("Mường So");

  const d = await h.delegate("ta phin");
  // One seat: no question which; the RSVP closes at the fixed date of the file.
  expect(await d.say("/dangky thamdu Lò Văn Dũng")).toContain("tham dự, Lò Văn Dũng");
  expect(await d.say("/thamluan")).toContain("/phatbieu");
  h.clock.set("2027-07-10T10:00:01Z");
  expect(await d.say("/dangky thamdu Lò Văn Dũng")).toContain("17 giờ 00, thứ Bảy, ngày 10/7/2027");
});
