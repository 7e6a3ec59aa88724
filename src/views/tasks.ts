// What a person reads of the tasks: one task, a unit's tasks (/nhiemvu, the desk), the counts per
// state and per unit (/baocao, the desk's overview, the monthly digest), the overdue ones, a preview
// of a sheet and the tracking sheet's rows. Typed data only: chat, desk and documents render it.
import type { Data, NewTask, Task, TaskPreview, TaskReport } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { daysBetween, dayText, lastReturn, newInPreview, pendingDone, TASK_STATES, type TaskState, taskState } from "../domain/tasks.js";
import { unitAddressById, unitNameById } from "../domain/units.js";
import { localDay } from "../lib/time.js";
import { msg } from "../messages/render.js";
import type { Message } from "../messages/types.js";
import { linesMessage } from "./scores.js";
import { type CriterionChange, type CriterionScore, criterionChange, criterionScore } from "./task-criteria.js";

export interface TaskView {
  n: number;
  unitId: string;
  /** Short name ("Mường So"). */
  unit: string;
  /** Addressed name ("UBND xã Mường So"). */
  unitAddress: string;
  supporting: string[];
  content: string;
  criterion?: string;
  /** The criterion's score when the task was given (the table of its base year). */
  criterionScore?: CriterionScore;
  /** Its score in a later table, once one exists (the loop closes next year). */
  change?: CriterionChange;
  /** "YYYY-MM-DD" and "30/6/2027". */
  deadline: string;
  deadlineText: string;
  /** Days from today to the deadline (negative: past). */
  daysLeft: number;
  expected?: string;
  reportEvery: Task["reportEvery"];
  state: TaskState;
  /** A "done" report waiting for the organizers. */
  pending?: TaskReport;
  /** The organizers' last return of a "done" report, while the task is not complete. */
  returned?: { note: string; at: string };
  reports: TaskReport[];
  assignedAt: string;
}

export function taskView(data: Pick<Data, "scores">, conference: ConferenceService, task: Task, now: Date): TaskView {
  const score = task.criterion ? criterionScore(data, task.unitId, task.criterion, task.baseYear) : undefined;
  const change = criterionChange(data, task.unitId, task.criterion, task.baseYear);
  const pending = pendingDone(task);
  const ret = lastReturn(task);
  return {
    n: task.n,
    unitId: task.unitId,
    unit: unitNameById(conference, task.unitId),
    unitAddress: unitAddressById(conference, task.unitId),
    supporting: (task.supporting ?? []).map((id) => unitNameById(conference, id)),
    content: task.content,
    ...(task.criterion && { criterion: task.criterion }),
    ...(score && { criterionScore: score }),
    ...(change && { change }),
    deadline: task.deadline,
    deadlineText: dayText(task.deadline),
    daysLeft: daysBetween(localDay(now), task.deadline),
    ...(task.expected && { expected: task.expected }),
    reportEvery: task.reportEvery,
    state: taskState(task, now),
    ...(pending && { pending }),
    ...(ret && { returned: { note: ret.note ?? "", at: ret.at } }),
    reports: task.reports,
    assignedAt: task.assignedAt,
  };
}

export interface TaskFilter {
  unitId?: string;
  state?: TaskState;
}

/** The tasks, filtered, by deadline (earliest first), then number. */
export function tasksView(data: Pick<Data, "tasks" | "scores">, conference: ConferenceService, now: Date, filter: TaskFilter = {}): TaskView[] {
  return data.tasks.list
    .filter((t) => !filter.unitId || t.unitId === filter.unitId)
    .map((t) => taskView(data, conference, t, now))
    .filter((v) => !filter.state || v.state === filter.state)
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.n - b.n);
}

export type StateCounts = Record<TaskState, number>;

const noCounts = (): StateCounts => ({ done_on_time: 0, done_late: 0, open_on_time: 0, open_overdue: 0 });

export interface TaskCountsView {
  total: number;
  byState: StateCounts;
  /** Each unit with tasks, in the conference's order. */
  units: Array<{ unitId: string; unit: string; total: number; byState: StateCounts }>;
  overdue: TaskView[];
  /** "Done" reports waiting for the organizers. */
  awaiting: TaskView[];
}

/** The counts per state and per unit, the overdue tasks and those waiting for a decision. */
export function taskCountsView(data: Pick<Data, "tasks" | "scores">, conference: ConferenceService, now: Date): TaskCountsView {
  const all = tasksView(data, conference, now);
  const byState = noCounts();
  const perUnit = new Map<string, StateCounts>();
  for (const v of all) {
    byState[v.state] += 1;
    const c = perUnit.get(v.unitId) ?? noCounts();
    c[v.state] += 1;
    perUnit.set(v.unitId, c);
  }
  const order = conference.units().map((u) => u.id);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const units = [...perUnit.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([unitId, counts]) => ({ unitId, unit: unitNameById(conference, unitId), total: TASK_STATES.reduce((s, st) => s + counts[st], 0), byState: counts }));
  return { total: all.length, byState, units, overdue: all.filter((v) => v.state === "open_overdue"), awaiting: all.filter((v) => v.pending) };
}

/** How many of a conference's tasks are still open (not reported done and accepted): what closing the conference would stop. */
export function openTaskCount(data: Pick<Data, "tasks" | "scores">, conference: ConferenceService, now: Date): number {
  const { byState } = taskCountsView(data, conference, now);
  return byState.open_on_time + byState.open_overdue;
}

// ---- Messages (rendered by the chat, the outbox and the desk in each reader's language) ----

/** "Tiêu chí 3.2: 1,5 → 2,25/3" (the values as numbers: each language writes its decimal mark). */
export function changeMessage(change: CriterionChange): Message {
  return msg("task-criterion-change", { code: change.code, before: change.before.final, after: change.after.final, max: change.after.max });
}

/** The state in words ("chưa hoàn thành (quá hạn)"). */
export function stateMessage(state: TaskState): Message {
  return msg(`task-state-${state}`);
}

/** A task as one line of a list: "Số 3 — nội dung — tiêu chí 3.2 — hạn 30/6/2027 — trạng thái". */
export function taskLineMessage(v: TaskView): Message {
  return msg("task-line", {
    n: v.n,
    unit: v.unit,
    content: v.content,
    criterion: v.criterion ?? "none",
    deadline: v.deadlineText,
    state: stateMessage(v.state),
    pending: v.pending ? "yes" : "no",
  });
}

/** What a unit is told of a new task. */
export function assignedMessage(v: TaskView): Message {
  return msg("task-assigned-notice", {
    n: v.n,
    unit: v.unitAddress,
    content: v.content,
    criterion: v.criterion ?? "none",
    deadline: v.deadlineText,
    expected: v.expected ?? "none",
    every: msg(`task-every-${v.reportEvery}`),
  });
}

// ---- A sheet's preview ----

export interface TaskPreviewView {
  id: string;
  source: string;
  rows: Array<NewTask & { unit: string; deadlineText: string; duplicate: boolean }>;
  /** How many the confirmation adds (the others the units already have). */
  adds: number;
}

export function taskPreviewView(data: Pick<Data, "tasks">, conference: ConferenceService, preview: TaskPreview): TaskPreviewView {
  const fresh = new Set(newInPreview(data, preview.tasks));
  const rows = preview.tasks.map((t) => ({ ...t, unit: unitNameById(conference, t.unitId), deadlineText: dayText(t.deadline), duplicate: !fresh.has(t) }));
  return { id: preview.id, source: preview.source, rows, adds: fresh.size };
}

// ---- The tracking sheet ("Bảng theo dõi nhiệm vụ") ----

export interface TrackingSheetView {
  conference: { title: string; shortTitle?: string; body: string };
  madeAt: string;
  rows: TaskView[];
  counts: TaskCountsView;
}

export function trackingSheetView(data: Pick<Data, "tasks" | "scores">, conference: ConferenceService, now: Date, filter: TaskFilter = {}): TrackingSheetView {
  const conf = conference.conf;
  const rows = tasksView(data, conference, now, filter);
  const order = conference.units().map((u) => u.id);
  rows.sort((a, b) => order.indexOf(a.unitId) - order.indexOf(b.unitId) || a.deadline.localeCompare(b.deadline) || a.n - b.n);
  return {
    conference: { title: conf.title, ...(conf.short_title && { shortTitle: conf.short_title }), body: conf.body },
    madeAt: now.toISOString(),
    rows,
    counts: taskCountsView(data, conference, now),
  };
}

// ---- Reminders and the monthly digest ----

/** A unit's reminder of one task: before the deadline, overdue, or a periodic report owed. */
export function reminderMessage(v: TaskView, kind: "before" | "overdue" | "report", days: number): Message {
  const args = { n: v.n, unit: v.unitAddress, content: v.content, deadline: v.deadlineText, days };
  if (kind === "report") return msg("task-reminder-report", { ...args, every: msg(`task-every-${v.reportEvery}`) });
  return msg(`task-reminder-${kind}`, args);
}

/** The organizers' monthly digest: counts per state and per unit, the overdue tasks by name. */
export function digestMessage(counts: TaskCountsView, month: string): Message {
  const state = (c: StateCounts) => msg("task-counts", { ...c, total: TASK_STATES.reduce((s, st) => s + c[st], 0) });
  const lines: Array<Message | string> = [msg("task-digest-title", { month: `${month.slice(5)}/${month.slice(0, 4)}` }), state(counts.byState), msg("task-digest-units")];
  for (const u of counts.units) lines.push(msg("task-digest-unit", { unit: u.unit, counts: state(u.byState) }));
  if (counts.overdue.length > 0) {
    lines.push(msg("task-digest-overdue", { count: counts.overdue.length }));
    for (const v of counts.overdue) lines.push(msg("task-digest-overdue-line", { n: v.n, unit: v.unit, content: v.content, deadline: v.deadlineText, days: -v.daysLeft }));
  }
  if (counts.awaiting.length > 0) lines.push(msg("task-digest-awaiting", { count: counts.awaiting.length }));
  return linesMessage(lines);
}
