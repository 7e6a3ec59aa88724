// What people do with the conclusions (Thông báo kết luận), from the desk, the chat (/ketluan) or the
// command line: organizers save the draft's parts, send the draft to the units concerned for comments
// before a day, and issue it; a unit's delegate comments. Sending and issuing file one notice per unit
// through the outbox (as notices go), with that unit's copy of the document and "Đã nhận": Telegram
// carries the file, Zalo a link to it (the channel's own way with files). The copy is made by the
// interface (`CopyMaker`: actions write no text), from src/documents/conclusions.ts.
import type { AccountKey, ConclusionsComment, ConclusionsConsultation, ConclusionsIssue, ConclusionsPart, ConclusionsState, StoredFileRef } from "../../storage/schema.js";
import { unlink } from "node:fs/promises";
import path from "node:path";
import {
  addConclusionsComment,
  claimConclusionsNotice,
  classifyCommentFile,
  ConclusionsNoticeTaken,
  DEFAULT_SYMBOL,
  issueConclusions,
  type NoticeTarget,
  openConsultation,
  owedConclusionsNotices,
  requireMayComment,
  saveConclusionsParts,
} from "../domain/conclusions.js";
import { UserError } from "../domain/errors.js";
import { organizerAccounts } from "../domain/identity.js";
import { freshNoticeId, type NoticesPort } from "../domain/notices.js";
import type { StepChange } from "../domain/sessions.js";
import { dayText } from "../domain/tasks.js";
import { accountsOfUnit, unitAddressById } from "../domain/units.js";
import { saveFile } from "../lib/files.js";
import { localDay } from "../lib/time.js";
import { msg } from "../messages/render.js";
import type { Done, Services } from "../messages/types.js";
import { currentRecord, unitConclusionsView } from "../views/conclusions.js";
import type { Actor } from "./actor.js";
import { keepingUploads, MAX_UPLOAD_PAGES, type UploadedFile } from "./speeches.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger" | "notices">;
/** What filing the notices needs: the store, the conference, the log, and a way to write a notice (the notices port). */
/** What a comment needs: no notices port (the organizers are told through the notifications returned). */
type CommentDeps = Pick<Services, "store" | "conference" | "clock" | "logger" | "config">;
type FilingDeps = Pick<Services, "store" | "conference" | "logger"> & { create: NoticesPort["create"] };

/** A unit's copy of the document as it now stands (the .docx), made by the interface. */
export type CopyMaker = (unitId: string) => Promise<{ name: string; data: Buffer }>;

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Saves the parts of the draft. */
export async function saveConclusionsAction(services: Deps, actor: AccountKey, input: { parts: ConclusionsPart[] }): Promise<Done<ConclusionsState>> {
  const result = await saveConclusionsParts(services.store, { parts: input.parts, by: actor, now: services.clock.now() });
  services.logger.info({ by: actor, parts: result.parts.filter((p) => p.text).length }, "conclusions draft saved");
  return { result, notifications: [] };
}

/** What sending reached: the units told, and those nobody of which has joined (told once someone joins). */
export interface Reached {
  units: number;
  without: string[];
}

/** The notice's words for a unit (a message key and its values, written in each reader's language by the outbox). */
function noticeValues(deps: Pick<Services, "store" | "conference">, target: NoticeTarget, unitId: string): Record<string, string> {
  const c = deps.store.data.conclusions;
  const unit = unitAddressById(deps.conference, unitId);
  if (target.which === "consultation") return { key: "conclusions-notice-draft", unit, deadline: dayText(c.consultation?.deadline ?? "") };
  const issued = c.issued as ConclusionsIssue;
  const tasks = unitConclusionsView(deps.conference, deps.store.data, unitId)
    .tasks.map((t) => `${t.n}. ${t.content} - ${t.deadlineText}`)
    .join("\n");
  return { key: tasks ? "conclusions-notice-issued" : "conclusions-notice-issued-none", unit, number: `${issued.number}/${issued.symbol}`, day: dayText(issued.day), tasks };
}

/**
 * A unit's notice of `target`, with its copy and "Đã nhận": written with its record on the
 * conclusions in one change (claimConclusionsNotice), so a unit never gets two, whoever files it.
 * The notice id, or undefined when another writer filed it first (the copy made for it is removed).
 */
async function fileNotice(deps: FilingDeps, target: NoticeTarget, unitId: string, copy: CopyMaker, createdBy: AccountKey): Promise<string | undefined> {
  const made = await copy(unitId);
  const saved = await saveFile(deps.store.dir, { stem: `ket-luan-${unitId}`, ext: "docx", name: made.name, mime: DOCX_TYPE }, made.data);
  const id = freshNoticeId(deps.store.data);
  try {
    await deps.create({
      id,
      kind: "conclusions",
      text: "",
      file: { name: saved.name, mime: saved.mime, path: saved.path },
      audience: { kind: "units", unitIds: [unitId] },
      createdBy,
      ackable: true,
      data: noticeValues(deps, target, unitId),
      check: (d) => claimConclusionsNotice(d, target, unitId, id),
    });
    return id;
  } catch (err) {
    await unlink(path.resolve(deps.store.dir, saved.path)).catch(() => {});
    if (err instanceof ConclusionsNoticeTaken) return undefined;
    throw err;
  }
}

/** One notice per unit of `unitIds` that someone of has joined and that has none yet. */
async function noticePerUnit(deps: FilingDeps, target: NoticeTarget, unitIds: string[], copy: CopyMaker, createdBy: AccountKey): Promise<{ notices: Record<string, string>; reached: Reached }> {
  const notices: Record<string, string> = {};
  const without: string[] = [];
  for (const unitId of unitIds) {
    if (accountsOfUnit(deps.store.data, unitId).length === 0) {
      without.push(unitAddressById(deps.conference, unitId));
      continue;
    }
    const id = await fileNotice(deps, target, unitId, copy, createdBy);
    if (id) notices[unitId] = id;
  }
  return { notices, reached: { units: Object.keys(notices).length, without } };
}

const filing = (services: Deps): FilingDeps => ({ ...services, create: (input) => services.notices.create(input) });

/** Sends the draft to `units` for comments before `deadline` ("YYYY-MM-DD"): each unit its copy, with "Đã nhận". */
export async function sendForCommentsAction(
  services: Deps,
  actor: AccountKey,
  input: { units: string[]; deadline: string },
  copy: CopyMaker,
): Promise<Done<{ consultation: ConclusionsConsultation; reached: Reached }>> {
  const consultation = await openConsultation(services.store, services.conference, { ...input, by: actor, now: services.clock.now() });
  const target: NoticeTarget = { which: "consultation", since: consultation.sentAt };
  const { notices, reached } = await noticePerUnit(filing(services), target, consultation.units, copy, actor);
  services.logger.info({ by: actor, units: consultation.units.length, reached: reached.units, deadline: consultation.deadline }, "conclusions sent for comments");
  return { result: { consultation: { ...consultation, notices }, reached }, notifications: [] };
}

/**
 * Issues the conclusions with `number` on `day` (default today): the text frozen, then every unit its
 * copy (its own tasks first) as a notice with "Đã nhận".
 */
export async function issueConclusionsAction(
  services: Deps,
  actor: AccountKey,
  input: { number: string; day?: string },
  copy: CopyMaker,
): Promise<Done<{ issued: ConclusionsIssue; reached: Reached }>> {
  const now = services.clock.now();
  const symbol = services.conference.conf.conclusions?.symbol ?? DEFAULT_SYMBOL;
  const record = currentRecord(services.conference, services.store.data);
  const issued = await issueConclusions(services.store, { number: input.number, symbol, day: input.day ?? localDay(now), record, by: actor, now });
  const units = services.conference.units().map((u) => u.id);
  const { notices, reached } = await noticePerUnit(filing(services), { which: "issued", since: issued.at }, units, copy, actor);
  services.logger.info({ by: actor, number: issued.number, reached: reached.units, without: reached.without.length }, "conclusions issued");
  return { result: { issued: { ...issued, notices }, reached }, notifications: [] };
}

/**
 * The notices a crash (or a failing write) left unfiled, filed now by the outbox's planner: each unit
 * of the consultation or of the issue that someone of has joined and that has no notice yet gets
 * its own, exactly once (src/domain/conclusions.ts owedConclusionsNotices). The units filed.
 */
export async function fileOwedConclusionsNotices(deps: FilingDeps, copy: CopyMaker, now: Date): Promise<Array<{ which: NoticeTarget["which"]; units: string[] }>> {
  const owed = owedConclusionsNotices(deps.store.data, deps.conference.units().map((u) => u.id), now);
  const filed: Array<{ which: NoticeTarget["which"]; units: string[] }> = [];
  for (const { target, units } of owed) {
    const c = deps.store.data.conclusions;
    const by = (target.which === "issued" ? c.issued?.by : c.consultation?.sentBy) ?? "system";
    const { notices } = await noticePerUnit(deps, target, units, copy, by);
    if (Object.keys(notices).length > 0) filed.push({ which: target.which, units: Object.keys(notices) });
  }
  return filed;
}

/** A unit's delegate comments on the draft (words, or files through the upload page); the organizers are told. */
export async function commentConclusionsAction(
  services: CommentDeps,
  actor: Actor,
  input: { text: string; files?: StoredFileRef[]; via: ConclusionsComment["via"]; unitId?: string },
  change: StepChange = {},
): Promise<Done<ConclusionsComment>> {
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw new UserError("conclusions-no-unit");
  const comment = await addConclusionsComment(services.store, { unitId, text: input.text, files: input.files, by: actor.key, now: services.clock.now(), via: input.via }, change);
  services.logger.info({ by: actor.key, unit: unitId, comment: comment.n, files: comment.files?.length ?? 0 }, "conclusions comment saved");
  const to = organizerAccounts(services.store.data, services.config.organizerIds)
    .map((a) => a.key)
    .filter((k) => k !== actor.key);
  const unit = unitAddressById(services.conference, unitId);
  const message = comment.files
    ? msg("conclusions-comment-file-notice", { unit, files: comment.files.length, names: comment.files.map((f) => f.name).join(", ") })
    : msg("conclusions-comment-notice", { unit, text: comment.text });
  return { result: comment, notifications: to.length > 0 ? [{ to, message, options: { kind: "conclusions", createdBy: actor.key } }] : [] };
}

/**
 * A comment handed in as files through the unit's personal upload page (a Word or PDF file, photos
 * of pages): kept, then recorded as the unit's comment. Refused before anything is kept: no unit, no
 * file, too many, a type or size a comment may not be, the draft not out for comments (or issued),
 * the unit not asked; files kept for a comment refused meanwhile are removed.
 */
export async function submitConclusionsCommentFilesAction(
  services: CommentDeps,
  actor: Actor,
  input: { files: UploadedFile[] },
): Promise<Done<ConclusionsComment>> {
  const unitId = actor.unitId;
  if (!unitId) throw new UserError("conclusions-no-unit");
  if (input.files.length === 0) throw new UserError("conclusions-comment-no-file");
  if (input.files.length > MAX_UPLOAD_PAGES) throw new UserError("upload-too-many-pages", { max: MAX_UPLOAD_PAGES });
  const kinds = input.files.map((f) => classifyCommentFile({ name: f.name, mime: f.mime, size: f.data.length }));
  requireMayComment(services.store.data, unitId);
  const naming = { stem: `gop-y-ket-luan-${unitId}`, name: "gop-y-du-thao-ket-luan" };
  return keepingUploads(services.store.dir, input.files, kinds, naming, (files) => commentConclusionsAction(services, actor, { text: "", files, via: "link" }));
}
