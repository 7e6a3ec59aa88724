// The plan's purpose, after the day: Mường So is given two tasks on its weakest criteria, reports one
// done with a photo and the organizer accepts it; the other goes overdue under the fake clock and is
// reminded; the monthly digest counts them right.
import { afterEach, describe, expect, it } from "vitest";
import { weakestCriteria } from "../../src/views/task-criteria.js";
import { type Ended, endedConference, PHOTO, sentTo } from "./helpers.js";

let e: Ended | undefined;
afterEach(async () => {
  await e?.h.close();
  e = undefined;
});

describe("after the conference: Mường So's tasks", () => {
  it("two tasks on its weakest fields, one done with a photo and accepted, the other overdue and reminded, the digest counting both", async () => {
    e = await endedConference();
    const { h, org, muongSo } = e;
    const weak = weakestCriteria(h.app.store.data, "muong-so");
    expect(weak.length).toBeGreaterThanOrEqual(2);
    const [first, second] = weak as [(typeof weak)[0], (typeof weak)[0]];

    // Step by step: the unit, the content, the weakest criterion offered first, the deadline, confirm.
    expect(await org.say("/nhiemvu giao")).toContain("Giao nhiệm vụ cho đơn vị nào?");
    expect(await org.say("Mường So")).toContain("Vui lòng gõ nội dung nhiệm vụ giao cho UBND xã Mường So");
    const asked = await org.say("Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa");
    expect(asked).toContain(`1. Tiêu chí ${first.code}.`);
    expect(asked).toContain("Không gắn tiêu chí");
    expect(await org.say("1")).toContain("Vui lòng gõ hạn hoàn thành");
    const confirm = await org.say("15/7");
    expect(confirm).toContain(`Tiêu chí: ${first.code}`);
    expect(confirm).toContain("Hạn hoàn thành: 15/7/2027");
    const given = await org.say("1");
    expect(given).toContain("Đã giao nhiệm vụ số 1 cho UBND xã Mường So, hạn 15/7/2027; đã báo cho 1 tài khoản của đơn vị.");
    // In one line: the second weakest, due 31/7.
    expect(await org.say(`/nhiemvu giao Mường So | Cập nhật hồ sơ công chức lên phần mềm | ${second.code} | 31/7`)).toContain("Đã giao nhiệm vụ số 2");
    await h.app.outbox.idle();
    const told = sentTo(h, muongSo);
    expect(told.some((t) => t.startsWith("Kính gửi UBND xã Mường So: Ban tổ chức giao nhiệm vụ số 1.") && t.includes("Hạn hoàn thành: 15/7/2027"))).toBe(true);
    expect(told.some((t) => t.includes("Đã nhận"))).toBe(true);

    // The delegate sees both, with state and deadline; reports progress with a photo, then done.
    const list = await muongSo.say("/nhiemvu");
    expect(list).toContain(`Số 1 (Mường So): Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa — tiêu chí ${first.code} — hạn 15/7/2027 — chưa hoàn thành (trong hạn)`);
    expect(list).toContain("Số 2 (Mường So)");
    expect(await muongSo.say("1")).toContain("NHIỆM VỤ SỐ 1 — UBND xã Mường So");
    expect(await muongSo.say("1")).toContain("Vui lòng gõ nội dung báo cáo tiến độ nhiệm vụ số 1");
    expect(await muongSo.say("", { file: PHOTO })).toContain("Đã ghi nhận báo cáo tiến độ nhiệm vụ số 1 (báo cáo 1, kèm 1 tệp minh chứng)");
    h.clock.set("2027-07-10T03:00:00Z");
    const mark = h.sent.length;
    // Weeks later, from its list: the task, "Báo cáo đã hoàn thành", the result.
    await muongSo.say("/nhiemvu");
    await muongSo.say("1");
    expect(await muongSo.say("2")).toContain("Vui lòng gõ kết quả đạt được của nhiệm vụ số 1");
    expect(await muongSo.say("Đã niêm yết đủ 112 thủ tục hành chính")).toContain("Đã ghi nhận báo cáo hoàn thành nhiệm vụ số 1");
    await h.app.outbox.idle();
    expect(sentTo(h, org, mark).join("\n")).toContain("UBND xã Mường So báo cáo đã hoàn thành nhiệm vụ số 1");

    // The organizer accepts: done on time (reported 10/7, due 15/7), though accepted after the deadline.
    h.clock.set("2027-07-16T03:00:00Z");
    const review = await org.say("/nhiemvu 1");
    expect(review).toContain("Đơn vị đã báo cáo hoàn thành lúc");
    expect(review).toContain("báo cáo hoàn thành: Đã niêm yết đủ 112 thủ tục hành chính");
    expect(review).toContain("1. Chấp nhận hoàn thành");
    expect(await org.say("1")).toContain("Đã chấp nhận hoàn thành nhiệm vụ số 1 của UBND xã Mường So (hoàn thành đúng hạn)");

    // Task 2 goes overdue: reminded 7 days and 1 day before, then the day after its deadline, then weekly.
    const reminders = () => sentTo(h, muongSo).filter((t) => t.includes("nhiệm vụ số 2") && /còn \d+ ngày đến hạn|quá hạn/.test(t));
    for (const at of ["2027-07-24T02:00:00Z", "2027-07-30T02:00:00Z", "2027-08-01T02:00:00Z", "2027-08-02T02:00:00Z", "2027-08-08T02:00:00Z"]) {
      h.clock.set(at);
      await h.app.outbox.tick();
      await h.app.outbox.idle();
    }
    const got = reminders();
    expect(got.map((t) => /còn (\d+) ngày|quá hạn (\d+) ngày/.exec(t)?.[0])).toEqual(["còn 7 ngày", "còn 1 ngày", "quá hạn 1 ngày", "quá hạn 8 ngày"]);
    // A digest a month, once each: July's at the first planner round of July (the 24th here: one done
    // on time, one within its deadline); August's on the 1st: one overdue since the day before, named.
    const digests = sentTo(h, org).filter((t) => t.startsWith("TỔNG HỢP NHIỆM VỤ SAU HỘI NGHỊ — THÁNG"));
    expect(digests.map((t) => t.split("\n")[0])).toEqual(["TỔNG HỢP NHIỆM VỤ SAU HỘI NGHỊ — THÁNG 07/2027", "TỔNG HỢP NHIỆM VỤ SAU HỘI NGHỊ — THÁNG 08/2027"]);
    expect(digests[0]).toContain("Tổng 2: hoàn thành đúng hạn 1 | hoàn thành quá hạn 0 | chưa hoàn thành (trong hạn) 1 | chưa hoàn thành (quá hạn) 0");
    const digest = digests[1] as string;
    expect(digest).toContain("Tổng 2: hoàn thành đúng hạn 1 | hoàn thành quá hạn 0 | chưa hoàn thành (trong hạn) 0 | chưa hoàn thành (quá hạn) 1");
    expect(digest).toContain("- Mường So: Tổng 2");
    expect(digest).toContain("- Số 2, Mường So: Cập nhật hồ sơ công chức lên phần mềm (hạn 31/7/2027, quá 1 ngày)");
    expect((await org.say("/baocao"))).toContain("chưa hoàn thành (quá hạn) 1");
  });
});
