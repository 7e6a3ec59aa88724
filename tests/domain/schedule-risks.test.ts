// The domain's list of risks of a start (the /datlich question) and the deadlines a change moves (the change notice).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeAlertData, movedDeadlines, scheduleRisks, setSchedule } from "../../src/domain/schedule.js";
import { addDraftPart, draftOf, withdrawable } from "../../src/domain/speeches.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const deps = () => h.app.services;
const now = () => h.clock.now();

describe("rủi ro của một thời gian khai mạc", () => {
  it("Monday 21/6/2027 at 08:00, seven weeks ahead: nothing to ask", () => {
    expect(scheduleRisks(deps(), new Date("2027-06-21T01:00:00Z"), now())).toEqual([]);
  });

  it("07:00 and 18:00 are inside office hours; 06:59 and 18:01 are not", () => {
    const at = (hm: string) => scheduleRisks(deps(), new Date(`2027-06-21T${hm}:00+07:00`), now()).map((r) => r.kind);
    expect(at("07:00")).toEqual([]);
    expect(at("18:00")).toEqual([]);
    expect(at("06:59")).toEqual(["hours"]);
    expect(at("18:01")).toEqual(["hours"]);
  });

  it("Saturday, Sunday and the holidays of the conference file (Tết Đinh Mùi, Giỗ Tổ, 30/4, 2/9)", () => {
    const kinds = (day: string) => scheduleRisks(deps(), new Date(`${day}T08:00:00+07:00`), now()).map((r) => r.kind);
    expect(kinds("2027-06-19")).toEqual(["weekend"]);
    expect(kinds("2027-06-20")).toEqual(["weekend"]);
    expect(kinds("2027-09-02")).toEqual(["holiday"]);
    expect(kinds("2027-04-30")).toContain("holiday");
    expect(h.app.services.conference.conf.holidays).toContain("2026-02-17");
    expect(h.app.services.conference.conf.holidays).toContain("2027-02-08");
  });

  it("a start one hour away: both deadlines past, the day-before reminder skipped, the hour-before one too", () => {
    const risks = scheduleRisks(deps(), new Date(now().getTime() + 60 * 60_000), now());
    expect(risks.filter((r) => r.kind === "deadline-past").map((r) => r.kind === "deadline-past" && r.deadline)).toEqual(["rsvp", "speech"]);
    expect(risks.filter((r) => r.kind === "reminder-skipped")).toHaveLength(2);
  });
});

describe("các hạn dời theo thời gian mới", () => {
  it("a change of start moves the RSVP (24h before) and speech (3d before) deadlines; a change of place moves none", async () => {
    const ORG = "console:org-1";
    await setSchedule(deps(), { start: new Date("2027-06-21T01:00:00Z"), place: "Hội trường UBND huyện", by: ORG, now: now() });
    const moved = await setSchedule(deps(), { start: new Date("2027-06-22T07:00:00Z"), by: ORG, now: now() });
    expect(movedDeadlines(deps(), moved.change)).toEqual({
      rsvp: { before: "2027-06-20T01:00:00.000Z", after: "2027-06-21T07:00:00.000Z" },
      speech: { before: "2027-06-18T01:00:00.000Z", after: "2027-06-19T07:00:00.000Z" },
    });
    expect(changeAlertData(moved.change, deps())).toMatchObject({ rsvpDeadline: "2027-06-21T07:00:00.000Z", speechDeadline: "2027-06-19T07:00:00.000Z" });
    const place = await setSchedule(deps(), { place: "Nhà văn hóa huyện", by: ORG, now: now() });
    expect(movedDeadlines(deps(), place.change)).toEqual({});
    expect(changeAlertData(place.change, deps()).rsvpDeadline).toBeUndefined();
  });
});

describe("bản nháp và rút tham luận trong lõi nghiệp vụ", () => {
  it("a first part opens the draft only when asked to; who may withdraw follows the review", async () => {
    const ms = await h.delegate("Mường So");
    const input = { unitId: "muong-so", by: ms.key, now: now(), part: "Phần 1." };
    await expect(addDraftPart(deps(), input)).rejects.toMatchObject({ key: "speech-not-collecting" });
    expect(draftOf(h.app.store.data, ms.key)).toBeUndefined();
    expect(await addDraftPart(deps(), { ...input, open: true })).toBe(1);
    expect(draftOf(h.app.store.data, ms.key)?.parts).toEqual(["Phần 1."]);

    expect(withdrawable(undefined)).toBe("nothing");
    const v = { n: 1, kind: "text" as const, text: "x", by: ms.key, at: now().toISOString() };
    expect(withdrawable({ unitId: "muong-so", versions: [v], reviews: [] })).toBe("ok");
    expect(withdrawable({ unitId: "muong-so", versions: [v], reviews: [{ version: 1, decision: "accepted", by: "o", at: v.at }] })).toBe("reviewed");
    expect(withdrawable({ unitId: "muong-so", versions: [v], reviews: [], withdrawals: [{ version: 1, by: ms.key, at: v.at }] })).toBe("nothing");
  });
});
