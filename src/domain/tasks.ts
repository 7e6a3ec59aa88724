// Tasks assigned after the conference: assigning, reporting progress and completion, the organizers'
// decisions, the state of each task (the four of QĐ 42/2014/QĐ-TTg, computed, never typed), previews
// of a sheet, and which reminders and digests are due.
//
// The rules live here once; src/actions/tasks.ts tells people, src/views/tasks.ts shows, the outbox
// (src/outbox/task-reminders.ts) sends the reminders.
import type { ConferenceService } from "../conference/service.js";
import type { AccountKey, Data, NewTask, StoredFileRef, Task, TaskDecision, TaskPreview, TaskReport } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { local, localDay } from "../lib/time.js";
import { fold, writable } from "../lib/text.js";
import { type StepChange, applyStepChange } from "./sessions.js";
import { BadArguments, UserError } from "./errors.js";

/**
 * The four states of QĐ 42/2014: done by the deadline, done after it, not done and not due yet,
 * not done and overdue.
 */
export type TaskState = "done_on_time" | "done_late" | "open_on_time" | "open_overdue";
export const TASK_STATES: readonly TaskState[] = ["done_on_time", "done_late", "open_on_time", "open_overdue"];

/** Longest task content, expected result, report and note. */
export const MAX_TASK_TEXT = 2000;

/** A criterion's code: a field ("3"), a criterion ("3.2"), a sub-criterion ("4.2.1"). */
const CRITERION = /^\d{1,2}(\.\d{1,2}){0,3}$/;

export function isCriterionCode(code: string): boolean {
  return CRITERION.test(code);
}

// ---- Days ("YYYY-MM-DD", local) ----

/** Days from `a` to `b` (local days, "YYYY-MM-DD"): positive when b is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The local day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** "30/6/2027": a local day as an office writes it, in any language. */
export function dayText(day: string): string {
  const [y, m, d] = day.split("-");
  return `${Number(d)}/${Number(m)}/${y}`;
}

/** "YYYY-MM-DD" of these parts if they name a real day. */
function realDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/**
 * A deadline as people type it: "30/6/2027", "30/6" (the next 30/6 to come, today included),
 * "2027-06-30". Undefined when it names no real day.
 */
export function parseDeadline(text: string, now: Date): string | undefined {
  // Folded: "ngày 30/6" as "ngay 30/6" (no letter of the bundle outside ASCII).
  const s = fold(text).trim().replace(/^ngay\s+/, "");
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return realDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/.exec(s);
  if (!dmy) return undefined;
  const [day, month] = [Number(dmy[1]), Number(dmy[2])];
  if (dmy[3]) return realDay(Number(dmy[3]), month, day);
  const today = localDay(now);
  const year = local(now).year();
  // 29/2 comes back only in a leap year: the next one within four years.
  for (let y = year; y <= year + 4; y++) {
    const d = realDay(y, month, day);
    if (d && d >= today) return d;
  }
  return undefined;
}

// ---- State ----

export function findTask(data: Pick<Data, "tasks">, n: number): Task | undefined {
  return data.tasks.list.find((t) => t.n === n);
}

/** The "done" report the organizers accepted, if any (the latest acceptance). */
export function acceptedReport(task: Task): TaskReport | undefined {
  const accepted = task.decisions.filter((d) => d.decision === "accepted").at(-1);
  return accepted ? task.reports.find((r) => r.n === accepted.report) : undefined;
}

/** The "done" report waiting for a decision: the latest report, if it is a "done" one nobody decided on. */
export function pendingDone(task: Task): TaskReport | undefined {
  const last = task.reports.filter((r) => r.kind === "done").at(-1);
  if (!last || task.decisions.some((d) => d.report === last.n)) return undefined;
  return last;
}

/** The latest decision that returned a "done" report, while the task is not complete. */
export function lastReturn(task: Task): TaskDecision | undefined {
  if (acceptedReport(task)) return undefined;
  const last = task.decisions.at(-1);
  return last?.decision === "returned" ? last : undefined;
}

/**
 * The state of a task at `now`. Done: a "done" report was accepted; it counts as done on the day the
 * unit reported it (not the day the organizers got to it), on time when that day is not after the
 * deadline. Not done: overdue once the deadline's day is over.
 */
export function taskState(task: Task, now: Date): TaskState {
  const done = acceptedReport(task);
  if (done) return localDay(done.at) <= task.deadline ? "done_on_time" : "done_late";
  return localDay(now) > task.deadline ? "open_overdue" : "open_on_time";
}

export function isOpen(task: Task): boolean {
  return !acceptedReport(task);
}

// ---- Assigning ----

/** A new task's values, cleaned; refuses what cannot be a task (one sentence). */
export function checkNewTask(conference: ConferenceService, input: NewTask, now: Date): NewTask {
  const content = writable(input.content).trim();
  if (!content) throw new BadArguments("task-no-content");
  if (content.length > MAX_TASK_TEXT) throw new BadArguments("task-too-long", { max: MAX_TASK_TEXT });
  if (!conference.unit(input.unitId)) throw new UserError("unit-unknown", { query: input.unitId });
  const criterion = input.criterion?.trim();
  if (criterion && !isCriterionCode(criterion)) throw new BadArguments("task-bad-criterion", { code: criterion });
  if (input.deadline < localDay(now)) throw new BadArguments("task-deadline-past", { day: dayText(input.deadline) });
  const supporting = (input.supporting ?? []).filter((id) => id !== input.unitId);
  for (const id of supporting) if (!conference.unit(id)) throw new UserError("unit-unknown", { query: id });
  const expected = input.expected ? writable(input.expected).trim().slice(0, MAX_TASK_TEXT) : "";
  return {
    unitId: input.unitId,
    ...(supporting.length > 0 && { supporting: [...new Set(supporting)] }),
    content,
    ...(criterion && { criterion }),
    deadline: input.deadline,
    ...(expected && { expected }),
    reportEvery: input.reportEvery,
  };
}

/** The same task already assigned: the same unit and the same content (folded). */
function sameTask(list: Task[], t: NewTask): boolean {
  const content = fold(t.content);
  return list.some((x) => x.unitId === t.unitId && fold(x.content) === content);
}

/**
 * Assigns tasks in one write, numbered after the last. `skipDuplicates`: a task the unit already has
 * (same content) is left out rather than added twice (a sheet imported again).
 */
export async function assignTasks(
  store: Store,
  conference: ConferenceService,
  input: { tasks: NewTask[]; by: AccountKey; now: Date; source: Task["source"]; skipDuplicates?: boolean; closesPreview?: string },
  change: StepChange = {},
): Promise<Task[]> {
  const checked = input.tasks.map((t) => checkNewTask(conference, t, input.now));
  if (checked.length === 0) throw new BadArguments("task-none");
  return store.mutate((d) => {
    if (input.closesPreview !== undefined) {
      if (!d.tasks.previews?.some((p) => p.id === input.closesPreview && p.by === input.by)) throw new UserError("tasks-preview-gone");
      d.tasks.previews = (d.tasks.previews ?? []).filter((p) => p.id !== input.closesPreview);
    }
    const baseYear = d.scores.current?.year;
    let next = d.tasks.list.reduce((max, t) => Math.max(max, t.n), 0);
    const added: Task[] = [];
    for (const t of checked) {
      if (input.skipDuplicates && sameTask(d.tasks.list, t)) continue;
      const task: Task = { n: ++next, ...t, ...(baseYear && { baseYear }), assignedBy: input.by, assignedAt: input.now.toISOString(), source: input.source, reports: [], decisions: [] };
      d.tasks.list.push(task);
      added.push(task);
    }
    applyStepChange(d, input.by, change, input.now);
    return added;
  });
}

// ---- Reporting ----

/** The task `n` of unit `unitId`, or the sentence that says there is none. */
export function requireUnitTask(data: Pick<Data, "tasks">, n: number, unitId: string | undefined): Task {
  const task = findTask(data, n);
  if (!task || (unitId !== undefined && task.unitId !== unitId)) throw new UserError("task-unknown", { n });
  return task;
}

export interface ReportInput {
  n: number;
  unitId: string;
  kind: TaskReport["kind"];
  text?: string;
  files?: StoredFileRef[];
  by: AccountKey;
  now: Date;
}

/**
 * Records a unit's report. Rules: the task is the unit's and not complete; a report says something
 * (text or evidence); a second "done" while one waits for the organizers is refused.
 */
export async function reportTask(store: Store, input: ReportInput, change: StepChange = {}): Promise<{ task: Task; report: TaskReport }> {
  const text = input.text ? writable(input.text).trim() : "";
  if (text.length > MAX_TASK_TEXT) throw new BadArguments("task-too-long", { max: MAX_TASK_TEXT });
  if (!text && !input.files?.length && input.kind === "progress") throw new BadArguments("task-report-empty");
  return store.mutate((d) => {
    const task = requireUnitTask(d, input.n, input.unitId);
    if (acceptedReport(task)) throw new UserError("task-already-done", { n: task.n });
    if (input.kind === "done" && pendingDone(task)) throw new UserError("task-done-pending", { n: task.n });
    const report: TaskReport = { n: task.reports.length + 1, kind: input.kind, ...(text && { text }), ...(input.files?.length && { files: input.files }), by: input.by, at: input.now.toISOString() };
    task.reports.push(report);
    applyStepChange(d, input.by, change, input.now);
    return { task: structuredClone(task), report };
  });
}

export interface DecisionInput {
  n: number;
  /** The "done" report the organizer read: refused when it is no longer the one waiting. */
  report: number;
  decision: TaskDecision["decision"];
  note?: string;
  by: AccountKey;
  now: Date;
}

/** Accepts a "done" report or returns it with a note. Rules: it is the report waiting; a return says why. */
export async function decideTask(store: Store, input: DecisionInput, change: StepChange = {}): Promise<{ task: Task; decision: TaskDecision }> {
  const note = input.note ? writable(input.note).trim() : "";
  if (input.decision === "returned" && !note) throw new BadArguments("task-return-no-note");
  if (note.length > MAX_TASK_TEXT) throw new BadArguments("task-too-long", { max: MAX_TASK_TEXT });
  return store.mutate((d) => {
    const task = requireUnitTask(d, input.n, undefined);
    const waiting = pendingDone(task);
    if (!waiting) throw new UserError(acceptedReport(task) ? "task-already-done" : "task-nothing-to-decide", { n: task.n });
    if (waiting.n !== input.report) throw new UserError("task-decision-stale", { n: task.n });
    const decision: TaskDecision = { report: waiting.n, decision: input.decision, ...(note && { note }), by: input.by, at: input.now.toISOString() };
    task.decisions.push(decision);
    applyStepChange(d, input.by, change, input.now);
    return { task: structuredClone(task), decision };
  });
}

// ---- Previews of a sheet ----

/** Stores a preview; one open per organizer and interface (a new one replaces the same organizer's earlier one). */
export async function storeTaskPreview(store: Store, preview: TaskPreview): Promise<TaskPreview> {
  return store.mutate((d) => {
    d.tasks.previews = [...(d.tasks.previews ?? []).filter((p) => p.by !== preview.by || p.via !== preview.via), preview];
    return preview;
  });
}

export function taskPreviewOf(data: Pick<Data, "tasks">, by: AccountKey, id: string): TaskPreview | undefined {
  return data.tasks.previews?.find((p) => p.id === id && p.by === by);
}

export async function dropTaskPreview(store: Store, by: AccountKey, id: string): Promise<void> {
  await store.mutate((d) => {
    if (!taskPreviewOf(d, by, id)) throw new UserError("tasks-preview-gone");
    d.tasks.previews = (d.tasks.previews ?? []).filter((p) => p.id !== id);
  });
}

/** The tasks of a preview that are new (a task the unit already has is left out). */
export function newInPreview(data: Pick<Data, "tasks">, tasks: NewTask[]): NewTask[] {
  return tasks.filter((t) => !sameTask(data.tasks.list, t));
}

// ---- Reminders and the monthly digest (sent by src/outbox/task-reminders.ts) ----

/** Days before a deadline a unit is reminded, by default. */
export const DEFAULT_BEFORE_DAYS: readonly number[] = [7, 1];
/** Reminders and digests go from this local hour on (not at midnight). */
export const REMINDER_HOUR = 8;

export interface DueReminder {
  n: number;
  /** "before:7", "overdue:0" (the first week after the deadline), "report:2" (the second period's report). */
  key: string;
  kind: "before" | "overdue" | "report";
  /** Before: the days left; overdue: the days past. */
  days: number;
  /** Keys that go with it as sent (earlier reminders this one stands for). */
  covers: string[];
}

const PERIOD_DAYS = { weekly: 7, monthly: 30 } as const;

/** The reminder a task is owed today, if any (at most one a day per task). */
function dueFor(task: Task, today: string, beforeDays: readonly number[]): DueReminder | undefined {
  const sent = new Set(task.reminded ?? []);
  const assigned = localDay(task.assignedAt);
  const left = daysBetween(today, task.deadline);
  if (left < 0) {
    const key = `overdue:${Math.floor((-left - 1) / 7)}`;
    return sent.has(key) ? undefined : { n: task.n, key, kind: "overdue", days: -left, covers: [] };
  }
  // Before the deadline: the nearest offset reached, unless it was reached the day of assignment or before.
  const reached = [...beforeDays].filter((d) => left <= d && addDays(task.deadline, -d) > assigned).sort((a, b) => a - b);
  const nearest = reached[0];
  if (nearest !== undefined && !sent.has(`before:${nearest}`)) {
    return { n: task.n, key: `before:${nearest}`, kind: "before", days: left, covers: reached.slice(1).map((d) => `before:${d}`) };
  }
  if (task.reportEvery === "none" || nearest !== undefined) return undefined;
  // A periodic report: once a period passed without one.
  const every = PERIOD_DAYS[task.reportEvery];
  const period = Math.floor(daysBetween(assigned, today) / every);
  const since = addDays(assigned, period * every);
  const reported = task.reports.some((r) => localDay(r.at) >= since);
  const key = `report:${period}`;
  return period >= 1 && !reported && !sent.has(key) ? { n: task.n, key, kind: "report", days: left, covers: [] } : undefined;
}

/** The reminders due at `now`: open tasks whose unit has not just reported them done. */
export function dueTaskReminders(data: Pick<Data, "tasks">, now: Date, beforeDays: readonly number[] = DEFAULT_BEFORE_DAYS): DueReminder[] {
  if (local(now).hour() < REMINDER_HOUR) return [];
  const today = localDay(now);
  return data.tasks.list.flatMap((t) => (isOpen(t) && !pendingDone(t) ? (dueFor(t, today, beforeDays) ?? []) : []));
}

/** Marks reminders as sent (before sending them: a reminder is never sent twice, even after a crash). */
export async function markReminded(store: Store, due: DueReminder[]): Promise<void> {
  if (due.length === 0) return;
  await store.mutate((d) => {
    for (const r of due) {
      const task = findTask(d, r.n);
      if (task) task.reminded = [...new Set([...(task.reminded ?? []), r.key, ...r.covers])];
    }
  });
}

/** The month ("2027-07") whose digest is due at `now`: from the first day of a month, 08:00, once, when there are tasks. */
export function digestDue(data: Pick<Data, "tasks">, now: Date): string | undefined {
  const l = local(now);
  if (data.tasks.list.length === 0 || l.hour() < REMINDER_HOUR) return undefined;
  const month = l.format("YYYY-MM");
  // The first digest is of the month after the first task: no digest on the day tasks are assigned.
  const first = local(data.tasks.list[0]?.assignedAt ?? now).format("YYYY-MM");
  if (month <= first || data.tasks.digests?.includes(month)) return undefined;
  return month;
}

export async function markDigest(store: Store, month: string): Promise<void> {
  await store.mutate((d) => {
    d.tasks.digests = [...new Set([...(d.tasks.digests ?? []), month])];
  });
}
