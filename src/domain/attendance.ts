// Attendance: each invited seat's answer (attend, substitute, absent) until the RSVP deadline,
// check-in at the hall with the code on the screen, and the summaries organizers read.
import { clip, writable } from "../lib/text.js";
import { randomInt } from "node:crypto";
import type { Conference, Seat, Unit } from "../conference/schema.js";
import type { AccountKey, Checkin, CheckinCode, Data, RsvpAnswer, RsvpStatus, Role } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { BadArguments, DeadlinePassed, NotAllowed } from "./errors.js";
import { fold } from "../lib/text.js";
import { endAwaitingIn } from "./sessions.js";
import { withoutAddress } from "./names.js";

/** Longest name of a person who attends or substitutes. */
export const MAX_NAME = 100;
/** Longest position (chức vụ) of a substitute. */
export const MAX_POSITION = 200;
/** Longest reason for an absence. */
export const MAX_REASON = 500;

// ---- What an answer says ----

export interface AnswerFields {
  name?: string;
  position?: string;
  reason?: string;
  /** The name is the account's display name, since none was typed. */
  defaulted: boolean;
}

/**
 * Name and position as people write them: "Lò Văn A, Phó Chủ tịch UBND xã" (the first comma),
 * "Lò Văn A - Phó Chủ tịch UBND xã" (a dash between spaces), "Lò Văn A (Phó Chủ tịch UBND xã)".
 */
export function splitNamePosition(text: string): { name: string; position: string } {
  const trimmed = text.trim();
  const paren = /^([^()]+?)\s*\(([^()]+)\)$/.exec(trimmed);
  if (paren) return { name: (paren[1] as string).trim(), position: (paren[2] as string).trim() };
  const comma = trimmed.indexOf(",");
  // A hyphen, an en dash or an em dash between spaces (written as escapes: see scripts/bundle.mjs on ASCII).
  const dash = /\s[-\u2013\u2014]\s/.exec(trimmed);
  if (comma < 0 && !dash) return { name: trimmed, position: "" };
  const at = comma >= 0 && (!dash || comma < dash.index) ? comma : (dash as RegExpExecArray).index;
  const width = at === comma ? 1 : (dash as RegExpExecArray)[0].length;
  return { name: trimmed.slice(0, at).trim(), position: trimmed.slice(at + width).trim() };
}

/**
 * Checks and shapes what an answer says. Attend without a name takes the account's display
 * name (`displayName`), or, for an answer recorded on behalf (no `displayName`: the organizer is
 * not the one who comes), no name at all; a substitute needs a name and a position; an absence
 * needs a reason of at most 500 characters. Throws the refusal otherwise.
 */
export function answerFields(status: RsvpStatus, text: string, displayName: string | undefined): AnswerFields {
  // Whoever answers (a delegate in a chat, an organizer on the desk), what XML and messages cannot carry goes first.
  const typed = writable(text).trim();
  if (status === "absent") {
    if (!typed) throw new BadArguments("rsvp-absent-no-reason");
    if (typed.length > MAX_REASON) throw new BadArguments("rsvp-reason-too-long", { max: MAX_REASON, length: typed.length });
    return { reason: typed, defaulted: false };
  }
  if (status === "attend" && !typed) {
    if (displayName === undefined) return { defaulted: false };
    const name = clip(writable(displayName).trim(), MAX_NAME).trim();
    if (!name) throw new BadArguments("rsvp-attend-no-name");
    return { name, defaulted: true };
  }
  // "chị Lò Thị Xuân": the form of address is not part of the name.
  const split = splitNamePosition(typed);
  const name = withoutAddress(split.name);
  const position = split.position;
  if (!name) throw new BadArguments(status === "substitute" ? "rsvp-substitute-no-name" : "rsvp-attend-no-name");
  if (name.length > MAX_NAME) throw new BadArguments("rsvp-name-too-long", { max: MAX_NAME });
  if (position.length > MAX_POSITION) throw new BadArguments("rsvp-position-too-long", { max: MAX_POSITION });
  if (status === "substitute" && !position) throw new BadArguments("rsvp-substitute-no-position", { name });
  return { name, position: position || undefined, defaulted: false };
}

// ---- Answers per seat ----

/** The current answer of one seat. */
export function answerOf(data: Data, unitId: string, seatId: string): RsvpAnswer | undefined {
  return data.rsvps.find((r) => r.unitId === unitId && r.seatId === seatId);
}

/** How many of a unit's seats have an answer. */
export function unitAnswered(data: Data, unit: Unit): number {
  return unit.seats.filter((s) => answerOf(data, unit.id, s.id)).length;
}

/** The seats of a unit nobody has answered for yet, in the unit's order. */
export function unansweredSeats(data: Data, unit: Unit): Seat[] {
  return unit.seats.filter((s) => !answerOf(data, unit.id, s.id));
}

/** Every answer ever given for one seat, oldest first (the current one last). */
export function seatHistory(data: Data, unitId: string, seatId: string): RsvpAnswer[] {
  return data.rsvpHistory.filter((r) => r.unitId === unitId && r.seatId === seatId);
}

/** A unit answers and changes its answers until the RSVP deadline; from that minute on, no more. */
export function rsvpOpen(deadline: Date | undefined, now: Date): boolean {
  return deadline === undefined || now < deadline;
}

export interface AnswerInput {
  unit: Unit;
  seat: Seat;
  status: RsvpStatus;
  /** The name, "name, position", or the reason, as typed (may be empty for attend). */
  text: string;
  /** The acting account, its display name and its role now. */
  by: { key: AccountKey; displayName: string; unitId?: string; role: Role };
  /** An organizer answering for a unit (any unit, also after the deadline). */
  onBehalf?: boolean;
  deadline: Date | undefined;
  now: Date;
}

export interface Answered {
  answer: RsvpAnswer;
  /** The answer it replaced, if the seat had one. */
  before?: RsvpAnswer;
  /** The attendee's name was taken from the account, since none was typed. */
  defaulted: boolean;
  /** The unit's seats still unanswered after this answer. */
  remaining: number;
}

/**
 * Records one seat's answer. The rules:
 * - a delegate answers only for the seats of its own unit, and only before the RSVP deadline;
 * - an organizer may answer on behalf of any unit, at any time (the answer records who gave it);
 *   "attend" without a name then stores no name: the organizer's own name is not the attendee's;
 * - the last answer of a seat wins, and every answer stays in the history;
 * - the step that waited for this answer's name or reason ends with it.
 */
export async function answerSeat(store: Store, input: AnswerInput): Promise<Answered> {
  const { unit, seat, status, by, now } = input;
  if (input.onBehalf) {
    if (by.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  } else {
    if (by.unitId !== unit.id) throw new NotAllowed("rsvp-no-unit");
    if (!rsvpOpen(input.deadline, now)) throw new DeadlinePassed("rsvp-deadline-passed");
  }
  if (!unit.seats.some((s) => s.id === seat.id)) throw new BadArguments("rsvp-seat-unknown", { seat: seat.id, seats: "" });
  const fields = answerFields(status, input.text, input.onBehalf ? undefined : by.displayName);
  const answer: RsvpAnswer = {
    unitId: unit.id,
    seatId: seat.id,
    status,
    ...(fields.name !== undefined && { name: fields.name }),
    ...(fields.position !== undefined && { position: fields.position }),
    ...(fields.reason !== undefined && { reason: fields.reason }),
    by: by.key,
    at: now.toISOString(),
    ...(input.onBehalf && { onBehalf: true }),
  };
  return store.mutate((d) => {
    const before = answerOf(d, unit.id, seat.id);
    d.rsvps = d.rsvps.filter((r) => !(r.unitId === unit.id && r.seatId === seat.id));
    d.rsvps.push(answer);
    d.rsvpHistory.push({ ...answer });
    endAwaitingIn(d, by.key, "rsvp.name");
    return { answer, ...(before && { before }), defaulted: fields.defaulted, remaining: unansweredSeats(d, unit).length };
  });
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
  // Spaces, hyphens of every kind (- ‐ ‑ – —), underscores and dots.
  return typed.toUpperCase().replace(/[\s\-\u2010\u2011\u2013\u2014_.]/g, "");
}

/** For logs: never the whole hall code. */
export function maskHallCode(code: string): string {
  return `${code.slice(0, 2)}…`;
}

/** Check-in opens this long before the start. */
export const CHECKIN_OPENS_BEFORE_MS = 60 * 60_000;

export type CheckinWindow = { state: "tba" } | { state: "early" | "open" | "closed"; opens: Date; closes: Date };

/** Whether check-in is open now: from 60 minutes before the start until the end. */
export function checkinWindow(schedule: { start?: Date; end?: Date }, now: Date): CheckinWindow {
  if (!schedule.start || !schedule.end) return { state: "tba" };
  const opens = new Date(schedule.start.getTime() - CHECKIN_OPENS_BEFORE_MS);
  const closes = schedule.end;
  const state = now < opens ? "early" : now > closes ? "closed" : "open";
  return { state, opens, closes };
}

/** Whether a seat's answer says someone comes for it (attend or substitute). */
function coming(answer: RsvpAnswer | undefined): boolean {
  return answer?.status === "attend" || answer?.status === "substitute";
}

/** The seats of a unit nobody has checked in for yet. */
export function freeSeats(unit: Unit, data: Data): Seat[] {
  const taken = new Set(data.checkins.filter((c) => c.unitId === unit.id && c.seatId).map((c) => c.seatId));
  return unit.seats.filter((s) => !taken.has(s.id));
}

/**
 * The seats a person checking in may be for: the confirmed seats (attend, substitute) nobody has
 * checked in for; if none, the first unanswered one. A seat answered "absent" never is: only an
 * organizer checks someone in on it.
 */
export function checkinCandidates(unit: Unit, data: Data): Seat[] {
  const free = freeSeats(unit, data);
  const confirmed = free.filter((s) => coming(answerOf(data, unit.id, s.id)));
  if (confirmed.length > 0) return confirmed;
  return free.filter((s) => !answerOf(data, unit.id, s.id)).slice(0, 1);
}

/** The seat a check-in fills when there is no doubt: the only candidate; else none. */
export function checkinSeat(unit: Unit, data: Data): Seat | undefined {
  const candidates = checkinCandidates(unit, data);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The check-in of an account itself (not those an organizer recorded for others), if it has checked in. */
export function checkinOf(data: Data, key: AccountKey): Checkin | undefined {
  return data.checkins.find((c) => c.by === key && !c.onBehalf);
}

/** The hall code in force: issued on first use, or anew when `rotate` (the old one stops working). */
export async function hallCode(store: Store, by: AccountKey, now: Date, rotate: boolean): Promise<{ code: CheckinCode; issued: boolean }> {
  const current = store.data.checkinCode;
  if (current && !rotate) return { code: current, issued: false };
  const code: CheckinCode = { code: newHallCode(), issuedAt: now.toISOString(), by };
  await store.mutate((d) => {
    d.checkinCode = code;
  });
  return { code, issued: true };
}

export interface CheckinInput {
  unit: Unit;
  by: AccountKey;
  /** The hall code as typed. */
  typed: string;
  /** The seat the person said they came for (after being asked which). */
  seatId?: string;
  /** The person's name (the account's): a seat registered in that name is theirs without asking. */
  name?: string;
  schedule: { start?: Date; end?: Date };
  now: Date;
}

export type CheckinResult =
  | { kind: "done"; checkin: Checkin; seat?: Seat; answer?: RsvpAnswer }
  | { kind: "choose"; seats: Seat[] }
  | { kind: "seat-absent"; seat: Seat; answer: RsvpAnswer }
  | { kind: "seat-taken"; seat: Seat }
  | { kind: "already"; checkin: Checkin }
  | { kind: "not-scheduled" }
  | { kind: "early"; opens: Date }
  | { kind: "closed"; closes: Date }
  | { kind: "wrong-code" };

/** A hall code in the form compared: upper case, no spaces or dashes, 0/O and 1/I/L read alike. */
function hallForm(code: string): string {
  return normalizeHallCode(code).replace(/0/g, "O").replace(/[1L]/g, "I");
}

/** Whether `typed` is the hall code in force (any case, spaces or dashes anywhere, O for 0, l for 1). */
export function isHallCode(data: Data, typed: string): boolean {
  const current = data.checkinCode;
  return current !== undefined && hallForm(typed) === hallForm(current.code);
}

/** The seat a check-in of a person goes to, or why it cannot be decided alone. */
function seatFor(unit: Unit, data: Data, seatId: string | undefined, name?: string): CheckinResult | { kind: "seat"; seat?: Seat } {
  if (seatId) {
    const seat = unit.seats.find((s) => s.id === seatId);
    if (!seat) return { kind: "choose", seats: checkinCandidates(unit, data) };
    if (!freeSeats(unit, data).some((s) => s.id === seat.id)) return { kind: "seat-taken", seat };
    const answer = answerOf(data, unit.id, seat.id);
    if (answer?.status === "absent") return { kind: "seat-absent", seat, answer };
    return { kind: "seat", seat };
  }
  const candidates = checkinCandidates(unit, data);
  // The person's own name registered for a seat tells which one it is.
  const own = name ? candidates.find((s) => { const n = answerOf(data, unit.id, s.id)?.name; return n !== undefined && fold(n) === fold(name); }) : undefined;
  if (own) return { kind: "seat", seat: own };
  if (candidates.length > 1) return { kind: "choose", seats: candidates };
  return { kind: "seat", ...(candidates[0] && { seat: candidates[0] }) };
}

/**
 * Checks a person of a unit in. The rules: once per account; only while check-in is open
 * (60 minutes before the start until the end); only with the hall code in force (typed in any
 * case, with spaces or dashes, O for 0 and l for 1); a person, not a seat: the confirmed seat
 * registered in the person's name, else with one confirmed seat left that seat, with several the
 * person says which (`seatId`); a seat answered "absent" only through an organizer; with no
 * confirmed seat left the first unanswered one; beyond the invited seats no seat at all.
 */
export async function checkIn(store: Store, input: CheckinInput): Promise<CheckinResult> {
  const { unit, by, now } = input;
  const done = checkinOf(store.data, by);
  if (done) return { kind: "already", checkin: done };
  const window = checkinWindow(input.schedule, now);
  if (window.state === "tba") return { kind: "not-scheduled" };
  if (window.state === "early") return { kind: "early", opens: window.opens };
  if (window.state === "closed") return { kind: "closed", closes: window.closes };
  if (!isHallCode(store.data, input.typed)) return { kind: "wrong-code" };
  const first = seatFor(unit, store.data, input.seatId, input.name);
  if (first.kind !== "seat") return first;
  return store.mutate((d): CheckinResult => {
    // Checked again inside the change: two messages of one account may arrive together.
    const again = checkinOf(d, by);
    if (again) return { kind: "already", checkin: again };
    const decided = seatFor(unit, d, input.seatId, input.name);
    if (decided.kind !== "seat") return decided;
    const seat = decided.seat;
    const checkin: Checkin = { unitId: unit.id, ...(seat && { seatId: seat.id }), by, at: now.toISOString() };
    d.checkins.push(checkin);
    endAwaitingIn(d, by, "checkin.code");
    const answer = seat ? answerOf(d, unit.id, seat.id) : undefined;
    return { kind: "done", checkin, ...(seat && { seat }), ...(answer && { answer }) };
  });
}

export type OnBehalfCheckin =
  | { kind: "done"; checkin: Checkin; seat: Seat; answer?: RsvpAnswer }
  | { kind: "seat-taken"; seat: Seat; checkin: Checkin }
  | { kind: "not-scheduled" }
  | { kind: "early"; opens: Date }
  | { kind: "closed"; closes: Date };

/**
 * An organizer checks a person in for a seat of a unit (the reception desk, a delegate without a
 * phone). The rules, the same from the chat (/diemdanh Mường So 2) and the desk ("Điểm danh thay"):
 * only an organizer; only while check-in is open, the same window as a delegate's own check-in
 * (60 minutes before the start until the end: a check-in says the person is in the hall, which
 * the organizer can only see on the day); no hall code (the organizer sees the person); any seat,
 * also one answered "absent" (the person came after all); a seat is checked in once, by anyone.
 * Recorded under the organizer's account, marked as on behalf.
 */
export async function checkInOnBehalf(
  store: Store,
  input: { unit: Unit; seat: Seat; by: AccountKey; role: Role; schedule: { start?: Date; end?: Date }; now: Date },
): Promise<OnBehalfCheckin> {
  const { unit, seat, by, now } = input;
  if (input.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  if (!unit.seats.some((s) => s.id === seat.id)) throw new BadArguments("rsvp-seat-unknown", { seat: seat.id, seats: "" });
  const window = checkinWindow(input.schedule, now);
  if (window.state === "tba") return { kind: "not-scheduled" };
  if (window.state === "early") return { kind: "early", opens: window.opens };
  if (window.state === "closed") return { kind: "closed", closes: window.closes };
  return store.mutate((d): OnBehalfCheckin => {
    const taken = d.checkins.find((c) => c.unitId === unit.id && c.seatId === seat.id);
    if (taken) return { kind: "seat-taken", seat, checkin: taken };
    const checkin: Checkin = { unitId: unit.id, seatId: seat.id, by, at: now.toISOString(), onBehalf: true };
    d.checkins.push(checkin);
    const answer = answerOf(d, unit.id, seat.id);
    return { kind: "done", checkin, seat, ...(answer && { answer }) };
  });
}

/** A seat of a unit by its number, its id, or the registered name of who comes for it (folded). */
export function seatByNumberOrName(unit: Unit, data: Data, query: string): Seat | undefined {
  const q = fold(withoutAddress(query)).replace(/\s/g, "");
  if (/^\d{1,3}$/.test(q)) return unit.seats[Number(q) - 1];
  const byId = unit.seats.find((s) => s.id === q);
  if (byId) return byId;
  const named = unit.seats.filter((s) => {
    const name = answerOf(data, unit.id, s.id)?.name;
    return name !== undefined && q.length >= 2 && fold(name).replace(/\s/g, "").includes(q);
  });
  return named.length === 1 ? named[0] : undefined;
}

/**
 * The name a check-in stands for: the registered name of its seat, else the name of the account
 * that checked in; "" for an organizer's check-in of a seat registered to nobody (the organizer is
 * not the person in the hall), and for an account the bot knows no name of.
 */
export function checkinName(data: Data, row: { seatId?: string; unitId: string; by: AccountKey; onBehalf?: boolean }): string {
  const answer = row.seatId ? answerOf(data, row.unitId, row.seatId) : undefined;
  if (answer && coming(answer) && answer.name) return answer.name;
  if (row.onBehalf) return "";
  return data.accounts[row.by]?.displayName ?? "";
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
  /** "Chưa trả lời": units that have answered for no seat at all (unitsWithNoSeatAnswered). */
  silent: Unit[];
  /** Units that have answered for some seats but not all. */
  partial: UnitRow[];
  /** "Chưa xác nhận đủ": units with at least one seat unanswered (unitsWithSeatUnanswered): silent and partial. */
  unconfirmed: UnitRow[];
}

export function summarize(conf: Pick<Conference, "units">, data: Data): AttendanceSummary {
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
    unconfirmed: units.filter((u) => u.answered < u.seats.length),
  };
}

/**
 * The RSVP audience "chưa trả lời": units that have answered for no seat at all
 * (/thongbao chuatraloi writes to them).
 */
export function unitsWithNoSeatAnswered(conf: Pick<Conference, "units">, data: Data): Unit[] {
  return conf.units.filter((u) => unitAnswered(data, u) === 0);
}

/**
 * The RSVP audience "chưa xác nhận đủ": units with at least one seat unanswered, including those
 * that answered for none (/nhacnho dangky chases them).
 */
export function unitsWithSeatUnanswered(conf: Pick<Conference, "units">, data: Data): Unit[] {
  return conf.units.filter((u) => unitAnswered(data, u) < u.seats.length);
}

export interface CheckinRow {
  unit: Unit;
  /** The seat filled; undefined for a person beyond the invited seats. */
  seat?: Seat;
  checkin: Checkin;
}

/** Check-ins of the conference's units, in the order they came. */
export function checkinRows(conf: Pick<Conference, "units">, data: Data): CheckinRow[] {
  const rows: CheckinRow[] = [];
  for (const checkin of data.checkins) {
    const unit = conf.units.find((u) => u.id === checkin.unitId);
    if (!unit) continue;
    const seat = unit.seats.find((s) => s.id === checkin.seatId);
    rows.push({ unit, ...(seat && { seat }), checkin });
  }
  return rows;
}

/** The position printed for a seat: a substitute's own; the seat's title for a person attending their own seat. */
export function seatPosition(s: SeatRow): string {
  if (s.answer?.status === "substitute") return s.answer.position ?? "";
  if (s.answer?.status === "attend") return s.answer.position || s.seat.title;
  return "";
}
