// Local time of the conference (Asia/Ho_Chi_Minh) as a fixed UTC+7: true to the zone's own rules on every day, and read and written without an Intl object.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../src/lib/i18n.js";
import { formatDateTime, fromLocal, local, parseLocalDateTime, ZONE, ZONE_OFFSET_MINUTES } from "../../src/lib/time.js";
import { propertySeed } from "../helpers/seeds.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("zone", 70700);

/** The wall clock of the zone at a moment, by ICU's rules for it. */
function wallClock(zoneFormat: Intl.DateTimeFormat, d: Date): string {
  const p = Object.fromEntries(zoneFormat.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour === "24" ? "00" : p.hour}:${p.minute}`;
}

describe("the conference's local time", () => {
  it("is UTC+7 on every day from 1976 to 2100, at midnight and noon, as the zone's rules say", () => {
    const zoneFormat = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    const differing: string[] = [];
    for (let t = Date.UTC(1976, 0, 1); t < Date.UTC(2101, 0, 1); t += 12 * 3_600_000) {
      const d = new Date(t);
      if (local(d).format("YYYY-MM-DD HH:mm") !== wallClock(zoneFormat, d)) differing.push(d.toISOString());
    }
    expect(differing).toEqual([]);
    expect(ZONE_OFFSET_MINUTES).toBe(420);
  });

  it("reads back every minute it writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2100, 0, 1) / 60_000 }), (minutes) => {
        const d = new Date(minutes * 60_000);
        expect(fromLocal(local(d).format("YYYY-MM-DD HH:mm"))).toEqual(d);
      }),
      { seed: SEED },
    );
  });

  it("names no moment for a day or time that does not exist", () => {
    expect(fromLocal("2027-02-29 08:00")).toBeUndefined();
    expect(fromLocal("2027-06-20 24:30")).toBeUndefined();
    expect(fromLocal("20/06/2027 08:00")).toBeUndefined();
    expect(fromLocal("2027-06-20 08:00")).toEqual(new Date("2027-06-20T01:00:00Z"));
  });

  describe("without Intl", () => {
    const real = Intl.DateTimeFormat;
    const made: unknown[] = [];
    beforeEach(() => {
      Object.assign(Intl, {
        DateTimeFormat: class extends real {
          constructor(...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
            super(...args);
            made.push(args);
          }
        },
      });
    });
    afterEach(() => {
      Object.assign(Intl, { DateTimeFormat: real });
      made.length = 0;
    });

    it("a delegate reads the conference's time, and an organizer's typed time is understood, with no Intl object made", () => {
      const t = createI18n().forLanguage("vi");
      expect(formatDateTime(t, new Date("2027-06-20T07:00:00Z"))).toBe("14 giờ 00, Chủ nhật, ngày 20/6/2027");
      expect(parseLocalDateTime("20/6/2027 14h30")).toEqual(new Date("2027-06-20T07:30:00Z"));
      expect(made).toEqual([]);
    });
  });
});
