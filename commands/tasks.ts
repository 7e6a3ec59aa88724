// Tasks after the conference (/nhiemvu, /tasks): a unit's delegates see their tasks with state and
// deadline, report progress with evidence (text, photo, a file where the platform carries one) and
// report a task done ("xong", "đã hoàn thành"); organizers see the counts, open a task, accept or
// return a "done" report with a note, and assign tasks (commands/task-assign.ts). What they show is
// src/views/tasks.ts; what they do, src/actions/tasks.ts (the desk calls the same).
import { actorOf } from "../src/actions/actor.js";
import { decideTaskAction, reportTaskAction } from "../src/actions/tasks.js";
import { UserError } from "../src/domain/errors.js";
import { requireUnitTask } from "../src/domain/tasks.js";
import { requireUnit } from "../src/domain/units.js";
import { saveFile, type StoredFile } from "../src/lib/files.js";
import { classifyEvidence, MAX_EVIDENCE_BYTES } from "../src/domain/task-files.js";
import { carriesFiles } from "./desk.js";
import { uploadOfferLine } from "./upload-offer.js";
import { fold } from "../src/lib/text.js";
import { formatDate, formatDateTime } from "../src/lib/time.js";
import { renderMessage } from "../src/messages/render.js";
import type { IncomingFile, Message, Reply } from "../src/messages/types.js";
import { notify } from "../src/outbox/notify.js";
import { changeMessage, stateMessage, type TaskCountsView, taskCountsView, taskLineMessage, type TaskView, taskView, tasksView } from "../src/views/tasks.js";
import { awaitingKind, awaitStep, type StepChange } from "../src/domain/sessions.js";
import type { TextTrigger } from "./router.js";
import { assignByLine, assignSteps, startAssigning } from "./task-assign.js";
import { choices, text } from "./replies.js";
import { offer, type StepHandlers } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";

/** A message in the reader's language. */
export const say = (ctx: CommandContext, m: Message): string => renderMessage(ctx.t, m);

/** The task view of task `n` (a delegate: only of their unit). */
function viewOf(ctx: CommandContext, n: number): TaskView {
  const { store, conference, clock } = ctx.services;
  const unitId = ctx.role === "organizer" ? undefined : (ctx.unit?.id ?? "");
  return taskView(store.data, conference, requireUnitTask(store.data, n, unitId), clock.now());
}

/** The lines of one task: what, criterion, deadline, expected result, state, reports. */
export function taskDetailText(ctx: CommandContext, v: TaskView): string {
  const { t } = ctx;
  const lines = [t("task-detail-title", { n: v.n, unit: v.unitAddress }), t("task-detail-content", { content: v.content })];
  if (v.supporting.length > 0) lines.push(t("task-detail-supporting", { units: v.supporting.join(", ") }));
  if (v.criterion) {
    const s = v.criterionScore;
    lines.push(s ? t("task-detail-criterion-score", { code: v.criterion, year: String(s.year), final: s.final, max: s.max }) : t("task-detail-criterion", { code: v.criterion }));
  }
  if (v.change) lines.push(say(ctx, changeMessage(v.change)));
  const open = v.state === "open_on_time" || v.state === "open_overdue";
  const when = !open ? "done" : v.daysLeft === 0 ? "today" : v.daysLeft > 0 ? "left" : "overdue";
  lines.push(t("task-detail-deadline", { deadline: v.deadlineText, when, days: Math.abs(v.daysLeft) }));
  if (v.expected) lines.push(t("task-detail-expected", { expected: v.expected }));
  if (v.reportEvery !== "none") lines.push(t("task-detail-every", { every: t(`task-every-${v.reportEvery}`) }));
  lines.push(t("task-detail-state", { state: say(ctx, stateMessage(v.state)) }));
  if (v.pending) lines.push(t("task-detail-pending", { time: formatDateTime(t, v.pending.at) }));
  if (v.returned) lines.push(t("task-detail-returned", { time: formatDateTime(t, v.returned.at), note: v.returned.note }));
  if (v.reports.length > 0) lines.push(t("task-detail-reports", { count: v.reports.length }));
  for (const r of v.reports.slice(-5)) {
    lines.push(t("task-detail-report", { time: formatDate(t, r.at), kind: r.kind, text: r.text ?? "none", files: r.files?.length ?? 0 }));
  }
  return lines.join("\n");
}

/** One task, with what may be done with it now: report (the unit), decide (organizers). */
function showTask(ctx: CommandContext, n: number): Reply[] {
  const v = viewOf(ctx, n);
  const body = taskDetailText(ctx, v);
  const { t } = ctx;
  if (ctx.role === "organizer") {
    if (!v.pending) return [text(body)];
    const report = v.pending.n;
    return [choices(body, [offer(t("task-choice-accept"), { kind: "tasks.accept", task: n, report }), offer(t("task-choice-return"), { kind: "tasks.return", task: n, report })])];
  }
  if (v.state === "done_on_time" || v.state === "done_late") return [text(body)];
  const list = [offer(t("task-choice-progress"), { kind: "tasks.report", task: n })];
  if (!v.pending) list.push(offer(t("task-choice-done"), { kind: "tasks.done", task: n }));
  return [choices(body, list), ...evidenceLink(ctx, n).map((line) => text(line))];
}

/** A delegate's /nhiemvu: the unit's tasks with state and deadline; the open ones as choices. */
function unitTasks(ctx: CommandContext, unitId: string): Reply[] {
  const { t, services } = ctx;
  const views = tasksView(services.store.data, services.conference, services.clock.now(), { unitId });
  const unit = services.conference.unit(unitId);
  if (views.length === 0) return [text(t("task-unit-none", { unit: unit?.full_name ?? unit?.name ?? unitId }))];
  const head = [t("task-unit-title", { unit: unit?.full_name ?? unit?.name ?? unitId, count: views.length }), ...views.map((v) => say(ctx, taskLineMessage(v)))];
  const open = views.filter((v) => v.state === "open_on_time" || v.state === "open_overdue");
  if (open.length === 0) return [text(head.join("\n"))];
  const hint = ctx.role === "organizer" ? t("task-unit-hint-organizer") : t("task-unit-hint");
  return [choices([...head, "", hint].join("\n"), open.map((v) => offer(t("task-choice-open", { n: v.n, content: v.content }), { kind: "tasks.open", task: v.n })))];
}

/** The counts per state as one line (/nhiemvu for organizers, /baocao). */
export function countsLine(ctx: CommandContext, c: TaskCountsView["byState"]): string {
  return ctx.t("task-counts", { ...c, total: c.done_on_time + c.done_late + c.open_on_time + c.open_overdue });
}

/** The organizers' /nhiemvu: counts per state and per unit, the overdue, the "done" reports waiting. */
function organizerOverview(ctx: CommandContext): Reply[] {
  const { t, services } = ctx;
  const c = taskCountsView(services.store.data, services.conference, services.clock.now());
  if (c.total === 0) return [text(t("task-none-yet"))];
  const lines = [t("task-overview-title", { count: c.total }), countsLine(ctx, c.byState), ...c.units.map((u) => t("task-overview-unit", { unit: u.unit, counts: countsLine(ctx, u.byState) }))];
  if (c.overdue.length > 0) lines.push("", t("task-overview-overdue", { count: c.overdue.length }), ...c.overdue.map((v) => say(ctx, taskLineMessage(v))));
  lines.push("", t("task-overview-hint"));
  if (c.awaiting.length === 0) return [text(lines.join("\n"))];
  lines.push("", t("task-overview-awaiting", { count: c.awaiting.length }));
  return [choices(lines.join("\n"), c.awaiting.map((v) => offer(t("task-choice-review", { n: v.n, unit: v.unit }), { kind: "tasks.open", task: v.n })))];
}

/** /baocao's section on tasks (none while no task was assigned). */
export function tasksReportSection(ctx: CommandContext): string | undefined {
  const { t, services } = ctx;
  const c = taskCountsView(services.store.data, services.conference, services.clock.now());
  if (c.total === 0) return undefined;
  return [t("task-report-title", { count: c.total }), countsLine(ctx, c.byState), ...c.overdue.map((v) => `- ${say(ctx, taskLineMessage(v))}`)].join("\n");
}

// ---- Reporting: progress and completion, with evidence ----

/** "xong", "đã xong", "đã hoàn thành", "hoàn thành", "done" at the start: the rest is the report's text. */
export function doneWords(typed: string): { rest: string } | undefined {
  const m = /^(?:da\s+)?(?:xong|hoan\s+thanh|done)\b[\s.,:;!-]*/.exec(fold(typed));
  if (!m) return undefined;
  // The folded prefix has as many characters as the typed one (folding keeps lengths for Vietnamese letters).
  return { rest: typed.slice(m[0].length).trim() };
}

/** Saves the evidence sent with a report (a photo, a file), refusing other files before downloading. */
async function saveEvidence(ctx: CommandContext, n: number): Promise<StoredFile[]> {
  const file = ctx.req.file as IncomingFile | undefined;
  if (!file) return [];
  const { ext, mime } = classifyEvidence(file);
  if (file.size > MAX_EVIDENCE_BYTES) throw new UserError("task-file-too-large", { mb: MAX_EVIDENCE_BYTES / 1_000_000 });
  const data = await file.download();
  if (data.length === 0 || data.length > MAX_EVIDENCE_BYTES) throw new UserError("task-file-too-large", { mb: MAX_EVIDENCE_BYTES / 1_000_000 });
  const name = file.name || `minh-chung-${n}.${ext}`;
  return [await saveFile(ctx.services.store.dir, { stem: `task${n}-${ctx.unit?.id ?? "unit"}`, ext, name, mime }, data)];
}

/** On a channel that cannot carry a file (Zalo), the link to hand in task `n`'s evidence files (when there is a public address). */
function evidenceLink(ctx: CommandContext, n: number): string[] {
  if (carriesFiles(ctx.req.channel)) return [];
  const line = uploadOfferLine(ctx.services, ctx.account, { purpose: "task", task: n }, "task-upload-offer", { n });
  return line ? [line] : [];
}

/** A report typed or sent: "done" when it says so (or `done`), else progress; the step waiting for more stays after progress. */
async function report(ctx: CommandContext, n: number, typed: string, done: boolean): Promise<Reply[]> {
  const { t, services } = ctx;
  const words = doneWords(typed);
  const kind = done || words ? "done" : "progress";
  const body = words ? words.rest : typed;
  const files = await saveEvidence(ctx, n);
  // After progress, more may follow (a photo, then "xong"); after "done", the task's question ends.
  const waiting = awaitingKind(services.store.data.sessions[ctx.account.key]);
  const change: StepChange =
    kind === "progress" ? { awaitStep: { step: { kind: "tasks.report", task: n }, prompt: "task-report-ask" } } : waiting?.startsWith("tasks.") ? { endAwaiting: waiting } : {};
  const result = await reportTaskAction(services, actorOf(ctx.account, ctx.role), { n, kind, ...(body && { text: body }), ...(files.length > 0 && { files }) }, change);
  await notify(services, result.notifications);
  if (kind === "done") return [text(t("task-done-saved", { n, unit: ctx.unit?.full_name ?? ctx.unit?.name ?? "" }))];
  return [text(t("task-progress-saved", { n, report: result.result.report.n, files: files.length }))];
}

// ---- Deciding on a "done" report ----

async function decide(ctx: CommandContext, n: number, reportN: number | undefined, decision: "accepted" | "returned", note?: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const report = reportN ?? viewOf(ctx, n).pending?.n;
  if (report === undefined) throw new UserError("task-nothing-to-decide", { n });
  const awaiting = services.store.data.sessions[ctx.account.key]?.awaiting?.step.kind;
  const change: StepChange = awaiting === "tasks.return" ? { endAwaiting: "tasks.return" } : {};
  const done = await decideTaskAction(services, ctx.account.key, { n, report, decision, ...(note && { note }) }, change);
  const sent = (await notify(services, done.notifications)).reduce((a, b) => a + b, 0);
  const v = taskView(services.store.data, services.conference, done.result.task, services.clock.now());
  const key = decision === "accepted" ? "task-accepted-done" : "task-returned-done";
  return [text(t(key, { n, unit: v.unitAddress, state: say(ctx, stateMessage(v.state)), sent }))];
}

/** Asks for the note of a return: the next message is it. */
async function askNote(ctx: CommandContext, n: number, report: number): Promise<Reply[]> {
  const { services, t } = ctx;
  await awaitStep(services.store, ctx.account.key, { kind: "tasks.return", task: n, report }, "task-return-ask", services.clock.now());
  return [text(t("task-return-ask", { n }))];
}

/** Asks for a report of task `n`: progress (photos, text) or done. */
async function askReport(ctx: CommandContext, n: number, done: boolean): Promise<Reply[]> {
  const { services, t } = ctx;
  viewOf(ctx, n);
  const step = done ? { kind: "tasks.done" as const, task: n } : { kind: "tasks.report" as const, task: n };
  const prompt = done ? "task-done-ask" : "task-report-ask";
  await awaitStep(services.store, ctx.account.key, step, prompt, services.clock.now(), { dropChoices: true });
  return [text([t(prompt, { n }), ...evidenceLink(ctx, n)].join("\n\n"))];
}

// ---- The command ----

/** "/nhiemvu xong" from a unit with one open task: that task; with several, the number is needed. */
function onlyOpenTask(ctx: CommandContext, unitId: string): number {
  const { store, conference, clock } = ctx.services;
  const open = tasksView(store.data, conference, clock.now(), { unitId }).filter((v) => v.state === "open_on_time" || v.state === "open_overdue");
  if (open.length !== 1) throw new UserError("task-delegate-usage");
  return (open[0] as TaskView).n;
}

const ORGANIZER_VERBS: Record<string, "accepted" | "returned"> = { chapnhan: "accepted", accept: "accepted", tralai: "returned", return: "returned" };

/** "/nhiemvu 3 …": the task's number and what follows. */
async function onTask(ctx: CommandContext, n: number, rest: string): Promise<Reply[]> {
  if (!rest && !ctx.req.file) return showTask(ctx, n);
  if (ctx.role === "organizer" && !ctx.unit) {
    const [verb = "", ...note] = rest.split(/\s+/);
    const decision = ORGANIZER_VERBS[fold(verb)];
    if (!decision) throw new UserError("task-organizer-usage");
    const text = note.join(" ").trim();
    if (decision === "returned" && !text) {
      const pending = viewOf(ctx, n).pending;
      if (!pending) throw new UserError("task-nothing-to-decide", { n });
      return askNote(ctx, n, pending.n);
    }
    return decide(ctx, n, undefined, decision, text);
  }
  return report(ctx, n, rest, false);
}

async function handler(ctx: CommandContext): Promise<Reply[]> {
  const { args, role } = ctx;
  const [first = ""] = args.split(/\s+/);
  const rest = args.slice(first.length).trim();
  if (/^\d{1,5}$/.test(first)) return onTask(ctx, Number(first), rest);
  if (role === "organizer" && ["giao", "assign"].includes(fold(first))) return rest ? assignByLine(ctx, rest) : startAssigning(ctx);
  if (role === "organizer" && args) return unitTasks(ctx, requireUnit(ctx.services.conference, args).id);
  if (role === "organizer" && !ctx.unit) return organizerOverview(ctx);
  if (!ctx.unit) throw new UserError("task-no-unit");
  if (!args && !ctx.req.file) return unitTasks(ctx, ctx.unit.id);
  return report(ctx, onlyOpenTask(ctx, ctx.unit.id), args, false);
}

const tasks: CommandDef = {
  name: "nhiemvu",
  aliases: ["tasks"],
  roles: ["delegate", "organizer"],
  describe: "cmd-tasks",
  maxArgs: 2200,
  accepts: { kinds: ["document", "photo"], mimes: [], maxBytes: MAX_EVIDENCE_BYTES },
  handler,
};

export const taskCommands: CommandDef[] = [tasks];

/** "nhiệm vụ của xã mình", "xem nhiệm vụ": the unit's tasks, in the person's own words. */
export const taskTriggers: TextTrigger[] = [
  {
    matches: (folded) => /^(xem |cac |danh sach )*nhiem vu( duoc giao)?( cua (xa|phuong|thi tran|don vi|co quan)( minh| toi| em| chung toi| ta)?)?\s*\??$/.test(folded.trim()),
    command: "/nhiemvu",
  },
];

export const taskSteps: StepHandlers<"tasks.open" | "tasks.report" | "tasks.done" | "tasks.accept" | "tasks.return"> & typeof assignSteps = {
  "tasks.open": { command: "nhiemvu", run: (ctx, step) => Promise.resolve(showTask(ctx, step.task)) },
  "tasks.report": { command: "nhiemvu", run: (ctx, step, typed) => (typed || ctx.req.file ? report(ctx, step.task, typed, false) : askReport(ctx, step.task, false)) },
  "tasks.done": { command: "nhiemvu", run: (ctx, step, typed) => (typed || ctx.req.file ? report(ctx, step.task, typed, true) : askReport(ctx, step.task, true)) },
  "tasks.accept": { command: "nhiemvu", run: (ctx, step) => decide(ctx, step.task, step.report, "accepted") },
  "tasks.return": { command: "nhiemvu", run: (ctx, step, typed) => (typed ? decide(ctx, step.task, step.report, "returned", typed) : askNote(ctx, step.task, step.report)) },
  ...assignSteps,
};
