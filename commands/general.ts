// The commands everyone has: greeting and joining, help, agenda, participants, documents; and /datlich, /mamoi, /huy.
import { formatDate, formatDateTime, formatTime, local, parseLocalDateTime } from "../src/lib/time.js";
import { fold } from "../src/lib/text.js";
import { unitAnswered } from "../src/domain/attendance.js";
import {
  accountName,
  CodeGuard,
  displayCode,
  ensureInvites,
  isCodeShaped,
  ORGANIZER_TARGET,
  organizerAccounts,
  redeemCode,
  normalizeCode,
  reissueInvite,
  removeFromUnit,
  revokeInvite,
} from "../src/domain/identity.js";
import type { Conference, Unit } from "../src/conference/schema.js";
import { contactOf } from "../src/domain/contact.js";
import { questionTopic } from "../src/domain/questions.js";
import type { QuestionAnswerer } from "./router.js";
import type { Translate } from "../src/lib/i18n.js";
import type { Account, ScheduleChange } from "../storage/schema.js";
import { awaitingLine, awaitText, clearSession, endAwaiting } from "../src/domain/sessions.js";
import { accountsOfUnit, requireUnit as requireUnitOf, unitAddress, unitAddressById, unitName, unitNameById } from "../src/domain/units.js";
import { CHECKIN_START_PREFIX, checkInWithCode } from "./checkin.js";
import { changeAlert, changesMeanwhile, MAX_PLACE, type NumberedChange, movedDeadlines, ScheduleInPast, type ScheduleRisk, type ScheduleSaved, scheduleRisks, setSchedule } from "../src/domain/schedule.js";
import { scheduleChangeOffer } from "./notices.js";
import { bullets, choices, numbered, text } from "./replies.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Outgoing, Reply, Services } from "../src/messages/types.js";

/** The unit a person named, or a refusal that suggests the closest names (src/domain/units.ts). */
export function requireUnit(ctx: CommandContext, query: string) {
  return requireUnitOf(ctx.services.conference, query);
}

/** "Thời gian: …" and "Địa điểm: …" lines, with "to be announced" where not set. */
export function scheduleLines(ctx: CommandContext): string[] {
  const { t } = ctx;
  const conf = ctx.services.conference.conf;
  const s = ctx.services.conference.schedule();
  const when = s.start
    ? t("agenda-time", { time: formatDateTime(t, s.start), duration: conf.schedule.duration_label ?? "" })
    : t("agenda-time-tba", { expected: conf.schedule.expected ?? "" });
  const where = s.place ? t("agenda-place", { place: s.place }) : t("agenda-place-tba", { planned: conf.schedule.planned_place ?? "" });
  return [when, where];
}

/** "Liên hệ Ban tổ chức: Phòng Nội vụ huyện Phong Thổ (…), điện thoại: đang cập nhật." — empty when the file names no one. */
export function contactLine(t: Translate, conf: Pick<Conference, "contact">): string {
  const c = contactOf(conf);
  if (!c) return "";
  const phone = c.phone ?? t("contact-phone-tba");
  return c.position ? t("contact-line", { name: c.name, position: c.position, phone }) : t("contact-line-short", { name: c.name, phone });
}

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

/** The word after a code that confirms moving to the code's unit ("/start CODE chuyen"). */
const MOVE_WORD = "chuyen";

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
    return [
      choices(t("join-move-ask", { from, to }), [
        { label: t("join-move-yes", { to }), command: `/start ${normalizeCode(code)} ${MOVE_WORD}` },
        { label: t("join-move-no", { from }), command: "/start" },
      ]),
    ];
  }
  services.logger.info({ account: ctx.account.key, unit: result.unitId }, "account joined a unit");
  const moved = result.from ? `${t("join-moved", { from: unitAddressById(services.conference, result.from) })}\n` : "";
  return [text(`${moved}${t("join-unit", { unit: unitAddressById(services.conference, result.unitId) })}\n\n${t("start-help")}`)];
}

const start: CommandDef = {
  name: "start",
  aliases: [],
  roles: ["guest"],
  describe: "cmd-start",
  async handler(ctx) {
    const { t, services, args } = ctx;
    const conf = services.conference.conf;
    if (!args) {
      const intro = t("start-greeting", { name: ctx.account.displayName, title: conf.short_title ?? conf.title });
      const who =
        ctx.role === "organizer"
          ? t("start-you-organizer")
          : ctx.unit
            ? t("start-you-delegate", { unit: unitAddress(ctx.unit) })
            : t("start-you-guest");
      return [text(`${intro}\n\n${who}\n\n${t("start-help")}`)];
    }
    // A code typed with spaces inside ("7KQ 2MX-9D4R") is one code.
    const words = args.split(/\s+/);
    const confirmMove = words.length > 1 && fold(words.at(-1) as string) === MOVE_WORD;
    const typed = confirmMove ? words.slice(0, -1).join(" ") : args;
    const code = isCodeShaped(typed) ? typed : (words[0] as string);
    // The check-in poster's Telegram link (t.me/<bot>?start=dd-CODE): the same check-in as /diemdanh CODE.
    if (code.toLowerCase().startsWith(CHECKIN_START_PREFIX)) return checkInWithCode(ctx, code.slice(CHECKIN_START_PREFIX.length));
    return join(ctx, code, confirmMove);
  },
};

/** Built per command layer, since it lists the commands the layer has. */
export function helpCommand(list: (ctx: CommandContext) => CommandDef[]): CommandDef {
  return {
    name: "trogiup",
    noArgs: true,
    aliases: ["help"],
    roles: ["guest"],
    describe: "cmd-help",
    async handler(ctx) {
      const { t } = ctx;
      // The English alias is shown in the English help only ("help-line-alias"); the Vietnamese help names the Vietnamese command.
      const lines = list(ctx)
        .filter((d) => !d.needsUnit || ctx.unit)
        .map((d) =>
          d.aliases[0]
            ? t("help-line-alias", { name: d.name, alias: d.aliases[0], describe: t(d.describe) })
            : t("help-line", { name: d.name, describe: t(d.describe) }),
        );
      const contact = contactLine(t, ctx.services.conference.conf);
      return [text(`${t(`help-title-${ctx.role}`)}\n${lines.join("\n")}\n\n${t("help-footer")}${contact ? `\n${contact}` : ""}`)];
    },
  };
}

const agenda: CommandDef = {
  name: "chuongtrinh",
  noArgs: true,
  aliases: ["agenda"],
  roles: ["guest"],
  describe: "cmd-agenda",
  async handler(ctx) {
    const { t } = ctx;
    const conf = ctx.services.conference.conf;
    const parts = [
      conf.title.toUpperCase(),
      t("agenda-body", { body: conf.body }),
      ...scheduleLines(ctx),
      t("agenda-chair", { chair: conf.chair }),
      "",
      t("agenda-items-title"),
      numbered(conf.agenda.map((a) => a.title)),
    ];
    const contact = contactLine(t, conf);
    if (contact) parts.push("", contact);
    return [text(parts.join("\n"))];
  },
};

const participants: CommandDef = {
  name: "thanhphan",
  noArgs: true,
  aliases: ["participants"],
  roles: ["guest"],
  describe: "cmd-participants",
  async handler(ctx) {
    const { t, unit, services } = ctx;
    const conf = services.conference.conf;
    const parts = [t("participants-title"), bullets(conf.participants.map((p) => p.group))];
    if (unit) {
      const answered = unitAnswered(services.store.data, unit);
      const state =
        answered === 0
          ? t("participants-unit-none", { unit: unitAddress(unit) })
          : t("participants-unit-answered", { unit: unitAddress(unit), answered, seats: unit.seats.length });
      parts.push("", state);
      if (answered < unit.seats.length) parts.push(t("participants-unit-hint"));
    }
    // The preparation duties (III.1–III.3 of the plan): a unit sees its own, organizers see all.
    const duties = conf.duties.filter((d) => ctx.role === "organizer" || d.unit === unit?.id);
    if (duties.length > 0) {
      parts.push("", t(ctx.role === "organizer" ? "participants-duties-all" : "participants-duties-own"));
      for (const d of duties) {
        const owner = services.conference.unit(d.unit);
        parts.push(`${d.ref ? `${d.ref}. ` : ""}${owner ? unitName(owner) : d.unit}:`, bullets(d.tasks));
      }
    }
    return [text(parts.join("\n"))];
  },
};

const documents: CommandDef = {
  name: "tailieu",
  noArgs: true,
  aliases: ["documents"],
  roles: ["guest"],
  describe: "cmd-documents",
  async handler(ctx) {
    const { t } = ctx;
    const docs = ctx.services.conference.conf.documents;
    if (docs.length === 0) return [text(t("documents-none"))];
    const lines = docs.map((d, i) => [`${i + 1}. ${d.title}`, d.url ? `   ${d.url}` : "", d.note ? `   ${d.note}` : ""].filter(Boolean).join("\n"));
    return [text(`${t("documents-title")}\n${lines.join("\n")}`)];
  },
};

/** /datlich 20/06/2027 14:00 | Hội trường UBND huyện — either part may be left out, not both. "18/6 8:00" is the next 18 June. */
export function parseScheduleArgs(args: string, now?: Date): { start?: Date; place?: string } {
  const [whenPart, ...placeParts] = args.split("|");
  const when = (whenPart ?? "").trim();
  const place = placeParts.join("|").trim();
  if (!when && !place) throw new BadArguments("schedule-usage");
  const result: { start?: Date; place?: string } = {};
  if (when) {
    const start = parseLocalDateTime(when, now);
    if (!start) throw new BadArguments("schedule-bad-date", { text: when });
    result.start = start;
  }
  if (place) {
    if (place.length > MAX_PLACE) throw new BadArguments("schedule-place-too-long", { max: MAX_PLACE });
    result.place = place;
  }
  return result;
}

/** The word a "Vẫn lưu" choice puts before the values, so that the same values are saved without asking again. */
const KEEP_WORD = "vanluu";
/** The "Sửa lại" choice: the next message is the corrected time and place. */
const REDO_WORD = "sualai";

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
function keepCommand(wanted: { start?: Date; place?: string }): string {
  const when = wanted.start ? local(wanted.start).format("YYYY-MM-DD HH:mm") : "";
  return `/datlich ${KEEP_WORD} ${when}${wanted.place ? ` | ${wanted.place}` : ""}`;
}

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

const schedule: CommandDef = {
  name: "datlich",
  aliases: ["schedule"],
  roles: ["organizer"],
  describe: "cmd-schedule",
  async handler(ctx) {
    const { t, services } = ctx;
    let args = ctx.args;
    if (!args) return [text([t("schedule-current"), ...scheduleLines(ctx), "", t("schedule-usage")].join("\n"))];
    const now = services.clock.now();
    // The schedule as this command found it: saves by others after it are made "meanwhile".
    const seen = services.store.data.schedule.sequence;
    const first = fold(args.split(/\s+/)[0] ?? "");
    if (fold(args).replace(/\s+/g, "") === REDO_WORD) {
      await awaitText(services.store, ctx.account.key, { command: "/datlich", prompt: "schedule-redo" }, now);
      return [text(t("schedule-redo"))];
    }
    const confirmed = first === KEEP_WORD;
    if (confirmed) args = args.slice(args.split(/\s+/)[0]?.length ?? 0).trim();
    const wanted = parseScheduleArgs(args, now);
    // The answer to "Sửa lại" was understood: the prompt is answered (a wrong one kept it open).
    if (awaitingLine(services.store.data.sessions[ctx.account.key]) === "/datlich") await endAwaiting(services.store, ctx.account.key);
    if (wanted.start && wanted.start <= now) throw new BadArguments("schedule-in-past", { time: formatDateTime(t, wanted.start) });
    const risks = !confirmed && wanted.start && services.config.scheduleChecks ? scheduleRisks(services, wanted.start, now) : [];
    if (wanted.start && risks.length > 0) {
      const lines = [t("schedule-risk-title", { time: formatDateTime(t, wanted.start) }), ...riskLines(ctx, risks, wanted.start), "", t("schedule-risk-ask")];
      return [
        choices(lines.join("\n"), [
          { label: t("schedule-risk-keep"), command: keepCommand(wanted) },
          { label: t("schedule-risk-redo"), command: `/datlich ${REDO_WORD}` },
        ]),
      ];
    }
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
  },
};

const invites: CommandDef = {
  name: "mamoi",
  aliases: ["invites"],
  roles: ["organizer"],
  describe: "cmd-invites",
  async handler(ctx) {
    const { t, services, args } = ctx;
    const now = services.clock.now();
    const [verb, ...rest] = args.split(/\s+/).filter(Boolean);
    const unitQuery = rest.join(" ");
    if (!verb) {
      const units = services.conference.units();
      const codes = await ensureInvites(services.store, [...units.map((u) => u.id), ORGANIZER_TARGET], now);
      const lines = units.map((u) => `${unitName(u)}: ${displayCode((codes.get(u.id) as { code: string }).code)}`);
      lines.push(`${t("invites-organizer")}: ${displayCode((codes.get(ORGANIZER_TARGET) as { code: string }).code)}`);
      return [text(`${t("invites-title")}\n${lines.join("\n")}\n\n${t("invites-usage")}`)];
    }
    const v = fold(verb);
    const revoke = v === "thuhoi" || v === "revoke";
    if (REMOVE_WORDS.includes(v)) return removeAccounts(ctx, rest);
    // "/mamoi Mường So": the unit's accounts, each of which may be removed.
    if (!revoke && v !== "capmoi" && v !== "new") return unitAccounts(ctx, requireUnit(ctx, args));
    if (!unitQuery) throw new BadArguments("invites-usage");
    const organizerWords = ["bantochuc", "ban to chuc", "organizer"];
    const target = organizerWords.includes(unitQuery.toLowerCase()) ? ORGANIZER_TARGET : requireUnit(ctx, unitQuery).id;
    const name = target === ORGANIZER_TARGET ? t("invites-organizer") : unitNameById(services.conference, target);
    if (revoke) {
      if (!(await revokeInvite(services.store, target, now))) throw new UserError("invites-none-active", { unit: name });
      services.logger.info({ by: ctx.account.key, target, revoked: true }, "invite code changed");
      const accounts = target === ORGANIZER_TARGET ? [] : accountsOfUnit(services.store.data, target);
      if (accounts.length === 0) return [text(t("invites-revoked", { unit: name }))];
      // The code is gone, its accounts are not: ask whether they go too.
      return [
        choices(`${t("invites-revoked", { unit: name })}\n${t("invites-revoked-accounts", { unit: name, count: accounts.length })}`, [
          { label: t("invites-remove-all", { count: accounts.length }), command: `/mamoi go ${target} tatca` },
          { label: t("invites-keep-accounts"), command: `/mamoi ${unitNameById(services.conference, target)}` },
        ]),
      ];
    }
    const invite = await reissueInvite(services.store, target, now);
    services.logger.info({ by: ctx.account.key, target, revoked: false }, "invite code changed");
    return [text(t("invites-reissued", { unit: name, code: displayCode(invite.code) }))];
  },
};

const REMOVE_WORDS = ["go", "xoa", "remove"];

/** "Lò Văn A (Telegram, tham gia 01/5/2027)". */
function accountLine(ctx: CommandContext, a: Account): string {
  return ctx.t("invites-account-line", { name: a.displayName, channel: ctx.t(`invites-channel-${a.channel}`), joined: a.joinedAt ? formatDateTime(ctx.t, a.joinedAt) : "?" });
}

/** /mamoi <đơn vị>: the unit's accounts, numbered, each with a choice to remove it. */
function unitAccounts(ctx: CommandContext, unit: Unit): Reply[] {
  const { t, services } = ctx;
  const accounts = accountsOfUnit(services.store.data, unit.id);
  if (accounts.length === 0) return [text(t("invites-accounts-none", { unit: unitAddress(unit) }))];
  return [
    text([t("invites-accounts-title", { unit: unitAddress(unit), count: accounts.length }), numbered(accounts.map((a) => accountLine(ctx, a)))].join("\n")),
    choices(
      t("invites-accounts-remove-ask"),
      accounts.map((a, i) => ({ label: t("invites-remove-one", { n: i + 1, name: a.displayName }), command: `/mamoi go ${unit.id} ${a.key}` })),
    ),
  ];
}

/** /mamoi go <unit id> <account key | tatca>: takes accounts out of the unit, and tells each. */
async function removeAccounts(ctx: CommandContext, rest: string[]): Promise<Reply[]> {
  const { t, services } = ctx;
  const [unitId, which] = rest;
  const unit = unitId ? (services.conference.unit(unitId) ?? requireUnit(ctx, unitId)) : undefined;
  if (!unit || !which) throw new BadArguments("invites-usage");
  const accounts = accountsOfUnit(services.store.data, unit.id);
  const chosen = fold(which) === "tatca" ? accounts : accounts.filter((a) => a.key === which);
  if (chosen.length === 0) throw new UserError("invites-account-gone", { unit: unitAddress(unit) });
  const removed: Account[] = [];
  for (const a of chosen) if (await removeFromUnit(services.store, a.key)) removed.push(a);
  services.logger.info({ by: ctx.account.key, unit: unit.id, removed: removed.length }, "accounts removed from a unit");
  const messages = removed.map((a) => {
    const tt = services.i18n.forLanguage(a.language);
    return { account: a.key, replies: [text(tt("invites-removed-notice", { unit: unitAddress(unit), contact: contactLine(tt, services.conference.conf) }))] };
  });
  if (messages.length > 0) await services.notifier.send(messages);
  return [text(t("invites-removed", { unit: unitAddress(unit), count: removed.length, names: removed.map((a) => a.displayName).join(", ") }))];
}

const cancel: CommandDef = {
  name: "huy",
  aliases: ["cancel"],
  roles: ["guest"],
  describe: "cmd-cancel",
  // It sees the question still open, so that it can say it cancelled it.
  keepsAwaiting: true,
  async handler(ctx) {
    const cleared = await clearSession(ctx.services.store, ctx.account.key);
    return [text(ctx.t(cleared ? "cancel-done" : "cancel-nothing"))];
  },
};

/**
 * Answers the obvious questions typed as free text (src/domain/questions.ts has the keywords):
 * when, where, documents, deadlines, how to answer — each with the answer and the command.
 */
export const answerQuestion: QuestionAnswerer = ({ text: typed, role, account, t, services }) => {
  const topic = questionTopic(typed);
  if (!topic) return undefined;
  const conf = services.conference.conf;
  const ctx = { t, services } as CommandContext;
  const lines: string[] = [];
  const [when, where] = scheduleLines(ctx);
  if (topic === "when") lines.push(when as string, t("faq-when-more"));
  if (topic === "where") lines.push(where as string, t("faq-when-more"));
  if (topic === "documents") lines.push(conf.documents.length > 0 ? t("faq-documents", { count: conf.documents.length }) : t("documents-none"), t("faq-documents-more"));
  if (topic === "deadline") {
    const at = (kind: "rsvp" | "speech") => {
      const d = services.conference.deadline(kind);
      return d ? formatDateTime(t, d) : t("faq-deadline-tba");
    };
    lines.push(t("faq-deadline-rsvp", { deadline: at("rsvp") }));
    if (conf.speeches.length > 0) lines.push(t("faq-deadline-speech", { deadline: at("speech") }));
  }
  if (topic === "rsvp") lines.push(t(account.unitId || role === "organizer" ? "faq-rsvp" : "faq-rsvp-guest"));
  return [text(lines.join("\n"))];
};

export const generalCommands: CommandDef[] = [start, agenda, participants, documents, schedule, invites, cancel];

