// The printed-page conventions of Nghị định 30/2020/NĐ-CP for docx: A4, Times New Roman, margins, and small run helpers.
import {
  AlignmentType,
  BorderStyle,
  type ISectionOptions,
  LineRuleType,
  type PageNumber,
  PageOrientation,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import { writable } from "../lib/text.js";

export const FONT = "Times New Roman";

/** Millimetres to twips, rounded (docx's own helper cuts 297 mm to 16,837 instead of A4's 16,838). */
export const convertMillimetersToTwip = (mm: number): number => Math.round((mm * 1440) / 25.4);

/** A4 in twips (210 × 297 mm). */
export const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };

/** Margins of Nghị định 30 (Phụ lục I): top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const MARGINS_MM = { top: 20, bottom: 20, left: 30, right: 15 };

/** Landscape pages (lists): the same margins turned with the page, the binding edge at the top. */
export const LANDSCAPE_MARGINS_MM = { top: 30, bottom: 20, left: 20, right: 15 };

export function pageProperties(orientation: "portrait" | "landscape"): NonNullable<ISectionOptions["properties"]> {
  const m = orientation === "portrait" ? MARGINS_MM : LANDSCAPE_MARGINS_MM;
  return {
    page: {
      // docx swaps width and height itself when told the orientation is landscape.
      size: { width: A4.width, height: A4.height, orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
      margin: {
        top: convertMillimetersToTwip(m.top),
        bottom: convertMillimetersToTwip(m.bottom),
        left: convertMillimetersToTwip(m.left),
        right: convertMillimetersToTwip(m.right),
      },
    },
  };
}

/** The width the text may take on a page, in twips. */
export function textWidth(orientation: "portrait" | "landscape"): number {
  const m = orientation === "portrait" ? MARGINS_MM : LANDSCAPE_MARGINS_MM;
  const paper = orientation === "portrait" ? 210 : 297;
  return convertMillimetersToTwip(paper - m.left - m.right);
}

export interface RunStyle {
  /** Points (13, 14 …). */
  size?: number;
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
}

/** A run in Times New Roman; every run names the font, so no reader's default font takes over. */
export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    // Every run of every letter and list passes here: what XML cannot carry goes, whatever the store holds.
    text: writable(text),
    font: FONT,
    size: Math.round((style.size ?? 14) * 2),
    bold: style.bold,
    italics: style.italics,
    underline: style.underline ? {} : undefined,
  });
}

/** A page-number field (PageNumber.CURRENT, PageNumber.TOTAL_PAGES) in Times New Roman. */
export function pageField(field: (typeof PageNumber)[keyof typeof PageNumber], sizePt = 14): TextRun {
  return new TextRun({ font: FONT, size: Math.round(sizePt * 2), children: [field] });
}

export interface ParaStyle extends RunStyle {
  align?: "center" | "left" | "right" | "justify";
  /** First-line indent in millimetres. */
  indentMm?: number;
  /** Space after, in points. */
  after?: number;
  before?: number;
  /** Line spacing as a multiple of single (1, 1.15 …); single when absent. */
  line?: number;
  keepNext?: boolean;
}

const ALIGN = { center: AlignmentType.CENTER, left: AlignmentType.LEFT, right: AlignmentType.RIGHT, justify: AlignmentType.JUSTIFIED };

export function para(content: string | ParagraphChild[], style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    children: typeof content === "string" ? [run(content, style)] : content,
    alignment: ALIGN[style.align ?? "left"],
    indent: style.indentMm ? { firstLine: convertMillimetersToTwip(style.indentMm) } : undefined,
    spacing: {
      after: Math.round((style.after ?? 0) * 20),
      before: Math.round((style.before ?? 0) * 20),
      ...(style.line !== undefined && { line: Math.round(style.line * 240), lineRule: LineRuleType.AUTO }),
    },
    keepNext: style.keepNext,
  });
}

/**
 * An empty paragraph exactly `pt` points high (1 pt at least): the space between two tables (which
 * would otherwise merge), and the paragraph that ends a section after a table, which a reader's
 * default 14 pt line would push onto a page of its own.
 */
export function spacer(pt: number): Paragraph {
  const twips = Math.max(20, Math.round(pt * 20));
  return new Paragraph({ children: [run("", { size: 1 })], spacing: { before: 0, after: 0, line: twips, lineRule: LineRuleType.EXACT } });
}

/** A short centred rule under a heading (the line under the body's name), `widthMm` long. */
export function rule(columnMm: number, widthMm: number): Paragraph {
  const side = convertMillimetersToTwip(Math.max(0, (columnMm - widthMm) / 2));
  // An empty 2 pt line with a bottom border: the rule sits just under the heading, never through it.
  return new Paragraph({
    children: [run("", { size: 2 })],
    indent: { left: side, right: side },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    spacing: { after: 0, before: 0, line: 40, lineRule: "exact" },
  });
}

export const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  bottom: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  left: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  right: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: "FFFFFF" },
};

export const SINGLE = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
export const ALL_SINGLE = { top: SINGLE, bottom: SINGLE, left: SINGLE, right: SINGLE, insideHorizontal: SINGLE, insideVertical: SINGLE };

/** The document-wide default: Times New Roman 14 pt. */
export const DOCUMENT_STYLES = { default: { document: { run: { font: FONT, size: 28 } } } };
