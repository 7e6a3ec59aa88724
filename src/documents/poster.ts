// The check-in poster: one A4 page for the hall screen or the printer, as PNG (resvg) or PDF (pdf-lib).
import { CHART_FONT_FAMILY, CHART_FONT_FILES, escapeXml } from "../scores/chart.js";
import { qrModules } from "./qr.js";

export interface PosterInput {
  /** The issuing body, in capitals, one line. */
  body: string;
  title: string;
  /** "ĐIỂM DANH" */
  heading: string;
  codeLabel: string;
  /** The hall code, as typed. */
  code: string;
  /** The Telegram deep link that checks the person in, when a Telegram bot is configured. */
  qr?: { url: string; label: string };
  /** Lines under the code: the Zalo line, the typed form. */
  lines: string[];
  /** The small print at the foot (when issued, that a new code voids the poster). */
  footer: string;
}

/** A4 at 150 dpi. */
export const POSTER_WIDTH = 1240;
export const POSTER_HEIGHT = 1754;

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

export function posterSvg(p: PosterInput): string {
  const W = POSTER_WIDTH;
  const cx = W / 2;
  const out: string[] = [];
  const textAt = (y: number, s: string, size: number, weight = "normal", fill = "#000"): void => {
    out.push(`<text x="${cx}" y="${y}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="middle">${escapeXml(s)}</text>`);
  };
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${POSTER_HEIGHT}" viewBox="0 0 ${W} ${POSTER_HEIGHT}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${W}" height="${POSTER_HEIGHT}" fill="#fff"/>`,
    `<rect x="40" y="40" width="${W - 80}" height="${POSTER_HEIGHT - 80}" fill="none" stroke="#b3261e" stroke-width="8"/>`,
  );
  let y = 130;
  textAt(y, p.body, 34, "bold");
  y += 70;
  for (const line of wrap(p.title, 46)) {
    textAt(y, line, 40, "bold", "#1a3d7c");
    y += 54;
  }
  y += 160;
  textAt(y, p.heading, 150, "bold", "#b3261e");
  y += 90;
  textAt(y, p.codeLabel, 40);
  y += 190;
  // The code with spacing between letters, so a hall reads it from the back rows.
  out.push(
    `<text x="${cx}" y="${y}" font-size="200" font-weight="bold" letter-spacing="24" text-anchor="middle">${escapeXml(p.code)}</text>`,
  );
  y += 50;
  if (p.qr) {
    const m = qrModules(p.qr.url);
    const side = 520;
    const cell = side / (m.size + 8);
    const x0 = cx - side / 2;
    const y0 = y;
    out.push(`<rect x="${x0}" y="${y0}" width="${side}" height="${side}" fill="#fff"/>`);
    const path: string[] = [];
    for (let r = 0; r < m.size; r++)
      for (let c = 0; c < m.size; c++)
        if (m.dark(c, r)) path.push(`M${(x0 + (c + 4) * cell).toFixed(2)} ${(y0 + (r + 4) * cell).toFixed(2)}h${cell.toFixed(2)}v${cell.toFixed(2)}h-${cell.toFixed(2)}z`);
    out.push(`<path d="${path.join("")}" fill="#000" shape-rendering="crispEdges"/>`);
    y += side + 50;
    textAt(y, p.qr.label, 40, "bold");
    y += 70;
  } else y += 40;
  for (const line of p.lines) {
    textAt(y, line, 44, "bold");
    y += 66;
  }
  for (const [i, line] of wrap(p.footer, 70).entries()) textAt(POSTER_HEIGHT - 130 + i * 38, line, 26, "normal", "#444");
  out.push("</svg>");
  return out.join("\n");
}

export async function posterPng(p: PosterInput): Promise<Buffer> {
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(posterSvg(p), {
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    background: "white",
  });
  return image.asPng();
}

/** The poster as a one-page A4 PDF (the PNG laid over the whole page). */
export async function posterPdf(p: PosterInput): Promise<Buffer> {
  const { PDFDocument } = await import("pdf-lib");
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${p.heading} ${p.code}`);
  const page = pdf.addPage([595.28, 841.89]);
  const png = await pdf.embedPng(await posterPng(p));
  page.drawImage(png, { x: 0, y: 0, width: page.getWidth(), height: page.getHeight() });
  return Buffer.from(await pdf.save());
}
