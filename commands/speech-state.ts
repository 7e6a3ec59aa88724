// How a speech's status reads in lists and reports; the status itself is the domain's (src/domain/speeches.ts).
import type { Translate } from "../src/lib/i18n.js";
import { latestVersion, speechStatus } from "../src/domain/speeches.js";
import type { SpeechRecord } from "../storage/schema.js";

/** One short line per unit for lists and reports: its name and where its speech stands. */
export function speechStatusLabel(t: Translate, unitName: string, record: SpeechRecord | undefined): string {
  const n = latestVersion(record)?.n ?? 0;
  const key = {
    none: "review-label-not-submitted",
    submitted: "review-label-submitted",
    changes_requested: "review-label-changes",
    accepted: "review-label-accepted",
  }[speechStatus(record)];
  return t(key, { unit: unitName, n });
}
