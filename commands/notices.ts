// Notices: /thongbao (write, pick the audience, preview, confirm or schedule), its status and resend, /danhan and "đã nhận", the offer after /datlich.
// Each step calls an action of src/actions/notices.ts, which the desk calls too, and writes a view of
// src/views/notices.ts as text. A draft is a stored object named by its id (the choices carry it).
import { saveFile, safeExtension } from "../src/lib/files.js";
import {
  chooseAudienceAction,
  checkChangeAlert,
  checkDraft,
  cancelNoticeAction,
  draftNoticeAction,
  resendNoticeAction,
  retryNoticeAction,
  scheduleNoticeAction,
  type SentNotice,
  sendChangeAlertAction,
  sendNoticeAction,
} from "../src/actions/notices.js";
import {
  acknowledgeNotice,
  type Audience,
  AUDIENCE_WORDS,
  freshNoticeId,
  openDraft,
  resolveAudience,
} from "../src/domain/notices.js";
import { awaitStep, endAwaiting } from "../src/domain/sessions.js";
import { requireUnit } from "../src/domain/units.js";
import { renderMessage } from "../src/messages/render.js";
import { noticeBody } from "../src/outbox/render.js";
import { channelLines, noticeLine } from "../src/outbox/summary.js";
import { formatDateTime } from "../src/lib/time.js";
import { readWhenWhere, type Resolved, resolveWhen } from "../src/lib/when.js";
import { weekdayRefusal } from "./understand/when.js";
import { type AccountLine, audienceOptions, draftPreview, noticeList, noticeStatus } from "../src/views/notices.js";
import type { NoticeDraft } from "../storage/schema.js";
import { choices, text } from "./replies.js";
import type { TextTrigger } from "./router.js";
import { offer, type Step, type StepHandlers, type StepOf } from "./steps.js";
import { fold } from "../src/lib/text.js";
import { BadArguments } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Choice, Reply } from "../src/messages/types.js";

/** Telegram lets a bot download files up to 20 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

// --- parsing -----------------------------------------------------------------------------

export interface NoticeOptions {
  audience?: { kind: Audience["kind"]; units?: string[] };
  when?: string;
}

/**
 * `/thongbao [tùy chọn; tùy chọn |] nội dung`. Options before the first "|", separated by ";":
 * an audience word (tatca, xa, coquan, chuatraloi, chuanop), "donvi A, B" (named units) and
 * "lúc 07:30 20/06" (send later). When the part before "|" is not made of options, the whole
 * text is the notice, "|" included.
 */
export function parseNoticeArgs(args: string): { text: string; options: NoticeOptions } {
  const bar = args.indexOf("|");
  if (bar < 0) return { text: args.trim(), options: {} };
  const options: NoticeOptions = {};
  for (const raw of args.slice(0, bar).split(";")) {
    const seg = raw.trim();
    if (!fold(seg)) continue;
    const audience = parseAudienceOption(seg);
    const when = /^(?:luc|at)\s+\S/.test(fold(seg)) ? dropWords(seg, 1) : undefined;
    if (audience && !options.audience) options.audience = audience;
    else if (when && !options.when) options.when = when;
    else return { text: args.trim(), options: {} };
  }
  return { text: args.slice(bar + 1).trim(), options };
}

/** The text after the first `n` words. */
function dropWords(s: string, n: number): string {
  return s.trim().split(/\s+/).slice(n).join(" ");
}

/**
 * An audience as typed: a word (tatca, xa, coquan, chuatraloi, chuanop, or their English names)
 * or "donvi A, B" / "đơn vị A, B" (named units). Undefined when it is neither.
 */
export function parseAudienceOption(typed: string): { kind: Audience["kind"]; units?: string[] } | undefined {
  const f = fold(typed);
  const word = AUDIENCE_WORDS[f];
  if (word) return { kind: word };
  if (/^(?:donvi|units?)\s+\S/.test(f)) return { kind: "units", units: splitNames(dropWords(typed, 1)) };
  if (/^don vi\s+\S/.test(f)) return { kind: "units", units: splitNames(dropWords(typed, 2)) };
  return undefined;
}

function splitNames(s: string): string[] {
  return s
    .split(/[,;]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/**
 * A send time as organizers type it, in the words /datlich reads (src/lib/when.ts): "07:30 20/06",
 * "lúc 7h30 20/6/2027", "20/6 lúc 8h", "14h30 ngày 20/6", "8 giờ 30 sáng 20/6", "8h sáng mai". A date
 * without a year is the next one to come; an hour without a day the next such hour. A place or a word
 * it cannot read names no time.
 */
function readSendTime(typed: string, now: Date): Resolved {
  const s = /^at\s/i.test(typed.trim()) ? dropWords(typed.trim(), 1) : typed;
  const read = readWhenWhere(s.replace(/\|/g, " "));
  if (read.place || read.unknown.length > 0) return { kind: "bad-date" };
  const resolved = resolveWhen(read, now, { hourAlone: "next" });
  return resolved.kind === "ok" && !resolved.start ? { kind: "no-date" } : resolved;
}

/** The moment of a send time (readSendTime), or undefined when it names none. */
export function parseSendTime(typed: string, now: Date): Date | undefined {
  const resolved = readSendTime(typed, now);
  return resolved.kind === "ok" ? resolved.start : undefined;
}

// --- helpers -----------------------------------------------------------------------------

const organizer = (ctx: CommandContext) => ({ key: ctx.account.key });

/** The step that waited for text (the notice, the units, the time) is answered. */
async function answered(ctx: CommandContext): Promise<void> {
  if (ctx.services.store.data.sessions[ctx.account.key]?.awaiting) await endAwaiting(ctx.services.store, ctx.account.key);
}

/** Asks `prompt`; the next plain message answers `step`. */
async function ask(ctx: CommandContext, step: Step, prompt: string): Promise<Reply[]> {
  await awaitStep(ctx.services.store, ctx.account.key, step, prompt, ctx.services.clock.now());
  return [text(ctx.t(prompt))];
}

function audienceFrom(ctx: CommandContext, picked: { kind: Audience["kind"]; units?: string[] }): Audience {
  if (picked.kind === "units") {
    const names = picked.units ?? [];
    if (names.length === 0) throw new BadArguments("notice-units-missing");
    const ids = [...new Set(names.map((n) => requireUnit(ctx.services.conference, n).id))];
    return { kind: "units", unitIds: ids };
  }
  return { kind: picked.kind } as Audience;
}

function parseTimeOrThrow(ctx: CommandContext, typed: string): Date {
  const resolved = readSendTime(typed, ctx.services.clock.now());
  if (resolved.kind === "weekday") throw weekdayRefusal(resolved);
  if (resolved.kind !== "ok" || !resolved.start) throw new BadArguments("notice-time-bad", { text: typed });
  return resolved.start;
}

// --- what the organizer reads ------------------------------------------------------------

/** The preview with the number of accounts per channel, and the choices: send, set a time, cancel. */
function previewReplies(ctx: CommandContext, draft: NoticeDraft): Reply[] {
  const { t, services } = ctx;
  if (!draft.audience) return audienceChoices(ctx, draft);
  const p = draftPreview(services.store.data, services.conference, draft);
  const title = services.conference.conf.short_title ?? services.conference.conf.title;
  const body = draft.kind === "broadcast" ? draft.text : noticeBody(draft, t, title);
  const lines = [t("notice-preview-title", { id: draft.id }), "————", body, "————"];
  if (draft.file) lines.push(t("notice-preview-file", { name: draft.file.name }));
  const r = p.recipients;
  lines.push(t("notice-preview-audience", { audience: renderMessage(t, p.audienceName) }));
  lines.push(t("notice-preview-count", { total: r.total, telegram: r.byChannel.telegram, zalo: r.byChannel.zalo, console: r.byChannel.console }));
  const names = p.unitsWithoutAccount;
  if (names.length > 0) {
    const shown = names.length > 8 ? [...names.slice(0, 8), t("notice-more-units", { count: names.length - 8 })] : names;
    lines.push(t("notice-preview-no-account", { count: names.length, units: shown.join(", ") }));
  }
  if (p.unreachable > 0) lines.push(t("notice-preview-unreachable", { count: p.unreachable }));
  const when = draft.sendAt ? formatDateTime(t, draft.sendAt) : undefined;
  lines.push(when ? t("notice-preview-when-later", { time: when }) : t("notice-preview-when-now"));
  lines.push(t("notice-preview-expiry", { minutes: p.ttlMinutes }));
  return [
    choices(lines.join("\n"), [
      offer(when ? t("notice-choice-send-later", { time: when }) : t("notice-choice-send"), { kind: "notice.send", draft: draft.id }),
      offer(t("notice-choice-schedule"), { kind: "notice.time", draft: draft.id }),
      offer(t("notice-choice-cancel"), { kind: "notice.cancel", id: draft.id }),
    ]),
  ];
}

/** The audiences as numbered choices, each with its number of accounts. */
function audienceChoices(ctx: CommandContext, draft: NoticeDraft): Reply[] {
  const { t, services } = ctx;
  const list = audienceOptions(services.store.data, services.conference).map((o) =>
    offer(t("notice-audience-choice", { audience: renderMessage(t, o.name), count: o.count }), { kind: "notice.audience", draft: draft.id, audience: pickedKind(o.audience) }),
  );
  list.push(offer(t("notice-audience-choice-units"), { kind: "notice.audience", draft: draft.id, audience: "units" }));
  return [choices(t("notice-ask-audience", { id: draft.id }), list)];
}

/** "- Mường So: Lò Văn A (Zalo)". */
function accountText(t: CommandContext["t"], a: AccountLine): string {
  return `- ${[a.unit, a.name].filter(Boolean).join(": ")} (${t(`notice-channel-${a.channel}`)})`;
}

function listReplies(ctx: CommandContext): Reply[] {
  const { t } = ctx;
  const lines = noticeList(ctx.services.store.data, { limit: 10, conference: ctx.services.conference.id }).map((n) => noticeLine(t, n));
  if (lines.length === 0) return [text(t("notice-status-none"))];
  return [text([t("notice-status-title"), ...lines, "", t("notice-status-hint")].join("\n"))];
}

/** A notice's status: its line, counts per channel, who has not acknowledged, what was parked, and what can be done. */
function statusReplies(ctx: CommandContext, id: string): Reply[] {
  const { t, services } = ctx;
  const s = noticeStatus(services.store.data, services.conference, services.clock.now(), id);
  const lines = [noticeLine(t, s.item), ...channelLines(t, s.counts)];
  const list: Choice[] = [];
  if (s.scheduledFor) lines.push(t("notice-preview-when-later", { time: formatDateTime(t, s.scheduledFor) }));
  if (s.can.cancel) list.push(offer(t("notice-choice-cancel-scheduled"), { kind: "notice.cancel", id }));
  if (s.ack) {
    const missing = s.ack.missing;
    lines.push(t("notice-status-acked", { acked: s.ack.acked.length, sent: s.counts.sent }));
    if (missing.length > 0) {
      lines.push(t("notice-status-not-acked", { count: missing.length }), ...missing.slice(0, 30).map((a) => accountText(t, a)));
      if (missing.length > 30) lines.push(t("notice-status-more", { count: missing.length - 30 }));
    }
  }
  if (s.can.resend > 0) list.push(offer(t("notice-choice-resend", { count: s.can.resend }), { kind: "notice.resend", id }));
  // Deliveries parked after their bounded tries: who, why, and the offer to try them again.
  if (s.parked.length > 0) {
    lines.push(t("outbox-parked-title", { count: s.parked.length }));
    for (const x of s.parked.slice(0, 10)) {
      lines.push(t("outbox-parked-line", { who: [x.unit, x.name].filter(Boolean).join(": "), channel: t(`notice-channel-${x.channel}`), reason: x.reason }));
    }
    if (s.parked.length > 10) lines.push(t("notice-status-more", { count: s.parked.length - 10 }));
  }
  if (s.can.retry > 0) list.push(offer(t("outbox-choice-retry-parked", { count: s.can.retry }), { kind: "notice.retry", id }));
  return list.length > 0 ? [choices(lines.join("\n"), list)] : [text(lines.join("\n"))];
}

// --- commands ----------------------------------------------------------------------------

/** /thongbao [options |] text, with a file or not: a draft, then its audience choices or its preview. */
async function writeNotice(ctx: CommandContext): Promise<Reply[]> {
  const { args, req, services } = ctx;
  const { text: body, options } = parseNoticeArgs(args);
  // The words first, then what the options name.
  checkDraft(services, { text: body, file: req.file });
  const audience = options.audience ? audienceFrom(ctx, options.audience) : undefined;
  const sendAt = options.when ? parseTimeOrThrow(ctx, options.when) : undefined;
  checkDraft(services, { text: body, file: req.file, audience, sendAt });
  const id = freshNoticeId(services.store.data);
  let file: NoticeDraft["file"];
  if (req.file) {
    const data = await req.file.download();
    const ext = safeExtension(req.file.name, req.file.kind === "photo" ? "jpg" : "bin");
    const saved = await saveFile(services.store.dir, { stem: `notice-${id}`, ext, name: req.file.name, mime: req.file.mime }, data);
    file = { name: saved.name, mime: saved.mime, path: saved.path };
  }
  const { result } = await draftNoticeAction(services, organizer(ctx), { id, text: body, file, audience, sendAt });
  await answered(ctx);
  return previewReplies(ctx, result);
}

const broadcast: CommandDef = {
  name: "thongbao",
  aliases: ["broadcast"],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  // Longer than a notice may be, so that the notice's own limit is what the organizer is told.
  maxArgs: 10_000,
  accepts: { kinds: ["document", "photo"], mimes: [], maxBytes: MAX_FILE_BYTES },
  async handler(ctx) {
    const { args, req } = ctx;
    const f = fold(args);
    if (!args && !req.file) return ask(ctx, { kind: "notice.text" }, "notice-ask-text");
    const status = /^(?:trangthai|status)(?:\s+([a-z0-9]{6}))?$/.exec(f);
    if (status) return status[1] ? statusReplies(ctx, status[1]) : listReplies(ctx);
    const resend = /^(?:guilai|resend)\s+([a-z0-9]{6})$/.exec(f);
    if (resend) return resendPreview(ctx, resend[1] as string);
    return writeNotice(ctx);
  },
};

async function resendPreview(ctx: CommandContext, id: string): Promise<Reply[]> {
  const { result } = await resendNoticeAction(ctx.services, organizer(ctx), id);
  await answered(ctx);
  return previewReplies(ctx, result);
}

/** The audience kind a step carries for an audience of the list (none of those names units). */
function pickedKind(audience: Audience): StepOf<"notice.audience">["audience"] {
  if (audience.kind === "resend" || audience.kind === "direct") throw new Error(`not an audience to pick: ${audience.kind}`);
  return audience.kind;
}

/** The audience `kind` picked for draft `id`; for "units", `units` names them (asked for when empty). */
async function chooseAudience(ctx: CommandContext, id: string, kind: Audience["kind"], units: string): Promise<Reply[]> {
  const draft = openDraft(ctx.services.store.data, id, ctx.account.key, ctx.services.clock.now());
  if (kind === "units" && !units) return ask(ctx, { kind: "notice.units", draft: draft.id }, "notice-ask-units");
  const audience = audienceFrom(ctx, { kind, units: splitNames(units) });
  const { result } = await chooseAudienceAction(ctx.services, organizer(ctx), id, audience);
  await answered(ctx);
  return previewReplies(ctx, result);
}

/** /tbchon ID WORD [units]: the audience picked by its word. */
const pickAudience: CommandDef = {
  name: "tbchon",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const [id = "", word, ...rest] = ctx.args.split(/\s+/);
    openDraft(ctx.services.store.data, id, ctx.account.key, ctx.services.clock.now());
    const kind = AUDIENCE_WORDS[fold(word ?? "")] ?? (fold(word ?? "") === "donvi" ? "units" : undefined);
    if (!kind) throw new BadArguments("notice-audience-unknown", { text: word ?? "" });
    return chooseAudience(ctx, id, kind, rest.join(" "));
  },
};

/** Draft `id` set for the time `typed` (asked for when empty). */
async function chooseTime(ctx: CommandContext, id: string, typed: string): Promise<Reply[]> {
  const draft = openDraft(ctx.services.store.data, id, ctx.account.key, ctx.services.clock.now());
  if (!typed) return ask(ctx, { kind: "notice.time", draft: draft.id }, "notice-ask-time");
  const when = parseTimeOrThrow(ctx, typed);
  const { result } = await scheduleNoticeAction(ctx.services, organizer(ctx), id, when);
  await answered(ctx);
  return previewReplies(ctx, result);
}

/** /tbluc ID [time]: send later. */
const pickTime: CommandDef = {
  name: "tbluc",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  handler(ctx) {
    const [id = "", ...rest] = ctx.args.split(/\s+/);
    return chooseTime(ctx, id, rest.join(" ").trim());
  },
};

/** What an organizer is told once a notice is sent or set for later (the desk says the same). */
export function sentText(t: CommandContext["t"], sent: SentNotice): string {
  const id = sent.notice.id;
  const lines = [
    sent.sendAt
      ? t("notice-scheduled", { id, time: formatDateTime(t, sent.sendAt), count: sent.deliveries })
      : t("notice-queued", { id, count: sent.deliveries }),
  ];
  if (sent.unreachable > 0) lines.push(t("notice-preview-unreachable", { count: sent.unreachable }));
  return lines.join("\n");
}

/** The confirmation of draft `id`: writes the notice and every delivery in one change, then sends. */
async function sendDraft(ctx: CommandContext, id: string): Promise<Reply[]> {
  const { result } = await sendNoticeAction(ctx.services, organizer(ctx), id);
  return [text(sentText(ctx.t, result))];
}

/** /tbgui ID: the confirmation. */
const confirm: CommandDef = {
  name: "tbgui",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  handler: (ctx) => sendDraft(ctx, ctx.args.split(/\s+/)[0] ?? ""),
};

/** Drops draft `id`, or cancels notice `id` set for later that has not started. */
async function cancelById(ctx: CommandContext, id: string): Promise<Reply[]> {
  const { result } = await cancelNoticeAction(ctx.services, organizer(ctx), id);
  if (result.was === "scheduled") return [text(ctx.t("notice-cancelled-scheduled", { id }))];
  await answered(ctx);
  return [text(ctx.t("notice-cancelled", { id }))];
}

/** /tbhuy ID: drops a draft, or cancels a notice set for later. */
const cancelNotice: CommandDef = {
  name: "tbhuy",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  handler: (ctx) => cancelById(ctx, ctx.args.split(/\s+/)[0] ?? ""),
};

/** Tries again the deliveries of notice `id` that were parked as failed. */
async function retryParked(ctx: CommandContext, id: string): Promise<Reply[]> {
  const { result } = await retryNoticeAction(ctx.services, organizer(ctx), id);
  return [text(ctx.t("outbox-retry-queued", { count: result.count, id }))];
}

/** /tbguiloi ID: the parked deliveries tried again. */
const retryFailed: CommandDef = {
  name: "tbguiloi",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const id = ctx.args.split(/\s+/)[0];
    if (!id) throw new BadArguments("notice-status-hint");
    return retryParked(ctx, id);
  },
};

const resend: CommandDef = {
  name: "tbguilai",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const id = ctx.args.split(/\s+/)[0];
    if (!id) throw new BadArguments("notice-status-hint");
    return resendPreview(ctx, id);
  },
};

/** "Đã nhận": notice `id`, or without it (the typed "đã nhận") the latest notice this account received. */
async function acknowledged(ctx: CommandContext, id: string | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  const key = ctx.account.key;
  const ack = await acknowledgeNotice(services.store, key, id || undefined, services.clock.now());
  if (ack.state === "already") return [text(t("notice-ack-already", { time: formatDateTime(t, ack.at) }))];
  services.logger.info({ account: key, notice: ack.noticeId }, "notice acknowledged");
  return [text(t("notice-ack-thanks"))];
}

/** /danhan [ID]: "Đã nhận". */
const acknowledge: CommandDef = {
  name: "danhan",
  aliases: ["ack"],
  roles: ["guest"],
  describe: "cmd-ack",
  listed: false,
  handler: (ctx) => acknowledged(ctx, ctx.args.split(/\s+/)[0]),
};

/** Offered to the organizer after /datlich changed time or place: notify every delegate, old beside new. */
export function scheduleChangeOffer(ctx: CommandContext, seq = ctx.services.store.data.schedule.sequence): Reply {
  const { t, services } = ctx;
  const r = resolveAudience(services.conference, services.store.data, { kind: "all" });
  if (r.accounts.length === 0) return text(t("notice-change-offer-nobody"));
  return choices(t("notice-change-offer", { count: r.accounts.length }), [
    offer(t("notice-change-offer-send", { count: r.accounts.length }), { kind: "notice.changeAlert", seq, send: true }),
    offer(t("notice-change-offer-skip"), { kind: "notice.changeAlert", seq, send: false }),
  ]);
}

/** The change alert for schedule version `seq`, sent once (`send`), or not sent. */
async function changeAlertFor(ctx: CommandContext, seq: number, send: boolean): Promise<Reply[]> {
  const { t, services } = ctx;
  if (!send) {
    checkChangeAlert(services, seq);
    return [text(t("notice-change-skipped"))];
  }
  const title = services.conference.conf.short_title ?? services.conference.conf.title;
  const tv = services.i18n.forLanguage(services.config.defaultLanguage);
  const write = (data: Record<string, string>) => noticeBody({ kind: "schedule_change", text: "", data }, tv, title);
  const { result } = await sendChangeAlertAction(services, organizer(ctx), seq, write);
  return [text(t("notice-queued", { id: result.notice.id, count: result.deliveries }))];
}

/** /tbdoilich SEQ [khong]: the change alert for schedule version SEQ. */
const changeAlert: CommandDef = {
  name: "tbdoilich",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  handler(ctx) {
    const [seqText, skip] = ctx.args.split(/\s+/);
    return changeAlertFor(ctx, Number(seqText), !(skip && ["khong", "no"].includes(fold(skip))));
  },
};

export const noticeCommands: CommandDef[] = [broadcast, pickAudience, pickTime, confirm, cancelNotice, resend, retryFailed, acknowledge, changeAlert];

/** Free text answering "which units?" as /tbchon read it: words separated by single spaces, units by commas. */
const unitsTyped = (typed: string) => typed.split(/\s+/).filter(Boolean).join(" ");

/**
 * The steps of a notice, each continuing the command whose refusals it shares (who may, how long,
 * which files): writing it, its audience, its time, sending or cancelling the draft, its status's
 * offers, the change alert after /datlich, and "Đã nhận".
 */
export const noticeSteps: StepHandlers<
  | "notice.text"
  | "notice.audience"
  | "notice.units"
  | "notice.time"
  | "notice.send"
  | "notice.cancel"
  | "notice.resend"
  | "notice.retry"
  | "notice.changeAlert"
  | "notice.ack"
> = {
  // The notice typed (or sent as a file) after /thongbao asked: read as /thongbao reads its words.
  "notice.text": { command: "thongbao", run: (ctx) => broadcast.handler(ctx) },
  "notice.audience": { command: "tbchon", run: (ctx, step, typed) => chooseAudience(ctx, step.draft, step.audience, unitsTyped(typed)) },
  "notice.units": { command: "tbchon", run: (ctx, step, typed) => chooseAudience(ctx, step.draft, "units", unitsTyped(typed)) },
  "notice.time": { command: "tbluc", run: (ctx, step, typed) => chooseTime(ctx, step.draft, typed.trim()) },
  "notice.send": { command: "tbgui", run: (ctx, step) => sendDraft(ctx, step.draft) },
  "notice.cancel": { command: "tbhuy", run: (ctx, step) => cancelById(ctx, step.id) },
  "notice.resend": { command: "tbguilai", run: (ctx, step) => resendPreview(ctx, step.id) },
  "notice.retry": { command: "tbguiloi", run: (ctx, step) => retryParked(ctx, step.id) },
  "notice.changeAlert": { command: "tbdoilich", run: (ctx, step) => changeAlertFor(ctx, step.seq, step.send) },
  "notice.ack": { command: "danhan", run: (ctx, step) => acknowledged(ctx, step.id) },
};

/** "đã nhận" typed on any channel acknowledges the latest notice (on Telegram the button does the same). */
export const noticeTriggers: TextTrigger[] = [
  {
    matches: (folded) => /^(?:(?:da )?nhan(?: roi)?(?: a)?|ok(?: a)?|received)[.!]*$/.test(folded),
    command: "/danhan",
  },
];
