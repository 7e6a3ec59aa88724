// /diemdanh (/checkin): organizers show or rotate the hall code; a delegate checks in with it during the conference.
// The rules (hours, code, seat, once per account) are in src/domain/attendance.ts.
import type { Seat, Unit } from "../src/conference/schema.js";
import { answerOf, checkinWindow, isHallCode, normalizeHallCode, seatByNumberOrName } from "../src/domain/attendance.js";
import { awaitStep } from "../src/domain/sessions.js";
import { requireUnit, unitAddress, unitName } from "../src/domain/units.js";
import type { RsvpAnswer } from "../storage/schema.js";
import { formatDateTime, formatTime, local } from "../src/lib/time.js";
import { checkInAction, checkInOnBehalfAction, issueHallCodeAction } from "../src/actions/attendance.js";
import { actorOf } from "./acting.js";
import { attendanceView, type CheckinBoardView, checkinBoardView } from "../src/views/attendance.js";
import { posterReplies } from "./documents.js";
import { choices, text } from "./replies.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import { offer, type StepHandlers } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";
import { fold } from "../src/lib/text.js";

const ROTATE_WORDS = ["moi", "new"];
const BOARD_WORDS = ["tinhhinh", "board", "status"];

/** The start payload of the check-in poster's Telegram link: t.me/<bot>?start=dd-<CODE>. */
export const CHECKIN_START_PREFIX = "dd-";

/** "12 giờ 00" on the day check-in opens; the full date when the conference runs past midnight. */
function closingTime(ctx: CommandContext, opens: Date, closes: Date): string {
  const day = (d: Date) => local(d).format("YYYY-MM-DD");
  return day(opens) === day(closes) ? formatTime(ctx.t, closes) : formatDateTime(ctx.t, closes);
}

/** The organizer's view: the current code (issued on first use, or anew on request), the hours, the count. */
async function showCode(ctx: CommandContext, rotate: boolean): Promise<Reply[]> {
  const { t, services } = ctx;
  const now = services.clock.now();
  const { result } = await issueHallCodeAction(services, actorOf(ctx), rotate);
  const window = checkinWindow(services.conference.schedule(), now);
  const lines = [
    ...(rotate ? [t("checkin-code-rotated")] : []),
    t("checkin-code", { code: result.code.code, issued: formatDateTime(t, result.code.issuedAt) }),
    window.state === "tba"
      ? t("checkin-hours-tba")
      : t("checkin-hours", { opens: formatDateTime(t, window.opens), closes: closingTime(ctx, window.opens, window.closes) }),
    t("checkin-count", { count: attendanceView(services.conference.conf, services.store.data).totals.present }),
    t("checkin-rotate-hint"),
  ];
  return [text(lines.join("\n"))];
}

/** "Lò Văn A (tham dự)", "Lò Văn B (dự thay)", or "chưa đăng ký" for a seat's registered person. */
function whoLabel(ctx: CommandContext, answer: RsvpAnswer | undefined): string {
  const { t } = ctx;
  if (!answer || answer.status === "absent" || !answer.name) return t("checkin-who-none");
  return t(`checkin-who-${answer.status}`, { name: answer.name ?? "" });
}

/** The seat a check-in asked for: "/diemdanh CODE @chair" (the numbered choice), else none. */
function splitSeat(args: string): { code: string; seatId?: string } {
  const m = /^(.*?)\s+@([a-z0-9_-]+)$/i.exec(args.trim());
  return m ? { code: m[1] as string, seatId: (m[2] as string).toLowerCase() } : { code: args.trim() };
}

/** The question that waits for the hall code. */
const ASK_CODE = { kind: "checkin.code" } as const;

/** Checks the asking person in with a typed hall code: /diemdanh CODE, and /start dd-CODE from the poster. */
export function checkInWithCode(ctx: CommandContext, typedArgs: string): Promise<Reply[]> {
  const { code, seatId } = splitSeat(typedArgs);
  return checkInAs(ctx, code, seatId);
}

/** Checks the asking person in with hall code `typed`, for seat `seatId` when the person chose one. */
async function checkInAs(ctx: CommandContext, typed: string, seatId?: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const unit = ctx.unit;
  if (!unit) {
    if (ctx.role === "organizer") throw new UserError("checkin-organizer-usage");
    throw new UserError("checkin-needs-unit");
  }
  const now = services.clock.now();
  if (!typed.trim()) {
    // The code is asked for: the next plain message is taken as it.
    await awaitStep(services.store, ctx.account.key, ASK_CODE, "checkin-usage", now);
    throw new BadArguments("checkin-usage");
  }
  const { result } = await checkInAction(services, actorOf(ctx), { unit, typed, ...(seatId && { seatId }) });
  const data = services.store.data;
  switch (result.kind) {
    case "already":
      return [text(t("checkin-already", { time: formatDateTime(t, result.checkin.at) }))];
    case "choose": {
      const code = normalizeHallCode(typed);
      return [
        choices(
          t("checkin-which-seat", { unit: unitAddress(unit), count: result.seats.length }),
          result.seats.map((s) => offer(`${s.title}: ${whoLabel(ctx, answerOf(data, unit.id, s.id))}`, { kind: "checkin.seat", code, seat: s.id })),
        ),
      ];
    }
    case "done": {
      const said = result.seat
        ? t("checkin-done", { unit: unitAddress(unit), seat: result.seat.title, time: formatTime(t, now) })
        : t("checkin-done-extra", { unit: unitAddress(unit), time: formatTime(t, now) });
      const lines = [said];
      // Whose seat it records, so that a wrong person is noticed at once.
      if (result.answer?.name && result.answer.status !== "absent") lines.push(t("checkin-done-whose", { who: whoLabel(ctx, result.answer) }));
      return [text(lines.join("\n"))];
    }
  }
}

/** "/diemdanh Mường So 2", "/diemdanh Nậm Xe Lò Văn Bảy": the unit and the seat an organizer checks in for. */
function parseOnBehalf(ctx: CommandContext, args: string): { unit: Unit; seat: Seat } {
  const { services } = ctx;
  const words = args.split(/\s+/).filter(Boolean);
  let unitOnly: Unit | undefined;
  let rest = "";
  for (let k = words.length - 1; k >= 1; k--) {
    const found = services.conference.findUnit(words.slice(0, k).join(" "));
    if (!found.unit) continue;
    const query = words.slice(k).join(" ");
    const seat = seatByNumberOrName(found.unit, services.store.data, query);
    if (seat) return { unit: found.unit, seat };
    unitOnly ??= found.unit;
    if (unitOnly === found.unit) rest = query;
  }
  if (unitOnly) {
    const data = services.store.data;
    const seats = unitOnly.seats.map((s, i) => `${i + 1}. ${s.title} (${whoLabel(ctx, answerOf(data, unitOnly.id, s.id))})`).join("; ");
    throw new BadArguments("checkin-onbehalf-seat-unknown", { query: rest.slice(0, 60), unit: unitAddress(unitOnly), seats });
  }
  // A unit name alone: its seats, to choose from.
  requireUnit(services.conference, args);
  throw new BadArguments("checkin-onbehalf-usage");
}

/** An organizer checks a person in: recorded as done by the organizer, on any seat (also one answered absent), while check-in is open. */
async function checkInFor(ctx: CommandContext, args: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const { unit, seat } = parseOnBehalf(ctx, args);
  const { result } = await checkInOnBehalfAction(services, actorOf(ctx), { unit, seat });
  return [text(t("checkin-onbehalf-done", { unit: unitAddress(unit), seat: seat.title, who: whoLabel(ctx, result.answer), time: formatTime(t, result.checkin.at), by: ctx.account.displayName }))];
}

/** The board's lines: present of expected, by unit, units nobody has come from, substitutes present, the latest arrivals. */
export function boardLines(ctx: Pick<CommandContext, "t">, b: CheckinBoardView): string[] {
  const { t } = ctx;
  const none = [t("checkin-board-none")];
  const or = (lines: string[]) => (lines.length > 0 ? lines : none);
  return [
    t("checkin-board-present", { present: b.present, expected: b.expected, unanswered: b.notAnswered }),
    "",
    t("checkin-board-by-unit"),
    ...or(b.units.map((u) => t("checkin-board-unit", { unit: unitName(u.unit), present: u.present, expected: u.expected }))),
    "",
    t("checkin-board-nobody-title", { count: b.nobody.length }),
    ...or(b.nobody.map((u) => `- ${unitName(u)}`)),
    "",
    t("checkin-board-substitutes-title", { count: b.substitutes.length }),
    ...or(b.substitutes.map((x) => t("checkin-board-substitute", { unit: unitName(x.unit), seat: x.seat.title, name: x.name }))),
    "",
    t("checkin-board-latest-title", { count: b.latest.length }),
    ...or(b.latest.map((a) => t("checkin-board-arrival", { time: formatTime(t, a.at), unit: unitName(a.unit), seat: a.seat?.title ?? t("report-checkin-no-seat"), name: a.name ?? t("checkin-who-none") }))),
  ];
}

/** /diemdanh tinhhinh: the board, as the desk shows it. */
function board(ctx: CommandContext): Reply[] {
  const { t, services } = ctx;
  const now = services.clock.now();
  const b = checkinBoardView(services.conference, services.store.data, now);
  return [text([t("checkin-board-title", { time: formatDateTime(t, now) }), ...boardLines(ctx, b)].join("\n"))];
}

const checkin: CommandDef = {
  name: "diemdanh",
  aliases: ["checkin"],
  // Organizers show the code, check people in on their behalf and read the board; an organizer
  // who also belongs to a unit may check in like a delegate.
  roles: ["delegate", "organizer"],
  describe: "cmd-checkin",
  maxArgs: 120,
  async handler(ctx) {
    const word = fold(ctx.args).replace(/\s/g, "");
    if (ctx.role === "organizer") {
      if (word === "poster" || word === "apphich") return posterReplies(ctx);
      if (!word || ROTATE_WORDS.includes(word)) return showCode(ctx, word !== "");
      if (BOARD_WORDS.includes(word)) return board(ctx);
      const { code } = splitSeat(ctx.args);
      // The hall code itself (or no unit named): the organizer's own check-in.
      if (isHallCode(ctx.services.store.data, code) || !/\s/.test(ctx.args.trim())) return checkInWithCode(ctx, ctx.args);
      return checkInFor(ctx, ctx.args);
    }
    return checkInWithCode(ctx, ctx.args);
  },
};

export const checkinCommands: CommandDef[] = [checkin];

/** The steps of /diemdanh: the hall code asked for, and the seat chosen after it. */
export const checkinSteps: StepHandlers<"checkin.code" | "checkin.seat"> = {
  "checkin.code": { command: "diemdanh", run: (ctx, _step, typed) => checkInWithCode(ctx, typed) },
  "checkin.seat": { command: "diemdanh", run: (ctx, chosen) => checkInAs(ctx, chosen.code, chosen.seat) },
};
