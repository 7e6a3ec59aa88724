// What a person reads of the Chỉ số CCHC: the ranking (/xephang, the desk's Chỉ số page, the public
// page, the chart), one unit's result (/diem, the message each unit receives when results are
// published) and an import's preview. Typed data only: chat, desk and charts render it.
import type { AccountKey, Data, Role, ScoreField, ScorePreview, ScoreTable, UnitScore } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { UserError } from "../domain/errors.js";
import { type OldFigure, oldFigures } from "../domain/reform.js";
import { delegatesOf, visibleScores } from "../domain/scores.js";
import { unitAddressById, unitNameById } from "../domain/units.js";
import { msg } from "../messages/render.js";
import type { Message, MessageArg } from "../messages/types.js";

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

// ---- The ranking ----

export interface RankingRow {
  rank: number;
  unitId: string;
  /** The unit's short name ("Mường So"). */
  name: string;
  total: number;
  max: number;
  /** Share of the maximum, 0–100. */
  percent: number;
  classification: string;
  /** Places gained since last year (negative: lost), when last year's rank is known. */
  moved?: number;
}

export interface RankingView {
  year: number;
  marks: Marks;
  /** The table's maximum (of its first unit). */
  max: number;
  /** Best first. */
  rows: RankingRow[];
  /** Classification labels, best first: the conference's scheme, then labels only the table has, best first. */
  classes: string[];
  /** Whose figures (the conference's body, "Ủy ban nhân dân huyện Phong Thổ") and its province when the file names one. */
  source: { body: string; province?: string };
  /** When the table was published (none for a preview), and when it was imported. */
  publishedAt?: string;
  importedAt: string;
}

function rankingOf(conference: ConferenceService, table: ScoreTable, marks: Marks, publishedAt?: string): RankingView {
  const rows = [...table.units]
    .sort((a, b) => a.rank - b.rank)
    .map((u) => ({
      rank: u.rank,
      unitId: u.unitId,
      name: unitNameById(conference, u.unitId),
      total: round2(u.total),
      max: round2(u.max),
      percent: percentOf(u.total, u.max),
      classification: u.classification,
      ...(u.previous?.rank !== undefined ? { moved: u.previous.rank - u.rank } : {}),
    }));
  const scheme = conference.conf.scores?.classification.map((c) => c.label) ?? [];
  const best = new Map<string, number>();
  for (const r of rows) best.set(r.classification, Math.max(best.get(r.classification) ?? 0, r.percent));
  const extra = [...best.keys()].filter((l) => !scheme.includes(l)).sort((a, b) => (best.get(b) ?? 0) - (best.get(a) ?? 0));
  const { body, province } = conference.conf;
  return {
    year: table.year,
    marks,
    max: round2(table.units[0]?.max ?? 0),
    rows,
    classes: [...scheme, ...extra],
    source: { body, ...(province && { province }) },
    ...(publishedAt && !marks.preview ? { publishedAt } : {}),
    importedAt: table.importedAt,
  };
}

/** The ranking `role` may see (refused before publishing to everyone but organizers: visibleScores). */
export function rankingView(data: Pick<Data, "scores">, conference: ConferenceService, role: Role): RankingView {
  const { table, published } = visibleScores(data, role);
  return rankingOf(conference, table, { sample: table.sample, preview: !published }, data.scores.publishedAt);
}

/** The ranking for anyone without signing in: only once published, else nothing (not even whether a table exists). */
export function publicRankingView(data: Pick<Data, "scores">, conference: ConferenceService): RankingView | undefined {
  const { current, publishedAt } = data.scores;
  return current && publishedAt ? rankingOf(conference, current, { sample: current.sample, preview: false }, publishedAt) : undefined;
}

// ---- One unit's result ----

export interface UnitResultView {
  year: number;
  unitId: string;
  /** The unit's addressed name ("UBND xã Mường So"). */
  unit: string;
  marks: Marks;
  score: UnitScore;
  weakest: Weakest;
  /** The unit's short name ("Mường So"), for the hint "/diem Mường So 3". */
  name?: string;
  /**
   * A unit formed by the 2025 reform: the figures of the old units it was made from, where the
   * store keeps a previous table of old units (src/domain/reform.ts oldFigures). A reference, never
   * its "last year".
   */
  premerge?: OldFigure[];
}

export function unitResultOf(conference: ConferenceService, table: Pick<ScoreTable, "year">, score: UnitScore, marks: Marks): UnitResultView {
  return { year: table.year, unitId: score.unitId, unit: unitAddressById(conference, score.unitId), name: unitNameById(conference, score.unitId), marks, score, weakest: weakest(score) };
}

/**
 * The criteria (scored on their own, under a field) where a unit lost most points against the
 * maximum; fields scored whole are left out. Largest first, ties in the table's order.
 */
export function topLostCriteria(score: Pick<UnitScore, "fields">, count = 3): ScoreField[] {
  const criteria = score.fields.flatMap((f) => (f.children && f.children.length > 0 ? leaves(f.children) : []));
  return criteria
    .map((field, i) => ({ field, i, lost: round2(field.max - field.final) }))
    .filter((c) => c.lost > 0)
    .sort((a, b) => b.lost - a.lost || a.i - b.i)
    .slice(0, count)
    .map((c) => c.field);
}

/**
 * What a unit's result adds when the table has criteria: the criteria where it lost most points (with
 * the appraisal's note), and how to see one field's criteria. Nothing when the result's own list
 * already is that list (no last year to compare with, criteria level).
 */
function topLostLines(v: UnitResultView): MessageArg[] {
  if (v.weakest.basis === "max" && v.weakest.level === "criteria") return [];
  const lost = topLostCriteria(v.score);
  if (lost.length === 0) return [];
  const item = (f: ScoreField) => {
    const line = msg("analysis-lost-item", { name: fieldLabel(f), lost: round2(f.max - f.final), final: round2(f.final), max: round2(f.max) });
    return f.note ? msg("analysis-with-note", { line, note: f.note }) : line;
  };
  const field = v.score.fields.find((f) => leaves(f.children ?? []).includes(lost[0] as ScoreField))?.id ?? "1";
  const hint = v.name ? [msg("analysis-field-hint", { unit: v.name, field })] : [];
  return ["", msg("analysis-top-lost-title"), ...lost.map(item), ...hint];
}

/** The result of `unitId` as `role` may see it; refuses a unit the table lacks. */
export function unitResultView(data: Pick<Data, "scores">, conference: ConferenceService, role: Role, unitId: string): UnitResultView {
  const { table, published } = visibleScores(data, role);
  const score = table.units.find((u) => u.unitId === unitId);
  if (!score) throw new UserError("score-unit-not-in-table", { unit: unitAddressById(conference, unitId), year: String(table.year) });
  const view = unitResultOf(conference, table, score, { sample: table.sample, preview: !published });
  const premerge = oldFigures(data, conference, unitId, table.year);
  return premerge ? { ...view, premerge } : view;
}

/** The old units' figures under a new unit's result: one block per year (newest first), then the old units without a figure. */
function premergeLines(v: UnitResultView): MessageArg[] {
  const figures = v.premerge ?? [];
  const name = (f: OldFigure) => msg("score-premerge-name", { kind: f.old.kind, name: f.old.shortName });
  const years = [...new Set(figures.flatMap((f) => (f.year === undefined ? [] : [f.year])))].sort((a, b) => b - a);
  const lines: MessageArg[] = [];
  for (const year of years) {
    lines.push("", msg("score-premerge-title", { year: String(year), unit: v.unit }));
    for (const f of figures.filter((x) => x.year === year && x.score)) {
      lines.push(msg("score-premerge-item", { name: name(f), partial: f.partial ? "yes" : "no", total: round2(f.score?.total ?? 0), max: round2(f.score?.max ?? 0) }));
    }
  }
  for (const f of figures.filter((x) => !x.score)) lines.push(msg("score-premerge-missing", { name: name(f), partial: f.partial ? "yes" : "no" }));
  return lines;
}

/** Lines as one message: each line a message (or a plain value), joined by line breaks in the reader's language file. */
export function linesMessage(lines: MessageArg[]): Message {
  const [head = "", ...rest] = lines;
  if (rest.length === 0) return typeof head === "object" ? head : msg("lines-one", { line: head });
  return msg("lines-join", { head, tail: linesMessage(rest) });
}

export function markMessages(marks: Marks): Message[] {
  return [...(marks.sample ? [msg("scores-sample-mark")] : []), ...(marks.preview ? [msg("scores-preview-mark")] : [])];
}

function changeMessage(v: UnitResultView): Message | undefined {
  const { score } = v;
  const prev = score.previous;
  if (!prev) return undefined;
  const diff = round2(score.total - prev.total);
  const previous = round2(prev.total);
  const scorePart =
    diff > 0 ? msg("score-change-up", { diff, previous }) : diff < 0 ? msg("score-change-down", { diff: -diff, previous }) : msg("score-change-same", { previous });
  const year = String(v.year - 1);
  if (prev.rank === undefined) return msg("score-change", { year, score: scorePart });
  const moved = prev.rank - score.rank;
  const rank =
    moved > 0
      ? msg("score-rank-up", { n: moved, from: prev.rank, to: score.rank })
      : moved < 0
        ? msg("score-rank-down", { n: -moved, from: prev.rank, to: score.rank })
        : msg("score-rank-same", { to: score.rank });
  return msg("score-change-rank", { year, score: scorePart, rank });
}

function fieldMessage(f: ScoreField, child: boolean): Message {
  const line = msg(f.previous === undefined ? "score-field" : "score-field-previous", {
    name: fieldLabel(f),
    final: round2(f.final),
    max: round2(f.max),
    previous: round2(f.previous ?? 0),
  });
  return child ? msg("lines-indent", { line }) : line;
}

/**
 * One unit's result as a message (keys and values, no text): what /diem shows and what each of the
 * unit's accounts receives on publication, written in each reader's language.
 */
export function unitResultMessage(v: UnitResultView): Message {
  const { score } = v;
  const lines: MessageArg[] = [...markMessages(v.marks)];
  lines.push(msg("score-title", { year: String(v.year), unit: v.unit }));
  lines.push(msg("score-total", { total: round2(score.total), max: round2(score.max), percent: percentOf(score.total, score.max) }));
  lines.push(msg("score-rank", { rank: score.rank, of: score.rankOf }));
  lines.push(msg("score-class", { label: score.classification }));
  const change = changeMessage(v);
  if (change) lines.push(change);
  if (score.previous?.classification) lines.push(msg("score-class-previous", { label: score.previous.classification }));
  lines.push("", msg("score-fields-title"));
  for (const f of score.fields) lines.push(fieldMessage(f, false), ...(f.children ?? []).map((c) => fieldMessage(c, true)));
  const w = v.weakest;
  if (w.items.length > 0) {
    lines.push("", msg(`score-weakest-${w.basis}`, { level: w.level }));
    for (const { field, diff } of w.items) {
      const args = { name: fieldLabel(field), diff: Math.abs(diff), final: round2(field.final), max: round2(field.max), previous: round2(field.previous ?? 0) };
      lines.push(msg(`score-weakest-${w.basis}-item`, args));
    }
  }
  lines.push(...topLostLines(v));
  lines.push(...premergeLines(v));
  return linesMessage(lines);
}

// ---- An import's preview ----

export interface ScorePreviewView {
  preview: ScorePreview;
  /** The conference's communes and town that the table lacks (short names). */
  missing: string[];
  /** The table the import would replace, if any. */
  replaces?: Pick<ScoreTable, "year" | "importedAt"> & { units: number };
  /** Whether confirming takes results already published back from publication. */
  unpublishes: boolean;
}

/** The conference's communes and town that a table lacks (a warning in the summary, not a refusal). */
export function missingUnits(conference: ConferenceService, table: Pick<ScoreTable, "units">): string[] {
  const present = new Set(table.units.map((u) => u.unitId));
  return conference
    .units()
    .filter((u) => u.kind !== "agency" && !present.has(u.id))
    .map((u) => u.name);
}

export function scorePreviewView(data: Pick<Data, "scores">, conference: ConferenceService, preview: ScorePreview): ScorePreviewView {
  const current = data.scores.current;
  return {
    preview,
    missing: missingUnits(conference, preview.table),
    ...(current ? { replaces: { year: current.year, importedAt: current.importedAt, units: current.units.length } } : {}),
    unpublishes: Boolean(data.scores.publishedAt),
  };
}

// ---- Who hears the results ----

/** The accounts that hear a unit's result, by unit (delegatesOf), and the units of the table nobody would hear. */
export interface ResultAudienceView {
  byUnit: Map<string, AccountKey[]>;
  accounts: number;
  /** Short names of the table's units without any account. */
  without: string[];
}

export function resultAudience(data: Pick<Data, "accounts">, conference: ConferenceService, table: ScoreTable): ResultAudienceView {
  const byUnit = delegatesOf(data, table);
  const accounts = [...byUnit.values()].reduce((n, keys) => n + keys.length, 0);
  const without = table.units.filter((u) => !byUnit.has(u.unitId)).map((u) => unitNameById(conference, u.unitId));
  return { byUnit, accounts, without };
}
