// The texts of the scores feature: one unit's result, the ranking, the import summary and refusals. Pure: text in, text out.
import type { ScoreField, ScoreTable, UnitScore } from "../../storage/schema.js";
import type { Translate } from "../lib/i18n.js";
import type { TableProblem, TableRefused } from "./table.js";

/** Two decimals at most; numbers go to Fluent as numbers, so each language writes its own decimal mark. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function percentOf(total: number, max: number): number {
  return max > 0 ? round2((total / max) * 100) : 0;
}

/** How a person's view of the table is marked: sample data, and an organizer's look before publishing. */
export interface Marks {
  sample: boolean;
  preview: boolean;
}

export function markLines(t: Translate, marks: Marks): string[] {
  const lines: string[] = [];
  if (marks.sample) lines.push(t("scores-sample-mark"));
  if (marks.preview) lines.push(t("scores-preview-mark"));
  return lines;
}

/** "1. Name" where the table numbers its fields. */
export function fieldLabel(f: ScoreField): string {
  return /^\d/.test(f.id) ? `${f.id}. ${f.name}` : f.name;
}

/** The smallest parts a field is scored in: its criteria where the table has them, else the field. */
export function leaves(fields: ScoreField[]): ScoreField[] {
  return fields.flatMap((f) => (f.children && f.children.length > 0 ? leaves(f.children) : [f]));
}

export interface Weakest {
  /** "previous": fell most against last year; "gained": none fell, rose most; "max": lost most against the maximum. */
  basis: "previous" | "gained" | "max";
  level: "fields" | "criteria";
  items: Array<{ field: ScoreField; diff: number }>;
}

/** The two or three parts where a unit lost most points: against last year where known, else against the maximum. */
export function weakest(score: UnitScore, count = 3): Weakest {
  const parts = leaves(score.fields);
  const level = parts.some((p) => !score.fields.includes(p)) ? "criteria" : "fields";
  const withPrevious = parts.filter((p) => p.previous !== undefined);
  if (withPrevious.length > 0) {
    const changes = withPrevious.map((field) => ({ field, diff: round2(field.final - (field.previous as number)) }));
    const fell = changes.filter((c) => c.diff < 0).sort((a, b) => a.diff - b.diff);
    if (fell.length > 0) return { basis: "previous", level, items: fell.slice(0, count) };
    const rose = changes.filter((c) => c.diff > 0).sort((a, b) => b.diff - a.diff);
    if (rose.length > 0) return { basis: "gained", level, items: rose.slice(0, count) };
  }
  const lost = parts
    .map((field) => ({ field, diff: round2(field.max - field.final) }))
    .filter((c) => c.diff > 0)
    .sort((a, b) => b.diff - a.diff);
  return { basis: "max", level, items: lost.slice(0, count) };
}

function changeLine(t: Translate, table: ScoreTable, score: UnitScore): string | undefined {
  const prev = score.previous;
  if (!prev) return undefined;
  const diff = round2(score.total - prev.total);
  const scorePart =
    diff > 0
      ? t("score-change-up", { diff, previous: round2(prev.total) })
      : diff < 0
        ? t("score-change-down", { diff: -diff, previous: round2(prev.total) })
        : t("score-change-same", { previous: round2(prev.total) });
  let rankPart: string | undefined;
  if (prev.rank !== undefined) {
    const moved = prev.rank - score.rank;
    rankPart =
      moved > 0
        ? t("score-rank-up", { n: moved, from: prev.rank, to: score.rank })
        : moved < 0
          ? t("score-rank-down", { n: -moved, from: prev.rank, to: score.rank })
          : t("score-rank-same", { to: score.rank });
  }
  const year = String(table.year - 1);
  return rankPart ? t("score-change-rank", { year, score: scorePart, rank: rankPart }) : t("score-change", { year, score: scorePart });
}

/** One unit's result, as /diem shows it and as the unit's delegates receive it when published. */
export function unitResultText(t: Translate, table: ScoreTable, score: UnitScore, unitTitle: string, marks: Marks): string {
  const lines = [...markLines(t, marks)];
  lines.push(t("score-title", { year: String(table.year), unit: unitTitle }));
  lines.push(t("score-total", { total: round2(score.total), max: round2(score.max), percent: percentOf(score.total, score.max) }));
  lines.push(t("score-rank", { rank: score.rank, of: score.rankOf }));
  lines.push(t("score-class", { label: score.classification }));
  const change = changeLine(t, table, score);
  if (change) lines.push(change);
  if (score.previous?.classification) lines.push(t("score-class-previous", { label: score.previous.classification }));

  lines.push("", t("score-fields-title"));
  for (const f of score.fields) {
    lines.push(fieldLine(t, f, ""));
    for (const c of f.children ?? []) lines.push(fieldLine(t, c, "   "));
  }

  const w = weakest(score);
  if (w.items.length > 0) {
    lines.push("", t(`score-weakest-${w.basis}`, { level: w.level }));
    for (const { field, diff } of w.items) {
      const args = { name: fieldLabel(field), diff: Math.abs(diff), final: round2(field.final), max: round2(field.max), previous: round2(field.previous ?? 0) };
      lines.push(t(`score-weakest-${w.basis}-item`, args));
    }
  }
  return lines.join("\n");
}

function fieldLine(t: Translate, f: ScoreField, indent: string): string {
  const args = { name: fieldLabel(f), final: round2(f.final), max: round2(f.max), previous: round2(f.previous ?? 0) };
  return indent + t(f.previous === undefined ? "score-field" : "score-field-previous", args);
}

/** The ranking as lines "1. Unit: 88/100 điểm, Tốt, ↑2"; split into messages that stay under the platforms' limits. */
export function rankingTexts(t: Translate, table: ScoreTable, name: (unitId: string) => string, marks: Marks, limit = 3500): string[] {
  const head = [...markLines(t, marks), t("ranking-title", { year: String(table.year), units: table.units.length })].join("\n");
  const lines = table.units.map((u) => {
    const moved = u.previous?.rank !== undefined ? u.previous.rank - u.rank : undefined;
    const change =
      moved === undefined ? "" : moved > 0 ? t("ranking-change-up", { n: moved }) : moved < 0 ? t("ranking-change-down", { n: -moved }) : t("ranking-change-same");
    return t("ranking-line", { rank: u.rank, unit: name(u.unitId), total: round2(u.total), max: round2(u.max), label: u.classification, change });
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
