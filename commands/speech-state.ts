// Pure decisions about speeches and voluntary speakers: a record's status, its latest version, the speakers' order.
import type { Translate } from "../src/lib/i18n.js";
import type { SpeechRecord, SpeechReview, SpeechVersion, VolunteerSpeaker } from "../storage/schema.js";

export type SpeechStatus = "not_submitted" | "submitted" | "changes_requested" | "accepted";

/** Longest speech accepted as text (all parts joined). */
export const MAX_SPEECH_CHARS = 50_000;

export function latestVersion(record: SpeechRecord | undefined): SpeechVersion | undefined {
  return record?.versions.at(-1);
}

/** The last review of the latest version; a newer version has no review until an organizer gives one. */
export function latestReview(record: SpeechRecord | undefined): SpeechReview | undefined {
  const version = latestVersion(record);
  if (!record || !version) return undefined;
  return [...record.reviews].reverse().find((r) => r.version === version.n);
}

/**
 * Where a unit's speech stands: nothing yet; a version waiting for review; the organizers asked for
 * changes to the latest version; or they accepted it. A new version makes it "submitted" again.
 */
export function speechStatus(record: SpeechRecord | undefined): SpeechStatus {
  if (!latestVersion(record)) return "not_submitted";
  const review = latestReview(record);
  return review ? review.decision : "submitted";
}

/**
 * Whether a unit may still submit at `now`. After the deadline only a unit whose latest version
 * the organizers sent back for changes may: they asked for it, so refusing would strand it.
 */
export function maySubmit(record: SpeechRecord | undefined, deadline: Date | undefined, now: Date): boolean {
  if (!deadline || now <= deadline) return true;
  return speechStatus(record) === "changes_requested";
}

/** One short line per unit for lists and reports: its name and where its speech stands. */
export function speechStatusLabel(t: Translate, unitName: string, record: SpeechRecord | undefined): string {
  const n = latestVersion(record)?.n ?? 0;
  const key = {
    not_submitted: "review-label-not-submitted",
    submitted: "review-label-submitted",
    changes_requested: "review-label-changes",
    accepted: "review-label-accepted",
  }[speechStatus(record)];
  return t(key, { unit: unitName, n });
}

/** The registrations not withdrawn, in the order they were made (the store appends in that order). */
export function activeSpeakers(speakers: VolunteerSpeaker[]): VolunteerSpeaker[] {
  return speakers.filter((s) => !s.withdrawnAt);
}
