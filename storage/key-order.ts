// The keys of a record split in buckets (the accounts, the sessions): each bucket's keys with their places, so the record reads back in the order it was written and a bucket is written without a walk over the whole record.
//
// Places are numbers that only grow along the record's key order: a new key takes the place after
// the last one (a key removed and set again, which moves it to the end, too). The store learns of
// keys added and removed from the change's view (storage/tracking.ts); a record replaced whole is
// indexed again from scratch.

export const ORDER_FIELD = "order";

/** One bucket's keys in place order, and their places (the same length). */
export interface Bucket {
  keys: string[];
  places: number[];
}

interface Index {
  next: number;
  buckets: Map<string, Bucket>;
}

const NO_PLACE = -1;

export class KeyOrder {
  private readonly indexes = new Map<string, Index>();

  /** `partOf` names the bucket a key of a record lives in (storage/partitions.ts, given by the caller: no import cycle). */
  constructor(private readonly partOf: (key: string, entry: string) => string) {}

  private index(key: string): Index {
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = { next: 0, buckets: new Map() }));
    return index;
  }

  /**
   * The record `key` as its bucket files hold it (`found`: their contents), its keys in
   * their places; the index of its keys is made from the same walk. Each file lists its keys in
   * place order (contentOf writes a bucket from this index), so the entries are put at their places
   * directly; a file edited by hand (two keys at one place, a place far beyond the keys) is sorted
   * instead. Keys without a place (a file written before places) come last, in file order. A key
   * is indexed in its own bucket, whichever file it was read from (it is written there next time).
   */
  load(key: string, found: Array<Record<string, unknown>>): Record<string, unknown> {
    const files = found.map((content) => {
      const record = (content[key] ?? {}) as Record<string, unknown>;
      const order = Array.isArray(content[ORDER_FIELD]) ? (content[ORDER_FIELD] as unknown[]) : [];
      return { record, keys: Object.keys(record), order };
    });
    let total = 0;
    let last = NO_PLACE;
    for (const f of files) {
      total += f.keys.length;
      for (let i = 0; i < f.keys.length; i++) {
        const p = placeOf(f.order[i]);
        if (p > last) last = p;
      }
    }
    const index: Index = { next: last + 1, buckets: new Map() };
    const out: Record<string, unknown> = {};
    const put = (k: string, value: unknown, place: number) => {
      // A key in two files (edited by hand): the later one's entry, at its first place.
      const again = Object.hasOwn(out, k);
      out[k] = value;
      if (again) return;
      const bucket = this.bucketOf(index, this.partOf(key, k));
      bucket.keys.push(k);
      bucket.places.push(place);
    };
    // As the store writes them: each key at a place of its own, places not far beyond the keys.
    const slots = last < 4 * total + 1024 ? new Int32Array(last + 1).fill(-1) : null;
    const fileAt = slots ? new Int32Array(last + 1) : null;
    let placed = slots !== null && fileAt !== null;
    if (slots && fileAt) {
      for (let f = 0; f < files.length && placed; f++) {
        const { keys, order } = files[f] as (typeof files)[number];
        for (let i = 0; i < keys.length; i++) {
          const p = placeOf(order[i]);
          if (p === NO_PLACE) continue;
          if (slots[p] !== -1) {
            placed = false;
            break;
          }
          slots[p] = i;
          fileAt[p] = f;
        }
      }
      if (placed) {
        for (let p = 0; p <= last; p++) {
          const i = slots[p] as number;
          if (i < 0) continue;
          const f = files[fileAt[p] as number] as (typeof files)[number];
          const k = f.keys[i] as string;
          put(k, f.record[k], p);
        }
      }
    }
    if (!placed) {
      // Edited by hand: every entry sorted by its place (stable), those without one after.
      const all = files.flatMap((f) => f.keys.map((k, i) => ({ k, v: f.record[k], p: placeOf(f.order[i]) })));
      const rank = (e: { p: number }) => (e.p === NO_PLACE ? Number.MAX_SAFE_INTEGER : e.p);
      for (const e of all.sort((a, b) => rank(a) - rank(b))) if (e.p !== NO_PLACE) put(e.k, e.v, e.p);
    }
    // Keys without a place (a file written before places) after the last, in file order.
    for (const f of files) {
      for (let i = 0; i < f.keys.length; i++) {
        if (placeOf(f.order[i]) !== NO_PLACE) continue;
        const k = f.keys[i] as string;
        put(k, f.record[k], index.next++);
      }
    }
    this.indexes.set(key, index);
    return out;
  }

  /** Every key of `record` again, in its order now (a record replaced whole, or put back after a failed write). */
  rebuild(key: string, record: Record<string, unknown>): void {
    const index: Index = { next: 0, buckets: new Map() };
    for (const k of Object.keys(record)) {
      const bucket = this.bucketOf(index, this.partOf(key, k));
      bucket.keys.push(k);
      bucket.places.push(index.next++);
    }
    this.indexes.set(key, index);
  }

  added(key: string, k: string): void {
    const index = this.index(key);
    const part = this.partOf(key, k);
    this.unlist(index, part, k);
    const bucket = this.bucketOf(index, part);
    bucket.keys.push(k);
    bucket.places.push(index.next++);
  }

  removed(key: string, k: string): void {
    const index = this.indexes.get(key);
    if (index) this.unlist(index, this.partOf(key, k), k);
  }

  /** The keys of one bucket, in order, with their places. */
  bucket(key: string, part: string): Bucket {
    return this.indexes.get(key)?.buckets.get(part) ?? { keys: [], places: [] };
  }

  private unlist(index: Index, part: string, k: string): void {
    const bucket = index.buckets.get(part);
    const at = bucket ? bucket.keys.indexOf(k) : -1;
    if (!bucket || at < 0) return;
    bucket.keys.splice(at, 1);
    bucket.places.splice(at, 1);
  }

  private bucketOf(index: Index, part: string): Bucket {
    let bucket = index.buckets.get(part);
    if (!bucket) index.buckets.set(part, (bucket = { keys: [], places: [] }));
    return bucket;
  }
}

/** A place as a file holds it, or NO_PLACE for none (a file written before places, or edited by hand). */
function placeOf(p: unknown): number {
  return typeof p === "number" && Number.isSafeInteger(p) && p >= 0 ? p : NO_PLACE;
}
