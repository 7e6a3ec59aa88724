// A sheet of tasks (.xlsx or .csv) read row by row, as the score import reads its table: each bad
// row named with its reason, nothing assigned while one is bad; and the template to fill.
import type { ConferenceService } from "../conference/service.js";
import { isCriterionCode, parseDeadline } from "../domain/tasks.js";
import { localDay } from "../lib/time.js";
import { fold } from "../lib/text.js";
import { readSheet, SheetError, type SheetKind } from "../scores/sheet.js";
import type { NewTask, TaskReportEvery } from "../../storage/schema.js";

/** One reason a row (or the file) cannot be read; `line` 0: the file itself. */
export interface TaskSheetProblem {
  line: number;
  key: string;
  args: Record<string, string | number>;
}

export class TaskSheetRefused extends Error {
  constructor(readonly problems: TaskSheetProblem[]) {
    super(`task sheet refused: ${problems.length} problems`);
    this.name = "TaskSheetRefused";
  }
}

type Column = "unit" | "supporting" | "content" | "criterion" | "deadline" | "expected" | "every";

/** Which column a header names (folded), in the order they are tried. */
const HEADERS: Array<[Column, RegExp]> = [
  ["supporting", /phoi hop|supporting/],
  ["unit", /don vi|unit/],
  ["content", /noi dung|nhiem vu|giai phap|task/],
  ["criterion", /tieu chi|criterion/],
  ["deadline", /^han|thoi han|deadline/],
  ["expected", /ket qua|minh chung|san pham|expected|result|evidence/],
  ["every", /bao cao|dinh ky|tan suat|report/],
];

/** The header row and where each column is: the first row naming a unit and a content column. */
function headerOf(rows: Array<{ line: number; cells: string[] }>): { index: number; columns: Partial<Record<Column, number>> } | undefined {
  for (const [index, row] of rows.entries()) {
    const columns: Partial<Record<Column, number>> = {};
    row.cells.forEach((cell, c) => {
      const f = fold(cell);
      const found = HEADERS.find(([col, re]) => columns[col] === undefined && re.test(f));
      if (found) columns[found[0]] = c;
    });
    if (columns.unit !== undefined && columns.content !== undefined && columns.deadline !== undefined) return { index, columns };
  }
  return undefined;
}

const EVERY: Array<[RegExp, TaskReportEvery]> = [
  [/^(|khong|none|-)$/, "none"],
  [/tuan|week/, "weekly"],
  [/thang|month/, "monthly"],
];

/** One row as a task, or its problems. */
function readRow(conference: ConferenceService, cells: string[], columns: Partial<Record<Column, number>>, line: number, now: Date): NewTask | TaskSheetProblem[] {
  const cell = (c: Column) => (columns[c] === undefined ? "" : (cells[columns[c] as number] ?? "").trim());
  const problems: TaskSheetProblem[] = [];
  const problem = (key: string, args: Record<string, string | number> = {}) => problems.push({ line, key, args });
  const unitOf = (name: string) => {
    const found = conference.findUnit(name);
    if (found.unit) return found.unit.id;
    if (found.suggestions.length > 0) problem("task-err-unit-suggest", { unit: name, suggestions: found.suggestions.map((u) => u.name).join(", ") });
    else problem("task-err-unit", { unit: name });
    return undefined;
  };
  if (!cell("unit")) problem("task-err-no-unit");
  const unitId = cell("unit") ? unitOf(cell("unit")) : undefined;
  const supporting = cell("supporting").split(/[,;]/).map((s) => s.trim()).filter(Boolean).map(unitOf);
  const content = cell("content");
  if (!content) problem("task-err-no-content");
  const criterion = fold(cell("criterion")).replace(/^(tieu chi|tc)\s*/, "").trim();
  if (criterion && !isCriterionCode(criterion)) problem("task-err-criterion", { code: criterion });
  const deadline = parseDeadline(cell("deadline"), now);
  if (!deadline) problem("task-err-deadline", { text: cell("deadline") });
  else if (deadline < localDay(now)) problem("task-err-deadline-past", { text: cell("deadline") });
  const every = EVERY.find(([re]) => re.test(fold(cell("every"))))?.[1];
  if (!every) problem("task-err-every", { text: cell("every") });
  if (problems.length > 0 || !unitId || !deadline || !every) return problems;
  const ids = supporting.filter((id): id is string => Boolean(id) && id !== unitId);
  return { unitId, ...(ids.length > 0 && { supporting: ids }), content, ...(criterion && { criterion }), deadline, ...(cell("expected") && { expected: cell("expected") }), reportEvery: every };
}

/** Reads a sheet of tasks; refuses it whole (every bad row named) when any row is bad. */
export async function readTaskFile(conference: ConferenceService, name: string, data: Buffer, now: Date): Promise<NewTask[]> {
  const expect: SheetKind | undefined = /\.xlsx$/i.test(name) ? "xlsx" : /\.csv$/i.test(name) ? "csv" : undefined;
  let rows: Awaited<ReturnType<typeof readSheet>>;
  try {
    rows = await readSheet(data, expect);
  } catch (err) {
    if (err instanceof SheetError) throw new TaskSheetRefused([{ line: 0, key: err.key, args: err.args }]);
    throw err;
  }
  const header = headerOf(rows);
  if (!header) throw new TaskSheetRefused([{ line: 0, key: "task-err-no-header", args: {} }]);
  const tasks: NewTask[] = [];
  const problems: TaskSheetProblem[] = [];
  for (const row of rows.slice(header.index + 1)) {
    // A row with nothing but its number (STT) is a blank line of the template.
    if (row.cells.every((c, i) => c === "" || (i === 0 && /^\d+$/.test(c)))) continue;
    const read = readRow(conference, row.cells, header.columns, row.line, now);
    if (Array.isArray(read)) problems.push(...read);
    else tasks.push(read);
  }
  if (problems.length > 0) throw new TaskSheetRefused(problems);
  if (tasks.length === 0) throw new TaskSheetRefused([{ line: 0, key: "task-err-no-rows", args: {} }]);
  return tasks;
}

/** The header of the template, in the sheet's language (keys of locales/*\/tasks.ftl). */
export const TEMPLATE_COLUMNS = [
  "task-template-col-no",
  "task-template-col-unit",
  "task-template-col-supporting",
  "task-template-col-content",
  "task-template-col-criterion",
  "task-template-col-deadline",
  "task-template-col-expected",
  "task-template-col-every",
] as const;

/** The template: notes, the header, ten numbered blank rows; a second sheet suggests each unit's weakest criteria. */
export async function taskTemplate(
  t: (key: string, args?: Record<string, string | number>) => string,
  suggestions: Array<{ unit: string; criteria: string }>,
): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(t("task-template-sheet"));
  ws.addRow([t("task-template-note-1")]);
  ws.addRow([t("task-template-note-2")]);
  const header = ws.addRow(TEMPLATE_COLUMNS.map((k) => t(k)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle" };
  for (let i = 1; i <= 10; i++) ws.addRow([i]);
  [6, 22, 22, 50, 10, 14, 36, 16].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const hints = wb.addWorksheet(t("task-template-hints-sheet"));
  hints.addRow([t("task-template-hints-unit"), t("task-template-hints-criteria")]).font = { bold: true };
  for (const s of suggestions) hints.addRow([s.unit, s.criteria]);
  hints.getColumn(1).width = 24;
  hints.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
