// The rules of the conference's time and place: setting and changing them, their history, what a change alert says, the calendar event.
import { writable } from "../lib/text.js";
import type { Moment } from "../conference/schema.js";
import { type ConferenceService, parseOffset } from "../conference/service.js";
import { local, localDay } from "../lib/time.js";
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

/** A change in the history with the sequence it was saved as. */
export interface NumberedChange {
  sequence: number;
  change: ScheduleChange;
}

/** The sequence each history entry was saved as (the last entry is the current sequence). */
export function numberedHistory(data: Pick<Data, "schedule">): NumberedChange[] {
  const { history, sequence } = data.schedule;
  return history.map((change, i) => ({ sequence: sequence - (history.length - 1 - i), change }));
}

/**
 * Changes by other organizers around one save: `earlier` were saved after the schedule this
 * organizer's command saw (its `seen`) and before their save, so theirs replaced them unseen;
 * `later` were saved after theirs, so the schedule no longer stands as they set it.
 */
export function changesMeanwhile(data: Pick<Data, "schedule">, saved: ScheduleSaved): { earlier: NumberedChange[]; later: NumberedChange[] } {
  const others = numberedHistory(data).filter((e) => e.change.by !== saved.change.by);
  const seen = saved.change.seen ?? saved.sequence - 1;
  return {
    earlier: others.filter((e) => e.sequence > seen && e.sequence < saved.sequence),
    later: others.filter((e) => e.sequence > saved.sequence),
  };
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
export async function setSchedule(
  deps: ScheduleDeps,
  input: { start?: Date; place?: string; by: AccountKey; now: Date; seen?: number },
): Promise<ScheduleSaved> {
  const { start, now } = input;
  const place = input.place === undefined ? undefined : writable(input.place);
  if (!start && !place) throw new BadArguments("schedule-usage");
  if (place !== undefined && place.length > MAX_PLACE) throw new BadArguments("schedule-place-too-long", { max: MAX_PLACE });
  if (start && start <= now) throw new ScheduleInPast(start);
  const durationMs = deps.conference.conf.schedule.duration_minutes * 60_000;
  return deps.store.mutate((d) => {
    // Read in the write itself: another organizer's save a moment earlier is this change's "before".
    const before = deps.conference.schedule();
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
    const change: ScheduleChange = {
      at: now.toISOString(),
      by: input.by,
      before: beforeState,
      after: { start: s.start, end: s.end, place: s.place },
      ...(input.seen !== undefined ? { seen: input.seen } : {}),
    };
    s.history.push(change);
    return { change, sequence: s.sequence };
  });
}

/** The working hours a start should fall in (local time, minutes after midnight): 07:00–18:00. */
export const WORKING_HOURS = { from: 7 * 60, to: 18 * 60 };

/**
 * Why a start may be a mistake, each told to the organizer before it is saved: outside working
 * hours, on a Saturday or Sunday, on a public holiday of the conference file, or so soon that a
 * deadline set as an offset before the start (RSVP, speech) would already be past, or a reminder
 * would be skipped.
 */
export type ScheduleRisk =
  | { kind: "hours" }
  | { kind: "weekend"; weekday: 0 | 6 }
  | { kind: "holiday" }
  | { kind: "deadline-past"; deadline: "rsvp" | "speech"; at: Date }
  | { kind: "reminder-skipped"; at: Date };

/** Where an offset moment lands for a given start; a fixed moment does not move with the start. */
function offsetFrom(moment: Moment, start: Date): Date | undefined {
  return "before_start" in moment ? new Date(start.getTime() - parseOffset(moment.before_start)) : undefined;
}

/** The risks of starting at `start`, seen at `now`, in the order they are told. An empty list: save at once. */
export function scheduleRisks(deps: Pick<ScheduleDeps, "conference">, start: Date, now: Date): ScheduleRisk[] {
  const conf = deps.conference.conf;
  const risks: ScheduleRisk[] = [];
  const l = local(start);
  const minutes = l.hour() * 60 + l.minute();
  if (minutes < WORKING_HOURS.from || minutes > WORKING_HOURS.to) risks.push({ kind: "hours" });
  const weekday = l.day();
  if (weekday === 0 || weekday === 6) risks.push({ kind: "weekend", weekday });
  if ((conf.holidays ?? []).includes(localDay(start))) risks.push({ kind: "holiday" });
  for (const kind of ["rsvp", "speech"] as const) {
    const at = offsetFrom(conf.deadlines[kind], start);
    if (at && at <= now) risks.push({ kind: "deadline-past", deadline: kind, at });
  }
  for (const moment of conf.reminders) {
    const at = offsetFrom(moment, start);
    if (at && at <= now) risks.push({ kind: "reminder-skipped", at });
  }
  return risks;
}

/** The offset deadlines that a change of start moves: before and after, for the change notice. */
export function movedDeadlines(
  deps: Pick<ScheduleDeps, "conference">,
  change: ScheduleChange,
): Partial<Record<"rsvp" | "speech", { before?: string; after: string }>> {
  const moved: Partial<Record<"rsvp" | "speech", { before?: string; after: string }>> = {};
  if (!change.after.start || change.before.start === change.after.start) return moved;
  for (const kind of ["rsvp", "speech"] as const) {
    const moment = deps.conference.conf.deadlines[kind];
    const after = offsetFrom(moment, new Date(change.after.start));
    if (!after) continue;
    const before = change.before.start ? offsetFrom(moment, new Date(change.before.start)) : undefined;
    moved[kind] = { ...(before ? { before: before.toISOString() } : {}), after: after.toISOString() };
  }
  return moved;
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

/**
 * The values a change-alert notice carries (rendered in each reader's language): beforeStart,
 * afterStart, beforePlace, afterPlace; with the conference, also rsvpDeadline and speechDeadline
 * (the new ones) when the change of start moved them.
 */
export function changeAlertData(change: ScheduleChange, deps?: Pick<ScheduleDeps, "conference">): Record<string, string> {
  const data: Record<string, string> = {};
  if (deps) {
    const moved = movedDeadlines(deps, change);
    if (moved.rsvp) data.rsvpDeadline = moved.rsvp.after;
    if (moved.speech) data.speechDeadline = moved.speech.after;
  }
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
