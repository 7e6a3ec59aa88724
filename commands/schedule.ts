// /datlich (/schedule): an organizer sets the time and place; risks are asked about first, saves made meanwhile are named, and the delegates may be told.
import { formatDate, formatDateTime, formatTime, local } from "../src/lib/time.js";
import { readWhenWhere, resolveWhen } from "../src/lib/when.js";
import { weekdayRefusal } from "./understand/when.js";
import { yesNoQuestion } from "./understand/confirm.js";
import { fold } from "../src/lib/text.js";
import { accountName } from "../src/domain/identity.js";
import type { ScheduleChange } from "../storage/schema.js";
import { awaitStep, endAwaiting } from "../src/domain/sessions.js";
import { changeAlert, changesMeanwhile, MAX_PLACE, type NumberedChange, movedDeadlines, ScheduleInPast, type ScheduleRisk, type ScheduleSaved, scheduleRisks, setSchedule } from "../src/domain/schedule.js";
import { scheduleLines } from "./agenda.js";
import { scheduleChangeOffer } from "./notices.js";
import { choices, text } from "./replies.js";
import { offer, type Step, type StepHandlers, type StepOf } from "./steps.js";
import { BadArguments } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Outgoing, Reply, Services } from "../src/messages/types.js";

/**
 * /datlich 20/06/2027 14:00 | Hội trường UBND huyện, and as people type it: "20/6 lúc 8h sáng tại hội
 * trường UBND huyện", "8 giờ 30 thứ Hai 22/6 | Hội trường" (src/lib/when.ts). Either part may be left
 * out, not both; "18/6 8:00" is the next 18 June; a weekday that is not the date's is refused, saying so;
 * a place typed without its marks that folds to a place already known is written as known.
 */
export function parseScheduleArgs(args: string, now: Date, known: readonly string[] = []): { start?: Date; place?: string } {
  const read = readWhenWhere(args);
  if (!read.day && read.inDays === undefined && !read.time && read.weekday === undefined && !read.place && read.unknown.length === 0) throw new BadArguments("schedule-usage");
  const whenText = args.split("|")[0]?.trim() ?? "";
  if (read.unknown.length > 0) throw new BadArguments("schedule-bad-date", { text: whenText });
  const resolved = resolveWhen(read, now);
  if (resolved.kind === "bad-date" || resolved.kind === "no-date") throw new BadArguments("schedule-bad-date", { text: whenText });
  if (resolved.kind === "weekday") throw weekdayRefusal(resolved);
  const result: { start?: Date; place?: string } = {};
  if (resolved.start) result.start = resolved.start;
  if (resolved.place) {
    if (resolved.place.length > MAX_PLACE) throw new BadArguments("schedule-place-too-long", { max: MAX_PLACE });
    result.place = known.find((k) => fold(k) === fold(resolved.place as string)) ?? resolved.place;
  }
  return result;
}


/** Places already written with their marks: the file's planned place and every place set before. */
export function knownPlaces(services: Services): string[] {
  const s = services.store.data.schedule;
  const places = [services.conference.conf.schedule.planned_place, s.place, ...s.history.map((h) => h.after.place)];
  return places.filter((p): p is string => Boolean(p));
}

/** parseScheduleArgs with the places this conference knows and the app's clock. */
function readArgs(ctx: CommandContext, typed: string): { start?: Date; place?: string } {
  return parseScheduleArgs(typed, ctx.services.clock.now(), knownPlaces(ctx.services));
}

/** "/datlich sualai": as the "Sửa lại" choice, the next message is the corrected time and place. */
const REDO_WORD = "sualai";
/** The step of "Sửa lại": it waits for the corrected time and place. */
const REDO: StepOf<"schedule.redo"> = { kind: "schedule.redo" };

/** One sentence per risk of a start (src/domain/schedule.ts), in the organizer's language. */
function riskLines(ctx: CommandContext, risks: ScheduleRisk[], start: Date): string[] {
  const { t } = ctx;
  return risks.map((r, i) => {
    const n = i + 1;
    if (r.kind === "hours") return t("schedule-risk-hours", { n, time: formatTime(t, start) });
    if (r.kind === "weekend") return t("schedule-risk-weekend", { n, weekday: t(`fmt-weekday-${r.weekday}`) });
    if (r.kind === "holiday") return t("schedule-risk-holiday", { n, date: formatDate(t, start) });
    if (r.kind === "deadline-past") return t(`schedule-risk-${r.deadline}-past`, { n, time: formatDateTime(t, r.at) });
    return t("schedule-risk-reminder", { n, time: formatDateTime(t, r.at) });
  });
}

/** The values as a "Vẫn lưu" choice carries them: the start already resolved (a "18/6" stays the day it meant). */
function keepStep(wanted: Wanted): StepOf<"schedule.keep"> {
  return { kind: "schedule.keep", ...(wanted.start && { start: wanted.start.toISOString() }), ...(wanted.place && { place: wanted.place }) };
}

/** A time and place an organizer asked for. */
type Wanted = { start?: Date; place?: string };

/** The time and place lines of a saved state (not re-read from the store). */
function savedLines(ctx: CommandContext, after: ScheduleChange["after"]): string[] {
  const { t } = ctx;
  const conf = ctx.services.conference.conf;
  const when = after.start
    ? t("agenda-time", { time: formatDateTime(t, new Date(after.start)), duration: conf.schedule.duration_label ?? "" })
    : t("agenda-time-tba", { expected: conf.schedule.expected ?? "" });
  const where = after.place ? t("agenda-place", { place: after.place }) : t("agenda-place-tba", { planned: conf.schedule.planned_place ?? "" });
  return [when, where];
}

/** "8 giờ 00, thứ Hai, ngày 21/6/2027, tại Hội trường Huyện ủy": one saved state in a sentence. */
function whatSaved(ctx: CommandContext, after: ScheduleChange["after"]): string {
  const { t } = ctx;
  if (after.start && after.place) return t("schedule-what-time-place", { time: formatDateTime(t, new Date(after.start)), place: after.place });
  if (after.start) return t("schedule-what-time", { time: formatDateTime(t, new Date(after.start)) });
  return t("schedule-what-place", { place: after.place ?? "" });
}

/**
 * An organizer whose save followed this one is told of it through the Notifier when their command
 * came after it (their reply names no earlier save); one whose command came before it was already
 * told in their own reply ("schedule-meanwhile-earlier").
 */
async function tellOvertaker(ctx: CommandContext, saved: ScheduleSaved, later: NumberedChange[]): Promise<void> {
  const { services } = ctx;
  const name = accountName(services.store.data, ctx.account.key);
  const messages: Outgoing[] = [];
  for (const e of later) {
    if ((e.change.seen ?? e.sequence - 1) < saved.sequence) continue;
    const account = services.store.data.accounts[e.change.by];
    if (!account || messages.some((m) => m.account === account.key)) continue;
    const tv = services.i18n.forLanguage(account.language);
    messages.push({ account: account.key, replies: [text(tv("schedule-meanwhile-told", { name, what: whatSaved({ ...ctx, t: tv }, saved.change.after) }))] });
  }
  if (messages.length > 0) await services.notifier.send(messages);
}

/**
 * In this process (held by Services, made in createApp): the schedule sequence each /datlich acknowledgement was built at
 * (the saves it could name). A later save it could not name is told to its author by the Notifier.
 */
function acknowledgedAt(services: Services): Map<number, number> {
  if (!services.scheduleAcks) services.scheduleAcks = new Map();
  return services.scheduleAcks;
}

/**
 * The authors of the saves this one replaced unseen whose acknowledgement was already out (so it
 * could not say that this save followed): told through the Notifier.
 */
async function tellOvertaken(ctx: CommandContext, saved: ScheduleSaved, earlier: NumberedChange[]): Promise<void> {
  const { services } = ctx;
  const name = accountName(services.store.data, ctx.account.key);
  const acks = acknowledgedAt(services);
  const messages: Outgoing[] = [];
  for (const e of earlier) {
    const ackedAt = acks.get(e.sequence);
    if (ackedAt === undefined || ackedAt >= saved.sequence) continue;
    const account = services.store.data.accounts[e.change.by];
    if (!account || messages.some((m) => m.account === account.key)) continue;
    const tv = services.i18n.forLanguage(account.language);
    messages.push({ account: account.key, replies: [text(tv("schedule-meanwhile-told-after", { name, what: whatSaved({ ...ctx, t: tv }, saved.change.after) }))] });
  }
  if (messages.length > 0) await services.notifier.send(messages);
}

export const scheduleCommand: CommandDef = {
  name: "datlich",
  aliases: ["schedule"],
  roles: ["organizer"],
  describe: "cmd-schedule",
  async handler(ctx) {
    const { t, args } = ctx;
    if (!args) return [text([t("schedule-current"), ...scheduleLines(ctx), "", t("schedule-usage")].join("\n"))];
    if (fold(args).replace(/\s+/g, "") === REDO_WORD) return askRedo(ctx);
    return setTime(ctx, readArgs(ctx, args), false);
  },
};

/** "Sửa lại": the next message is the corrected time and place. */
async function askRedo(ctx: CommandContext): Promise<Reply[]> {
  await awaitStep(ctx.services.store, ctx.account.key, REDO, "schedule-redo", ctx.services.clock.now());
  return [text(ctx.t("schedule-redo"))];
}

/**
 * Saves the time and place `wanted`; a start with risks (out of hours, a weekend, a holiday, a
 * deadline or reminder already past) is asked about first, unless `confirmed` ("Vẫn lưu").
 */
async function setTime(ctx: CommandContext, wanted: Wanted, confirmed: boolean): Promise<Reply[]> {
  const { t, services } = ctx;
  const now = services.clock.now();
  // The schedule as this command found it: saves by others after it are made "meanwhile".
  const seen = services.store.data.schedule.sequence;
  // The answer to "Sửa lại" was understood: the question is answered (a wrong one kept it open).
  await endAwaiting(services.store, ctx.account.key, REDO.kind);
  if (wanted.start && wanted.start <= now) throw new BadArguments("schedule-in-past", { time: formatDateTime(t, wanted.start) });
  const risks = !confirmed && wanted.start && services.config.scheduleChecks ? scheduleRisks(services, wanted.start, now) : [];
  if (wanted.start && risks.length > 0) {
    const lines = [t("schedule-risk-title", { time: formatDateTime(t, wanted.start) }), ...riskLines(ctx, risks, wanted.start), "", t("schedule-risk-ask")];
    return [choices(lines.join("\n"), [offer(t("schedule-risk-keep"), keepStep(wanted)), offer(t("schedule-risk-redo"), REDO)])];
  }
  return save(ctx, wanted, seen);
}

/** Saves the time and place; says what was saved, what changed, what others saved meanwhile, and offers to tell the delegates. */
async function save(ctx: CommandContext, wanted: Wanted, seen: number): Promise<Reply[]> {
  const { t, services } = ctx;
  const now = services.clock.now();
  let saved: ScheduleSaved;
  try {
    saved = await setSchedule(services, { ...wanted, by: ctx.account.key, now, seen });
  } catch (err) {
    if (err instanceof ScheduleInPast) throw new BadArguments(err.key, { time: formatDateTime(t, err.start) });
    throw err;
  }
  services.logger.info({ by: ctx.account.key, sequence: saved.sequence }, "schedule changed");
  // What THIS organizer saved, from their own change (another save may have followed it already).
  const replies: Reply[] = [text([t("schedule-saved"), ...savedLines(ctx, saved.change.after)].join("\n"))];
  const alert = changeAlert(saved.change);
  const old: string[] = [];
  if (alert.time) old.push(t("schedule-change-time", { before: formatDateTime(t, alert.time.before), after: formatDateTime(t, alert.time.after ?? "") }));
  if (alert.place) old.push(t("schedule-change-place", { before: alert.place.before, after: alert.place.after ?? "" }));
  const moved = movedDeadlines(services, saved.change);
  if (alert.time && moved.rsvp) old.push(t("notice-change-rsvp-deadline", { time: formatDateTime(t, moved.rsvp.after) }));
  if (alert.time && moved.speech) old.push(t("notice-change-speech-deadline", { time: formatDateTime(t, moved.speech.after) }));
  if (old.length > 0) replies.push(text(old.join("\n")));
  const meanwhile = changesMeanwhile(services.store.data, saved);
  for (const e of meanwhile.earlier) {
    replies.push(text(t("schedule-meanwhile-earlier", { name: accountName(services.store.data, e.change.by), what: whatSaved(ctx, e.change.after) })));
  }
  await tellOvertaken(ctx, saved, meanwhile.earlier);
  // Built now, synchronously: it names every save that followed this one so far.
  acknowledgedAt(services).set(saved.sequence, services.store.data.schedule.sequence);
  const overtaken = meanwhile.later.at(-1);
  if (overtaken) {
    const name = accountName(services.store.data, overtaken.change.by);
    replies.push(text(t("schedule-meanwhile-later", { name, what: whatSaved(ctx, overtaken.change.after) })));
    await tellOvertaker(ctx, saved, meanwhile.later);
  }
  // Offer to tell every delegate (old beside new) of THIS change, while it is still the schedule: commands/notices.ts.
  else if (alert.worthTelling) replies.push(scheduleChangeOffer(ctx, saved.sequence));
  return replies;
}

/** The steps of /datlich: "Vẫn lưu" saves what was asked about; "Sửa lại" asks for (and takes) the corrected time and place. */
export const scheduleSteps: StepHandlers<"schedule.keep" | "schedule.redo"> = {
  "schedule.keep": {
    command: "datlich",
    run: (ctx, chosen) => setTime(ctx, { ...(chosen.start && { start: new Date(chosen.start) }), ...(chosen.place && { place: chosen.place }) }, true),
  },
  "schedule.redo": {
    command: "datlich",
    run: (ctx, _step, typed) => {
      if (!typed) return askRedo(ctx);
      if (fold(typed).replace(/\s+/g, "") === REDO_WORD) return askRedo(ctx);
      return setTime(ctx, readArgs(ctx, typed), false);
    },
  },
};

/** "20/06/2027 08:00 | Hội trường UBND huyện": a reading written back as /datlich's own arguments (the year fixed). */
function argsOf(wanted: Wanted): string {
  const when = wanted.start ? local(wanted.start).format("DD/MM/YYYY HH:mm") : "";
  return wanted.place ? `${when} | ${wanted.place}`.trim() : when;
}

/**
 * An organizer's time and place typed without the command ("20/6 lúc 8h sáng tại hội trường UBND huyện"):
 * read as /datlich reads it (a wrong weekday or day is refused, saying so) and offered as a change to
 * confirm, never saved without it. "Không" shows the schedule as it stands.
 */
export function scheduleOffer(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { t } = ctx;
  const wanted = readArgs(ctx, typed);
  const what = whatSaved(ctx, { ...(wanted.start && { start: wanted.start.toISOString() }), ...(wanted.place && { place: wanted.place }) });
  const no: [string, Step] = [t("words-schedule-no"), { kind: "command.suggested", name: "datlich", args: "" }];
  return yesNoQuestion(ctx, t("words-schedule-offer", { what }), [t("words-schedule-yes"), { kind: "command.suggested", name: "datlich", args: argsOf(wanted) }], no);
}
