// The giấy mời of each unit (.docx), in the form of Nghị định 30/2020/NĐ-CP, Phụ lục III, Mẫu 1.7.
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
  VerticalAlign,
  WidthType,
} from "docx";
import type { Translate } from "../lib/i18n.js";
import { ALL_SINGLE, convertMillimetersToTwip, DOCUMENT_STYLES, NO_BORDERS, pageField, type ParaStyle, pageProperties, para, rule, spacer } from "./docx-kit.js";
import { qrPng } from "./qr.js";
import { blockHeightPt, PT_PER_MM } from "./measure.js";

/** What every letter of a conference shares. Values are already in the letter's language. */
export interface InvitationCommon {
  /** The issuing body's name, one line each, in capitals. */
  bodyLines: string[];
  /** The body as a sentence names it ("Ủy ban nhân dân huyện Phong Thổ"). */
  body: string;
  /** The letter's number; blank leaves room to write it by hand. */
  number: string;
  symbol: string;
  /** The whole place-and-date line ("Phong Thổ, ngày … tháng … năm 20…" while the office dates the letters). */
  placeDate: string;
  summary: string;
  title: string;
  chair: string;
  /** The whole "Thời gian: …" and "Địa điểm: …" lines. */
  timeLine: string;
  placeLine: string;
  /** Already worded ("Mọi chi tiết xin liên hệ: …."). */
  contact?: string;
  /** "Nơi nhận" after "Như trên". */
  recipients: string[];
  signer: { onBehalf?: string; title: string; name: string };
}

export interface LetterLink {
  /** The line printed under the QR code. */
  label: string;
  url: string;
  /** The address as printed under it, for a person to type or search ("@PhongTho_HoiNghi_bot", "zalo.me/s/…"). */
  caption: string;
}

/** The box at the end of a letter: the invite code, how to use it (the chat commands are printed only here), one QR code per channel. */
export interface CodeBox {
  /** "Mã mời của UBND xã Mường So:" */
  codeLabel: string;
  /** The code as printed ("7KQ2M-X9D4R"). */
  code: string;
  /** "Hoặc gõ cho bot của Hội nghị: /start 7KQ2MX9D4R", then the commands. */
  lines: string[];
  keep: string;
  links: LetterLink[];
}

export interface InvitationLetter {
  unitId: string;
  /** The addressed name ("UBND xã Mường So"). */
  addressee: string;
  /** The titles of the unit's invited seats. */
  seats: string[];
  /** The sentence of the unit's duty (a speech and its deadline, or the invitation to speak). */
  duty: string;
  /** The sentence asking for the answer, with its deadline. */
  rsvp: string;
  /** The box with the invite code; absent while none is issued (the letter then has none). */
  box?: CodeBox;
}

/** The text width (210 − 30 − 15 mm); the heading table reaches 8 mm into the right margin, as usual for Quốc hiệu. */
const CONTENT_MM = 165;
/** The height text may take on A4 with the margins of Nghị định 30 (297 − 20 − 20 mm). */
export const PAGE_MM = 257;
/** What the estimate keeps in hand, for a reader whose lines come out taller than the estimate's. */
const SAFETY_MM = 4;
const LEFT_MM = 62;
const RIGHT_MM = CONTENT_MM - LEFT_MM;
const BOX_MM = CONTENT_MM - 6;
/** Room to sign and seal between the signer's title and name (Nghị định 30 leaves 20–30 mm). */
export const SIGN_MM = 25;
const mm = convertMillimetersToTwip;

/**
 * How loosely a letter is set: the space between paragraphs (never under the decree's 6 pt), the
 * line spacing, the QR codes' side (25 mm reads at arm's length; 21 mm still reads from a phone).
 * The first that fits on one page is used.
 */
export interface Layout {
  gap: number;
  line: number;
  qrMm: number;
}
export const LAYOUTS: readonly Layout[] = [
  { gap: 9, line: 1.1, qrMm: 26 },
  { gap: 8, line: 1.05, qrMm: 25 },
  { gap: 6, line: 1, qrMm: 25 },
  { gap: 6, line: 1, qrMm: 20 },
];

/** A paragraph as the letter lays it out: what para() prints and what the estimate measures. */
type Block = ParaStyle & { text: string; size: number; widthMm: number };

const toPara = (b: Block): Paragraph => para(b.text, b);
const heightMm = (blocks: Block[]): number => blocks.reduce((h, b) => h + blockHeightPt(b), 0) / PT_PER_MM;

function cell(children: Array<Paragraph | Table>, widthMm: number): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    borders: { top: NO_BORDERS.top, bottom: NO_BORDERS.bottom, left: NO_BORDERS.left, right: NO_BORDERS.right },
  });
}

function grid(rows: TableCell[][], widthsMm: number[]): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
    width: { size: mm(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    borders: NO_BORDERS,
    alignment: AlignmentType.CENTER,
  });
}

/** The heading: body and number on the left, Quốc hiệu, Tiêu ngữ and place-date on the right. */
function heading(c: InvitationCommon, t: Translate): { table: Table; mm: number } {
  const at = (text: string, size: number, widthMm: number, style: ParaStyle = {}): Block => ({ text, size, widthMm, bold: true, align: "center", ...style });
  const left = c.bodyLines.map((line) => at(line, 13, LEFT_MM));
  // Tiêu ngữ: 13–14 pt bold, hyphenated, with the line under it as long as the words.
  const right = [at(t("doc-national"), 13, RIGHT_MM), at(t("doc-motto"), 14, RIGHT_MM, { underline: true })];
  const number = at(t("doc-number", { number: c.number || "      ", symbol: c.symbol }), 13, LEFT_MM, { bold: false, before: 4 });
  const date = at(c.placeDate, 14, RIGHT_MM, { bold: false, italics: true, before: 4 });
  const table = grid(
    [
      [cell([...left.map(toPara), rule(LEFT_MM, 22)], LEFT_MM), cell(right.map(toPara), RIGHT_MM)],
      [cell([toPara(number)], LEFT_MM), cell([toPara(date)], RIGHT_MM)],
    ],
    [LEFT_MM, RIGHT_MM],
  );
  return { table, mm: Math.max(heightMm(left) + 1, heightMm(right)) + Math.max(heightMm([number]), heightMm([date])) };
}

function bodyBlocks(c: InvitationCommon, l: InvitationLetter, t: Translate, layout: Layout): Block[] {
  const text = (s: string, after = layout.gap): Block => ({ text: s, size: 13, widthMm: CONTENT_MM, align: "justify", indentMm: 12.7, after, line: layout.line });
  // The seats are one list: the decree's space is between paragraphs, not between the lines of a list.
  const seats = l.seats.map((s, i) => (i === l.seats.length - 1 ? text(t("doc-seat-last", { seat: s })) : text(t("doc-seat-line", { seat: s }), 0)));
  const centred = (s: string, bold: boolean, before: number, after: number): Block => ({ text: s, size: 14, widthMm: CONTENT_MM, bold, align: "center", before, after, line: layout.line });
  return [
    centred(t("doc-invitation-title"), true, layout.gap, 0),
    centred(c.summary, true, 0, layout.gap),
    centred(t("doc-to", { unit: l.addressee }), false, 0, layout.gap),
    text(t("doc-invite-intro", { body: c.body }), 0),
    ...seats,
    text(t("doc-invite-to", { title: c.title })),
    text(t("doc-chair", { chair: c.chair })),
    text(c.timeLine),
    text(c.placeLine),
    text(l.duty),
    text(l.rsvp),
    ...(c.contact ? [text(c.contact)] : []),
    text(t("doc-closing")),
  ];
}

/** "Nơi nhận" on the left, the signature block on the right, 25 mm to sign and seal. */
function closing(c: InvitationCommon, t: Translate): { table: Table; mm: number } {
  const recipients = [t("doc-recipients-as-above"), ...c.recipients];
  const left: Block[] = [
    { text: t("doc-recipients-title"), size: 12, widthMm: 80, bold: true, italics: true },
    ...recipients.map((r, i): Block => ({ text: t(i === recipients.length - 1 ? "doc-recipient-last" : "doc-recipient-line", { recipient: r }), size: 11, widthMm: 80 })),
  ];
  const signer = (text: string, after = 0): Block => ({ text, size: 14, widthMm: CONTENT_MM - 80, bold: true, align: "center", after });
  const right: Block[] = [
    ...(c.signer.onBehalf ? [signer(c.signer.onBehalf.toLocaleUpperCase("vi"))] : []),
    signer(c.signer.title.toLocaleUpperCase("vi"), SIGN_MM * PT_PER_MM),
    signer(c.signer.name),
  ];
  const table = grid([[cell(left.map(toPara), 80), cell(right.map(toPara), CONTENT_MM - 80)]], [80, CONTENT_MM - 80]);
  return { table, mm: Math.max(heightMm(left), heightMm(right)) };
}

/** The box's paragraphs and columns: the code's column, then one per QR code, each as narrow as its QR code and words allow. */
function boxBlocks(box: CodeBox, layout: Layout) {
  const inner = BOX_MM - 4;
  // As narrow as the QR codes allow, so the code's column keeps each of its lines on one line.
  const qrCol = box.links.length > 0 ? layout.qrMm + 11 : 0;
  const codeCol = inner - qrCol * box.links.length;
  // What the paragraphs of a cell may take: the cell less its margins (1.9 mm each side).
  const textCol = codeCol - 4;
  const code: Block[] = [
    { text: box.codeLabel, size: 12, widthMm: textCol, align: "center", before: 3 },
    { text: box.code, size: 18, widthMm: textCol, bold: true, align: "center", after: 1 },
    ...box.lines.map((line, i): Block => ({ text: line, size: i === 0 ? 11 : 9.5, widthMm: textCol, align: "center", after: 1 })),
    { text: box.keep, size: 8.5, widthMm: textCol, italics: true, align: "center", before: 1, after: 2 },
  ];
  const qr = box.links.map((link): Block[] => [
    { text: link.label, size: 8, widthMm: qrCol - 4, align: "center" },
    { text: link.caption, size: 6.5, widthMm: qrCol - 4, align: "center", after: 2 },
  ]);
  return { codeCol, qrCol, code, qr };
}

/** The box's height, in millimetres: the taller of the code's column and the QR codes'. */
function boxHeightMm(box: CodeBox, layout: Layout): number {
  const b = boxBlocks(box, layout);
  const qr = Math.max(0, ...b.qr.map((q) => layout.qrMm + 1.5 + heightMm(q)));
  return Math.max(heightMm(b.code), qr) + 1.5;
}

/** The box at the end: the invite code in large type beside one QR code per configured channel. */
async function codeBox(box: CodeBox, layout: Layout): Promise<Table> {
  const b = boxBlocks(box, layout);
  // docx sizes images in pixels at 96 dpi.
  const px = Math.round((layout.qrMm / 25.4) * 96);
  const qrCells = await Promise.all(
    box.links.map(async (link, i) => {
      const image = para([new ImageRun({ type: "png", data: await qrPng(link.url), transformation: { width: px, height: px } })], { align: "center", before: 2 });
      return cell([image, ...(b.qr[i] ?? []).map(toPara)], b.qrCol);
    }),
  );
  const inner = grid([[cell(b.code.map(toPara), b.codeCol), ...qrCells]], [b.codeCol, ...box.links.map(() => b.qrCol)]);
  return new Table({
    // A cell ends with a paragraph: 1 pt, not the reader's default 14.
    rows: [new TableRow({ cantSplit: true, children: [new TableCell({ children: [inner, spacer(1)], width: { size: mm(BOX_MM), type: WidthType.DXA } })] })],
    width: { size: mm(BOX_MM), type: WidthType.DXA },
    columnWidths: [mm(BOX_MM)],
    borders: ALL_SINGLE,
    alignment: AlignmentType.CENTER,
  });
}

/** The estimated height of a letter set with `layout`, in millimetres. */
export function letterHeightMm(c: InvitationCommon, l: InvitationLetter, t: Translate, layout: Layout): number {
  const box = l.box ? boxHeightMm(l.box, layout) + layout.gap / PT_PER_MM : 0;
  return heading(c, t).mm + heightMm(bodyBlocks(c, l, t, layout)) + closing(c, t).mm + box;
}

/** The loosest layout the letter fits on one page with; the tightest when none does. */
export function layoutFor(c: InvitationCommon, l: InvitationLetter, t: Translate): Layout {
  return LAYOUTS.find((layout) => letterHeightMm(c, l, t, layout) <= PAGE_MM - SAFETY_MM) ?? (LAYOUTS[LAYOUTS.length - 1] as Layout);
}

async function letterChildren(c: InvitationCommon, l: InvitationLetter, t: Translate): Promise<Array<Paragraph | Table>> {
  const layout = layoutFor(c, l, t);
  return [
    heading(c, t).table,
    ...bodyBlocks(c, l, t, layout).map(toPara),
    closing(c, t).table,
    ...(l.box ? [spacer(layout.gap), await codeBox(l.box, layout)] : []),
    // The paragraph that ends the letter's section (a .docx cannot end on a table): 1 pt, so it never spills onto a page of its own.
    spacer(1),
  ];
}


/**
 * One .docx holding the given letters, each in its own A4 section (so each starts on a new page).
 * One letter makes a unit's own file; all of them the file to print at once.
 */
export async function invitationsDocx(common: InvitationCommon, letters: InvitationLetter[], t: Translate): Promise<Buffer> {
  const sections = [];
  for (const l of letters) {
    const page = pageProperties("portrait");
    sections.push({
      // Nghị định 30: pages numbered from the second, centred at the top; each letter counts from 1.
      properties: { ...page, page: { ...page.page, pageNumbers: { start: 1 } }, titlePage: true },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [pageField(PageNumber.CURRENT)] })] }) },
      children: await letterChildren(common, l, t),
    });
  }
  const doc = new Document({
    creator: common.body,
    title: common.summary,
    styles: DOCUMENT_STYLES,
    sections,
  });
  return Packer.toBuffer(doc);
}
