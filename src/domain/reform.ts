// The 2025 reform in the rules: which old communes a new unit was made from (and the reverse), when an old
// name may stand for a new unit, whether a unit has a "last year" to compare with, and the old units'
// figures kept in the store (a previous table of old units, imported with `import-scores --previous`).
// The mapping itself is data (reference/dvhc-2025/), read by src/conference/reform.ts.
import type { AccountKey, Data, ScoreTable, UnitScore } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import type { MappedUnit, MergeLink, ReformMapping } from "../conference/reform.js";
import type { Unit } from "../conference/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { findUnit } from "../conference/match.js";
import { fold } from "../lib/text.js";
import { UserError } from "./errors.js";

/** Old units are kept in score tables under this prefix and their statistical code ("old:03589"): never a conference unit's id. */
export const OLD_UNIT_PREFIX = "old:";

export function oldUnitId(code: string): string {
  return `${OLD_UNIT_PREFIX}${code}`;
}

export function isOldUnitId(unitId: string): boolean {
  return unitId.startsWith(OLD_UNIT_PREFIX);
}

/** The old units a new unit (by its statistical code) was made from, whole or in part; empty when the mapping does not know it. */
export function oldUnitsOf(mapping: ReformMapping, newCode: string): MergeLink[] {
  return mapping.units.find((u) => u.unit.code === newCode)?.merges ?? [];
}

/** The reverse: the new units an old unit (by its old code) went into, with how much of it went into each. */
export function newUnitsOf(mapping: ReformMapping, oldCode: string): Array<{ unit: MappedUnit; type: MergeLink["type"] }> {
  return mapping.units.flatMap((u) => u.merges.filter((m) => m.old.code === oldCode).map((m) => ({ unit: u.unit, type: m.type })));
}

/** The old unit by its old code, as the mapping names it. */
export function oldUnit(mapping: ReformMapping, oldCode: string): MappedUnit | undefined {
  for (const u of mapping.units) for (const m of u.merges) if (m.old.code === oldCode) return m.old;
  return undefined;
}

/**
 * Whether a new unit is one old unit under another name or the same: made of exactly one old unit,
 * taken whole, which went nowhere else. Only then does an old name stand for it, and only then is
 * the old unit's "last year" its own.
 */
export function isOneToOne(mapping: ReformMapping, newCode: string): boolean {
  const merges = oldUnitsOf(mapping, newCode);
  const only = merges[0];
  return merges.length === 1 && only?.type === "full" && newUnitsOf(mapping, only.old.code).length === 1;
}

/** The conference's mapping entry for a unit: the old units it was made from (none for agencies or units the mapping lacks). */
export function unitMerges(conference: ConferenceService, unitId: string): MergeLink[] {
  const unit = conference.unit(unitId);
  if (!conference.reform || !unit?.code || unit.kind === "agency") return [];
  return oldUnitsOf(conference.reform, unit.code);
}

/**
 * Whether a unit's figures may be compared with a "last year": always without a mapping; with one,
 * only for a unit that is one old unit unchanged (isOneToOne). A merged commune has no last year:
 * its old units' figures are a reference, never its own.
 */
export function hasLastYear(conference: ConferenceService, unitId: string): boolean {
  const unit = conference.unit(unitId);
  if (!conference.reform || !unit?.code || unit.kind === "agency") return true;
  if (oldUnitsOf(conference.reform, unit.code).length === 0) return true;
  return isOneToOne(conference.reform, unit.code);
}

/** Every old unit of the mapping as a unit to find by name (id "old:<code>"), with the project's other spellings. */
export function oldUnitsForMatching(mapping: ReformMapping): Unit[] {
  const seen = new Map<string, Unit>();
  for (const u of mapping.units) {
    for (const { old } of u.merges) {
      if (seen.has(old.code)) continue;
      seen.set(old.code, { id: oldUnitId(old.code), name: old.shortName, full_name: old.name, kind: old.kind, code: old.code, aliases: mapping.aliases[old.code] ?? [], seats: [] });
    }
  }
  return [...seen.values()];
}

const KIND_SAID: Array<[RegExp, Unit["kind"]]> = [
  [/^(thi tran|tt) /, "town"],
  [/^phuong /, "ward"],
  [/^dac khu /, "special_zone"],
  [/^xa /, "commune"],
];

/** The kind a typed name says ("thị trấn Phong Thổ" → town, "UBND phường Đoàn Kết" → ward), if it starts with a kind word. */
function typedKind(query: string): Unit["kind"] | undefined {
  const words = fold(query).replace(/[^\p{L}\p{N}]+/gu, " ").trim().replace(/^(ubnd|uy ban nhan dan) /, "");
  return KIND_SAID.find(([re]) => re.test(words))?.[1];
}

/** What an old name found: the new unit it stands for (one to one), or why it cannot stand for one. */
export type OldNameMatch =
  | { kind: "one-to-one"; old: MappedUnit; unit: Unit }
  | { kind: "ambiguous"; old: MappedUnit; into: Array<{ unit: MappedUnit; type: MergeLink["type"] }> };

/**
 * An old unit's name, exactly (after normalization, with the mapping's spellings), and what it means
 * now. Undefined when the name is no old unit's. `kindWord` limits it to the kind the name says.
 */
export function findOldName(conference: ConferenceService, query: string): OldNameMatch | undefined {
  const mapping = conference.reform;
  if (!mapping) return undefined;
  const said = typedKind(query);
  const candidates = oldUnitsForMatching(mapping).filter((u) => !said || u.kind === said);
  const found = findUnit(candidates, query).unit;
  const old = found?.code ? oldUnit(mapping, found.code) : undefined;
  if (!old) return undefined;
  const into = newUnitsOf(mapping, old.code);
  const target = into[0];
  const unit = target && into.length === 1 && isOneToOne(mapping, target.unit.code) ? conference.units().find((u) => u.code === target.unit.code) : undefined;
  return unit ? { kind: "one-to-one", old, unit } : { kind: "ambiguous", old, into };
}

/**
 * Whether a typed name that found `unit` by its words names, by its kind word, an old unit instead
 * ("Thị trấn Phong Thổ" is the old town, not the new commune Phong Thổ).
 */
export function namesOldUnitInstead(conference: ConferenceService, query: string, unit: Unit): boolean {
  const said = typedKind(query);
  return Boolean(said && said !== unit.kind && findOldName(conference, query));
}

// ---- The old units' figures kept in the store ----

/** One old unit's figure from a previous table of old units, or none found. */
export interface OldFigure {
  old: MappedUnit;
  partial: boolean;
  /** The newest table (by year) before `beforeYear` that has the old unit. */
  score?: Pick<UnitScore, "total" | "max">;
  year?: number;
}

function newestRow(tables: ScoreTable[], id: string, beforeYear: number): { table: ScoreTable; row: UnitScore } | undefined {
  let best: { table: ScoreTable; row: UnitScore } | undefined;
  for (const table of tables) {
    if (table.year >= beforeYear || (best && best.table.year >= table.year)) continue;
    const row = table.units.find((u) => u.unitId === id);
    if (row) best = { table, row };
  }
  return best;
}

/**
 * The figures of the old units a unit was made from, from the store's previous tables of years
 * before `year`; undefined when the unit has no old units or none of them has a figure there.
 */
export function oldFigures(data: Pick<Data, "scores">, conference: ConferenceService, unitId: string, year: number): OldFigure[] | undefined {
  const merges = unitMerges(conference, unitId);
  const tables = data.scores.previousTables;
  const figures = merges.map((m): OldFigure => {
    const found = newestRow(tables, oldUnitId(m.old.code), year);
    const base = { old: m.old, partial: m.type === "partial" };
    return found ? { ...base, score: { total: found.row.total, max: found.row.max }, year: found.table.year } : base;
  });
  return figures.some((f) => f.score) ? figures : undefined;
}

/**
 * Keeps a table of old units (every row "old:<code>") as a previous table: the reference a new
 * unit's /diem shows. Rules: it is of a year before the current table's; it replaces an earlier
 * table of old units of the same year that names any of the same units (the same district's table
 * imported again), and leaves the current table and its publication alone.
 */
export async function keepOldUnitsTable(store: Store, input: { table: Omit<ScoreTable, "importedAt" | "importedBy">; by: AccountKey; now: Date }): Promise<ScoreTable> {
  const { table } = input;
  if (table.units.length === 0 || !table.units.every((u) => isOldUnitId(u.unitId))) throw new UserError("reform-previous-not-old");
  return store.mutate((d) => {
    const current = d.scores.current;
    if (current && table.year >= current.year) throw new UserError("reform-previous-year", { year: String(table.year), current: String(current.year) });
    const ids = new Set(table.units.map((u) => u.unitId));
    const replaced = (t: ScoreTable) => t.year === table.year && t.units.every((u) => isOldUnitId(u.unitId)) && t.units.some((u) => ids.has(u.unitId));
    const stored: ScoreTable = { ...table, importedAt: input.now.toISOString(), importedBy: input.by };
    d.scores.previousTables = [...d.scores.previousTables.filter((t) => !replaced(t)), stored];
    return stored;
  });
}
