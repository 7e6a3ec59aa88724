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
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Translate } from "../lib/i18n.js";
import { ALL_SINGLE, convertMillimetersToTwip, DOCUMENT_STYLES, FONT, NO_BORDERS, pageProperties, para, rule } from "./docx-kit.js";
import { qrPng } from "./qr.js";

/** What every letter of a conference shares. Values are already in the letter's language. */
export interface InvitationCommon {
  /** The issuing body's name, one line each, in capitals. */
  bodyLines: string[];
  /** The body as a sentence names it ("Ủy ban nhân dân huyện Phong Thổ"). */
  body: string;
  /** The letter's number; blank leaves room to write it by hand. */
  number: string;
  symbol: string;
  place: string;
  issued: { day: string; month: string; year: string };
  summary: string;
  title: string;
  chair: string;
  /** The whole "Thời gian: …" and "Địa điểm: …" lines. */
  timeLine: string;
  placeLine: string;
  rsvpDeadline: string;
  /** Already worded ("Mọi chi tiết xin liên hệ: …, điện thoại: …."). */
  contact?: string;
  /** "Nơi nhận" after "Như trên". */
  recipients: string[];
  signer: { onBehalf?: string; title: string; name: string };
}

export interface LetterLink {
  /** The line printed under the QR code. */
  label: string;
  url: string;
}

export interface InvitationLetter {
  unitId: string;
  /** The addressed name ("UBND xã Mường So"). */
  addressee: string;
  /** The titles of the unit's invited seats. */
  seats: string[];
  /** The invite code as printed ("7KQ2M-X9D4R"); absent while none is issued (the letter then has no code box). */
  code?: string;
  duty: { kind: "speech"; topic: string; deadline: string } | { kind: "open"; text?: string };
  /** One QR code per configured channel. */
  links: LetterLink[];
}

/** The text width (210 − 30 − 15 mm); the heading table reaches 8 mm into the right margin, as usual for Quốc hiệu. */
const CONTENT_MM = 165;
const LEFT_MM = 62;
const RIGHT_MM = CONTENT_MM - LEFT_MM;
const mm = convertMillimetersToTwip;
/** docx sizes images in pixels at 96 dpi: 25 mm, which phones read from a sheet at arm's length. */
const QR_PX = Math.round((25 / 25.4) * 96);

function cell(children: Paragraph[], widthMm: number, options: { borders?: boolean } = {}): TableCell {
  return new TableCell({
    children,
    width: { size: mm(widthMm), type: WidthType.DXA },
    verticalAlign: VerticalAlign.TOP,
    borders: options.borders ? undefined : { top: NO_BORDERS.top, bottom: NO_BORDERS.bottom, left: NO_BORDERS.left, right: NO_BORDERS.right },
  });
}

function grid(rows: TableCell[][], widthsMm: number[], borders = false): Table {
  return new Table({
    rows: rows.map((cells) => new TableRow({ children: cells, cantSplit: true })),
    width: { size: mm(widthsMm.reduce((a, b) => a + b, 0)), type: WidthType.DXA },
    columnWidths: widthsMm.map(mm),
    borders: borders ? ALL_SINGLE : NO_BORDERS,
    alignment: AlignmentType.CENTER,
  });
}

/** The heading: body and number on the left, Quốc hiệu, Tiêu ngữ and place-date on the right. */
function heading(c: InvitationCommon, t: Translate): Table {
  const left = [
    ...c.bodyLines.map((line) => para(line, { size: 13, bold: true, align: "center" })),
    rule(LEFT_MM, 22),
  ];
  const right = [
    para(t("doc-national"), { size: 13, bold: true, align: "center" }),
    // Tiêu ngữ: 13–14 pt bold, hyphenated, with the line under it as long as the words.
    para(t("doc-motto"), { size: 14, bold: true, underline: true, align: "center" }),
  ];
  const number = para(t("doc-number", { number: c.number || "      ", symbol: c.symbol }), { size: 13, align: "center", before: 3 });
  const date = para(t("doc-place-date", { place: c.place, ...c.issued }), { size: 14, italics: true, align: "center", before: 3 });
  return grid(
    [
      [cell(left, LEFT_MM), cell(right, RIGHT_MM)],
      [cell([number], LEFT_MM), cell([date], RIGHT_MM)],
    ],
    [LEFT_MM, RIGHT_MM],
  );
}

function body(c: InvitationCommon, l: InvitationLetter, t: Translate): Paragraph[] {
  const text = { size: 13, align: "justify" as const, indentMm: 12.7, after: 3 };
  const duty =
    l.duty.kind === "speech"
      ? t("doc-duty-speech", { unit: l.addressee, topic: l.duty.topic, deadline: l.duty.deadline })
      : l.duty.text
        ? t("doc-duty-open", { open: l.duty.text })
        : t("doc-duty-open-plain");
  return [
    para(t("doc-invitation-title"), { size: 14, bold: true, align: "center", before: 12 }),
    para(c.summary, { size: 14, bold: true, align: "center", after: 6 }),
    para(t("doc-to", { unit: l.addressee }), { size: 14, align: "center", after: 6 }),
    para(t("doc-invite-intro", { body: c.body }), text),
    ...l.seats.map((seat, i) => para(t(i === l.seats.length - 1 ? "doc-seat-last" : "doc-seat-line", { seat }), text)),
    para(t("doc-invite-to", { title: c.title }), text),
    para(t("doc-chair", { chair: c.chair }), text),
    para(c.timeLine, text),
    para(c.placeLine, text),
    para(duty, text),
    para(t("doc-rsvp", { unit: l.addressee, deadline: c.rsvpDeadline }), text),
    ...(c.contact ? [para(c.contact, text)] : []),
    para(t("doc-closing"), { ...text, after: 6 }),
  ];
}

/** "Nơi nhận" on the left, the signature block on the right. */
function closing(c: InvitationCommon, t: Translate): Table {
  const recipients = [t("doc-recipients-as-above"), ...c.recipients];
  const left = [
    para(t("doc-recipients-title"), { size: 12, bold: true, italics: true }),
    ...recipients.map((r, i) => para(t(i === recipients.length - 1 ? "doc-recipient-last" : "doc-recipient-line", { recipient: r }), { size: 11 })),
  ];
  const right = [
    ...(c.signer.onBehalf ? [para(c.signer.onBehalf.toLocaleUpperCase("vi"), { size: 14, bold: true, align: "center" })] : []),
    para(c.signer.title.toLocaleUpperCase("vi"), { size: 14, bold: true, align: "center", after: 42 }),
    para(c.signer.name, { size: 14, bold: true, align: "center" }),
  ];
  return grid([[cell(left, 80), cell(right, CONTENT_MM - 80)]], [80, CONTENT_MM - 80]);
}

/** The box at the end: the invite code in large type beside one QR code per configured channel. */
async function codeBox(l: InvitationLetter & { code: string }, t: Translate): Promise<Table> {
  const width = CONTENT_MM - 6;
  const qrWidth = l.links.length > 0 ? Math.min(46, (width - 66) / l.links.length) : 0;
  const codeWidth = width - qrWidth * l.links.length;
  const codeCell = cell(
    [
      para(t("doc-box-code", { unit: l.addressee }), { size: 12, align: "center", before: 8 }),
      para(l.code, { size: 20, bold: true, align: "center", after: 4 }),
      para(t("doc-box-type", { code: l.code.replace(/-/g, "") }), { size: 11, align: "center" }),
      para(t("doc-box-keep"), { size: 9, italics: true, align: "center", before: 4 }),
    ],
    codeWidth,
  );
  const qrCells = await Promise.all(
    l.links.map(async (link) => {
      const png = await qrPng(link.url);
      return cell(
        [
          para([new ImageRun({ type: "png", data: png, transformation: { width: QR_PX, height: QR_PX } })], { align: "center" }),
          para(link.label, { size: 9, align: "center" }),
          para(link.url, { size: 7, align: "center", after: 3 }),
        ],
        qrWidth,
      );
    }),
  );
  const inner = grid([[codeCell, ...qrCells]], [codeWidth, ...l.links.map(() => qrWidth)]);
  return new Table({
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [
              para(t("doc-box-title"), { size: 13, bold: true, align: "center", before: 3 }),
              inner,
            ],
            width: { size: mm(width), type: WidthType.DXA },
          }),
        ],
      }),
    ],
    width: { size: mm(width), type: WidthType.DXA },
    columnWidths: [mm(width)],
    borders: ALL_SINGLE,
    alignment: AlignmentType.CENTER,
  });
}

async function letterChildren(c: InvitationCommon, l: InvitationLetter, t: Translate): Promise<Array<Paragraph | Table>> {
  const code = l.code;
  const box = code === undefined ? [] : [para("", { size: 6 }), await codeBox({ ...l, code }, t)];
  return [heading(c, t), ...body(c, l, t), closing(c, t), ...box];
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
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ font: FONT, size: 28, children: [PageNumber.CURRENT] })] })] }) },
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
