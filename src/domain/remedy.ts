// The rules of the communes' remediation plans (kế hoạch khắc phục) after the index is published:
// who is asked, by when, submitting (text in one or several messages, a file, photos of pages),
// reviewing, and reading a plan's measures ("giải pháp") under the criteria they answer.
//
// A plan is kept exactly as a speech is (src/domain/speeches.ts): a list of versions and of reviews,
// its status derived from them (`speechStatus`), versions appended and reviews recorded by the same
// functions (`appendVersion`, `appendReview`, `draftContent`). What differs lives here: the units
// asked (communes, not the speakers), the deadline (from publication), and the draft, which is the
// unit's (kept in the plan, not in a person's session, so that it never mixes with a speech's).
import type { ConferenceService } from "../conference/service.js";
import { parseLocalTime } from "../conference/service.js";
import type { Unit } from "../conference/schema.js";
import type { AccountKey, Data, RemedyDraft, RemedyPlan, ReviewDecision, SpeechReview, SpeechVersion, StoredFileRef } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { fold, writable } from "../lib/text.js";
import { addWorkingDays } from "../lib/working-days.js";
import { DeadlinePassed, UserError } from "./errors.js";
import { applyStepChange, type StepChange } from "./sessions.js";
import {
  appendReview,
  appendVersion,
  draftContent,
  draftSize,
  MAX_SPEECH_CHARS,
  maySubmit,
  requirePartFits,
  reviewNote,
  type SpeechStatus,
  speechStatus,
  type VersionContent,
} from "./speeches.js";
import { unitAddressById } from "./units.js";

/** Working days after publication a plan is due, unless the conference file says otherwise. */
export const DEFAULT_REMEDY_WORKING_DAYS = 15;
/** How many of its weakest criteria a commune is asked to answer, as headings of its plan. */
export const REMEDY_HEADINGS = 3;

interface Deps {
  store: Store;
  conference: ConferenceService;
}

/** Submitting is closed (the deadline passed); carries the deadline, which each interface formats. */
export class RemedyClosed extends DeadlinePassed {
  constructor(
    readonly deadline: Date,
    key = "remedy-deadline-passed",
  ) {
    super(key, { deadline: deadline.toISOString() });
  }
}

// ---- Who, and by when ----

/** The units asked for a plan: every unit that is not an agency (xã, thị trấn; later phường, đặc khu). */
export function remedyUnits(conference: ConferenceService): Unit[] {
  return conference.units().filter((u) => u.kind !== "agency");
}

export function isRemedyUnit(conference: ConferenceService, unitId: string | undefined): boolean {
  return Boolean(unitId && conference.unit(unitId) && conference.unit(unitId)?.kind !== "agency");
}

/**
 * When plans are due: the conference file's day (its whole day), or the end of the day that many
 * working days after publication (default 15; public holidays of the file skipped). Undefined
 * before publication: nothing is asked yet.
 */
export function remedyDeadline(data: Pick<Data, "scores">, conference: ConferenceService): Date | undefined {
  const published = data.scores.publishedAt;
  if (!published) return undefined;
  const r = conference.conf.remediation;
  if (r?.deadline) return parseLocalTime(r.deadline);
  return parseLocalTime(addWorkingDays(published, r?.deadline_days_after_publication ?? DEFAULT_REMEDY_WORKING_DAYS, conference.conf.holidays));
}

export function planOf(data: Pick<Data, "remedies">, unitId: string): RemedyPlan | undefined {
  return data.remedies.plans[unitId];
}

export function remedyStatus(data: Pick<Data, "remedies">, unitId: string): SpeechStatus {
  return speechStatus(planOf(data, unitId));
}

/** The unit's plan may be asked of it: a commune, once the results are published. */
export function requireRemedyUnit(data: Pick<Data, "scores">, conference: ConferenceService, unitId: string | undefined): string {
  if (!unitId || !isRemedyUnit(conference, unitId)) throw new UserError("remedy-not-a-commune");
  if (!data.scores.publishedAt) throw new UserError("remedy-not-yet");
  return unitId;
}

/** Whether the unit may submit at `now`: before the deadline always; after it only when changes were asked (as a speech). */
export function mayRemedy(data: Pick<Data, "scores" | "remedies">, conference: ConferenceService, unitId: string, now: Date): boolean {
  return Boolean(data.scores.publishedAt) && maySubmit(planOf(data, unitId), remedyDeadline(data, conference), now);
}

/** Refuses, inside every write that adds to a plan, when the unit may not submit now. */
function requireOpenIn(d: Data, conference: ConferenceService, unitId: string, now: Date): void {
  requireRemedyUnit(d, conference, unitId);
  if (!mayRemedy(d, conference, unitId, now)) throw new RemedyClosed(remedyDeadline(d, conference) as Date);
}

export function requireRemedyOpen(deps: Deps, unitId: string, now: Date): void {
  requireOpenIn(deps.store.data, deps.conference, unitId, now);
}

function planIn(d: Data, unitId: string): RemedyPlan {
  d.remedies.plans[unitId] ??= { unitId, versions: [], reviews: [] };
  return d.remedies.plans[unitId];
}

export function nextRemedyVersion(data: Pick<Data, "remedies">, unitId: string): number {
  return (planOf(data, unitId)?.versions.length ?? 0) + 1;
}

// ---- Submitting ----

interface By {
  unitId: string;
  by: AccountKey;
  now: Date;
}

/** Appends a version of `content`; the unit's draft ends with it when `endDraft`. */
function submit(deps: Deps, input: By, content: () => VersionContent, change: StepChange, endDraft: boolean): Promise<SpeechVersion> {
  return deps.store.mutate((d) => {
    requireOpenIn(d, deps.conference, input.unitId, input.now);
    const plan = planIn(d, input.unitId);
    const version = appendVersion(plan, input, content());
    if (endDraft) delete plan.draft;
    applyStepChange(d, input.by, change, input.now);
    return version;
  });
}

/** A plan typed in one message becomes a version. Refused: empty, too long, closed. */
export function submitRemedyText(deps: Deps, input: By & { text: string }, change: StepChange = {}): Promise<SpeechVersion> {
  const body = writable(input.text).trim();
  if (!body) throw new UserError("remedy-empty");
  if (body.length > MAX_SPEECH_CHARS) throw new UserError("speech-too-long", { length: body.length, max: MAX_SPEECH_CHARS });
  return submit(deps, input, () => ({ kind: "text", text: body }), change, true);
}

/** A document (one file) or photos of pages become a version; the draft is left as it is. */
export function submitRemedyFiles(deps: Deps, input: By & { kind: "document" | "photo"; files: StoredFileRef[]; caption?: string }, change: StepChange = {}): Promise<SpeechVersion> {
  const [first] = input.files;
  if (!first) throw new UserError("speech-nothing-collected");
  const caption = writable(input.caption ?? "").trim();
  const extra = caption ? { text: caption } : {};
  const content = (): VersionContent => (input.kind === "document" ? { kind: "document", file: first, ...extra } : { kind: "photo", file: first, pages: [...input.files], ...extra });
  return submit(deps, input, content, change, false);
}

/** The unit's draft becomes one version and ends. Refused: nothing in it, too long, closed. */
export function submitRemedyDraft(deps: Deps, input: By, change: StepChange = {}): Promise<SpeechVersion> {
  if (draftSize(planOf(deps.store.data, input.unitId)?.draft) === 0) throw new UserError("speech-nothing-collected");
  return submit(deps, input, () => draftContent(deps.store.data.remedies.plans[input.unitId]?.draft), change, true);
}

/** Adds a typed part or a photographed page to the unit's draft (opened if none); returns how many pieces it holds. */
export async function addRemedyPiece(deps: Deps, input: By & { part?: string; page?: StoredFileRef }, change: StepChange = {}): Promise<number> {
  const part = writable(input.part ?? "").trim();
  if (!part && !input.page) throw new UserError("speech-part-empty");
  return deps.store.mutate((d) => {
    requireOpenIn(d, deps.conference, input.unitId, input.now);
    const plan = planIn(d, input.unitId);
    if (part) requirePartFits(plan.draft, part);
    const draft: RemedyDraft = plan.draft ?? { by: input.by, parts: [], startedAt: input.now.toISOString() };
    if (part) draft.parts.push(part);
    if (input.page) draft.pages = [...(draft.pages ?? []), input.page];
    plan.draft = draft;
    applyStepChange(d, input.by, change, input.now);
    return draftSize(draft);
  });
}

/** Drops the unit's draft (nothing of it is submitted). */
export async function dropRemedyDraft(deps: Deps, input: By, change: StepChange = {}): Promise<void> {
  await deps.store.mutate((d) => {
    const plan = d.remedies.plans[input.unitId];
    if (plan) delete plan.draft;
    applyStepChange(d, input.by, change, input.now);
  });
}

// ---- Reviewing ----

/** The organizers accept the latest version, or ask for changes with a note (the rules of a speech's review). */
export function reviewRemedy(
  deps: Deps,
  input: { unitId: string; version: number; by: AccountKey; now: Date; decision: ReviewDecision; note?: string },
  change: StepChange = {},
): Promise<SpeechReview> {
  const note = input.decision === "changes_requested" ? reviewNote(input.note ?? "") : undefined;
  if (input.decision === "changes_requested" && !note) throw new UserError("remedy-note-missing");
  const unit = unitAddressById(deps.conference, input.unitId);
  return deps.store.mutate((d) => {
    const entry = appendReview(d.remedies.plans[input.unitId], { ...input, unit, ...(note ? { note } : {}) });
    applyStepChange(d, input.by, change, input.now);
    return entry;
  });
}

// ---- The request sent once after publication (src/outbox/remedy-requests.ts) ----

/** The publication whose request is due: published, not requested yet. */
export function remedyRequestDue(data: Pick<Data, "scores" | "remedies">): string | undefined {
  const published = data.scores.publishedAt;
  return published && data.remedies.requestedFor !== published ? published : undefined;
}

export async function markRemedyRequested(store: Store, publishedAt: string): Promise<void> {
  await store.mutate((d) => {
    d.remedies.requestedFor = publishedAt;
  });
}

// ---- Measures: a plan's lines, under the criteria they answer ----

export interface Measure {
  /** 1, 2, … in the plan's order. */
  n: number;
  text: string;
  /** The criterion of the heading it stands under, if any. */
  criterion?: string;
}

/** "Tiêu chí 3.2 …", "TC 3.2:", "Lĩnh vực 3", or "3.2. …" (two parts at least: "1." is a numbered measure). */
const HEADING = /^(?:(?:tieu chi|tc|linh vuc)\s*(\d{1,2}(?:\.\d{1,2}){0,3})|(\d{1,2}(?:\.\d{1,2}){1,3}))(?=$|[\s.:)\u2013\u2014-])/;
/** A bullet or a number before a measure: "-", "•", "+", "*", "1.", "2)", "a)". */
const BULLET = /^(?:[-\u2022+*\u2013\u2014]+|\d{1,2}[.)]|[a-z\u0111][.)])\s*/iu;

/**
 * The measures of a plan's text: each non-empty line that is not a heading is one measure (its
 * bullet or number dropped), with the criterion of the heading above it. A heading names a
 * criterion ("Tiêu chí 3.2: …", "3.2. …"); text after a heading's colon is a measure of its own;
 * above the first heading only bulleted or numbered lines count (a title is not a measure).
 */
export function remedyMeasures(text: string): Measure[] {
  const measures: Measure[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  // Where the plan has headings, a line above the first one is a measure only when bulleted or numbered (not its title).
  const headed = lines.some((l) => HEADING.test(fold(l)));
  let criterion: string | undefined;
  for (const line of lines) {
    if (!line || (headed && !criterion && !BULLET.test(line) && !HEADING.test(fold(line)))) continue;
    const heading = HEADING.exec(fold(line));
    if (heading) {
      criterion = heading[1] ?? heading[2];
      const after = line.includes(":") ? line.slice(line.indexOf(":") + 1).trim() : "";
      if (after) measures.push({ n: measures.length + 1, text: after, criterion });
      continue;
    }
    const body = line.replace(BULLET, "").trim();
    if (body.length >= 3) measures.push({ n: measures.length + 1, text: body, ...(criterion && { criterion }) });
  }
  return measures;
}
