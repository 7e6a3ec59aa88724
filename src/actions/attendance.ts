// What a person does about attendance, one function each, whichever interface asks: answer a seat
// (for one's own unit, or on behalf as an organizer), check in (with the hall code, or on behalf),
// issue the hall code. Each applies the domain's rule (src/domain/attendance.ts) and returns what
// it implies for the others as notifications; the caller sends them with notify().
import type { Seat, Unit } from "../conference/schema.js";
import { type Answered, answerSeat, type CheckinResult, checkIn, checkInOnBehalf, checkinName, hallCode, maskHallCode } from "../domain/attendance.js";
import { NotAllowed } from "../domain/errors.js";
import { accountsOfUnit, unitAddress } from "../domain/units.js";
import { Refusal } from "../messages/refusal.js";
import { msg } from "../messages/render.js";
import { dateTimeMessage, timeMessage } from "../messages/time.js";
import type { Done, Notification, Services } from "../messages/types.js";
import type { Checkin, CheckinCode, RsvpAnswer, RsvpStatus } from "../../storage/schema.js";
import { answerMessage, organizerMessage } from "../views/attendance.js";
import type { Actor } from "./actor.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger">;

export interface AnswerSeatInput {
  unit: Unit;
  seat: Seat;
  status: RsvpStatus;
  /** The name, "name, position", or the reason, as typed (may be empty for attend). */
  text: string;
  /** An organizer answering for the unit. */
  onBehalf?: boolean;
}

/**
 * Records a seat's answer. Who is told: for an answer on behalf, every account of the unit but the
 * organizer's own (one text, from the chat or the desk); for a unit's own answer that replaces one
 * given by another account, that account (who changed it, and to what).
 */
export async function answerSeatAction(services: Deps, actor: Actor, input: AnswerSeatInput): Promise<Done<Answered>> {
  const { unit, seat } = input;
  const saved = await answerSeat(services.store, {
    unit,
    seat,
    status: input.status,
    text: input.text,
    by: actor,
    ...(input.onBehalf && { onBehalf: true }),
    deadline: services.conference.deadline("rsvp"),
    now: services.clock.now(),
  });
  services.logger.info({ by: actor.key, unit: unit.id, seat: seat.id, status: saved.answer.status, onBehalf: input.onBehalf === true }, "rsvp answered");
  return { result: saved, notifications: answerNotifications(services, actor, unit, seat, saved) };
}

function answerNotifications(services: Deps, actor: Actor, unit: Unit, seat: Seat, saved: Answered): Notification[] {
  const { answer, before } = saved;
  const data = services.store.data;
  if (answer.onBehalf) {
    const to = accountsOfUnit(data, unit.id)
      .map((a) => a.key)
      .filter((k) => k !== actor.key);
    const message = msg("rsvp-onbehalf-notice", { unit: unitAddress(unit), seat: seat.title, answer: answerMessage(answer), who: organizerMessage(data, actor.key) });
    return to.length > 0 ? [{ to, message, options: { kind: "result", createdBy: actor.key } }] : [];
  }
  // Nothing changes silently: the account whose answer was replaced is told who changed it, and to what.
  if (!before || before.by === actor.key || !data.accounts[before.by]) return [];
  const message = msg("rsvp-changed-by-other", { unit: unitAddress(unit), seat: seat.title, before: answerMessage(before), after: answerMessage(answer), who: actor.displayName });
  return [{ to: [before.by], message, options: { kind: "result" } }];
}

type OutsideWindow = { kind: "not-scheduled" } | { kind: "early"; opens: Date } | { kind: "closed"; closes: Date };

/** Check-in outside its window (60 minutes before the start until the end), in a delegate's or an organizer's words. */
function windowRefusal(prefix: "checkin" | "checkin-onbehalf", outside: OutsideWindow): Refusal {
  if (outside.kind === "not-scheduled") return new Refusal(msg(`${prefix}-not-scheduled`));
  if (outside.kind === "early") return new Refusal(msg(`${prefix}-not-open`, { opens: dateTimeMessage(outside.opens) }));
  return new Refusal(msg(`${prefix}-closed`, { closes: dateTimeMessage(outside.closes) }));
}

export interface CheckInInput {
  unit: Unit;
  /** The hall code as typed. */
  typed: string;
  /** The seat the person said they came for (after being asked which). */
  seatId?: string;
}

/** What a check-in with the hall code ends in, once its refusals are thrown. */
export type CheckedIn = Extract<CheckinResult, { kind: "done" | "choose" | "already" }>;

/** A person checks in with the hall code: done, asked which seat, or already done; every other outcome is refused. */
export async function checkInAction(services: Deps, actor: Actor, input: CheckInInput): Promise<Done<CheckedIn>> {
  const { unit } = input;
  const result = await checkIn(services.store, {
    unit,
    by: actor.key,
    typed: input.typed,
    name: actor.displayName,
    ...(input.seatId && { seatId: input.seatId }),
    schedule: services.conference.schedule(),
    now: services.clock.now(),
  });
  switch (result.kind) {
    case "not-scheduled":
    case "early":
    case "closed":
      throw windowRefusal("checkin", result);
    case "wrong-code":
      throw new Refusal(msg("checkin-code-wrong"));
    case "seat-absent":
      throw new Refusal(msg("checkin-seat-absent", { unit: unitAddress(unit), seat: result.seat.title, reason: result.answer.reason ?? "" }));
    case "seat-taken":
      throw new Refusal(msg("checkin-seat-taken", { seat: result.seat.title }));
    case "done":
      services.logger.info({ by: actor.key, unit: unit.id, seat: result.checkin.seatId }, "checked in");
      return { result, notifications: [] };
    default:
      return { result, notifications: [] };
  }
}

export interface CheckedInOnBehalf {
  checkin: Checkin;
  seat: Seat;
  answer?: RsvpAnswer;
}

/**
 * An organizer checks a person in for a seat (chat: /diemdanh Mường So 2; desk: "Điểm danh thay").
 * One rule (src/domain/attendance.ts checkInOnBehalf): only while check-in is open; the refusals
 * are the same sentences from either side.
 */
export async function checkInOnBehalfAction(services: Deps, actor: Actor, input: { unit: Unit; seat: Seat }): Promise<Done<CheckedInOnBehalf>> {
  const { unit, seat } = input;
  const result = await checkInOnBehalf(services.store, { unit, seat, by: actor.key, role: actor.role, schedule: services.conference.schedule(), now: services.clock.now() });
  switch (result.kind) {
    case "not-scheduled":
    case "early":
    case "closed":
      throw windowRefusal("checkin-onbehalf", result);
    case "seat-taken": {
      const name = checkinName(services.store.data, result.checkin);
      throw new Refusal(
        msg("checkin-onbehalf-taken", { unit: unitAddress(unit), seat: seat.title, time: timeMessage(result.checkin.at), name: name ? name : msg("checkin-who-none") }),
      );
    }
    case "done":
      services.logger.info({ by: actor.key, unit: unit.id, seat: seat.id }, "checked in on behalf");
      return { result: { checkin: result.checkin, seat, ...(result.answer && { answer: result.answer }) }, notifications: [] };
  }
}

/**
 * The hall code: issued when none is in force, or anew when `rotate` (the old one, and the posters
 * showing it, stop working). Only this writes it: reading the board or the poster never does.
 */
export async function issueHallCodeAction(services: Deps, actor: Actor, rotate: boolean): Promise<Done<{ code: CheckinCode; issued: boolean }>> {
  if (actor.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  const result = await hallCode(services.store, actor.key, services.clock.now(), rotate);
  if (result.issued) services.logger.info({ by: actor.key, code: maskHallCode(result.code.code) }, "check-in code issued");
  return { result, notifications: [] };
}
