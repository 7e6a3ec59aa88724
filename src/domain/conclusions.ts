// The conclusions of the conference (Thông báo kết luận, Nghị định 30/2020 Phụ lục III Mẫu 1.4): the
// draft the organizers write (three standing parts and free ones), sent to the units concerned for
// comments before a day, the units' comments, and the issue: a number and a date, the text frozen,
// never changed afterwards. The rules live here once; src/actions/conclusions.ts tells people,
// src/views/conclusions.ts shows, src/documents/conclusions.ts writes the .docx.
import type { AccountKey, ConclusionsComment, ConclusionsConsultation, ConclusionsIssue, ConclusionsPart, ConclusionsRecord, ConclusionsState, Data, StoredFileRef } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import type { ConferenceService } from "../conference/service.js";
import { safeExtension } from "../lib/files.js";
import { writable } from "../lib/text.js";
import { localDay } from "../lib/time.js";
import { BadArguments, UserError } from "./errors.js";
import { type StepChange, applyStepChange } from "./sessions.js";
import { EVIDENCE_TYPES } from "./task-files.js";
import { dayText } from "./tasks.js";
import { accountsOfUnit } from "./units.js";

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

// ---- One notice per unit, exactly once ----

/** What a notice of the conclusions is for: the consultation sent at `since`, or the issue made at `since`. */
export interface NoticeTarget {
  which: "consultation" | "issued";
  since: string;
}

/** Another writer recorded this unit's notice first (or the consultation was sent again): nothing written. */
export class ConclusionsNoticeTaken extends Error {
  constructor(readonly unitId: string) {
    super(`conclusions notice of ${unitId} already filed`);
  }
}

function targetOf(d: Pick<Data, "conclusions">, target: NoticeTarget): ConclusionsConsultation | ConclusionsIssue | undefined {
  const c = d.conclusions;
  if (target.which === "issued") return c.issued?.at === target.since ? c.issued : undefined;
  // A consultation is owed its notices only until the issue (which sends the issued text to every unit).
  return !c.issued && c.consultation?.sentAt === target.since ? c.consultation : undefined;
}

/**
 * Run inside the store change that writes the notice (NewNotice.check): refuses when the unit
 * already has its notice of `target`, or `target` is no longer current; else records `noticeId` as
 * the unit's notice in that same change. So a unit's notice and its record are written together or
 * not at all, whoever files it (the action at once, or the outbox's planner after a crash).
 */
export function claimConclusionsNotice(d: Pick<Data, "conclusions">, target: NoticeTarget, unitId: string, noticeId: string): void {
  const record = targetOf(d, target);
  if (!record || record.notices[unitId]) throw new ConclusionsNoticeTaken(unitId);
  record.notices[unitId] = noticeId;
}

/** How long the action has to file its notices itself before the planner files what is missing. */
export const NOTICES_REPAIR_AFTER_MS = 60_000;

/**
 * The notices owed now: per target (the consultation while not issued, the issue), the units that
 * someone of has joined and that have no notice of it yet. A target younger than
 * NOTICES_REPAIR_AFTER_MS is left to the action filing it; a unit nobody of had joined is owed its
 * notice once someone joins.
 */
export function owedConclusionsNotices(data: Data, allUnits: string[], now: Date): Array<{ target: NoticeTarget; units: string[] }> {
  const c = data.conclusions;
  const list: Array<{ target: NoticeTarget; units: string[]; record: ConclusionsConsultation | ConclusionsIssue }> = [];
  if (c.issued) list.push({ target: { which: "issued", since: c.issued.at }, units: allUnits, record: c.issued });
  else if (c.consultation) list.push({ target: { which: "consultation", since: c.consultation.sentAt }, units: c.consultation.units, record: c.consultation });
  return list
    .filter((x) => now.getTime() - Date.parse(x.target.since) >= NOTICES_REPAIR_AFTER_MS)
    .map((x) => ({ target: x.target, units: x.units.filter((u) => !x.record.notices[u] && accountsOfUnit(data, u).length > 0) }))
    .filter((x) => x.units.length > 0);
}

/** Refused unless the draft is out for comments, not issued, and `unitId` is one of the units asked. */
export function requireMayComment(d: Pick<Data, "conclusions">, unitId: string): void {
  requireNotIssued(d.conclusions);
  const open = d.conclusions.consultation;
  if (!open) throw new UserError("conclusions-no-consultation");
  if (!open.units.includes(unitId)) throw new UserError("conclusions-not-asked");
}

/** What a comment may be sent as through the upload page: a Word or PDF file, or photos of pages. */
export const COMMENT_FILE_TYPES: Record<string, string> = Object.fromEntries(Object.entries(EVIDENCE_TYPES).filter(([ext]) => !ext.startsWith("xls")));
/** The largest comment file. */
export const MAX_COMMENT_FILE_BYTES = 10_000_000;

/** A comment file's kind, extension and type by its name (a photo without one is a .jpg); refuses any other file. */
export function classifyCommentFile(file: { name: string; mime: string; size: number }): { kind: "document" | "photo"; ext: string; mime: string } {
  const photo = file.mime.startsWith("image/");
  const named = safeExtension(file.name, photo ? "jpg" : "");
  const ext = named === "jpeg" ? "jpg" : named;
  const mime = COMMENT_FILE_TYPES[ext];
  if (!mime) throw new UserError("conclusions-comment-file-type");
  if (file.size === 0 || file.size > MAX_COMMENT_FILE_BYTES) throw new UserError("conclusions-comment-file-too-large", { mb: MAX_COMMENT_FILE_BYTES / 1_000_000 });
  return { kind: mime.startsWith("image/") ? "photo" : "document", ext, mime };
}

/**
 * A unit's comment on the draft: words, or files (through the upload page), or both. Rules: the
 * draft is out for comments and not issued; the unit is one of those asked; the comment says
 * something. A comment after the day asked is still taken (an office does not turn it away); the
 * view marks it late.
 */
export async function addConclusionsComment(
  store: Store,
  input: { unitId: string; text: string; files?: StoredFileRef[]; by: AccountKey; now: Date; via: ConclusionsComment["via"] },
  change: StepChange = {},
): Promise<ConclusionsComment> {
  const text = writable(input.text).trim();
  const files = input.files ?? [];
  if (!text && files.length === 0) throw new BadArguments("conclusions-comment-empty");
  if (text.length > MAX_COMMENT_TEXT) throw new BadArguments("conclusions-comment-too-long", { max: MAX_COMMENT_TEXT });
  return store.mutate((d) => {
    requireMayComment(d, input.unitId);
    const comment: ConclusionsComment = { n: d.conclusions.comments.length + 1, unitId: input.unitId, text, by: input.by, at: input.now.toISOString(), via: input.via };
    if (files.length > 0) comment.files = files;
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
