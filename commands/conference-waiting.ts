// What waits for the answer to "which conference?" (issue 26: nothing acknowledged to a person is lost).
// A message sent while the question is open is kept with it: its words, the button it pressed, and a
// file's bytes, saved under DATA_DIR/files before the question is answered (a channel's download link
// is a closure that dies with the process; a Zalo picture's address may not last). Once the person has
// chosen, each waiting message is handled in the chosen conference as if it had just arrived.
import { unlink } from "node:fs/promises";
import path from "node:path";
import type { Session, WaitingFile, WaitingMessage } from "../storage/schema.js";
import { FILES_DIR, readStoredFile, safeExtension, saveFile } from "../src/lib/files.js";
import type { IncomingFile, Request } from "../src/messages/types.js";

/** A file larger than any command takes (a notice's attachment, 20 MiB) is not kept: the person sends it again. */
export const MAX_WAITING_FILE_BYTES = 20 * 1024 * 1024;

/** A message as it may wait: kept (`message`), a file that could not be kept (`lostFile`, its name), or a button of choices closed already (`stalePress`). */
export interface Waiting {
  message?: WaitingMessage;
  lostFile?: string;
  stalePress?: boolean;
}

/**
 * The message as it waits for the answer: a press of the numbered choices `offered` last (with its
 * words), a file (its bytes saved now, its caption with it), or words. A press of older choices is
 * stale, as it would be without the question: it does not wait. A button that carries its own step
 * (a notice's "Đã nhận") never waits either: the router answers it at once.
 */
export async function waitingOf(req: Request, dataDir: string, now: Date, offered?: Session["choices"]): Promise<Waiting> {
  const at = now.toISOString();
  const text = (req.text ?? "").trim();
  if (req.press) {
    if (!("setId" in req.press)) return {};
    const { setId, index } = req.press;
    if (offered?.setId !== setId || !offered.steps[index - 1]) return { stalePress: true };
    const label = offered.labels?.[index - 1];
    return { message: { press: { setId, index, ...(label && { label }) }, at } };
  }
  if (req.file) {
    const file = await keepFile(req.file, dataDir);
    return file ? { message: { ...(text && { text }), file, at } } : { lostFile: req.file.name };
  }
  return text ? { message: { text, at } } : {};
}

/** The file's bytes saved durably under DATA_DIR/files; undefined when too large or not downloadable. */
async function keepFile(file: IncomingFile, dataDir: string): Promise<WaitingFile | undefined> {
  if (file.size > MAX_WAITING_FILE_BYTES) return undefined;
  try {
    const data = await file.download();
    if (data.length > MAX_WAITING_FILE_BYTES) return undefined;
    const ext = safeExtension(file.name, file.kind === "photo" ? "jpg" : "bin");
    const saved = await saveFile(dataDir, { stem: "cho-chon-hoi-nghi", ext, name: file.name, mime: file.mime }, data);
    return { kind: file.kind, ...saved, ...(file.url && { url: file.url }) };
  } catch {
    return undefined;
  }
}

/** The message that waited, as a request that has just arrived (the person, chat and language of `req`). */
export function replayOf(req: Request, message: WaitingMessage, dataDir: string): Request {
  const { file: _file, press: _press, ...person } = req;
  const file = message.file;
  return {
    ...person,
    text: message.text ?? "",
    ...(message.press && { press: message.press }),
    ...(file && { file: incoming(file, dataDir) }),
  };
}

/** A kept file as a channel hands one in: announced as it was sent, its bytes read from DATA_DIR. */
function incoming(file: WaitingFile, dataDir: string): IncomingFile {
  return {
    kind: file.kind,
    name: file.name,
    mime: file.mime,
    size: file.size,
    ...(file.url && { url: file.url }),
    download: () => readStoredFile(dataDir, file.path),
  };
}

/** Removes a kept file once its message was handled (the command that took it saved its own copy). */
export async function forgetWaiting(messages: WaitingMessage[], dataDir: string): Promise<void> {
  const folder = path.resolve(dataDir, FILES_DIR);
  for (const m of messages) {
    if (!m.file) continue;
    const full = path.resolve(dataDir, m.file.path);
    if (full.startsWith(folder + path.sep)) await unlink(full).catch(() => {});
  }
}
