// Reviewing a speech (tham luận): accept the latest version or ask for changes with a note. The chat's
// /duyet and the desk's buttons call this one function; the unit is told the same text from either.
import type { AccountKey, SpeechReview } from "../../storage/schema.js";
import type { StepChange } from "../domain/sessions.js";
import { acceptSpeech, requestChanges } from "../domain/speeches.js";
import { accountsOfUnit, unitAddressById } from "../domain/units.js";
import { msg } from "../messages/render.js";
import type { Done, Services } from "../messages/types.js";

export interface ReviewInput {
  unitId: string;
  /** The version the organizer read: refused if a newer one came in since (the domain's rule). */
  version: number;
  decision: SpeechReview["decision"];
  /** Required in practice for changes (each interface asks for it); at most MAX_REVIEW_NOTE characters. */
  note?: string;
}

/** Records the review and tells every account of the unit, filed as a `review` notice by the organizer. */
export async function reviewSpeechAction(
  services: Pick<Services, "store" | "conference" | "clock" | "logger">,
  actor: AccountKey,
  input: ReviewInput,
  /** What the review does to the reviewer's session in the same write (the chat's question for the note ends). */
  change: StepChange = {},
): Promise<Done<SpeechReview>> {
  const base = { unitId: input.unitId, version: input.version, by: actor, now: services.clock.now() };
  const done =
    input.decision === "accepted"
      ? await acceptSpeech(services, base, change)
      : await requestChanges(services, { ...base, note: input.note ?? "" }, change);
  services.logger.info({ unit: input.unitId, version: input.version, decision: input.decision, by: actor }, "speech reviewed");
  const unit = unitAddressById(services.conference, input.unitId);
  const message =
    input.decision === "accepted"
      ? msg("speech-review-accepted", { unit, n: input.version })
      : msg("speech-review-changes", { unit, n: input.version, note: input.note ?? "" });
  const to = accountsOfUnit(services.store.data, input.unitId).map((a) => a.key);
  return { result: done.review, notifications: [{ to, message, options: done.notice }] };
}
