// Reads the bytes of an uploaded .xlsx or .csv into plain rows of text cells, with the row numbers a spreadsheet shows.
import { fold, writable } from "../lib/text.js";
import { storedZip, unzipWithin, type ZipBudget, ZipRefused } from "../lib/zip.js";
// exceljs is loaded only when a workbook is read or written: it costs ~20 MB of memory. csv-parse
// likewise only when a CSV file is read: the bot's start does not wait for either.
import type ExcelJS from "exceljs";

/** Largest file the import reads, 5 MB (the bot refuses bigger uploads before downloading). */
export const MAX_TABLE_BYTES = 5_000_000;
/** Most rows a table may have: one per unit, a province has a few hundred communes at most. */
export const MAX_TABLE_ROWS = 2000;

/** One row as the officer sees it: `line` is the row number in Excel, or the line in the CSV file. */
export interface SheetRow {
  line: number;
  cells: string[];
}

/** A file the import cannot read at all; `key` names the message, `args` fill it. */
export class SheetError extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = "SheetError";
  }
}

export type SheetKind = "xlsx" | "csv";

/** Compares without case or diacritics ("Tự đánh giá" → "tu danh gia"). */
export const foldText = fold;

/** The header of the unit column, folded: "Đơn vị", "Tên đơn vị", but not the note "Đơn vị tính: điểm". */
export const UNIT_HEADER = /^(ten )?don vi\b(?! tinh)/;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// The old binary Excel format (.xls) and other OLE files: recognisable, so the answer can say "save as .xlsx".
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Which reader a file needs, from its first bytes (names and MIME types lie too often to rely on). */
export function sniffKind(data: Buffer): SheetKind {
  if (data.subarray(0, 4).equals(ZIP)) return "xlsx";
  if (data.subarray(0, 4).equals(OLE)) throw new SheetError("scores-err-xls");
  return "csv";
}

/** Reads a table file; `expect` is what its name says it is, if anything. */
export async function readSheet(data: Buffer, expect?: SheetKind): Promise<SheetRow[]> {
  if (data.length === 0) throw new SheetError("scores-err-empty");
  if (data.length > MAX_TABLE_BYTES) throw new SheetError("scores-err-too-large", { mb: String(MAX_TABLE_BYTES / 1_000_000) });
  const kind = sniffKind(data);
  // A ".xlsx" that is no zip archive is some other file renamed; reading it as text would only confuse.
  if (expect === "xlsx" && kind !== "xlsx") throw new SheetError("scores-err-not-table");
  const rows = kind === "xlsx" ? await readXlsx(data) : await readCsv(data);
  const filled = rows.filter((r) => r.cells.some((c) => c !== ""));
  if (filled.length === 0) throw new SheetError("scores-err-empty");
  return filled;
}

/** Text of a cell, whatever Excel stored: formulas give their result, rich text its plain text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return writable(value).trim();
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return writable(value.richText.map((r) => r.text).join("")).trim();
  if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
  if ("formula" in value || "sharedFormula" in value) return "";
  if ("text" in value) return writable(String(value.text)).trim();
  if ("error" in value) return String(value.error);
  return "";
}

/** What the archive of an .xlsx may hold once unpacked: a scores table is a few hundred kilobytes. */
export const MAX_XLSX_EXPANDED = 20_000_000;

/**
 * The budget an .xlsx is unpacked within, counted on the bytes that come out (never on the sizes
 * its directory declares): a small file that expands to gigabytes (a "zip bomb") stops at the first
 * chunk over. A workbook is a dozen parts; its XML compresses some 5 to 20 times, never a hundred.
 */
export const XLSX_BUDGET: ZipBudget = { entries: 1000, bytes: MAX_XLSX_EXPANDED, ratio: 100, ratioAfter: 1_000_000 };

/** The parts of a workbook, unpacked within XLSX_BUDGET and stored again uncompressed: all exceljs will unpack is what was counted. */
async function countedXlsx(data: Buffer): Promise<Buffer> {
  try {
    return storedZip(await unzipWithin(data, XLSX_BUDGET));
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    throw new SheetError(err.reason === "over-budget" ? "scores-err-xlsx-huge" : "scores-err-not-table");
  }
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const counted = await countedXlsx(data);
  const workbook = new (await import("exceljs")).default.Workbook();
  try {
    // exceljs's Buffer type predates Node's generic Buffer; the bytes are the same.
    await workbook.xlsx.load(counted as unknown as ExcelJS.Buffer);
  } catch {
    throw new SheetError("scores-err-not-table");
  }
  // The first sheet with any content is the table (the template keeps its notes above the header row).
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new SheetError("scores-err-empty");
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // row.values is 1-based (index 0 empty); merged cells repeat only in their first cell, which is what we want.
    const values = row.values as ExcelJS.CellValue[];
    for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    rows.push({ line: rowNumber, cells });
  });
  if (rows.length > MAX_TABLE_ROWS) throw new SheetError("scores-err-too-many-rows", { max: MAX_TABLE_ROWS });
  return rows;
}

async function readCsv(data: Buffer): Promise<SheetRow[]> {
  // NUL bytes do not occur in text: a picture or a PDF with a .csv name.
  if (data.subarray(0, 8192).includes(0)) throw new SheetError("scores-err-not-table");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch {
    // Not UTF-8: most likely a binary file renamed, or a CSV saved in a legacy code page.
    throw new SheetError("scores-err-not-utf8");
  }
  // Counted before parsing: reading thousands of rows of a wrong file would keep the bot busy for seconds.
  let lines = 0;
  for (let i = text.indexOf("\n"); i >= 0 && lines <= MAX_TABLE_ROWS; i = text.indexOf("\n", i + 1)) lines++;
  if (lines > MAX_TABLE_ROWS) throw new SheetError("scores-err-too-many-rows", { max: MAX_TABLE_ROWS });
  const delimiter = guessDelimiter(text);
  const { parse } = await import("csv-parse/sync");
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      info: true,
      // A row of a scores table is a few kilobytes; one of megabytes is no table.
      max_record_size: 200_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const { code, lines: line } = err as { code?: string; lines?: number };
    if (code === "CSV_MAX_RECORD_SIZE") throw new SheetError("scores-err-not-table");
    throw new SheetError("scores-err-csv-broken", { line: String(line ?? "?") });
  }
  return records.map(({ record, info }) => {
    // Every cell through the one filter: a field's name or a classification is shown in messages and written in documents.
    const cells = record.map((c) => writable(c).trim());
    while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
    // info.lines is the line where the record ended; a record with quoted line breaks starts earlier, rarely.
    return { line: info.lines, cells };
  });
}

/** Commas and semicolons of a line that are outside quotes. */
function separators(line: string): { commas: number; semis: number } {
  let inQuotes = false;
  let commas = 0;
  let semis = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === ",") commas++;
    else if (!inQuotes && ch === ";") semis++;
  }
  return { commas, semis };
}

/**
 * Comma or semicolon: Excel set to Vietnamese writes semicolons (the comma is the decimal mark).
 * The header row ("Đơn vị") decides, since notes above it are prose full of commas; without one,
 * the line with the most separators among the first twenty.
 */
export function guessDelimiter(text: string): "," | ";" {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).slice(0, 50);
  for (const line of lines) {
    const { commas, semis } = separators(line);
    if (commas + semis > 0 && foldText(line).split(/[,;"]/).some((c) => UNIT_HEADER.test(c.trim()))) return semis > commas ? ";" : ",";
  }
  let best: "," | ";" = ",";
  let bestCount = 0;
  for (const line of lines.slice(0, 20)) {
    const { commas, semis } = separators(line);
    if (semis > bestCount && semis > commas) {
      best = ";";
      bestCount = semis;
    } else if (commas > bestCount && commas >= semis) {
      best = ",";
      bestCount = commas;
    }
  }
  return best;
}
