// /baocao lists the notices sent, with how many reached, failed and acknowledged.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp();
});
afterEach(async () => {
  await h.close();
});

it("shows a broadcast in /baocao with its counts and acknowledgements", async () => {
  const a = await h.delegate("Mường So");
  await h.delegate("Bản Lang");
  const org = h.organizer();
  await org.say("/thongbao tatca | Họp trù bị lúc 8 giờ sáng mai");
  await org.say("1");
  await h.app.outbox.idle();
  await a.say("đã nhận");
  const report = await org.say("/baocao");
  expect(report).toContain("Thông báo đã gửi (mới nhất 1):");
  expect(report).toMatch(/gửi được 2\/2, lỗi 0, không liên lạc được 0, đang chờ 0; đã nhận 1\/2/);
  expect(report).toContain("Họp trù bị lúc 8 giờ sáng mai");
});
