// The check-in poster: one page for the hall screen or the printer (A4, or A3 to be read from further
// away), as PNG (resvg) or PDF (pdf-lib, the QR codes drawn as vector squares, sharp at any size).
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

/** Words into lines of at most `max` characters (a title has no line breaks of its own). */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

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

/** Where everything goes, in millimetres of an A4 page. */
export function posterLayout(p: PosterInput): { texts: Text[]; qrs: QrBox[] } {
  const cx = PAGE.width / 2;
  const texts: Text[] = [];
  const at = (y: number, text: string, size: number, style: Partial<Text> = {}) => texts.push({ x: cx, y, size, text, ...style });
  let y = 20;
  at(y, p.body, 5, { weight: "bold" });
  y += 9;
  for (const line of wrap(p.title, 52)) {
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
  const below = p.lines.length * 8 + 26;
  const [main, side] = p.qrs;
  const qrs: QrBox[] = [];
  if (main) {
    const width = side ? MAIN_QR + GAP + SIDE_QR : MAIN_QR;
    const mainSide = Math.min(MAIN_QR, PAGE.height - y - below - 14);
    const x = cx - width / 2;
    qrs.push({ x, y, side: mainSide, url: main.url });
    at(y + mainSide + 7, main.label, 6, { weight: "bold", x: x + mainSide / 2 });
    if (side) {
      const sx = x + mainSide + GAP;
      qrs.push({ x: sx, y, side: SIDE_QR, url: side.url });
      for (const [i, line] of wrap(side.label, 22).entries()) at(y + SIDE_QR + 6 + i * 5.2, line, 4.2, { weight: "bold", x: sx + SIDE_QR / 2 });
    }
    y += mainSide + 16;
  }
  for (const line of p.lines) {
    y += 8;
    at(y, line, 6, { weight: "bold" });
  }
  for (const [i, line] of wrap(p.footer, 80).entries()) at(PAGE.height - 18 + i * 4.6, line, 3.6, { fill: "#444" });
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

/** The poster as SVG in millimetres; `withQr` false leaves the codes out (the PDF draws them itself). */
export function posterSvg(p: PosterInput, options: { widthPx?: number; heightPx?: number; withQr?: boolean } = {}): string {
  const { texts, qrs } = posterLayout(p);
  const n = (v: number) => v.toFixed(2);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${options.widthPx ?? POSTER_WIDTH}" height="${options.heightPx ?? POSTER_HEIGHT}" viewBox="0 0 ${PAGE.width} ${PAGE.height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${PAGE.width}" height="${PAGE.height}" fill="#fff"/>`,
    `<rect x="6" y="6" width="${PAGE.width - 12}" height="${PAGE.height - 12}" fill="none" stroke="#b3261e" stroke-width="1.4"/>`,
  ];
  for (const t of texts) {
    const style = `${t.weight ? ` font-weight="${t.weight}"` : ""}${t.spacing ? ` letter-spacing="${t.spacing}"` : ""}`;
    out.push(`<text x="${n(t.x)}" y="${n(t.y)}" font-size="${t.size}"${style} fill="${t.fill ?? "#000"}" text-anchor="middle">${escapeXml(t.text)}</text>`);
  }
  if (options.withQr !== false) {
    for (const q of qrs) {
      const d = qrSquares(q).map((s) => `M${n(s.x)} ${n(s.y)}h${n(s.w)}v${n(s.h)}h-${n(s.w)}z`);
      out.push(`<rect x="${n(q.x)}" y="${n(q.y)}" width="${n(q.side)}" height="${n(q.side)}" fill="#fff"/>`, `<path d="${d.join("")}" fill="#000" shape-rendering="crispEdges"/>`);
    }
  }
  out.push("</svg>");
  return out.join("\n");
}

async function render(svg: string): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, { font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY }, background: "white" });
  return image.asPng();
}

export async function posterPng(p: PosterInput): Promise<Buffer> {
  return render(posterSvg(p));
}

/**
 * The poster as a one-page PDF, A4 or A3: the QR codes drawn as vector squares (sharp at any size,
 * on any printer), the words laid under them as a 200 dpi picture (pdf-lib alone cannot embed a
 * font with Vietnamese letters).
 */
export async function posterPdf(p: PosterInput, paper: Paper = "A4"): Promise<Buffer> {
  const { PDFDocument, rgb } = await import("pdf-lib");
  const scale = PAPER_SCALE[paper];
  const pt = (mm: number) => (mm * scale * 72) / 25.4;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${p.heading} ${p.code}`);
  const page = pdf.addPage([pt(PAGE.width), pt(PAGE.height)]);
  const px = (mm: number) => Math.round((mm * scale * 200) / 25.4);
  const words = await pdf.embedPng(await render(posterSvg(p, { widthPx: px(PAGE.width), heightPx: px(PAGE.height), withQr: false })));
  page.drawImage(words, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  const top = page.getHeight();
  for (const q of posterLayout(p).qrs) {
    page.drawRectangle({ x: pt(q.x), y: top - pt(q.y + q.side), width: pt(q.side), height: pt(q.side), color: rgb(1, 1, 1) });
    // Each row's squares reach 0.02 mm into the next row: no hairline between rows where a viewer smooths edges.
    for (const s of qrSquares(q)) page.drawRectangle({ x: pt(s.x), y: top - pt(s.y + s.h + 0.02), width: pt(s.w), height: pt(s.h + 0.02), color: rgb(0, 0, 0) });
  }
  return Buffer.from(await pdf.save());
}
