// The workbook (.xlsx) written from its view (src/views/workbook.ts): headers and values in the
// language of `t`, a title block and print settings on every sheet. One writer for the chat's /xuat,
// the desk's download and `hoinghi export`.
import type ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import type { Conference } from "../conference/schema.js";
import type { Translate } from "../lib/i18n.js";
import { clip, writable } from "../lib/text.js";
import { local } from "../lib/time.js";
import type { WorkbookView } from "../views/workbook.js";
import { charsPerTallestRow, printAsTable, SHEET_FONT } from "./sheet-print.js";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel refuses cells longer than 32,767 characters; a speech may hold 50,000. */
const CELL_MAX = 32_000;

/** A text cut into pieces of at most `size` characters, between words where there is a space in the last fifth, for cells that must not lose any of it. */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    let end = Math.min(text.length, i + size);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      if (space > i + size * 0.8) end = space + 1;
    }
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** "20/06/2027 14:05", in the conference's zone, as a cell reads it. */
const when = (iso: string | undefined) => (iso ? local(iso).format("DD/MM/YYYY HH:mm") : "");

/** The row of the column headers: under the title block (conference, sheet, "Xuất lúc …") and a blank row. */
export const HEADER_ROW = 5;

interface Column {
  /** Message key of the Vietnamese (or English) header; the header itself when `literal`. */
  header: string;
  width: number;
  /** A name from the data (a field of the score table), not a message key. */
  literal?: boolean;
}

/**
 * Builds the workbook: attendance by seat, substitutes, absences, check-ins, speeches, voluntary
 * speakers, published scores; "Xuất lúc" is the view's time (the caller's clock, never the machine's).
 */
export async function buildWorkbook(view: WorkbookView, t: Translate): Promise<Buffer> {
  const conf = view.conference;
  // Loaded on first use: exceljs takes half a second to load, and most runs never export.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = conf.body;
  wb.title = conf.shortTitle ?? conf.title;

  const cell = (value: string | number | undefined): string | number => {
    if (typeof value === "number") return value;
    // Characters XML cannot carry (a workbook holding one would not open) go, whatever the store holds.
    const s = writable(value ?? "");
    return s.length > CELL_MAX ? `${clip(s, CELL_MAX)} ${t("export-truncated", { length: s.length })}` : s;
  };

  const madeAt = local(view.madeAt).format("DD/MM/YYYY HH:mm");
  /**
   * One sheet: the title block (conference, the sheet's name with the sample mark where relevant,
   * "Xuất lúc …"), a blank row, the header at HEADER_ROW, then the rows, each numbered in an STT
   * column (sheets whose first column is already STT keep theirs).
   */
  function sheet(nameKey: string, given: Column[], givenRows: Array<Array<string | number | undefined>>, options: { sample?: boolean } = {}): Worksheet {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ].
    const name = clip(t(nameKey).replace(/[:\\/?*[\]]/g, " "), 31);
    const numbered = given[0]?.header === "export-col-no";
    const columns = numbered ? given : [{ header: "export-col-no", width: 6 }, ...given];
    const rows = numbered ? givenRows : givenRows.map((r, i) => [i + 1, ...r]);
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: HEADER_ROW }] });
    ws.columns = columns.map((c) => ({ width: c.width }));
    const last = columns.length;
    const titleLine = (row: number, text: string, font: Partial<ExcelJS.Font>) => {
      ws.getCell(row, 1).value = cell(text);
      ws.getCell(row, 1).font = font;
      ws.getCell(row, 1).alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      if (last > 1) ws.mergeCells(row, 1, row, last);
    };
    titleLine(1, conf.title, { name: SHEET_FONT, bold: true, size: 13 });
    titleLine(2, options.sample ? `${t(nameKey).toLocaleUpperCase("vi")} ${t("scores-sample-mark")}` : t(nameKey).toLocaleUpperCase("vi"), { name: SHEET_FONT, bold: true, size: 12 });
    titleLine(3, t("export-made", { time: madeAt }), { name: SHEET_FONT, italic: true, size: 12 });
    ws.getRow(1).height = 34;
    ws.getRow(HEADER_ROW).values = columns.map((c) => (c.literal ? c.header : t(c.header)));
    for (const r of rows) ws.addRow(r.map(cell));
    // Printed as a table: lines around the cells, wrapped text, rows as tall as their text, Times New Roman.
    printAsTable(ws, HEADER_ROW, HEADER_ROW + rows.length, last, { headerRow: HEADER_ROW });
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: last } };
    printable(ws, name, columns);
    return ws;
  }

  // For printing: A4, landscape when the sheet is wide, fit to the page's width (as many pages down as
  // needed), the header row on every page, long text wrapped, and a title block in the page header.
  const printedAt = madeAt;
  const headerText = (s: string) => s.replace(/&/g, "&&");
  function printable(ws: Worksheet, name: string, columns: Column[]): void {
    const wide = columns.reduce((a, c) => a + c.width, 0) > 100;
    ws.pageSetup = {
      paperSize: 9,
      orientation: wide ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.5, top: 0.9, bottom: 0.7, header: 0.3, footer: 0.3 },
    };
    // Each part of the page header and footer names its font (&"Times New Roman,Regular").
    const font = `&"${SHEET_FONT},Regular"`;
    ws.headerFooter = {
      oddHeader: `&L${font}&B${headerText(conf.body.toLocaleUpperCase("vi"))}&B&C${font}&B${headerText(conf.shortTitle ?? conf.title)}&B&R${font}${headerText(name)}`,
      oddFooter: `&L${font}${headerText(t("export-printed", { time: printedAt }))}&R${font}${headerText(t("export-page", { page: "&P", pages: "&N" })).replace("&&P", "&P").replace("&&N", "&N")}`,
    };
  }

  writeSheets(view, t, sheet);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** "hoinghi-phong-tho-2023-20270620-0815.xlsx" */
export function workbookName(conf: Conference, now: Date): string {
  return `hoinghi-${conf.id}-${local(now).format("YYYYMMDD-HHmm")}.xlsx`;
}

type SheetMaker = (nameKey: string, columns: Column[], rows: Array<Array<string | number | undefined>>, options?: { sample?: boolean }) => Worksheet;

/** The rows of every sheet, from the view: statuses and kinds in words, times as a cell reads them. */
function writeSheets(view: WorkbookView, t: Translate, sheet: SheetMaker): void {
  const status = (s: string | undefined) => t(`export-status-${s ?? "none"}`);
  const col = (header: string, width: number): Column => ({ header, width });
  sheet(
    "export-sheet-attendance",
    [col("export-col-unit", 28), col("export-col-kind", 10), col("export-col-seat", 40), col("export-col-status", 16), col("export-col-name", 24), col("export-col-position", 28), col("export-col-reason", 36), col("export-col-by", 26), col("export-col-at", 18)],
    view.seats.map((s) => [s.unit, t(`export-kind-${s.unitKind}`), s.seat, status(s.status), s.name, s.position, s.reason, s.by, when(s.at)]),
  );
  sheet(
    "export-sheet-substitutes",
    [col("export-col-unit", 28), col("export-col-seat", 40), col("export-col-substitute", 24), col("export-col-position", 28), col("export-col-by", 22), col("export-col-at", 17)],
    view.seats.filter((s) => s.status === "substitute").map((s) => [s.unit, s.seat, s.name, s.position, s.by, when(s.at)]),
  );
  sheet(
    "export-sheet-absences",
    [col("export-col-unit", 28), col("export-col-seat", 40), col("export-col-reason", 48), col("export-col-by", 22), col("export-col-at", 17)],
    view.seats.filter((s) => s.status === "absent").map((s) => [s.unit, s.seat, s.reason, s.by, when(s.at)]),
  );
  sheet(
    "export-sheet-checkins",
    [col("export-col-unit", 28), col("export-col-seat", 40), col("export-col-account", 24), col("export-col-at", 17)],
    view.checkins.map((c) => [c.unit, c.seat, c.name, when(c.at)]),
  );
  sheet(
    "export-sheet-speeches",
    [col("export-col-unit", 28), col("export-col-topic", 48), col("export-col-status", 18), col("export-col-versions", 8), col("export-col-latest", 60), col("export-col-submitted-at", 17), col("export-col-reviewed-at", 17), col("export-col-note", 36)],
    // The latest text as far as a printed row holds it; every version in full is on the next sheet.
    view.speeches.map((r) => [r.unit, r.topic, t(`export-speech-${r.status}`), r.versions, fitted(r.latest, 60, t), when(r.submittedAt), when(r.reviewedAt), r.note]),
  );
  sheet(
    "export-sheet-speech-versions",
    [col("export-col-no", 6), col("export-col-unit", 28), col("export-col-version", 10), col("export-col-version-kind", 12), col("export-col-content", CONTENT_WIDTH), col("export-col-submitted-by", 22), col("export-col-submitted-at", 17), col("export-col-review", 18), col("export-col-note", 36)],
    versionRows(view, t),
  );
  sheet(
    "export-sheet-speakers",
    [col("export-col-no", 6), col("export-col-unit", 28), col("export-col-topic", 60), col("export-col-registered-by", 22), col("export-col-at", 17)],
    view.speakers.map((s, i) => [i + 1, s.unit, s.topic, s.by, when(s.at)]),
  );
  const scores = view.scores;
  if (!scores) return;
  const ws = sheet(
    "export-sheet-scores",
    [col("export-col-rank", 7), col("export-col-unit", 28), col("export-col-total", 10), col("export-col-max", 10), col("export-col-percent", 10), col("export-col-class", 14), ...scores.fields.map((f) => ({ header: f, width: 14, literal: true }))],
    scores.rows.map((u) => [u.rank, u.unit, u.total, u.max, u.percent, u.classification, ...u.values]),
    { sample: scores.sample },
  );
  if (scores.sample) ws.headerFooter.oddHeader = `${ws.headerFooter.oddHeader ?? ""}`.replace("&R", `&R${t("scores-sample-mark").replace(/&/g, "&&")} `);
}

/** A text cut to what a printed row of a column `width` wide holds, with a pointer to the full text. */
function fitted(text: string, width: number, t: Translate): string {
  const room = charsPerTallestRow(width);
  return text.length <= room ? text : `${clip(text, room - 60)} ${t("export-see-versions")}`;
}

/** The content column of the versions sheet: its width, and how much of a text one printed row holds. */
const CONTENT_WIDTH = 80;

/**
 * Every version of every speech, in full: a text longer than a printed row holds (a row is at most
 * 409 pt high) continues on the next rows, cut between words.
 */
function versionRows(view: WorkbookView, t: Translate): Array<Array<string | number | undefined>> {
  const rows: Array<Array<string | number | undefined>> = [];
  const room = Math.min(CELL_MAX, charsPerTallestRow(CONTENT_WIDTH));
  for (const v of view.versions) {
    const parts = v.content.length > room ? chunks(v.content, room) : [v.content];
    parts.forEach((part, i) => {
      const first = i === 0;
      rows.push([
        rows.length + 1,
        v.unit,
        first ? v.n : t("export-version-continued", { n: v.n, part: i + 1, parts: parts.length }),
        t(`export-version-kind-${v.kind}`),
        part,
        first ? v.by : "",
        first ? when(v.at) : "",
        first && v.decision ? t(`export-speech-${v.decision}`) : "",
        first ? v.note : "",
      ]);
    });
  }
  return rows;
}
