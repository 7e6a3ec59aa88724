// The store: JSON files under DATA_DIR (a main file and its parts, storage/partitions.ts), held in memory, changed only through mutate(), each change writing only the files it touched.
import { constants as fsConstants } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { registerArchive } from "./archive.js";
import { type FileOps, realFileOps } from "./durable-file.js";
import { everything, GroupCommit, StoreWriteFailed } from "./group-commit.js";
import { filesSignature, readStore } from "./layout.js";
import { PartedFiles } from "./parted-files.js";
import { partFolders, partsDir } from "./partitions.js";
import { type Data, type StoreData, SCHEMA_VERSION } from "./schema.js";

export { StoreChangeUntracked, StoreWriteFailed } from "./group-commit.js";
export { StoreInvalid, StoreNotOurs } from "./layout.js";

/**
 * Under vitest every write is followed by a comparison of the whole store with what was written:
 * a change made to the data other than through mutate()'s argument fails the test that makes it.
 */
const VERIFY_BY_DEFAULT = process.env.VITEST !== undefined;

export interface StoreOptions {
  /** DATA_DIR: the folder that holds the store file (created if missing). */
  dir: string;
  fileName?: string;
  /** Replaced in tests to simulate a disk that fails. */
  fileOps?: FileOps;
  /** Compare the whole store with what was written after each write (default: under vitest). */
  verify?: boolean;
  /** What a store that does not exist yet starts with, written in its first write (the first conference). */
  seed?: (data: StoreData) => void;
}

/**
 * The store, or one conference's view of it (storage/conference-view.ts): `Store` alone is the
 * view the services of one conference are given; `RootStore` is the whole, as opened.
 */
export interface Store<D = Data> {
  readonly file: string;
  readonly dir: string;
  /** The current state. Read it freely; change it only inside mutate(). */
  readonly data: D;
  /**
   * Applies a change and resolves once it is on disk (group commit: changes made while a write is
   * under way share the next write). If `change` throws, the error reaches the caller and nothing
   * is written: what it wrote of the records kept in parts (accounts, conversations, notices,
   * deliveries) is put back (storage/tracking.ts); the main file's collections and a conference's
   * own data are handed to it as they are, so a change validates before it changes them (a closed
   * conference's own data refuses the first write, before it is made). If the disk write fails,
   * every change of that write is undone in memory and each caller gets StoreWriteFailed.
   */
  mutate<R>(change: (data: D) => R): Promise<R>;
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

/** The whole store as opened: what is shared and every conference. */
export type RootStore = Store<StoreData>;

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
 * Reads, checks and migrates the store into memory. Nothing is written before the whole store is
 * valid. A new store, a migrated one, or one of a single file (before this layout) is then written
 * whole in its layout, all or nothing; the original of a migrated main file is kept first, for good.
 */
async function load(file: string, files: PartedFiles, ops: FileOps, verify: boolean, seed?: (data: StoreData) => void): Promise<{ data: StoreData; onDisk: Set<string>; commit: (holder: { data: StoreData }) => GroupCommit }> {
  await files.recover([path.dirname(file), ...partFolders(file)]);
  const { raw, loaded, version, fromMain, onDisk, order } = await readStore(file, files);
  if (!raw) seed?.(loaded);
  // Only once the store is known to be a store of ours, and valid: a refused one is left alone.
  await makeFolders(file, ops);
  const make = (holder: { data: StoreData }) => new GroupCommit(files, file, holder, onDisk, verify ? new Map() : null, order);
  if (raw && version === SCHEMA_VERSION && fromMain.length === 0) return { data: loaded, onDisk, commit: make };
  try {
    if (raw && version < SCHEMA_VERSION) await keepOriginal(file, version, ops);
    const holder = { data: loaded };
    await make(holder).write(everything());
  } catch (err) {
    throw new StoreWriteFailed(err);
  }
  return { data: loaded, onDisk, commit: make };
}

/** The folders of the store made (and put on disk) once. */
async function makeFolders(file: string, ops: FileOps): Promise<void> {
  const folders = partFolders(file);
  const missing = (await Promise.all(folders.map((d) => fsp.access(d).then(() => null, () => d)))).filter((d): d is string => d !== null);
  if (missing.length === 0) return;
  for (const d of missing) await fsp.mkdir(d, { recursive: true });
  for (const d of new Set([path.dirname(file), ...folders])) await ops.syncDir(d);
}

export async function openStore(options: StoreOptions): Promise<RootStore> {
  const ops = options.fileOps ?? realFileOps;
  await fsp.mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, options.fileName ?? "hoinghi.json");
  const release = await acquireLock(file);
  const files = new PartedFiles(partsDir(file), ops);
  let holder: { data: StoreData };
  let commit: GroupCommit;
  try {
    const loaded = await load(file, files, ops, options.verify ?? VERIFY_BY_DEFAULT, options.seed);
    holder = { data: loaded.data };
    commit = loaded.commit(holder);
    commit.remember();
  } catch (err) {
    await release();
    throw err;
  }
  registerArchive(holder.data, file);
  const writesAtOpen = files.writes;
  return {
    file,
    dir: options.dir,
    get data() {
      return holder.data;
    },
    get writes() {
      return files.writes - writesAtOpen;
    },
    get changes() {
      return commit.changes;
    },
    mutate<R>(change: (data: StoreData) => R): Promise<R> {
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

/**
 * One state of the store read without its lock: a change of several files is read as its commit
 * record leaves it, and a read during which a file changed is done again.
 */
async function readSnapshot(file: string, ops: FileOps): Promise<StoreData> {
  for (let attempt = 0; ; attempt++) {
    const before = await filesSignature(file);
    const files = new PartedFiles(partsDir(file), ops);
    await files.peek();
    const { loaded } = await readStore(file, files);
    if (attempt >= 20 || (await filesSignature(file)) === before) return loaded;
  }
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
 * line reads while the bot holds the store. The bot puts each file in place by a rename, several
 * files after their commit record (read here as the record leaves them), and a read during which a
 * file changed is done again: one read sees one whole version, never half of two. Checked and migrated
 * in memory like a store being opened; nothing is written (not even a migration), and mutate() throws
 * StoreReadOnly. Without a file: the empty store.
 */
export async function openSnapshot(options: StoreOptions): Promise<RootStore> {
  const file = path.resolve(options.dir, options.fileName ?? "hoinghi.json");
  const loaded = await readSnapshot(file, options.fileOps ?? realFileOps);
  registerArchive(loaded, file);
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
