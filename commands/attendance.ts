// Attendance decisions without side effects: which seat an answer is for, what it says, who is missing, how speeches stand.
import { randomInt } from "node:crypto";
import type { Conference, Seat, Unit } from "../src/conference/schema.js";
import type {
  Account,
  Checkin,
  Data,
  RsvpAnswer,
  RsvpStatus,
  SpeechRecord,
  SpeechReview,
  SpeechState,
  SpeechVersion,
  VolunteerSpeaker,
} from "../storage/schema.js";
import { fold } from "./router.js";
import { BadArguments } from "./types.js";
import { clip } from "../src/lib/text.js";

/** Longest name of a person who attends or substitutes. */
export const MAX_NAME = 100;
/** Longest position (chức vụ) of a substitute. */
export const MAX_POSITION = 200;
/** Longest reason for an absence. */
export const MAX_REASON = 500;

/** The words that choose an answer, folded and without spaces ("tham dự" → "thamdu"). */
const VERBS: Record<string, RsvpStatus> = {
  thamdu: "attend",
  comat: "attend",
  attend: "attend",
  thay: "substitute",
  thaythe: "substitute",
  cuthay: "substitute",
  cunguoithay: "substitute",
  substitute: "substitute",
  vang: "absent",
  vangmat: "absent",
  absent: "absent",
};

// Two-word forms people type with a space ("tham dự", "vắng mặt"). Not "thay thế": a substitute
// named "Thế …" would lose a word of the name.
const TWO_WORD_VERBS = new Set(["thamdu", "comat", "vangmat"]);

/** The verb written in choices' command lines, one per answer. */
export const VERB_WORD: Record<RsvpStatus, string> = { attend: "thamdu", substitute: "thay", absent: "vang" };

/** Typed instead of a name or reason in a choice's command line: "ask me for it". */
export const ASK = "?";

export interface RsvpCommand {
  /** The seat named by id or number, if any. */
  seat?: Seat;
  status?: RsvpStatus;
  /** What follows the verb: a name, "name, position", or a reason. */
  text: string;
}

/** A seat by its id ("chair") or its 1-based number in the unit's list. */
export function seatByToken(unit: Unit, token: string): Seat | undefined {
  if (/^\d{1,3}$/.test(token)) return unit.seats[Number(token) - 1];
  const t = token.toLowerCase();
  return unit.seats.find((s) => s.id === t);
}

/**
 * Reads "/dangky [seat] [verb] [text]": "2 thay Lò Văn A, Phó Chủ tịch", "chair", "vang Đi công tác",
 * "tham dự Lò Văn A". A number that is no seat, or a first word that is neither seat nor verb,
 * is refused with the unit's seats listed.
 */
export function parseRsvp(unit: Unit, args: string): RsvpCommand {
  const trimmed = args.trim();
  const words = trimmed.split(/\s+/).filter(Boolean);
  const result: RsvpCommand = { text: "" };
  let used = 0;
  const first = words[0];
  if (first !== undefined) {
    const seat = seatByToken(unit, first);
    if (seat) {
      result.seat = seat;
      used = 1;
    } else if (/^\d+$/.test(first)) {
      throw new BadArguments("rsvp-seat-unknown", { seat: first, seats: seatList(unit) });
    }
  }
  if (used === words.length) return result;
  const word = (i: number) => fold(words[i] ?? "").replace(/\s/g, "");
  const one = word(used);
  const two = used + 1 < words.length ? one + word(used + 1) : "";
  if (TWO_WORD_VERBS.has(two)) {
    result.status = VERBS[two] as RsvpStatus;
    used += 2;
  } else if (VERBS[one]) {
    result.status = VERBS[one];
    used += 1;
  } else {
    throw new BadArguments("rsvp-word-unknown", { word: clip(words[used] as string, 40), seats: seatList(unit) });
  }
  result.text = skipWords(trimmed, used);
  return result;
}

// The text after the first n words, keeping the person's own spacing inside it.
function skipWords(text: string, n: number): string {
  let rest = text;
  for (let i = 0; i < n; i++) rest = rest.replace(/^\S+\s*/, "");
  return rest.trim();
}

/** "1. chair: Chủ tịch UBND xã; 2. cchc: …" for refusals that name the seats. */
export function seatList(unit: Unit): string {
  return unit.seats.map((s, i) => `${i + 1}. ${s.title} (${s.id})`).join("; ");
}


export interface AnswerFields {
  name?: string;
  position?: string;
  reason?: string;
  /** The name is the account's display name, since none was typed. */
  defaulted: boolean;
}

/** "Lò Văn A, Phó Chủ tịch UBND xã" → name and position, split on the first comma. */
export function splitNamePosition(text: string): { name: string; position: string } {
  const comma = text.indexOf(",");
  if (comma < 0) return { name: text.trim(), position: "" };
  return { name: text.slice(0, comma).trim(), position: text.slice(comma + 1).trim() };
}

/**
 * Checks and shapes what an answer says. Attend without a name takes the account's display
 * name; a substitute needs a name and a position; an absence needs a reason of at most 500
 * characters. Throws the refusal otherwise.
 */
export function answerFields(status: RsvpStatus, text: string, displayName: string): AnswerFields {
  const typed = text.trim();
  if (status === "absent") {
    if (!typed) throw new BadArguments("rsvp-absent-no-reason");
    if (typed.length > MAX_REASON) throw new BadArguments("rsvp-reason-too-long", { max: MAX_REASON, length: typed.length });
    return { reason: typed, defaulted: false };
  }
  if (status === "attend" && !typed) {
    const name = clip(displayName.trim(), MAX_NAME).trim();
    if (!name) throw new BadArguments("rsvp-attend-no-name");
    return { name, defaulted: true };
  }
  const { name, position } = splitNamePosition(typed);
  if (!name) throw new BadArguments(status === "substitute" ? "rsvp-substitute-no-name" : "rsvp-attend-no-name");
  if (name.length > MAX_NAME) throw new BadArguments("rsvp-name-too-long", { max: MAX_NAME });
  if (position.length > MAX_POSITION) throw new BadArguments("rsvp-position-too-long", { max: MAX_POSITION });
  if (status === "substitute" && !position) throw new BadArguments("rsvp-substitute-no-position", { name });
  return { name, position: position || undefined, defaulted: false };
}

/** The current answer of one seat. */
export function answerOf(data: Data, unitId: string, seatId: string): RsvpAnswer | undefined {
  return data.rsvps.find((r) => r.unitId === unitId && r.seatId === seatId);
}

// ---- Check-in ----

/** Letters and digits that cannot be mistaken for one another on a projector (no 0/O, 1/I/L). */
export const HALL_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const HALL_CODE_LENGTH = 6;

export function newHallCode(): string {
  let code = "";
  for (let i = 0; i < HALL_CODE_LENGTH; i++) code += HALL_ALPHABET[randomInt(HALL_ALPHABET.length)];
  return code;
}

/** What a person typed as a hall code, in the form it is stored: upper case, no spaces or dashes. */
export function normalizeHallCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;

export type CheckinWindow =
  | { state: "tba" }
  | { state: "early" | "open" | "closed"; opens: Date; closes: Date };

/** Whether check-in is open now: from 60 minutes before the start until the end. */
export function checkinWindow(schedule: { start?: Date; end?: Date }, now: Date): CheckinWindow {
  if (!schedule.start || !schedule.end) return { state: "tba" };
  const opens = new Date(schedule.start.getTime() - CHECKIN_OPENS_BEFORE_MS);
  const closes = schedule.end;
  const state = now < opens ? "early" : now > closes ? "closed" : "open";
  return { state, opens, closes };
}

/**
 * The seat a check-in fills: the first seat answered "attend" or "substitute" that nobody has
 * checked in for yet; else the first seat without a check-in; else none (an extra person).
 */
export function checkinSeat(unit: Unit, data: Data): Seat | undefined {
  const taken = new Set(data.checkins.filter((c) => c.unitId === unit.id && c.seatId).map((c) => c.seatId));
  const free = unit.seats.filter((s) => !taken.has(s.id));
  const coming = free.find((s) => {
    const a = answerOf(data, unit.id, s.id);
    return a?.status === "attend" || a?.status === "substitute";
  });
  return coming ?? free[0];
}

// ---- Summaries for the report, the reminders and the export ----

export interface SeatRow {
  unit: Unit;
  seat: Seat;
  /** 1-based, as /dangky numbers it. */
  seatNo: number;
  answer?: RsvpAnswer;
  checkin?: Checkin;
}

export interface UnitRow {
  unit: Unit;
  seats: SeatRow[];
  answered: number;
}

export interface AttendanceSummary {
  units: UnitRow[];
  seats: SeatRow[];
  totals: {
    units: number;
    seats: number;
    attend: number;
    substitute: number;
    absent: number;
    unanswered: number;
    /** Accounts checked in (a seat may be filled once; extra people count here too). */
    checkedIn: number;
    /** Units with at least one answer. */
    unitsAnswered: number;
  };
  /** Units that have answered for no seat at all. */
  silent: Unit[];
  /** Units that have answered for some seats but not all. */
  partial: UnitRow[];
}

export function summarize(conf: Conference, data: Data): AttendanceSummary {
  const answers = new Map(data.rsvps.map((r) => [`${r.unitId}/${r.seatId}`, r] as const));
  const units: UnitRow[] = conf.units.map((unit) => {
    const seats = unit.seats.map((seat, i) => ({
      unit,
      seat,
      seatNo: i + 1,
      answer: answers.get(`${unit.id}/${seat.id}`),
      checkin: data.checkins.find((c) => c.unitId === unit.id && c.seatId === seat.id),
    }));
    return { unit, seats, answered: seats.filter((s) => s.answer).length };
  });
  const seats = units.flatMap((u) => u.seats);
  const count = (status: RsvpStatus) => seats.filter((s) => s.answer?.status === status).length;
  const known = new Set(conf.units.map((u) => u.id));
  return {
    units,
    seats,
    totals: {
      units: units.length,
      seats: seats.length,
      attend: count("attend"),
      substitute: count("substitute"),
      absent: count("absent"),
      unanswered: seats.filter((s) => !s.answer).length,
      checkedIn: data.checkins.filter((c) => known.has(c.unitId)).length,
      unitsAnswered: units.filter((u) => u.answered > 0).length,
    },
    silent: units.filter((u) => u.answered === 0).map((u) => u.unit),
    partial: units.filter((u) => u.answered > 0 && u.answered < u.seats.length),
  };
}

export type SpeechStatus = "none" | SpeechState;

export interface SpeechRow {
  unit: Unit;
  topic: string;
  status: SpeechStatus;
  latest?: SpeechVersion;
  versions: number;
  /** The review of the latest version, if it has one. */
  review?: SpeechReview;
}

/** Submitted, changes asked, accepted: the last review counts only if it is of the latest version. */
export function speechStatus(record: SpeechRecord | undefined): SpeechStatus {
  const latest = record?.versions.at(-1);
  if (!record || !latest) return "none";
  const review = record.reviews.at(-1);
  return review && review.version === latest.n ? review.decision : "submitted";
}

export function speechRows(conf: Conference, data: Data): SpeechRow[] {
  const rows: SpeechRow[] = [];
  for (const s of conf.speeches) {
    const unit = conf.units.find((u) => u.id === s.unit);
    if (!unit) continue;
    const record = data.speeches[s.unit];
    const latest = record?.versions.at(-1);
    const lastReview = record?.reviews.at(-1);
    rows.push({
      unit,
      topic: s.topic,
      status: speechStatus(record),
      latest,
      versions: record?.versions.length ?? 0,
      review: latest && lastReview?.version === latest.n ? lastReview : undefined,
    });
  }
  return rows;
}

/** Voluntary speakers still registered, in order of registration. */
export function activeSpeakers(data: Data): VolunteerSpeaker[] {
  return data.speakers.filter((s) => !s.withdrawnAt).sort((a, b) => a.at.localeCompare(b.at));
}

export type ChaseKind = "rsvp" | "speech";

/** The units a reminder goes to: those with a seat unanswered, or an assigned speech not submitted. */
export function unitsToChase(kind: ChaseKind, conf: Conference, data: Data): Unit[] {
  if (kind === "rsvp") return summarize(conf, data).units.filter((u) => u.answered < u.seats.length).map((u) => u.unit);
  return speechRows(conf, data)
    .filter((r) => r.status === "none")
    .map((r) => r.unit);
}

/** Every account that belongs to a unit. */
export function accountsOf(data: Data, unitId: string): Account[] {
  return Object.values(data.accounts).filter((a) => a.unitId === unitId);
}

/** The name an account goes by, for lists (its key if it is gone). */
export function accountName(data: Data, key: string): string {
  return data.accounts[key]?.displayName ?? key;
}
