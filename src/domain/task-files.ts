// What a task's evidence may be sent as (a photo, a PDF, a Word or Excel file): the one rule for every
// way a file arrives (a file sent on Telegram with /nhiemvu, the personal upload page on Zalo).
import { safeExtension } from "../lib/files.js";
import { UserError } from "./errors.js";

/** The largest evidence file. */
export const MAX_EVIDENCE_BYTES = 20_000_000;

export const EVIDENCE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  heic: "image/heic",
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** An evidence file's kind, extension and type by its name (a photo without one is a .jpg); refuses any other file. */
export function classifyEvidence(file: { kind?: "document" | "photo"; name: string; mime: string }): { kind: "document" | "photo"; ext: string; mime: string } {
  const photo = file.kind === "photo" || file.mime.startsWith("image/");
  const named = safeExtension(file.name, photo ? "jpg" : "");
  const ext = named === "jpeg" ? "jpg" : named;
  const mime = EVIDENCE_TYPES[ext];
  if (!mime) throw new UserError("task-file-type");
  return { kind: mime.startsWith("image/") ? "photo" : "document", ext, mime };
}
