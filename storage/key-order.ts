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
  /** Each bucket's keys; null until a change first needs them (see `read`). */
  buckets: Map<string, Bucket> | null;
  /** The record's keys with their places as read at open, in order: the buckets are made from them when first needed. */
  read: { keys: string[]; places: number[] } | null;
}

const NO_PLACE = -1;

export class KeyOrder {
  private readonly indexes = new Map<string, Index>();

  /** `partOf` names the bucket a key of a record lives in (storage/partitions.ts, given by the caller: no import cycle). */
  constructor(private readonly partOf: (key: string, entry: string) => string) {}

  /**
   * The record `key` as its bucket files hold it (`found`: their contents), its keys in their
   * places. Each file lists its keys in place order (contentOf writes a bucket from this index), so
   * the entries are put at their places directly; a file edited by hand (two keys at one place, a
   * place far beyond the keys) is sorted instead. Keys without a place (a file written before
   * places) come last, in file order. Which bucket each key belongs to is worked out when a change
   * first writes one (a key is then indexed in its own bucket, whichever file it was read from, and
   * written there), not while the bot starts.
   */
  load(key: string, found: Array<Record<string, unknown>>): Record<string, unknown> {
    // Each file's keys, entries and places, read once (NO_PLACE where a file has none).
    const keys: string[] = [];
    const values: unknown[] = [];
    const places: number[] = [];
    let last = NO_PLACE;
    for (const content of found) {
      const record = (content[key] ?? {}) as Record<string, unknown>;
      const order = Array.isArray(content[ORDER_FIELD]) ? (content[ORDER_FIELD] as unknown[]) : [];
      const inFile = Object.keys(record);
      const entries = Object.values(record);
      for (let i = 0; i < inFile.length; i++) {
        const p = order[i];
        const place = typeof p === "number" && p >= 0 && Number.isSafeInteger(p) ? p : NO_PLACE;
        if (place > last) last = place;
        keys.push(inFile[i] as string);
        values.push(entries[i]);
        places.push(place);
      }
    }
    const out: Record<string, unknown> = {};
    const read = { keys: [] as string[], places: [] as number[] };
    let next = last + 1;
    const put = (i: number, place: number) => {
      const k = keys[i] as string;
      // A key in two files (edited by hand): the later one's entry, at its first place.
      const again = Object.hasOwn(out, k);
      out[k] = values[i];
      if (again) return;
      read.keys.push(k);
      read.places.push(place);
    };
    for (const i of inPlaceOrder(places, last)) put(i, places[i] as number);
    // Keys without a place (a file written before places) after the last, in file order.
    for (let i = 0; i < places.length; i++) if (places[i] === NO_PLACE) put(i, next++);
    this.indexes.set(key, { next, buckets: null, read });
    return out;
  }

  /** Every key of `record` again, in its order now (a record replaced whole, or put back after a failed write). */
  rebuild(key: string, record: Record<string, unknown>): void {
    const keys = Object.keys(record);
    this.indexes.set(key, { next: keys.length, buckets: null, read: { keys, places: keys.map((_, i) => i) } });
  }

  added(key: string, k: string): void {
    const buckets = this.buckets(key);
    const part = this.partOf(key, k);
    unlist(buckets, part, k);
    const bucket = bucketOf(buckets, part);
    bucket.keys.push(k);
    bucket.places.push(this.index(key).next++);
  }

  removed(key: string, k: string): void {
    if (this.indexes.has(key)) unlist(this.buckets(key), this.partOf(key, k), k);
  }

  /** The keys of one bucket, in order, with their places. */
  bucket(key: string, part: string): Bucket {
    return (this.indexes.has(key) ? this.buckets(key).get(part) : undefined) ?? { keys: [], places: [] };
  }

  private index(key: string): Index {
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = { next: 0, buckets: new Map(), read: null }));
    return index;
  }

  /** The buckets of record `key`, made from the keys read at open the first time they are needed. */
  private buckets(key: string): Map<string, Bucket> {
    const index = this.index(key);
    if (index.buckets) return index.buckets;
    const buckets = new Map<string, Bucket>();
    const read = index.read ?? { keys: [], places: [] };
    for (let i = 0; i < read.keys.length; i++) {
      const k = read.keys[i] as string;
      const bucket = bucketOf(buckets, this.partOf(key, k));
      bucket.keys.push(k);
      bucket.places.push(read.places[i] as number);
    }
    index.buckets = buckets;
    index.read = null;
    return buckets;
  }
}

function unlist(buckets: Map<string, Bucket>, part: string, k: string): void {
  const bucket = buckets.get(part);
  const at = bucket ? bucket.keys.indexOf(k) : -1;
  if (!bucket || at < 0) return;
  bucket.keys.splice(at, 1);
  bucket.places.splice(at, 1);
}

function bucketOf(buckets: Map<string, Bucket>, part: string): Bucket {
  let bucket = buckets.get(part);
  if (!bucket) buckets.set(part, (bucket = { keys: [], places: [] }));
  return bucket;
}

/**
 * The indexes of the entries that have a place, in place order. As the store writes them (each key
 * at a place of its own, places not far beyond the keys) each goes to its slot; otherwise (edited
 * by hand) a stable sort.
 */
function inPlaceOrder(places: number[], last: number): number[] {
  const n = places.length;
  if (last < 4 * n + 1024) {
    const slots: number[] = new Array(last + 1).fill(-1);
    let clash = false;
    for (let i = 0; i < n && !clash; i++) {
      const p = places[i] as number;
      if (p === NO_PLACE) continue;
      if (slots[p] === -1) slots[p] = i;
      else clash = true;
    }
    if (!clash) {
      const ranked: number[] = [];
      for (let p = 0; p <= last; p++) if ((slots[p] as number) >= 0) ranked.push(slots[p] as number);
      return ranked;
    }
  }
  return Array.from({ length: n }, (_, i) => i)
    .filter((i) => places[i] !== NO_PLACE)
    .sort((a, b) => (places[a] as number) - (places[b] as number) || a - b);
}
