// The conference service: units, speeches, time and place from file and store, deadlines as offsets.
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConference } from "../../src/conference/load.js";
import { type ConferenceService, createConferenceService, parseLocalTime, parseOffset } from "../../src/conference/service.js";
import type { Store } from "../../storage/store.js";
import { openConferenceStore } from "../helpers/conference-store.js";
import { SHIPPED } from "./helpers.js";

const HOUR = 3_600_000;

describe("parseOffset", () => {
  it("reads days, hours and minutes", () => {
    expect(parseOffset("24h")).toBe(24 * HOUR);
    expect(parseOffset("1d")).toBe(24 * HOUR);
    expect(parseOffset("90m")).toBe(90 * 60_000);
    expect(parseOffset("2d 12h")).toBe(60 * HOUR);
    expect(parseOffset("1d2h30m")).toBe(26.5 * HOUR);
    expect(() => parseOffset("24 giờ")).toThrow();
    expect(() => parseOffset("")).toThrow();
  });
});

describe("parseLocalTime", () => {
  it("reads local times of Asia/Ho_Chi_Minh (UTC+7)", () => {
    expect(parseLocalTime("2027-06-20 14:00").toISOString()).toBe("2027-06-20T07:00:00.000Z");
    expect(parseLocalTime("2027-06-18").toISOString()).toBe("2027-06-18T16:59:00.000Z");
  });
});

describe("createConferenceService", () => {
  let dir: string;
  let store: Store;
  let svc: ConferenceService;
  const conf = loadConference(SHIPPED);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "conf-svc-"));
    store = await openConferenceStore({ dir });
    svc = createConferenceService({ conf, file: SHIPPED, store });
  });
  afterEach(async () => {
    await store.flush();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lists units by kind and finds them by id and by name", () => {
    expect(svc.units()).toHaveLength(conf.units.length);
    expect(svc.units("commune")).toHaveLength(16);
    expect(svc.units("town")).toHaveLength(1);
    expect(svc.unit("ban-lang")?.name).toBe("Bản Lang");
    expect(svc.unit("nope")).toBeUndefined();
    expect(svc.findUnit("ban lang").unit?.id).toBe("ban-lang");
  });

  it("gives the assigned speech of a unit, and none to others", () => {
    expect(svc.speechFor("muong-so")?.topic).toBe("về một số giải pháp về công tác chỉ đạo, điều hành để nâng cao chỉ số CCHC");
    expect(svc.speechFor("nam-xe")).toBeUndefined();
  });

  it("has no time, place or deadline while they are to be announced", () => {
    expect(svc.schedule()).toEqual({ start: undefined, end: undefined, place: undefined, announced: false });
    expect(svc.resolve({ before_start: "24h" })).toBeUndefined();
    expect(svc.deadline("rsvp")).toBeUndefined();
    expect(svc.deadline("speech")).toBeUndefined();
  });

  it("takes time and place from the store and counts deadlines back from the start", async () => {
    const start = "2027-06-20T07:00:00.000Z";
    await store.mutate((d) => {
      d.schedule.start = start;
      d.schedule.place = "Hội trường UBND huyện";
    });
    const s = svc.schedule();
    expect(s.start?.toISOString()).toBe(start);
    expect(s.end?.toISOString()).toBe("2027-06-20T11:00:00.000Z");
    expect(s.place).toBe("Hội trường UBND huyện");
    expect(s.announced).toBe(true);
    expect(svc.deadline("rsvp")?.toISOString()).toBe("2027-06-19T07:00:00.000Z");
    expect(svc.deadline("speech")?.toISOString()).toBe("2027-06-17T07:00:00.000Z");
    expect(svc.resolve({ before_start: "2d 12h" })?.toISOString()).toBe("2027-06-17T19:00:00.000Z");
  });

  it("is not announced with a time but no place", async () => {
    await store.mutate((d) => {
      d.schedule.start = "2027-06-20T07:00:00.000Z";
    });
    expect(svc.schedule().announced).toBe(false);
    expect(svc.deadline("rsvp")?.toISOString()).toBe("2027-06-19T07:00:00.000Z");
  });

  it("uses the file's own start and a fixed deadline in local time", () => {
    const fixed = createConferenceService({
      conf: {
        ...conf,
        schedule: { ...conf.schedule, start: "2027-06-20 14:00", place: "Hội trường" },
        deadlines: { rsvp: { at: "2027-06-18 17:00" }, speech: { before_start: "3d" } },
      },
      file: SHIPPED,
      store,
    });
    expect(fixed.schedule().start?.toISOString()).toBe("2027-06-20T07:00:00.000Z");
    expect(fixed.schedule().announced).toBe(true);
    expect(fixed.deadline("rsvp")?.toISOString()).toBe("2027-06-18T10:00:00.000Z");
    expect(fixed.deadline("speech")?.toISOString()).toBe("2027-06-17T07:00:00.000Z");
  });
});
