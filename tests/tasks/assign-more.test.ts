// The loose ends of assigning: step by step, the organizer adds supporting units and sets weekly
// progress reports before confirming; the reminder offsets come from the conference file
// (`tasks.remind_days_before`), and the file's remediation deadline is read.
import { afterEach, describe, expect, it } from "vitest";
import { parseConference } from "../../src/conference/load.js";
import type { ConferenceService } from "../../src/conference/service.js";
import { SHIPPED, shippedText } from "../conference/helpers.js";
import { remedyDeadline } from "../../src/domain/remedy.js";
import { type Ended, endedConference, sentTo } from "./helpers.js";

let e: Ended | undefined;
afterEach(async () => {
  await e?.h.close();
  e = undefined;
});

describe("assigning a task step by step, with supporting units and periodic reports", () => {
  it("the confirmation adds Bản Lang as supporting unit and weekly reports; both are told; reminded 3 days before as the file says", async () => {
    e = await endedConference();
    const { h, org, muongSo } = e;
    const banLang = await h.delegate("Bản Lang", "Lò Thị Mai");
    await org.say("/nhiemvu giao");
    await org.say("Mường So");
    await org.say("Rà soát quy trình nội bộ giải quyết thủ tục hành chính");
    await org.say("1");
    const shown = await org.say("15/7");
    expect(shown).toContain("Đơn vị phối hợp: không có");
    expect(shown).toContain("Báo cáo tiến độ: không yêu cầu báo cáo định kỳ");
    expect(shown).toContain("2. Thêm đơn vị phối hợp");
    expect(await org.say("2")).toContain("Vui lòng gõ tên các đơn vị phối hợp");
    const withHelp = await org.say("Bản Lang");
    expect(withHelp).toContain("Đơn vị phối hợp: UBND xã Bản Lang");
    expect(withHelp).toContain("3. Báo cáo tiến độ hằng tuần");
    const weekly = await org.say("3");
    expect(weekly).toContain("Báo cáo tiến độ: hằng tuần");
    expect(weekly).toContain("Đơn vị phối hợp: UBND xã Bản Lang");
    expect(await org.say("1")).toContain("Đã giao nhiệm vụ số 1 cho UBND xã Mường So");
    const [task] = h.app.store.data.tasks.list;
    expect(task?.supporting).toEqual(["ban-lang"]);
    expect(task?.reportEvery).toBe("weekly");
    await h.app.outbox.idle();
    expect(sentTo(h, banLang).some((t) => t.includes("Ban tổ chức giao nhiệm vụ số 1"))).toBe(true);

    // The conference file says 3 days before (instead of 7 and 1): reminded on 12/7, not on 8/7.
    (h.app.services.conference.conf as { tasks?: { remind_days_before?: number[] } }).tasks = { remind_days_before: [3] };
    const days = [] as string[];
    for (const at of ["2027-07-08T02:00:00Z", "2027-07-12T02:00:00Z"]) {
      h.clock.set(at);
      const from = h.sent.length;
      await h.app.outbox.tick();
      await h.app.outbox.idle();
      days.push(...sentTo(h, muongSo, from).flatMap((t) => /còn (\d+) ngày đến hạn/.exec(t)?.[1] ?? []));
    }
    expect(days).toEqual(["3"]);
  });
});

describe("the conference file's settings for after the conference", () => {
  it("a fixed remediation deadline is read as its whole day; offsets that are no days are refused", () => {
    const conf = parseConference(`${shippedText()}\nremediation:\n  deadline: "2027-07-31"\ntasks:\n  remind_days_before: [10, 2]\n`, SHIPPED);
    expect(conf.tasks?.remind_days_before).toEqual([10, 2]);
    const conference = { conf, units: () => conf.units, unit: (id: string) => conf.units.find((u) => u.id === id) } as unknown as ConferenceService;
    expect(remedyDeadline({ scores: { previousTables: [] } }, conference)).toBeUndefined();
    const due = remedyDeadline({ scores: { previousTables: [], publishedAt: "2027-06-21T02:00:00.000Z" } }, conference);
    expect(due?.toISOString()).toBe("2027-07-31T16:59:00.000Z");
    expect(() => parseConference(`${shippedText()}\ntasks:\n  remind_days_before: ["một tuần"]\n`, SHIPPED)).toThrow();
  });
});
