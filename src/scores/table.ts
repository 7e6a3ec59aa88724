// Turns the rows of an index table into a ranked ScoreTable, checking every row; a refusal names the row and the reason.
import type { ScoreField, ScoreTable, UnitScore } from "../../storage/schema.js";
import { foldText, type SheetRow, UNIT_HEADER } from "./sheet.js";
import type { UnitMatch } from "../conference/match.js";

/** How far field scores may sum from the total (rounding in the district's spreadsheet). */
export const SUM_TOLERANCE = 0.01;
/** Problems listed in one refusal; more would only bury the first ones. */
export const MAX_PROBLEMS = 15;

export type ProblemArgs = Record<string, string | number>;

/** One thing wrong with the table; `line` is the row number the officer sees, absent for the whole file. */
export interface TableProblem {
  line?: number;
  key: string;
  args: ProblemArgs;
}

/**
 * The table was not taken: the problems found, in order. After MAX_PROBLEMS the check stops (a
 * wrong file of thousands of rows would otherwise keep the bot busy for nothing): `stoppedAt` is
 * the row where it stopped.
 */
export class TableRefused extends Error {
  constructor(
    readonly problems: TableProblem[],
    readonly stoppedAt?: number,
  ) {
    super(problems.map((p) => `${p.line ?? "-"}:${p.key}`).join(", "));
    this.name = "TableRefused";
  }
}

export interface ClassificationStep {
  label: string;
  min_percent: number;
}

/** A name that finds no unit for a reason of its own (an old commune merged with others): the row's problem. */
export interface UnitRefused {
  refused: { key: string; args: ProblemArgs };
}

export interface ParseOptions {
  findUnit: (name: string) => UnitMatch | UnitRefused;
  /**
   * Whether a unit may carry last year's figures ("năm trước" columns): a commune merged in 2025
   * has no last year of its own (src/domain/reform.ts hasLastYear). Default: every unit may.
   */
  hasLastYear?: (unitId: string) => boolean;
  /** The conference file's scheme, best first; used where the table has no "Xếp loại". */
  classification?: ClassificationStep[];
  /** The conference file's year, used where the table does not say. */
  defaultYear?: number;
  /** The file name, kept with the table (and a name that says "sample" marks sample data). */
  source: string;
}

/** What the file holds, before anyone confirmed it. */
export type ParsedTable = Omit<ScoreTable, "importedAt" | "importedBy">;

type ValueKind = "self" | "appraised" | "final" | "previous" | "note";

interface FieldColumn {
  kind: "field";
  index: number;
  header: string;
  key: string;
  id?: string;
  name: string;
  value: ValueKind;
  max?: number;
}

interface OtherColumn {
  kind: "unit" | "total" | "prevTotal" | "class" | "prevClass" | "prevRank" | "ignore";
  index: number;
  header: string;
  max?: number;
}

type Column = FieldColumn | OtherColumn;

/** A field (or criterion) as the header describes it, with the columns that carry its values. */
interface FieldDef {
  key: string;
  id?: string;
  name: string;
  max?: number;
  columns: Partial<Record<ValueKind, FieldColumn>>;
  children: FieldDef[];
  parent?: FieldDef;
}

/** "8,5", "8.5", " 12 " → number; "" → undefined; anything else → NaN. */
export function parseScore(text: string): number | undefined {
  const s = text.replace(/\s+/g, "");
  if (s === "") return undefined;
  if (!/^-?\d+(?:[.,]\d+)?$/.test(s)) return Number.NaN;
  // Four decimals clean the float noise of spreadsheet formulas (8.499999999 → 8.5).
  return Math.round(Number(s.replace(",", ".")) * 10_000) / 10_000;
}

/** Excel's name of a column: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const VALUE_WORDS: Array<[RegExp, ValueKind]> = [
  [/^(diem )?tu (danh gia|cham)/, "self"],
  [/^(diem )?tham dinh/, "appraised"],
  [/^(diem )?(cuoi cung|chinh thuc|dat|ket qua)/, "final"],
  [/^(diem )?nam truoc/, "previous"],
  // The appraisal's note on a field or criterion ("3.2. … (ghi chú thẩm định)"): text, not a score.
  [/^(ghi chu|nhan xet|ly do)/, "note"],
];

function valueWord(folded: string): ValueKind | undefined {
  return VALUE_WORDS.find(([re]) => re.test(folded))?.[1];
}

interface HeaderParts {
  base: string;
  max?: number;
  badMax?: string;
  value?: ValueKind;
}

/**
 * "2. Cải cách thể chế [10] (thẩm định)" → base "2. Cải cách thể chế", max 10, value appraised.
 * The bracket and the parenthesis may come in either order; a parenthesis that names no kind of
 * score is part of the name ("Cải cách thủ tục hành chính (một cửa, một cửa liên thông)").
 */
export function splitHeader(raw: string): HeaderParts {
  let base = raw.replace(/\s+/g, " ").trim();
  const parts: HeaderParts = { base };
  for (let i = 0; i < 2; i++) {
    const bracket = /\s*\[([^\]]*)\]\s*$/.exec(base);
    if (bracket) {
      const n = parseScore(bracket[1] as string);
      if (n === undefined || Number.isNaN(n) || n <= 0) parts.badMax = bracket[1] as string;
      else parts.max = n;
      base = base.slice(0, bracket.index).trim();
      continue;
    }
    const paren = /\s*\(([^()]*)\)\s*$/.exec(base);
    const kind = paren ? valueWord(foldText(paren[1] as string)) : undefined;
    if (paren && kind) {
      parts.value = kind;
      base = base.slice(0, paren.index).trim();
      continue;
    }
    break;
  }
  // "Tổng năm trước", written without parentheses: the last two words.
  const words = base.split(" ");
  if (!parts.value && words.length > 2 && foldText(words.slice(-2).join(" ")) === "nam truoc") {
    parts.value = "previous";
    base = words.slice(0, -2).join(" ");
  }
  parts.base = base;
  return parts;
}

function isHeaderRow(row: SheetRow): boolean {
  return row.cells.filter((c) => c !== "").length >= 2 && row.cells.some((c) => UNIT_HEADER.test(foldText(c)));
}

function readColumn(raw: string, index: number, problems: TableProblem[], headerLine: number): Column {
  const parts = splitHeader(raw);
  const header = raw.replace(/\s+/g, " ").trim();
  if (parts.badMax !== undefined)
    problems.push({ line: headerLine, key: "scores-err-bad-max", args: { column: header, col: columnLetter(index), value: parts.badMax } });
  const f = foldText(parts.base);
  const other = (kind: OtherColumn["kind"]): OtherColumn => ({ kind, index, header, max: parts.max });
  if (f === "" || /^(stt|tt|so tt)$/.test(f) || /^(ty le|ti le|%)/.test(f) || /^ghi chu/.test(f)) return other("ignore");
  if (UNIT_HEADER.test(f)) return other("unit");
  if (/^tong\b/.test(f)) {
    if (parts.value === "previous") return other("prevTotal");
    return other(parts.value === "self" || parts.value === "appraised" ? "ignore" : "total");
  }
  if (/^xep loai\b/.test(f)) return other(parts.value === "previous" ? "prevClass" : "class");
  // The current rank is computed, never read: a rank column is only taken for the previous year.
  if (/^xep hang\b/.test(f)) return other(parts.value === "previous" ? "prevRank" : "ignore");
  const numbered = /^(\d+(?:\.\d+)*)[.)]?\s+(\S[\s\S]*)$/.exec(parts.base);
  const id = numbered?.[1];
  const name = numbered ? (numbered[2] as string).trim() : parts.base;
  return { kind: "field", index, header, key: id ?? foldText(name), id, name, value: parts.value ?? "final", max: parts.max };
}

/** Rows a district adds under the units ("Tổng cộng", "Bình quân toàn huyện"); skipped when no unit has that name. */
const SUMMARY_ROW = /^(tong cong|tong so|tong|cong|trung binh|binh quan|toan huyen)( chung| toan huyen)?\s*:?$/;
const MAXIMA_ROW = /^(diem toi da|toi da|thang diem|diem chuan)\b/;

interface Header {
  line: number;
  /** Index of the header row in the rows. */
  headerIndex: number;
  /** Index of the last row before the units (the header, or the row of maxima under it). */
  rowIndex: number;
  unit: OtherColumn;
  total?: OtherColumn;
  prevTotal?: OtherColumn;
  cls?: OtherColumn;
  prevClass?: OtherColumn;
  prevRank?: OtherColumn;
  fields: FieldDef[];
  /** Top-level fields in column order. */
  top: FieldDef[];
  totalMax: number;
  prevTotalMax?: number;
}

function collectNotes(rows: SheetRow[], upTo: number): { sample: boolean; year?: number } {
  let sample = false;
  let year: number | undefined;
  for (const row of rows.slice(0, upTo)) {
    const cells = row.cells.filter((c) => c !== "");
    for (const c of cells) if (foldText(c).startsWith("du lieu mau")) sample = true;
    const first = foldText(cells[0] ?? "");
    const inline = /^nam( danh gia)?\s*:?\s*(\d{4})$/.exec(first);
    if (inline) year = Number(inline[2]);
    else if (/^nam( danh gia)?\s*:?$/.test(first) && /^\d{4}$/.test(cells[1] ?? "")) year = Number(cells[1]);
  }
  return { sample, year };
}

/** The header's columns of one kind: the first, each further one a problem. */
function singleColumn(columns: Column[], kind: OtherColumn["kind"], line: number, problems: TableProblem[]): OtherColumn | undefined {
  const found = columns.filter((c): c is OtherColumn => c.kind === kind);
  for (const dup of found.slice(1)) problems.push({ line, key: "scores-err-column-twice", args: { column: dup.header, col: columnLetter(dup.index) } });
  return found[0];
}

/** A row of maxima right under the header ("Điểm tối đa"), as district spreadsheets often have: read into the columns. */
function readMaxima(next: SheetRow, columns: Column[], problems: TableProblem[]): void {
  for (const col of columns) {
    if ((col.kind !== "field" && col.kind !== "total" && col.kind !== "prevTotal") || (col.kind === "field" && col.value === "note")) continue;
    const text = next.cells[col.index] ?? "";
    const n = parseScore(text);
    if (n === undefined) continue;
    if (Number.isNaN(n) || n <= 0) {
      problems.push({ line: next.line, key: "scores-err-bad-max", args: { column: col.header, col: columnLetter(col.index), value: text } });
      continue;
    }
    if (col.max !== undefined && Math.abs(col.max - n) > SUM_TOLERANCE)
      problems.push({ line: next.line, key: "scores-err-max-conflict", args: { column: col.header, col: columnLetter(col.index) } });
    col.max = n;
  }
}

/** Groups the value columns of each field into header.fields; the columns of one field must agree on its maximum. */
function groupFields(header: Header, columns: Column[], problems: TableProblem[]): void {
  const line = header.line;
  const byKey = new Map<string, FieldDef>();
  for (const col of columns) {
    if (col.kind !== "field") continue;
    let def = byKey.get(col.key);
    if (!def) {
      def = { key: col.key, id: col.id, name: col.name, columns: {}, children: [] };
      byKey.set(col.key, def);
      header.fields.push(def);
    }
    if (def.columns[col.value]) {
      problems.push({ line, key: "scores-err-column-twice", args: { column: col.header, col: columnLetter(col.index) } });
      continue;
    }
    def.columns[col.value] = col;
    if (col.max !== undefined && col.value !== "note") {
      if (def.max !== undefined && Math.abs(def.max - col.max) > SUM_TOLERANCE)
        problems.push({ line, key: "scores-err-max-conflict", args: { column: col.header, col: columnLetter(col.index) } });
      else def.max = col.max;
    }
  }
}

/** What the header must have: a total, fields, and each field a maximum and a final score. */
function checkFields(header: Header, problems: TableProblem[]): void {
  const line = header.line;
  if (!header.total) problems.push({ line, key: "scores-err-no-total-column", args: {} });
  if (header.fields.length === 0) problems.push({ line, key: "scores-err-no-fields", args: {} });
  for (const def of header.fields) {
    if (def.max === undefined) problems.push({ line, key: "scores-err-field-no-max", args: { field: label(def) } });
    if (!def.columns.final) problems.push({ line, key: "scores-err-field-no-final", args: { field: label(def) } });
  }
}

/** Criteria: "1.2" sits under "1" when the table has a column for "1"; a field's criteria sum to its maximum. */
function nestCriteria(header: Header, problems: TableProblem[]): void {
  const byId = new Map(header.fields.filter((d) => d.id).map((d) => [d.id as string, d] as const));
  for (const def of header.fields) {
    const parentId = def.id?.includes(".") ? def.id.slice(0, def.id.lastIndexOf(".")) : undefined;
    const parent = parentId ? byId.get(parentId) : undefined;
    if (parent) {
      def.parent = parent;
      parent.children.push(def);
    } else header.top.push(def);
  }
  for (const def of header.fields) {
    if (def.children.length === 0 || def.max === undefined) continue;
    const sum = def.children.reduce((s, c) => s + (c.max ?? 0), 0);
    if (Math.abs(sum - def.max) > SUM_TOLERANCE)
      problems.push({ line: header.line, key: "scores-err-children-max", args: { field: label(def), sum: round(sum), max: def.max } });
  }
}

/** The total's maximum: the column's, or the sum of the top-level fields' (which must agree with it). */
function readTotalMax(header: Header, problems: TableProblem[]): void {
  const sumMax = header.top.reduce((s, d) => s + (d.max ?? 0), 0);
  header.totalMax = header.total?.max ?? sumMax;
  if (header.total?.max !== undefined && header.top.every((d) => d.max !== undefined) && Math.abs(sumMax - header.total.max) > SUM_TOLERANCE)
    problems.push({ line: header.line, key: "scores-err-total-max", args: { sum: round(sumMax), max: header.total.max } });
  header.prevTotalMax = header.prevTotal?.max;
}

function readHeader(rows: SheetRow[], problems: TableProblem[]): Header | undefined {
  const rowIndex = rows.findIndex(isHeaderRow);
  if (rowIndex < 0) {
    // Rows of one cell are prose, not a table; a grid without a unit column is a table missing it.
    const grid = rows.some((r) => r.cells.filter((c) => c !== "").length >= 2);
    problems.push({ key: grid ? "scores-err-no-unit-column" : "scores-err-not-table", args: {} });
    return undefined;
  }
  const row = rows[rowIndex] as SheetRow;
  const columns = row.cells.map((c, i) => readColumn(c, i, problems, row.line));
  const single = (kind: OtherColumn["kind"]) => singleColumn(columns, kind, row.line, problems);
  const unit = single("unit") as OtherColumn;
  const header: Header = {
    line: row.line,
    headerIndex: rowIndex,
    rowIndex,
    unit,
    total: single("total"),
    prevTotal: single("prevTotal"),
    cls: single("class"),
    prevClass: single("prevClass"),
    prevRank: single("prevRank"),
    fields: [],
    top: [],
    totalMax: 0,
  };
  const next = rows[rowIndex + 1];
  if (next && MAXIMA_ROW.test(foldText(next.cells[unit.index] ?? ""))) {
    header.rowIndex = rowIndex + 1;
    readMaxima(next, columns, problems);
  }
  groupFields(header, columns, problems);
  checkFields(header, problems);
  nestCriteria(header, problems);
  readTotalMax(header, problems);
  return header;
}

/** "1.2. Name" where the table numbers its fields, the name alone otherwise. */
function label(def: { id?: string; name: string }): string {
  return def.id ? `${def.id}. ${def.name}` : def.name;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The label of a percentage in a scheme ordered best first; undefined when the scheme does not reach that low. */
export function classify(percent: number, steps: readonly ClassificationStep[]): string | undefined {
  // Rounded to two decimals first, so that 79.999999 is not kept out of "80 and above".
  const p = round(percent);
  return steps.find((s) => p >= s.min_percent)?.label;
}

/**
 * Ranks all units of a table together (communes and town alike, as the plan announces "các xã,
 * thị trấn"): highest total first, equal totals share a rank ("1, 2, 2, 4"), rankOf = the number of units.
 */
export function rankUnits(units: UnitScore[]): UnitScore[] {
  const sorted = [...units].sort((a, b) => round(b.total) - round(a.total));
  let rank = 0;
  sorted.forEach((u, i) => {
    if (i === 0 || round(u.total) !== round((sorted[i - 1] as UnitScore).total)) rank = i + 1;
    u.rank = rank;
    u.rankOf = sorted.length;
  });
  return sorted;
}

/** The problems found so far; past MAX_PROBLEMS only the row where the check stopped is kept. */
interface Problems {
  list: TableProblem[];
  stoppedAt?: number;
}

function addProblem(problems: Problems, p: TableProblem): void {
  if (problems.list.length < MAX_PROBLEMS) problems.list.push(p);
  else problems.stoppedAt ??= p.line;
}

function cellOf(row: SheetRow, col: { index: number } | undefined): string {
  return col ? (row.cells[col.index] ?? "").trim() : "";
}

/** One unit's row being checked: its cells, its problems (naming the unit), and whether it is still sound. */
class RowCheck {
  ok = true;
  constructor(
    readonly row: SheetRow,
    readonly name: string,
    private readonly problems: Problems,
  ) {}

  cell(col: { index: number } | undefined): string {
    return cellOf(this.row, col);
  }

  at(key: string, args: ProblemArgs = {}): void {
    addProblem(this.problems, { line: this.row.line, key, args: { ...args, unit: this.name } });
  }

  /** A number of a column, checked: a number, not negative, not above `max` when given. */
  num(col: { index: number; header: string } | undefined, required: boolean, max?: number): number | undefined {
    if (!col) return undefined;
    const text = this.cell(col);
    const n = parseScore(text);
    const where = { column: col.header, col: columnLetter(col.index) };
    if (n === undefined) {
      if (required) {
        this.at("scores-err-value-missing", where);
        this.ok = false;
      }
      return undefined;
    }
    if (Number.isNaN(n)) this.at("scores-err-not-number", { ...where, value: text });
    else if (n < 0) this.at("scores-err-negative", { ...where, value: text });
    else if (max !== undefined && n > max + 1e-9) this.at("scores-err-above-max", { ...where, value: text, max });
    else return n;
    this.ok = false;
    return undefined;
  }
}

/** What every row is checked against. */
interface TableContext {
  header: Header;
  options: ParseOptions;
  steps: ClassificationStep[];
  /** The row line where each unit was first seen. */
  seen: Map<string, number>;
}

/** The unit a row names, or undefined (with its problem, or none for a summary row). */
function rowUnit(check: RowCheck, ctx: TableContext): string | undefined {
  const name = check.name;
  if (name === "") {
    check.at("scores-err-unit-missing");
    return undefined;
  }
  const found = ctx.options.findUnit(name);
  if ("refused" in found) {
    check.at(found.refused.key, found.refused.args);
    return undefined;
  }
  if (!found.unit && SUMMARY_ROW.test(foldText(name))) return undefined;
  if (!found.unit) {
    if (found.suggestions.length > 0) check.at("scores-err-unit-unknown-suggest", { suggestions: found.suggestions.map((u) => u.name).join(", ") });
    else check.at("scores-err-unit-unknown");
    return undefined;
  }
  const unitId = found.unit.id;
  const first = ctx.seen.get(unitId);
  if (first !== undefined) {
    check.at("scores-err-unit-twice", { first: String(first) });
    return undefined;
  }
  ctx.seen.set(unitId, check.row.line);
  return unitId;
}

function readField(check: RowCheck, header: Header, def: FieldDef): ScoreField {
  const max = def.max as number;
  const field: ScoreField = { id: def.id ?? `f${header.fields.indexOf(def) + 1}`, name: def.name, max, final: 0 };
  const self = check.num(def.columns.self, false, max);
  const appraised = check.num(def.columns.appraised, false, max);
  const final = check.num(def.columns.final, true, max);
  const previous = check.num(def.columns.previous, false);
  if (self !== undefined) field.self = self;
  if (appraised !== undefined) field.appraised = appraised;
  if (final !== undefined) field.final = final;
  if (previous !== undefined) field.previous = previous;
  const note = check.cell(def.columns.note);
  if (note !== "") field.note = note;
  if (def.children.length > 0) {
    field.children = def.children.map((c) => readField(check, header, c));
    const sum = field.children.reduce((s, c) => s + c.final, 0);
    if (check.ok && final !== undefined && Math.abs(sum - final) > SUM_TOLERANCE) {
      check.at("scores-err-children-sum", { field: label(def), sum: round(sum), final });
      check.ok = false;
    }
  }
  return field;
}

/** The row's total, which must be the sum of its fields. */
function readTotal(check: RowCheck, header: Header, fields: ScoreField[]): number | undefined {
  const total = check.num(header.total, true, header.totalMax);
  if (check.ok && total !== undefined) {
    const sum = fields.reduce((s, f) => s + f.final, 0);
    if (Math.abs(sum - total) > SUM_TOLERANCE) {
      check.at("scores-err-sum", { sum: round(sum), total });
      check.ok = false;
    }
  }
  return total;
}

/** Last year's total and rank (a rank only with a total). */
function readPrevious(check: RowCheck, header: Header): { prevTotal?: number; prevRank?: number } {
  const prevTotal = check.num(header.prevTotal, false, header.prevTotalMax);
  const prevRankText = check.cell(header.prevRank);
  let prevRank: number | undefined;
  if (prevRankText !== "") {
    if (!/^\d{1,4}$/.test(prevRankText) || Number(prevRankText) < 1) {
      check.at("scores-err-bad-rank", { column: header.prevRank?.header ?? "", value: prevRankText });
      check.ok = false;
    } else if (prevTotal === undefined && check.ok) {
      check.at("scores-err-rank-without-total", { column: header.prevRank?.header ?? "" });
      check.ok = false;
    } else prevRank = Number(prevRankText);
  }
  return { prevTotal, prevRank };
}

/** Whether any field or criterion carries a "năm trước" figure. */
function hasPrevious(fields: ScoreField[]): boolean {
  return fields.some((f) => f.previous !== undefined || hasPrevious(f.children ?? []));
}

/** Reads and checks one row of the table: the unit's score, or undefined (a problem, or a row to skip). */
function readRow(row: SheetRow, ctx: TableContext, problems: Problems): UnitScore | undefined {
  const { header, steps } = ctx;
  const name = cellOf(row, header.unit);
  if (name === "" && row.cells.every((c) => c === "")) return undefined;
  const check = new RowCheck(row, name, problems);
  const unitId = rowUnit(check, ctx);
  if (unitId === undefined) return undefined;
  const fields = header.top.map((def) => readField(check, header, def));
  const total = readTotal(check, header, fields);
  const { prevTotal, prevRank } = readPrevious(check, header);
  if (!check.ok || total === undefined) return undefined;
  if (ctx.options.hasLastYear && !ctx.options.hasLastYear(unitId) && (prevTotal !== undefined || hasPrevious(fields))) {
    check.at("scores-err-previous-merged");
    return undefined;
  }

  const percent = header.totalMax > 0 ? (total / header.totalMax) * 100 : 0;
  const classification = check.cell(header.cls) || classify(percent, steps);
  if (!classification) {
    check.at("scores-err-no-class", { percent: round(percent) });
    return undefined;
  }
  const score: UnitScore = { unitId, total, max: header.totalMax, rank: 0, rankOf: 0, classification, fields };
  if (prevTotal !== undefined) {
    score.previous = { total: prevTotal, max: header.prevTotalMax ?? header.totalMax };
    if (prevRank !== undefined) score.previous.rank = prevRank;
    const prevClass = check.cell(header.prevClass);
    if (prevClass) score.previous.classification = prevClass;
  }
  return score;
}

/** Reads and checks a whole table. Throws TableRefused with every problem found; returns the ranked table. */
export function parseTable(rows: SheetRow[], options: ParseOptions): ParsedTable {
  const problems: Problems = { list: [] };
  const header = readHeader(rows, problems.list);
  if (!header) throw new TableRefused(problems.list);
  const notes = collectNotes(rows, header.headerIndex);
  const year = notes.year ?? options.defaultYear;
  if (year === undefined) problems.list.push({ key: "scores-err-no-year", args: {} });
  const steps = options.classification ?? [];
  if (!header.cls && steps.length === 0) problems.list.push({ key: "scores-err-no-classification", args: {} });
  if (problems.list.length > 0) throw new TableRefused(problems.list);

  const units: UnitScore[] = [];
  const ctx: TableContext = { header, options, steps, seen: new Map() };
  for (const row of rows.slice(header.rowIndex + 1)) {
    if (problems.list.length >= MAX_PROBLEMS) {
      problems.stoppedAt ??= row.line;
      break;
    }
    const score = readRow(row, ctx, problems);
    if (score) units.push(score);
  }
  if (problems.list.length === 0 && units.length === 0) addProblem(problems, { key: "scores-err-no-units", args: {} });
  if (problems.list.length > 0) throw new TableRefused(problems.list, problems.stoppedAt);

  const sample = notes.sample || /sample|du-lieu-mau|dulieumau/i.test(options.source);
  return { year: year as number, source: options.source, sample, units: rankUnits(units) };
}
