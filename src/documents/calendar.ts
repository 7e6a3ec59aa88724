// The .ics file of the calendar view (src/views/calendar.ts), in the language of `t`: /lich and the desk's download.
import type { Translate } from "../lib/i18n.js";
import { formatDateTime, ZONE } from "../lib/time.js";
import type { CalendarView } from "../views/calendar.js";

/**
 * The .ics text. Times are written in UTC ("…Z"): unambiguous for every calendar, which shows them
 * in the reader's zone; X-WR-TIMEZONE names Asia/Ho_Chi_Minh for calendars that group by it, and
 * the description states the local time in words. (The `ics` package writes no VTIMEZONE.) DTSTAMP
 * is the view's stamp: the same schedule is the same file, byte for byte, however often it is asked.
 */
export async function calendarIcs(view: CalendarView, t: Translate): Promise<string> {
  const description = [
    t("calendar-body", { body: view.body }),
    t("calendar-time", { time: formatDateTime(t, view.start) }),
    t("agenda-chair", { chair: view.chair }),
    "",
    t("agenda-items-title"),
    ...view.agenda.map((a, i) => `${i + 1}. ${a}`),
  ].join("\n");
  // Loaded on first use: the ics package and its validator cost ~10 MB that most processes never need.
  const { createEvent } = await import("ics");
  // (The package reads `timestamp`; its type declarations do not list it.)
  const stamp = { timestamp: view.stamp.getTime() };
  const { error, value } = createEvent({
    uid: view.uid,
    sequence: view.sequence,
    productId: "hoinghi-bot",
    ...stamp,
    method: "PUBLISH",
    calName: view.calendarName,
    title: view.title,
    description,
    location: view.place,
    status: "CONFIRMED",
    start: view.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: view.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    alarms: [{ action: "display", description: t("calendar-alarm", { title: view.calendarName }), trigger: { hours: 1, before: true } }],
  });
  if (error || !value) throw error ?? new Error("calendar not generated");
  return value.replace(/^(METHOD:[^\r\n]*\r?\n)/m, `$1X-WR-TIMEZONE:${ZONE}\r\n`);
}
