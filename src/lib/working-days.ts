// Working days between a letter's date and the conference (QĐ 45/2018/QĐ-TTg: invitations at least 3 working days ahead).
import { local } from "./time.js";

/** Invitations go out at least this many working days before the meeting. */
export const MIN_WORKING_DAYS = 3;

/**
 * The working days (Monday to Friday) after the day of `issued` and before the day of `start`, in the
 * conference's zone. Public holidays are not known to the bot and count as working days.
 */
export function workingDaysBetween(issued: Date, start: Date): number {
  let day = local(issued).startOf("day").add(1, "day");
  const last = local(start).startOf("day");
  let count = 0;
  while (day.isBefore(last)) {
    const wd = day.day();
    if (wd !== 0 && wd !== 6) count += 1;
    day = day.add(1, "day");
  }
  return count;
}

/**
 * The local day ("YYYY-MM-DD") `count` working days after the day of `from`: Mondays to Fridays,
 * not counting the public holidays given (local days), in the conference's zone.
 */
export function addWorkingDays(from: Date | string, count: number, holidays: readonly string[] = []): string {
  const off = new Set(holidays);
  let day = local(from).startOf("day");
  let left = count;
  while (left > 0) {
    day = day.add(1, "day");
    const wd = day.day();
    if (wd !== 0 && wd !== 6 && !off.has(day.format("YYYY-MM-DD"))) left -= 1;
  }
  return day.format("YYYY-MM-DD");
}
