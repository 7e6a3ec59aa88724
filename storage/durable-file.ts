// A lowdb adapter that makes every write durable: temp file, fsync, rename, fsync of the directory.
import { constants as fsc, readFileSync, writeSync } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import type { Adapter } from "lowdb";
import { type JsonSink, Utf8Chunks, writeJson } from "./json-bytes.js";

/** The few file operations the adapter needs; tests replace them to simulate a failing disk. */
export interface FileOps {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  readFile: typeof fsp.readFile;
  copyFile: typeof fsp.copyFile;
  unlink: typeof fsp.unlink;
  /**
   * A whole file as text. Read at once into a string, without a buffer of the file beside it
   * (Node's own UTF-8 fast path): a buffer, once it has outlived a few collections, would stay
   * resident until a full one, and fs.promises reads a file of unknown length in pieces that are
   * joined after. Synchronous: the store reads its file at start-up, or after a failed write.
   */
  readText: (file: string) => Promise<string>;
  /** Puts a directory's entries (the rename just made) on disk. */
  syncDir: (dir: string) => Promise<void>;
  /**
   * Writes all of `bytes` to an open file, synchronously: the store is serialized and written in
   * one go, so that no change made meanwhile can put half of itself into the file.
   */
  writeAll: (fd: number, bytes: Uint8Array) => void;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}

export const realFileOps: FileOps = {
  open: fsp.open,
  rename: fsp.rename,
  readFile: fsp.readFile,
  copyFile: fsp.copyFile,
  unlink: fsp.unlink,
  readText: async (file) => readFileSync(file, "utf8"),
  syncDir,
  writeAll,
};

/** The store file exists but cannot be read as JSON: start-up stops and the file is left alone. */
export class StoreFileCorrupt extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The store file ${file} cannot be read (${reason}). It was left as it is; restore it from ${file}.bak or move it away.`);
    this.name = "StoreFileCorrupt";
  }
}

function isErrno(err: unknown, code: string): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === code;
}

/**
 * Why not lowdb's TextFile or steno: neither fsyncs, so an acknowledged change can vanish on power
 * loss. Here a write returns only after the data and the rename are on disk. Before replacing the
 * file, the previous good version is kept as `<file>.bak`.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Number of completed writes, for tests and benchmarks. */
  writes = 0;
  readonly tmp: string;
  readonly bak: string;
  /** The last write renamed its file into place but could not confirm it (see readLastGood). */
  private replacedUnconfirmed = false;

  constructor(
    readonly file: string,
    private readonly ops: FileOps = realFileOps,
  ) {
    this.tmp = `${file}.tmp`;
    this.bak = `${file}.bak`;
  }

  /**
   * Null when the file does not exist. Anything that is not a JSON object is StoreFileCorrupt:
   * treating e.g. `null` as "no file" would let the first write replace it.
   */
  async read(): Promise<T | null> {
    return this.readFile(this.file);
  }

  /**
   * What is on disk as the last good state: the file, or, after a write that failed once its
   * rename was done (the folder's fsync), the copy kept before it, which is what the callers of
   * that write were told is kept. Null when there is neither.
   */
  async readLastGood(): Promise<T | null> {
    return this.readFile(this.replacedUnconfirmed ? this.bak : this.file);
  }

  private async readFile(file: string): Promise<T | null> {
    let text: string;
    try {
      text = await this.ops.readText(file);
    } catch (err) {
      if (isErrno(err, "ENOENT")) return null;
      throw err;
    }
    // A hand-edited file may carry a byte order mark, which JSON.parse rejects.
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new StoreFileCorrupt(file, (err as Error).message);
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new StoreFileCorrupt(file, "the top level is not a JSON object");
    }
    return value as T;
  }

  /** A temp file left by a crash mid-write holds nothing acknowledged; it only takes space. */
  async removeStaleTemp(): Promise<void> {
    try {
      await this.ops.unlink(this.tmp);
    } catch (err) {
      if (!isErrno(err, "ENOENT")) throw err;
    }
  }

  async write(data: T): Promise<void> {
    await this.writeWith((out) => writeJson(data as object, out));
  }

  /** Writes the text `fill` gives, chunk by chunk as it comes, as the new file. */
  async writeWith(fill: (out: JsonSink) => void): Promise<void> {
    let renamed = false;
    try {
      await this.prepare(fill);
      renamed = await this.install();
      // Without it the rename may be lost on power failure, and with it the acknowledged change.
      await this.ops.syncDir(path.dirname(this.file));
    } catch (err) {
      // Once a write was renamed into place unconfirmed, the file holds what was refused until a
      // write succeeds: a later write that fails before its rename leaves it so.
      if (renamed) this.replacedUnconfirmed = true;
      // Most likely ENOSPC: give back the space a partial temp file holds. The store file is untouched.
      else await this.ops.unlink(this.tmp).catch(() => {});
      throw err;
    }
    this.confirmed();
  }

  /**
   * The new text in the temp file, on disk (fsync), not yet in place. Opened, then filled in one
   * synchronous run (see FileOps.writeAll): several files prepared together are filled one after
   * the other with no change in between (see PartedFiles). Throws with the temp file left behind.
   */
  async prepare(fill: (out: JsonSink) => void): Promise<void> {
    const handle = await this.ops.open(this.tmp, "w");
    let failure: unknown;
    try {
      this.fill(handle, fill);
      await handle.sync();
    } catch (err) {
      failure = err;
    }
    await this.closeAfter(handle, failure);
  }

  /** Opens the temp file for `fill` (one of several files filled together, then synced: see PartedFiles). */
  openTemp(): Promise<fsp.FileHandle> {
    return this.ops.open(this.tmp, "w");
  }

  /** Fills an open temp file with `fill`'s text, synchronously, 64 KB at a time. */
  fill(handle: fsp.FileHandle, fill: (out: JsonSink) => void): void {
    const out = new Utf8Chunks((bytes) => this.ops.writeAll(handle.fd, bytes));
    fill(out);
    out.end();
  }

  /** Closes `handle`, then throws the first failure (the one given, else the close's). */
  async closeAfter(handle: fsp.FileHandle, failure: unknown): Promise<void> {
    try {
      await handle.close();
    } catch (err) {
      // Report the first failure, not the close that followed it.
      failure ??= err;
    }
    if (failure !== undefined) throw failure;
  }

  /**
   * Puts the prepared temp file in place, keeping the previous good file as `.bak` first (a copy,
   * not a rename, so the path always holds a whole file). After a write that was not confirmed,
   * the file holds what its callers were told was not kept: the copy made before it stays the good
   * one. Resolves true once renamed; the folder is not synced here.
   */
  async install(): Promise<true> {
    if (!this.replacedUnconfirmed) {
      try {
        await this.ops.copyFile(this.file, this.bak);
      } catch (err) {
        if (!isErrno(err, "ENOENT")) throw err;
      }
    }
    await this.ops.rename(this.tmp, this.file);
    return true;
  }

  /** The file in place holds what its callers were told is kept. */
  confirmed(): void {
    this.replacedUnconfirmed = false;
    this.writes += 1;
  }

  /** A rename that was done and then not confirmed (its folder's fsync failed): see readLastGood. */
  unconfirmed(): void {
    this.replacedUnconfirmed = true;
  }
}

/** fsync of a directory, through the real file system. */
async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fsc.O_RDONLY);
    await handle.sync();
  } catch (err) {
    // Some file systems refuse fsync on a directory; the rename itself is still atomic there.
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EINVAL" && code !== "EPERM") throw err;
  } finally {
    await handle?.close();
  }
}
