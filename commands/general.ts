// The commands everyone has: greeting and joining, help, agenda, participants, documents; and /datlich, /mamoi, /huy.
import { formatDateTime, parseLocalDateTime } from "../src/lib/time.js";
import type { ScheduleChange } from "../storage/schema.js";
import { unitAnswered } from "../src/domain/attendance.js";
import {
  CodeGuard,
  displayCode,
  ensureInvites,
  isCodeShaped,
  ORGANIZER_TARGET,
  organizerAccounts,
  redeemCode,
  reissueInvite,
  revokeInvite,
} from "../src/domain/identity.js";
import { clearSession } from "../src/domain/sessions.js";
import { requireUnit as requireUnitOf, unitAddress, unitAddressById, unitName, unitNameById } from "../src/domain/units.js";
import { CHECKIN_START_PREFIX, checkInWithCode } from "./checkin.js";
import { scheduleChangeOffer } from "./notices.js";
import { bullets, numbered, text } from "./replies.js";
import { BadArguments, type CommandContext, type CommandDef, type Reply, UserError } from "./types.js";

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

async function join(ctx: CommandContext, code: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const guard = codeGuardOf(ctx);
  let result: Awaited<ReturnType<typeof redeemCode>>;
  try {
    result = await redeemCode(services.store, ctx.account.key, code, services.clock.now(), guard);
  } finally {
    tellOrganizersOfGuessing(ctx, guard);
  }
  if (result.kind === "organizer") return [text(t("join-organizer"))];
  services.logger.info({ account: ctx.account.key, unit: result.unitId }, "account joined a unit");
  return [text(`${t("join-unit", { unit: unitAddressById(services.conference, result.unitId) })}\n\n${t("start-help")}`)];
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
    const code = isCodeShaped(args) ? args : (args.split(/\s+/)[0] as string);
    // The check-in poster's Telegram link (t.me/<bot>?start=dd-CODE): the same check-in as /diemdanh CODE.
    if (code.toLowerCase().startsWith(CHECKIN_START_PREFIX)) return checkInWithCode(ctx, code.slice(CHECKIN_START_PREFIX.length));
    return join(ctx, code);
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
      const lines = list(ctx).map((d) => `/${d.name}${d.aliases[0] ? ` (/${d.aliases[0]})` : ""}: ${t(d.describe)}`);
      return [text(`${t(`help-title-${ctx.role}`)}\n${lines.join("\n")}\n\n${t("help-footer")}`)];
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

/** /datlich 20/06/2027 14:00 | Hội trường UBND huyện — either part may be left out, not both. */
export function parseScheduleArgs(args: string): { start?: Date; place?: string } {
  const [whenPart, ...placeParts] = args.split("|");
  const when = (whenPart ?? "").trim();
  const place = placeParts.join("|").trim();
  if (!when && !place) throw new BadArguments("schedule-usage");
  const result: { start?: Date; place?: string } = {};
  if (when) {
    const start = parseLocalDateTime(when);
    if (!start) throw new BadArguments("schedule-bad-date", { text: when });
    result.start = start;
  }
  if (place) {
    if (place.length > 200) throw new BadArguments("schedule-place-too-long", { max: 200 });
    result.place = place;
  }
  return result;
}

const schedule: CommandDef = {
  name: "datlich",
  aliases: ["schedule"],
  roles: ["organizer"],
  describe: "cmd-schedule",
  async handler(ctx) {
    const { t, services, args } = ctx;
    if (!args) return [text([t("schedule-current"), ...scheduleLines(ctx), "", t("schedule-usage")].join("\n"))];
    const wanted = parseScheduleArgs(args);
    const now = services.clock.now();
    if (wanted.start && wanted.start <= now) throw new BadArguments("schedule-in-past", { time: formatDateTime(t, wanted.start) });
    const before = services.conference.schedule();
    const durationMs = services.conference.conf.schedule.duration_minutes * 60_000;
    const change = await services.store.mutate((d) => {
      const beforeState = { start: before.start?.toISOString(), end: before.end?.toISOString(), place: before.place };
      const s = d.schedule;
      if (wanted.start) {
        s.start = wanted.start.toISOString();
        s.end = new Date(wanted.start.getTime() + durationMs).toISOString();
      } else if (!s.start && before.start) {
        s.start = before.start.toISOString();
        s.end = before.end?.toISOString();
      }
      if (wanted.place) s.place = wanted.place;
      else if (!s.place && before.place) s.place = before.place;
      s.sequence += 1;
      const entry: ScheduleChange = {
        at: now.toISOString(),
        by: ctx.account.key,
        before: beforeState,
        after: { start: s.start, end: s.end, place: s.place },
      };
      s.history.push(entry);
      return entry;
    });
    services.logger.info({ by: ctx.account.key, sequence: services.store.data.schedule.sequence }, "schedule changed");
    const replies: Reply[] = [text([t("schedule-saved"), ...scheduleLines(ctx)].join("\n"))];
    if (change.before.start || change.before.place) {
      const old: string[] = [];
      if (change.before.start !== change.after.start && change.before.start)
        old.push(t("schedule-change-time", { before: formatDateTime(t, change.before.start), after: formatDateTime(t, change.after.start ?? "") }));
      if (change.before.place !== change.after.place && change.before.place)
        old.push(t("schedule-change-place", { before: change.before.place, after: change.after.place ?? "" }));
      if (old.length > 0) replies.push(text(old.join("\n")));
    }
    // Offer to tell every delegate (old beside new): commands/notices.ts.
    if (change.before.start !== change.after.start || change.before.place !== change.after.place) replies.push(scheduleChangeOffer(ctx));
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
    const v = verb.toLowerCase();
    const revoke = v === "thuhoi" || v === "revoke";
    if (!revoke && v !== "capmoi" && v !== "new") throw new BadArguments("invites-usage");
    if (!unitQuery) throw new BadArguments("invites-usage");
    const organizerWords = ["bantochuc", "ban to chuc", "organizer"];
    const target = organizerWords.includes(unitQuery.toLowerCase()) ? ORGANIZER_TARGET : requireUnit(ctx, unitQuery).id;
    const name = target === ORGANIZER_TARGET ? t("invites-organizer") : unitNameById(services.conference, target);
    if (revoke) {
      if (!(await revokeInvite(services.store, target, now))) throw new UserError("invites-none-active", { unit: name });
      services.logger.info({ by: ctx.account.key, target, revoked: true }, "invite code changed");
      return [text(t("invites-revoked", { unit: name }))];
    }
    const invite = await reissueInvite(services.store, target, now);
    services.logger.info({ by: ctx.account.key, target, revoked: false }, "invite code changed");
    return [text(t("invites-reissued", { unit: name, code: displayCode(invite.code) }))];
  },
};

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

export const generalCommands: CommandDef[] = [start, agenda, participants, documents, schedule, invites, cancel];

