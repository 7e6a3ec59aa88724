// The group commit over the store's parts: changes applied in memory wait for the next write, which writes only the parts they touched.
import type { JsonSink } from "./json-bytes.js";
import { writeJson } from "./json-bytes.js";
import type { FileWrite, PartedFiles } from "./parted-files.js";
import { allParts, contentOf, keyOfPart, MAIN, partFile, PARTED_KEYS, partOf, RULES } from "./partitions.js";
import type { KeyOrder } from "./key-order.js";
import type { StoreData as Data } from "./schema.js";
import { type Marks, trackedChange } from "./tracking.js";

/** A change could not be written: the person must not be told it was done. */
export class StoreWriteFailed extends Error {
  constructor(
    override readonly cause: unknown,
    /** The file could not be read back either, so memory still holds the changes. */
    readonly readBack?: unknown,
  ) {
    const why = (e: unknown) => (e as Error)?.message ?? String(e);
    super(`the store could not be written: ${why(cause)}${readBack === undefined ? "" : `; nor read back: ${why(readBack)}`}`);
    this.name = "StoreWriteFailed";
  }
}

/** A part of the store changed without its change noting it (written through an object taken outside mutate()). */
export class StoreChangeUntracked extends Error {
  constructor(readonly parts: string[]) {
    super(`the store changed outside what mutate() saw, in ${parts.join(", ")}: change the data only through the argument of mutate()`);
    this.name = "StoreChangeUntracked";
  }
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

/** The parts changed since the last write, as the changes' views noted them. */
class Dirty implements Marks {
  parts = new Set<string>();
  keys = new Set<string>();

  constructor(private readonly order?: KeyOrder) {}

  keyAdded(key: string, k: string): void {
    this.order?.added(key, k);
  }

  keyRemoved(key: string, k: string): void {
    this.order?.removed(key, k);
  }

  part(part: string): void {
    this.parts.add(part);
  }

  everyPart(key: string): void {
    this.keys.add(key);
  }

  take(): Dirty {
    const taken = new Dirty();
    [taken.parts, taken.keys] = [this.parts, this.keys];
    this.parts = new Set();
    this.keys = new Set();
    return taken;
  }

  get empty(): boolean {
    return this.parts.size === 0 && this.keys.size === 0;
  }
}

/** Every part of every collection, the main file included: what a first write or a migration writes. */
export function everything(): Dirty {
  const d = new Dirty();
  d.part(MAIN);
  for (const key of PARTED_KEYS) d.everyPart(key);
  return d;
}

export class GroupCommit {
  /** Changes applied in memory, not yet on disk. */
  private waiting: Waiter[] = [];
  private writing: Promise<void> | null = null;
  private readonly dirty: Dirty;
  changes = 0;

  constructor(
    private readonly files: PartedFiles,
    private readonly mainFile: string,
    private readonly holder: { data: Data },
    /** The parts on disk now. */
    private readonly onDisk: Set<string>,
    /** Tests: after each write, every part is compared with what was written (see verifyAll). */
    private readonly verify: Map<string, string> | null,
    private readonly order: KeyOrder,
  ) {
    this.dirty = new Dirty(order);
  }

  mutate<R>(change: (data: Data) => R): Promise<R> {
    let result: R;
    const tracked = trackedChange(this.holder.data, this.dirty);
    try {
      result = change(tracked.data);
    } catch (err) {
      // Nothing is queued, and what it wrote before it threw is put back: a change that throws changes nothing.
      tracked.undo();
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
        const parts = this.dirty.take();
        try {
          // Inside the try: a change that left a BigInt or a cycle makes stringify throw, and that
          // must fail this batch, not stop the loop with `writing` set forever.
          await this.write(parts);
          const untracked = this.verify ? this.verifyAll() : [];
          if (untracked.length > 0) throw new StoreChangeUntracked(untracked);
          for (const w of batch) w.resolve();
        } catch (err) {
          if (err instanceof StoreChangeUntracked) {
            for (const w of batch) w.reject(err);
            continue;
          }
          // Undo every change not on disk (this batch and any made during the failed write or
          // while the good state is read back): they were applied on top of this batch, and
          // their callers learn they were not kept.
          const undo = this.dirty.take();
          for (const p of undo.parts) parts.part(p);
          for (const k of undo.keys) parts.everyPart(k);
          const unreadable = await this.restoreLastGood(parts);
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

  /** The parts `dirty` names, every part of a collection marked whole being each part in memory or on disk. */
  private expand(dirty: Dirty): Set<string> {
    const parts = new Set(dirty.parts);
    if (dirty.keys.size > 0) {
      for (const p of allParts(this.holder.data)) if (dirty.keys.has(keyOfPart(p))) parts.add(p);
      for (const p of this.onDisk) if (dirty.keys.has(keyOfPart(p))) parts.add(p);
      if ([...dirty.keys].some((k) => !(k in RULES))) parts.add(MAIN);
    }
    return parts;
  }

  /** Writes the parts of `dirty` (all or none); the content is taken from memory at once, in one synchronous run. */
  async write(dirty: Dirty): Promise<void> {
    const parts = this.expand(dirty);
    if (parts.size === 0) return;
    // A record replaced whole: its index of keys made again (every part of it is written).
    const raw = this.holder.data as unknown as Record<string, Record<string, unknown>>;
    for (const key of dirty.keys) if (RULES[key]?.kind === "shard") this.order.rebuild(key, raw[key] ?? {});
    const contents = contentOf(this.holder.data, parts, this.order);
    const writes: FileWrite[] = [];
    for (const [part, content] of contents) {
      // A part never written and empty now needs no file; the main file and a whole collection always have one.
      if (content === null && !this.onDisk.has(part)) continue;
      writes.push({ file: partFile(this.mainFile, part), fill: content ? (out: JsonSink) => writeJson(content, out) : null });
    }
    try {
      await this.files.commit(writes);
    } catch (err) {
      // A file may be in place all the same (renamed, then its folder's fsync refused): known to be there.
      for (const [part, content] of contents) if (content !== null && part !== MAIN) this.onDisk.add(part);
      throw err;
    }
    for (const [part, content] of contents) {
      if (content === null) this.onDisk.delete(part);
      else if (part !== MAIN) this.onDisk.add(part);
      if (this.verify) {
        if (content === null) this.verify.delete(part);
        else this.verify.set(part, JSON.stringify(content));
      }
    }
  }

  /** Tests: the parts whose content in memory is not what was last written (nor noted as changed since). */
  verifyAll(): string[] {
    const known = this.verify as Map<string, string>;
    const pending = this.expand(this.dirty);
    const now = contentOf(this.holder.data, allParts(this.holder.data), this.order);
    // The index of each bucket's keys against a walk over the whole record.
    for (const [part, content] of contentOf(this.holder.data, allParts(this.holder.data))) {
      const key = keyOfPart(part);
      if (RULES[key]?.kind !== "shard") continue;
      const indexed = now.get(part)?.[key];
      if (JSON.stringify(indexed) !== JSON.stringify(content?.[key])) throw new Error(`the index of ${part} does not hold its keys`);
    }
    const wrong: string[] = [];
    for (const [part, content] of now) if (!pending.has(part) && known.get(part) !== JSON.stringify(content)) wrong.push(part);
    for (const part of known.keys()) if (!now.has(part) && !pending.has(part)) wrong.push(part);
    return wrong;
  }

  /** Records what is on disk after a load, for verify. */
  remember(): void {
    if (!this.verify) return;
    this.verify.clear();
    for (const [part, content] of contentOf(this.holder.data, allParts(this.holder.data), this.order)) if (content) this.verify.set(part, JSON.stringify(content));
  }

  /**
   * Memory back to the last state on disk for the parts of `dirty`, which the store wrote itself
   * (same version, checked). Gives what went wrong when the disk cannot be read: memory then keeps
   * the changes, whose callers are told they were not kept, and the next write that succeeds puts
   * them on disk (they stay marked).
   */
  private async restoreLastGood(dirty: Dirty): Promise<unknown> {
    const parts = this.expand(dirty);
    const read = new Map<string, Record<string, unknown> | null>();
    try {
      for (const part of parts) read.set(part, await this.files.readLastGood(partFile(this.mainFile, part)));
    } catch (err) {
      for (const p of parts) this.dirty.part(p);
      return err;
    }
    putBack(this.holder.data, read);
    // The index of keys follows at the next write, which writes every bucket again.
    for (const key of PARTED_KEYS) if (RULES[key]?.kind === "shard") this.dirty.everyPart(key);
    // Written again by the next write: a file renamed into place whose folder refused its fsync
    // holds what was refused, until a write of it succeeds (memory holds the good content now).
    for (const p of parts) this.dirty.part(p);
    return undefined;
  }
}

/** Replaces in `data`, in place, the content of each part by what was read (null: an empty part). */
function putBack(data: Data, read: Map<string, Record<string, unknown> | null>): void {
  const raw = data as unknown as Record<string, unknown>;
  for (const [part, content] of read) {
    const key = keyOfPart(part);
    const rule = RULES[key];
    if (part === MAIN) {
      const main = content ?? {};
      for (const k of Object.keys(raw)) if (!(k in RULES) && !(k in main)) delete raw[k];
      for (const [k, v] of Object.entries(main)) if (!(k in RULES)) raw[k] = v;
    } else if (!rule || rule.kind === "whole") {
      raw[key] = content?.[key] ?? [];
    } else if (rule.kind === "by") {
      const list = raw[key] as Array<Record<string, unknown>>;
      const at = list.findIndex((e) => partOfEntry(key, e, rule.field) === part);
      const kept = list.filter((e) => partOfEntry(key, e, rule.field) !== part);
      const back = (content?.[key] as Array<Record<string, unknown>> | undefined) ?? [];
      kept.splice(at < 0 ? kept.length : at, 0, ...back);
      list.length = 0;
      for (const e of kept) list.push(e);
    } else {
      const record = raw[key] as Record<string, unknown>;
      for (const k of Object.keys(record)) if (partOfKey(key, k) === part) delete record[k];
      Object.assign(record, (content?.[key] as Record<string, unknown> | undefined) ?? {});
    }
  }
}

const partOfEntry = (key: string, e: Record<string, unknown>, field: string) => partOf(key, String(e[field]));
const partOfKey = (key: string, k: string) => partOf(key, k);
