// What a printed spreadsheet needs that a screen does not: a named font, lines around the cells
// (gridlines do not print), and rows tall enough for their wrapped text (LibreOffice, which many
// offices use, does not grow a row by itself and prints the lines over each other).
import type { Worksheet } from "exceljs";
import { lineCount, PT_PER_MM } from "./measure.js";

/** The font of office documents, named on every styled cell (a style without a name falls back to the reader's). */
export const SHEET_FONT = "Times New Roman";
/** The body's size, in points. */
export const SHEET_FONT_SIZE = 12;

const THIN = { style: "thin" as const, color: { argb: "FF000000" } };
export const CELL_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A row's height Excel allows at most, in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * The points a column of Excel width `width` gives its text: a width unit is the default font's
 * digit, 7 pixels (5.25 pt), less the cell's padding.
 */
function columnTextMm(width: number): number {
  return Math.max(1, (width * 5.25 - 5) / PT_PER_MM);
}

/** The height a row needs for its cells' text, wrapped in their columns, in points (at least one line). */
export function rowHeightFor(texts: Array<{ text: string; width: number; size?: number; bold?: boolean }>): number {
  let lines = 1;
  let size = SHEET_FONT_SIZE;
  for (const c of texts) {
    const s = c.size ?? SHEET_FONT_SIZE;
    const n = c.text.split("\n").reduce((sum, part) => sum + lineCount({ text: part || " ", size: s, bold: c.bold, widthMm: columnTextMm(c.width) }), 0);
    if (n * s > lines * size) {
      lines = n;
      size = s;
    }
  }
  return Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * size * 1.2 + 4));
}

/** The characters a cell of width `width` holds within a row of the largest height (for cutting long texts into printable rows). */
export function charsPerTallestRow(width: number): number {
  const lines = Math.floor((MAX_ROW_HEIGHT - 4) / (SHEET_FONT_SIZE * 1.2));
  // About 0.45 em a character in Times New Roman.
  return Math.floor(lines * ((columnTextMm(width) * PT_PER_MM) / (SHEET_FONT_SIZE * 0.45)) * 0.85);
}

/**
 * Rows `from`–`to` as a printed table: Times New Roman, a thin line around every cell of columns
 * 1–`last`, text wrapped at the top of its cell, each row as tall as its text.
 */
export function printAsTable(ws: Worksheet, from: number, to: number, last: number, options: { headerRow?: number } = {}): void {
  const widths = Array.from({ length: last }, (_, i) => ws.getColumn(i + 1).width ?? 10);
  for (let r = from; r <= to; r++) {
    const row = ws.getRow(r);
    const bold = r === options.headerRow;
    const texts: Array<{ text: string; width: number; bold?: boolean }> = [];
    for (let c = 1; c <= last; c++) {
      const cell = row.getCell(c);
      cell.border = CELL_BORDER;
      cell.font = { ...cell.font, name: SHEET_FONT, size: cell.font?.size ?? SHEET_FONT_SIZE, bold: bold || cell.font?.bold };
      cell.alignment = { ...cell.alignment, wrapText: true, vertical: bold ? "middle" : "top" };
      const value = cell.value;
      if (value !== null && value !== undefined && value !== "") texts.push({ text: String(value), width: widths[c - 1] as number, bold });
    }
    row.height = rowHeightFor(texts);
  }
}
