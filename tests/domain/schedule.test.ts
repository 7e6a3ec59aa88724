// The rules of time and place in the domain core: what a change saves, its history, the change alert, the calendar event.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BadArguments } from "../../src/domain/errors.js";
import {
  calendarEvent,
  changeAlert,
  changeAlertData,
  latestChange,
  MAX_PLACE,
  type ScheduleDeps,
  ScheduleInPast,
  setSchedule,
} from "../../src/domain/schedule.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
let deps: ScheduleDeps;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  deps = h.app.services;
});
afterEach(async () => {
  await h.close();
});

const ORG = "console:org-1";
const now = () => h.clock.now();
const JUNE_20 = new Date("2027-06-20T07:00:00Z");
const JUNE_21 = new Date("2027-06-21T01:30:00Z");
const HALL = "Hội trường UBND huyện";

describe("Ban tổ chức đặt lịch hội nghị, rồi dời lịch và đổi địa điểm", () => {
  it("each save returns what it wrote: the entry (old beside new) and the new sequence", async () => {
    const first = await setSchedule(deps, { start: JUNE_20, place: HALL, by: ORG, now: now() });
    expect(first.sequence).toBe(1);
    // Half a day (240 minutes in the conference file) after the start.
    expect(first.change.after).toEqual({ start: JUNE_20.toISOString(), end: "2027-06-20T11:00:00.000Z", place: HALL });
    expect(first.change.before).toEqual({ start: undefined, end: undefined, place: undefined });
    expect(first.change.by).toBe(ORG);

    h.clock.advance(60_000);
    const second = await setSchedule(deps, { start: JUNE_21, by: ORG, now: now() });
    expect(second.sequence).toBe(2);
    expect(second.change.before.start).toBe(JUNE_20.toISOString());
    expect(second.change.after.start).toBe(JUNE_21.toISOString());
    // The place was not given: it stays.
    expect(second.change.after.place).toBe(HALL);
    expect(h.app.store.data.schedule.history).toEqual([first.change, second.change]);
    expect(latestChange(h.app.store.data)).toEqual(second.change);
  });

  it("the end follows the new start by the conference's duration", async () => {
    const { change } = await setSchedule(deps, { start: JUNE_20, by: ORG, now: now() });
    const minutes = h.app.services.conference.conf.schedule.duration_minutes;
    expect(Date.parse(change.after.end as string) - JUNE_20.getTime()).toBe(minutes * 60_000);
  });

  it("refuses a time that is not in the future, an empty change and an overlong place; nothing changes", async () => {
    const before = JSON.stringify(h.app.store.data);
    const past = await setSchedule(deps, { start: new Date("2027-04-30T00:00:00Z"), by: ORG, now: now() }).catch((e: unknown) => e);
    expect(past).toBeInstanceOf(ScheduleInPast);
    expect((past as ScheduleInPast).start.toISOString()).toBe("2027-04-30T00:00:00.000Z");
    await expect(setSchedule(deps, { by: ORG, now: now() })).rejects.toBeInstanceOf(BadArguments);
    await expect(setSchedule(deps, { place: "x".repeat(MAX_PLACE + 1), by: ORG, now: now() })).rejects.toMatchObject({ key: "schedule-place-too-long" });
    expect(JSON.stringify(h.app.store.data)).toBe(before);
  });
});

describe("the change alert: old → new", () => {
  const entry = (before: { start?: string; place?: string }, after: { start?: string; place?: string }) => ({ at: "", by: ORG, before, after });

  it("a first announcement has no old value to show, but is worth telling", () => {
    const alert = changeAlert(entry({}, { start: "2027-06-20T07:00:00.000Z", place: HALL }));
    expect(alert).toEqual({ worthTelling: true });
  });

  it("a moved time and a new place show old beside new", () => {
    const alert = changeAlert(entry({ start: "a", place: HALL }, { start: "b", place: "Nhà văn hóa huyện" }));
    expect(alert).toEqual({ worthTelling: true, time: { before: "a", after: "b" }, place: { before: HALL, after: "Nhà văn hóa huyện" } });
  });

  it("a save that changes nothing is not worth telling", () => {
    expect(changeAlert(entry({ start: "a", place: HALL }, { start: "a", place: HALL }))).toEqual({ worthTelling: false });
  });

  it("the notice's values name each old and new part", () => {
    expect(changeAlertData(entry({ start: "a" }, { start: "b", place: HALL }))).toEqual({ beforeStart: "a", afterStart: "b", afterPlace: HALL });
  });
});

describe("the calendar event", () => {
  it("exists once time and place are both set; keeps its UID and raises its SEQUENCE on a change", async () => {
    // The shipped conference file announces neither time nor place.
    expect(calendarEvent(deps)).toBeUndefined();
    await setSchedule(deps, { start: JUNE_20, place: HALL, by: ORG, now: now() });
    const first = calendarEvent(deps);
    expect(first).toMatchObject({ start: JUNE_20, place: HALL, sequence: 1 });
    await setSchedule(deps, { start: JUNE_21, by: ORG, now: now() });
    const second = calendarEvent(deps);
    expect(second?.uid).toBe(first?.uid);
    expect(second?.sequence).toBe(2);
    expect(second?.start).toEqual(JUNE_21);
  });
});
