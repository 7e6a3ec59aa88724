// Where a unit lost points in one field ("tại sao xã mình bị trừ điểm lĩnh vực 3"): the field's maximum,
// the unit's self-assessment, the appraisal, the final score and last year's, as far as the table has them.
import type { ConferenceService } from "../conference/service.js";
import { UserError } from "../domain/errors.js";
import type { Data, Role, ScoreField } from "../../storage/schema.js";
import { type Marks, round2, unitResultView } from "./scores.js";

export interface FieldResultView {
  year: number;
  /** The unit's addressed name. */
  unit: string;
  marks: Marks;
  /** 1-based, in the table's order. */
  number: number;
  name: string;
  max: number;
  self?: number;
  appraised?: number;
  final: number;
  previous?: number;
  /** Points below the maximum. */
  lost: number;
  /** Points the appraisal took from the self-assessment (when both are in the table and it took some). */
  cut?: number;
}

/** Field `number` (1-based) of `unitId`'s result as `role` may see it; refuses a field the table lacks. */
export function fieldResultView(data: Pick<Data, "scores">, conference: ConferenceService, role: Role, unitId: string, number: number): FieldResultView {
  const v = unitResultView(data, conference, role, unitId);
  const field: ScoreField | undefined = v.score.fields[number - 1];
  if (!field) throw new UserError("words-field-unknown", { number, count: v.score.fields.length, year: String(v.year) });
  const cut = field.self !== undefined && field.appraised !== undefined && field.appraised < field.self ? round2(field.self - field.appraised) : undefined;
  return {
    year: v.year,
    unit: v.unit,
    marks: v.marks,
    number,
    name: field.name,
    max: round2(field.max),
    ...(field.self !== undefined && { self: round2(field.self) }),
    ...(field.appraised !== undefined && { appraised: round2(field.appraised) }),
    final: round2(field.final),
    ...(field.previous !== undefined && { previous: round2(field.previous) }),
    lost: round2(Math.max(0, field.max - field.final)),
    ...(cut !== undefined && { cut }),
  };
}
