// The check-in poster: one page for the hall screen or the printer (A4, or A3 to be read from further
// away), as PNG (resvg) or PDF (pdf-lib: real text in the embedded DejaVu font, the QR codes drawn as
// vector squares, sharp at any size).
import { readFile } from "node:fs/promises";
import type { PDFFont, PDFPage } from "pdf-lib";
import { CHART_FONT_FAMILY, CHART_FONT_FILES, escapeXml } from "../scores/chart.js";
import { qrModules } from "./qr.js";

export interface PosterQr {
  url: string;
  /** The words under the code ("Telegram: quét mã bằng điện thoại"). */
  label: string;
}

export interface PosterInput {
  /** The issuing body, in capitals, one line. */
  body: string;
  title: string;
  /** "ĐIỂM DANH" */
  heading: string;
  codeLabel: string;
  /** The hall code, as typed. */
  code: string;
  /** The large QR code (Telegram's, which checks a person in at once; else Zalo's) and the one beside it (Zalo's bot). */
  qrs: PosterQr[];
  /** Lines under the codes: how to check in where there is no QR code to scan (a channel without a link, the typed form). */
  lines: string[];
  /** The small print at the foot (when issued, that a new code voids the poster). */
  footer: string;
}

export type Paper = "A4" | "A3";

/** A4 at 150 dpi: the PNG's size (the hall screen, the chat). */
export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;

/** The page in millimetres: the design is drawn on A4 and printed on A3 at √2 the size. */
const PAGE = { width: 210, height: 297 };
const PAPER_SCALE: Record<Paper, number> = { A4: 1, A3: Math.SQRT2 };
/** A QR code's side: people scan from about ten times its side; 140 mm on A4 (about 2 m, 2.8 m on A3) beside a 44 mm one. */
const MAIN_QR = 140;
const SIDE_QR = 44;
const GAP = 6;

/** Words into lines that each `fits` (a word longer than a line stays whole on its own line). */
export function wrapWhile(text: string, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && !fits(longer)) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line) lines.push(line);
  return lines;
}

/** Words into lines of at most `max` characters (a title has no line breaks of its own). */
export function wrap(text: string, max: number): string[] {
  return wrapWhile(text, (line) => line.length <= max);
}

/** A block of text to break into lines: its type size and weight, the width it may take (mm), and the PNG's line length in characters. */
export interface TextBox {
  size: number;
  bold: boolean;
  width: number;
  /** The PNG's rule (no limit: one line); the PDF measures the font instead. */
  chars?: number;
}
/** How a block of text is broken into lines. */
export type LineBreaker = (text: string, box: TextBox) => string[];
/** The PNG's rule: a count of characters, as the picture has always been drawn. */
const byCharacters: LineBreaker = (text, box) => (box.chars ? wrap(text, box.chars) : [text]);
/** Lines of the poster's own width: 15 mm from the page's edges, 9 mm inside the frame. */
const TEXT_WIDTH = PAGE.width - 30;

interface Text {
  x: number;
  y: number;
  size: number;
  text: string;
  weight?: "bold";
  fill?: string;
  spacing?: number;
}
interface QrBox {
  x: number;
  y: number;
  side: number;
  url: string;
}

/** Where everything goes, in millimetres of an A4 page; `breakLines` breaks long text into lines (the PDF measures its font). */
export function posterLayout(p: PosterInput, breakLines: LineBreaker = byCharacters): { texts: Text[]; qrs: QrBox[] } {
  const cx = PAGE.width / 2;
  const texts: Text[] = [];
  const at = (y: number, text: string, size: number, style: Partial<Text> = {}) => texts.push({ x: cx, y, size, text, ...style });
  let y = 20;
  at(y, p.body, 5, { weight: "bold" });
  y += 9;
  for (const line of breakLines(p.title, { size: 5.6, bold: true, width: TEXT_WIDTH, chars: 52 })) {
    at(y, line, 5.6, { weight: "bold", fill: "#1a3d7c" });
    y += 7.4;
  }
  y += 19;
  at(y, p.heading, 21, { weight: "bold", fill: "#b3261e" });
  y += 10;
  at(y, p.codeLabel, 6);
  y += 27;
  // The code with spacing between letters, so a hall reads it from the back rows.
  at(y, p.code, 28, { weight: "bold", spacing: 3.5 });
  y += 6;
  const lines = p.lines.flatMap((line) => breakLines(line, { size: 6, bold: true, width: TEXT_WIDTH }));
  const [main, side] = p.qrs;
  // The main code's label, centred under it: as wide as the code beside another one, else as the page's lines.
  const mainLabel = main ? breakLines(main.label, { size: 6, bold: true, width: side ? MAIN_QR : TEXT_WIDTH }) : [];
  const labelExtra = Math.max(0, mainLabel.length - 1) * 7.4;
  // The lines under the codes keep 4 mm more from the small print at the foot.
  const below = lines.length * 8 + (lines.length ? 4 : 0) + labelExtra + 26;
  const qrs: QrBox[] = [];
  if (main) {
    const mainSide = Math.min(MAIN_QR, PAGE.height - y - below - 14);
    // Centred on the page as drawn (a code made smaller to leave room for the lines stays in the middle).
    const x = cx - (side ? mainSide + GAP + SIDE_QR : mainSide) / 2;
    qrs.push({ x, y, side: mainSide, url: main.url });
    for (const [i, line] of mainLabel.entries()) at(y + mainSide + 7 + i * 7.4, line, 6, { weight: "bold", x: x + mainSide / 2 });
    if (side) {
      const sx = x + mainSide + GAP;
      qrs.push({ x: sx, y, side: SIDE_QR, url: side.url });
      for (const [i, line] of breakLines(side.label, { size: 4.2, bold: true, width: SIDE_QR + 4, chars: 22 }).entries()) at(y + SIDE_QR + 6 + i * 5.2, line, 4.2, { weight: "bold", x: sx + SIDE_QR / 2 });
    }
    y += mainSide + 16 + labelExtra;
  }
  for (const line of lines) {
    y += 8;
    at(y, line, 6, { weight: "bold" });
  }
  for (const [i, line] of breakLines(p.footer, { size: 3.6, bold: false, width: TEXT_WIDTH, chars: 80 }).entries()) at(PAGE.height - 18 + i * 4.6, line, 3.6, { fill: "#444" });
  return { texts, qrs };
}

/** The dark modules of a QR code as squares in a box (the quiet zone of 4 modules inside the box), merged along rows. */
export function qrSquares(q: QrBox): Array<{ x: number; y: number; w: number; h: number }> {
  const m = qrModules(q.url);
  const cell = q.side / (m.size + 8);
  const out: Array<{ x: number; y: number; w: number; h: number }> = [];
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) {
      if (!m.dark(c, r)) continue;
      let run = 1;
      while (c + run < m.size && m.dark(c + run, r)) run++;
      out.push({ x: q.x + (c + 4) * cell, y: q.y + (r + 4) * cell, w: run * cell, h: cell });
      c += run - 1;
    }
  }
  return out;
}

/** The poster as SVG in millimetres, drawn at A4 150 dpi (the PNG). */
export function posterSvg(p: PosterInput): string {
  const { texts, qrs } = posterLayout(p);
  const n = (v: number) => v.toFixed(2);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${PAGE.width} ${PAGE.height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${PAGE.width}" height="${PAGE.height}" fill="#fff"/>`,
    `<rect x="6" y="6" width="${PAGE.width - 12}" height="${PAGE.height - 12}" fill="none" stroke="#b3261e" stroke-width="1.4"/>`,
  ];
  for (const t of texts) {
    const style = `${t.weight ? ` font-weight="${t.weight}"` : ""}${t.spacing ? ` letter-spacing="${t.spacing}"` : ""}`;
    out.push(`<text x="${n(t.x)}" y="${n(t.y)}" font-size="${t.size}"${style} fill="${t.fill ?? "#000"}" text-anchor="middle">${escapeXml(t.text)}</text>`);
  }
  for (const q of qrs) {
    const d = qrSquares(q).map((s) => `M${n(s.x)} ${n(s.y)}h${n(s.w)}v${n(s.h)}h-${n(s.w)}z`);
    out.push(`<rect x="${n(q.x)}" y="${n(q.y)}" width="${n(q.side)}" height="${n(q.side)}" fill="#fff"/>`, `<path d="${d.join("")}" fill="#000" shape-rendering="crispEdges"/>`);
  }
  out.push("</svg>");
  return out.join("\n");
}

export async function posterPng(p: PosterInput): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(posterSvg(p), { font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY }, background: "white" });
  return image.asPng();
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** DejaVu Sans, as the PNG, embedded with only the letters the poster uses (Vietnamese marks included). */
async function embedFonts(pdf: import("pdf-lib").PDFDocument): Promise<Fonts> {
  const fontkit = (await import("@pdf-lib/fontkit")).default;
  pdf.registerFontkit(fontkit);
  const embed = async (file: string | undefined) => pdf.embedFont(await readFile(file ?? ""), { subset: true });
  const [regular, bold] = await Promise.all([embed(CHART_FONT_FILES[0]), embed(CHART_FONT_FILES[1])]);
  return { regular, bold };
}

/**
 * Lines as wide as the font really draws them (millimetres, like the layout), and balanced: as many
 * lines as the box needs, each about as long, so no word is left alone on the last line.
 */
const measured =
  (fonts: Fonts): LineBreaker =>
  (text, box) => {
    const font = box.bold ? fonts.bold : fonts.regular;
    const within = (width: number) => wrapWhile(text, (line) => font.widthOfTextAtSize(line, box.size) <= width);
    const lines = within(box.width);
    let [narrow, wide] = [0, box.width];
    while (lines.length > 1 && wide - narrow > 0.5) {
      const mid = (narrow + wide) / 2;
      if (within(mid).length > lines.length) narrow = mid;
      else wide = mid;
    }
    return within(wide);
  };

/** "#1a3d7c" or "#444" as pdf-lib's colour. */
async function pdfColor(hex: string) {
  const { rgb } = await import("pdf-lib");
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d) : [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  const [r, g, b] = digits.map((d) => Number.parseInt(d, 16) / 255);
  return rgb(r ?? 0, g ?? 0, b ?? 0);
}

/** The words as text (selectable, searchable, sharp at any size), centred on their x as in the SVG. */
async function drawWords(page: PDFPage, fonts: Fonts, texts: Text[], pt: (mm: number) => number): Promise<void> {
  const { popGraphicsState, pushGraphicsState, setCharacterSpacing } = await import("pdf-lib");
  const top = page.getHeight();
  for (const t of texts) {
    const font = t.weight ? fonts.bold : fonts.regular;
    const size = pt(t.size);
    const spacing = pt(t.spacing ?? 0);
    // The spacing goes between letters: the code is centred on what is inked, not on a trailing gap.
    const width = font.widthOfTextAtSize(t.text, size) + spacing * ([...t.text].length - 1);
    if (spacing) page.pushOperators(pushGraphicsState(), setCharacterSpacing(spacing));
    page.drawText(t.text, { x: pt(t.x) - width / 2, y: top - pt(t.y), size, font, color: await pdfColor(t.fill ?? "#000") });
    if (spacing) page.pushOperators(popGraphicsState());
  }
}

/**
 * The poster as a one-page PDF, A4 or A3, all vector: the words as text in the embedded DejaVu
 * font (wrapped to their boxes by the font's own widths), the frame as a line, the QR codes as
 * squares — sharp at any size, on any printer.
 */
export async function posterPdf(p: PosterInput, paper: Paper = "A4"): Promise<Buffer> {
  const { PDFDocument, rgb } = await import("pdf-lib");
  const scale = PAPER_SCALE[paper];
  const pt = (mm: number) => (mm * scale * 72) / 25.4;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${p.heading} ${p.code}`);
  pdf.setLanguage("vi");
  const page = pdf.addPage([pt(PAGE.width), pt(PAGE.height)]);
  const fonts = await embedFonts(pdf);
  const { texts, qrs } = posterLayout(p, measured(fonts));
  page.drawRectangle({ x: pt(6), y: pt(6), width: pt(PAGE.width - 12), height: pt(PAGE.height - 12), borderColor: await pdfColor("#b3261e"), borderWidth: pt(1.4) });
  await drawWords(page, fonts, texts, pt);
  const top = page.getHeight();
  for (const q of qrs) {
    page.drawRectangle({ x: pt(q.x), y: top - pt(q.y + q.side), width: pt(q.side), height: pt(q.side), color: rgb(1, 1, 1) });
    // Each row's squares reach 0.02 mm into the next row: no hairline between rows where a viewer smooths edges.
    for (const s of qrSquares(q)) page.drawRectangle({ x: pt(s.x), y: top - pt(s.y + s.h + 0.02), width: pt(s.w), height: pt(s.h + 0.02), color: rgb(0, 0, 0) });
  }
  return Buffer.from(await pdf.save());
}
