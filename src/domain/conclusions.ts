// The conclusions of the conference (Thông báo kết luận, Nghị định 30/2020 Phụ lục III Mẫu 1.4): the
// draft the organizers write (three standing parts and free ones), sent to the units concerned for
// comments before a day, the units' comments, and the issue: a number and a date, the text frozen,
// never changed afterwards. The rules live here once; src/actions/conclusions.ts tells people,
// src/views/conclusions.ts shows, src/documents/conclusions.ts writes the .docx.
import type { AccountKey, ConclusionsComment, ConclusionsConsultation, ConclusionsIssue, ConclusionsPart, ConclusionsRecord, ConclusionsState, Data } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import type { ConferenceService } from "../conference/service.js";
import { writable } from "../lib/text.js";
import { localDay } from "../lib/time.js";
import { BadArguments, UserError } from "./errors.js";
import { type StepChange, applyStepChange } from "./sessions.js";
import { dayText } from "./tasks.js";

/** The standing parts, in the order the Thông báo writes them (the tasks part comes after "solutions"). */
export const STANDING_PARTS = ["assessment", "shortcomings", "solutions"] as const;
/** Longest part, comment, free title; most free parts. */
export const MAX_PART_TEXT = 8000;
export const MAX_COMMENT_TEXT = 2000;
export const MAX_PART_TITLE = 200;
export const MAX_EXTRA_PARTS = 6;
/** The default symbol after the number: a Thông báo (TB) of the Văn phòng (VP). */
export const DEFAULT_SYMBOL = "TB-VP";

export type ConclusionsStage = "draft" | "comments" | "issued";

/** Where the conclusions stand: issued; sent for comments (until issued); else a draft. */
export function conclusionsStage(c: ConclusionsState): ConclusionsStage {
  if (c.issued) return "issued";
  return c.consultation ? "comments" : "draft";
}

/** Refused once issued: the Thông báo keeps its number, date and words for good. */
function requireNotIssued(c: ConclusionsState): void {
  if (c.issued) throw new UserError("conclusions-issued-locked", { number: `${c.issued.number}/${c.issued.symbol}`, day: dayText(c.issued.day) });
}

/** The parts as typed, cleaned: the three standing parts (empty ones kept empty), then the free parts that have text. */
export function checkParts(input: ConclusionsPart[]): ConclusionsPart[] {
  const clean = (s: string) => writable(s).replace(/\r\n?/g, "\n").trim();
  const standing = STANDING_PARTS.map((key) => ({ key, text: clean(input.find((p) => p.key === key)?.text ?? "") }));
  const extra = input
    .filter((p) => p.key === "extra")
    .map((p) => ({ key: "extra" as const, title: clean(p.title ?? ""), text: clean(p.text) }))
    .filter((p) => p.title || p.text);
  if (extra.length > MAX_EXTRA_PARTS) throw new BadArguments("conclusions-too-many-parts", { max: MAX_EXTRA_PARTS });
  for (const p of extra) {
    if (!p.title) throw new BadArguments("conclusions-part-no-title");
    if (p.title.length > MAX_PART_TITLE) throw new BadArguments("conclusions-title-too-long", { max: MAX_PART_TITLE });
  }
  for (const p of [...standing, ...extra]) if (p.text.length > MAX_PART_TEXT) throw new BadArguments("conclusions-part-too-long", { max: MAX_PART_TEXT });
  return [...standing, ...extra];
}

/** Saves the parts of the draft. Refused once issued. */
export async function saveConclusionsParts(store: Store, input: { parts: ConclusionsPart[]; by: AccountKey; now: Date }): Promise<ConclusionsState> {
  const parts = checkParts(input.parts);
  return store.mutate((d) => {
    requireNotIssued(d.conclusions);
    d.conclusions.parts = parts;
    d.conclusions.updatedAt = input.now.toISOString();
    d.conclusions.updatedBy = input.by;
    return structuredClone(d.conclusions);
  });
}

/** Whether the draft has what an issued Thông báo cannot lack: the assessment part. */
function requireAssessment(c: ConclusionsState): void {
  if (!c.parts.find((p) => p.key === "assessment")?.text) throw new UserError("conclusions-empty");
}

/**
 * Sends the draft to `units` for comments before `deadline` (a local day, today or later). Rules: not
 * issued; the assessment written; some unit named, each known. Sending again replaces the units and
 * the day; comments already given stay.
 */
export async function openConsultation(
  store: Store,
  conference: ConferenceService,
  input: { units: string[]; deadline: string; by: AccountKey; now: Date },
): Promise<ConclusionsConsultation> {
  const units = [...new Set(input.units)];
  if (units.length === 0) throw new BadArguments("conclusions-no-units");
  for (const id of units) if (!conference.unit(id)) throw new UserError("unit-unknown", { query: id });
  if (input.deadline < localDay(input.now)) throw new BadArguments("conclusions-deadline-past", { day: dayText(input.deadline) });
  return store.mutate((d) => {
    requireNotIssued(d.conclusions);
    requireAssessment(d.conclusions);
    const consultation: ConclusionsConsultation = { units, deadline: input.deadline, sentAt: input.now.toISOString(), sentBy: input.by, notices: {} };
    d.conclusions.consultation = consultation;
    return structuredClone(consultation);
  });
}

/** Records which notice each unit received (of the consultation, or of the issue). */
export async function recordConclusionsNotices(store: Store, which: "consultation" | "issued", notices: Record<string, string>): Promise<void> {
  await store.mutate((d) => {
    const target = which === "issued" ? d.conclusions.issued : d.conclusions.consultation;
    if (target) target.notices = { ...target.notices, ...notices };
  });
}

/**
 * A unit's comment on the draft. Rules: the draft is out for comments and not issued; the unit is one
 * of those asked; the comment says something. A comment after the day asked is still taken (an
 * office does not turn it away); the view marks it late.
 */
export async function addConclusionsComment(
  store: Store,
  input: { unitId: string; text: string; by: AccountKey; now: Date; via: ConclusionsComment["via"] },
  change: StepChange = {},
): Promise<ConclusionsComment> {
  const text = writable(input.text).trim();
  if (!text) throw new BadArguments("conclusions-comment-empty");
  if (text.length > MAX_COMMENT_TEXT) throw new BadArguments("conclusions-comment-too-long", { max: MAX_COMMENT_TEXT });
  return store.mutate((d) => {
    requireNotIssued(d.conclusions);
    const open = d.conclusions.consultation;
    if (!open) throw new UserError("conclusions-no-consultation");
    if (!open.units.includes(input.unitId)) throw new UserError("conclusions-not-asked");
    const comment: ConclusionsComment = { n: d.conclusions.comments.length + 1, unitId: input.unitId, text, by: input.by, at: input.now.toISOString(), via: input.via };
    d.conclusions.comments.push(comment);
    applyStepChange(d, input.by, change, input.now);
    return comment;
  });
}

/** Whether a comment came after the day asked. */
export function commentLate(comment: ConclusionsComment, consultation: ConclusionsConsultation | undefined): boolean {
  return Boolean(consultation && localDay(comment.at) > consultation.deadline);
}

/** The number as the office gives it: digits (and a letter or two), at most 12 characters. */
const NUMBER = /^[0-9A-Za-z]{1,12}$/;

/**
 * What issuing would refuse, checked before the question is asked: issued already, no assessment
 * written, a number that is none, a day not come yet.
 */
export function checkIssue(data: Pick<Data, "conclusions">, input: { number: string; day: string; now: Date }): void {
  requireNotIssued(data.conclusions);
  requireAssessment(data.conclusions);
  if (!NUMBER.test(input.number.trim())) throw new BadArguments("conclusions-bad-number");
  if (input.day > localDay(input.now)) throw new BadArguments("conclusions-day-future", { day: dayText(input.day) });
}

/**
 * Issues the conclusions: the number and the day, and the text as it stands (`record`, read from the
 * draft and the record by the view), frozen. Rules: not issued yet; the assessment written; a number;
 * the day not after today.
 */
export async function issueConclusions(
  store: Store,
  input: { number: string; symbol: string; day: string; record: ConclusionsRecord; by: AccountKey; now: Date },
): Promise<ConclusionsIssue> {
  const number = input.number.trim();
  return store.mutate((d) => {
    checkIssue(d, { ...input, number });
    const issued: ConclusionsIssue = { number, symbol: input.symbol, day: input.day, at: input.now.toISOString(), by: input.by, record: structuredClone(input.record), notices: {} };
    d.conclusions.issued = issued;
    return structuredClone(issued);
  });
}

/** The conclusions as stored. */
export function conclusionsOf(data: Pick<Data, "conclusions">): ConclusionsState {
  return data.conclusions;
}
