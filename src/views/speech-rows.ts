// Where each assigned speech stands, one row per unit with a speech: the report's counts, the
// workbook's sheet and the chasing of units read it.
import type { Conference, Unit } from "../conference/schema.js";
import { type SpeechStatus, speechStatus } from "../domain/speeches.js";
import type { Data, SpeechReview, SpeechVersion } from "../../storage/schema.js";

export interface SpeechRow {
  unit: Unit;
  topic: string;
  status: SpeechStatus;
  latest?: SpeechVersion;
  versions: number;
  /** The review of the latest version, if it has one. */
  review?: SpeechReview;
}

export function speechRows(conf: Pick<Conference, "units" | "speeches">, data: Data): SpeechRow[] {
  const rows: SpeechRow[] = [];
  for (const s of conf.speeches) {
    const unit = conf.units.find((u) => u.id === s.unit);
    if (!unit) continue;
    const record = data.speeches[s.unit];
    const latest = record?.versions.at(-1);
    const lastReview = record?.reviews.at(-1);
    rows.push({
      unit,
      topic: s.topic,
      status: speechStatus(record),
      latest,
      versions: record?.versions.length ?? 0,
      review: latest && lastReview?.version === latest.n ? lastReview : undefined,
    });
  }
  return rows;
}
