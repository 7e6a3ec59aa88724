// A lowdb adapter that makes every write durable: temp file, fsync, rename, fsync of the directory.
import { constants as fsc } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import type { Adapter } from "lowdb";

/** The few file operations the adapter needs; tests replace them to simulate a failing disk. */
export interface FileOps {
  open: typeof fsp.open;
  rename: typeof fsp.rename;
  readFile: typeof fsp.readFile;
  copyFile: typeof fsp.copyFile;
  unlink: typeof fsp.unlink;
}

export const realFileOps: FileOps = {
  open: fsp.open,
  rename: fsp.rename,
  readFile: fsp.readFile,
  copyFile: fsp.copyFile,
  unlink: fsp.unlink,
};

/** The store file exists but cannot be read as JSON: start-up stops and the file is left alone. */
export class StoreFileCorrupt extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`The store file ${file} cannot be read (${reason}). It was left as it is; restore it from ${file}.bak or move it away.`);
  }
}

/**
 * Why not lowdb's TextFile or steno: neither fsyncs, so an acknowledged change can vanish on power
 * loss. Here a write returns only after the data and the rename are on disk. Before replacing the
 * file, the previous good version is kept as `<file>.bak`.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** Number of completed writes, for tests and benchmarks. */
  writes = 0;
  private readonly tmp: string;
  private readonly bak: string;

  constructor(
    readonly file: string,
    private readonly ops: FileOps = realFileOps,
  ) {
    this.tmp = `${file}.tmp`;
    this.bak = `${file}.bak`;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.ops.readFile(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new StoreFileCorrupt(this.file, (err as Error).message);
    }
  }

  async write(data: T): Promise<void> {
    await this.writeText(JSON.stringify(data));
  }

  /** Writes already-serialized JSON (the store serializes once and keeps the text as last good). */
  async writeText(text: string): Promise<void> {
    const handle = await this.ops.open(this.tmp, "w");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    // Keep the previous good file. A copy, not a rename, so the store path always holds a whole file.
    try {
      await this.ops.copyFile(this.file, this.bak);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    await this.ops.rename(this.tmp, this.file);
    await syncDir(path.dirname(this.file));
    this.writes += 1;
  }
}

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
