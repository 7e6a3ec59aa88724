// What a speech may be sent as, as a file: a document (a whole speech) or a photo of a page. The one
// rule for every way a file arrives (a file sent on Telegram, the personal upload page).
import { safeExtension } from "../lib/files.js";
import { UserError } from "./errors.js";

/** The largest file a speech may be sent as. */
export const MAX_SPEECH_FILE_BYTES = 10_000_000;

export const DOCUMENT_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  pdf: "application/pdf",
  odt: "application/vnd.oasis.opendocument.text",
  txt: "text/plain",
};
export const IMAGE_TYPES: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", heic: "image/heic" };

/** What a file of a speech is: a whole speech (document) or a page (photo), its extension and type. */
export interface SpeechFileKind {
  kind: "document" | "photo";
  ext: string;
  mime: string;
}

/**
 * Decides what a received file is by its name and type; refuses any other file ("speech-file-type").
 * Some clients send a Word file as application/octet-stream: it is then judged by its extension.
 */
export function classifySpeechFile(file: { kind?: "document" | "photo"; name: string; mime: string }): SpeechFileKind {
  const ext = safeExtension(file.name, "");
  if (file.kind === "photo" || file.mime.startsWith("image/")) {
    const byMime = Object.entries(IMAGE_TYPES).find(([, m]) => m === file.mime)?.[0];
    const e = ext === "jpeg" ? "jpg" : ext in IMAGE_TYPES ? ext : (byMime ?? "jpg");
    return { kind: "photo", ext: e, mime: file.mime.startsWith("image/") ? file.mime : (IMAGE_TYPES[e] as string) };
  }
  const byExt = ext in DOCUMENT_TYPES ? ext : undefined;
  const byMime = Object.entries(DOCUMENT_TYPES).find(([, m]) => m === file.mime)?.[0];
  // A name with another extension (.exe, .zip) is refused even under a document's type.
  if ((ext && !byExt) || !(byExt ?? byMime)) throw new UserError("speech-file-type");
  const e = (byExt ?? byMime) as string;
  return { kind: "document", ext: e, mime: file.mime === "application/octet-stream" || !file.mime ? (DOCUMENT_TYPES[e] as string) : file.mime };
}
