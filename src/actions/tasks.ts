// What people do with tasks, from the chat (/nhiemvu), the desk or the command line: organizers
// assign (one or several, typed or from a sheet's preview), accept or return a "done" report; a
// unit reports progress or completion. Each returns its result and whom to tell what.
import type { AccountKey, NewTask, StoredFileRef, Task, TaskDecision, TaskPreview, TaskReport } from "../../storage/schema.js";
import { organizerAccounts } from "../domain/identity.js";
import type { StepChange } from "../domain/sessions.js";
import { assignTasks, decideTask, dropTaskPreview, reportTask, storeTaskPreview, taskPreviewOf } from "../domain/tasks.js";
import { UserError } from "../domain/errors.js";
import { accountsOfUnit } from "../domain/units.js";
import { msg } from "../messages/render.js";
import type { Done, Notification, Services } from "../messages/types.js";
import { assignedMessage, type TaskPreviewView, taskPreviewView, taskView } from "../views/tasks.js";
import type { Actor } from "./actor.js";
import { classifyEvidence, MAX_EVIDENCE_BYTES } from "../domain/task-files.js";
import { requireUnitTask } from "../domain/tasks.js";
import { keepingUploads, MAX_UPLOAD_PAGES, type UploadedFile } from "./speeches.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger">;

const unitKeys = (services: Pick<Services, "store">, unitId: string) => accountsOfUnit(services.store.data, unitId).map((a) => a.key);

/** Each new task told to its unit, and to its supporting units, with "Đã nhận". */
function assignedNotifications(services: Deps, actor: AccountKey, tasks: Task[]): Notification[] {
  const now = services.clock.now();
  return tasks.flatMap((task) => {
    const to = [...new Set([task.unitId, ...(task.supporting ?? [])].flatMap((id) => unitKeys(services, id)))];
    if (to.length === 0) return [];
    return [{ to, message: assignedMessage(taskView(services.store.data, services.conference, task, now)), options: { kind: "task" as const, createdBy: actor, ackable: true } }];
  });
}

/** Assigns tasks (one or several); each unit is told of its new ones. */
export async function assignTasksAction(
  services: Deps,
  actor: AccountKey,
  input: { tasks: NewTask[]; source: NonNullable<Task["source"]> },
  change: StepChange = {},
): Promise<Done<Task[]>> {
  const added = await assignTasks(services.store, services.conference, { tasks: input.tasks, by: actor, now: services.clock.now(), source: input.source }, change);
  services.logger.info({ by: actor, tasks: added.map((t) => t.n), source: input.source }, "tasks assigned");
  return { result: added, notifications: assignedNotifications(services, actor, added) };
}

export interface ReportTaskInput {
  n: number;
  kind: TaskReport["kind"];
  text?: string;
  files?: StoredFileRef[];
}

/** A unit reports on its task; a "done" report is told to the organizers, who decide on it. */
export async function reportTaskAction(
  services: Deps & Pick<Services, "config">,
  actor: Actor,
  input: ReportTaskInput,
  change: StepChange = {},
): Promise<Done<{ task: Task; report: TaskReport }>> {
  if (!actor.unitId) throw new UserError("task-no-unit");
  const result = await reportTask(services.store, { ...input, unitId: actor.unitId, by: actor.key, now: services.clock.now() }, change);
  services.logger.info({ task: input.n, kind: input.kind, files: input.files?.length ?? 0, by: actor.key }, "task report saved");
  if (input.kind !== "done") return { result, notifications: [] };
  const to = organizerAccounts(services.store.data, services.config.organizerIds)
    .map((a) => a.key)
    .filter((k) => k !== actor.key);
  const view = taskView(services.store.data, services.conference, result.task, services.clock.now());
  const message = msg("task-done-reported", { n: view.n, unit: view.unitAddress, content: view.content, text: input.text ?? "none", files: input.files?.length ?? 0 });
  return { result, notifications: to.length > 0 ? [{ to, message, options: { kind: "task", createdBy: actor.key } }] : [] };
}

/**
 * Evidence files handed in for a task through the personal upload page (Zalo): kept, then recorded
 * as a progress report with them, as a photo sent with /nhiemvu is. Refused before anything is kept:
 * no file, too many, a type evidence may not be, an empty or too large file, a task not the unit's
 * or already complete.
 */
export async function submitTaskEvidenceAction(
  services: Deps & Pick<Services, "config">,
  actor: Actor,
  input: { n: number; files: UploadedFile[]; text?: string },
): Promise<Done<{ task: Task; report: TaskReport }>> {
  if (!actor.unitId) throw new UserError("task-no-unit");
  if (input.files.length === 0) throw new UserError("upload-no-file");
  if (input.files.length > MAX_UPLOAD_PAGES) throw new UserError("upload-too-many-pages", { max: MAX_UPLOAD_PAGES });
  const kinds = input.files.map((f) => classifyEvidence(f));
  for (const f of input.files) {
    if (f.data.length === 0 || f.data.length > MAX_EVIDENCE_BYTES) throw new UserError("task-file-too-large", { mb: MAX_EVIDENCE_BYTES / 1_000_000 });
  }
  const task = requireUnitTask(services.store.data, input.n, actor.unitId);
  const naming = { stem: `task${task.n}-${actor.unitId}`, name: `minh-chung-${task.n}` };
  return keepingUploads(services.store.dir, input.files, kinds, naming, (files) =>
    reportTaskAction(services, actor, { n: task.n, kind: "progress", files, ...(input.text && { text: input.text }) }),
  );
}

export interface DecideTaskInput {
  n: number;
  /** The "done" report the organizer read. */
  report: number;
  decision: TaskDecision["decision"];
  note?: string;
}

/** Accepts a "done" report, or returns it with a note; the unit is told either way. */
export async function decideTaskAction(services: Deps, actor: AccountKey, input: DecideTaskInput, change: StepChange = {}): Promise<Done<{ task: Task; decision: TaskDecision }>> {
  const result = await decideTask(services.store, { ...input, by: actor, now: services.clock.now() }, change);
  services.logger.info({ task: input.n, decision: input.decision, by: actor }, "task report decided");
  const view = taskView(services.store.data, services.conference, result.task, services.clock.now());
  const message =
    input.decision === "accepted"
      ? msg("task-accepted-notice", { n: view.n, unit: view.unitAddress, content: view.content, state: msg(`task-state-${view.state}`) })
      : msg("task-returned-notice", { n: view.n, unit: view.unitAddress, content: view.content, note: result.decision.note ?? "" });
  const to = unitKeys(services, result.task.unitId);
  return { result, notifications: to.length > 0 ? [{ to, message, options: { kind: "task", createdBy: actor } }] : [] };
}

// ---- A sheet: previewed, then confirmed (by its id) or cancelled ----

/** Stores the tasks read from a sheet as a preview with its own id; assigns nothing. */
export async function previewTasksAction(services: Deps, actor: AccountKey, input: { tasks: NewTask[]; via: TaskPreview["via"]; source: string }): Promise<Done<TaskPreviewView>> {
  const preview = await storeTaskPreview(services.store, { id: crypto.randomUUID(), by: actor, via: input.via, source: input.source, tasks: input.tasks, at: services.clock.now().toISOString() });
  services.logger.info({ by: actor, via: input.via, tasks: input.tasks.length }, "task sheet previewed");
  return { result: taskPreviewView(services.store.data, services.conference, preview), notifications: [] };
}

/** Assigns the new tasks of preview `previewId` (those a unit already has are left out) and closes it, in one write. */
export async function confirmTasksAction(services: Deps, actor: AccountKey, input: { previewId: string }): Promise<Done<Task[]>> {
  const preview = taskPreviewOf(services.store.data, actor, input.previewId);
  if (!preview) throw new UserError("tasks-preview-gone");
  const added = await assignTasks(services.store, services.conference, {
    tasks: preview.tasks,
    by: actor,
    now: services.clock.now(),
    source: "sheet",
    skipDuplicates: true,
    closesPreview: preview.id,
  });
  services.logger.info({ by: actor, tasks: added.length, of: preview.tasks.length }, "task sheet imported");
  return { result: added, notifications: assignedNotifications(services, actor, added) };
}

export async function cancelTasksAction(services: Deps, actor: AccountKey, input: { previewId: string }): Promise<Done<null>> {
  await dropTaskPreview(services.store, actor, input.previewId);
  return { result: null, notifications: [] };
}
