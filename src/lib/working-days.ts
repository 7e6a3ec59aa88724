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
