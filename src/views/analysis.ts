// What a person reads of the analysis of the Chỉ số CCHC, per criterion: for a unit, where it lost
// points (maximum − final), where the appraisal cut its self-assessment (self − appraised, with the
// appraisal's note) and what rose or fell since last year; for one field of a unit, its criteria; for
// the district, each criterion's average share across the units and the weakest criteria.
// Typed data only: the chat (/diem), the desk's analysis page and the report (.docx) render it.
import type { Data, Role, ScoreField, ScoreTable, UnitScore } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { UserError } from "../domain/errors.js";
import { visibleScores } from "../domain/scores.js";
import { unitAddressById, unitNameById } from "../domain/units.js";
import { msg } from "../messages/render.js";
import type { Message, MessageArg } from "../messages/types.js";
import { fieldLabel, linesMessage, type Marks, markMessages, percentOf, type RankingView, rankingView, round2 } from "./scores.js";

/** One field, criterion or sub-criterion of a unit, with what the analysis reads from it. */
export interface CriterionRow {
  id: string;
  /** "3.2. Thực hiện cơ chế một cửa…" where the table numbers it. */
  label: string;
  /** The top-level field it belongs to (its own id for a field). */
  fieldId: string;
  /** 0 a field, 1 a criterion, 2 a sub-criterion… */
  depth: number;
  /** Whether it is scored in parts (criteria under it). */
  parent: boolean;
  max: number;
  self?: number;
  appraised?: number;
  final: number;
  previous?: number;
  note?: string;
  /** Points lost against the maximum (max − final). */
  lost: number;
  /** Points the appraisal took off the self-assessment (self − appraised), when both are known and it did. */
  cut?: number;
  /** Change since last year (final − previous), when last year is known. */
  change?: number;
  /** Share of the maximum, 0–100. */
  percent: number;
}

function rowOf(f: ScoreField, fieldId: string, depth: number): CriterionRow {
  const cut = f.self !== undefined && f.appraised !== undefined ? round2(f.self - f.appraised) : undefined;
  return {
    id: f.id,
    label: fieldLabel(f),
    fieldId,
    depth,
    parent: (f.children?.length ?? 0) > 0,
    max: round2(f.max),
    ...(f.self !== undefined && { self: round2(f.self) }),
    ...(f.appraised !== undefined && { appraised: round2(f.appraised) }),
    final: round2(f.final),
    ...(f.previous !== undefined && { previous: round2(f.previous) }),
    ...(f.note && { note: f.note }),
    lost: round2(f.max - f.final),
    ...(cut !== undefined && cut > 0 && { cut }),
    ...(f.previous !== undefined && { change: round2(f.final - f.previous) }),
    percent: percentOf(f.final, f.max),
  };
}

/** Every field with its criteria and sub-criteria under it, in the table's order. */
export function criterionRows(fields: ScoreField[]): CriterionRow[] {
  const walk = (f: ScoreField, fieldId: string, depth: number): CriterionRow[] => [rowOf(f, fieldId, depth), ...(f.children ?? []).flatMap((c) => walk(c, fieldId, depth + 1))];
  return fields.flatMap((f) => walk(f, f.id, 0));
}

/** The parts scored on their own: criteria where the table has them, else the field. */
function leafRows(rows: CriterionRow[]): CriterionRow[] {
  return rows.filter((r) => !r.parent);
}

/** Largest first by `key`, then in the table's order; only those where `key` is above zero. */
function largest(rows: CriterionRow[], key: (r: CriterionRow) => number | undefined, count: number): CriterionRow[] {
  return rows
    .map((r, i) => ({ r, i, v: key(r) ?? 0 }))
    .filter((x) => x.v > 0)
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .slice(0, count)
    .map((x) => x.r);
}

/** Whether the table scores any field in criteria. */
export function hasCriteria(score: Pick<UnitScore, "fields">): boolean {
  return score.fields.some((f) => (f.children?.length ?? 0) > 0);
}

// ---- One unit ----

export interface UnitAnalysisView {
  year: number;
  unitId: string;
  /** "UBND xã Mường So". */
  unit: string;
  marks: Marks;
  total: number;
  max: number;
  rank: number;
  rankOf: number;
  classification: string;
  /** Whether the table has criteria (else the analysis is by field). */
  criteria: boolean;
  /** Every field, criterion and sub-criterion in order. */
  rows: CriterionRow[];
  /** Where it lost points, largest first. */
  lost: CriterionRow[];
  /** Where the appraisal cut its self-assessment, largest cut first, with the note. */
  cuts: CriterionRow[];
  /** Since last year: what rose most and what fell most. */
  rose: CriterionRow[];
  fell: CriterionRow[];
}

/** How many parts each list of the analysis holds. */
export const ANALYSIS_LIST = 5;

function marksOf(table: ScoreTable, published: boolean): Marks {
  return { sample: table.sample, preview: !published };
}

function scoreOf(conference: ConferenceService, table: ScoreTable, unitId: string): UnitScore {
  const score = table.units.find((u) => u.unitId === unitId);
  if (!score) throw new UserError("score-unit-not-in-table", { unit: unitAddressById(conference, unitId), year: String(table.year) });
  return score;
}

export function unitAnalysisOf(conference: ConferenceService, table: ScoreTable, score: UnitScore, marks: Marks, count = ANALYSIS_LIST): UnitAnalysisView {
  const rows = criterionRows(score.fields);
  const leaves = leafRows(rows);
  return {
    year: table.year,
    unitId: score.unitId,
    unit: unitAddressById(conference, score.unitId),
    marks,
    total: round2(score.total),
    max: round2(score.max),
    rank: score.rank,
    rankOf: score.rankOf,
    classification: score.classification,
    criteria: hasCriteria(score),
    rows,
    lost: largest(leaves, (r) => r.lost, count),
    cuts: largest(leaves, (r) => r.cut, count),
    rose: largest(leaves, (r) => r.change, count),
    fell: largest(leaves, (r) => (r.change === undefined ? undefined : -r.change), count),
  };
}

/** A unit's analysis as `role` may see it (refused before publishing to everyone but organizers). */
export function unitAnalysis(data: Pick<Data, "scores">, conference: ConferenceService, role: Role, unitId: string, count = ANALYSIS_LIST): UnitAnalysisView {
  const { table, published } = visibleScores(data, role);
  return unitAnalysisOf(conference, table, scoreOf(conference, table, unitId), marksOf(table, published), count);
}

// ---- One field (or criterion) of a unit ----

export interface FieldAnalysisView {
  year: number;
  unitId: string;
  unit: string;
  marks: Marks;
  /** The field (or criterion) asked about. */
  field: CriterionRow;
  /** Its criteria and sub-criteria in order (empty where the table scores it whole). */
  rows: CriterionRow[];
  /** Of its parts scored on their own, where points were lost, largest first. */
  lost: CriterionRow[];
  /** Where the appraisal cut the self-assessment, largest first, with the note. */
  cuts: CriterionRow[];
}

/** A field's id as people type it: "3", "3.", "3.2", "lĩnh vực 3" are read by the caller; here "3." → "3". */
function normalId(id: string): string {
  return id.trim().replace(/\.$/, "");
}

/**
 * One field (or a criterion: "3.2") of a unit: its criteria with their scores, where points were
 * lost and where the appraisal cut the self-assessment, with its notes. What "/diem Mường So 3" and
 * the question "tại sao xã mình bị trừ điểm lĩnh vực 3" answer. Refuses a field the table lacks,
 * naming the fields it has.
 */
export function fieldAnalysis(data: Pick<Data, "scores">, conference: ConferenceService, role: Role, unitId: string, fieldId: string): FieldAnalysisView {
  const { table, published } = visibleScores(data, role);
  const score = scoreOf(conference, table, unitId);
  const all = criterionRows(score.fields);
  const id = normalId(fieldId);
  const at = all.findIndex((r) => r.id === id);
  if (at < 0) {
    const fields = score.fields.map((f) => f.id).join(", ");
    throw new UserError("analysis-field-unknown", { field: id, fields });
  }
  const field = all[at] as CriterionRow;
  const end = all.findIndex((r, i) => i > at && r.depth <= field.depth);
  const rows = all.slice(at + 1, end < 0 ? all.length : end);
  const leaves = rows.length > 0 ? leafRows(rows) : [field];
  return {
    year: table.year,
    unitId,
    unit: unitAddressById(conference, unitId),
    marks: marksOf(table, published),
    field,
    rows,
    lost: largest(leaves, (r) => r.lost, ANALYSIS_LIST),
    cuts: largest(leaves, (r) => r.cut, ANALYSIS_LIST),
  };
}

// ---- The district ----

/** One field or criterion across the units that have it. */
export interface CriterionAverage {
  id: string;
  label: string;
  fieldId: string;
  depth: number;
  parent: boolean;
  max: number;
  /** Average final score. */
  average: number;
  /** Average share of the maximum, 0–100. */
  share: number;
  /** Last year's average share, where every unit counted has last year's score. */
  previousShare?: number;
  /** Units that lost points on it. */
  losing: number;
  /** The units counted. */
  units: number;
}

export interface DistrictAnalysisView {
  year: number;
  marks: Marks;
  units: number;
  /** Whether the table has criteria. */
  criteria: boolean;
  /** The fields' averages, in order (the chart's bars). */
  fields: CriterionAverage[];
  /** Every field, criterion and sub-criterion in order. */
  rows: CriterionAverage[];
  /** The parts scored on their own with the lowest average share, weakest first. */
  weakest: CriterionAverage[];
}

function averageOf(rows: CriterionRow[]): CriterionAverage {
  const first = rows[0] as CriterionRow;
  const n = rows.length;
  const shares = rows.map((r) => (r.max > 0 ? r.final / r.max : 0));
  const withPrevious = rows.filter((r) => r.previous !== undefined);
  const previousShare =
    withPrevious.length === n ? round2((withPrevious.reduce((s, r) => s + (r.max > 0 ? (r.previous as number) / r.max : 0), 0) / n) * 100) : undefined;
  return {
    id: first.id,
    label: first.label,
    fieldId: first.fieldId,
    depth: first.depth,
    parent: first.parent,
    max: first.max,
    average: round2(rows.reduce((s, r) => s + r.final, 0) / n),
    share: round2((shares.reduce((a, b) => a + b, 0) / n) * 100),
    ...(previousShare !== undefined && { previousShare }),
    losing: rows.filter((r) => r.lost > 0).length,
    units: n,
  };
}

/** Each field's and criterion's average share across the units of the table, and the weakest criteria. */
export function districtAnalysisOf(table: ScoreTable, marks: Marks, count = ANALYSIS_LIST): DistrictAnalysisView {
  const byId = new Map<string, CriterionRow[]>();
  for (const u of table.units) for (const r of criterionRows(u.fields)) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const rows = [...byId.values()].map(averageOf);
  const leaves = rows.filter((r) => !r.parent);
  const weakest = leaves
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.share - b.r.share || a.i - b.i)
    .slice(0, count)
    .map((x) => x.r);
  return {
    year: table.year,
    marks,
    units: table.units.length,
    criteria: table.units.some((u) => hasCriteria(u)),
    fields: rows.filter((r) => r.depth === 0),
    rows,
    weakest,
  };
}

export function districtAnalysis(data: Pick<Data, "scores">, role: Role, count = ANALYSIS_LIST): DistrictAnalysisView {
  const { table, published } = visibleScores(data, role);
  return districtAnalysisOf(table, marksOf(table, published), count);
}

/** The units of the table, best first, by short name: the desk's choice of unit. */
export function analysisUnits(data: Pick<Data, "scores">, conference: ConferenceService, role: Role): Array<{ unitId: string; name: string; rank: number }> {
  const { table } = visibleScores(data, role);
  return [...table.units].sort((a, b) => a.rank - b.rank).map((u) => ({ unitId: u.unitId, name: unitNameById(conference, u.unitId), rank: u.rank }));
}

// ---- As messages (keys and values): /diem's additions and one field's analysis ----

/** Where a part stands: "mất 0,75 điểm (1,25/2)" and, for a cut, the appraisal's note. */
function lostItem(r: CriterionRow): Message {
  const base = msg("analysis-lost-item", { name: r.label, lost: r.lost, final: r.final, max: r.max });
  return r.note ? msg("analysis-with-note", { line: base, note: r.note }) : base;
}

function cutItem(r: CriterionRow): Message {
  const base = msg("analysis-cut-item", { name: r.label, cut: r.cut ?? 0, self: r.self ?? 0, appraised: r.appraised ?? 0 });
  return r.note ? msg("analysis-with-note", { line: base, note: r.note }) : msg("analysis-without-note", { line: base });
}

/** "a; b; c" of messages, in the reader's language. */
function joinParts(parts: Message[]): Message {
  const [head, ...rest] = parts as [Message, ...Message[]];
  return rest.length === 0 ? head : msg("analysis-parts-join", { head, tail: joinParts(rest) });
}

function fieldLine(r: CriterionRow): Message {
  const parts = [
    ...(r.self !== undefined ? [msg("analysis-part-self", { n: r.self })] : []),
    ...(r.appraised !== undefined ? [msg("analysis-part-appraised", { n: r.appraised })] : []),
    ...(r.previous !== undefined ? [msg("analysis-part-previous", { n: r.previous })] : []),
  ];
  const args = { name: r.label, final: r.final, max: r.max };
  return parts.length > 0 ? msg("analysis-row", { ...args, details: joinParts(parts) }) : msg("analysis-row-plain", args);
}

/** One field's (or criterion's) analysis of a unit, as one message: its score, its criteria, where points were lost and why. */
export function fieldAnalysisMessage(v: FieldAnalysisView): Message {
  const lines: MessageArg[] = [...markMessages(v.marks), msg("score-title", { year: String(v.year), unit: v.unit })];
  lines.push(msg(v.field.depth === 0 ? "analysis-field-head" : "analysis-criterion-head", { line: fieldLine(v.field), percent: v.field.percent }));
  if (v.rows.length > 0) {
    lines.push(msg("analysis-criteria-title"));
    for (const r of v.rows) lines.push(msg(r.depth - v.field.depth > 1 ? "analysis-indent-2" : "lines-indent", { line: fieldLine(r) }));
  } else lines.push(msg(v.field.depth === 0 ? "analysis-no-criteria" : "analysis-no-subcriteria"));
  lines.push("");
  if (v.lost.length === 0) lines.push(msg("analysis-nothing-lost"));
  else lines.push(msg("analysis-lost-title"), ...v.lost.map(lostItem));
  if (v.cuts.length > 0) lines.push("", msg("analysis-cuts-title"), ...v.cuts.map(cutItem));
  else if (v.field.self !== undefined || v.rows.some((r) => r.self !== undefined)) lines.push("", msg("analysis-no-cuts"));
  return linesMessage(lines);
}

// ---- The report (Báo cáo phân tích kết quả Chỉ số CCHC) ----

export interface AnalysisReportView {
  ranking: RankingView;
  district: DistrictAnalysisView;
  /** Every unit's analysis, best first (three parts per list). */
  units: UnitAnalysisView[];
  /** The average total and share across the units. */
  average: { total: number; percent: number };
  /** How many units each classification label has, in the ranking's order of labels. */
  classes: Array<{ label: string; units: number }>;
}

/** What the printed analysis report holds, as `role` may see it. */
export function analysisReportView(data: Pick<Data, "scores">, conference: ConferenceService, role: Role): AnalysisReportView {
  const { table, published } = visibleScores(data, role);
  const marks = marksOf(table, published);
  const ranking = rankingView(data, conference, role);
  const n = Math.max(1, table.units.length);
  const total = table.units.reduce((s, u) => s + u.total, 0) / n;
  const percent = table.units.reduce((s, u) => s + percentOf(u.total, u.max), 0) / n;
  return {
    ranking,
    district: districtAnalysisOf(table, marks),
    units: [...table.units].sort((a, b) => a.rank - b.rank).map((u) => unitAnalysisOf(conference, table, u, marks, 3)),
    average: { total: round2(total), percent: round2(percent) },
    classes: ranking.classes.map((label) => ({ label, units: ranking.rows.filter((r) => r.classification === label).length })).filter((c) => c.units > 0),
  };
}
