// What people read of attendance: the figures (expected, not answered, present), the check-in board,
// and the words for an answer. One definition each; /diemdanh tinhhinh, /baocao, the desk's board and
// overview, and the sign-in list (/danhsach) all read them from here.
//
// The definitions:
// - EXPECTED: every invited seat not answered "absent" (attend, substitute, or not answered yet: a unit
//   that has not answered is still invited and usually comes; the sign-in list prints a line to sign
//   for each of these seats), plus every check-in no such seat accounts for (someone came for a seat
//   answered "absent", or beyond the seats): whoever is in the hall was expected, so present never
//   exceeds expected ("1/0" reads as an error on the sign-in list and the board).
// - NOT ANSWERED: an invited seat with no answer at all (counted inside "expected").
// - PRESENT: every check-in of the conference's units: a person checked in with the hall code (on a
//   seat or beyond the seats) or checked in by an organizer, whichever seat it fills.
import type { Conference, Seat, Unit } from "../conference/schema.js";
import { type AttendanceSummary, checkinName, checkinRows, checkinWindow, type CheckinWindow, type SeatRow, summarize, type UnitRow } from "../domain/attendance.js";
import { msg } from "../messages/render.js";
import type { Message } from "../messages/types.js";
import type { AccountKey, CheckinCode, Data, RsvpAnswer } from "../../storage/schema.js";

/** Whether a seat with this answer is expected in the hall: every seat not answered "absent". */
export function isExpected(answer: RsvpAnswer | undefined): boolean {
  return answer?.status !== "absent";
}

export interface UnitAttendance extends UnitRow {
  /** Seats of the unit expected in the hall. */
  expected: number;
  /** Check-ins of the unit (on its seats or beyond them). */
  present: number;
}

export interface AttendanceView extends Omit<AttendanceSummary, "units"> {
  units: UnitAttendance[];
  /** The totals of the summary, with the hall's two figures. */
  totals: AttendanceSummary["totals"] & { expected: number; present: number };
}

/** Every seat with its answer and check-in, the answer counts, and the two figures of the hall. */
export function attendanceView(conf: Pick<Conference, "units">, data: Data): AttendanceView {
  const sum = summarize(conf, data);
  const units = sum.units.map((u) => {
    const present = data.checkins.filter((c) => c.unitId === u.unit.id).length;
    const onSeats = u.seats.filter((s) => s.checkin).length;
    // Seats expected or filled, and the check-ins beyond the seats.
    const expected = u.seats.filter((s) => isExpected(s.answer) || s.checkin).length + Math.max(0, present - onSeats);
    return { ...u, expected, present };
  });
  const expected = units.reduce((n, u) => n + u.expected, 0);
  const present = units.reduce((n, u) => n + u.present, 0);
  return { ...sum, units, totals: { ...sum.totals, expected, present } };
}

/** The seats of a unit expected and not checked in yet. */
export function missingSeats(unit: UnitAttendance): SeatRow[] {
  return unit.seats.filter((s) => isExpected(s.answer) && !s.checkin);
}

/** One check-in as read on the board and in the report: whose name it stands for, and who recorded it. */
export interface Arrival {
  unit: Unit;
  /** Undefined for a person beyond the invited seats. */
  seat?: Seat;
  /** The registered name of the seat, else the name of the account that checked in; none for an organizer's check-in of a seat registered to nobody. */
  name?: string;
  at: string;
  /** Checked in by an organizer for a person in the hall. */
  onBehalf: boolean;
  /** The name of the organizer who recorded it, when the bot knows one. */
  recordedBy?: string;
}

/** Every check-in of the conference's units, in the order they came. */
export function arrivals(conf: Pick<Conference, "units">, data: Data): Arrival[] {
  return checkinRows(conf, data).map((r) => ({
    unit: r.unit,
    ...(r.seat && { seat: r.seat }),
    ...namedAs(checkinName(data, r.checkin)),
    at: r.checkin.at,
    onBehalf: r.checkin.onBehalf === true,
    ...(r.checkin.onBehalf && namedAs(data.accounts[r.checkin.by]?.displayName, "recordedBy")),
  }));
}

function namedAs(name: string | undefined, field: "name" | "recordedBy" = "name"): Partial<Record<"name" | "recordedBy", string>> {
  const trimmed = name?.trim();
  return trimmed ? { [field]: trimmed } : {};
}

export interface BoardUnit {
  unit: Unit;
  expected: number;
  present: number;
  /** Seats nobody has checked in for (an organizer may check one in on behalf). */
  free: Seat[];
}

export interface CheckinBoardView {
  present: number;
  expected: number;
  /** Of the expected seats, those nobody has answered for. */
  notAnswered: number;
  /** Units someone is expected from or who have someone present. */
  units: BoardUnit[];
  /** Units someone is expected from and nobody has checked in for. */
  nobody: Unit[];
  /** Substitutes checked in. */
  substitutes: Array<{ unit: Unit; seat: Seat; name: string }>;
  /** The latest check-ins, newest first. */
  latest: Arrival[];
  /** The hall code in force; undefined until an organizer issues one. */
  code?: CheckinCode;
  window: CheckinWindow;
}

/** How many of the latest arrivals the board shows. */
export const LATEST_ARRIVALS = 8;

/** The board on the day: present of expected, by unit, the units nobody has come from, substitutes present, the latest arrivals. */
export function checkinBoardView(conference: { conf: Pick<Conference, "units">; schedule(): { start?: Date; end?: Date } }, data: Data, now: Date): CheckinBoardView {
  const view = attendanceView(conference.conf, data);
  const units = view.units
    .filter((u) => u.expected > 0 || u.present > 0)
    .map((u) => ({ unit: u.unit, expected: u.expected, present: u.present, free: u.seats.filter((s) => !s.checkin).map((s) => s.seat) }));
  const substitutes = view.seats
    .filter((s) => s.answer?.status === "substitute" && s.checkin)
    .map((s) => ({ unit: s.unit, seat: s.seat, name: s.answer?.name ?? "" }));
  return {
    present: view.totals.present,
    expected: view.totals.expected,
    notAnswered: view.totals.unanswered,
    units,
    nobody: view.units.filter((u) => u.expected > 0 && u.present === 0).map((u) => u.unit),
    substitutes,
    latest: arrivals(conference.conf, data).slice(-LATEST_ARRIVALS).reverse(),
    ...(data.checkinCode && { code: data.checkinCode }),
    window: checkinWindow(conference.schedule(), now),
  };
}

/** "tham dự, Lò Văn A (Chủ tịch UBND xã)", "tham dự (chưa ghi họ tên)", "cử người thay: …", "vắng mặt (lý do: …)", "chưa trả lời". */
export function answerMessage(answer: RsvpAnswer | undefined): Message {
  if (!answer) return msg("rsvp-answer-none");
  if (answer.status === "attend") {
    if (!answer.name) return msg("rsvp-answer-attend-unnamed");
    return msg("rsvp-answer-attend", { name: answer.position ? `${answer.name} (${answer.position})` : answer.name });
  }
  if (answer.status === "substitute") return msg("rsvp-answer-substitute", { name: answer.name ?? "", position: answer.position ?? "" });
  return msg("rsvp-answer-absent", { reason: answer.reason ?? "" });
}

/**
 * How an organizer is named to the units: "Ban tổ chức (đồng chí Lò Thị Nội Vụ)" for an account the
 * bot knows by name, else plainly "Ban tổ chức" (an organizer of ORGANIZER_IDS who never wrote to
 * the bot has only an id, which is no name to show anyone).
 */
export function organizerMessage(data: Data, key: AccountKey): Message {
  const name = data.accounts[key]?.displayName.trim();
  return name ? msg("rsvp-by-organizer", { name }) : msg("rsvp-by-organizers");
}
