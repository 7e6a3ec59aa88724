// How much room printed text takes, estimated before the .docx is written (a letter chooses its
// spacing so it stays on one page): Times New Roman's advance widths, word wrap, line heights.

/**
 * Advance widths of Times (regular and bold) for U+0020–U+007E, in thousandths of an em (Adobe's
 * metrics, which Times New Roman and Liberation Serif match to within a few units).
 */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667,
  667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444,
  333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667,
  722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444,
  333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/** Points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/**
 * A single line's height as a multiple of the type size: Times New Roman's ascent and descent with
 * Word's rounding (Liberation Serif in LibreOffice takes about 1.11; the larger keeps the estimate safe).
 */
export const SINGLE_LINE = 1.15;

/** The width of one character in ems: a Vietnamese letter as wide as its base letter (ơ and ư a little wider for the horn). */
function charEm(ch: string, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  // đ and Đ (U+0111, U+0110) have no decomposition; ơ, ư and their capitals decompose with a horn (U+031B).
  const parts = ch.normalize("NFD");
  const base = ch === "\u0111" ? "d" : ch === "\u0110" ? "D" : (parts[0] ?? ch);
  const code = base.codePointAt(0) ?? 0;
  const w = code >= 32 && code < 127 ? (table[code - 32] as number) : 500;
  return (w + (parts.includes("\u031b") ? 60 : 0)) / 1000;
}

/**
 * Liberation Serif in LibreOffice sets Vietnamese text about 3 % wider than Adobe's Times metrics
 * (measured on the letters' lines); the estimate takes 4 %, so a line it fits does fit.
 */
const WIDER = 1.04;

/** The printed width of `text` at `sizePt`, in points. */
export function textWidthPt(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, bold);
  return em * sizePt * WIDER;
}

export interface TextBlock {
  text: string;
  /** Points. */
  size: number;
  bold?: boolean;
  /** The width the text may take, in millimetres. */
  widthMm: number;
  /** First-line indent, in millimetres. */
  indentMm?: number;
  /** Space before and after, in points. */
  before?: number;
  after?: number;
  /** Line spacing as a multiple of single. */
  line?: number;
}

/** How many lines `text` wraps to (at least one), breaking between words as a word processor does. */
export function lineCount(b: Pick<TextBlock, "text" | "size" | "bold" | "widthMm" | "indentMm">): number {
  const full = b.widthMm * PT_PER_MM;
  const space = textWidthPt(" ", b.size, b.bold);
  let lines = 1;
  let room = full - (b.indentMm ?? 0) * PT_PER_MM;
  let used = 0;
  for (const word of b.text.split(/\s+/).filter(Boolean)) {
    const w = textWidthPt(word, b.size, b.bold);
    const need = used === 0 ? w : used + space + w;
    if (need <= room || used === 0) used = need;
    else {
      lines += 1;
      room = full;
      used = w;
    }
    // A word longer than a line (an address) breaks where it must.
    while (used > room) {
      lines += 1;
      used -= room;
      room = full;
    }
  }
  return lines;
}

/** The height of a paragraph on the page, in points, its spacing included. */
export function blockHeightPt(b: TextBlock): number {
  return lineCount(b) * b.size * SINGLE_LINE * (b.line ?? 1) + (b.before ?? 0) + (b.after ?? 0);
}
