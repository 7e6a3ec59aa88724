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
import { MIN_WORKING_DAYS, workingDaysBetween } from "../lib/working-days.js";
import type { Data } from "../../storage/schema.js";

/** A deadline: the moment the conference file sets, the time it resolves to (none while the start is to be announced), and whether it has passed. */
export interface DeadlineView {
  moment: Moment;
  at?: Date;
  passed: boolean;
}

export interface DeadlinesView {
  rsvp: DeadlineView;
  speech: DeadlineView;
}

export function deadlinesView(conference: ConferenceService, now: Date): DeadlinesView {
  const one = (kind: "rsvp" | "speech"): DeadlineView => {
    const at = conference.deadline(kind);
    return { moment: conference.conf.deadlines[kind], ...(at ? { at } : {}), passed: Boolean(at && now > at) };
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

/** What the organizer is told before sending the letters. */
export type LetterWarning = { kind: "late"; issued: Date; days: number; start: Date } | { kind: "tba" } | { kind: "no-links" };

export interface LettersView {
  /** The date printed on the letters: the conference file's, else the day they are made. */
  issued: Date;
  deadlines: DeadlinesView;
  /** One letter per unit, in the order of the conference file. */
  letters: LetterView[];
  /** Addressed names of the units that have no invite code yet (their letters carry none). */
  withoutCode: string[];
  warnings: LetterWarning[];
}

/** The date printed on the letters: the conference file's, else the day they are made. */
export function issueDate(conference: ConferenceService, now: Date): Date {
  const fixed = conference.conf.invitation?.date;
  return fixed ? local(`${fixed}T12:00:00+07:00`).toDate() : now;
}

function warningsOf(conference: ConferenceService, links: AppConfig["links"], issued: Date): LetterWarning[] {
  const out: LetterWarning[] = [];
  const s = conference.schedule();
  if (s.start) {
    const days = workingDaysBetween(issued, s.start);
    if (days < MIN_WORKING_DAYS) out.push({ kind: "late", issued, days, start: s.start });
  }
  if (!s.announced) out.push({ kind: "tba" });
  if (!links.telegramBot && !links.zaloBot) out.push({ kind: "no-links" });
  return out;
}

export function lettersView(data: Pick<Data, "invites">, conference: ConferenceService, links: AppConfig["links"], now: Date): LettersView {
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
  const issued = issueDate(conference, now);
  return {
    issued,
    deadlines: deadlinesView(conference, now),
    letters,
    withoutCode: letters.filter((l) => !l.code).map((l) => l.addressee),
    warnings: warningsOf(conference, links, issued),
  };
}
