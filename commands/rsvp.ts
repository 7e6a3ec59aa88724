// /dangky (/rsvp): a unit answers for each invited seat — attends, sends a substitute, or is absent — until the RSVP deadline.
import type { Seat, Unit } from "../src/conference/schema.js";
import { type Answered, answerFields, answerOf, rsvpOpen, unansweredSeats } from "../src/domain/attendance.js";
import { answerSeatAction } from "../src/actions/attendance.js";
import { renderMessage } from "../src/messages/render.js";
import { answerMessage } from "../src/views/attendance.js";
import { actAndTell, actorOf } from "./acting.js";
import { awaitingKind, awaitStep, dropChoices, endAwaiting } from "../src/domain/sessions.js";
import { markedForm, withoutAddress } from "../src/domain/names.js";
import { draftOf, draftSize } from "../src/domain/speeches.js";
import { looksLikeQuestion, nameAnswer, ordinal, positionForm, type PositionWriter, positionWriter, type SeatAnswer, seatAnswer, seatPick, words, yesNo } from "./understand/readers.js";
import { NotAnAnswer } from "./understand/not-an-answer.js";
import { requireUnit, unitAddress } from "../src/domain/units.js";
import { formatDateTime } from "../src/lib/time.js";
import type { RsvpAnswer, RsvpStatus } from "../storage/schema.js";
import { ASK, parseRsvp, seatList } from "./attendance.js";
import { contactRef } from "./contact.js";
import { choices, text } from "./replies.js";
import { BadArguments, DeadlinePassed, NotAllowed, UserError } from "../src/domain/errors.js";
import { offer, type Step, type StepHandlers, type StepOf } from "./steps.js";
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

/** /dangky alone: the unit's answers per seat, and (before the deadline) which seat to answer, by number or in words. */
async function overview(ctx: CommandContext, unit: Unit, deadline: Date | undefined, passed: boolean): Promise<Reply[]> {
  const { t } = ctx;
  const data = ctx.services.store.data;
  const lines = unit.seats.map((s) => `${s.title}: ${describeAnswer(ctx, answerOf(data, unit.id, s.id))}`);
  if (passed) {
    const closed = t("rsvp-deadline-passed", { deadline: formatDateTime(t, deadline as Date), contact: contactRef(t, ctx.services.conference.conf) });
    return [text([t("rsvp-overview-title", { unit: unitLabel(unit) }), ...lines.map((l, i) => `${i + 1}. ${l}`), "", closed].join("\n"))];
  }
  if (unit.seats.length === 1) return seatMenu(ctx, unit, unit.seats[0] as Seat, deadline);
  await askInWords(ctx, { kind: "rsvp.whichSeat" }, "rsvp-choose-seat");
  const head = [t("rsvp-overview-title", { unit: unitLabel(unit) }), changeableLine(ctx, deadline), t("rsvp-choose-seat")].join("\n");
  return [
    choices(
      head,
      unit.seats.map((s, i) => offer(lines[i] as string, { kind: "rsvp.seat", seat: s.id })),
    ),
    text(t("rsvp-typed-hint")),
  ];
}

/** The three answers for one seat, as numbered choices that then ask for the name or reason; or typed in words. */
async function seatMenu(ctx: CommandContext, unit: Unit, seat: Seat, deadline: Date | undefined): Promise<Reply[]> {
  const { t } = ctx;
  await askInWords(ctx, { kind: "rsvp.reply", seat: seat.id }, "rsvp-choose-answer");
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
function askFor(ctx: CommandContext, step: Step, prompt: string): Promise<void> {
  return awaitStep(ctx.services.store, ctx.account.key, step, prompt, ctx.services.clock.now());
}

/**
 * Numbered choices also answered in words: the next plain message is read by `step`. Not while a
 * speech draft is being collected: its next parts go on to the draft, and the choices take numbers.
 */
async function askInWords(ctx: CommandContext, step: Step, prompt: string): Promise<void> {
  if (draftSize(draftOf(ctx.services.store.data, ctx.account.key)) > 0) return;
  await askFor(ctx, step, prompt);
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
async function answerOwn(ctx: CommandContext, unit: Unit, seat: Seat, status: RsvpStatus, typed: string, deadline: Date | undefined, all = false): Promise<Reply[]> {
  const { t, services } = ctx;
  let saved: Answered;
  try {
    ({ result: saved } = await actAndTell(ctx, answerSeatAction(services, actorOf(ctx), { unit, seat, status, text: typed })));
  } catch (err) {
    // The deadline may pass between reading the message and saving it: the same refusal, with its time.
    if (err instanceof DeadlinePassed) throw closedRefusal(ctx, deadline);
    // A reason, a name or a position missing: the sentence says what is expected, and the next
    // plain message is taken as that answer (the question stays open until answered or /huy).
    if (err instanceof BadArguments && SLOT_KEYS.has(err.key)) {
      const name = err.key === "rsvp-substitute-no-position" ? String(err.args.name ?? "") : "";
      await askFor(ctx, { ...nameStep(seat, status), ...(name && { name }), ...(all && { all }) }, err.key);
    }
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
  // On to the next seat nobody has answered, rather than "type /dangky again"; every seat attending: the next seat's name.
  const next = all ? unit.seats[unit.seats.indexOf(seat) + 1] : unansweredSeats(services.store.data, unit)[0];
  if (next) replies.push(...(all ? await askAttendName(ctx, next) : await seatMenu(ctx, unit, next, deadline)));
  else await endWords(ctx);
  return replies;
}

// ---- Answers in words (commands/understand/answers.ts reads them) ----

/** The unit's usual positions written with their marks ("Phó Chủ tịch UBND xã"), in the conference's language as letters and lists print them. */
const positionsOf = (ctx: CommandContext, unit: Unit): PositionWriter =>
  positionWriter(ctx.services.i18n.forLanguage(ctx.services.config.defaultLanguage), unit.kind);

/** Once every seat is answered, no question of /dangky waits any more: neither for words nor for a number. */
async function endWords(ctx: CommandContext): Promise<void> {
  const kind = awaitingKind(ctx.services.store.data.sessions[ctx.account.key]);
  if (kind?.startsWith("rsvp.")) await endAwaiting(ctx.services.store, ctx.account.key, kind);
  await dropChoices(ctx.services.store, ctx.account.key);
}

/** Every seat attends: the name of the person in `seat`, then the next seat's ("tôi" for the one typing). */
async function askAttendName(ctx: CommandContext, seat: Seat, head?: string): Promise<Reply[]> {
  await askFor(ctx, { ...nameStep(seat, "attend"), all: true }, "rsvp-ask-attend-all");
  return [text([head, ctx.t("rsvp-ask-attend-all", { seat: seat.title }), ctx.t("rsvp-ask-cancel")].filter(Boolean).join("\n"))];
}

/** Free text while the seats are listed: a seat ("chủ tịch xã", "vị trí thứ hai"), or every seat attending ("cả 4 người đều đi"). */
async function seatInWords(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { unit, deadline } = answeringUnit(ctx);
  const pick = seatPick(unit.seats, typed);
  if (!pick) throw new NotAnAnswer(typed, await overview(ctx, unit, deadline, false));
  if (pick.kind === "seat") return seatMenu(ctx, unit, unit.seats[pick.index] as Seat, deadline);
  return askAttendName(ctx, unit.seats[0] as Seat, ctx.t("rsvp-all-attend", { count: unit.seats.length, unit: unitLabel(unit) }));
}

/** Free text while a seat's three answers are offered: "có", "tôi đi", "vắng, đi công tác", "cử anh … đi thay". */
async function answerInWords(ctx: CommandContext, seatId: string, typed: string): Promise<Reply[]> {
  const { unit, deadline } = answeringUnit(ctx);
  const seat = seatOfStep(unit, seatId);
  const said = seatAnswer(typed, { write: positionsOf(ctx, unit) });
  // "vang" alone is "vâng" (yes) or "vắng" (absent): said so, and asked again.
  const sentence = words(typed).join(" ") === "vang" ? "rsvp-vang-unclear" : undefined;
  if (!said) throw new NotAnAnswer(typed, await seatMenu(ctx, unit, seat, deadline), undefined, sentence);
  return takeAnswer(ctx, unit, seat, said, deadline);
}

/** An answer read from words: saved when it says all that is needed; else the slot missing (name, position, reason) is asked for. */
function takeAnswer(ctx: CommandContext, unit: Unit, seat: Seat, said: SeatAnswer, deadline: Date | undefined, all = false): Promise<Reply[]> {
  if (said.status === "absent") return said.reason ? answerOwn(ctx, unit, seat, "absent", said.reason, deadline) : ask(ctx, seat, "absent");
  if (said.status === "attend" && said.self) return answerOwn(ctx, unit, seat, "attend", "", deadline, all);
  if (!said.name) return all ? askAttendName(ctx, seat) : ask(ctx, seat, said.status);
  if (said.status === "substitute" && !said.position) return askPosition(ctx, seat, said.name);
  return nameGiven(ctx, unit, seat, said.status, { name: said.name, position: said.position }, deadline, all);
}

/** The name of a substitute is known: its position is asked for. */
async function askPosition(ctx: CommandContext, seat: Seat, name: string): Promise<Reply[]> {
  const clean = withoutAddress(name);
  await askFor(ctx, { ...nameStep(seat, "substitute"), name: clean }, "rsvp-ask-position");
  return [text(`${ctx.t("rsvp-ask-position", { name: clean })}\n${ctx.t("rsvp-ask-cancel")}`)];
}

/** The names the bot knows with their marks for a unit: the one typing (the platform's name), the unit's accounts, its answers. */
function knownNames(ctx: CommandContext, unit: Unit): string[] {
  const data = ctx.services.store.data;
  const accounts = Object.values(data.accounts).filter((a) => a.unitId === unit.id).map((a) => a.displayName);
  const answered = data.rsvps.filter((r) => r.unitId === unit.id && r.name).map((r) => r.name as string);
  return [ctx.account.displayName, ...accounts, ...answered];
}

const namePosition = (name: string, position?: string): string => (position ? `${name}, ${position}` : name);

/**
 * A name (and position) typed for a seat: saved as typed, unless it is a known name without its
 * marks ("Lo Van Hung" for the platform's "Lò Văn Hùng"): then both are offered and the one chosen kept.
 */
async function nameGiven(ctx: CommandContext, unit: Unit, seat: Seat, status: RsvpStatus, typed: { name: string; position?: string }, deadline: Date | undefined, all = false): Promise<Reply[]> {
  const name = withoutAddress(typed.name);
  const marked = markedForm(name, knownNames(ctx, unit));
  if (!marked) return answerOwn(ctx, unit, seat, status, namePosition(name, typed.position), deadline, all);
  const { t } = ctx;
  const kept = { ...(typed.position && { position: typed.position }), ...(all && { all }) };
  await askFor(ctx, { kind: "rsvp.confirmName", seat: seat.id, status, marked, typed: name, ...kept }, "rsvp-confirm-name");
  const choice = (label: string, n: string) => offer(label, { kind: "rsvp.answer", seat: seat.id, status, text: namePosition(n, typed.position), ...(all && { all }) });
  return [choices(t("rsvp-confirm-name", { seat: seat.title }), [choice(t("rsvp-name-marked", { name: marked }), marked), choice(t("rsvp-name-typed", { name }), name)])];
}

/** "Có", "đúng rồi", "1" keep the name with its marks; "không", "2" the name as typed; another name is taken as the name. */
function confirmName(ctx: CommandContext, step: StepOf<"rsvp.confirmName">, typed: string): Promise<Reply[]> {
  const { unit, deadline } = answeringUnit(ctx);
  const seat = seatOfStep(unit, step.seat);
  const n = ordinal(typed, 2);
  const yes = yesNo(typed) ?? (n === 1 ? "yes" : n === 2 ? "no" : undefined);
  if (yes) return answerOwn(ctx, unit, seat, step.status, namePosition(yes === "yes" ? step.marked : step.typed, step.position), deadline, step.all);
  return answerNamed(ctx, { ...nameStep(seat, step.status), ...(step.all && { all: true }) }, typed);
}

/** The question a name step asked, asked again. */
function nameAskedAgain(ctx: CommandContext, step: StepOf<"rsvp.name">, seat: Seat): Reply[] {
  const prompt = step.name ? ctx.t("rsvp-ask-position", { name: step.name }) : ctx.t(step.all ? "rsvp-ask-attend-all" : `rsvp-ask-${step.status}`, { seat: seat.title });
  return [text(`${prompt}\n${ctx.t("rsvp-ask-cancel")}`)];
}

/** The words typed for a seat's name, position or reason: read, then saved or asked for; a text that is none of them asks again. */
function ownNamed(ctx: CommandContext, unit: Unit, seat: Seat, step: StepOf<"rsvp.name">, typed: string, deadline: Date | undefined): Promise<Reply[]> {
  const all = step.all === true;
  if (looksLikeQuestion(typed) && !typed.trim().endsWith(ASK)) throw new NotAnAnswer(typed, nameAskedAgain(ctx, step, seat));
  if (step.status === "absent") return answerOwn(ctx, unit, seat, "absent", typed, deadline);
  const write = positionsOf(ctx, unit);
  if (step.name) {
    // The name typed again with its position ("Lò Văn Bảy - Phó Chủ tịch UBND xã"), or the position alone.
    const again = nameAnswer(typed, write);
    const whole = again && !again.self && again.position ? again : undefined;
    return nameGiven(ctx, unit, seat, step.status, whole ?? { name: step.name, position: positionForm(typed, write) }, deadline, all);
  }
  // Another answer typed instead of a name ("không đi được", "cử anh … đi thay") is taken as that answer.
  // Not a bare "vang": at a name question it may be the name Vàng.
  const other = words(typed)[0] === "vang" && words(typed)[1] !== "mat" ? undefined : seatAnswer(typed, { write });
  if (other && other.status !== "attend" && other.status !== step.status) return takeAnswer(ctx, unit, seat, other, deadline);
  // "Lò Văn Bảy - Phó Chủ tịch UBND xã", "Lò Văn Bảy (Phó Chủ tịch UBND xã)": the rule's own forms, split by the domain as typed.
  if (/[()]|\s[-\u2013\u2014]\s/.test(typed)) return answerOwn(ctx, unit, seat, step.status, typed, deadline, all);
  const said = nameAnswer(typed, write);
  if (said?.self && step.status === "attend") return answerOwn(ctx, unit, seat, "attend", "", deadline, all);
  if (!said || said.self) throw new NotAnAnswer(typed, nameAskedAgain(ctx, step, seat));
  return takeAnswer(ctx, unit, seat, { status: step.status, name: said.name, position: said.position } as SeatAnswer, deadline, all);
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
  return typed === ASK ? ask(ctx, seat, step.status) : ownNamed(ctx, unit, seat, step, typed, deadline);
}

/** The steps of /dangky: a seat's three answers, an answer chosen (asking for its name or reason, or with it), and the question's answer. */
export const rsvpSteps: StepHandlers<"rsvp.seat" | "rsvp.answer" | "rsvp.name" | "rsvp.whichSeat" | "rsvp.reply" | "rsvp.confirmName"> = {
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
      return chosen.text === undefined ? ask(ctx, seat, chosen.status) : answerOwn(ctx, unit, seat, chosen.status, chosen.text, deadline, chosen.all);
    },
  },
  "rsvp.name": { command: "dangky", run: (ctx, step, typed) => answerNamed(ctx, step, typed) },
  "rsvp.whichSeat": { command: "dangky", run: (ctx, _step, typed) => seatInWords(ctx, typed) },
  "rsvp.reply": { command: "dangky", run: (ctx, step, typed) => answerInWords(ctx, step.seat, typed) },
  "rsvp.confirmName": { command: "dangky", run: (ctx, step, typed) => confirmName(ctx, step, typed) },
};

export const rsvpCommands: CommandDef[] = [rsvp];
