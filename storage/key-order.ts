// The order of a record's keys across its bucket files: each bucket file carries its keys' places, so the record reads back in the order it was written.
//
// A record split by a hash of its keys (the accounts, the sessions) would otherwise come back in
// bucket order. Places are numbers that only grow along the record's key order: a new key takes
// the place after the last one; one whose place no longer follows (removed and set again, which
// moves it to the end) takes a new one, and its bucket is written again.
import { partOf } from "./partitions.js";

export const ORDER_FIELD = "order";

export class KeyOrder {
  private readonly places = new Map<string, Map<string, number>>();

  /** The places read from the bucket files of `key` at open. */
  seed(key: string, entries: Array<[string, number]>): void {
    this.places.set(key, new Map(entries));
  }

  /** Places for every key of `record` in its order now; the parts whose keys took a new place. */
  refresh(key: string, record: Record<string, unknown>): Set<string> {
    let places = this.places.get(key);
    if (!places) this.places.set(key, (places = new Map()));
    const changed = new Set<string>();
    let prev = Number.NEGATIVE_INFINITY;
    const keys = Object.keys(record);
    for (const k of keys) {
      const place = places.get(k);
      if (place !== undefined && place > prev) {
        prev = place;
        continue;
      }
      prev = prev === Number.NEGATIVE_INFINITY ? 0 : prev + 1;
      places.set(k, prev);
      changed.add(partOf(key, k));
    }
    if (places.size > keys.length) for (const k of places.keys()) if (!(k in record)) places.delete(k);
    return changed;
  }

  place(key: string, k: string): number {
    return this.places.get(key)?.get(k) ?? 0;
  }
}

/** The entries of a record's bucket files in their places; the places, to seed a KeyOrder. */
export function inPlaces(key: string, files: Array<Record<string, unknown>>): { record: Record<string, unknown>; places: Array<[string, number]> } {
  const all: Array<[string, unknown, number]> = [];
  for (const content of files) {
    const entries = Object.entries((content[key] ?? {}) as Record<string, unknown>);
    const order = Array.isArray(content[ORDER_FIELD]) ? (content[ORDER_FIELD] as unknown[]) : [];
    for (const [i, [k, v]] of entries.entries()) all.push([k, v, typeof order[i] === "number" ? (order[i] as number) : Number.MAX_SAFE_INTEGER]);
  }
  all.sort((a, b) => a[2] - b[2]);
  const record: Record<string, unknown> = {};
  for (const [k, v] of all) record[k] = v;
  return { record, places: all.map(([k, , p]) => [k, p]) };
}
