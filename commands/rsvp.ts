// /dangky (/rsvp): a unit answers for each invited seat — attends, sends a substitute, or is absent — until the RSVP deadline.
import type { Seat, Unit } from "../src/conference/schema.js";
import { type Answered, answerFields, answerOf, rsvpOpen, unansweredSeats } from "../src/domain/attendance.js";
import { answerSeatAction } from "../src/actions/attendance.js";
import { renderMessage } from "../src/messages/render.js";
import { answerMessage } from "../src/views/attendance.js";
import { actAndTell, actorOf } from "./acting.js";
import { awaitStep } from "../src/domain/sessions.js";
import { requireUnit, unitAddress } from "../src/domain/units.js";
import { formatDateTime } from "../src/lib/time.js";
import type { RsvpAnswer, RsvpStatus } from "../storage/schema.js";
import { ASK, parseRsvp, seatList } from "./attendance.js";
import { contactRef } from "./contact.js";
import { choices, text } from "./replies.js";
import { BadArguments, DeadlinePassed, NotAllowed, UserError } from "../src/domain/errors.js";
import { offer, type StepHandlers, type StepOf } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";

/** Refusals that ask for what is missing; the next plain message answers them. */
const SLOT_KEYS = new Set(["rsvp-absent-no-reason", "rsvp-substitute-no-name", "rsvp-substitute-no-position", "rsvp-attend-no-name"]);

const STATUSES: RsvpStatus[] = ["attend", "substitute", "absent"];

/** "tham dự, Lò Văn A", "cử người thay: …", "vắng mặt: …", "chưa trả lời": the answer's view written in `t`'s language. */
export function describeAnswer(ctx: Pick<CommandContext, "t">, answer: RsvpAnswer | undefined): string {
  return renderMessage(ctx.t, answerMessage(answer));
}

/** "Lò Văn A (Chủ tịch UBND xã)" when an attendee's position was typed too. */
const withPosition = (name = "", position?: string) => (position ? `${name} (${position})` : name);

/** The addressed name of a unit ("UBND xã Mường So"); kept for modules that import it from here. */
export const unitLabel = unitAddress;

/** "Có thể thay đổi đến …", or the words for a deadline still to be set. */
function changeableLine(ctx: CommandContext, deadline: Date | undefined): string {
  return deadline ? ctx.t("rsvp-changeable", { deadline: formatDateTime(ctx.t, deadline) }) : ctx.t("rsvp-changeable-tba");
}

/** /dangky alone: the unit's answers per seat, and (before the deadline) which seat to answer. */
function overview(ctx: CommandContext, unit: Unit, deadline: Date | undefined, passed: boolean): Reply[] {
  const { t } = ctx;
  const data = ctx.services.store.data;
  const lines = unit.seats.map((s) => `${s.title}: ${describeAnswer(ctx, answerOf(data, unit.id, s.id))}`);
  if (passed) {
    const closed = t("rsvp-deadline-passed", { deadline: formatDateTime(t, deadline as Date), contact: contactRef(t, ctx.services.conference.conf) });
    return [text([t("rsvp-overview-title", { unit: unitLabel(unit) }), ...lines.map((l, i) => `${i + 1}. ${l}`), "", closed].join("\n"))];
  }
  if (unit.seats.length === 1) return seatMenu(ctx, unit, unit.seats[0] as Seat, deadline);
  const head = [t("rsvp-overview-title", { unit: unitLabel(unit) }), changeableLine(ctx, deadline), t("rsvp-choose-seat")].join("\n");
  return [
    choices(
      head,
      unit.seats.map((s, i) => offer(lines[i] as string, { kind: "rsvp.seat", seat: s.id })),
    ),
    text(t("rsvp-typed-hint")),
  ];
}

/** The three answers for one seat, as numbered choices that then ask for the name or reason. */
function seatMenu(ctx: CommandContext, unit: Unit, seat: Seat, deadline: Date | undefined): Reply[] {
  const { t } = ctx;
  const current = describeAnswer(ctx, answerOf(ctx.services.store.data, unit.id, seat.id));
  const head = [
    t("rsvp-seat-title", { unit: unitLabel(unit), seat: seat.title }),
    t("rsvp-seat-current", { answer: current }),
    changeableLine(ctx, deadline),
    t("rsvp-choose-answer"),
  ].join("\n");
  return [
    choices(
      head,
      STATUSES.map((status) => offer(t(`rsvp-choice-${status}`), { kind: "rsvp.answer", seat: seat.id, status })),
    ),
  ];
}

/** The question that waits for the name or reason of answer `status` for `seat` (of `unit`, when an organizer answers on its behalf). */
function nameStep(seat: Seat, status: RsvpStatus, unit?: Unit): StepOf<"rsvp.name"> {
  return { kind: "rsvp.name", seat: seat.id, status, ...(unit && { unit: unit.id }) };
}

/** The next plain message answers `step`; `prompt` is the message key that asked. */
function askFor(ctx: CommandContext, step: StepOf<"rsvp.name">, prompt: string): Promise<void> {
  return awaitStep(ctx.services.store, ctx.account.key, step, prompt, ctx.services.clock.now());
}

/** Waits for the name or reason of one seat's answer as the next free text. */
async function ask(ctx: CommandContext, seat: Seat, status: RsvpStatus): Promise<Reply[]> {
  const prompt = `rsvp-ask-${status}`;
  await askFor(ctx, nameStep(seat, status), prompt);
  return [text(`${ctx.t(prompt, { seat: seat.title })}\n${ctx.t("rsvp-ask-cancel")}`)];
}

/** "Nậm Xe 2 vang Ốm" → the unit Nậm Xe and "2 vang Ốm", when the first words name a unit exactly. */
function unitNamedFirst(ctx: CommandContext, args: string): { unit: Unit; rest: string } | undefined {
  const words = args.split(/\s+/).filter(Boolean);
  for (let k = Math.min(words.length, 6); k >= 1; k--) {
    const found = ctx.services.conference.findUnit(words.slice(0, k).join(" "));
    if (found.unit) return { unit: found.unit, rest: words.slice(k).join(" ") };
  }
  return undefined;
}

/** "/dangky Nậm Xe 2 vang Ốm" after the unit's name: the seat and the answer an organizer gives on its behalf. */
function answerOnBehalf(ctx: CommandContext, unit: Unit, rest: string): Promise<Reply[]> {
  const cmd = parseRsvp(unit, rest);
  const seat = cmd.seat ?? (unit.seats.length === 1 ? unit.seats[0] : undefined);
  if (!seat || !cmd.status) throw new BadArguments("rsvp-onbehalf-usage", { unit: unitLabel(unit), seats: seatList(unit) });
  return answerFor(ctx, unit, seat, cmd.status, cmd.text);
}

/** An organizer answers for a seat of a unit: any time, recorded as "Ban tổ chức ghi thay", the unit's accounts told. */
async function answerFor(ctx: CommandContext, unit: Unit, seat: Seat, status: RsvpStatus, typed: string): Promise<Reply[]> {
  const { t, services } = ctx;
  let done: { result: Answered; told: number[] };
  try {
    // The rule and the unit's message: src/actions/attendance.ts, as on the desk's "Trả lời thay".
    done = await actAndTell(ctx, answerSeatAction(services, actorOf(ctx), { unit, seat, status, text: typed === ASK ? "" : typed, onBehalf: true }));
  } catch (err) {
    if (err instanceof BadArguments && SLOT_KEYS.has(err.key)) await askFor(ctx, nameStep(seat, status, unit), err.key);
    throw err;
  }
  const { answer, before } = done.result;
  const told = done.told[0] ?? 0;
  const lines = [t("rsvp-onbehalf-saved", { unit: unitLabel(unit), seat: seat.title, answer: describeAnswer(ctx, answer), by: ctx.account.displayName })];
  if (before) lines.push(t("rsvp-replaced", { before: describeAnswer(ctx, before) }));
  lines.push(told > 0 ? t("rsvp-onbehalf-told", { count: told }) : t("rsvp-onbehalf-nobody"));
  return [text(lines.join("\n"))];
}

/** The refusal once the RSVP deadline has passed, with its time. */
function closedRefusal(ctx: CommandContext, deadline: Date | undefined): DeadlinePassed {
  return new DeadlinePassed("rsvp-deadline-passed", { deadline: formatDateTime(ctx.t, deadline as Date) });
}

/** Several seats and none named: which one the answer is for, rather than a guess (a repeated message would otherwise answer a second seat). */
function whichSeat(ctx: CommandContext, unit: Unit, status: RsvpStatus, typed: string): Reply[] {
  // The text is checked first, so a bad one is refused now.
  if (typed && typed !== ASK) answerFields(status, typed, ctx.account.displayName);
  const data = ctx.services.store.data;
  return [
    choices(
      ctx.t("rsvp-which-seat", { unit: unitLabel(unit) }),
      unit.seats.map((s) => offer(`${s.title}: ${describeAnswer(ctx, answerOf(data, unit.id, s.id))}`, { kind: "rsvp.answer", seat: s.id, status, ...(typed !== ASK && { text: typed }) })),
    ),
  ];
}

/** A delegate's answer `status` for `seat` of its own unit, with the name, position or reason `typed`; then the next seat nobody has answered. */
async function answerOwn(ctx: CommandContext, unit: Unit, seat: Seat, status: RsvpStatus, typed: string, deadline: Date | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  let saved: Answered;
  try {
    ({ result: saved } = await actAndTell(ctx, answerSeatAction(services, actorOf(ctx), { unit, seat, status, text: typed })));
  } catch (err) {
    // The deadline may pass between reading the message and saving it: the same refusal, with its time.
    if (err instanceof DeadlinePassed) throw closedRefusal(ctx, deadline);
    // A reason, a name or a position missing: the sentence says what is expected, and the next
    // plain message is taken as that answer (the question stays open until answered or /huy).
    if (err instanceof BadArguments && SLOT_KEYS.has(err.key)) await askFor(ctx, nameStep(seat, status), err.key);
    throw err;
  }
  const { answer, before } = saved;
  const seatNo = unit.seats.indexOf(seat) + 1;
  const lines = [t(`rsvp-saved-${answer.status}`, { unit: unitLabel(unit), seat: seat.title, name: answer.status === "attend" ? withPosition(answer.name, answer.position) : (answer.name ?? ""), position: answer.position ?? "", reason: answer.reason ?? "" })];
  if (saved.defaulted) lines.push(t("rsvp-name-defaulted", { seatNo: String(seatNo) }));
  if (before) lines.push(t("rsvp-replaced", { before: describeAnswer(ctx, before) }));
  if (saved.remaining > 0) lines.push(t("rsvp-remaining", { count: saved.remaining }));
  lines.push(changeableLine(ctx, deadline));
  const replies: Reply[] = [text(lines.join("\n"))];
  // On to the next seat nobody has answered, rather than "type /dangky again".
  const next = unansweredSeats(services.store.data, unit)[0];
  if (next) replies.push(...seatMenu(ctx, unit, next, deadline));
  return replies;
}

const rsvp: CommandDef = {
  name: "dangky",
  aliases: ["rsvp"],
  // Organizers too: Phòng Nội vụ is itself an invited unit; without a unit they are told so.
  roles: ["delegate", "organizer"],
  describe: "cmd-rsvp",
  maxArgs: 1000,
  async handler(ctx) {
    const { services, args, unit } = ctx;
    // Organizers answer for any unit, at any time: /dangky Nậm Xe 2 vang Ốm.
    if (ctx.role === "organizer" && args) {
      const named = unitNamedFirst(ctx, args);
      if (named) return answerOnBehalf(ctx, named.unit, named.rest);
    }
    if (!unit) throw new NotAllowed(ctx.role === "organizer" && !args ? "rsvp-organizer-no-unit" : "rsvp-no-unit");
    const deadline = services.conference.deadline("rsvp");
    const passed = !rsvpOpen(deadline, services.clock.now());
    if (!args) return overview(ctx, unit, deadline, passed);
    if (passed) throw closedRefusal(ctx, deadline);

    const cmd = parseRsvp(unit, args);
    if (!cmd.status) return seatMenu(ctx, unit, cmd.seat as Seat, deadline);
    if (!cmd.seat && unit.seats.length > 1) return whichSeat(ctx, unit, cmd.status, cmd.text);
    const seat = cmd.seat ?? (unit.seats[0] as Seat);
    if (cmd.text === ASK) return ask(ctx, seat, cmd.status);
    return answerOwn(ctx, unit, seat, cmd.status, cmd.text, deadline);
  },
};

/** What a step of the person's own unit needs, as /dangky with arguments checks it: a unit, and the deadline not passed. */
function answeringUnit(ctx: CommandContext): { unit: Unit; deadline: Date | undefined } {
  const { unit, services } = ctx;
  if (!unit) throw new NotAllowed("rsvp-no-unit");
  const deadline = services.conference.deadline("rsvp");
  if (!rsvpOpen(deadline, services.clock.now())) throw closedRefusal(ctx, deadline);
  return { unit, deadline };
}

/** The seat a step names, in `unit`; a seat the unit no longer has (the account moved, the file changed) makes the step stale. */
function seatOfStep(unit: Unit, seatId: string): Seat {
  const seat = unit.seats.find((s) => s.id === seatId);
  if (!seat) throw new UserError("choice-stale");
  return seat;
}

/** The free text that answers an rsvp.name question: the name, "name, position" or reason; "?" asks again. */
function answerNamed(ctx: CommandContext, step: StepOf<"rsvp.name">, typed: string): Promise<Reply[]> {
  if (step.unit !== undefined) {
    // On behalf of a unit: its id, or (a step migrated from schema version 3) its name as typed.
    const unit = ctx.services.conference.unit(step.unit) ?? requireUnit(ctx.services.conference, step.unit);
    return answerFor(ctx, unit, seatOfStep(unit, step.seat), step.status, typed);
  }
  const { unit, deadline } = answeringUnit(ctx);
  const seat = seatOfStep(unit, step.seat);
  return typed === ASK ? ask(ctx, seat, step.status) : answerOwn(ctx, unit, seat, step.status, typed, deadline);
}

/** The steps of /dangky: a seat's three answers, an answer chosen (asking for its name or reason, or with it), and the question's answer. */
export const rsvpSteps: StepHandlers<"rsvp.seat" | "rsvp.answer" | "rsvp.name"> = {
  "rsvp.seat": {
    command: "dangky",
    run: async (ctx, chosen) => {
      const { unit, deadline } = answeringUnit(ctx);
      return seatMenu(ctx, unit, seatOfStep(unit, chosen.seat), deadline);
    },
  },
  "rsvp.answer": {
    command: "dangky",
    run: async (ctx, chosen) => {
      const { unit, deadline } = answeringUnit(ctx);
      const seat = seatOfStep(unit, chosen.seat);
      return chosen.text === undefined ? ask(ctx, seat, chosen.status) : answerOwn(ctx, unit, seat, chosen.status, chosen.text, deadline);
    },
  },
  "rsvp.name": { command: "dangky", run: (ctx, step, typed) => answerNamed(ctx, step, typed) },
};

export const rsvpCommands: CommandDef[] = [rsvp];
