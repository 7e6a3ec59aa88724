// A "văn bản có tên loại" laid out as Nghị định 30/2020/NĐ-CP, Phụ lục III shows it (Mẫu 1.4; the
// Biên bản, Mẫu 1.9, differs only in its two signatures and where "Nơi nhận" goes): the header (issuing
// body and number on the left, Quốc hiệu, Tiêu ngữ and place-date on the right), the kind and summary,
// the body in numbered parts, "Nơi nhận" and the signature blocks. The analysis report, the minutes
// and the conclusions are written in it. Values arrive in the document's language.
import {
  AlignmentType,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Translate } from "../lib/i18n.js";
import { ALL_SINGLE, convertMillimetersToTwip, DOCUMENT_STYLES, FONT, NO_BORDERS, pageProperties, para, rule } from "./docx-kit.js";

/** The day of issue, as Nghị định 30 writes it ("05", "02", "2024"); absent: left blank for the office. */
export interface IssuedOn {
  day: string;
  month: string;
  year: string;
}

export interface Signer {
  /** "TM. ỦY BAN NHÂN DÂN", "KT. CHÁNH VĂN PHÒNG" (printed in capitals). */
  onBehalf?: string;
  /** "CHỦ TỊCH", "THƯ KÝ" (printed in capitals). */
  title: string;
  /** Blank: a line left for the name to be written. */
  name: string;
}

/** What the body holds, part by part. */
export type Block =
  /** "I. KẾT QUẢ …": a part's heading, bold. */
  | { kind: "heading"; text: string }
  /** "1. …": a sub-heading, bold, indented like the text. */
  | { kind: "subheading"; text: string }
  /** A paragraph of text, justified, first line indented. */
  | { kind: "text"; text: string; italics?: boolean }
  /** Lines each starting with "- ", as the body writes lists. */
  | { kind: "list"; items: string[] }
  /** A table with a header row, bordered; `widths` in millimetres (their sum is the text width or less). */
  | { kind: "table"; header: string[]; rows: string[][]; widths: number[]; align?: Array<"left" | "center" | "right"> }
  /** A picture (PNG), centred, `widthMm` wide, with a caption under it. */
  | { kind: "image"; png: Buffer; widthPx: number; heightPx: number; widthMm: number; caption?: string };

export interface AdminDoc {
  /** The body above the issuer (cơ quan chủ quản), capitals, printed upright and not bold ("UBND HUYỆN PHONG THỔ"); none: left out. */
  parentLines?: string[];
  /** The issuing body, one line each, capitals ("ỦY BAN NHÂN DÂN", "HUYỆN PHONG THỔ"). */
  bodyLines: string[];
  /** The number; blank leaves room to write it by hand when the document is registered. */
  number: string;
  /** After the number: "BC-UBND", "BB-UBND", "TB-VP". */
  symbol: string;
  /** The place before the date ("Phong Thổ"). */
  place: string;
  /** Blank for the office to fill ("ngày … tháng … năm 20…") unless given. */
  issued?: IssuedOn;
  /** The kind in capitals: "BÁO CÁO", "BIÊN BẢN", "THÔNG BÁO". */
  kind: string;
  /** The summary line under the kind. */
  summary: string;
  /** Lines printed in italics between the summary and the body (a sample's warning). */
  marks?: string[];
  body: Block[];
  /** "Nơi nhận", each line; none: the block is left out. */
  recipients?: string[];
  /** One signer (right) or two (the minutes: the secretary left, the chair right). */
  signers: [Signer] | [Signer, Signer];
  /** Where "Nơi nhận" goes: beside the one signature (Mẫu 1.4) or under the two (Mẫu 1.9). */
  recipientsBelow?: boolean;
}

/** The text width (210 − 30 − 15 mm); the heading table reaches a little into the right margin, as for Quốc hiệu. */
export const CONTENT_MM = 165;
const LEFT_MM = 62;
const RIGHT_MM = CONTENT_MM - LEFT_MM;
const mm = convertMillimetersToTwip;
/** Body text: 14 pt, justified, the first line indented 1.27 cm, 6 pt between paragraphs. */
const TEXT = { size: 14, align: "justify" as const, indentMm: 12.7, after: 6 };

export function cell(children: Array<Paragraph | Table>, widthMm: number, options: { borders?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    borders: options.borders ? undefined : { top: NO_BORDERS.top, bottom: NO_BORDERS.bottom, left: NO_BORDERS.left, right: NO_BORDERS.right },
  });
}

export function grid(rows: TableCell[][], widthsMm: number[], borders = false): Table {
  return new Table({
    rows: rows.map((cells, i) => new TableRow({ children: cells, cantSplit: true, tableHeader: borders && i === 0 })),
    width: { size: mm(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    borders: borders ? ALL_SINGLE : NO_BORDERS,
    alignment: AlignmentType.CENTER,
  });
}

/** The place-date line: the date given, or dots for the office to fill. */
export function placeDate(t: Translate, place: string, issued: IssuedOn | undefined): string {
  return issued ? t("doc-place-date", { place, ...issued }) : t("admin-place-date-blank", { place });
}

/** The heading: body and number on the left, Quốc hiệu, Tiêu ngữ and place-date on the right. */
function heading(d: AdminDoc, t: Translate): Table {
  const parent = (d.parentLines ?? []).map((line) => para(line, { size: 12, align: "center" }));
  const left = [...parent, ...d.bodyLines.map((line) => para(line, { size: 13, bold: true, align: "center" })), rule(LEFT_MM, 22)];
  const right = [
    para(t("doc-national"), { size: 13, bold: true, align: "center" }),
    para(t("doc-motto"), { size: 14, bold: true, underline: true, align: "center" }),
  ];
  const number = para(t("doc-number", { number: d.number || "      ", symbol: d.symbol }), { size: 13, align: "center", before: 6 });
  const date = para(placeDate(t, d.place, d.issued), { size: 14, italics: true, align: "center", before: 6 });
  return grid(
    [
      [cell(left, LEFT_MM), cell(right, RIGHT_MM)],
      [cell([number], LEFT_MM), cell([date], RIGHT_MM)],
    ],
    [LEFT_MM, RIGHT_MM],
  );
}

/** The kind, the summary line and the short rule under it; the marks (sample data) under them. */
function title(d: AdminDoc): Paragraph[] {
  return [
    para(d.kind, { size: 14, bold: true, align: "center", before: 18 }),
    para(d.summary, { size: 14, bold: true, align: "center" }),
    rule(CONTENT_MM, 40),
    para("", { size: 6, after: 6 }),
    ...(d.marks ?? []).map((m) => para(m, { size: 13, italics: true, bold: true, align: "center", after: 6 })),
  ];
}

function tableBlock(b: Extract<Block, { kind: "table" }>): Table {
  const align = (i: number) => b.align?.[i] ?? "left";
  const head = b.header.map((h, i) => cell([para(h, { size: 12, bold: true, align: "center" })], b.widths[i] ?? 20, { borders: true }));
  const rows = b.rows.map((r) => r.map((v, i) => cell([para(v, { size: 12, align: align(i) })], b.widths[i] ?? 20, { borders: true })));
  return grid([head, ...rows], b.widths, true);
}

function imageBlock(b: Extract<Block, { kind: "image" }>): Paragraph[] {
  // docx sizes images in pixels at 96 dpi.
  const width = Math.round((b.widthMm / 25.4) * 96);
  const height = Math.round((width * b.heightPx) / b.widthPx);
  return [
    para([new ImageRun({ type: "png", data: b.png, transformation: { width, height } })], { align: "center", before: 6 }),
    ...(b.caption ? [para(b.caption, { size: 13, italics: true, align: "center", after: 6 })] : []),
  ];
}

function blockOf(b: Block): Array<Paragraph | Table> {
  switch (b.kind) {
    case "heading":
      return [para(b.text, { size: 14, bold: true, align: "justify", before: 6, after: 6, keepNext: true })];
    case "subheading":
      return [para(b.text, { ...TEXT, bold: true, keepNext: true })];
    case "text":
      return [para(b.text, { ...TEXT, italics: b.italics })];
    case "list":
      return b.items.map((item) => para(`- ${item}`, TEXT));
    case "table":
      return [tableBlock(b), para("", { size: 6, after: 6 })];
    case "image":
      return imageBlock(b);
  }
}

function recipientsBlock(d: AdminDoc, t: Translate): Paragraph[] {
  const list = d.recipients ?? [];
  if (list.length === 0) return [];
  return [
    para(t("doc-recipients-title"), { size: 12, bold: true, italics: true }),
    ...list.map((r, i) => para(t(i === list.length - 1 ? "doc-recipient-last" : "doc-recipient-line", { recipient: r }), { size: 11 })),
  ];
}

function signature(s: Signer): Paragraph[] {
  return [
    ...(s.onBehalf ? [para(s.onBehalf.toLocaleUpperCase("vi"), { size: 14, bold: true, align: "center" })] : []),
    para(s.title.toLocaleUpperCase("vi"), { size: 14, bold: true, align: "center" }),
    para("", { size: 14, after: 54 }),
    para(s.name || "", { size: 14, bold: true, align: "center" }),
  ];
}

/** Mẫu 1.4: "Nơi nhận" left, the signature right. Mẫu 1.9: the two signatures side by side, "Nơi nhận" under them. */
function closing(d: AdminDoc, t: Translate): Array<Paragraph | Table> {
  const half = CONTENT_MM / 2;
  if (d.signers.length === 2 || d.recipientsBelow) {
    const [first, second] = d.signers;
    const row = second ? [cell(signature(first), half), cell(signature(second), half)] : [cell([], half), cell(signature(first), half)];
    const below = recipientsBlock(d, t);
    return [para("", { size: 6, after: 6 }), grid([row], [half, half]), ...(below.length > 0 ? [para("", { size: 6, after: 12 }), ...below] : [])];
  }
  return [para("", { size: 6, after: 6 }), grid([[cell(recipientsBlock(d, t), 80), cell(signature(d.signers[0]), CONTENT_MM - 80)]], [80, CONTENT_MM - 80])];
}

/** The document's paragraphs and tables, in order: what a test reads back. */
export function adminDocChildren(d: AdminDoc, t: Translate): Array<Paragraph | Table> {
  return [heading(d, t), ...title(d), ...d.body.flatMap(blockOf), ...closing(d, t)];
}

/** The .docx: A4 portrait, the margins of Nghị định 30, page numbers from the second page, centred at the top. */
export async function adminDocx(d: AdminDoc, t: Translate, meta: { creator: string }): Promise<Buffer> {
  const page = pageProperties("portrait");
  const doc = new Document({
    creator: meta.creator,
    title: `${d.kind} ${d.summary}`,
    styles: DOCUMENT_STYLES,
    sections: [
      {
        properties: { ...page, page: { ...page.page, pageNumbers: { start: 1 } }, titlePage: true },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 28, children: [PageNumber.CURRENT] })] })] }) },
        children: adminDocChildren(d, t),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
