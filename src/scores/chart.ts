// The ranking picture: an SVG bar chart drawn here, rendered to PNG by resvg with the DejaVu font the project ships.
import { createRequire } from "node:module";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { writable } from "../lib/text.js";

const require = createRequire(import.meta.url);

/**
 * The fonts, from the dejavu-fonts-ttf package: Vietnamese letters (ư, ơ, ở, ổ, ễ…) are drawn the
 * same on any machine, never with whatever fonts the server happens to have.
 */
export const CHART_FONT_FILES = [require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")];
export const CHART_FONT_FAMILY = "DejaVu Sans";

/** What resvg is told: only our fonts, no system fonts. */
export function chartRenderOptions(): ResvgRenderOptions {
  return {
    font: { fontFiles: CHART_FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
    // 1.4 times the drawing (1,260 px wide): sharp on a phone, within Telegram's 1,280 px for
    // photos, and half the memory of a 2x render.
    fitTo: { mode: "zoom", value: CHART_ZOOM },
    background: "white",
  };
}

export interface RankingChartRow {
  rank: number;
  name: string;
  /** The score as the reader's language writes it ("83,5"). */
  value: string;
  /** Share of the maximum, 0–100: the bar's length. */
  percent: number;
  classification: string;
}

export interface RankingChartInput {
  title: string;
  subtitle?: string;
  /** Warnings drawn in red under the title ("Dữ liệu mẫu", "Chưa công bố"). */
  notes: string[];
  axisLabel: string;
  /** Units, best first. */
  rows: RankingChartRow[];
  /** Classification labels, best first: they take the palette's colours in this order. */
  classes: string[];
}

/** Best to worst: green, blue, amber, red, then greys for any further label. */
const PALETTE = ["#1e8a4c", "#2f6fb0", "#e0a800", "#c0392b", "#7f8c8d", "#8e44ad"];

export function classColor(classes: readonly string[], label: string): string {
  const i = classes.indexOf(label);
  return PALETTE[i < 0 ? PALETTE.length - 2 : Math.min(i, PALETTE.length - 1)] as string;
}

/** Text for SVG: what XML cannot carry left out, every character that XML treats specially escaped. */
export function escapeXml(s: string): string {
  return writable(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] as string);
}

export const CHART_WIDTH = 900;
/** How much larger than the drawing the PNG is. */
export const CHART_ZOOM = 1.4;
const ROW = 28;
const PAD = 24;

/** The layout's numbers, exported for tests: height grows by ROW per unit. */
export function chartHeight(input: Pick<RankingChartInput, "rows" | "notes" | "subtitle">): number {
  return barsTop(input) + input.rows.length * ROW + 64;
}

function barsTop(input: Pick<RankingChartInput, "notes" | "subtitle">): number {
  return PAD + 28 + (input.subtitle ? 24 : 0) + input.notes.length * 24 + 44 + 16;
}

export function buildRankingSvg(input: RankingChartInput): string {
  const width = CHART_WIDTH;
  const height = chartHeight(input);
  // Room for the longest name (DejaVu Sans at 14px: about 8 px a letter), within bounds.
  const longest = Math.max(0, ...input.rows.map((r) => [...r.name].length));
  const nameX = PAD + 40;
  const barX = Math.round(Math.min(420, Math.max(200, nameX + longest * 8 + 16)));
  const barMax = width - PAD - 60 - barX;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = "") => out.push(`<text x="${x}" y="${y}" ${attrs}>${escapeXml(s)}</text>`);

  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  let y = PAD + 22;
  text(PAD, y, input.title, `font-size="20" font-weight="bold" fill="#1b1b1b"`);
  if (input.subtitle) {
    y += 24;
    text(PAD, y, input.subtitle, `font-size="14" fill="#444444"`);
  }
  for (const note of input.notes) {
    y += 24;
    text(PAD, y, note, `font-size="15" font-weight="bold" fill="#c0392b"`);
  }

  // Legend: one swatch per classification label present, best first.
  y += 30;
  let lx = PAD;
  const present = input.classes.filter((c) => input.rows.some((r) => r.classification === c));
  const others = [...new Set(input.rows.map((r) => r.classification))].filter((c) => !input.classes.includes(c));
  for (const label of [...present, ...others]) {
    out.push(`<rect x="${lx}" y="${y - 12}" width="14" height="14" rx="2" fill="${classColor(input.classes, label)}"/>`);
    text(lx + 20, y, label, `font-size="14" fill="#1b1b1b"`);
    lx += 20 + [...label].length * 9 + 24;
  }

  const top = barsTop(input);
  const bottom = top + input.rows.length * ROW;
  // Grid at every 20 % of the maximum.
  for (let p = 0; p <= 100; p += 20) {
    const x = barX + (barMax * p) / 100;
    out.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${bottom}" stroke="#dddddd" stroke-width="1"/>`);
    text(x, bottom + 18, String(p), `font-size="12" fill="#555555" text-anchor="middle"`);
  }
  text(barX + barMax / 2, bottom + 40, input.axisLabel, `font-size="13" fill="#444444" text-anchor="middle"`);

  input.rows.forEach((r, i) => {
    const rowY = top + i * ROW;
    const baseline = rowY + ROW / 2 + 5;
    if (i % 2 === 1) out.push(`<rect x="${PAD}" y="${rowY}" width="${width - 2 * PAD}" height="${ROW}" fill="#f5f7fa"/>`);
    text(nameX - 8, baseline, `${r.rank}.`, `font-size="14" fill="#1b1b1b" text-anchor="end"`);
    text(nameX, baseline, r.name, `font-size="14" fill="#1b1b1b"`);
    const w = Math.max(1, (barMax * Math.max(0, Math.min(100, r.percent))) / 100);
    out.push(`<rect x="${barX}" y="${rowY + 5}" width="${w.toFixed(1)}" height="${ROW - 10}" rx="3" fill="${classColor(input.classes, r.classification)}"/>`);
    text(barX + w + 6, baseline, r.value, `font-size="13" fill="#1b1b1b"`);
  });
  out.push("</svg>");
  return out.join("\n");
}

/** The PNG of a drawing (rendered off the main thread by resvg's worker). */
export async function renderRankingPng(svg: string): Promise<Buffer> {
  // Loaded on first use, so a process that never draws the chart does not carry the renderer.
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, chartRenderOptions());
  return image.asPng();
}

// ---- The fields' averages (the analysis report) ----

export interface FieldsChartRow {
  /** "1. Công tác chỉ đạo, điều hành cải cách hành chính". */
  label: string;
  /** As the reader's language writes it ("9,63/12 — 80,2%"). */
  value: string;
  /** The average share of the maximum, 0–100: the bar's length. */
  percent: number;
  /** Last year's average share, drawn as a mark on the bar. */
  previousPercent?: number;
}

export interface FieldsChartInput {
  title: string;
  subtitle?: string;
  notes: string[];
  axisLabel: string;
  /** The legend's words for this year's bar and last year's mark (the mark's only when some row has one). */
  legend: { current: string; weak: string; previous: string };
  rows: FieldsChartRow[];
}

const FIELD_ROW = 46;

function fieldsTop(input: Pick<FieldsChartInput, "notes" | "subtitle">): number {
  return PAD + 28 + (input.subtitle ? 24 : 0) + input.notes.length * 24 + 40;
}

export function fieldsChartHeight(input: Pick<FieldsChartInput, "rows" | "notes" | "subtitle">): number {
  return fieldsTop(input) + input.rows.length * FIELD_ROW + 56;
}

/** One bar per field, its name above it: the long names of the index need the whole width. */
export function buildFieldsSvg(input: FieldsChartInput): string {
  const width = CHART_WIDTH;
  const height = fieldsChartHeight(input);
  const barX = PAD;
  const barMax = width - 2 * PAD - 150;
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = "") => out.push(`<text x="${x}" y="${y}" ${attrs}>${escapeXml(s)}</text>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  let y = PAD + 22;
  text(PAD, y, input.title, `font-size="20" font-weight="bold" fill="#1b1b1b"`);
  if (input.subtitle) text(PAD, (y += 24), input.subtitle, `font-size="14" fill="#444444"`);
  for (const note of input.notes) text(PAD, (y += 24), note, `font-size="15" font-weight="bold" fill="#c0392b"`);
  y += 28;
  out.push(`<rect x="${PAD}" y="${y - 12}" width="14" height="14" rx="2" fill="${PALETTE[1]}"/>`);
  text(PAD + 20, y, input.legend.current, `font-size="14" fill="#1b1b1b"`);
  let lx = PAD + 20 + [...input.legend.current].length * 8 + 30;
  out.push(`<rect x="${lx}" y="${y - 12}" width="14" height="14" rx="2" fill="${PALETTE[3]}"/>`);
  text(lx + 20, y, input.legend.weak, `font-size="14" fill="#1b1b1b"`);
  lx += 20 + [...input.legend.weak].length * 8 + 30;
  if (input.rows.some((r) => r.previousPercent !== undefined)) {
    out.push(`<rect x="${lx}" y="${y - 14}" width="4" height="18" fill="#1b1b1b"/>`);
    text(lx + 12, y, input.legend.previous, `font-size="14" fill="#1b1b1b"`);
  }
  const top = fieldsTop(input);
  const bottom = top + input.rows.length * FIELD_ROW;
  for (let p = 0; p <= 100; p += 20) {
    const x = barX + (barMax * p) / 100;
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#dddddd" stroke-width="1"/>`);
    text(x, bottom + 18, String(p), `font-size="12" fill="#555555" text-anchor="middle"`);
  }
  text(barX + barMax / 2, bottom + 40, input.axisLabel, `font-size="13" fill="#444444" text-anchor="middle"`);
  // Bars below the fields' mean share are the weak ones, drawn in red.
  const mean = input.rows.reduce((sum, r) => sum + r.percent, 0) / Math.max(1, input.rows.length);
  input.rows.forEach((r, i) => {
    const rowY = top + i * FIELD_ROW;
    text(barX, rowY + 16, r.label, `font-size="14" fill="#1b1b1b"`);
    const w = Math.max(1, (barMax * Math.max(0, Math.min(100, r.percent))) / 100);
    const colour = r.percent < mean ? PALETTE[3] : PALETTE[1];
    out.push(`<rect x="${barX}" y="${rowY + 22}" width="${w.toFixed(1)}" height="16" rx="3" fill="${colour}"/>`);
    if (r.previousPercent !== undefined) {
      const px = barX + (barMax * Math.max(0, Math.min(100, r.previousPercent))) / 100;
      out.push(`<rect x="${(px - 2).toFixed(1)}" y="${rowY + 19}" width="4" height="22" fill="#1b1b1b"/>`);
    }
    text(barX + barMax + 10, rowY + 35, r.value, `font-size="13" fill="#1b1b1b"`);
  });
  out.push("</svg>");
  return out.join("\n");
}
