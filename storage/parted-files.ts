// The store's files written together: one file as before (temp, fsync, rename, fsync of the folder), several all or nothing through a commit record.
//
// A change of several files:
//   1. each new file written to its temp file and synced; the temp files' folders synced;
//   2. the commit record (`commit.json`, naming every file) written the same durable way: from
//      here on the change is on disk, whatever happens next;
//   3. each temp file renamed into place (a part left empty is removed), the folders synced;
//   4. the record removed, its folder synced (so that an old record never comes back beside new temp files).
// At open, a record left by a crash is completed (redo: the temp files still there are renamed,
// the removals done) before anything is read; temp files without a record are what a crash left
// before step 2, and go. A crash at any point leaves either the whole change or none of it.
import * as fsp from "node:fs/promises";
import path from "node:path";
import { DurableJsonFile, type FileOps, StoreFileCorrupt } from "./durable-file.js";
import type { JsonSink } from "./json-bytes.js";
import { writeJson } from "./json-bytes.js";

/** One file of a change: its new text, or null when it goes. */
export interface FileWrite {
  file: string;
  fill: ((out: JsonSink) => void) | null;
}

interface CommitRecord {
  files: Array<{ file: string; remove?: true }>;
}

const isErrno = (err: unknown, code: string) => (err as NodeJS.ErrnoException | undefined)?.code === code;

export class PartedFiles {
  private readonly adapters = new Map<string, DurableJsonFile<Record<string, unknown>>>();
  private readonly record: DurableJsonFile<CommitRecord>;
  /** A record on disk whose files are not all in place yet (step 3 failed): done before the next change. */
  private pending: CommitRecord | null = null;
  /** Completed changes, for tests and benchmarks. */
  writes = 0;

  constructor(
    /** The folder of the commit record (the parts folder). */
    readonly root: string,
    private readonly ops: FileOps,
  ) {
    this.record = new DurableJsonFile<CommitRecord>(path.join(root, "commit.json"), ops);
  }

  adapter(file: string): DurableJsonFile<Record<string, unknown>> {
    let a = this.adapters.get(file);
    if (!a) {
      a = new DurableJsonFile<Record<string, unknown>>(file, this.ops);
      this.adapters.set(file, a);
    }
    return a;
  }

  /**
   * A reader without the lock (a snapshot): the record of a change being put in place, if any,
   * so that `readCommitted` reads each file as the change leaves it.
   */
  async peek(): Promise<void> {
    const record = await this.record.read().catch(() => null);
    this.pending = record && Array.isArray(record.files) ? { files: record.files.map((f) => ({ ...f, file: path.resolve(this.root, f.file) })) } : null;
  }

  /** The files a recorded change puts in place (see peek): some may not exist yet. */
  pendingFiles(): string[] {
    return (this.pending?.files ?? []).filter((f) => !f.remove).map((f) => f.file);
  }

  /** `file` as the last recorded change leaves it (see peek); null when there is none. */
  async readCommitted(file: string): Promise<Record<string, unknown> | null> {
    const entry = this.pending?.files.find((f) => f.file === file);
    if (entry?.remove) return null;
    if (entry) {
      const tmp = await this.readIfThere(this.adapter(file).tmp).catch(() => undefined);
      if (tmp !== undefined) return tmp;
    }
    return this.adapter(file).read();
  }

  /** The last good content of `file` (the temp file of a pending record, if it names it): what memory goes back to after a failed write. */
  async readLastGood(file: string): Promise<Record<string, unknown> | null> {
    const a = this.adapter(file);
    const entry = this.pending?.files.find((f) => f.file === file);
    if (entry) {
      if (entry.remove) return null;
      const tmp = await this.readIfThere(a.tmp);
      if (tmp !== undefined) return tmp;
    }
    return a.readLastGood();
  }

  private async readIfThere(file: string): Promise<Record<string, unknown> | null | undefined> {
    const r = await this.adapter(file).read();
    return r === null ? undefined : r;
  }

  /**
   * Writes the files of one change, all or none; resolves once the change is on disk. Throws
   * when it is not: then no file has changed (but see DurableJsonFile for one file whose folder
   * refused its fsync).
   */
  async commit(writes: FileWrite[]): Promise<void> {
    if (this.pending) await this.redo(this.pending);
    if (writes.length === 0) return;
    const [only] = writes;
    if (writes.length === 1 && only) {
      if (only.fill) await this.adapter(only.file).writeWith(only.fill);
      else await this.removeOne(only.file);
      this.writes += 1;
      return;
    }
    await this.commitMany(writes);
    this.writes += 1;
  }

  private async removeOne(file: string): Promise<void> {
    try {
      await this.ops.unlink(file);
    } catch (err) {
      if (!isErrno(err, "ENOENT")) throw err;
    }
    await this.ops.syncDir(path.dirname(file));
  }

  private async commitMany(writes: FileWrite[]): Promise<void> {
    const puts = writes.filter((w) => w.fill);
    const adapters = puts.map((w) => this.adapter(w.file));
    try {
      await this.prepareAll(puts, adapters);
      await Promise.all(folders(puts.map((w) => w.file)).map((d) => this.ops.syncDir(d)));
    } catch (err) {
      await Promise.all(adapters.map((a) => this.ops.unlink(a.tmp).catch(() => {})));
      throw err;
    }
    const record: CommitRecord = { files: writes.map((w) => (w.fill ? { file: this.relative(w.file) } : { file: this.relative(w.file), remove: true as const })) };
    await this.writeRecord(record, adapters);
    // The change is on disk now: what fails below is done again before the next change, or at the next open.
    const absolute: CommitRecord = { files: writes.map((w) => (w.fill ? { file: w.file } : { file: w.file, remove: true as const })) };
    this.pending = absolute;
    await this.redo(absolute).catch(() => {});
  }

  /** Opens every temp file, fills them all in one synchronous run (no change can slip between two files), then syncs them. */
  private async prepareAll(puts: FileWrite[], adapters: Array<DurableJsonFile<Record<string, unknown>>>): Promise<void> {
    const handles: fsp.FileHandle[] = [];
    let failure: unknown;
    try {
      // Opened together (a change may touch some sixty parts): every one opened is closed below, whatever failed.
      const opened = await Promise.allSettled(adapters.map((a) => a.openTemp()));
      for (const o of opened) if (o.status === "fulfilled") handles.push(o.value);
      const refused = opened.find((o) => o.status === "rejected");
      if (refused) throw (refused as PromiseRejectedResult).reason;
      for (let i = 0; i < puts.length; i++) (adapters[i] as DurableJsonFile<Record<string, unknown>>).fill(handles[i] as fsp.FileHandle, puts[i]?.fill as (out: JsonSink) => void);
      await Promise.all(handles.map((h) => h.sync()));
    } catch (err) {
      failure = err;
    }
    let closeFailure: unknown;
    for (const h of handles) await h.close().catch((e: unknown) => (closeFailure ??= e));
    if (failure !== undefined || closeFailure !== undefined) throw failure ?? closeFailure;
  }

  private async writeRecord(record: CommitRecord, adapters: Array<DurableJsonFile<Record<string, unknown>>>): Promise<void> {
    try {
      await this.record.writeWith((out) => writeJson(record, out));
    } catch (err) {
      // Not on disk for sure: taken back, with the temp files, so that no open completes it.
      await this.ops.unlink(this.record.file).catch(() => {});
      await this.ops.syncDir(this.root).catch(() => {});
      await Promise.all(adapters.map((a) => this.ops.unlink(a.tmp).catch(() => {})));
      throw err;
    }
  }

  private relative(file: string): string {
    return path.relative(this.root, file);
  }

  /** Steps 3 and 4 for a record on disk: idempotent, so a crash or a failure in the middle is done again. */
  private async redo(record: CommitRecord): Promise<void> {
    // Each file is put in place on its own (the files are independent; the record makes the whole change hold).
    await Promise.all(
      record.files.map(async (f) => {
        const a = this.adapter(f.file);
        if (f.remove) {
          await this.ops.unlink(f.file).catch((err: unknown) => {
            if (!isErrno(err, "ENOENT")) throw err;
          });
          return;
        }
        // A temp file no longer there was renamed already (the record is written only once all are synced).
        if (await exists(a.tmp)) await a.install();
      }),
    );
    await Promise.all(folders(record.files.map((f) => f.file)).map((d) => this.ops.syncDir(d)));
    for (const f of record.files) if (!f.remove) this.adapter(f.file).confirmed();
    await this.ops.unlink(this.record.file).catch((err: unknown) => {
      if (!isErrno(err, "ENOENT")) throw err;
    });
    await this.ops.syncDir(this.root);
    this.pending = null;
  }

  /**
   * At open, before anything is read: completes the change a crash left recorded, and removes the
   * temp files a crash left unrecorded. `folders` are every folder that may hold a temp file.
   */
  async recover(folderList: string[]): Promise<void> {
    const record = await this.record.read().catch((err: unknown) => {
      throw err instanceof StoreFileCorrupt ? err : new StoreFileCorrupt(this.record.file, (err as Error).message);
    });
    if (record) {
      if (!Array.isArray(record.files)) throw new StoreFileCorrupt(this.record.file, "it names no files");
      await this.redo({ files: record.files.map((f) => ({ ...f, file: path.resolve(this.root, f.file) })) });
    }
    await this.record.removeStaleTemp();
    for (const dir of folderList) {
      const names = await fsp.readdir(dir).catch(() => [] as string[]);
      for (const n of names) if (n.endsWith(".tmp")) await this.ops.unlink(path.join(dir, n)).catch(() => {});
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

function folders(files: string[]): string[] {
  return [...new Set(files.map((f) => path.dirname(f)))];
}
