// Reviewing a speech (tham luận): accept the latest version or ask for changes with a note. The chat's
// /duyet and the desk's buttons call this one function; the unit is told the same text from either.
// And a speech handed in as files through the personal upload page (submitSpeechFilesAction).
import { unlink } from "node:fs/promises";
import path from "node:path";
import type { AccountKey, SpeechReview, SpeechVersion, StoredFileRef } from "../../storage/schema.js";
import { UserError } from "../domain/errors.js";
import { organizerAccounts } from "../domain/identity.js";
import type { StepChange } from "../domain/sessions.js";
import { classifySpeechFile, MAX_SPEECH_FILE_BYTES, type SpeechFileKind } from "../domain/speech-files.js";
import { acceptSpeech, nextVersionNumber, requestChanges, requireOpen, submitDocument, submitPages } from "../domain/speeches.js";
import { accountsOfUnit, unitAddressById } from "../domain/units.js";
import { saveFile } from "../lib/files.js";
import { msg } from "../messages/render.js";
import { dateTimeMessage } from "../messages/time.js";
import type { Done, Notification, Services } from "../messages/types.js";

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

/** A file handed in through the personal upload page: its name and type as the browser gave them, and its bytes. */
export interface UploadedFile {
  name: string;
  mime: string;
  data: Buffer;
}

/** The most photos of pages one upload may carry. */
export const MAX_UPLOAD_PAGES = 30;

/** Each file's kind, with the refusals a file sent on Telegram gets (type, empty, too large), before anything is kept. */
export function vetUploads(files: UploadedFile[]): SpeechFileKind[] {
  if (files.length === 0) throw new UserError("upload-no-file");
  const kinds = files.map((f) => classifySpeechFile({ name: f.name, mime: f.mime }));
  if (kinds.some((k) => k.kind === "document") && files.length > 1) throw new UserError("upload-one-document");
  if (files.length > MAX_UPLOAD_PAGES) throw new UserError("upload-too-many-pages", { max: MAX_UPLOAD_PAGES });
  for (const f of files) {
    if (f.data.length === 0) throw new UserError("speech-file-empty");
    if (f.data.length > MAX_SPEECH_FILE_BYTES) throw new UserError("speech-file-too-large", { mb: MAX_SPEECH_FILE_BYTES / 1_000_000 });
  }
  return kinds;
}

/** What the organizers are told of a new version: the sentence a file sent on Telegram gives them. */
function newVersionNotification(services: Pick<Services, "store" | "conference" | "config">, actor: AccountKey, unitId: string, v: SpeechVersion): Notification {
  const what = v.kind === "document" ? msg("speech-what-document", { name: v.file?.name ?? "" }) : msg("speech-what-photos", { pages: v.pages?.length ?? 1, chars: 0 });
  const message = msg("speech-new-version", { unit: unitAddressById(services.conference, unitId), n: v.n, what, time: dateTimeMessage(v.at), id: unitId });
  const to = organizerAccounts(services.store.data, services.config.organizerIds)
    .map((a) => a.key)
    .filter((k) => k !== actor);
  return { to, message, options: {} };
}

/**
 * Files handed in for a unit's speech (the personal upload page): one document is a whole speech,
 * photos are its pages in order; either becomes the next version, as a file sent on Telegram does,
 * and the organizers are told. Refused before anything is kept: no file, another type, an empty or
 * too large file, a document with other files, the deadline passed. Files kept for a version that is
 * then refused (the deadline passed meanwhile) are removed.
 */
export async function submitSpeechFilesAction(
  services: Pick<Services, "store" | "conference" | "clock" | "logger" | "config">,
  actor: AccountKey,
  input: { unitId: string; files: UploadedFile[] },
): Promise<Done<SpeechVersion>> {
  const { store, clock } = services;
  const kinds = vetUploads(input.files);
  requireOpen(services, input.unitId, clock.now());
  const next = nextVersionNumber(store.data, input.unitId);
  return keepingUploads(store.dir, input.files, kinds, { stem: `${input.unitId}-v${next}`, name: "thamluan" }, async (kept) => {
    const base = { unitId: input.unitId, by: actor, now: clock.now() };
    const first = kept[0] as StoredFileRef;
    const v = kinds[0]?.kind === "document" ? await submitDocument(services, { ...base, file: first }) : await submitPages(services, { ...base, pages: kept });
    services.logger.info({ unit: input.unitId, version: v.n, kind: v.kind, by: actor, via: "upload-page" }, "speech version saved");
    return { result: v, notifications: [newVersionNotification(services, actor, input.unitId, v)] };
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
  naming: { stem: string; name: string },
  use: (kept: StoredFileRef[]) => Promise<T>,
): Promise<T> {
  const kept: StoredFileRef[] = [];
  try {
    for (const [i, f] of files.entries()) {
      const k = kinds[i] as SpeechFileKind;
      const stem = k.kind === "document" ? naming.stem : `${naming.stem}-page${i + 1}`;
      kept.push(await saveFile(dataDir, { stem, ext: k.ext, name: f.name || `${naming.name}.${k.ext}`, mime: k.mime }, f.data));
    }
    return await use(kept);
  } catch (err) {
    await Promise.all(kept.map((f) => unlink(path.resolve(dataDir, f.path)).catch(() => {})));
    throw err;
  }
}
