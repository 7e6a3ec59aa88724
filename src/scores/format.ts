// The texts of the scores feature: one unit's result, the ranking, the import summary and refusals. Pure: text in, text out.
import type { ScoreTable, UnitScore } from "../../storage/schema.js";
import type { Translate } from "../lib/i18n.js";
import { formatDate, formatDateTime } from "../lib/time.js";
import { fold } from "../lib/text.js";
import { renderMessage } from "../messages/render.js";
import { fieldLabel, type Marks, markMessages, type RankingView, round2, type ScorePreviewView, unitResultMessage, weakest } from "../views/scores.js";
import { buildRankingSvg, buildRankingSvgPortrait, type RankingChartInput } from "./chart.js";
import type { TableProblem, TableRefused } from "./table.js";

export function markLines(t: Translate, marks: Marks): string[] {
  return markMessages(marks).map((m) => renderMessage(t, m));
}

/** One unit's result, as /diem shows it and as the unit's delegates receive it when published (the view's message). */
export function unitResultText(t: Translate, table: Pick<ScoreTable, "year">, score: UnitScore, unitTitle: string, marks: Marks): string {
  return renderMessage(t, unitResultMessage({ year: table.year, unitId: score.unitId, unit: unitTitle, marks, score, weakest: weakest(score) }));
}

/** The ranking as lines "1. Unit: 88/100 điểm, Tốt, ↑2"; split into messages that stay under the platforms' limits. */
export function rankingTexts(t: Translate, view: RankingView, limit = 3500): string[] {
  const head = [...markLines(t, view.marks), t("ranking-title", { year: String(view.year), units: view.rows.length })].join("\n");
  const lines = view.rows.map((r) => {
    const change =
      r.moved === undefined ? "" : r.moved > 0 ? t("ranking-change-up", { n: r.moved }) : r.moved < 0 ? t("ranking-change-down", { n: -r.moved }) : t("ranking-change-same");
    return t("ranking-line", { rank: r.rank, unit: r.name, total: r.total, max: r.max, label: r.classification, change });
  });
  const messages: string[] = [];
  let current = head;
  for (const line of lines) {
    if (current.length + line.length + 1 > limit) {
      messages.push(current);
      current = line;
    } else current = `${current}\n${line}`;
  }
  messages.push(current);
  return messages;
}

/** What an import read: units, fields with maxima, top and bottom three, units of the conference it lacks. */
export function importSummaryText(
  t: Translate,
  table: Omit<ScoreTable, "importedAt" | "importedBy">,
  name: (unitId: string) => string,
  missing: string[],
): string {
  const first = table.units[0];
  const lines = [...markLines(t, { sample: table.sample, preview: false })];
  lines.push(
    t("import-read", {
      file: table.source,
      year: String(table.year),
      units: table.units.length,
      fields: first?.fields.length ?? 0,
      max: round2(first?.max ?? 0),
    }),
  );
  lines.push(t("import-fields-title"));
  for (const f of first?.fields ?? []) {
    const criteria = f.children?.length ?? 0;
    lines.push(t("import-field", { name: fieldLabel(f), max: round2(f.max), criteria }));
  }
  const line = (u: UnitScore) => t("import-unit", { rank: u.rank, unit: name(u.unitId), total: round2(u.total), max: round2(u.max), label: u.classification });
  const n = Math.min(3, table.units.length);
  lines.push("", t("import-top-title", { n }), ...table.units.slice(0, n).map(line));
  if (table.units.length > 3) lines.push("", t("import-bottom-title", { n: Math.min(3, table.units.length - 3) }), ...table.units.slice(Math.max(3, table.units.length - 3)).map(line));
  if (missing.length > 0) lines.push("", t("import-missing", { count: missing.length, units: missing.join(", ") }));
  return lines.join("\n");
}

function problemLine(t: Translate, p: TableProblem): string {
  const reason = t(p.key, p.args);
  if (p.line === undefined) return t("import-problem", { reason });
  if (p.args.unit) return t("import-problem-row-unit", { line: String(p.line), unit: String(p.args.unit), reason });
  return t("import-problem-row", { line: String(p.line), reason });
}

/** The refusal: every problem with its row, then what to do. The current table stays. */
export function refusalText(t: Translate, file: string, refused: TableRefused): string {
  const lines = [t("import-refused", { file, count: refused.problems.length, stopped: refused.stoppedAt === undefined ? "no" : "yes" })];
  for (const p of refused.problems) lines.push(problemLine(t, p));
  if (refused.stoppedAt !== undefined) lines.push(t("import-refused-stopped", { line: String(refused.stoppedAt) }));
  lines.push(t("import-refused-footer"));
  return lines.join("\n");
}

/** The preview of an import, as the chat and the desk show it before the organizer confirms. */
export function previewText(t: Translate, view: ScorePreviewView, name: (unitId: string) => string): string {
  const lines = [importSummaryText(t, view.preview.table, name, view.missing)];
  const r = view.replaces;
  if (r) lines.push(t("import-replaces", { year: String(r.year), units: r.units, time: formatDateTime(t, r.importedAt) }));
  lines.push(t(view.unpublishes ? "import-will-unpublish" : "import-stays-unpublished"));
  return lines.join("\n");
}

/** "huyện Phong Thổ, tỉnh Lai Châu": the body's name without "Ủy ban nhân dân", and the province when known. */
function placeOf(t: Translate, view: RankingView): string {
  const words = view.source.body.trim().split(/\s+/);
  // Compared without marks, so the source holds no Vietnamese letter.
  const local = fold(words.slice(0, 4).join(" ")) === "uy ban nhan dan" && words.length > 4 ? words.slice(4).join(" ") : view.source.body;
  return view.source.province ? t("chart-place-province", { place: local, province: view.source.province }) : local;
}

/** The chart's words and rows in the reader's language, for either drawing. */
function chartInput(t: Translate, view: RankingView): RankingChartInput {
  const source = view.publishedAt
    ? t("chart-source", { body: view.source.body, date: formatDate(t, view.publishedAt) })
    : t("chart-source-preview", { body: view.source.body, date: formatDate(t, view.importedAt) });
  return {
    title: t("chart-title-place", { year: String(view.year), place: placeOf(t, view) }),
    subtitle: t("chart-subtitle", { units: view.rows.length, max: view.max }),
    notes: [...(view.marks.sample ? [t("chart-sample")] : []), ...(view.marks.preview ? [t("chart-preview")] : [])],
    axisLabel: t("chart-axis"),
    rows: view.rows.map((r) => ({
      rank: r.rank,
      name: r.name,
      value: t("scores-number", { n: r.total }),
      percent: r.percent,
      classification: r.classification,
      ...(r.moved !== undefined && { moved: r.moved }),
    })),
    classes: view.classes,
    source,
    movedLegend: t("chart-moved-legend"),
  };
}

/**
 * The ranking chart's drawing in the reader's language: the same picture for /xephang and the desk.
 * `portrait` is the phone's: 360 px wide, names at 14 px.
 */
export function rankingSvg(t: Translate, view: RankingView, layout: "landscape" | "portrait" = "landscape"): string {
  const input = chartInput(t, view);
  return layout === "portrait" ? buildRankingSvgPortrait(input) : buildRankingSvg(input);
}
