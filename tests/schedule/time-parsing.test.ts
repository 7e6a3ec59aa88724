// Times as organizers type them: "20/6/2027 14:00", "8h", "8 giờ 30", "18/6 8:00" (the next 18 June). A property test
// over every day and minute: each way of writing one moment reads back as that moment.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { local, parseLocalDateTime } from "../../src/lib/time.js";
import { propertySeed } from "../helpers/seeds.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("time-parsing", 1406);

const moment = fc.record({
  year: fc.integer({ min: 2024, max: 2032 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
});

const mm = (n: number) => String(n).padStart(2, "0");

describe("reading a time as typed", () => {
  it("every way of writing a day and a time reads back as that moment in Phong Thổ", () => {
    fc.assert(
      fc.property(moment, fc.boolean(), ({ year, month, day, hour, minute }, timeFirst) => {
        const date = `${day}/${month}/${year}`;
        const forms = [`${mm(hour)}:${mm(minute)}`, `${hour}h${mm(minute)}`, `${hour} giờ ${minute}`, `${hour} giờ ${minute} phút`, `${hour} gio ${mm(minute)}`, `${hour} Giờ ${minute} Phút`];
        if (minute === 0) forms.push(`${hour}h`, `${hour} giờ`, `${hour}g`);
        for (const time of forms) {
          const typed = timeFirst ? `${time} ${date}` : `${date} ${time}`;
          const got = parseLocalDateTime(typed);
          expect(got, typed).toBeDefined();
          const l = local(got as Date);
          expect([l.year(), l.month() + 1, l.date(), l.hour(), l.minute()], typed).toEqual([year, month, day, hour, minute]);
        }
      }),
      { seed: SEED },
    );
  });

  it("a day and month without a year is the next such moment after now, never one already past", () => {
    fc.assert(
      fc.property(moment, fc.integer({ min: 0, max: 400 * 24 * 60 }), ({ month, day, hour, minute }, minutesAfter) => {
        const now = new Date(Date.UTC(2026, 0, 1) + minutesAfter * 60_000);
        const got = parseLocalDateTime(`${day}/${month} ${hour}:${mm(minute)}`, now);
        expect(got).toBeDefined();
        const at = got as Date;
        expect(at.getTime()).toBeGreaterThan(now.getTime());
        const l = local(at);
        expect([l.month() + 1, l.date(), l.hour(), l.minute()]).toEqual([month, day, hour, minute]);
        // The next one: a year earlier it would not have been after now.
        const yearBefore = parseLocalDateTime(`${day}/${month}/${l.year() - 1} ${hour}:${mm(minute)}`) as Date;
        expect(yearBefore.getTime()).toBeLessThanOrEqual(now.getTime());
      }),
      { seed: SEED },
    );
  });

  it("refuses what names no real moment", () => {
    expect(parseLocalDateTime("31/02/2027 10:00")).toBeUndefined();
    expect(parseLocalDateTime("20/6/2027 25 giờ")).toBeUndefined();
    expect(parseLocalDateTime("20/6/2027 8 giờ 75")).toBeUndefined();
    expect(parseLocalDateTime("18/6 8:00")).toBeUndefined();
    expect(parseLocalDateTime("ngày mai")).toBeUndefined();
    expect(parseLocalDateTime("29/2 8:00", new Date("2027-03-01T00:00:00Z"))?.toISOString()).toBe("2028-02-29T01:00:00.000Z");
  });
});
