// /start: the greeting, and joining a unit (or the organizers) with an invite code, moving to another unit only when confirmed.
import { CodeGuard, isCodeShaped, isNearCode, normalizeCode, organizerAccounts, redeemCode } from "../src/domain/identity.js";
import { unitAddress, unitAddressById } from "../src/domain/units.js";
import { unansweredSeats } from "../src/domain/attendance.js";
import { endAwaiting } from "../src/domain/sessions.js";
import { formatDateTime } from "../src/lib/time.js";
import { deadlinesView } from "../src/views/letters.js";
import type { DeadlineView } from "../src/views/letters.js";
import { yesNo } from "./understand/readers.js";
import { yesNoQuestion } from "./understand/confirm.js";
import { NotAnAnswer } from "./understand/not-an-answer.js";
import { CHECKIN_START_PREFIX, checkInWithCode } from "./checkin.js";
import { text } from "./replies.js";
import type { Step, StepHandlers } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";

/** The bot-wide guard on wrong invite codes of these services (made on first use if the app did not). */
function codeGuardOf(ctx: CommandContext): CodeGuard {
  ctx.services.codeGuard ??= new CodeGuard();
  return ctx.services.codeGuard;
}

/** Tells every organizer, once per wave, that wrong codes come from many accounts and all attempts are slowed. */
function tellOrganizersOfGuessing(ctx: CommandContext, guard: CodeGuard): void {
  const alarm = guard.takeAlarm();
  if (!alarm) return;
  const { services } = ctx;
  services.logger.warn({ wrong: alarm.wrong, minutes: alarm.windowMinutes }, "many wrong invite codes: every attempt slowed");
  const messages = organizerAccounts(services.store.data, services.config.organizerIds).map((a) => {
    const t = services.i18n.forLanguage(a.language);
    return { account: a.key, replies: [text(t("codes-guessing-alarm", { wrong: alarm.wrong, minutes: alarm.windowMinutes }))] };
  });
  // Not awaited: the reply to the person who typed the code does not wait for the organizers' delivery.
  if (messages.length > 0) {
    services.notifier.send(messages).catch((err) => services.logger.error({ err }, "could not tell the organizers of wrong invite codes"));
  }
}

async function join(ctx: CommandContext, code: string, confirmMove = false): Promise<Reply[]> {
  const { t, services } = ctx;
  const guard = codeGuardOf(ctx);
  let result: Awaited<ReturnType<typeof redeemCode>>;
  try {
    result = await redeemCode(services.store, ctx.account.key, code, services.clock.now(), guard, { confirmMove });
  } finally {
    tellOrganizersOfGuessing(ctx, guard);
  }
  if (result.kind === "organizer") return [text(t("join-organizer"))];
  if (result.kind === "move-asked") {
    // Nothing changes silently: moving to another unit is asked first.
    const from = unitAddressById(services.conference, result.from);
    const to = unitAddressById(services.conference, result.to);
    // The bot's one yes/no question: "1", "2", a button, or "có", "ok", "không", "thôi" answer it.
    const move: [string, Step] = [t("join-move-yes", { to }), { kind: "join.move", code: normalizeCode(code) }];
    return yesNoQuestion(ctx, t("join-move-ask", { from, to }), move, [t("join-move-no", { from }), { kind: "join.stay" }]);
  }
  services.logger.info({ account: ctx.account.key, unit: result.unitId }, "account joined a unit");
  const moved = result.from ? `${t("join-moved", { from: unitAddressById(services.conference, result.from) })}\n` : "";
  const next = nextForUnit(ctx, result.unitId);
  return [text(`${moved}${t("join-unit", { unit: unitAddressById(services.conference, result.unitId) })}\n\n${next.map((l) => `${l}\n\n`).join("")}${t("start-help")}`)];
}

/** What the unit has to do next, for the welcome: its seats still to answer and the RSVP deadline; its speech and its deadline. */
function nextForUnit(ctx: CommandContext, unitId: string): string[] {
  const { t, services } = ctx;
  const unit = services.conference.unit(unitId);
  if (!unit) return [];
  const deadlines = deadlinesView(services.conference, services.clock.now());
  const when = (d: DeadlineView) => (d.at ? formatDateTime(t, d.at) : t("join-deadline-tba"));
  const lines: string[] = [];
  const missing = unansweredSeats(services.store.data, unit);
  if (!deadlines.rsvp.passed) {
    lines.push(
      missing.length > 0
        ? t("join-next-rsvp", { missing: missing.length, seats: unit.seats.length, titles: missing.map((s) => s.title).join("; "), deadline: when(deadlines.rsvp) })
        : t("join-next-rsvp-done", { seats: unit.seats.length }),
    );
  }
  const speech = services.conference.speechFor(unit.id);
  if (speech && !deadlines.speech.passed && !services.store.data.speeches[unit.id]?.versions.length) {
    lines.push(t("join-next-speech", { topic: speech.topic, deadline: when(deadlines.speech) }));
  }
  return lines;
}

/**
 * The move asked as its own step by an earlier version of the bot (a question still open across an
 * upgrade): "có" moves, "không" stays, read by the one yes/no reader; other words ask again, as a yes/no question.
 */
async function moveInWords(ctx: CommandContext, code: string, typed: string): Promise<Reply[]> {
  const answer = yesNo(typed);
  await endAwaiting(ctx.services.store, ctx.account.key, "join.confirm");
  if (answer === "yes") return join(ctx, code, true);
  if (answer === "no") return greeting(ctx);
  throw new NotAnAnswer(typed, await join(ctx, code));
}
/** /start alone: the greeting, and where the account stands (organizer, a unit's delegate, a guest). */
function greeting(ctx: CommandContext): Reply[] {
  const { t, services } = ctx;
  const conf = services.conference.conf;
  const intro = t("start-greeting", { name: ctx.account.displayName, title: conf.short_title ?? conf.title });
  const who = ctx.role === "organizer" ? t("start-you-organizer") : ctx.unit ? t("start-you-delegate", { unit: unitAddress(ctx.unit) }) : t("start-you-guest");
  return [text(`${intro}\n\n${who}\n\n${t("start-help")}`)];
}

export const startCommand: CommandDef = {
  name: "start",
  aliases: [],
  roles: ["guest"],
  describe: "cmd-start",
  async handler(ctx) {
    const { args } = ctx;
    if (!args) return greeting(ctx);
    // A code typed with spaces inside ("7KQ 2MX-9D4R") is one code.
    const words = args.split(/\s+/);
    const code = isCodeShaped(args) || isNearCode(args) ? args : (words[0] as string);
    // The check-in poster's Telegram link (t.me/<bot>?start=dd-CODE): the same check-in as /diemdanh CODE.
    if (code.toLowerCase().startsWith(CHECKIN_START_PREFIX)) return checkInWithCode(ctx, code.slice(CHECKIN_START_PREFIX.length));
    // Moving to another unit is asked (join.move), never done by a code typed alone.
    return join(ctx, code);
  },
};

/** The steps of joining: moving to the unit of a code, confirmed, or staying. */
export const joinSteps: StepHandlers<"join.move" | "join.stay" | "join.confirm"> = {
  "join.move": { command: "start", run: (ctx, chosen) => join(ctx, chosen.code, true) },
  "join.stay": { command: "start", run: async (ctx) => greeting(ctx) },
  "join.confirm": { command: "start", run: (ctx, step, typed) => moveInWords(ctx, step.code, typed) },
};
