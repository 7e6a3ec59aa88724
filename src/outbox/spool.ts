// DATA_DIR/spool: what the command line hands to the running bot while the bot holds the store. One
// JSON file per entry, written atomically (temp file, fsync, rename). Two kinds of entry, told apart
// by `kind` and checked with zod before anything is done with them:
// - a notice (`hoinghi broadcast`; files written before kinds existed have none): the outbox takes it in;
// - a request (import scores, issue codes, add or close a conference): the bot's request runner (src/app/spool-runner.ts) runs it
//   through the same actions as the chat and the desk, and writes its result to spool/results/<id>.json,
//   which the command line waits for.
import { randomBytes } from "node:crypto";
import * as fsp from "node:fs/promises";
import path from "node:path";
import * as z from "zod";

export const SPOOL_DIR = "spool";
/** Where the bot writes the result of each request, by the request's id. */
export const RESULTS_DIR = "results";

const Common = { id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), createdAt: z.string(), createdBy: z.string() };

const SpooledNoticeSchema = z.object({
  kind: z.literal("notice").optional(),
  ...Common,
  text: z.string(),
  /** An encoded Audience (see audience.ts). */
  audience: z.string(),
  sendAt: z.string().optional(),
});
export type SpooledNotice = z.infer<typeof SpooledNoticeSchema>;

/** A change the command line asks of the running bot. */
export const SpoolRequestSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("import-scores"),
    ...Common,
    /** The table file's name (its extension decides how it is read) and its bytes, base64. */
    name: z.string().min(1).max(255),
    data: z.string().max(20_000_000),
    publish: z.boolean(),
    /** A previous year's table of the units before the 2025 reform, kept for reference (import-scores --previous). */
    previous: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal("issue-codes"),
    ...Common,
    /** Also the organizers' code (`hoinghi invites` lists it). */
    organizers: z.boolean(),
  }),
  z.object({
    kind: z.literal("conference-add"),
    ...Common,
    /** The conference file, its path resolved by the command line (the bot may run in another folder). */
    file: z.string().min(1).max(4096).refine((f) => path.isAbsolute(f), "an absolute path"),
  }),
  z.object({
    kind: z.literal("conference-close"),
    ...Common,
    /** The id of the conference to close for good. */
    conference: z.string().min(1).max(200),
  }),
]);
export type SpoolRequest = z.infer<typeof SpoolRequestSchema>;

/** What the bot answers a request: done or refused, and the lines to print (in the configured language). */
export const SpoolResultSchema = z.object({ id: z.string(), ok: z.boolean(), lines: z.array(z.string()) });
export type SpoolResult = z.infer<typeof SpoolResultSchema>;

/** Writes `value` as `dir/name` atomically: a reader sees the whole file or none. */
async function writeAtomic(dir: string, name: string, value: unknown): Promise<string> {
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, name);
  const tmp = `${file}.${randomBytes(3).toString("hex")}.tmp`;
  const handle = await fsp.open(tmp, "wx");
  try {
    await handle.writeFile(JSON.stringify(value));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(tmp, file);
  const dirHandle = await fsp.open(dir, "r");
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
  return file;
}

const spoolDir = (dataDir: string) => path.resolve(dataDir, SPOOL_DIR);
const resultsDir = (dataDir: string) => path.join(spoolDir(dataDir), RESULTS_DIR);

export function writeSpooled(dataDir: string, notice: SpooledNotice): Promise<string> {
  return writeAtomic(spoolDir(dataDir), `${notice.id}.json`, notice);
}

/** Hands a request to the running bot; returns its file (the request is still waiting while it exists). */
export function writeRequest(dataDir: string, request: SpoolRequest): Promise<string> {
  return writeAtomic(spoolDir(dataDir), `${request.id}.json`, SpoolRequestSchema.parse(request));
}

export function writeResult(dataDir: string, result: SpoolResult): Promise<string> {
  return writeAtomic(resultsDir(dataDir), `${result.id}.json`, result);
}

/** The result of request `id`, once the bot wrote it (then removed); undefined while there is none. */
export async function takeResult(dataDir: string, id: string): Promise<SpoolResult | undefined> {
  const file = path.join(resultsDir(dataDir), `${id}.json`);
  let text: string;
  try {
    text = await fsp.readFile(file, "utf8");
  } catch {
    return undefined;
  }
  await fsp.unlink(file).catch(() => {});
  return SpoolResultSchema.parse(JSON.parse(text));
}

type Entry<T> = { file: string; value?: T; error?: string };

/** Every entry waiting, oldest first, with its kind read: a file that does not parse is reported, not deleted. */
async function readEntries(dataDir: string): Promise<Array<Entry<SpooledNotice | SpoolRequest>>> {
  let names: string[];
  try {
    names = (await fsp.readdir(spoolDir(dataDir))).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const out: Array<Entry<SpooledNotice | SpoolRequest>> = [];
  for (const name of names) {
    const file = path.join(spoolDir(dataDir), name);
    try {
      const raw = JSON.parse(await fsp.readFile(file, "utf8")) as { kind?: unknown };
      const parsed = raw.kind === undefined || raw.kind === "notice" ? SpooledNoticeSchema.safeParse(raw) : SpoolRequestSchema.safeParse(raw);
      if (!parsed.success) throw new Error(`not a spooled entry: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      out.push({ file, value: parsed.data });
    } catch (err) {
      out.push({ file, error: (err as Error).message });
    }
  }
  out.sort((a, b) => (a.value?.createdAt ?? "").localeCompare(b.value?.createdAt ?? ""));
  return out;
}

const isRequest = (v: SpooledNotice | SpoolRequest | undefined): v is SpoolRequest => v?.kind !== undefined && v.kind !== "notice";

/** The spooled notices waiting (requests are left to the request runner); an unreadable file is reported. */
export async function readSpool(dataDir: string): Promise<Array<{ file: string; notice?: SpooledNotice; error?: string }>> {
  const entries = await readEntries(dataDir);
  return entries.filter((e) => !isRequest(e.value)).map((e) => ({ file: e.file, ...(e.value ? { notice: e.value as SpooledNotice } : {}), ...(e.error ? { error: e.error } : {}) }));
}

/** The requests waiting, oldest first (notices and unreadable files are the outbox's). */
export async function readRequests(dataDir: string): Promise<Array<{ file: string; request: SpoolRequest }>> {
  const entries = await readEntries(dataDir);
  return entries.flatMap((e) => (isRequest(e.value) ? [{ file: e.file, request: e.value }] : []));
}

export async function removeSpooled(file: string): Promise<void> {
  await fsp.unlink(file).catch(() => {});
}

/** Whether a request's file is still waiting (not yet taken by the bot). */
export async function stillWaiting(file: string): Promise<boolean> {
  return fsp.access(file).then(
    () => true,
    () => false,
  );
}
