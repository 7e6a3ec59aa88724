// Files people send (speech documents, photos of pages), kept under DATA_DIR/files and read back for review.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { constants as fsc } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { withoutMarks, writable } from "./text.js";

/** What the store keeps of a saved file; `path` is relative to DATA_DIR ("files/…"). */
export interface StoredFile {
  name: string;
  mime: string;
  size: number;
  path: string;
}

export const FILES_DIR = "files";

/** A file name that is safe on every file system: ASCII letters, digits, dot, dash, underscore. */
export function safeExtension(name: string, fallback: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : fallback;
}

/**
 * Saves bytes as `files/<stem>-<random>.<ext>` under dataDir and makes them durable (fsync of the
 * file and of the folder) before returning, so the version that points at them is never
 * acknowledged ahead of its bytes. A new name every time: nothing is ever written over.
 */
export async function saveFile(
  dataDir: string,
  options: { stem: string; ext: string; name: string; mime: string },
  data: Buffer,
): Promise<StoredFile> {
  const dir = path.resolve(dataDir, FILES_DIR);
  await fsp.mkdir(dir, { recursive: true });
  const stem = options.stem.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 80);
  const base = `${stem}-${randomBytes(4).toString("hex")}.${options.ext}`;
  const full = path.join(dir, base);
  // "wx": fail rather than replace, should the random suffix ever repeat.
  const handle = await fsp.open(full, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDir(dir);
  return { name: writable(options.name), mime: options.mime, size: data.length, path: `${FILES_DIR}/${base}` };
}

/** The bytes of a stored file; refuses a path that would leave DATA_DIR. */
export async function readStoredFile(dataDir: string, relative: string): Promise<Buffer> {
  const root = path.resolve(dataDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error(`stored file path outside DATA_DIR: ${relative}`);
  return fsp.readFile(full);
}

async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fsc.O_RDONLY);
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file's own fsync still holds its bytes.
  } finally {
    await handle?.close();
  }
}

// --- generated files and their links ---------------------------------------------------------

/** Where generated files and their links live, under DATA_DIR. */
export const PUBLIC_DIR = "public";

/** A generated file's link lives this long by default (a delegate's calendar, chart, documents). */
export const LINK_TTL_MS = 7 * 24 * 3600_000;
/** Organizers' files (exports with names and phone numbers, speech files under review) live one day. */
export const ORGANIZER_LINK_TTL_MS = 24 * 3600_000;
/** An expired link keeps answering 410 (not 404) this long, so a person is told it expired. */
const EXPIRED_KEEP_MS = 30 * 24 * 3600_000;
/** The generated files together stay under this many bytes; the oldest go first. */
export const GENERATED_CAP_BYTES = 200 * 1024 * 1024;

/** What a link stands for; its token is the HMAC of these fields, so a record cannot be forged or altered. */
export interface LinkRecord {
  v: 1;
  /** The generated file, by content: "<sha256>.<ext>" in public/blobs. */
  blob: string;
  /** The name it is served under: ASCII, "<stem>.<ext>" (the URL's tail). */
  served: string;
  /** The name as the bot gave it (may carry Vietnamese letters), for the download. */
  name: string;
  /** Who it was given to (an account key): one link per account. */
  audience: string;
  createdAt: string;
  expiresAt: string;
}

/** What a request for `/files/<name>` gets. */
export type LinkLookup =
  | { status: 200; path: string; record: LinkRecord; type: string; disposition: string; maxAgeSeconds: number }
  | { status: 404 }
  | { status: 410 };

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  ics: "text/calendar; charset=utf-8",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
};
const INLINE = new Set(["png", "jpg", "jpeg"]);

/** A link's URL tail: 32 hex digits of the token, then the served name ("<token>-<stem>.<ext>"). */
const LINK_NAME = /^([0-9a-f]{32})-([A-Za-z0-9_-]{1,100}\.[a-z0-9]{1,8})$/;
const BLOB_NAME = /^[0-9a-f]{64}\.[a-z0-9]{1,8}$/;

/** The ASCII stem and extension a generated file is served under ("Xếp hạng 2024.png" → "Xep-hang-2024.png"). */
export function servedName(name: string): string {
  const ext = safeExtension(name, "bin");
  const stem = withoutMarks(path.basename(name, path.extname(name)))
    .replace(/[^A-Za-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
  return `${stem || "tep"}.${ext}`;
}

export interface FileLinksOptions {
  /** DATA_DIR. */
  dataDir: string;
  now(): Date;
  /** Cap of the generated files in bytes (default GENERATED_CAP_BYTES). */
  capBytes?: number;
}

/**
 * Generated files kept by content under DATA_DIR/public/blobs (the same chart twice is one
 * file), and links to them that expire: each link is a record in public/links named by its
 * token, the token an HMAC (key in public/key, made once) of what the record says. A link names
 * one record; no path from a request ever reaches the file system, so nothing outside the
 * folder, and no folder listing, can be reached.
 */
export class FileLinks {
  readonly #root: string;
  readonly #now: () => Date;
  readonly #cap: number;
  #key: Buffer | undefined;
  #records: Map<string, LinkRecord> | undefined;
  #loading: Promise<void> | undefined;
  /** Publishing and sweeping one at a time: a sweep never sees a file written before its link. */
  #turn: Promise<unknown> = Promise.resolve();

  constructor(options: FileLinksOptions) {
    this.#root = path.resolve(options.dataDir, PUBLIC_DIR);
    this.#now = options.now;
    this.#cap = options.capBytes ?? GENERATED_CAP_BYTES;
  }

  get blobsDir(): string {
    return path.join(this.#root, "blobs");
  }

  get linksDir(): string {
    return path.join(this.#root, "links");
  }

  /**
   * Keeps `data` (once per content) and returns the URL tail of a link to it for `audience`,
   * valid `ttlMs`. The same file for the same account gets the same link while more than half
   * of its life is left, so asking again writes nothing.
   */
  publish(name: string, data: Buffer, options: { audience: string; ttlMs: number }): Promise<string> {
    return this.#exclusive(() => this.#publish(name, data, options));
  }

  async #publish(name: string, data: Buffer, options: { audience: string; ttlMs: number }): Promise<string> {
    await this.#load();
    const served = servedName(name);
    const blob = `${createHash("sha256").update(data).digest("hex")}.${safeExtension(served, "bin")}`;
    const now = this.#now().getTime();
    const blobPath = path.join(this.blobsDir, blob);
    const fresh = await writeOnce(blobPath, data);
    const records = this.#records as Map<string, LinkRecord>;
    for (const [token, r] of records) {
      if (r.blob === blob && r.served === served && r.name === name && r.audience === options.audience && Date.parse(r.expiresAt) - now > options.ttlMs / 2) {
        // Given out again: the file counts as recent for the cap.
        if (!fresh) await fsp.utimes(blobPath, new Date(), new Date()).catch(() => {});
        return `${token}-${served}`;
      }
    }
    const record: LinkRecord = {
      v: 1,
      blob,
      served,
      name,
      audience: options.audience,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + options.ttlMs).toISOString(),
    };
    const token = this.#sign(record);
    await fsp.mkdir(this.linksDir, { recursive: true });
    await writeDurably(path.join(this.linksDir, `${token}.json`), Buffer.from(JSON.stringify(record)));
    records.set(token, record);
    if (fresh) await this.#keepUnderCap(blob);
    return `${token}-${served}`;
  }

  /** What `/files/<tail>` answers: the file, 404 for anything not issued, 410 once expired or removed. */
  async lookup(tail: string): Promise<LinkLookup> {
    const m = LINK_NAME.exec(tail);
    if (!m) return { status: 404 };
    await this.#load();
    const token = m[1] as string;
    const record = (this.#records as Map<string, LinkRecord>).get(token);
    if (!record || record.served !== m[2] || !this.#verify(token, record)) return { status: 404 };
    const expires = Date.parse(record.expiresAt);
    const now = this.#now().getTime();
    if (!(expires > now)) return { status: 410 };
    const file = path.join(this.blobsDir, record.blob);
    try {
      await fsp.access(file);
    } catch {
      // Removed to keep the folder under its cap: gone, as if expired.
      return { status: 410 };
    }
    const ext = record.blob.slice(record.blob.lastIndexOf(".") + 1);
    return {
      status: 200,
      path: file,
      record,
      type: TYPES[ext] ?? "application/octet-stream",
      disposition: contentDisposition(INLINE.has(ext) ? "inline" : "attachment", record.served, record.name),
      maxAgeSeconds: Math.max(0, Math.floor((expires - now) / 1000)),
    };
  }

  /**
   * Removes what is no longer needed: link records expired more than 30 days ago, generated
   * files no live link points to, and the oldest generated files while the folder is over its
   * cap. Returns how many generated files were removed.
   */
  sweep(): Promise<number> {
    return this.#exclusive(() => this.#sweep());
  }

  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.#turn.then(work, work);
    this.#turn = next.catch(() => undefined);
    return next;
  }

  async #sweep(): Promise<number> {
    await this.#load();
    const records = this.#records as Map<string, LinkRecord>;
    const now = this.#now().getTime();
    const live = new Set<string>();
    for (const [token, r] of records) {
      const expires = Date.parse(r.expiresAt);
      if (expires > now) live.add(r.blob);
      else if (now - expires > EXPIRED_KEEP_MS) {
        records.delete(token);
        await fsp.rm(path.join(this.linksDir, `${token}.json`), { force: true });
      }
    }
    let removed = 0;
    for (const blob of await listDir(this.blobsDir)) {
      if (!BLOB_NAME.test(blob) || live.has(blob)) continue;
      await fsp.rm(path.join(this.blobsDir, blob), { force: true });
      removed += 1;
    }
    return removed + (await this.#keepUnderCap());
  }

  /** The generated files, oldest first, with their sizes. */
  async #blobs(): Promise<Array<{ name: string; size: number; mtime: number }>> {
    const out: Array<{ name: string; size: number; mtime: number }> = [];
    for (const name of await listDir(this.blobsDir)) {
      if (!BLOB_NAME.test(name)) continue;
      const st = await fsp.stat(path.join(this.blobsDir, name)).catch(() => undefined);
      if (st) out.push({ name, size: st.size, mtime: st.mtimeMs });
    }
    return out.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
  }

  /** Removes the oldest generated files until the rest fit the cap; `keep` (just written) stays. */
  async #keepUnderCap(keep?: string): Promise<number> {
    const blobs = await this.#blobs();
    let total = blobs.reduce((sum, b) => sum + b.size, 0);
    let removed = 0;
    for (const b of blobs) {
      if (total <= this.#cap) break;
      if (b.name === keep) continue;
      await fsp.rm(path.join(this.blobsDir, b.name), { force: true });
      total -= b.size;
      removed += 1;
    }
    return removed;
  }

  #sign(record: LinkRecord): string {
    const fields = [record.v, record.blob, record.served, record.name, record.audience, record.createdAt, record.expiresAt].join("\n");
    return createHmac("sha256", this.#key as Buffer).update(fields).digest("hex").slice(0, 32);
  }

  #verify(token: string, record: LinkRecord): boolean {
    const expected = Buffer.from(this.#sign(record), "utf8");
    const given = Buffer.from(token, "utf8");
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  #load(): Promise<void> {
    this.#loading ??= (async () => {
      await fsp.mkdir(this.#root, { recursive: true, mode: 0o700 });
      this.#key = await loadKey(path.join(this.#root, "key"));
      const records = new Map<string, LinkRecord>();
      for (const file of await listDir(this.linksDir)) {
        const m = /^([0-9a-f]{32})\.json$/.exec(file);
        if (!m) continue;
        try {
          const r = JSON.parse(await fsp.readFile(path.join(this.linksDir, file), "utf8")) as LinkRecord;
          if (r?.v === 1 && typeof r.blob === "string" && BLOB_NAME.test(r.blob) && typeof r.expiresAt === "string") records.set(m[1] as string, r);
        } catch {
          // A half-written or foreign file is not a link: it serves nothing.
        }
      }
      this.#records = records;
    })();
    return this.#loading;
  }
}

/** `attachment; filename="ascii"`, with the real name as filename* when it is not plain ASCII. */
function contentDisposition(kind: "inline" | "attachment", ascii: string, name: string): string {
  const plain = `${kind}; filename="${ascii}"`;
  if (name === ascii || !name) return plain;
  return `${plain}; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The signing key of the links: 32 random bytes made once, readable by the bot's user only. */
async function loadKey(file: string): Promise<Buffer> {
  try {
    const key = await fsp.readFile(file);
    if (key.length >= 32) return key;
  } catch {
    // Not made yet.
  }
  const key = randomBytes(32);
  await writeDurably(file, key, 0o600);
  return fsp.readFile(file);
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return await fsp.readdir(dir);
  } catch {
    return [];
  }
}

/** Writes `data` at `file` unless a file is there already (content-addressed: it is the same). Returns whether it wrote. */
async function writeOnce(file: string, data: Buffer): Promise<boolean> {
  try {
    await fsp.access(file);
    return false;
  } catch {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await writeDurably(file, data);
    return true;
  }
}

/** Temp file, fsync, rename, folder fsync: a reader sees the whole file or none. */
async function writeDurably(file: string, data: Buffer, mode = 0o644): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  const handle = await fsp.open(temp, "wx", mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(temp, file);
  await syncDir(path.dirname(file));
}

/** Every `path` under DATA_DIR ("files/…") that something in the store refers to, wherever it is kept. */
export function referencedFiles(data: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "path" && typeof x === "string" && x.startsWith(`${FILES_DIR}/`)) out.add(x);
        else walk(x);
      }
    }
  };
  walk(data);
  return out;
}

/**
 * Received files live as long as what refers to them: removes files under DATA_DIR/files that
 * nothing in the store refers to and that are older than `graceMs` (a file saved just before
 * the change that refers to it is left alone). Returns how many were removed.
 */
export async function sweepReceivedFiles(dataDir: string, referenced: Set<string>, options: { now?: Date; graceMs?: number } = {}): Promise<number> {
  const dir = path.resolve(dataDir, FILES_DIR);
  const grace = options.graceMs ?? 24 * 3600_000;
  let removed = 0;
  for (const name of await listDir(dir)) {
    if (referenced.has(`${FILES_DIR}/${name}`)) continue;
    const full = path.join(dir, name);
    const st = await fsp.stat(full).catch(() => undefined);
    // File times are the machine's: compared with the machine's clock, not a conference clock.
    if (!st?.isFile() || (options.now ?? new Date()).getTime() - st.mtimeMs < grace) continue;
    await fsp.rm(full, { force: true });
    removed += 1;
  }
  return removed;
}
