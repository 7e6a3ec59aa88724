// The rules of the conference's time and place: setting and changing them, their history, what a change alert says, the calendar event.
import type { ConferenceService } from "../conference/service.js";
import type { AccountKey, Data, ScheduleChange } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { BadArguments } from "./errors.js";

export interface ScheduleDeps {
  store: Store;
  conference: ConferenceService;
}

/** Longest place name organizers may set. */
export const MAX_PLACE = 200;

/** The new time is not in the future; carries it, which the handler formats. */
export class ScheduleInPast extends BadArguments {
  constructor(readonly start: Date) {
    super("schedule-in-past", { time: start.toISOString() });
  }
}

/** What one /datlich saved: the history entry (old beside new) and the schedule's new sequence. */
export interface ScheduleSaved {
  change: ScheduleChange;
  sequence: number;
}

/**
 * Sets the time, the place, or both. Rules:
 * - at least one of them is given; a place has at most MAX_PLACE characters;
 * - a new start lies in the future, and the end follows it by the conference's duration;
 * - what is not given stays as it is: a time or place that so far came only from the conference
 *   file is written into the store, so that the change records it as both before and after;
 * - every save raises the sequence by one (the calendar's SEQUENCE, and the key by which its change
 *   alert is sent once) and appends one entry to the history, which is never rewritten.
 * Returns what this save wrote, computed in the write itself.
 */
export async function setSchedule(deps: ScheduleDeps, input: { start?: Date; place?: string; by: AccountKey; now: Date }): Promise<ScheduleSaved> {
  const { start, place, now } = input;
  if (!start && !place) throw new BadArguments("schedule-usage");
  if (place !== undefined && place.length > MAX_PLACE) throw new BadArguments("schedule-place-too-long", { max: MAX_PLACE });
  if (start && start <= now) throw new ScheduleInPast(start);
  const before = deps.conference.schedule();
  const durationMs = deps.conference.conf.schedule.duration_minutes * 60_000;
  return deps.store.mutate((d) => {
    const s = d.schedule;
    const beforeState = { start: before.start?.toISOString(), end: before.end?.toISOString(), place: before.place };
    if (start) {
      s.start = start.toISOString();
      s.end = new Date(start.getTime() + durationMs).toISOString();
    } else if (!s.start && before.start) {
      s.start = before.start.toISOString();
      s.end = before.end?.toISOString();
    }
    if (place) s.place = place;
    else if (!s.place && before.place) s.place = before.place;
    s.sequence += 1;
    const change: ScheduleChange = { at: now.toISOString(), by: input.by, before: beforeState, after: { start: s.start, end: s.end, place: s.place } };
    s.history.push(change);
    return { change, sequence: s.sequence };
  });
}

/** What a change alert tells: the old and the new value of each part that changed. */
export interface ChangeAlert {
  /** Set when a time was known before and is different now. */
  time?: { before: string; after?: string };
  /** Set when a place was known before and is different now. */
  place?: { before: string; after?: string };
  /** Time or place differs from before (including one announced for the first time): worth telling every delegate. */
  worthTelling: boolean;
}

/**
 * The old → new of a change. A value set for the first time has no "old" to show, but is still
 * worth telling; a save that changed nothing is not.
 */
export function changeAlert(change: ScheduleChange): ChangeAlert {
  const { before, after } = change;
  const alert: ChangeAlert = { worthTelling: before.start !== after.start || before.place !== after.place };
  if (before.start && before.start !== after.start) alert.time = { before: before.start, ...(after.start ? { after: after.start } : {}) };
  if (before.place && before.place !== after.place) alert.place = { before: before.place, ...(after.place ? { after: after.place } : {}) };
  return alert;
}

/** The values a change-alert notice carries (rendered in each reader's language): beforeStart, afterStart, beforePlace, afterPlace. */
export function changeAlertData(change: ScheduleChange): Record<string, string> {
  const data: Record<string, string> = {};
  if (change.before.start) data.beforeStart = change.before.start;
  if (change.after.start) data.afterStart = change.after.start;
  if (change.before.place) data.beforePlace = change.before.place;
  if (change.after.place) data.afterPlace = change.after.place;
  return data;
}

/** The last change saved, if any. */
export function latestChange(data: Pick<Data, "schedule">): ScheduleChange | undefined {
  return data.schedule.history.at(-1);
}

/** The event's UID: the conference id at the bot's domain, the same in every file for this conference. */
export function calendarUid(conferenceId: string): string {
  return `${conferenceId}@hoinghi-bot`;
}

/** What a calendar file says of the conference, once both time and place are known. */
export interface CalendarEvent {
  uid: string;
  /** Raised by every change: a calendar that imported the event before replaces it. */
  sequence: number;
  start: Date;
  end: Date;
  place: string;
}

/**
 * The conference as a calendar event: undefined until time and place are both announced; the same
 * UID after every change and a higher SEQUENCE; without a set end, the start plus the duration.
 */
export function calendarEvent(deps: ScheduleDeps): CalendarEvent | undefined {
  const conf = deps.conference.conf;
  const s = deps.conference.schedule();
  if (!s.announced || !s.start || !s.place) return undefined;
  const end = s.end ?? new Date(s.start.getTime() + conf.schedule.duration_minutes * 60_000);
  return { uid: calendarUid(conf.id), sequence: deps.store.data.schedule.sequence, start: s.start, end, place: s.place };
}
