// What a change touched: the data a change receives in mutate() notes the parts it writes (storage/partitions.ts).
//
// The change gets the store's data through proxies that note, at each write, the part written: an
// account's field marks that account's bucket, a delivery's field the file of its notice, a notice
// the notices' file; a collection of the main file marks the main file as soon as the change reads
// it (its values are handed out as they are — structuredClone works on them — so nothing of them
// can be written unseen). Nothing is compared or serialized to
// find what changed; what a change never reached through its argument is not noted, which is why
// the store checks every write against the whole in tests (store.ts, `verify`).
import { MAIN, partOf, RULES } from "./partitions.js";

/** Notes a part as changed; `everyPart` a whole collection (replaced, or changed in a way with no one part). */
export interface Marks {
  part(part: string): void;
  everyPart(key: string): void;
  /** A record kept in parts gained key `k` (or lost it): its index follows (storage/key-order.ts). */
  keyAdded(key: string, k: string): void;
  keyRemoved(key: string, k: string): void;
}

/** The raw object behind each proxy handed out, so that a proxy put back into the data is stored as the object itself. */
const targets = new WeakMap<object, object>();

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/**
 * The value as the data keeps it: a proxy replaced by its object, also inside a new object or list
 * built by the change (a filtered list of the same entries, say). New values are small, or lists of
 * entries, so the walk stays short.
 */
export function unwrap(value: unknown, seen = new Set<object>()): unknown {
  if (!isObject(value)) return value;
  const target = targets.get(value);
  if (target) return target;
  if (seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (isObject(v)) value[i] = unwrap(v, seen);
    }
  } else if (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null) {
    for (const k of Object.keys(value)) {
      const v = (value as Record<string, unknown>)[k];
      if (isObject(v)) (value as Record<string, unknown>)[k] = unwrap(v, seen);
    }
  }
  return value;
}

/** The proxies of one change: one per object, so that the same object is the same value throughout the change. */
class View {
  private readonly cache = new WeakMap<object, object>();

  constructor(private readonly marks: Marks) {}

  private cached<T extends object>(target: T, make: () => T): T {
    let p = this.cache.get(target) as T | undefined;
    if (!p) {
      p = make();
      this.cache.set(target, p);
      targets.set(p, target);
    }
    return p;
  }

  root<T extends object>(data: T): T {
    const marks = this.marks;
    return this.cached(data, () =>
      new Proxy(data, {
        get: (t, key, receiver) => {
          const value = Reflect.get(t, key, receiver);
          if (typeof key !== "string" || !isObject(value)) return value;
          const rule = RULES[key];
          if (!rule) {
            marks.part(MAIN);
            return value;
          }
          if (rule.kind === "whole") return this.entry(value, () => key);
          return rule.kind === "by" ? this.list(value as unknown[], key, rule.field) : this.record(value, key);
        },
        set: (t, key, value) => {
          this.markKey(key);
          return Reflect.set(t, key, unwrap(value));
        },
        deleteProperty: (t, key) => {
          this.markKey(key);
          return Reflect.deleteProperty(t, key);
        },
        defineProperty: (t, key, desc) => {
          this.markKey(key);
          return Reflect.defineProperty(t, key, { ...desc, value: unwrap(desc.value) });
        },
      }),
    );
  }

  private markKey(key: string | symbol): void {
    if (typeof key !== "string") return;
    if (key in RULES) this.marks.everyPart(key);
    else this.marks.part(MAIN);
  }

  /** A record kept in parts by key: writing an entry marks that entry's part. */
  private record(target: object, key: string): object {
    return this.cached(target, () =>
      new Proxy(target, {
        get: (t, k, receiver) => {
          const value = Reflect.get(t, k, receiver);
          if (typeof k !== "string" || !isObject(value)) return value;
          // A record of one file per entry (a conference): like the main file's collections, its entry is
          // handed out as it is (structuredClone works on it) and its file marked as soon as it is read.
          if (RULES[key]?.kind === "entry") {
            this.marks.part(partOf(key, k));
            return value;
          }
          return this.entry(value, () => partOf(key, k));
        },
        set: (t, k, value) => {
          const isNew = typeof k === "string" && !Object.hasOwn(t, k);
          if (typeof k === "string") this.marks.part(partOf(key, k));
          const done = Reflect.set(t, k, unwrap(value));
          if (isNew && done) this.marks.keyAdded(key, k as string);
          return done;
        },
        deleteProperty: (t, k) => {
          const had = typeof k === "string" && Object.hasOwn(t, k);
          if (typeof k === "string") this.marks.part(partOf(key, k));
          const done = Reflect.deleteProperty(t, k);
          if (had && done) this.marks.keyRemoved(key, k as string);
          return done;
        },
        defineProperty: (t, k, desc) => {
          const isNew = typeof k === "string" && !Object.hasOwn(t, k);
          if (typeof k === "string") this.marks.part(partOf(key, k));
          const done = Reflect.defineProperty(t, k, { ...desc, value: unwrap(desc.value) });
          if (isNew && done) this.marks.keyAdded(key, k as string);
          return done;
        },
      }),
    );
  }

  /**
   * A list kept in parts by a field of its entries: writing a slot marks the part of the entry that
   * was there and of the one put there (a removal that shifts the list marks every part it moves).
   */
  private list(target: unknown[], key: string, field: string): unknown[] {
    const partAt = (t: unknown[], i: number) => {
      const e = t[i];
      return isObject(e) ? partOf(key, String((e as Record<string, unknown>)[field])) : undefined;
    };
    const markSlot = (t: unknown[], k: string | symbol, value?: unknown) => {
      if (typeof k !== "string") return;
      if (k === "length") {
        for (let i = Number(value); i < t.length; i++) this.markPart(partAt(t, i));
        return;
      }
      const i = Number(k);
      if (!Number.isInteger(i) || i < 0) return this.marks.everyPart(key);
      this.markPart(partAt(t, i));
      if (isObject(value)) this.markPart(partOf(key, String((value as Record<string, unknown>)[field])));
    };
    return this.cached(target, () =>
      new Proxy(target, {
        get: (t, k, receiver) => {
          const value = Reflect.get(t, k, receiver);
          if (typeof k !== "string" || !isObject(value) || !/^\d+$/.test(k)) return value;
          const entry = value as Record<string, unknown>;
          return this.entry(entry, () => partOf(key, String(entry[field])), field);
        },
        set: (t, k, value) => {
          markSlot(t, k, value);
          return Reflect.set(t, k, unwrap(value));
        },
        deleteProperty: (t, k) => {
          markSlot(t, k);
          return Reflect.deleteProperty(t, k);
        },
        defineProperty: (t, k, desc) => {
          markSlot(t, k, desc.value);
          return Reflect.defineProperty(t, k, { ...desc, value: unwrap(desc.value) });
        },
      }),
    );
  }

  private markPart(part: string | undefined): void {
    if (part !== undefined) this.marks.part(part);
  }

  /**
   * An entry and everything under it: any write marks the entry's part, asked at the time of the
   * write (and again after it, when the field that places the entry is the one written).
   */
  private entry<T extends object>(target: T, part: () => string, field?: string): T {
    return this.cached(target, () =>
      new Proxy(target, {
        get: (t, k, receiver) => {
          const value = Reflect.get(t, k, receiver);
          return isObject(value) ? this.entry(value, part) : value;
        },
        set: (t, k, value) => {
          this.marks.part(part());
          const done = Reflect.set(t, k, unwrap(value));
          if (k === field) this.marks.part(part());
          return done;
        },
        deleteProperty: (t, k) => {
          this.marks.part(part());
          return Reflect.deleteProperty(t, k);
        },
        defineProperty: (t, k, desc) => {
          this.marks.part(part());
          const done = Reflect.defineProperty(t, k, { ...desc, value: unwrap(desc.value) });
          if (k === field) this.marks.part(part());
          return done;
        },
      }),
    );
  }
}

/** The data as one change sees it: the same values, every write noted in `marks`. */
export function trackedView<T extends object>(data: T, marks: Marks): T {
  return new View(marks).root(data);
}
