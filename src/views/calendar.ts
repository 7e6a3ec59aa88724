// The conference as a calendar event (.ics: /lich, the desk's download): typed data once time and place
// are announced; the file itself is written by src/documents/calendar.ts.
import { calendarEvent, type ScheduleDeps } from "../domain/schedule.js";

export interface CalendarView {
  uid: string;
  sequence: number;
  /** When this version of the event was made: the last change, else its start (not "now": the same schedule is the same file). */
  stamp: Date;
  start: Date;
  end: Date;
  place: string;
  title: string;
  /** The calendar's name ("Hội nghị CCHC 2023"). */
  calendarName: string;
  body: string;
  chair: string;
  agenda: string[];
}

/** The event, or undefined while time or place is still to be announced. */
export function calendarView(deps: ScheduleDeps): CalendarView | undefined {
  const event = calendarEvent(deps);
  if (!event) return undefined;
  const conf = deps.conference.conf;
  const changed = Date.parse(deps.store.data.schedule.history.at(-1)?.at ?? "");
  return {
    ...event,
    stamp: new Date(Number.isNaN(changed) ? event.start.getTime() : changed),
    title: conf.title,
    calendarName: conf.short_title ?? conf.title,
    body: conf.body,
    chair: conf.chair,
    agenda: conf.agenda.map((a) => a.title),
  };
}
