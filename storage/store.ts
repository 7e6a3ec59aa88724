// The store: one JSON file under DATA_DIR, loaded through lowdb, changed only through mutate().
import * as fsp from "node:fs/promises";
import path from "node:path";
import { Low } from "lowdb";
import { DurableJsonFile, type FileOps, realFileOps } from "./durable-file.js";
import { type Data, emptyData, migrate } from "./schema.js";

export interface StoreOptions {
  /** DATA_DIR: the folder that holds the store file (created if missing). */
  dir: string;
  fileName?: string;
  /** Replaced in tests to simulate a disk that fails. */
  fileOps?: FileOps;
}

/** A change could not be written: the person must not be told it was done. */
export class StoreWriteFailed extends Error {
  constructor(readonly cause: unknown) {
    super(`the store could not be written: ${(cause as Error)?.message ?? String(cause)}`);
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
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export async function openStore(options: StoreOptions): Promise<Store> {
  const ops = options.fileOps ?? realFileOps;
  await fsp.mkdir(options.dir, { recursive: true });
  const file = path.resolve(options.dir, options.fileName ?? "hoinghi.json");
  const adapter = new DurableJsonFile<Data>(file, ops);
  const db = new Low<Data>(adapter, emptyData());
  // Throws StoreFileCorrupt for a file that does not parse; that file is never written over.
  const raw = (await adapter.read()) as Record<string, unknown> | null;
  db.data = raw ? migrate(raw, file) : emptyData();

  let lastGood = JSON.stringify(db.data);
  if (!raw || raw.schemaVersion !== db.data.schemaVersion) {
    // A new store, or one just migrated: put it on disk before anything relies on it.
    await adapter.writeText(lastGood);
  }

  let waiting: Waiter[] = []; // changes applied in memory, not yet on disk
  let writing: Promise<void> | null = null;

  async function writeLoop(): Promise<void> {
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      const text = JSON.stringify(db.data);
      try {
        await adapter.writeText(text);
        lastGood = text;
        for (const w of batch) w.resolve();
      } catch (err) {
        // Undo every change not on disk (this batch and any made during the failed write).
        db.data = JSON.parse(lastGood) as Data;
        const failed = new StoreWriteFailed(err);
        for (const w of [...batch, ...waiting]) w.reject(failed);
        waiting = [];
      }
    }
    writing = null;
  }

  function schedule(): void {
    if (!writing) writing = Promise.resolve().then(writeLoop);
  }

  return {
    file,
    dir: options.dir,
    get data() {
      return db.data;
    },
    get writes() {
      return adapter.writes;
    },
    mutate<R>(change: (data: Data) => R): Promise<R> {
      let result: R;
      try {
        result = change(db.data);
      } catch (err) {
        return Promise.reject(err);
      }
      return new Promise<R>((resolve, reject) => {
        waiting.push({ resolve: () => resolve(result), reject });
        schedule();
      });
    },
    async flush() {
      while (writing) await writing;
    },
  };
}
