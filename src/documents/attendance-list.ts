// Danh sách đại biểu (.docx, A4 landscape): the count on the day at the top, then per unit the seats to sign, then the absences.
import { AlignmentType, Document, Footer, HeightRule, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, VerticalAlign, WidthType } from "docx";
import type { Translate } from "../lib/i18n.js";
import { ALL_SINGLE, convertMillimetersToTwip as mm, DOCUMENT_STYLES, NO_BORDERS, pageField, pageProperties, para, run } from "./docx-kit.js";

export interface ListSeat {
  seat: string;
  /** The registered person's name: the name given when the seat was answered. */
  name: string;
  position: string;
  substitute: boolean;
  /** Nobody has answered for the seat yet: a blank line to write a name on. */
  unanswered: boolean;
  /** "có mặt 7 giờ 42" once checked in. */
  present?: string;
}

export interface ListUnit {
  unit: string;
  seats: ListSeat[];
  /** Checked in / expected (seats answered attend or substitute). */
  present: number;
  expected: number;
  /** Who is expected and not yet checked in ("Chủ tịch UBND xã (Lò Văn A)"). */
  missing: string[];
}

export interface ListAbsence {
  unit: string;
  seat: string;
  reason: string;
}

export interface AttendanceListInput {
  bodyLines: string[];
  title: string;
  /** "8 giờ 05, Chủ nhật, ngày 20/6/2027" */
  made: string;
  totals: { present: number; expected: number; seats: number; absent: number };
  units: ListUnit[];
  absences: ListAbsence[];
  /** Who to call, already worded (the conference's contact): the list's last line. */
  contact?: string;
}

// 297 − 20 − 15 mm of landscape A4.
const WIDTH_MM = 262;

/** A row a person signs on: 10 mm at least, room for a signature (the count and absence tables keep their own height). */
const SIGN_ROW_MM = 10;

function row(cells: Array<{ text: string; width: number; bold?: boolean; align?: "center" | "left"; span?: number }>, header = false, minMm?: number): TableRow {
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    ...(minMm && { height: { value: mm(minMm), rule: HeightRule.ATLEAST } }),
    children: cells.map(
      (c) =>
        new TableCell({
          children: [para(c.text, { size: 12, bold: c.bold || header, align: c.align ?? (header ? "center" : "left") })],
          width: { size: mm(c.width), type: WidthType.DXA },
          columnSpan: c.span,
          verticalAlign: VerticalAlign.CENTER,
          margins: { top: 40, bottom: 40, left: 80, right: 80 },
        }),
    ),
  });
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({ rows, width: { size: mm(WIDTH_MM), type: WidthType.DXA }, columnWidths: widths.map(mm), borders: ALL_SINGLE, alignment: AlignmentType.CENTER });
}

/** The count on the day: present / expected, by unit, who is missing. */
function countBlock(l: AttendanceListInput, t: Translate): Array<Paragraph | Table> {
  const w = [70, 30, 162];
  return [
    para(t("list-count-title"), { size: 13, bold: true, before: 6 }),
    para(t("list-count-total", { present: String(l.totals.present), expected: String(l.totals.expected), seats: String(l.totals.seats), absent: String(l.totals.absent) }), { size: 13, after: 4 }),
    table(w, [
      row([{ text: t("list-col-unit"), width: w[0] as number }, { text: t("list-col-count"), width: w[1] as number }, { text: t("list-col-missing"), width: w[2] as number }], true),
      ...l.units.map((u) =>
        row([
          { text: u.unit, width: w[0] as number },
          // A unit that reported every seat absent expects nobody: said in words, not "0/0".
          { text: u.expected === 0 ? t("list-count-all-absent") : `${u.present}/${u.expected}`, width: w[1] as number, align: "center" },
          { text: u.missing.join("; "), width: w[2] as number },
        ]),
      ),
    ]),
  ];
}

function signatureTable(l: AttendanceListInput, t: Translate): Table {
  const w = [12, 68, 50, 52, 30, 50];
  const header = row(
    ["list-col-no", "list-col-seat", "list-col-name", "list-col-position", "list-col-present", "list-col-sign"].map((k, i) => ({ text: t(k), width: w[i] as number })),
    true,
  );
  const rows: TableRow[] = [header];
  let no = 0;
  for (const u of l.units) {
    rows.push(row([{ text: u.unit, width: WIDTH_MM, bold: true, span: w.length }]));
    for (const s of u.seats) {
      no += 1;
      const name = s.unanswered ? t("list-unanswered") : s.substitute ? `${s.name} ${t("list-substitute")}` : s.name;
      rows.push(
        row([
          { text: String(no), width: w[0] as number, align: "center" },
          { text: s.seat, width: w[1] as number },
          { text: name, width: w[2] as number },
          { text: s.position, width: w[3] as number },
          { text: s.present ?? "", width: w[4] as number, align: "center" },
          { text: "", width: w[5] as number },
        ], false, SIGN_ROW_MM),
      );
    }
  }
  return table(w, rows);
}

function absenceTable(l: AttendanceListInput, t: Translate): Array<Paragraph | Table> {
  const heading = para(t("list-absent-title"), { size: 13, bold: true, align: "center", before: 12, after: 4, keepNext: true });
  if (l.absences.length === 0) return [heading, para(t("list-absent-none"), { size: 13, align: "center" })];
  const w = [12, 70, 80, 100];
  return [
    heading,
    table(w, [
      row(["list-col-no", "list-col-unit", "list-col-seat", "list-col-reason"].map((k, i) => ({ text: t(k), width: w[i] as number })), true),
      ...l.absences.map((a, i) =>
        row([
          { text: String(i + 1), width: w[0] as number, align: "center" },
          { text: a.unit, width: w[1] as number },
          { text: a.seat, width: w[2] as number },
          { text: a.reason, width: w[3] as number },
        ]),
      ),
    ]),
  ];
}

/** "Người lập biểu" at the end, on the right, with room to sign and the name written by hand. */
function madeBy(t: Translate): Table {
  const none = { top: NO_BORDERS.top, bottom: NO_BORDERS.bottom, left: NO_BORDERS.left, right: NO_BORDERS.right };
  const right = [
    para(t("list-made-by"), { size: 13, bold: true, align: "center", keepNext: true }),
    para(t("list-made-by-hint"), { size: 12, italics: true, align: "center", after: 71 }),
  ];
  return new Table({
    rows: [new TableRow({ cantSplit: true, children: [new TableCell({ children: [para("")], borders: none, width: { size: mm(WIDTH_MM - 90), type: WidthType.DXA } }), new TableCell({ children: right, borders: none, width: { size: mm(90), type: WidthType.DXA } })] })],
    width: { size: mm(WIDTH_MM), type: WidthType.DXA },
    columnWidths: [mm(WIDTH_MM - 90), mm(90)],
    borders: NO_BORDERS,
  });
}

/** "Trang 2/9" at the foot of every page. */
function pageFooter(t: Translate): Footer {
  const [before, between] = t("list-page", { page: "\u0001", pages: "\u0001" }).split("\u0001");
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(before ?? "", { size: 12 }), pageField(PageNumber.CURRENT, 12), run(between ?? "", { size: 12 }), pageField(PageNumber.TOTAL_PAGES, 12)],
      }),
    ],
  });
}

export async function attendanceListDocx(l: AttendanceListInput, t: Translate): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    ...l.bodyLines.map((line) => para(line, { size: 13, bold: true, align: "left" })),
    para(t("list-title"), { size: 14, bold: true, align: "center", before: 6 }),
    para(l.title, { size: 13, bold: true, align: "center" }),
    para(t("list-made", { time: l.made }), { size: 13, italics: true, align: "center", after: 4 }),
    ...countBlock(l, t),
    para("", { size: 8, after: 6 }),
    signatureTable(l, t),
    ...absenceTable(l, t),
    ...(l.contact ? [para(l.contact, { size: 12, italics: true, before: 12, after: 6 })] : []),
    madeBy(t),
  ];
  const section = { properties: pageProperties("landscape"), footers: { default: pageFooter(t) }, children };
  const doc = new Document({ creator: l.bodyLines.join(" "), title: t("list-title"), styles: DOCUMENT_STYLES, sections: [section] });
  return Packer.toBuffer(doc);
}
