// What the giấy mời say, read from the conference and the store (never written: a unit without an
// invite code gets a letter without one, and is named so the organizer can issue the codes first),
// the warnings before sending them, and the deadlines (answers, speeches) that the letters, the
// desk's overview and the chat state. Typed data only: src/documents/ words and prints it.
import type { Moment } from "../conference/schema.js";
import type { ConferenceService } from "../conference/service.js";
import type { AppConfig } from "../config/types.js";
import { activeInvite } from "../domain/identity.js";
import { unitAddress } from "../domain/units.js";
import { local } from "../lib/time.js";
import { MIN_WORKING_DAYS, onWorkingDay, workingDaysBetween } from "../lib/working-days.js";
import type { Data } from "../../storage/schema.js";

/** A deadline: the moment the conference file sets, the time it resolves to (none while the start is to be announced), and whether it has passed. */
export interface DeadlineView {
  moment: Moment;
  at?: Date;
  /**
   * The time a letter prints: `at`, or, when `at` falls on a Saturday, a Sunday or a public holiday
   * of the conference file, the same hour of the working day before (the bot still takes answers until `at`).
   */
  printed?: Date;
  passed: boolean;
}

export interface DeadlinesView {
  rsvp: DeadlineView;
  speech: DeadlineView;
}

export function deadlinesView(conference: ConferenceService, now: Date): DeadlinesView {
  const one = (kind: "rsvp" | "speech"): DeadlineView => {
    const at = conference.deadline(kind);
    const printed = at && onWorkingDay(at, conference.conf.holidays ?? []);
    return { moment: conference.conf.deadlines[kind], ...(at && printed ? { at, printed } : {}), passed: Boolean(at && now > at) };
  };
  return { rsvp: one("rsvp"), speech: one("speech") };
}

export interface LetterView {
  unitId: string;
  /** The addressed name ("UBND xã Mường So"). */
  addressee: string;
  /** The titles of the unit's invited seats. */
  seats: string[];
  /** The unit's active invite code (stored form); absent while none has been issued. */
  code?: string;
  duty: { kind: "speech"; topic: string } | { kind: "open"; text?: string };
}

/**
 * What the organizer is told before sending the letters, wherever they are made (chat, desk, CLI):
 * sent too late (`dated`: the day printed on the letters, else today's, the letters being undated),
 * time and place to be announced, no bot links, a deadline moved off a day off, a deadline already past.
 */
export type LetterWarning =
  | { kind: "late"; issued: Date; dated: boolean; days: number; start: Date }
  | { kind: "tba" }
  | { kind: "no-links" }
  | { kind: "moved"; deadline: "rsvp" | "speech"; from: Date; to: Date }
  | { kind: "passed"; deadline: "rsvp" | "speech"; at: Date };

export interface LettersView {
  /** The date printed on the letters (the conference file's `invitation.date` or the one asked for); none leaves "ngày … tháng … năm 20…" for the office. */
  date?: Date;
  /** The day the letters are counted from for the three working days: `date`, else today. */
  issued: Date;
  deadlines: DeadlinesView;
  /** One letter per unit, in the order of the conference file. */
  letters: LetterView[];
  /** Addressed names of the units that have no invite code yet (their letters carry none). */
  withoutCode: string[];
  warnings: LetterWarning[];
}

/** The date printed on the letters: the one asked for ("YYYY-MM-DD"), else the conference file's, else none. */
export function issueDate(conference: ConferenceService, asked?: string): Date | undefined {
  const fixed = asked ?? conference.conf.invitation?.date;
  return fixed ? local(`${fixed}T12:00:00+07:00`).toDate() : undefined;
}

function deadlineWarnings(deadlines: DeadlinesView, now: Date, speeches: boolean): LetterWarning[] {
  const out: LetterWarning[] = [];
  for (const kind of speeches ? (["rsvp", "speech"] as const) : (["rsvp"] as const)) {
    const d = deadlines[kind];
    if (d.at && d.printed && d.printed.getTime() !== d.at.getTime()) out.push({ kind: "moved", deadline: kind, from: d.at, to: d.printed });
    // What the letter prints is past: the office would send a deadline nobody can meet.
    if (d.printed && now > d.printed) out.push({ kind: "passed", deadline: kind, at: d.printed });
  }
  return out;
}

function warningsOf(conference: ConferenceService, links: AppConfig["links"], date: Date | undefined, now: Date, deadlines: DeadlinesView): LetterWarning[] {
  const out: LetterWarning[] = [];
  const s = conference.schedule();
  const issued = date ?? now;
  if (s.start) {
    const days = workingDaysBetween(issued, s.start, conference.conf.holidays ?? []);
    if (days < MIN_WORKING_DAYS) out.push({ kind: "late", issued, dated: Boolean(date), days, start: s.start });
  }
  if (!s.announced) out.push({ kind: "tba" });
  if (!links.telegramBot && !links.zaloBot) out.push({ kind: "no-links" });
  return [...out, ...deadlineWarnings(deadlines, now, conference.conf.speeches.length > 0)];
}

/** Options of the letters: the date to print ("YYYY-MM-DD"), over the conference file's. */
export interface LettersOptions {
  date?: string;
}

export function lettersView(data: Pick<Data, "invites">, conference: ConferenceService, links: AppConfig["links"], now: Date, options: LettersOptions = {}): LettersView {
  const conf = conference.conf;
  const letters = conf.units.map((unit): LetterView => {
    const code = activeInvite(data, unit.id)?.code;
    const speech = conference.speechFor(unit.id);
    return {
      unitId: unit.id,
      addressee: unitAddress(unit),
      seats: unit.seats.map((s) => s.title),
      ...(code ? { code } : {}),
      duty: speech ? { kind: "speech", topic: speech.topic } : { kind: "open", ...(conf.open_floor ? { text: conf.open_floor } : {}) },
    };
  });
  const date = issueDate(conference, options.date);
  const deadlines = deadlinesView(conference, now);
  return {
    ...(date && { date }),
    issued: date ?? now,
    deadlines,
    letters,
    withoutCode: letters.filter((l) => !l.code).map((l) => l.addressee),
    warnings: warningsOf(conference, links, date, now, deadlines),
  };
}
