// The attendance and speech workbook (.xlsx): /xuat (/export) in the chat and `hoinghi export FILE.xlsx` on the command line.
import type ExcelJS from "exceljs";
import type { Worksheet } from "exceljs";
import type { Conference } from "../src/conference/schema.js";
import type { Translate } from "../src/lib/i18n.js";
import { local } from "../src/lib/time.js";
import type { Data } from "../storage/schema.js";
import { percentOf } from "../src/scores/format.js";
import { speechRows } from "./attendance.js";
import { seatPosition } from "./documents.js";
import type { CommandDef } from "./types.js";
import { clip, writable } from "../src/lib/text.js";
import { accountName } from "../src/domain/identity.js";
import { activeSpeakers } from "../src/domain/speakers.js";
import { summarize } from "../src/domain/attendance.js";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Excel refuses cells longer than 32,767 characters; a speech may hold 50,000. */
const CELL_MAX = 32_000;

/** A text cut into pieces of at most `size` characters, for cells that must not lose any of it. */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
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
 * speakers; headers and values in the language of `t`; "Xuất lúc" is `now`, the caller's clock (the
 * app's, never the machine's). One function for the chat, the desk and the CLI.
 */
export async function buildWorkbook(data: Data, conf: Conference, t: Translate, now: Date): Promise<Buffer> {
  // Loaded on first use: exceljs takes half a second to load, and most runs never export.
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = conf.body;
  wb.title = conf.short_title ?? conf.title;

  const cell = (value: string | number | undefined): string | number => {
    if (typeof value === "number") return value;
    // Characters XML cannot carry (a workbook holding one would not open) go, whatever the store holds.
    const s = writable(value ?? "");
    return s.length > CELL_MAX ? `${clip(s, CELL_MAX)} ${t("export-truncated", { length: s.length })}` : s;
  };

  const madeAt = local(now).format("DD/MM/YYYY HH:mm");
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
    titleLine(1, conf.title, { bold: true, size: 13 });
    titleLine(2, options.sample ? `${t(nameKey).toLocaleUpperCase("vi")} ${t("scores-sample-mark")}` : t(nameKey).toLocaleUpperCase("vi"), { bold: true, size: 12 });
    titleLine(3, t("export-made", { time: madeAt }), { italic: true });
    ws.getRow(1).height = 32;
    const header = ws.getRow(HEADER_ROW);
    header.values = columns.map((c) => (c.literal ? c.header : t(c.header)));
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    for (const r of rows) ws.addRow(r.map(cell));
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
    ws.headerFooter = {
      oddHeader: `&L&B${headerText(conf.body.toLocaleUpperCase("vi"))}&B&C&B${headerText(conf.short_title ?? conf.title)}&B&R${headerText(name)}`,
      oddFooter: `&L${headerText(t("export-printed", { time: printedAt }))}&R${headerText(t("export-page", { page: "&P", pages: "&N" })).replace("&&P", "&P").replace("&&N", "&N")}`,
    };
    columns.forEach((c, i) => {
      if (c.width >= 36) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: "top" };
    });
  }

  const sum = summarize(conf, data);
  const by = (key: string | undefined) => (key ? accountName(data, key) : "");
  const status = (s: string | undefined) => t(`export-status-${s ?? "none"}`);

  sheet(
    "export-sheet-attendance",
    [
      { header: "export-col-unit", width: 28 },
      { header: "export-col-kind", width: 10 },
      { header: "export-col-seat", width: 40 },
      { header: "export-col-status", width: 16 },
      { header: "export-col-name", width: 24 },
      { header: "export-col-position", width: 28 },
      { header: "export-col-reason", width: 36 },
      { header: "export-col-by", width: 22 },
      { header: "export-col-at", width: 17 },
    ],
    sum.seats.map((s) => [
      s.unit.name,
      t(`export-kind-${s.unit.kind}`),
      s.seat.title,
      status(s.answer?.status),
      s.answer?.name,
      seatPosition(s),
      s.answer?.reason,
      by(s.answer?.by),
      when(s.answer?.at),
    ]),
  );

  sheet(
    "export-sheet-substitutes",
    [
      { header: "export-col-unit", width: 28 },
      { header: "export-col-seat", width: 40 },
      { header: "export-col-substitute", width: 24 },
      { header: "export-col-position", width: 28 },
      { header: "export-col-by", width: 22 },
      { header: "export-col-at", width: 17 },
    ],
    sum.seats
      .filter((s) => s.answer?.status === "substitute")
      .map((s) => [s.unit.name, s.seat.title, s.answer?.name, s.answer?.position, by(s.answer?.by), when(s.answer?.at)]),
  );

  sheet(
    "export-sheet-absences",
    [
      { header: "export-col-unit", width: 28 },
      { header: "export-col-seat", width: 40 },
      { header: "export-col-reason", width: 48 },
      { header: "export-col-by", width: 22 },
      { header: "export-col-at", width: 17 },
    ],
    sum.seats
      .filter((s) => s.answer?.status === "absent")
      .map((s) => [s.unit.name, s.seat.title, s.answer?.reason, by(s.answer?.by), when(s.answer?.at)]),
  );

  const unitById = new Map(conf.units.map((u) => [u.id, u] as const));
  sheet(
    "export-sheet-checkins",
    [
      { header: "export-col-unit", width: 28 },
      { header: "export-col-seat", width: 40 },
      { header: "export-col-account", width: 24 },
      { header: "export-col-at", width: 17 },
    ],
    data.checkins.map((c) => {
      const unit = unitById.get(c.unitId);
      // The name registered for the seat the person filled, not the chat's display name.
      const answer = c.seatId ? data.rsvps.find((r) => r.unitId === c.unitId && r.seatId === c.seatId) : undefined;
      const registered = answer?.status === "attend" || answer?.status === "substitute" ? answer.name : undefined;
      return [unit?.name ?? c.unitId, unit?.seats.find((s) => s.id === c.seatId)?.title ?? "", registered || (c.onBehalf ? "" : by(c.by)), when(c.at)];
    }),
  );

  sheet(
    "export-sheet-speeches",
    [
      { header: "export-col-unit", width: 28 },
      { header: "export-col-topic", width: 48 },
      { header: "export-col-status", width: 18 },
      { header: "export-col-versions", width: 8 },
      { header: "export-col-latest", width: 60 },
      { header: "export-col-submitted-at", width: 17 },
      { header: "export-col-reviewed-at", width: 17 },
      { header: "export-col-note", width: 36 },
    ],
    speechRows(conf, data).map((r) => [
      r.unit.name,
      r.topic,
      t(`export-speech-${r.status}`),
      r.versions,
      r.latest ? (r.latest.kind === "text" ? r.latest.text : r.latest.file?.name) : "",
      when(r.latest?.at),
      when(r.review?.at),
      r.review?.note,
    ]),
  );

  // Every version of every speech, in full: a text longer than a cell continues on the next rows.
  const versionRows: Array<Array<string | number | undefined>> = [];
  for (const s of conf.speeches) {
    const record = data.speeches[s.unit];
    if (!record) continue;
    for (const v of record.versions) {
      const review = record.reviews.filter((r) => r.version === v.n).at(-1);
      const files = v.pages ?? (v.file ? [v.file] : []);
      const content = v.kind === "text" ? (v.text ?? "") : files.map((f) => f.name).join(", ");
      const parts = content.length > CELL_MAX ? chunks(content, CELL_MAX) : [content];
      parts.forEach((part, i) => {
        versionRows.push([
          versionRows.length + 1,
          unitById.get(s.unit)?.name ?? s.unit,
          i === 0 ? v.n : t("export-version-continued", { n: v.n, part: i + 1, parts: parts.length }),
          t(`export-version-kind-${v.kind}`),
          part,
          i === 0 ? by(v.by) : "",
          i === 0 ? when(v.at) : "",
          i === 0 && review ? t(`export-speech-${review.decision}`) : "",
          i === 0 ? review?.note : "",
        ]);
      });
    }
  }
  sheet(
    "export-sheet-speech-versions",
    [
      { header: "export-col-no", width: 6 },
      { header: "export-col-unit", width: 28 },
      { header: "export-col-version", width: 10 },
      { header: "export-col-version-kind", width: 12 },
      { header: "export-col-content", width: 80 },
      { header: "export-col-submitted-by", width: 22 },
      { header: "export-col-submitted-at", width: 17 },
      { header: "export-col-review", width: 18 },
      { header: "export-col-note", width: 36 },
    ],
    versionRows,
  );

  sheet(
    "export-sheet-speakers",
    [
      { header: "export-col-no", width: 6 },
      { header: "export-col-unit", width: 28 },
      { header: "export-col-topic", width: 60 },
      { header: "export-col-registered-by", width: 22 },
      { header: "export-col-at", width: 17 },
    ],
    activeSpeakers(data).map((s, i) => [i + 1, unitById.get(s.unitId)?.name ?? s.unitId, s.topic, by(s.by), when(s.at)]),
  );

  // The scores, once published (never before: the workbook may be forwarded).
  const table = data.scores.current;
  if (table && data.scores.publishedAt) {
    const fields = table.units[0]?.fields ?? [];
    const ws = sheet(
      "export-sheet-scores",
      [
        { header: "export-col-rank", width: 7 },
        { header: "export-col-unit", width: 28 },
        { header: "export-col-total", width: 10 },
        { header: "export-col-max", width: 10 },
        { header: "export-col-percent", width: 10 },
        { header: "export-col-class", width: 14 },
        ...fields.map((f) => ({ header: f.name, width: 14, literal: true })),
      ],
      [...table.units]
        .sort((a, b) => a.rank - b.rank)
        .map((u) => [
          u.rank,
          unitById.get(u.unitId)?.name ?? u.unitId,
          u.total,
          u.max,
          percentOf(u.total, u.max),
          u.classification,
          ...fields.map((f) => u.fields.find((x) => x.id === f.id)?.final),
        ]),
      { sample: Boolean(table.sample) },
    );
    if (table.sample) ws.headerFooter.oddHeader = `${ws.headerFooter.oddHeader ?? ""}`.replace("&R", `&R${t("scores-sample-mark").replace(/&/g, "&&")} `);
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** "hoinghi-phong-tho-2023-20270620-0815.xlsx" */
export function workbookName(conf: Conference, now: Date): string {
  return `hoinghi-${conf.id}-${local(now).format("YYYYMMDD-HHmm")}.xlsx`;
}

const exportCommand: CommandDef = {
  name: "xuat",
  noArgs: true,
  aliases: ["export"],
  roles: ["organizer"],
  describe: "cmd-export",
  async handler(ctx) {
    const { t, services } = ctx;
    const conf = services.conference.conf;
    const now = services.clock.now();
    const workbook = await buildWorkbook(services.store.data, conf, t, now);
    services.logger.info({ by: ctx.account.key, bytes: workbook.length }, "workbook exported");
    const totals = summarize(conf, services.store.data).totals;
    const caption = t("export-caption", { seats: totals.seats, attend: totals.attend, substitute: totals.substitute, absent: totals.absent, unanswered: totals.unanswered });
    return [{ kind: "file", name: workbookName(conf, now), mime: XLSX_MIME, data: workbook, caption }];
  },
};

export const exportCommands: CommandDef[] = [exportCommand];
