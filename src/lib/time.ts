// Time in the conference's zone (Asia/Ho_Chi_Minh) and dates written the way a district office writes them.
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import utc from "dayjs/plugin/utc.js";
import "dayjs/locale/vi.js";
import type { Translate } from "./i18n.js";
import { fold } from "./text.js";

/** What time it is: the system clock in production, a fake one in tests. */
export interface Clock {
  now(): Date;
}

dayjs.extend(utc);
dayjs.extend(customParseFormat);

/** The zone of every local time: of the conference file, of what people type, of what they read. */
export const ZONE = "Asia/Ho_Chi_Minh";

/**
 * Its offset from UTC, in minutes. Vietnam has kept UTC+7, without summer time, since 1975, so the
 * offset is a constant, which tests/text/zone.test.ts holds to the zone's own rules. Why not dayjs's
 * timezone plugin: it asks Intl.DateTimeFormat at every conversion, and the first one maps some
 * 8 MB of ICU's tables into the process for as long as it runs.
 */
export const ZONE_OFFSET_MINUTES = 7 * 60;

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests move by hand. */
export function fakeClock(start: Date | string): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set(d) {
      now = new Date(d);
    },
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
  };
}

/** A moment as the conference's clocks show it (hour, day, weekday, format in local time). */
export function local(d: Date | string): dayjs.Dayjs {
  return dayjs(d).utcOffset(ZONE_OFFSET_MINUTES);
}

/** A local "YYYY-MM-DD HH:mm" as the moment it names; undefined when it names no real day or time. */
export function fromLocal(text: string): Date | undefined {
  const asIfUtc = dayjs.utc(text, "YYYY-MM-DD HH:mm", true);
  if (!asIfUtc.isValid()) return undefined;
  return new Date(asIfUtc.valueOf() - ZONE_OFFSET_MINUTES * 60_000);
}

/** The values of "fmt-datetime" in Việt Nam time, the weekday as the key of its word ("fmt-weekday-4"). */
export function dateTimeParts(d: Date | string): { hour: string; minute: string; weekday: string; day: string; month: string; year: string } {
  const l = local(d);
  // Strings, not numbers: Fluent would group the year's digits ("2.027").
  return { hour: String(l.hour()), minute: l.format("mm"), weekday: `fmt-weekday-${l.day()}`, day: String(l.date()), month: String(l.month() + 1), year: String(l.year()) };
}

/** "14 giờ 00, thứ Năm, ngày 20/6/2024" (the words come from the locale). */
export function formatDateTime(t: Translate, d: Date | string): string {
  const parts = dateTimeParts(d);
  return t("fmt-datetime", { ...parts, weekday: t(parts.weekday) });
}

/** "20/6/2024" */
export function formatDate(t: Translate, d: Date | string): string {
  const l = local(d);
  // Strings, not numbers: Fluent would group the year's digits ("2.027").
  return t("fmt-date", { day: String(l.date()), month: String(l.month() + 1), year: String(l.year()) });
}

/** "14 giờ 00" */
export function formatTime(t: Translate, d: Date | string): string {
  const l = local(d);
  return t("fmt-time", { hour: String(l.hour()), minute: l.format("mm") });
}

/**
 * Reads a local date and time as people type it ("20/06/2027 14:00", "20/6/2027 14h30", "14:00
 * 20/6/2027", "2027-06-20 14:00", "20/6/2027 8h", "20/6/2027 8 giờ 30"); a date without a time means
 * 08:00. A day and month without a year ("18/6 8:00") is the next such moment after `now` (this
 * year's, or next year's once it has passed); without `now` it does not parse. Undefined when it
 * does not parse or names no real day.
 */
export function parseLocalDateTime(text: string, now?: Date): Date | undefined {
  // Folded ("8 Giờ 30 phút" → "8 gio 30 phut"): the hour word with any marks, or none, as people type it.
  const s = fold(text);
  let day: string | undefined, month: string | undefined, year: string | undefined;
  let hour = "8", minute = "0";
  // "8 giờ 30", "8 giờ", "8 gio 30 phút": the hour word, then minutes of one or two digits.
  const spoken = /(?:^|\s)(\d{1,2})\s*gio(?:\s*(\d{1,2})(?:\s*(?:phut|p))?)?(?=\s|$)/.exec(s);
  const time = spoken ?? /(?:^|\s)(\d{1,2})\s*(?::|h|g|\.)\s*(\d{2})?(?=\s|$)/.exec(s);
  const rest = time ? (s.slice(0, time.index) + " " + s.slice(time.index + time[0].length)).trim() : s;
  if (time) {
    hour = time[1] as string;
    minute = time[2] ?? "0";
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(rest);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(rest);
  const dm = /^(\d{1,2})[/.-](\d{1,2})$/.exec(rest);
  if (dmy) [, day, month, year] = dmy;
  else if (ymd) [, year, month, day] = ymd;
  else if (dm && now) {
    [, day, month] = dm;
    const thisYear = local(now).year();
    for (const y of [thisYear, thisYear + 1, thisYear + 2, thisYear + 3, thisYear + 4]) {
      // 29/2 comes back only in a leap year: the next one within four years.
      const at = localMoment(String(y), month as string, day as string, hour, minute);
      if (at && at > now) return at;
    }
    return undefined;
  } else return undefined;
  return localMoment(year as string, month as string, day as string, hour, minute);
}

/** The local moment of these parts, or undefined when they name no real day or time. */
function localMoment(year: string, month: string, day: string, hour: string, minute: string): Date | undefined {
  return fromLocal(`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")} ${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`);
}

/** The local calendar day of a moment, "YYYY-MM-DD" (as the conference file writes holidays). */
export function localDay(d: Date | string): string {
  return local(d).format("YYYY-MM-DD");
}
