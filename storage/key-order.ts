// The keys of a record split in buckets (the accounts, the sessions): each key's place, so the record reads back in the order it was written, and each bucket's keys, so a bucket is written without a walk over the whole record.
//
// Places are numbers that only grow along the record's key order: a new key takes the place after
// the last one (a key removed and set again, which moves it to the end, too). The store learns of
// keys added and removed from the change's view (storage/tracking.ts); a record replaced whole is
// indexed again from scratch.

export const ORDER_FIELD = "order";

interface Index {
  places: Map<string, number>;
  next: number;
  buckets: Map<string, string[]>;
}

export class KeyOrder {
  private readonly indexes = new Map<string, Index>();

  /** `partOf` names the bucket a key of a record lives in (storage/partitions.ts, given by the caller: no import cycle). */
  constructor(private readonly partOf: (key: string, entry: string) => string) {}

  private index(key: string): Index {
    let index = this.indexes.get(key);
    if (!index) this.indexes.set(key, (index = { places: new Map(), next: 0, buckets: new Map() }));
    return index;
  }

  /** The keys, in order, with their places (read from the bucket files at open). */
  seed(key: string, entries: Array<[string, number]>): void {
    const index: Index = { places: new Map(), next: 0, buckets: new Map() };
    for (const [k, place] of entries) {
      index.places.set(k, place);
      if (place >= index.next) index.next = place + 1;
      this.bucket(index, key, k).push(k);
    }
    this.indexes.set(key, index);
  }

  /** Every key of `record` again, in its order now (a record replaced whole, or put back after a failed write). */
  rebuild(key: string, record: Record<string, unknown>): void {
    this.seed(key, Object.keys(record).map((k, i) => [k, i]));
  }

  added(key: string, k: string): void {
    const index = this.index(key);
    if (index.places.has(k)) this.removed(key, k);
    index.places.set(k, index.next++);
    this.bucket(index, key, k).push(k);
  }

  removed(key: string, k: string): void {
    const index = this.index(key);
    if (!index.places.delete(k)) return;
    const list = this.bucket(index, key, k);
    const at = list.indexOf(k);
    if (at >= 0) list.splice(at, 1);
  }

  /** The keys of one bucket, in order. */
  keysOf(key: string, part: string): string[] {
    return this.indexes.get(key)?.buckets.get(part) ?? [];
  }

  place(key: string, k: string): number {
    return this.indexes.get(key)?.places.get(k) ?? 0;
  }

  private bucket(index: Index, key: string, k: string): string[] {
    const part = this.partOf(key, k);
    let list = index.buckets.get(part);
    if (!list) index.buckets.set(part, (list = []));
    return list;
  }
}

/**
 * The entries of a record's bucket files in their places; the places, to seed a KeyOrder. Each file
 * lists its keys in place order (storage/partitions.ts writes a bucket from its index): the files are
 * merged, not sorted, unless one is not in order. Keys without a place (a file written before places) come last.
 */
export function inPlaces(key: string, found: Array<Record<string, unknown>>): { record: Record<string, unknown>; places: Array<[string, number]> } {
  const files = found.map((content) => {
    const values = (content[key] ?? {}) as Record<string, unknown>;
    const keys = Object.keys(values);
    const order = Array.isArray(content[ORDER_FIELD]) ? (content[ORDER_FIELD] as unknown[]) : [];
    const places = keys.map((_, i) => (typeof order[i] === "number" ? (order[i] as number) : Number.MAX_SAFE_INTEGER));
    const sorted = places.every((p, i) => i === 0 || (places[i - 1] as number) <= p);
    return { values, keys, places, sorted, at: 0 };
  });
  const merged: Array<[string, unknown, number]> = [];
  if (files.every((f) => f.sorted)) {
    for (;;) {
      let best: (typeof files)[number] | undefined;
      for (const f of files) if (f.at < f.keys.length && (!best || (f.places[f.at] as number) < (best.places[best.at] as number))) best = f;
      if (!best) break;
      const k = best.keys[best.at] as string;
      merged.push([k, best.values[k], best.places[best.at] as number]);
      best.at += 1;
    }
  } else {
    for (const f of files) for (const [i, k] of f.keys.entries()) merged.push([k, f.values[k], f.places[i] as number]);
    merged.sort((a, b) => a[2] - b[2]);
  }
  const record: Record<string, unknown> = {};
  for (const [k, v] of merged) record[k] = v;
  // The places as the files hold them (a bucket written later continues from them); one without, after the last.
  let next = merged.reduce((m, [, , p]) => (p === Number.MAX_SAFE_INTEGER ? m : Math.max(m, p + 1)), 0);
  return { record, places: merged.map(([k, , p]): [string, number] => [k, p === Number.MAX_SAFE_INTEGER ? next++ : p]) };
}
