// Working days (QĐ 45/2018/QĐ-TTg: invitations at least 3 working days ahead) and deadlines kept off days off.
import { local, localDay } from "./time.js";

/** Invitations go out at least this many working days before the meeting. */
export const MIN_WORKING_DAYS = 3;

/** Whether the local day of `d` is a working day: Monday to Friday and not one of `holidays` ("YYYY-MM-DD"). */
export function isWorkingDay(d: Date, holidays: readonly string[] = []): boolean {
  const wd = local(d).day();
  return wd !== 0 && wd !== 6 && !holidays.includes(localDay(d));
}

/**
 * The working days after the day of `issued` and before the day of `start`, in the conference's
 * zone: Monday to Friday, less the public holidays the conference file lists.
 */
export function workingDaysBetween(issued: Date, start: Date, holidays: readonly string[] = []): number {
  let day = local(issued).startOf("day").add(1, "day");
  const last = local(start).startOf("day");
  let count = 0;
  while (day.isBefore(last)) {
    if (isWorkingDay(day.toDate(), holidays)) count += 1;
    day = day.add(1, "day");
  }
  return count;
}

/**
 * A deadline as a letter may print it: the same time on the last working day on or before its day
 * (a deadline on a Sunday becomes the Friday before, at the same hour). At most a month back.
 */
export function onWorkingDay(at: Date, holidays: readonly string[] = []): Date {
  let day = local(at);
  for (let i = 0; i < 31 && !isWorkingDay(day.toDate(), holidays); i += 1) day = day.subtract(1, "day");
  return day.toDate();
}

/**
 * The local day ("YYYY-MM-DD") `count` working days after the day of `from`: Mondays to Fridays,
 * not counting the public holidays given (local days), in the conference's zone.
 */
export function addWorkingDays(from: Date | string, count: number, holidays: readonly string[] = []): string {
  let day = local(from).startOf("day");
  let left = count;
  while (left > 0) {
    day = day.add(1, "day");
    if (isWorkingDay(day.toDate(), holidays)) left -= 1;
  }
  return day.format("YYYY-MM-DD");
}
