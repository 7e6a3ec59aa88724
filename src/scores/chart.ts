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
  /** Places gained since last year (negative: lost); absent when last year's rank is not known. */
  moved?: number;
}

export interface RankingChartInput {
  title: string;
  subtitle?: string;
  /** The line at the foot: whose figures and when ("Nguồn: … công bố ngày …"). */
  source?: string;
  /** What the rank-change marks mean ("▲ ▼: thứ hạng so với năm trước"), drawn with the legend when a row has a change. */
  movedLegend?: string;
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
export function chartHeight(input: Pick<RankingChartInput, "rows" | "notes" | "subtitle" | "source">): number {
  return barsTop(input) + input.rows.length * ROW + 64 + (input.source ? 24 : 0);
}

/** "▲2", "▼1", "=" : a rank's change since last year (the marks written as escapes: the bundle keeps its source ASCII). */
export function movedMark(moved: number | undefined): string {
  if (moved === undefined) return "";
  return moved > 0 ? `\u25b2${moved}` : moved < 0 ? `\u25bc${-moved}` : "=";
}
const movedColor = (moved: number) => (moved > 0 ? "#1e8a4c" : moved < 0 ? "#c0392b" : "#555555");

/** The grid at every 20 % of the maximum, its figures and the axis label under the bars. */
function grid(text: (x: number, y: number, s: string, attrs?: string) => void, out: string[], g: { barX: number; barMax: number; top: number; bottom: number; label: string }): void {
  for (let p = 0; p <= 100; p += 20) {
    const x = g.barX + (g.barMax * p) / 100;
    out.push(`<line x1="${x}" y1="${g.top}" x2="${x}" y2="${g.bottom}" stroke="#dddddd" stroke-width="1"/>`);
    text(x, g.bottom + 18, String(p), `font-size="12" fill="#555555" text-anchor="middle"`);
  }
  text(g.barX + g.barMax / 2, g.bottom + 40, g.label, `font-size="13" fill="#444444" text-anchor="middle"`);
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
  if (showsMoved(input)) text(lx + 12, y, input.movedLegend ?? "", `font-size="13" fill="#555555"`);

  const top = barsTop(input);
  const bottom = top + input.rows.length * ROW;
  grid(text, out, { barX, barMax, top: top - 6, bottom, label: input.axisLabel });

  input.rows.forEach((r, i) => {
    const rowY = top + i * ROW;
    const baseline = rowY + ROW / 2 + 5;
    if (i % 2 === 1) out.push(`<rect x="${PAD}" y="${rowY}" width="${width - 2 * PAD}" height="${ROW}" fill="#f5f7fa"/>`);
    text(nameX - 8, baseline, `${r.rank}.`, `font-size="14" fill="#1b1b1b" text-anchor="end"`);
    text(nameX, baseline, r.name, `font-size="14" fill="#1b1b1b"`);
    const w = Math.max(1, (barMax * Math.max(0, Math.min(100, r.percent))) / 100);
    out.push(`<rect x="${barX}" y="${rowY + 5}" width="${w.toFixed(1)}" height="${ROW - 10}" rx="3" fill="${classColor(input.classes, r.classification)}"/>`);
    text(barX + w + 6, baseline, r.value, `font-size="13" fill="#1b1b1b"`);
    if (r.moved !== undefined) text(barX + w + 6 + [...r.value].length * 8 + 8, baseline, movedMark(r.moved), `font-size="13" font-weight="bold" fill="${movedColor(r.moved)}"`);
  });
  if (input.source) text(PAD, height - 16, input.source, `font-size="12" fill="#555555"`);
  out.push("</svg>");
  return out.join("\n");
}

/** The portrait drawing's width: a phone's screen (360 CSS px), where every word is at least 12 px. */
export const PORTRAIT_WIDTH = 360;
const P_ROW = 44;

/** Whether the chart explains the marks of change: a legend line of its own. */
const showsMoved = (input: Pick<RankingChartInput, "rows" | "movedLegend">) => Boolean(input.movedLegend) && input.rows.some((r) => r.moved !== undefined);

function portraitTop(input: Pick<RankingChartInput, "notes" | "subtitle" | "title" | "rows" | "movedLegend">): number {
  const title = wrapWords(input.title, 30).length * 20 + (input.subtitle ? wrapWords(input.subtitle, 44).length * 17 : 0);
  return 16 + title + input.notes.length * 34 + 44 + (showsMoved(input) ? 20 : 0);
}

/** The portrait drawing's height: two lines per unit (name, then the bar), the source at the foot. */
export function portraitHeight(input: Pick<RankingChartInput, "rows" | "notes" | "subtitle" | "title" | "source" | "movedLegend">): number {
  return portraitTop(input) + input.rows.length * P_ROW + 16 + (input.source ? wrapWords(input.source, 46).length * 16 + 8 : 0);
}

/** Words into lines of at most `max` letters. */
function wrapWords(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && [...last].length + 1 + [...word].length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/**
 * The chart for a phone held upright: 360 px wide, every unit on two lines (rank, name, score and its
 * change since last year; then its bar), the title wrapped, the source and date at the foot.
 * Names are drawn at 14 px, nothing under 12 px.
 */
export function buildRankingSvgPortrait(input: RankingChartInput): string {
  const width = PORTRAIT_WIDTH;
  const height = portraitHeight(input);
  const out: string[] = [];
  const text = (x: number, y: number, s: string, attrs = "") => out.push(`<text x="${x}" y="${y}" ${attrs}>${escapeXml(s)}</text>`);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  const pad = 12;
  let y = 16;
  for (const line of wrapWords(input.title, 30)) text(pad, (y += 20) - 4, line, `font-size="16" font-weight="bold" fill="#1b1b1b"`);
  for (const line of input.subtitle ? wrapWords(input.subtitle, 44) : []) text(pad, (y += 17) - 3, line, `font-size="12" fill="#444444"`);
  for (const note of input.notes) {
    // The sample mark on one line where it fits (43 letters at 12 px bold), a longer note on two.
    for (const [i, line] of wrapWords(note, 46).slice(0, 2).entries()) text(pad, y + 16 + i * 16, line, `font-size="12" font-weight="bold" fill="#c0392b"`);
    y += 34;
  }
  // Legend: the classes present, and what the marks of change mean.
  let lx = pad;
  const legendY = y + 22;
  for (const label of input.classes.filter((c) => input.rows.some((r) => r.classification === c))) {
    out.push(`<rect x="${lx}" y="${legendY - 11}" width="12" height="12" rx="2" fill="${classColor(input.classes, label)}"/>`);
    text(lx + 16, legendY, label, `font-size="12" fill="#1b1b1b"`);
    lx += 16 + [...label].length * 7 + 14;
  }
  if (showsMoved(input)) text(pad, legendY + 20, input.movedLegend ?? "", `font-size="12" fill="#555555"`);
  const top = portraitTop(input);
  const barMax = width - 2 * pad;
  input.rows.forEach((r, i) => {
    const rowY = top + i * P_ROW;
    if (i % 2 === 1) out.push(`<rect x="0" y="${rowY}" width="${width}" height="${P_ROW}" fill="#f5f7fa"/>`);
    text(pad + 22, rowY + 18, `${r.rank}.`, `font-size="14" fill="#1b1b1b" text-anchor="end"`);
    text(pad + 28, rowY + 18, r.name, `font-size="14" fill="#1b1b1b"`);
    const mark = movedMark(r.moved);
    text(width - pad, rowY + 18, r.value, `font-size="14" font-weight="bold" fill="#1b1b1b" text-anchor="end"`);
    if (mark) text(width - pad - [...r.value].length * 9 - 8, rowY + 18, mark, `font-size="13" font-weight="bold" fill="${movedColor(r.moved ?? 0)}" text-anchor="end"`);
    const w = Math.max(1, (barMax * Math.max(0, Math.min(100, r.percent))) / 100);
    out.push(`<rect x="${pad}" y="${rowY + 26}" width="${w.toFixed(1)}" height="10" rx="3" fill="${classColor(input.classes, r.classification)}"/>`);
  });
  let fy = top + input.rows.length * P_ROW + 16;
  for (const line of input.source ? wrapWords(input.source, 46) : []) text(pad, (fy += 16) - 2, line, `font-size="12" fill="#555555"`);
  out.push("</svg>");
  return out.join("\n");
}

/** How much larger than the portrait drawing its PNG is: 1,080 px wide, a phone's screen at 3x. */
export const PORTRAIT_ZOOM = 3;

/** The PNG of a drawing (rendered off the main thread by resvg's worker); a portrait drawing at 3x. */
export async function renderRankingPng(svg: string): Promise<Buffer> {
  // Loaded on first use, so a process that never draws the chart does not carry the renderer.
  const { renderAsync } = await import("@resvg/resvg-js");
  const portrait = svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${PORTRAIT_WIDTH}"`);
  const options = chartRenderOptions();
  const image = await renderAsync(svg, portrait ? { ...options, fitTo: { mode: "zoom", value: PORTRAIT_ZOOM } } : options);
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
  grid(text, out, { barX, barMax, top, bottom, label: input.axisLabel });
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
