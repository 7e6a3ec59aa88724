// Reviewing a speech (tham luận): accept the latest version or ask for changes with a note. The chat's
// /duyet and the desk's buttons call this one function; the unit is told the same text from either.
// And a speech handed in as files, through the personal upload page or in the chat (submitSpeechFilesAction):
// one rule, one refusal, one message to the organizers whichever way a file arrives.
import { unlink } from "node:fs/promises";
import path from "node:path";
import type { AccountKey, SpeechReview, SpeechVersion, StoredFileRef } from "../../storage/schema.js";
import { UserError } from "../domain/errors.js";
import { organizerAccounts } from "../domain/identity.js";
import type { StepChange } from "../domain/sessions.js";
import { classifySpeechFile, MAX_SPEECH_FILE_BYTES, type SpeechFileKind } from "../domain/speech-files.js";
import { acceptSpeech, addDraftPage, draftOf, nextVersionNumber, requestChanges, requireOpen, submitDocument, submitPages } from "../domain/speeches.js";
import { accountsOfUnit, unitAddressById } from "../domain/units.js";
import { saveFile } from "../lib/files.js";
import { msg } from "../messages/render.js";
import { dateTimeMessage } from "../messages/time.js";
import type { Done, Message, Notification, Services } from "../messages/types.js";

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

/** A file handed in (the personal upload page, a file sent in the chat): its name and type as given, and its bytes. */
export interface UploadedFile {
  name: string;
  mime: string;
  data: Buffer;
  /** How the chat platform sent it, when it says (a photo is a page whatever its name). */
  kind?: "document" | "photo";
}

/** The most photos of pages one upload may carry. */
export const MAX_UPLOAD_PAGES = 30;

/** Refuses a file too large for a speech: by its bytes, or by the size a platform announced before them. */
function requireSpeechFileSize(bytes: number): void {
  if (bytes > MAX_SPEECH_FILE_BYTES) throw new UserError("speech-file-too-large", { mb: MAX_SPEECH_FILE_BYTES / 1_000_000 });
}

/**
 * A file announced in the chat, judged before its bytes are fetched: its kind, or the refusals of the
 * upload page (another type, too large as announced; a size of 0 is unknown).
 */
export function vetAnnouncedFile(file: { kind?: "document" | "photo"; name: string; mime: string; size: number }): SpeechFileKind {
  const kind = classifySpeechFile(file);
  requireSpeechFileSize(file.size);
  return kind;
}

/** Each file's kind, with the refusals a file sent in the chat gets (type, empty, too large), before anything is kept. */
export function vetUploads(files: UploadedFile[]): SpeechFileKind[] {
  if (files.length === 0) throw new UserError("upload-no-file");
  const kinds = files.map((f) => classifySpeechFile(f));
  if (kinds.some((k) => k.kind === "document") && files.length > 1) throw new UserError("upload-one-document");
  if (files.length > MAX_UPLOAD_PAGES) throw new UserError("upload-too-many-pages", { max: MAX_UPLOAD_PAGES });
  for (const f of files) {
    if (f.data.length === 0) throw new UserError("speech-file-empty");
    requireSpeechFileSize(f.data.length);
  }
  return kinds;
}

/** What a version is, in a few words: the file's name, the number of pages, or the length of the text. */
export function versionWhat(v: SpeechVersion): Message {
  if (v.kind === "document") return msg("speech-what-document", { name: v.file?.name ?? "" });
  if (v.kind === "photo") return msg("speech-what-photos", { pages: v.pages?.length ?? 1, chars: v.text?.length ?? 0 });
  return msg("speech-what-text", { chars: v.text?.length ?? 0 });
}

/** What the organizers (but the one who submitted) are told of a new version, however it came in. */
export function speechVersionNotification(services: Pick<Services, "store" | "conference" | "config">, actor: AccountKey, unitId: string, v: SpeechVersion): Notification {
  const message = msg("speech-new-version", { unit: unitAddressById(services.conference, unitId), n: v.n, what: versionWhat(v), time: dateTimeMessage(v.at), id: unitId });
  const to = organizerAccounts(services.store.data, services.config.organizerIds)
    .map((a) => a.key)
    .filter((k) => k !== actor);
  return { to, message, options: {} };
}

/** What the chat adds to files handed in: the message's caption, the step that ends with the version, where it came from (for the log). */
export interface SubmitOptions {
  caption?: string;
  change?: StepChange;
  via?: string;
}

/**
 * Files handed in for a unit's speech (the personal upload page, a document sent in the chat): one
 * document is a whole speech, photos are its pages in order; either becomes the next version and the
 * organizers are told. Refused before anything is kept: no file, another type, an empty or too large
 * file, a document with other files, the deadline passed. Files kept for a version that is then
 * refused (the deadline passed meanwhile) are removed.
 */
export async function submitSpeechFilesAction(
  services: Pick<Services, "store" | "conference" | "clock" | "logger" | "config">,
  actor: AccountKey,
  input: { unitId: string; files: UploadedFile[] },
  options: SubmitOptions = {},
): Promise<Done<SpeechVersion>> {
  const { store, clock } = services;
  const kinds = vetUploads(input.files);
  requireOpen(services, input.unitId, clock.now());
  const next = nextVersionNumber(store.data, input.unitId);
  const caption = options.caption ? { caption: options.caption } : {};
  return keepingUploads(store.dir, input.files, kinds, { stem: `${input.unitId}-v${next}`, name: "thamluan" }, async (kept) => {
    const base = { unitId: input.unitId, by: actor, now: clock.now() };
    const first = kept[0] as StoredFileRef;
    const v =
      kinds[0]?.kind === "document"
        ? await submitDocument(services, { ...base, file: first, ...caption }, options.change)
        : await submitPages(services, { ...base, pages: kept }, options.change);
    services.logger.info({ unit: input.unitId, version: v.n, kind: v.kind, by: actor, via: options.via ?? "upload-page" }, "speech version saved");
    return { result: v, notifications: [speechVersionNotification(services, actor, input.unitId, v)] };
  });
}

/**
 * A photo of a page sent in the chat: kept, and added to the person's draft (its caption a part),
 * which /xong makes one version. The same refusals as any file of a speech; the photo is removed if
 * the draft refuses it. Returns the number of pages.
 */
export async function addSpeechPageAction(
  services: Pick<Services, "store" | "conference" | "clock">,
  actor: AccountKey,
  input: { unitId: string; file: UploadedFile; caption?: string },
  change: StepChange = {},
): Promise<Done<number>> {
  const { store, clock } = services;
  const kinds = vetUploads([input.file]);
  if (kinds[0]?.kind !== "photo") throw new UserError("speech-file-type");
  const page = (draftOf(store.data, actor)?.pages?.length ?? 0) + 1;
  const naming = { stem: `${input.unitId}-v${nextVersionNumber(store.data, input.unitId)}`, name: `page-${page}`, firstPage: page };
  return keepingUploads(store.dir, [input.file], kinds, naming, async ([kept]) => {
    const caption = input.caption ? { caption: input.caption } : {};
    const pages = await addDraftPage(services, { unitId: input.unitId, by: actor, now: clock.now(), page: kept as StoredFileRef, ...caption }, change);
    return { result: pages, notifications: [] };
  });
}

/**
 * Keeps vetted uploads under DATA_DIR/files (a document as `stem`, photos as `stem-pageN`), then
 * runs `use` with them; files kept for something that is then refused (a deadline passed
 * meanwhile) are removed. For a speech's version, a remediation plan's, a task's evidence.
 */
export async function keepingUploads<T>(
  dataDir: string,
  files: UploadedFile[],
  kinds: Array<Pick<SpeechFileKind, "kind" | "ext" | "mime">>,
  /** `firstPage`: the number of the first photo (a page added to a draft), 1 unless told. */
  naming: { stem: string; name: string; firstPage?: number },
  use: (kept: StoredFileRef[]) => Promise<T>,
): Promise<T> {
  const kept: StoredFileRef[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const k = kinds[i] as SpeechFileKind;
      const stem = k.kind === "document" ? naming.stem : `${naming.stem}-page${(naming.firstPage ?? 1) + i}`;
      kept.push(await saveFile(dataDir, { stem, ext: k.ext, name: f.name || `${naming.name}.${k.ext}`, mime: k.mime }, f.data));
    }
    return await use(kept);
  } catch (err) {
    await Promise.all(kept.map((f) => unlink(path.resolve(dataDir, f.path)).catch(() => {})));
    throw err;
  }
}
