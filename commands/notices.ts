// Notices: /thongbao (write, pick the audience, preview, confirm or schedule), its status and resend, /danhan and "đã nhận", the offer after /datlich.
import { awaitText as awaitLine, dropPendingConfirm, holdForConfirm } from "../src/domain/sessions.js";
import { saveFile, safeExtension } from "../src/lib/files.js";
import {
  acknowledgeNotice,
  ackState,
  type Audience,
  AUDIENCE_WORDS,
  cancelScheduledNotice,
  changeAlertData,
  changeAlertOf,
  recordTold,
  decodeAudience,
  encodeAudience,
  findNotice,
  freshNoticeId,
  parkedDeliveries,
  type ResolvedAudience,
  resendOf,
  resolveAudience,
  retryParked,
} from "../src/domain/notices.js";
import { requireUnit, unitNameById } from "../src/domain/units.js";
import { noticeBody } from "../src/outbox/render.js";
import { channelLines, noticeCounts, noticeSummaryLines } from "../src/outbox/summary.js";
import { formatDateTime, local, parseLocalDateTime } from "../src/lib/time.js";
import type { Data, PendingNoticePayload as PendingNotice, Session } from "../storage/schema.js";
import { choices, text } from "./replies.js";
import type { TextTrigger } from "./router.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";
import { fold } from "../src/lib/text.js";

/** For /baocao (commands/report.ts): one line per notice with its counts. */
// Re-exported only for src/desk/index.ts, which imports it from here until the desk is restructured (issue 20).
export { noticeSummaryLines } from "../src/outbox/summary.js";

/** Zalo's limit for one message, the smallest of the platforms: a notice's text must fit in it. */
export const MAX_NOTICE_TEXT = 2000;
/** A preview may be confirmed for this long; after that it must be written again. */
export const PREVIEW_TTL_MS = 30 * 60_000;
const PENDING_KIND = "notice";
/** Telegram lets a bot download files up to 20 MB. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** What an organizer is about to send, kept in session.pendingConfirm until confirmed (its type lives in storage/schema.ts). */
export type { PendingNotice };

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
 * A send time as organizers type it: "07:30 20/06", "lúc 7h30 20/6/2027", "20/06/2027 07:30". A
 * date without a year means this year (in Việt Nam's time).
 */
export function parseSendTime(typed: string, now: Date): Date | undefined {
  let s = typed.trim();
  if (/^(?:luc|at)\s/.test(fold(s))) s = dropWords(s, 1);
  if (!/\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(s) && !/\d{4}-\d{1,2}-\d{1,2}/.test(s)) {
    s = s.replace(/(\d{1,2}[/.-]\d{1,2})(?![/.-]?\d)/, `$1/${local(now).year()}`);
  }
  return parseLocalDateTime(s);
}

// --- helpers -----------------------------------------------------------------------------

function pendingOf(ctx: CommandContext): { payload: PendingNotice; offeredAt: string } | undefined {
  const p = ctx.services.store.data.sessions[ctx.account.key]?.pendingConfirm;
  if (!p || p.kind !== PENDING_KIND) return undefined;
  return { payload: p.payload as PendingNotice, offeredAt: p.offeredAt };
}

function isExpired(ctx: CommandContext, offeredAt: string): boolean {
  return ctx.services.clock.now().getTime() - Date.parse(offeredAt) > PREVIEW_TTL_MS;
}

async function savePending(ctx: CommandContext, payload: PendingNotice): Promise<void> {
  const offeredAt = ctx.services.clock.now().toISOString();
  await holdForConfirm(ctx.services.store, ctx.account.key, { kind: PENDING_KIND, payload, offeredAt }, { endAwaiting: true });
}

async function awaitText(ctx: CommandContext, command: string, prompt: string): Promise<Reply[]> {
  await awaitLine(ctx.services.store, ctx.account.key, { command, prompt }, ctx.services.clock.now());
  return [text(ctx.t(prompt))];
}

/** The pending notice a hidden step names, still valid; otherwise the sentence that explains why not. */
async function requirePending(ctx: CommandContext, id: string | undefined): Promise<PendingNotice> {
  const data = ctx.services.store.data;
  if (id && data.notices.some((n) => n.id === id)) throw new UserError("notice-already-confirmed", { id });
  const pending = pendingOf(ctx);
  if (!pending || !id || pending.payload.id !== id) throw new UserError("notice-expired");
  if (isExpired(ctx, pending.offeredAt)) {
    await dropPendingConfirm(ctx.services.store, ctx.account.key);
    throw new UserError("notice-expired");
  }
  return pending.payload;
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

export function audienceLabel(ctx: Pick<CommandContext, "t" | "services">, audience: Audience): string {
  const { t, services } = ctx;
  if (audience.kind === "units") {
    const names = audience.unitIds.map((id) => services.conference.unit(id)?.name ?? id);
    return t("notice-audience-units", { units: names.join(", ") });
  }
  if (audience.kind === "resend") return t("notice-audience-resend", { id: audience.noticeId });
  return t(`notice-audience-${audience.kind.replace("_", "-")}`);
}

function countLine(ctx: CommandContext, r: ResolvedAudience): string {
  return ctx.t("notice-preview-count", { total: r.accounts.length, telegram: r.byChannel.telegram, zalo: r.byChannel.zalo, console: r.byChannel.console });
}

function requireRecipients(ctx: CommandContext, audience: Audience, r: ResolvedAudience): void {
  if (r.accounts.length > 0) return;
  throw new UserError("notice-audience-empty", { audience: audienceLabel(ctx, audience) });
}

function checkSendAt(ctx: CommandContext, sendAt: Date | undefined): void {
  if (sendAt && sendAt.getTime() <= ctx.services.clock.now().getTime()) {
    throw new BadArguments("notice-time-past", { time: formatDateTime(ctx.t, sendAt) });
  }
}

function parseTimeOrThrow(ctx: CommandContext, typed: string): Date {
  const when = parseSendTime(typed, ctx.services.clock.now());
  if (!when) throw new BadArguments("notice-time-bad", { text: typed });
  checkSendAt(ctx, when);
  return when;
}

// --- the steps ---------------------------------------------------------------------------

/** The preview with the number of accounts per channel, and the choices: send, set a time, cancel. */
async function preview(ctx: CommandContext, pending: PendingNotice): Promise<Reply[]> {
  const { t, services } = ctx;
  const audience = decodeAudience(pending.audience ?? "") as Audience;
  const r = resolveAudience(services.conference, services.store.data, audience);
  requireRecipients(ctx, audience, r);
  await savePending(ctx, pending);
  const title = services.conference.conf.short_title ?? services.conference.conf.title;
  const body = pending.kind === "broadcast" ? pending.text : noticeBody(pending, t, title);
  const lines = [t("notice-preview-title", { id: pending.id }), "————", body, "————"];
  if (pending.file) lines.push(t("notice-preview-file", { name: pending.file.name }));
  lines.push(t("notice-preview-audience", { audience: audienceLabel(ctx, audience) }), countLine(ctx, r));
  if (r.unitsWithoutAccount.length > 0) {
    const names = r.unitsWithoutAccount.map((u) => u.name);
    const shown = names.length > 8 ? [...names.slice(0, 8), t("notice-more-units", { count: names.length - 8 })] : names;
    lines.push(t("notice-preview-no-account", { count: names.length, units: shown.join(", ") }));
  }
  if (r.unreachable > 0) lines.push(t("notice-preview-unreachable", { count: r.unreachable }));
  const when = pending.sendAt ? formatDateTime(t, pending.sendAt) : undefined;
  lines.push(when ? t("notice-preview-when-later", { time: when }) : t("notice-preview-when-now"));
  lines.push(t("notice-preview-expiry", { minutes: PREVIEW_TTL_MS / 60_000 }));
  return [
    choices(lines.join("\n"), [
      { label: when ? t("notice-choice-send-later", { time: when }) : t("notice-choice-send"), command: `/tbgui ${pending.id}` },
      { label: t("notice-choice-schedule"), command: `/tbluc ${pending.id}` },
      { label: t("notice-choice-cancel"), command: `/tbhuy ${pending.id}` },
    ]),
  ];
}

/** The audience as numbered choices, each with its number of accounts. */
async function audienceChoices(ctx: CommandContext, pending: PendingNotice): Promise<Reply[]> {
  const { t, services } = ctx;
  await savePending(ctx, pending);
  const words: Array<[string, Audience]> = [
    ["tatca", { kind: "all" }],
    ["xa", { kind: "communes" }],
    ["coquan", { kind: "agencies" }],
    ["chuatraloi", { kind: "no_rsvp" }],
    ["chuanop", { kind: "no_speech" }],
  ];
  const list = words.map(([word, a]) => {
    const n = resolveAudience(services.conference, services.store.data, a).accounts.length;
    return { label: t("notice-audience-choice", { audience: audienceLabel(ctx, a), count: n }), command: `/tbchon ${pending.id} ${word}` };
  });
  list.push({ label: t("notice-audience-choice-units"), command: `/tbchon ${pending.id} donvi` });
  return [choices(t("notice-ask-audience", { id: pending.id }), list)];
}

async function statusView(ctx: CommandContext, id: string | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  const data = services.store.data;
  if (!id) {
    const lines = noticeSummaryLines(data, t, { limit: 10 });
    if (lines.length === 0) return [text(t("notice-status-none"))];
    return [text([t("notice-status-title"), ...lines, "", t("notice-status-hint")].join("\n"))];
  }
  const notice = findNotice(data, id);
  if (!notice) throw new UserError("notice-unknown", { id });
  const c = noticeCounts(data, id);
  const lines = [noticeSummaryLines({ ...data, notices: [notice] } as Data, t)[0] ?? id];
  lines.push(...channelLines(t, c));
  const later = !notice.cancelledAt && Date.parse(notice.sendAt) > services.clock.now().getTime();
  const list: Array<{ label: string; command: string }> = [];
  if (later) {
    lines.push(t("notice-preview-when-later", { time: formatDateTime(t, notice.sendAt) }));
    list.push({ label: t("notice-choice-cancel-scheduled"), command: `/tbhuy ${id}` });
  }
  if (notice.ackable && c.total > 0) {
    const { acked, missing } = ackState(data, id);
    lines.push(t("notice-status-acked", { acked: acked.length, sent: c.sent }));
    if (missing.length > 0) {
      lines.push(t("notice-status-not-acked", { count: missing.length }));
      const shown = missing.slice(0, 30).map((k) => {
        const a = data.accounts[k];
        const unit = a?.unitId ? (services.conference.unit(a.unitId)?.name ?? a.unitId) : "";
        return `- ${[unit, a?.displayName ?? k].filter(Boolean).join(": ")} (${t(`notice-channel-${a?.channel ?? "console"}`)})`;
      });
      lines.push(...shown);
      if (missing.length > shown.length) lines.push(t("notice-status-more", { count: missing.length - shown.length }));
      if (!later) list.push({ label: t("notice-choice-resend", { count: missing.length }), command: `/tbguilai ${id}` });
    }
  }
  // Deliveries parked after their bounded tries: who, why, and the offer to try them again.
  const parked = parkedDeliveries(data, id);
  if (parked.length > 0) {
    lines.push(t("outbox-parked-title", { count: parked.length }));
    const shown = parked.slice(0, 10).map((x) => {
      const a = data.accounts[x.account];
      const unit = a?.unitId ? unitNameById(services.conference, a.unitId) : "";
      const who = [unit, a?.displayName ?? x.account].filter(Boolean).join(": ");
      return t("outbox-parked-line", { who, channel: t(`notice-channel-${a?.channel ?? "console"}`), reason: x.error ?? "" });
    });
    lines.push(...shown);
    if (parked.length > shown.length) lines.push(t("notice-status-more", { count: parked.length - shown.length }));
    list.push({ label: t("outbox-choice-retry-parked", { count: parked.length }), command: `/tbguiloi ${id}` });
  }
  return list.length > 0 ? [choices(lines.join("\n"), list)] : [text(lines.join("\n"))];
}

async function resendPreview(ctx: CommandContext, id: string): Promise<Reply[]> {
  const data = ctx.services.store.data;
  const { original, audience } = resendOf(data, id);
  const pending: PendingNotice = {
    id: freshNoticeId(data),
    kind: original.kind,
    text: original.text,
    audience: encodeAudience(audience),
    resendOf: id,
  };
  if (original.file) pending.file = original.file;
  if (original.data) pending.data = original.data;
  return preview(ctx, pending);
}

// --- commands ----------------------------------------------------------------------------

const broadcast: CommandDef = {
  name: "thongbao",
  aliases: ["broadcast"],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  // Longer than a notice may be, so that the notice's own limit is what the organizer is told.
  maxArgs: 10_000,
  accepts: { kinds: ["document", "photo"], mimes: [], maxBytes: MAX_FILE_BYTES },
  async handler(ctx) {
    const { args, req, services } = ctx;
    const f = fold(args);
    if (!args && !req.file) return awaitText(ctx, "/thongbao", "notice-ask-text");
    const status = /^(?:trangthai|status)(?:\s+([a-z0-9]{6}))?$/.exec(f);
    if (status) return statusView(ctx, status[1]);
    const resend = /^(?:guilai|resend)\s+([a-z0-9]{6})$/.exec(f);
    if (resend) return resendPreview(ctx, resend[1] as string);

    const { text: body, options } = parseNoticeArgs(args);
    if (!body) throw new BadArguments(req.file ? "notice-file-needs-text" : "notice-empty");
    if (body.length > MAX_NOTICE_TEXT) throw new BadArguments("notice-too-long", { max: MAX_NOTICE_TEXT, length: body.length });
    const audience = options.audience ? audienceFrom(ctx, options.audience) : undefined;
    const sendAt = options.when ? parseTimeOrThrow(ctx, options.when) : undefined;
    if (audience) requireRecipients(ctx, audience, resolveAudience(services.conference, services.store.data, audience));

    const id = freshNoticeId(services.store.data);
    const pending: PendingNotice = { id, kind: "broadcast", text: body };
    if (req.file) {
      const data = await req.file.download();
      const saved = await saveFile(
        services.store.dir,
        { stem: `notice-${id}`, ext: safeExtension(req.file.name, req.file.kind === "photo" ? "jpg" : "bin"), name: req.file.name, mime: req.file.mime },
        data,
      );
      pending.file = { name: saved.name, mime: saved.mime, path: saved.path };
    }
    if (sendAt) pending.sendAt = sendAt.toISOString();
    if (!audience) return audienceChoices(ctx, pending);
    pending.audience = encodeAudience(audience);
    return preview(ctx, pending);
  },
};

/** /tbchon ID WORD [units]: the audience picked from the numbered choices. */
const pickAudience: CommandDef = {
  name: "tbchon",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const [id, word, ...rest] = ctx.args.split(/\s+/);
    const pending = await requirePending(ctx, id);
    const kind = AUDIENCE_WORDS[fold(word ?? "")] ?? (fold(word ?? "") === "donvi" ? "units" : undefined);
    if (!kind) throw new BadArguments("notice-audience-unknown", { text: word ?? "" });
    if (kind === "units" && rest.length === 0) return awaitText(ctx, `/tbchon ${pending.id} donvi`, "notice-ask-units");
    const audience = audienceFrom(ctx, { kind, units: splitNames(rest.join(" ")) });
    return preview(ctx, { ...pending, audience: encodeAudience(audience) });
  },
};

/** /tbluc ID [time]: send later. */
const pickTime: CommandDef = {
  name: "tbluc",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const [id, ...rest] = ctx.args.split(/\s+/);
    const pending = await requirePending(ctx, id);
    const typed = rest.join(" ").trim();
    if (!typed) return awaitText(ctx, `/tbluc ${pending.id}`, "notice-ask-time");
    const when = parseTimeOrThrow(ctx, typed);
    return preview(ctx, { ...pending, sendAt: when.toISOString() });
  },
};

/** /tbgui ID: the confirmation. Writes the notice and every delivery in one change, then sends. */
const confirm: CommandDef = {
  name: "tbgui",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const { t, services } = ctx;
    const id = ctx.args.split(/\s+/)[0];
    const pending = await requirePending(ctx, id);
    const audience = decodeAudience(pending.audience ?? "");
    if (!audience) throw new UserError("notice-audience-missing");
    const sendAt = pending.sendAt ? new Date(pending.sendAt) : undefined;
    checkSendAt(ctx, sendAt);
    const key = ctx.account.key;
    const title = services.conference.conf.short_title ?? services.conference.conf.title;
    const tv = services.i18n.forLanguage(services.config.defaultLanguage);
    const result = await services.notices.create({
      id: pending.id,
      kind: pending.kind,
      text: pending.kind === "broadcast" ? pending.text : noticeBody(pending, tv, title),
      file: pending.file,
      audience,
      createdBy: key,
      sendAt,
      ackable: true,
      resendOf: pending.resendOf,
      data: pending.data,
      check(d, r) {
        const p = d.sessions[key]?.pendingConfirm;
        if (!p || p.kind !== PENDING_KIND || (p.payload as PendingNotice).id !== pending.id) throw new UserError("notice-already-confirmed", { id: pending.id });
        requireRecipients(ctx, audience, r);
        delete (d.sessions[key] as Session).pendingConfirm;
      },
    });
    services.logger.info({ by: key, notice: result.notice.id, deliveries: result.deliveries }, "notice confirmed");
    const unreachable = services.store.data.deliveries.filter((x) => x.noticeId === result.notice.id && x.state === "unreachable").length;
    const lines = [
      sendAt
        ? t("notice-scheduled", { id: result.notice.id, time: formatDateTime(t, sendAt), count: result.deliveries })
        : t("notice-queued", { id: result.notice.id, count: result.deliveries }),
    ];
    if (unreachable > 0) lines.push(t("notice-preview-unreachable", { count: unreachable }));
    return [text(lines.join("\n"))];
  },
};

/** /tbhuy ID: drops a preview, or cancels a notice set for later that has not started. */
const cancelNotice: CommandDef = {
  name: "tbhuy",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const { t, services } = ctx;
    const id = ctx.args.split(/\s+/)[0] ?? "";
    const pending = pendingOf(ctx);
    if (pending && pending.payload.id === id) {
      await dropPendingConfirm(services.store, ctx.account.key, { endAwaiting: true });
      return [text(t("notice-cancelled", { id }))];
    }
    await cancelScheduledNotice(services.store, id, services.clock.now());
    services.logger.info({ by: ctx.account.key, notice: id }, "scheduled notice cancelled");
    return [text(t("notice-cancelled-scheduled", { id }))];
  },
};

/** /tbguiloi ID: tries again the deliveries of a notice that were parked as failed. */
const retryFailed: CommandDef = {
  name: "tbguiloi",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const { t, services } = ctx;
    const id = ctx.args.split(/\s+/)[0];
    if (!id) throw new BadArguments("notice-status-hint");
    const count = await retryParked(services.store, id);
    services.notices.kick();
    services.logger.info({ by: ctx.account.key, notice: id, deliveries: count }, "parked deliveries tried again");
    return [text(t("outbox-retry-queued", { count, id }))];
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

/** /danhan [ID]: "Đã nhận". Without an id (the typed "đã nhận"): the latest notice this account received. */
const acknowledge: CommandDef = {
  name: "danhan",
  aliases: ["ack"],
  roles: ["guest"],
  describe: "cmd-ack",
  listed: false,
  async handler(ctx) {
    const { t, services } = ctx;
    const key = ctx.account.key;
    const id = ctx.args.split(/\s+/)[0];
    const ack = await acknowledgeNotice(services.store, key, id || undefined, services.clock.now());
    if (ack.state === "already") return [text(t("notice-ack-already", { time: formatDateTime(t, ack.at) }))];
    const noticeId = ack.noticeId;
    services.logger.info({ account: key, notice: noticeId }, "notice acknowledged");
    return [text(t("notice-ack-thanks"))];
  },
};

/** Offered to the organizer after /datlich changed time or place: notify every delegate, old beside new. */
export function scheduleChangeOffer(ctx: CommandContext, seq = ctx.services.store.data.schedule.sequence): Reply {
  const { t, services } = ctx;
  const r = resolveAudience(services.conference, services.store.data, { kind: "all" });
  if (r.accounts.length === 0) return text(t("notice-change-offer-nobody"));
  return choices(t("notice-change-offer", { count: r.accounts.length }), [
    { label: t("notice-change-offer-send", { count: r.accounts.length }), command: `/tbdoilich ${seq}` },
    { label: t("notice-change-offer-skip"), command: `/tbdoilich ${seq} khong` },
  ]);
}

/** /tbdoilich SEQ [khong]: the change alert for schedule version SEQ, sent once. */
const changeAlert: CommandDef = {
  name: "tbdoilich",
  aliases: [],
  roles: ["organizer"],
  describe: "cmd-broadcast",
  listed: false,
  async handler(ctx) {
    const { t, services } = ctx;
    const [seqText, skip] = ctx.args.split(/\s+/);
    const seq = Number(seqText);
    const schedule = services.store.data.schedule;
    if (!Number.isInteger(seq) || seq !== schedule.sequence) throw new UserError("notice-change-stale");
    const sent = changeAlertOf(services.store.data, seq);
    if (sent) throw new UserError("notice-change-already", { id: sent.id });
    if (skip && ["khong", "no"].includes(fold(skip))) return [text(t("notice-change-skipped"))];
    const data = changeAlertData(services.store.data, schedule, seq, services);
    const title = services.conference.conf.short_title ?? services.conference.conf.title;
    const tv = services.i18n.forLanguage(services.config.defaultLanguage);
    const audience: Audience = { kind: "all" };
    const result = await services.notices.create({
      kind: "schedule_change",
      text: noticeBody({ kind: "schedule_change", text: "", data }, tv, title),
      audience,
      createdBy: ctx.account.key,
      ackable: true,
      changeSequence: seq,
      data,
      check(d, r) {
        if (changeAlertOf(d, seq)) throw new UserError("notice-change-already", { id: "" });
        requireRecipients(ctx, audience, r);
      },
    });
    // The next alert's "old" is this one's "new": what delegates now know.
    await recordTold(services.store, seq);
    services.logger.info({ by: ctx.account.key, notice: result.notice.id, sequence: seq }, "schedule change alert queued");
    return [text(t("notice-queued", { id: result.notice.id, count: result.deliveries }))];
  },
};

export const noticeCommands: CommandDef[] = [broadcast, pickAudience, pickTime, confirm, cancelNotice, resend, retryFailed, acknowledge, changeAlert];

/** "đã nhận" typed on any channel acknowledges the latest notice (on Telegram the button does the same). */
export const noticeTriggers: TextTrigger[] = [
  {
    matches: (folded) => /^(?:(?:da )?nhan(?: roi)?(?: a)?|ok(?: a)?|received)[.!]*$/.test(folded),
    command: "/danhan",
  },
];
