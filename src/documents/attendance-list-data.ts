// What the sign-in list (danh sách đại biểu, /danhsach and the desk's download) prints, from the
// attendance view (src/views/attendance.ts): the same expected, present and not-answered figures
// as the board and the report.
import type { Services } from "../messages/types.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime, formatTime } from "../lib/time.js";
import { unitName } from "../domain/units.js";
import { seatPosition } from "../domain/attendance.js";
import { attendanceView, isExpected, missingSeats } from "../views/attendance.js";
import type { AttendanceListInput, ListUnit } from "./attendance-list.js";
import { conferenceContact, contactLine } from "./invitation-data.js";

/**
 * The list to sign: each expected seat (every seat not answered "absent") with the registered
 * person's name and position, the count present / expected per unit and in all, the absences.
 */
export function attendanceListInput(services: Pick<Services, "conference" | "store" | "clock">, t: Translate): AttendanceListInput {
  const conf = services.conference.conf;
  const view = attendanceView(conf, services.store.data);
  const units: ListUnit[] = view.units.map((u) => ({
    unit: unitName(u.unit),
    seats: u.seats
      .filter((s) => isExpected(s.answer))
      .map((s) => ({
        seat: s.seat.title,
        name: s.answer?.name ?? "",
        position: seatPosition(s),
        substitute: s.answer?.status === "substitute",
        unanswered: !s.answer,
        present: s.checkin ? t("list-present-at", { time: formatTime(t, s.checkin.at) }) : undefined,
      })),
    present: u.present,
    expected: u.expected,
    missing: missingSeats(u).map((s) => (s.answer?.name ? t("list-missing-seat", { seat: s.seat.title, name: s.answer.name }) : s.seat.title)),
  }));
  const contact = conferenceContact(conf);
  return {
    bodyLines: conf.invitation?.body_lines ?? [conf.body.toLocaleUpperCase("vi")],
    title: conf.title,
    made: formatDateTime(t, services.clock.now()),
    totals: { present: view.totals.present, expected: view.totals.expected, seats: view.totals.seats, absent: view.totals.absent },
    units,
    absences: view.seats
      .filter((s) => s.answer?.status === "absent")
      .map((s) => ({ unit: unitName(s.unit), seat: s.seat.title, reason: s.answer?.reason ?? "" })),
    ...(contact && { contact: contactLine(t, contact) }),
  };
}
