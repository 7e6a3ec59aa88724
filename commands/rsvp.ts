// /dangky (/rsvp): a unit answers for each invited seat — attends, sends a substitute, or is absent — until the RSVP deadline.
import type { Seat, Unit } from "../src/conference/schema.js";
import { type Answered, answerFields, answerOf, rsvpOpen, unansweredSeats } from "../src/domain/attendance.js";
import { answerSeatAction } from "../src/actions/attendance.js";
import { renderMessage } from "../src/messages/render.js";
import { answerMessage } from "../src/views/attendance.js";
import { actAndTell, actorOf } from "./acting.js";
import { awaitText } from "../src/domain/sessions.js";
import { unitAddress } from "../src/domain/units.js";
import { formatDateTime } from "../src/lib/time.js";
import type { RsvpAnswer, RsvpStatus } from "../storage/schema.js";
import { ASK, parseRsvp, seatList, VERB_WORD } from "./attendance.js";
import { contactRef } from "./contact.js";
import { choices, text } from "./replies.js";
import { BadArguments, DeadlinePassed, NotAllowed } from "../src/domain/errors.js";
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
      unit.seats.map((s, i) => ({ label: lines[i] as string, command: `/dangky ${s.id}` })),
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
      STATUSES.map((s) => ({ label: t(`rsvp-choice-${s}`), command: `/dangky ${seat.id} ${VERB_WORD[s]} ${ASK}` })),
    ),
  ];
}

/** Waits for the name or reason of one seat's answer as the next free text. */
async function ask(ctx: CommandContext, seat: Seat, status: RsvpStatus): Promise<Reply[]> {
  const prompt = `rsvp-ask-${status}`;
  await awaitText(ctx.services.store, ctx.account.key, { command: `/dangky ${seat.id} ${VERB_WORD[status]}`, prompt }, ctx.services.clock.now());
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

/** An organizer answers for a seat of a unit: any time, recorded as "Ban tổ chức ghi thay", the unit's accounts told. */
async function answerOnBehalf(ctx: CommandContext, unit: Unit, rest: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const cmd = parseRsvp(unit, rest);
  const seat = cmd.seat ?? (unit.seats.length === 1 ? unit.seats[0] : undefined);
  if (!seat || !cmd.status) throw new BadArguments("rsvp-onbehalf-usage", { unit: unitLabel(unit), seats: seatList(unit) });
  const now = services.clock.now();
  let done: { result: Answered; told: number[] };
  try {
    // The rule and the unit's message: src/actions/attendance.ts, as on the desk's "Trả lời thay".
    done = await actAndTell(ctx, answerSeatAction(services, actorOf(ctx), { unit, seat, status: cmd.status, text: cmd.text === ASK ? "" : cmd.text, onBehalf: true }));
  } catch (err) {
    if (err instanceof BadArguments && SLOT_KEYS.has(err.key)) {
      await awaitText(services.store, ctx.account.key, { command: `/dangky ${unit.name} ${seat.id} ${VERB_WORD[cmd.status]}`, prompt: err.key }, now);
    }
    throw err;
  }
  const { answer, before } = done.result;
  const told = done.told[0] ?? 0;
  const lines = [t("rsvp-onbehalf-saved", { unit: unitLabel(unit), seat: seat.title, answer: describeAnswer(ctx, answer), by: ctx.account.displayName })];
  if (before) lines.push(t("rsvp-replaced", { before: describeAnswer(ctx, before) }));
  lines.push(told > 0 ? t("rsvp-onbehalf-told", { count: told }) : t("rsvp-onbehalf-nobody"));
  return [text(lines.join("\n"))];
}

const rsvp: CommandDef = {
  name: "dangky",
  aliases: ["rsvp"],
  // Organizers too: Phòng Nội vụ is itself an invited unit; without a unit they are told so.
  roles: ["delegate", "organizer"],
  describe: "cmd-rsvp",
  maxArgs: 1000,
  async handler(ctx) {
    const { t, services, args, unit } = ctx;
    // Organizers answer for any unit, at any time: /dangky Nậm Xe 2 vang Ốm.
    if (ctx.role === "organizer" && args) {
      const named = unitNamedFirst(ctx, args);
      if (named) return answerOnBehalf(ctx, named.unit, named.rest);
    }
    if (!unit) throw new NotAllowed(ctx.role === "organizer" && !args ? "rsvp-organizer-no-unit" : "rsvp-no-unit");
    const now = services.clock.now();
    const deadline = services.conference.deadline("rsvp");
    const passed = !rsvpOpen(deadline, now);
    if (!args) return overview(ctx, unit, deadline, passed);
    const closed = () => new DeadlinePassed("rsvp-deadline-passed", { deadline: formatDateTime(t, deadline as Date) });
    if (passed) throw closed();

    const cmd = parseRsvp(unit, args);
    if (!cmd.status) return seatMenu(ctx, unit, cmd.seat as Seat, deadline);
    const store = services.store;
    if (!cmd.seat && unit.seats.length > 1) {
      // Several seats and none named: ask which, rather than guess (a repeated message would
      // otherwise answer a second seat). The text is checked first, so a bad one is refused now.
      if (cmd.text && cmd.text !== ASK) answerFields(cmd.status, cmd.text, ctx.account.displayName);
      const rest = [VERB_WORD[cmd.status], cmd.text].filter(Boolean).join(" ");
      const data = store.data;
      return [
        choices(
          t("rsvp-which-seat", { unit: unitLabel(unit) }),
          unit.seats.map((s) => ({ label: `${s.title}: ${describeAnswer(ctx, answerOf(data, unit.id, s.id))}`, command: `/dangky ${s.id} ${rest}` })),
        ),
      ];
    }
    const seat = cmd.seat ?? (unit.seats[0] as Seat);
    if (cmd.text === ASK) return ask(ctx, seat, cmd.status);

    let saved: Answered;
    try {
      ({ result: saved } = await actAndTell(ctx, answerSeatAction(services, actorOf(ctx), { unit, seat, status: cmd.status, text: cmd.text })));
    } catch (err) {
      // The deadline may pass between reading the message and saving it: the same refusal, with its time.
      if (err instanceof DeadlinePassed) throw closed();
      // A reason, a name or a position missing: the sentence says what is expected, and the next
      // plain message is taken as that answer (the question stays open until answered or /huy).
      if (err instanceof BadArguments && SLOT_KEYS.has(err.key)) {
        await awaitText(store, ctx.account.key, { command: `/dangky ${seat.id} ${VERB_WORD[cmd.status]}`, prompt: err.key }, now);
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
    // On to the next seat nobody has answered, rather than "type /dangky again".
    const next = unansweredSeats(store.data, unit)[0];
    if (next) replies.push(...seatMenu(ctx, unit, next, deadline));
    return replies;
  },
};

export const rsvpCommands: CommandDef[] = [rsvp];
