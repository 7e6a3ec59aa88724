// The words of a sheet of tasks as the command line and the desk show them: a refusal (each bad row
// with its reason) and a preview (what the confirmation will add).
import type { Translate } from "../lib/i18n.js";
import type { TaskPreviewView } from "../views/tasks.js";
import type { TaskSheetRefused } from "./tasks-import.js";

/** At most this many bad rows are listed; the count says how many there are. */
const LISTED = 30;

export function taskRefusalText(t: Translate, file: string, refused: TaskSheetRefused): string {
  const lines = [t("task-import-refused", { file, count: refused.problems.length })];
  for (const p of refused.problems.slice(0, LISTED)) {
    const reason = t(p.key, p.args);
    lines.push(p.line > 0 ? t("task-import-row", { line: p.line, reason }) : `- ${reason}`);
  }
  if (refused.problems.length > LISTED) lines.push(t("task-import-more", { count: refused.problems.length - LISTED }));
  lines.push(t("task-import-refused-footer"));
  return lines.join("\n");
}

export function taskPreviewText(t: Translate, view: TaskPreviewView): string {
  const lines = [t("task-import-preview", { file: view.source, rows: view.rows.length, adds: view.adds })];
  for (const r of view.rows) {
    lines.push(t(r.duplicate ? "task-import-preview-dup" : "task-import-preview-row", { unit: r.unit, content: r.content, criterion: r.criterion ?? "none", deadline: r.deadlineText }));
  }
  return lines.join("\n");
}
