// What tasks need of the score table: a criterion's score for a unit in a year, and a unit's weakest
// criteria. The one place the tasks read the scores. A code names a field ("3") or any criterion or
// sub-criterion the imported table has ("3.2", "3.3.1"), as the analysis (src/views/analysis.ts) reads them.
import type { Data, ScoreField, ScoreTable } from "../../storage/schema.js";
import { leaves, round2 } from "./scores.js";

export interface CriterionScore {
  year: number;
  final: number;
  max: number;
  /** The criterion's (or field's) name in the table. */
  name: string;
}

/** The table of `year` (the current one when absent): the current, else the latest kept with that year. */
export function tableOf(data: Pick<Data, "scores">, year?: number): ScoreTable | undefined {
  const { current, previousTables } = data.scores;
  if (year === undefined || current?.year === year) return current;
  return [...previousTables].reverse().find((t) => t.year === year);
}

function findField(fields: ScoreField[], code: string): ScoreField | undefined {
  for (const f of fields) {
    if (f.id === code) return f;
    const inner = f.children ? findField(f.children, code) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

/** Unit `unitId`'s score on criterion `code` in `year` (the current table when absent). */
export function criterionScore(data: Pick<Data, "scores">, unitId: string, code: string, year?: number): CriterionScore | undefined {
  const table = tableOf(data, year);
  const field = table?.units.find((u) => u.unitId === unitId)?.fields;
  const found = field ? findField(field, code) : undefined;
  return found && table ? { year: table.year, final: found.final, max: found.max, name: found.name } : undefined;
}

export interface CriterionChange {
  code: string;
  before: CriterionScore;
  after: CriterionScore;
}

/**
 * The criterion's change since the task was given: its score in the table of the year the task was
 * assigned against, and in the latest later table that has it. Undefined until such a table exists.
 */
export function criterionChange(data: Pick<Data, "scores">, unitId: string, code: string | undefined, baseYear: number | undefined): CriterionChange | undefined {
  if (!code || baseYear === undefined) return undefined;
  const before = criterionScore(data, unitId, code, baseYear);
  if (!before) return undefined;
  const years = [data.scores.current, ...data.scores.previousTables].flatMap((t) => (t && t.year > baseYear ? [t.year] : [])).sort((a, b) => b - a);
  for (const year of years) {
    const after = criterionScore(data, unitId, code, year);
    if (after) return { code, before, after };
  }
  return undefined;
}

export interface WeakCriterion {
  code: string;
  name: string;
  final: number;
  max: number;
  /** Points lost (max − final). */
  lost: number;
}

/** The unit's criteria (fields, where the table has no criteria) that lost most points, most first. */
export function weakestCriteria(data: Pick<Data, "scores">, unitId: string, count = 3): WeakCriterion[] {
  const unit = data.scores.current?.units.find((u) => u.unitId === unitId);
  if (!unit) return [];
  return leaves(unit.fields)
    .map((f) => ({ code: f.id, name: f.name, final: f.final, max: f.max, lost: round2(f.max - f.final) }))
    .filter((c) => c.lost > 0 && /^\d/.test(c.code))
    .sort((a, b) => b.lost - a.lost)
    .slice(0, count);
}
