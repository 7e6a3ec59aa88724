// The blank table a district fills: scores/template.csv (which ships) with the conference's year and communes filled in, as .csv or .xlsx.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../config/paths.js";
import type { Conference } from "../conference/schema.js";
import { foldText, readSheet, UNIT_HEADER } from "./sheet.js";
import { clip } from "../lib/text.js";
import type { Worksheet } from "exceljs";
import { printAsTable, rowHeightFor, SHEET_FONT, SHEET_FONT_SIZE } from "../documents/sheet-print.js";

/** The template as it ships: notes, the year, the header of the eight fields and the row of maxima. */
export const TEMPLATE_FILE = path.join(ROOT, "scores", "template.csv");

export interface TemplateGrid {
  rows: string[][];
  /** Index of the header row; the row of maxima follows it. */
  headerIndex: number;
}

/** The shipped template with this conference's year and its communes and town, one row each, scores blank. */
export async function templateGrid(conf: Pick<Conference, "units" | "scores">, file = TEMPLATE_FILE): Promise<TemplateGrid> {
  const rows = (await readSheet(await readFile(file))).map((r) => [...r.cells]);
  const headerIndex = rows.findIndex((r) => r.some((c) => UNIT_HEADER.test(foldText(c))));
  if (headerIndex < 0) throw new Error(`${file}: no header row`);
  const year = conf.scores?.year;
  for (const row of rows.slice(0, headerIndex)) if (foldText(row[0] ?? "") === "nam" && year) row[1] = String(year);
  const header = rows[headerIndex] as string[];
  const unitCol = header.findIndex((c) => UNIT_HEADER.test(foldText(c)));
  const units = conf.units.filter((u) => u.kind !== "agency");
  const unitRows = units.map((u, i) => {
    const row = new Array<string>(header.length).fill("");
    if (unitCol > 0) row[0] = String(i + 1);
    row[unitCol] = u.name;
    return row;
  });
  // The maxima row stays right under the header; units come after it.
  const tail = rows.slice(headerIndex + 1);
  return { rows: [...rows.slice(0, headerIndex + 1), ...tail, ...unitRows], headerIndex };
}

function csvCell(c: string): string {
  return /[",;\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
}

/** UTF-8 with a byte order mark, so that Excel shows the diacritics; CRLF as Excel writes. */
export function gridToCsv(grid: TemplateGrid): Buffer {
  return Buffer.from(`\uFEFF${grid.rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`, "utf8");
}

export async function gridToXlsx(grid: TemplateGrid, sheetName: string): Promise<Buffer> {
  const wb = new (await import("exceljs")).default.Workbook();
  const ws = wb.addWorksheet(clip(sheetName, 31));
  for (const r of grid.rows) ws.addRow(r.map((c) => (c !== "" && /^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  const width = Math.max(...grid.rows.map((r) => r.length));
  for (let c = 1; c <= width; c++) ws.getColumn(c).width = c === 1 ? 6 : c === 2 ? 24 : 15;
  const header = grid.headerIndex + 1;
  printAsTemplate(ws, grid, width);
  ws.getRow(header + 1).font = { name: SHEET_FONT, size: SHEET_FONT_SIZE, italic: true };
  // Unit names and the maxima stay in view while the officer scrolls through the fields.
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: grid.headerIndex + 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The notes above the table across the first columns (as wide as the first printed page), one wrapped line each. */
const NOTE_SPAN = 8;

/**
 * For printing: A4 landscape, the notes wrapped across the page, the table with lines around its cells
 * in Times New Roman, the header and maxima rows and the units' columns repeated on every page.
 */
function printAsTemplate(ws: Worksheet, grid: TemplateGrid, width: number): void {
  const header = grid.headerIndex + 1;
  const span = Math.min(NOTE_SPAN, width);
  const noteWidth = Array.from({ length: span }, (_, i) => ws.getColumn(i + 1).width ?? 10).reduce((a, b) => a + b, 0);
  for (let r = 1; r < header; r++) {
    const cell = ws.getCell(r, 1);
    const note = String(cell.value ?? "");
    // A row with a value beside its label ("Năm | 2023") keeps its cells.
    if (ws.getCell(r, 2).value) {
      ws.getRow(r).font = { name: SHEET_FONT, size: SHEET_FONT_SIZE, bold: true };
      continue;
    }
    ws.mergeCells(r, 1, r, span);
    cell.font = { name: SHEET_FONT, size: SHEET_FONT_SIZE, bold: r === 1 };
    cell.alignment = { wrapText: true, vertical: "top" };
    ws.getRow(r).height = rowHeightFor([{ text: note, width: noteWidth, bold: r === 1 }]);
  }
  printAsTable(ws, header, ws.rowCount, width, { headerRow: header });
  // Every unit on one page's height, as many pages across as the fields need (about four).
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 0,
    fitToHeight: 1,
    printTitlesRow: `${header}:${header + 1}`,
    printTitlesColumn: "A:B",
    margins: { left: 0.6, right: 0.5, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
  };
  ws.headerFooter = { oddFooter: `&C&"${SHEET_FONT},Regular"&P/&N` };
}
