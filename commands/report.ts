// /baocao (/report) and /nhacnho (/remind): what organizers see of attendance and speeches, and the chasing of units that lag.
import { noticeSummaryLines } from "../src/outbox/summary.js";
import type { Unit } from "../src/conference/schema.js";
import { formatDateTime, formatTime } from "../src/lib/time.js";
import { unitsWithSeatUnanswered } from "../src/domain/attendance.js";
import { unitName, unitNameById } from "../src/domain/units.js";
import type { Arrival } from "../src/views/attendance.js";
import { type ReportView, reportView } from "../src/views/report.js";
import { tasksReportSection } from "./tasks.js";
import { remedyReportSection } from "./remedy.js";
import { type ChaseKind, unitsToChase } from "./attendance.js";
import { type Audience, chaseData, resolveAudience } from "../src/domain/notices.js";
import type { AccountKey } from "../storage/schema.js";
import { choices, text } from "./replies.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import { offer, type StepHandlers } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";
import { fold } from "../src/lib/text.js";

/** A message longer than this is started anew, so each reads on a phone without scrolling forever. */
const MESSAGE_BUDGET = 3500;

function deadlineText(ctx: Pick<CommandContext, "t">, deadline: Date | undefined): string {
  return deadline ? formatDateTime(ctx.t, deadline) : ctx.t("report-deadline-tba");
}

/** Sections joined into as few messages as the budget allows; a section is never split here. */
function pack(sections: string[]): Reply[] {
  const messages: string[] = [];
  for (const s of sections) {
    const last = messages.at(-1);
    if (last !== undefined && last.length + s.length + 2 <= MESSAGE_BUDGET) messages[messages.length - 1] = `${last}\n\n${s}`;
    else messages.push(s);
  }
  return messages.map(text);
}

const list = (ctx: CommandContext, lines: string[]) => (lines.length > 0 ? lines : [ctx.t("report-none")]);

/** The first message: the totals, which an organizer may read and stop. */
function totalsText(ctx: CommandContext, r: ReportView): string {
  const { t } = ctx;
  const tot = r.attendance.totals;
  const c = r.speeches.counts;
  return [
    t("report-title", { time: formatDateTime(t, r.at) }),
    t("report-units", { units: tot.units, answered: tot.unitsAnswered, silent: r.attendance.silent.length }),
    t("report-seats", { seats: tot.seats, attend: tot.attend, substitute: tot.substitute, absent: tot.absent, unanswered: tot.unanswered }),
    t("report-present", { present: tot.present, expected: tot.expected }),
    t("report-speeches-total", { assigned: r.speeches.rows.length, accepted: c.accepted, submitted: c.submitted, changes: c.changes_requested, none: c.none }),
    t("report-speakers-total", { count: r.speakers.length }),
    t("report-rsvp-deadline", { deadline: deadlineText(ctx, r.deadlines.rsvp) }),
  ].join("\n");
}

/** "Lò Thị Hoa (7 giờ 30)", "…, Ban tổ chức ghi thay: Lò Thị Nội Vụ": the registered name, and who recorded it. */
function arrivalLine(ctx: CommandContext, a: Arrival): string {
  const { t } = ctx;
  const name = a.name ?? t("checkin-who-none");
  const who = !a.onBehalf ? name : a.recordedBy ? t("report-checkin-onbehalf", { name, by: a.recordedBy }) : t("report-checkin-onbehalf-organizers", { name });
  return t("report-checkin-line", { unit: unitName(a.unit), seat: a.seat?.title ?? t("report-checkin-no-seat"), name: who, time: formatTime(t, a.at) });
}

/** The sections after the totals, by name, in the order /baocao writes them. */
interface Sections {
  confirmed: string;
  substitutes: string;
  absent: string;
  silent: string;
  checkins: string;
  speeches: string;
  speakers: string;
}

/** The sections after the totals: answers by kind, the two RSVP audiences, check-ins, speeches, speakers. */
function attendanceSections(ctx: CommandContext, r: ReportView): Sections {
  const { t } = ctx;
  const sum = r.attendance;
  const tot = sum.totals;
  // Confirmed seats grouped by unit, names in seat order: seat titles are long, /xuat has them.
  const confirmed = sum.units
    .map((u) => ({ u, names: u.seats.filter((s) => s.answer?.status === "attend").map((s) => s.answer?.name || t("report-unnamed")) }))
    .filter((x) => x.names.length > 0)
    .map((x) => t("report-confirmed-line", { unit: unitName(x.u.unit), count: x.names.length, seats: x.u.seats.length, names: x.names.join(", ") }));
  const substitutes = sum.seats
    .filter((s) => s.answer?.status === "substitute")
    .map((s) => t("report-substitute-line", { unit: unitName(s.unit), seat: s.seat.title, name: s.answer?.name ?? "", position: s.answer?.position ?? "" }));
  const absent = sum.seats
    .filter((s) => s.answer?.status === "absent")
    .map((s) => t("report-absent-line", { unit: unitName(s.unit), seat: s.seat.title, reason: s.answer?.reason ?? "" }));
  // The two RSVP audiences, each with its own words: "chưa trả lời" (no seat answered: /thongbao
  // chuatraloi) and "chưa xác nhận đủ" (some seat unanswered: /nhacnho dangky), the first inside the second.
  const silent = sum.silent.map((u) => `- ${unitName(u)}`);
  const partial = sum.partial.map((u) => t("report-partial-line", { unit: unitName(u.unit), missing: u.seats.length - u.answered, seats: u.seats.length }));
  const checkedIn = r.arrivals.map((a) => arrivalLine(ctx, a));
  const speechLines = r.speeches.rows.map((row) => t("report-speech-line", { unit: unitName(row.unit), status: t(`report-speech-${row.status}`), versions: row.versions }));
  const speakerLines = r.speakers.map((s, i) => `${i + 1}. ${unitNameById(ctx.services.conference, s.unitId)}: ${s.topic}`);
  return {
    confirmed: [t("report-confirmed-title", { count: tot.attend }), ...list(ctx, confirmed), t("report-confirmed-note")].join("\n"),
    substitutes: [t("report-substitutes-title", { count: tot.substitute }), ...list(ctx, substitutes)].join("\n"),
    absent: [t("report-absent-title", { count: tot.absent }), ...list(ctx, absent)].join("\n"),
    silent: [
      t("report-silent-title", { count: sum.silent.length }),
      ...list(ctx, silent),
      ...(partial.length > 0 ? [t("report-unconfirmed-title", { count: sum.unconfirmed.length, silent: sum.silent.length, partial: partial.length }), ...partial] : []),
    ].join("\n"),
    checkins: [t("report-checkins-title", { present: tot.present, expected: tot.expected }), ...list(ctx, checkedIn)].join("\n"),
    speeches: [t("report-speeches-title", { deadline: deadlineText(ctx, r.deadlines.speech) }), ...list(ctx, speechLines)].join("\n"),
    speakers: [t("report-speakers-title", { count: r.speakers.length }), ...list(ctx, speakerLines)].join("\n"),
  };
}

/** One section of /baocao as it writes it: the units that have not answered ("silent"), the speeches. */
export function reportSection(ctx: CommandContext, part: "silent" | "speeches"): Reply[] {
  const r = reportView(ctx.services.conference, ctx.services.store.data, ctx.services.clock.now());
  return [text(attendanceSections(ctx, r)[part])];
}

/** /baocao: the report view written as chat messages. */
export function reportReplies(ctx: CommandContext): Reply[] {
  const { t, services } = ctx;
  const r = reportView(services.conference, services.store.data, services.clock.now());
  const sections = Object.values(attendanceSections(ctx, r));
  // Notices: the latest ten with their counts (sent, failed, unreachable, acknowledged).
  const notices = noticeSummaryLines(services.store.data, t, { limit: 10, conference: services.conference.id });
  if (notices.length > 0) sections.push([t("report-notices-title", { count: notices.length }), ...notices].join("\n"));
  // Tasks after the conference: the counts per state and the overdue ones (commands/tasks.ts).
  const tasks = tasksReportSection(ctx);
  if (tasks) sections.push(tasks);
  // The communes' remediation plans after publication (commands/remedy.ts).
  const plans = remedyReportSection(ctx);
  if (plans) sections.push(plans);
  // Messages the bot had accepted this month, per channel: an organizer sees a quota coming.
  const sent = r.sentThisMonth;
  if (sent) {
    const counts = sent.perChannel.map((c) => `${t(`notice-channel-${c.channel}`)} ${c.count}`).join(", ");
    const lines = [t("report-sent-month", { month: `${sent.month.slice(5)}/${sent.month.slice(0, 4)}`, counts })];
    if (sent.perChannel.some((c) => c.channel === "zalo")) lines.push(t("report-sent-month-zalo"));
    sections.push(lines.join("\n"));
  }
  // Totals always stand alone, first: the one message an organizer may read and stop.
  return [text(totalsText(ctx, r)), ...pack(sections)];
}

const report: CommandDef = {
  name: "baocao",
  noArgs: true,
  aliases: ["report"],
  roles: ["organizer"],
  describe: "cmd-report",
  async handler(ctx) {
    return reportReplies(ctx);
  },
};

const CHASE_WORDS: Record<string, ChaseKind> = { dangky: "rsvp", rsvp: "rsvp", thamluan: "speech", speech: "speech" };

export interface ChaseResult {
  /** Units that have not answered / not submitted. */
  units: Unit[];
  /** Units at least one account of which the reminder reached. */
  reached: number;
  /** Accounts the reminder was handed to. */
  accounts: number;
  /** Units none of whose accounts could be reached (no account in the bot, or every send failed). */
  unreached: Unit[];
}

/**
 * The units /nhacnho chases: for answers, those with some seat unanswered ("chưa xác nhận đủ");
 * for speeches, those with an assigned speech not submitted.
 */
function unitsChased(ctx: CommandContext, kind: ChaseKind): Unit[] {
  const { services } = ctx;
  if (kind === "rsvp") return unitsWithSeatUnanswered(services.conference.conf, services.store.data);
  return unitsToChase("speech", services.conference.conf, services.store.data);
}

/**
 * Files one `chase` notice by the organizer who sent /nhacnho to every account of every lagging
 * unit (each reads it in their language, with their unit's figures), and waits for the first
 * attempts, so that the organizer learns which units nobody received.
 */
export async function chase(ctx: CommandContext, kind: ChaseKind): Promise<ChaseResult> {
  const { services } = ctx;
  const data = services.store.data;
  const units = unitsChased(ctx, kind);
  const result: ChaseResult = { units, reached: 0, accounts: 0, unreached: [] };
  const audience: Audience = { kind: "units", unitIds: units.map((u) => u.id) };
  let sent: AccountKey[] = [];
  if (units.length > 0 && resolveAudience(services.conference, data, audience).accounts.length > 0) {
    const tv = services.i18n.forLanguage(services.config.defaultLanguage);
    const r = await services.notices.createAndWait({
      kind: "chase",
      text: tv(`notice-chase-${kind}`, { units: units.length }),
      audience,
      createdBy: ctx.account.key,
      ackable: false,
      data: chaseData(kind, units, data, services.conference.deadline(kind)),
    });
    sent = r.sent;
  }
  const reached = new Set(sent.map((k) => services.store.data.accounts[k]?.unitId));
  result.accounts = sent.length;
  for (const unit of units) {
    if (reached.has(unit.id)) result.reached += 1;
    else result.unreached.push(unit);
  }
  services.logger.info({ by: ctx.account.key, kind, units: units.length, reached: result.reached, accounts: result.accounts }, "reminder sent");
  return result;
}

const remind: CommandDef = {
  name: "nhacnho",
  aliases: ["remind"],
  roles: ["organizer"],
  describe: "cmd-remind",
  maxArgs: 40,
  async handler(ctx) {
    const { t, args } = ctx;
    if (!args) {
      const rsvp = unitsChased(ctx, "rsvp").length;
      const speech = unitsChased(ctx, "speech").length;
      return [
        choices(t("remind-choose"), [
          offer(t("remind-choice-rsvp", { count: rsvp }), { kind: "remind", what: "rsvp" }),
          offer(t("remind-choice-speech", { count: speech }), { kind: "remind", what: "speech" }),
        ]),
      ];
    }
    const kind = CHASE_WORDS[fold(args).replace(/\s/g, "")];
    if (!kind) throw new BadArguments("remind-usage");
    return remindUnits(ctx, kind);
  },
};

/** Reminds the units that lag on `kind` (not after its deadline), and says how many the reminder reached. */
async function remindUnits(ctx: CommandContext, kind: ChaseKind): Promise<Reply[]> {
  const { t, services } = ctx;
  const deadline = services.conference.deadline(kind);
  // After the deadline a delegate can no longer answer in the bot: a reminder would ask the impossible.
  if (deadline && services.clock.now() >= deadline) {
    throw new UserError(`remind-${kind}-deadline-passed`, { deadline: formatDateTime(t, deadline) });
  }
  const units = unitsChased(ctx, kind);
  if (units.length === 0) return [text(t(`remind-${kind}-nobody`))];
  const r = await chase(ctx, kind);
  const lines = [t(`remind-${kind}-sent`, { units: r.reached, accounts: r.accounts })];
  if (r.unreached.length > 0) {
    lines.push(t("remind-unreached", { count: r.unreached.length, units: r.unreached.map((u) => u.name).join(", ") }));
  }
  return [text(lines.join("\n"))];
}

export const reportCommands: CommandDef[] = [report, remind];

/** The step of /nhacnho's choices: remind the units that lag on their answers or their speech. */
export const reportSteps: StepHandlers<"remind"> = {
  remind: { command: "nhacnho", run: (ctx, chosen) => remindUnits(ctx, chosen.what) },
};
