// The rules of assigned speeches (tham luận): where one stands, who may submit when, review, withdrawal, the draft.
//
// A speech is a list of versions (append-only: nothing is ever replaced) and of reviews; its status
// is derived from them. Every change of state is one function below, with its rule in its doc comment.
import type { ConferenceService } from "../conference/service.js";
import type { AccountKey, Data, ReviewDecision, Session, SpeechRecord, SpeechReview, SpeechVersion, StoredFileRef } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { writable } from "../lib/text.js";
import { DeadlinePassed, UserError } from "./errors.js";
import { applyStepChange, collectingIn, dropChoicesIn, endCollectingIn, type StepChange } from "./sessions.js";
import { unitAddressById } from "./units.js";

/**
 * Where a unit's speech stands: nothing yet (or withdrawn), a version waiting for review, the
 * organizers asked for changes to the latest version, or they accepted it. The one status type of
 * the project; stored data keeps only versions and reviews, so this never needs migrating.
 */
export type SpeechStatus = "none" | "submitted" | ReviewDecision;

/** Longest speech accepted as text (all parts joined). */
export const MAX_SPEECH_CHARS = 50_000;
/** Longest note of an organizer asking for changes. */
export const MAX_REVIEW_NOTE = 1000;
/** What joins the parts of a collected draft: each message reads as a paragraph. */
export const PART_SEPARATOR = "\n\n";

/** What the domain needs to decide about speeches: the store, and the conference for deadlines and names. */
export interface SpeechDeps {
  store: Store;
  conference: ConferenceService;
}

/** The fields of a new version; its number, author and time are the domain's to set. */
export type VersionContent = Omit<SpeechVersion, "n" | "by" | "at">;

/** A draft collected over several messages (parts typed, photos of pages), not yet a version. */
export type SpeechDraft = NonNullable<Session["collecting"]>;

/** Submitting is closed (the deadline passed); carries the deadline, which the handler formats. */
export class SpeechClosed extends DeadlinePassed {
  constructor(readonly deadline: Date) {
    super("speech-deadline-passed", { deadline: deadline.toISOString() });
  }
}

// ---- Reading ----

export function latestVersion(record: SpeechRecord | undefined): SpeechVersion | undefined {
  return record?.versions.at(-1);
}

/** The last review of the latest version; a newer version has no review until an organizer gives one. */
export function latestReview(record: SpeechRecord | undefined): SpeechReview | undefined {
  const version = latestVersion(record);
  if (!record || !version) return undefined;
  return [...record.reviews].reverse().find((r) => r.version === version.n);
}

/** Whether the unit withdrew its latest version (a newer version ends the withdrawal). */
export function isWithdrawn(record: SpeechRecord | undefined): boolean {
  const version = latestVersion(record);
  return Boolean(version && record?.withdrawals?.some((w) => w.version === version.n));
}

/**
 * Where a unit's speech stands. A new version makes it "submitted" again, whatever the reviews of
 * earlier versions said; a withdrawn latest version counts as nothing submitted.
 */
export function speechStatus(record: SpeechRecord | undefined): SpeechStatus {
  if (!latestVersion(record) || isWithdrawn(record)) return "none";
  const review = latestReview(record);
  return review ? review.decision : "submitted";
}

/**
 * Whether a unit may still submit at `now`. Before the deadline (or while none is set) always,
 * whatever the status: **an accepted speech may still be replaced before the deadline** (the new
 * version goes back to review). After the deadline only a unit whose latest version the organizers
 * sent back for changes may: they asked for it, so refusing would strand it.
 */
export function maySubmit(record: SpeechRecord | undefined, deadline: Date | undefined, now: Date): boolean {
  if (!deadline || now <= deadline) return true;
  return speechStatus(record) === "changes_requested";
}

/** Refuses with the deadline when the unit may no longer submit (checked again inside every write). */
export function requireOpen(deps: SpeechDeps, unitId: string, now: Date, data: Data = deps.store.data): void {
  const deadline = deps.conference.deadline("speech");
  if (!maySubmit(data.speeches[unitId], deadline, now)) throw new SpeechClosed(deadline as Date);
}

/** The number the unit's next version will have (for naming its files before it is saved). */
export function nextVersionNumber(data: Data, unitId: string): number {
  return (data.speeches[unitId]?.versions.length ?? 0) + 1;
}

// ---- Submitting ----

/**
 * Appends a version to the unit's speech inside a write (the caller checked that submitting is open
 * in the same write). Rules: versions are only ever appended, numbered 1, 2, 3…
 */
function appendVersionIn(d: Data, input: { unitId: string; by: AccountKey; now: Date }, content: VersionContent): SpeechVersion {
  const record = d.speeches[input.unitId] ?? { unitId: input.unitId, versions: [], reviews: [] };
  d.speeches[input.unitId] = record;
  return appendVersion(record, input, content);
}

/**
 * Appends a version to a record of versions (a speech, a commune's remediation plan): numbered 1, 2,
 * 3… after the last, never replacing one. The caller checked, in the same write, that it may.
 */
export function appendVersion(record: SpeechRecord, input: { by: AccountKey; now: Date }, content: VersionContent): SpeechVersion {
  const version: SpeechVersion = { n: record.versions.length + 1, ...content, by: input.by, at: input.now.toISOString() };
  record.versions.push(version);
  return version;
}

/**
 * After a version, in its write: an empty draft of `by` ends (one opened by a bare /thamluan is no
 * longer needed once a version is in) and, once no draft is left, `change` is applied to the session.
 */
function afterVersionIn(d: Data, by: AccountKey, now: Date, change: StepChange, endDraft: "empty" | "always"): void {
  if (endDraft === "always" || draftSize(d.sessions[by]?.collecting) === 0) endDraftIn(d, by);
  if (!draftOf(d, by)) applyStepChange(d, by, change, now);
}

/**
 * A speech typed in one message becomes a version. Refused: empty, longer than MAX_SPEECH_CHARS, after
 * the deadline. `change`, here and for every version below: what happens to the person's session in
 * the same write once no draft is left (`{ endAwaiting: "speech.collect" }`: the step that fed the draft ends).
 */
export async function submitText(
  deps: SpeechDeps,
  input: { unitId: string; by: AccountKey; now: Date; text: string },
  change: StepChange = {},
): Promise<SpeechVersion> {
  const body = writable(input.text);
  if (!body.trim()) throw new UserError("speech-empty");
  if (body.length > MAX_SPEECH_CHARS) throw new UserError("speech-too-long", { length: body.length, max: MAX_SPEECH_CHARS });
  return deps.store.mutate((d) => {
    requireOpen(deps, input.unitId, input.now, d);
    const version = appendVersionIn(d, input, { kind: "text", text: body });
    afterVersionIn(d, input.by, input.now, change, "empty");
    return version;
  });
}

/**
 * A document (Word, PDF…) is a whole speech: it becomes a version at once, with its caption as text.
 * Parts typed before it stay in the draft for /xong; an empty draft ends.
 */
export async function submitDocument(
  deps: SpeechDeps,
  input: { unitId: string; by: AccountKey; now: Date; file: StoredFileRef; caption?: string },
  change: StepChange = {},
): Promise<SpeechVersion> {
  const caption = writable(input.caption ?? "");
  return deps.store.mutate((d) => {
    requireOpen(deps, input.unitId, input.now, d);
    const version = appendVersionIn(d, input, { kind: "document", file: input.file, ...(caption ? { text: caption } : {}) });
    afterVersionIn(d, input.by, input.now, change, "empty");
    return version;
  });
}

/**
 * Photos of a speech's pages sent together (the personal upload page) become one photo version, the
 * pages in the order given. Refused: no page, after the deadline.
 */
export async function submitPages(
  deps: SpeechDeps,
  input: { unitId: string; by: AccountKey; now: Date; pages: StoredFileRef[] },
  change: StepChange = {},
): Promise<SpeechVersion> {
  const [first] = input.pages;
  if (!first) throw new UserError("speech-nothing-collected");
  return deps.store.mutate((d) => {
    requireOpen(deps, input.unitId, input.now, d);
    const version = appendVersionIn(d, input, { kind: "photo", file: first, pages: [...input.pages] });
    afterVersionIn(d, input.by, input.now, change, "empty");
    return version;
  });
}

/**
 * The draft becomes one version and ends: only text parts → a text version (parts joined as
 * paragraphs); with photos of pages → a photo version with every page in order and the parts as its
 * text. Refused: an empty draft, joined text too long, after the deadline.
 */
export async function submitDraft(
  deps: SpeechDeps,
  input: { unitId: string; by: AccountKey; now: Date },
  change: StepChange = {},
): Promise<SpeechVersion> {
  if (draftSize(deps.store.data.sessions[input.by]?.collecting) === 0) throw new UserError("speech-nothing-collected");
  return deps.store.mutate((d) => {
    requireOpen(deps, input.unitId, input.now, d);
    // Built from the store as it is at this moment, so that a part that arrived a moment ago is not missed.
    const version = appendVersionIn(d, input, draftContent(draftOf(d, input.by)));
    afterVersionIn(d, input.by, input.now, change, "always");
    return version;
  });
}

/**
 * What a draft makes as a version: text parts joined as paragraphs, or the pages with the parts as
 * their text (a speech's draft, a remediation plan's). Refused: empty, joined text too long.
 */
export function draftContent(draft: Pick<SpeechDraft, "parts" | "pages"> | undefined): VersionContent {
  if (!draft || draftSize(draft) === 0) throw new UserError("speech-nothing-collected");
  const joined = draft.parts.join(PART_SEPARATOR);
  if (joined.length > MAX_SPEECH_CHARS) throw new UserError("speech-too-long", { length: joined.length, max: MAX_SPEECH_CHARS });
  const pages = draft.pages ?? [];
  if (pages.length === 0) return { kind: "text", text: joined };
  return { kind: "photo", file: pages[0], pages: [...pages], ...(joined ? { text: joined } : {}) };
}

/**
 * The unit withdraws its speech: its latest version no longer counts (status "none"), but stays
 * kept, as every version does. Rules: there must be a version not already withdrawn; withdrawing is
 * allowed while submitting is open, so that after the deadline the organizers never lose a speech
 * they counted on; a new version later simply counts again.
 */
export async function withdrawSpeech(deps: SpeechDeps, input: { unitId: string; by: AccountKey; now: Date }): Promise<SpeechVersion> {
  return deps.store.mutate((d) => {
    const record = d.speeches[input.unitId];
    const latest = latestVersion(record);
    if (!record || !latest || isWithdrawn(record)) throw new UserError("speech-nothing-to-withdraw", { unit: unitAddressById(deps.conference, input.unitId) });
    requireOpen(deps, input.unitId, input.now, d);
    record.withdrawals = [...(record.withdrawals ?? []), { version: latest.n, by: input.by, at: input.now.toISOString() }];
    return latest;
  });
}

/**
 * Whether the unit may withdraw its latest version by itself: only one the organizers have not
 * reviewed yet ("submitted"). An accepted version, or one sent back for changes, is the organizers'
 * to decide about; nothing submitted (or already withdrawn) leaves nothing to withdraw.
 */
export function withdrawable(record: SpeechRecord | undefined): "ok" | "nothing" | "reviewed" {
  const status = speechStatus(record);
  if (status === "none") return "nothing";
  return status === "submitted" ? "ok" : "reviewed";
}

// ---- Reviewing ----

/** What a review saved, and whom the result goes to. */
export interface ReviewResult {
  review: SpeechReview;
  /** The result is filed as a `review` notice by the reviewing organizer (not a "result" by "system"). */
  notice: { kind: "review"; createdBy: AccountKey };
}

/**
 * Records an organizer's decision on version `version`. Rules: there is a version; it is the
 * latest (an organizer who read an older one must read the new one first); it was not withdrawn;
 * a version already accepted is not accepted twice, but changes may still be asked of it.
 */
async function review(
  deps: SpeechDeps,
  input: { unitId: string; version: number; by: AccountKey; now: Date; decision: ReviewDecision; note?: string },
  change: StepChange = {},
): Promise<ReviewResult> {
  const unit = unitAddressById(deps.conference, input.unitId);
  return deps.store.mutate((d) => {
    const entry = appendReview(d.speeches[input.unitId], { ...input, unit });
    applyStepChange(d, input.by, change, input.now);
    return { review: entry, notice: { kind: "review", createdBy: input.by } };
  });
}

/**
 * Records a decision on version `version` of a record of versions (a speech, a remediation plan).
 * Rules: there is a version; it is the latest (an organizer who read an older one must read the new
 * one first); it was not withdrawn; a version already accepted is not accepted twice, but changes
 * may still be asked of it. `unit` names the unit in the refusals.
 */
export function appendReview(
  record: SpeechRecord | undefined,
  input: { unitId: string; unit: string; version: number; by: AccountKey; now: Date; decision: ReviewDecision; note?: string },
): SpeechReview {
  const { unit } = input;
  const latest = latestVersion(record);
  if (!record || !latest || isWithdrawn(record)) throw new UserError("review-nothing", { unit });
  if (latest.n !== input.version) throw new UserError("review-stale", { unit, n: latest.n, id: input.unitId });
  if (input.decision === "accepted" && latestReview(record)?.decision === "accepted") throw new UserError("review-already-accepted", { unit, n: input.version });
  const entry: SpeechReview = {
    version: input.version,
    decision: input.decision,
    ...(input.note ? { note: input.note } : {}),
    by: input.by,
    at: input.now.toISOString(),
  };
  record.reviews.push(entry);
  return entry;
}

/** A note asking for changes, cleaned; refused when longer than MAX_REVIEW_NOTE. */
export function reviewNote(text: string): string {
  const note = writable(text);
  if (note.length > MAX_REVIEW_NOTE) throw new UserError("review-note-too-long", { max: MAX_REVIEW_NOTE });
  return note;
}

/** The organizers accept the latest version. See `review` for the refusals. */
export async function acceptSpeech(
  deps: SpeechDeps,
  input: { unitId: string; version: number; by: AccountKey; now: Date },
  change: StepChange = {},
): Promise<ReviewResult> {
  return review(deps, { ...input, decision: "accepted" }, change);
}

/**
 * The organizers send the latest version back with a note saying what to change (at most
 * MAX_REVIEW_NOTE characters). The unit may then submit again even after the deadline (maySubmit).
 */
export async function requestChanges(
  deps: SpeechDeps,
  input: { unitId: string; version: number; by: AccountKey; now: Date; note: string },
  change: StepChange = {},
): Promise<ReviewResult> {
  return review(deps, { ...input, note: reviewNote(input.note), decision: "changes_requested" }, change);
}

// ---- The draft collected over several messages ----

/** How many pieces a draft holds (parts typed and pages photographed). */
export function draftSize(draft: Pick<SpeechDraft, "parts" | "pages"> | undefined): number {
  return draft ? draft.parts.length + (draft.pages?.length ?? 0) : 0;
}

/** The draft `by` is collecting, if any. */
export function draftOf(data: Data, by: AccountKey): SpeechDraft | undefined {
  return data.sessions[by]?.collecting;
}

const joinedLength = (parts: string[]): number => parts.join(PART_SEPARATOR).length;

/** Refuses a part that would make the joined draft longer than MAX_SPEECH_CHARS. */
export function requirePartFits(draft: Pick<SpeechDraft, "parts"> | undefined, part: string): void {
  const parts = draft?.parts ?? [];
  if (joinedLength([...parts, part]) > MAX_SPEECH_CHARS) throw new UserError("speech-part-too-long", { max: MAX_SPEECH_CHARS, length: joinedLength(parts) });
}

function newDraft(now: Date): SpeechDraft {
  return { kind: "speech", parts: [], startedAt: now.toISOString(), pages: [] };
}

/** Ends the draft of `by` inside a write (parts and pages not submitted are dropped; saved page files stay on disk). */
export function endDraftIn(d: Data, by: AccountKey): void {
  endCollectingIn(d, by);
}

/** Drops the draft of `by` (what it held is not submitted), `change` applied in the same write. */
export async function dropDraft(deps: { store: Store }, input: { by: AccountKey; now: Date }, change: StepChange = {}): Promise<void> {
  await deps.store.mutate((d) => {
    endDraftIn(d, input.by);
    applyStepChange(d, input.by, change, input.now);
  });
}

/** Opens a draft for `by` if none is open, `change` applied in the same write; returns the draft as it is. */
export async function openDraft(deps: SpeechDeps, input: { by: AccountKey; now: Date }, change: StepChange = {}): Promise<SpeechDraft> {
  return deps.store.mutate((d) => {
    const draft = collectingIn(d, input.by, newDraft(input.now));
    applyStepChange(d, input.by, change, input.now);
    return draft;
  });
}

/**
 * Adds a typed part to the open draft; returns how many pieces it now holds. Rules: a draft is
 * open, or `open` asks for one to be opened with this first part (the person chose to submit and
 * was asked for the text: nothing is stored until the text comes); the part is not empty; the
 * joined text stays within MAX_SPEECH_CHARS; submitting is open. The draft then stays in the store
 * until it is submitted (/xong) or dropped (/huy).
 */
export async function addDraftPart(
  deps: SpeechDeps,
  input: { unitId: string; by: AccountKey; now: Date; part: string; open?: boolean },
  change: StepChange = {},
): Promise<number> {
  const part = writable(input.part);
  if (!input.open && !draftOf(deps.store.data, input.by)) throw new UserError("speech-not-collecting");
  if (!part) throw new UserError("speech-part-empty");
  return deps.store.mutate((d) => {
    if (!input.open && !draftOf(d, input.by)) throw new UserError("speech-not-collecting");
    requireOpen(deps, input.unitId, input.now, d);
    requirePartFits(draftOf(d, input.by), part);
    const draft = collectingIn(d, input.by, newDraft(input.now));
    draft.parts.push(part);
    applyStepChange(d, input.by, change, input.now);
    return draftSize(draft);
  });
}

/**
 * Adds a photographed page (already saved under DATA_DIR/files) to the draft, opening one if
 * needed; its caption, if any, becomes a part. Returns the number of pages. /xong makes the pages one
 * version, so a speech photographed page by page (Zalo sends only images) reaches the reviewer whole.
 */
export async function addDraftPage(
  deps: SpeechDeps,
  input: { unitId: string; by: AccountKey; now: Date; page: StoredFileRef; caption?: string },
  change: StepChange = {},
): Promise<number> {
  const caption = writable(input.caption ?? "");
  return deps.store.mutate((d) => {
    // Every refusal before any change: a change that throws must not have changed anything.
    requireOpen(deps, input.unitId, input.now, d);
    if (caption) requirePartFits(draftOf(d, input.by), caption);
    // Numbers typed once a draft opens are speech text, not a pick from choices offered earlier.
    if (!draftOf(d, input.by)) dropChoicesIn(d, input.by);
    const draft = collectingIn(d, input.by, newDraft(input.now));
    draft.pages = [...(draft.pages ?? []), input.page];
    if (caption) draft.parts.push(caption);
    applyStepChange(d, input.by, change, input.now);
    return draft.pages.length;
  });
}
