// "Bảng theo dõi nhiệm vụ": the tracking sheet of the tasks assigned after the conference, written from
// its view (src/views/tasks.ts trackingSheetView) as an .xlsx to print: A4 landscape, Times New Roman,
// borders, the header repeated on every page; the criterion's change once a later table exists.
// One writer for `hoinghi tasks` and the desk's download.
import type ExcelJS from "exceljs";
import type { Translate } from "../lib/i18n.js";
import { clip, writable } from "../lib/text.js";
import { formatDate, local } from "../lib/time.js";
import { renderMessage } from "../messages/render.js";
import { changeMessage, type TaskView, type TrackingSheetView } from "../views/tasks.js";

export const TASKS_SHEET_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The header row (under the title block) and the row of column numbers under it. */
export const TASKS_HEADER_ROW = 6;

const FONT = "Times New Roman";
const COLUMNS: Array<{ key: string; width: number }> = [
  { key: "task-sheet-col-no", width: 6 },
  { key: "task-sheet-col-unit", width: 20 },
  { key: "task-sheet-col-content", width: 44 },
  { key: "task-sheet-col-criterion", width: 15 },
  { key: "task-sheet-col-deadline", width: 12 },
  { key: "task-sheet-col-result", width: 40 },
  { key: "task-sheet-col-state", width: 17 },
  { key: "task-sheet-col-change", width: 19 },
];

/** "hoinghi-phong-tho-2023-nhiem-vu-20270801.xlsx" */
export function tasksSheetName(conferenceId: string, now: Date): string {
  return `hoinghi-${conferenceId}-nhiem-vu-${local(now).format("YYYYMMDD")}.xlsx`;
}

/** The cells of one task, in the columns' order. */
function rowOf(t: Translate, v: TaskView, i: number): string[] {
  const unit = v.supporting.length > 0 ? `${v.unit}\n${t("task-sheet-supporting", { units: v.supporting.join(", ") })}` : v.unit;
  const score = v.criterionScore;
  const criterion = v.criterion ? (score ? t("task-sheet-criterion-score", { code: v.criterion, year: String(score.year), final: score.final, max: score.max }) : v.criterion) : "";
  const last = v.reports.at(-1);
  const result = [
    v.expected ? t("task-sheet-expected", { expected: v.expected }) : "",
    last ? t("task-sheet-last-report", { time: formatDate(t, last.at), text: last.text ?? "none", files: last.files?.length ?? 0 }) : "",
    v.returned ? t("task-sheet-returned", { note: v.returned.note }) : "",
  ].filter(Boolean);
  const state = renderMessage(t, { key: `task-state-${v.state}` }) + (v.pending ? `\n${t("task-sheet-pending")}` : "");
  return [String(i + 1), unit, v.content, criterion, v.deadlineText, result.join("\n"), state, v.change ? renderMessage(t, changeMessage(v.change)) : ""].map((c) => clip(writable(c), 32_000));
}

/** Borders on every side, Times New Roman, wrapped, top-aligned. */
function box(cell: ExcelJS.Cell, font: Partial<ExcelJS.Font> = {}): void {
  const thin = { style: "thin" as const };
  cell.border = { top: thin, left: thin, bottom: thin, right: thin };
  cell.font = { name: FONT, size: 11, ...font };
  cell.alignment = { wrapText: true, vertical: "top", ...(font.bold ? { horizontal: "center", vertical: "middle" } : {}) };
}

function titleBlock(ws: ExcelJS.Worksheet, t: Translate, view: TrackingSheetView): void {
  const last = COLUMNS.length;
  const line = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = writable(text);
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  };
  line(1, view.conference.body.toLocaleUpperCase("vi"), { bold: true });
  line(2, t("task-sheet-title"), { bold: true, size: 14 });
  line(3, view.conference.title, { italic: true });
  line(4, t("task-sheet-as-of", { date: formatDate(t, view.madeAt) }), { italic: true });
  ws.getRow(3).height = 32;
}

/** The summary under the table: the counts per state (the four of QĐ 42/2014). */
function summary(ws: ExcelJS.Worksheet, t: Translate, view: TrackingSheetView): void {
  const c = view.counts.byState;
  const row = ws.rowCount + 2;
  ws.mergeCells(row, 1, row, COLUMNS.length);
  const cell = ws.getCell(row, 1);
  cell.value = t("task-counts", { ...c, total: view.counts.total });
  cell.font = { name: FONT, size: 12, bold: true };
  cell.alignment = { wrapText: true };
  ws.getRow(row).height = 32;
}

/** The tracking sheet as .xlsx bytes. */
export async function buildTasksSheet(view: TrackingSheetView, t: Translate): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = view.conference.body;
  wb.title = t("task-sheet-title");
  const ws = wb.addWorksheet(clip(t("task-sheet-name"), 31), { views: [{ state: "frozen", ySplit: TASKS_HEADER_ROW + 1 }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  titleBlock(ws, t, view);
  const header = ws.getRow(TASKS_HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = t(c.key);
    box(header.getCell(i + 1), { bold: true });
    const n = ws.getRow(TASKS_HEADER_ROW + 1).getCell(i + 1);
    n.value = `(${i + 1})`;
    box(n, { italic: true, bold: false });
    n.alignment = { horizontal: "center" };
  });
  header.height = 36;
  view.rows.forEach((v, i) => {
    const row = ws.addRow(rowOf(t, v, i));
    row.eachCell({ includeEmpty: true }, (cell) => box(cell));
    row.getCell(1).alignment = { horizontal: "center", vertical: "top" };
  });
  summary(ws, t, view);
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${TASKS_HEADER_ROW}:${TASKS_HEADER_ROW + 1}`,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&R${t("export-page", { page: "&P", pages: "&N" })}` };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
