// The store: one JSON file under DATA_DIR, loaded through lowdb, changed only through mutate().
import { constants as fsConstants } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { Low } from "lowdb";
import { DurableJsonFile, type FileOps, realFileOps, StoreFileCorrupt } from "./durable-file.js";
import { writeJson } from "./json-bytes.js";
import { type Data, emptyData, migrate, SCHEMA_VERSION, StoreVersionTooNew } from "./schema.js";
import { checkStore, type StoreIssue } from "./validate.js";


/** An entry of the store does not fit the schema: start-up stops at the first one, the file untouched. */
export class StoreInvalid extends StoreFileCorrupt {
  constructor(
    file: string,
    readonly issue: StoreIssue,
  ) {
    super(file, `${issue.path}: ${issue.detail} (in "${issue.path.split(/[.[]/)[0]}")`);
    this.name = "StoreInvalid";
  }
}

/** JSON, but not a store of this program (no schemaVersion, none of its collections): refused, never rewritten. */
export class StoreNotOurs extends StoreFileCorrupt {
  constructor(file: string) {
    super(file, "it has no schemaVersion and none of the store's collections, so it is not a store of this program");
    this.name = "StoreNotOurs";
  }
}

export interface StoreOptions {
  /** DATA_DIR: the folder that holds the store file (created if missing). */
  dir: string;
  fileName?: string;
  /** Replaced in tests to simulate a disk that fails. */
  fileOps?: FileOps;
}

/** A change could not be written: the person must not be told it was done. */
export class StoreWriteFailed extends Error {
  constructor(
    override readonly cause: unknown,
    /** The file could not be read back either, so memory still holds the changes (see restoreLastGood). */
    readonly readBack?: unknown,
  ) {
    const why = (e: unknown) => (e as Error)?.message ?? String(e);
    super(`the store could not be written: ${why(cause)}${readBack === undefined ? "" : `; nor read back: ${why(readBack)}`}`);
    this.name = "StoreWriteFailed";
  }
}

export interface Store {
  readonly file: string;
  readonly dir: string;
  /** The current state. Read it freely; change it only inside mutate(). */
  readonly data: Data;
  /**
   * Applies a change and resolves once it is on disk (group commit: changes made while a write is
   * under way share the next write). `change` must validate before it changes anything: if it
   * throws, nothing is changed and the error reaches the caller. If the disk write fails, every
   * change of that write is undone in memory and each caller gets StoreWriteFailed.
   */
  mutate<R>(change: (data: Data) => R): Promise<R>;
  /** Resolves when everything changed so far is on disk. */
  flush(): Promise<void>;
  /** Number of file writes so far. */
  readonly writes: number;
  /**
   * Number of changes applied so far. A channel compares it before and after handling an update:
   * an update that changed nothing (a read) need not be remembered on disk.
   */
  readonly changes: number;
  /** Flushes and releases the lock on the folder; the store must not be used afterwards. */
  close(): Promise<void>;
}

/** Another running process holds the store: two writers would lose each other's changes. */
export class StoreLocked extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(`${file} is in use by process ${pid}`);
    this.name = "StoreLocked";
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<file>.lock` for this process. A lock left by a process that died (kill -9) is taken
 * over; one held by this same process is shared (tests reopen a store to simulate a restart).
 */
async function acquireLock(file: string): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fsp.open(lock, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(await fsp.readFile(lock, "utf8").catch(() => ""), 10);
      if (pid === process.pid) break;
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) throw new StoreLocked(file, pid);
      await fsp.unlink(lock).catch(() => {});
    }
  }
  return async () => {
    const pid = Number.parseInt(await fsp.readFile(lock, "utf8").catch(() => ""), 10);
    if (pid === process.pid) await fsp.unlink(lock).catch(() => {});
  };
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

function isThenable(value: unknown): boolean {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/** A file without schemaVersion is a version-0 store only if it holds at least one of the store's collections. */
function looksLikeOurs(raw: Record<string, unknown>): boolean {
  if (raw.schemaVersion !== undefined) return true;
  return Object.keys(emptyData()).some((key) => key !== "schemaVersion" && key in raw);
}

/**
 * Keeps the original of a file about to be migrated as `<file>.v<N>.bak`, for good (never
 * replaced: a second original of the same version gets `.v<N>.2.bak`, and so on).
 */
async function keepOriginal(file: string, version: number, ops: FileOps): Promise<void> {
  for (let n = 1; ; n++) {
    const target = `${file}.v${version}${n === 1 ? "" : `.${n}`}.bak`;
    try {
      await ops.copyFile(file, target, fsConstants.COPYFILE_EXCL);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const [kept, now] = await Promise.all([ops.readFile(target), ops.readFile(file)]);
      if (Buffer.compare(kept, now) === 0) return;
    }
  }
}

/**
 * The file as this version's data, checked and migrated in memory; nothing is written. `raw` is null
 * when there is no file; `version` is the file's own.
 */
async function readChecked(file: string, adapter: DurableJsonFile<Data>): Promise<{ raw: Record<string, unknown> | null; loaded: Data; version: number }> {
  // Throws StoreFileCorrupt for a file that does not parse; that file is never written over.
  const raw = (await adapter.read()) as Record<string, unknown> | null;
  let version = SCHEMA_VERSION;
  if (raw) {
    const v = raw.schemaVersion;
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) {
      throw new StoreFileCorrupt(file, `"schemaVersion" is ${JSON.stringify(v)}, not a version number`);
    }
    if (!looksLikeOurs(raw)) throw new StoreNotOurs(file);
    version = (v as number | undefined) ?? 0;
    if (version > SCHEMA_VERSION) throw new StoreVersionTooNew(file, version);
  }
  const loaded = raw ? migrate(raw, file) : emptyData();
  // One schema for the whole store: the first entry that does not fit stops start-up, file untouched.
  const issue = checkStore(loaded);
  if (issue) throw new StoreInvalid(file, issue);
  return { raw, loaded, version };
}

/** Reads, checks and migrates the file into `db`. Nothing is written before the whole store is valid. */
async function load(file: string, adapter: DurableJsonFile<Data>, db: Low<Data>, ops: FileOps): Promise<void> {
  await adapter.removeStaleTemp();
  const { raw, loaded, version } = await readChecked(file, adapter);
  db.data = loaded;
  if (raw && version === SCHEMA_VERSION) return;
  // A new store, or one just migrated: put it on disk before anything relies on it. The original
  // of a migrated file is kept first, for good.
  try {
    if (raw) await keepOriginal(file, version, ops);
    await adapter.writeWith((out) => writeJson(loaded, out));
  } catch (err) {
    throw new StoreWriteFailed(err);
  }
}

/** Locks the folder and loads the file (read, checked, migrated); the lock is released if loading fails. */
async function openFile(options: StoreOptions): Promise<{ file: string; adapter: DurableJsonFile<Data>; db: Low<Data>; release: () => Promise<void> }> {
  const ops = options.fileOps ?? realFileOps;
  await fsp.mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, options.fileName ?? "hoinghi.json");
  const release = await acquireLock(file);
  const adapter = new DurableJsonFile<Data>(file, ops);
  const db = new Low<Data>(adapter, emptyData());
  try {
    await load(file, adapter, db, ops);
  } catch (err) {
    await release();
    throw err;
  }
  return { file, adapter, db, release };
}

/**
 * The group commit: changes applied in memory wait for the next write, which every change made
 * meanwhile joins. No copy of the last good state is held in memory: it is the file on disk (see
 * readLastGood), read back only when a write fails.
 */
class GroupCommit {
  /** Changes applied in memory, not yet on disk. */
  private waiting: Waiter[] = [];
  private writing: Promise<void> | null = null;
  changes = 0;

  constructor(
    private readonly adapter: DurableJsonFile<Data>,
    private readonly db: Low<Data>,
  ) {}

  mutate<R>(change: (data: Data) => R): Promise<R> {
    let result: R;
    try {
      result = change(this.db.data);
    } catch (err) {
      // Nothing is queued: a change that throws must not have changed anything (see Store.mutate).
      return Promise.reject(err);
    }
    this.changes += 1;
    // Its own failure would otherwise be an unhandled rejection; the caller is told below.
    if (isThenable(result)) Promise.resolve(result).catch(() => {});
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({
        resolve: isThenable(result)
          ? // What an async change does after its first await would miss this write. Its
            // synchronous part is written all the same, but the mistake is reported.
            () => reject(new TypeError("store.mutate() takes a synchronous change; it returned a promise"))
          : () => resolve(result),
        reject,
      });
      this.schedule();
    });
  }

  /** Resolves when everything changed so far is on disk. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private schedule(): void {
    // A microtask, not an immediate write: every change made by the code running now joins it.
    if (!this.writing) this.writing = Promise.resolve().then(() => this.writeLoop());
  }

  private async writeLoop(): Promise<void> {
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          // Inside the try: a change that left a BigInt or a cycle makes stringify throw, and that
          // must fail this batch, not stop the loop with `writing` set forever.
          await this.adapter.writeWith((out) => writeJson(this.db.data, out));
          for (const w of batch) w.resolve();
        } catch (err) {
          // Undo every change not on disk (this batch and any made during the failed write or
          // while the good state is read back): they were applied on top of this batch, and
          // their callers learn they were not kept.
          const unreadable = await this.restoreLastGood();
          const failed = new StoreWriteFailed(err, unreadable);
          const undone = [...batch, ...this.waiting];
          this.waiting = [];
          for (const w of undone) w.reject(failed);
        }
      }
    } finally {
      this.writing = null;
    }
  }

  /**
   * Memory back to the last state on disk, which the store wrote itself (same version, checked).
   * Gives what went wrong when the disk cannot be read either: memory then keeps the changes,
   * whose callers are told they were not kept, and the next write that succeeds puts them on disk.
   */
  private async restoreLastGood(): Promise<unknown> {
    try {
      this.db.data = (await this.adapter.readLastGood()) ?? emptyData();
      return undefined;
    } catch (err) {
      return err;
    }
  }
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const { file, adapter, db, release } = await openFile(options);
  const commit = new GroupCommit(adapter, db);
  return {
    file,
    dir: options.dir,
    get data() {
      return db.data;
    },
    get writes() {
      return adapter.writes;
    },
    get changes() {
      return commit.changes;
    },
    mutate<R>(change: (data: Data) => R): Promise<R> {
      return commit.mutate(change);
    },
    flush() {
      return commit.flush();
    },
    async close() {
      await commit.flush();
      await release();
    },
  };
}

/** A change was asked of a snapshot: only the process that holds the store may change it. */
export class StoreReadOnly extends Error {
  constructor(readonly file: string) {
    super(`${file} was opened as a snapshot, for reading only`);
    this.name = "StoreReadOnly";
  }
}

/**
 * The store as it is on disk now, for reading only, without its lock: what a command of the command
 * line reads while the bot holds the store. The bot writes each version to a temporary file and
 * renames it into place, so one read sees one whole version, never half of two. Checked and migrated
 * in memory like a store being opened; nothing is written (not even a migration), and mutate() throws
 * StoreReadOnly. Without a file: the empty store.
 */
export async function openSnapshot(options: StoreOptions): Promise<Store> {
  const file = path.resolve(options.dir, options.fileName ?? "hoinghi.json");
  const adapter = new DurableJsonFile<Data>(file, options.fileOps ?? realFileOps);
  const { loaded } = await readChecked(file, adapter);
  return {
    file,
    dir: options.dir,
    data: loaded,
    writes: 0,
    changes: 0,
    mutate: () => Promise.reject(new StoreReadOnly(file)),
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
