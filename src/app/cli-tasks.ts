// `hoinghi tasks FILE.xlsx` (the tracking sheet), `hoinghi import-tasks FILE.xlsx|csv [--check]` and
// `hoinghi tasks-template FILE.xlsx`: the tasks after the conference from the command line.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { assignTasksAction } from "../actions/tasks.js";
import { buildTasksSheet } from "../documents/tasks-sheet.js";
import { readTaskFile, TaskSheetRefused, taskTemplate } from "../documents/tasks-import.js";
import { taskPreviewText, taskRefusalText } from "../documents/tasks-text.js";
import { newInPreview } from "../domain/tasks.js";
import { unitNameById } from "../domain/units.js";
import { notify } from "../outbox/notify.js";
import { MAX_TABLE_BYTES } from "../scores/sheet.js";
import { weakestCriteria } from "../views/task-criteria.js";
import { taskPreviewView, trackingSheetView } from "../views/tasks.js";
import { CliError, openApp, type SubcommandSpec } from "./cli-core.js";
import { CLI_ACTOR } from "./cli-scores.js";

async function write(file: string, data: Buffer, t: Parameters<SubcommandSpec["run"]>[2]): Promise<void> {
  try {
    await writeFile(path.resolve(file), data);
  } catch (err) {
    throw new CliError(t("export-cli-write-failed", { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}

/** The tracking sheet, written to FILE.xlsx. */
export const tasksSheetSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("cli-missing-file"));
  if (!file.toLowerCase().endsWith(".xlsx")) throw new CliError(t("export-cli-not-xlsx", { file }));
  const app = await openApp(io);
  try {
    const view = trackingSheetView(app.store.data, app.services.conference, app.services.clock.now());
    await write(file, await buildTasksSheet(view, t), t);
    io.out(t("task-cli-sheet-written", { file, count: view.rows.length }));
  } finally {
    await app.close();
  }
  return 0;
};

/** Reads and checks the sheet, prints what it holds; without --check, assigns the new tasks and tells the units. */
export const importTasksSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("cli-missing-file"));
  const size = await stat(file).then((s) => (s.isFile() ? s.size : -1), () => -1);
  if (size < 0) throw new CliError(t("cli-file-not-found", { file }));
  if (size > MAX_TABLE_BYTES) throw new CliError(t("scores-err-too-large", { mb: String(MAX_TABLE_BYTES / 1_000_000) }));
  const name = path.basename(file);
  const data = await readFile(file);
  const app = await openApp(io);
  try {
    const { conference, clock } = app.services;
    const tasks = await readTaskFile(conference, name, data, clock.now()).catch((err: unknown) => {
      throw err instanceof TaskSheetRefused ? new CliError(taskRefusalText(t, name, err)) : err;
    });
    const preview = { id: "cli", by: CLI_ACTOR, via: "desk" as const, source: name, tasks, at: clock.now().toISOString() };
    io.out(taskPreviewText(t, taskPreviewView(app.store.data, conference, preview)));
    if (args.values.check) return 0;
    const fresh = newInPreview(app.store.data, tasks);
    if (fresh.length === 0) {
      io.out(t("task-cli-nothing-new"));
      return 0;
    }
    const done = await assignTasksAction(app.services, CLI_ACTOR, { tasks: fresh, source: "sheet" });
    await notify(app.services, done.notifications);
    io.out(t("task-cli-imported", { count: done.result.length, units: new Set(done.result.map((x) => x.unitId)).size }));
  } finally {
    await app.close();
  }
  return 0;
};

/** The template with a sheet of each commune's weakest criteria (from the current table, if any). */
export const tasksTemplateSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("cli-missing-file"));
  if (!file.toLowerCase().endsWith(".xlsx")) throw new CliError(t("export-cli-not-xlsx", { file }));
  const app = await openApp(io);
  try {
    const { conference } = app.services;
    const suggestions = conference.units().flatMap((u) => {
      const weak = weakestCriteria(app.store.data, u.id);
      return weak.length > 0 ? [{ unit: unitNameById(conference, u.id), criteria: weak.map((c) => `${c.code}. ${c.name} (${c.final}/${c.max})`).join("; ") }] : [];
    });
    await write(file, await taskTemplate(t, suggestions), t);
    io.out(t("task-cli-template-written", { file }));
  } finally {
    await app.close();
  }
  return 0;
};
