// Time in the conference's zone (Asia/Ho_Chi_Minh) and dates written the way a district office writes them.
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import "dayjs/locale/vi.js";
import type { Clock } from "../../commands/types.js";
import type { Translate } from "./i18n.js";

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.extend(customParseFormat);

export const ZONE = "Asia/Ho_Chi_Minh";

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

export function local(d: Date | string): dayjs.Dayjs {
  return dayjs(d).tz(ZONE);
}

/** "14 giờ 00, thứ Năm, ngày 20/6/2024" (the words come from the locale). */
export function formatDateTime(t: Translate, d: Date | string): string {
  const l = local(d);
  return t("fmt-datetime", {
    hour: String(l.hour()),
    minute: l.format("mm"),
    weekday: t(`fmt-weekday-${l.day()}`),
    day: String(l.date()),
    month: String(l.month() + 1),
    year: String(l.year()),
  });
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
 * 20/6/2027", "2027-06-20 14:00"); a date without a time means 08:00. Undefined when it does not
 * parse or names no real day.
 */
export function parseLocalDateTime(text: string): Date | undefined {
  const s = text.trim().replace(/\s+/g, " ");
  let day: string | undefined, month: string | undefined, year: string | undefined;
  let hour = "8", minute = "0";
  const time = /(?:^|\s)(\d{1,2})\s*(?::|h|g|\.)\s*(\d{2})?(?=\s|$)/i.exec(s);
  const rest = time ? (s.slice(0, time.index) + " " + s.slice(time.index + time[0].length)).trim() : s;
  if (time) {
    hour = time[1] as string;
    minute = time[2] ?? "0";
  }
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(rest);
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(rest);
  if (dmy) [, day, month, year] = dmy;
  else if (ymd) [, year, month, day] = ymd;
  else return undefined;
  const iso = `${year}-${month?.padStart(2, "0")}-${day?.padStart(2, "0")} ${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`;
  if (!dayjs(iso, "YYYY-MM-DD HH:mm", true).isValid()) return undefined;
  return dayjs.tz(iso, "YYYY-MM-DD HH:mm", ZONE).toDate();
}
