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

/**
 * What a proxy handed out answers for its raw object, so that a proxy put back into the data is
 * stored as the object itself (a plain object has no such property).
 */
const TARGET = Symbol("tracked target");

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/**
 * The value as the data keeps it: a proxy replaced by its object, also inside a new object or list
 * built by the change (a filtered list of the same entries, say). New values are small, or lists of
 * entries, so the walk stays short.
 */
export function unwrap(value: unknown, seen = new Set<object>()): unknown {
  if (!isObject(value)) return value;
  const target = (value as { [TARGET]?: object })[TARGET];
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

/** Where a write under an entry goes: the entry's part, asked at the time of the write. */
interface PartOf {
  part(): string;
}

/** An entry of a record kept in buckets (an account, a session). */
class KeyPart implements PartOf {
  constructor(
    private readonly key: string,
    private readonly k: string,
  ) {}
  part(): string {
    return partOf(this.key, this.k);
  }
}

/** An entry of a list kept by a field (a delivery): its part follows the field's value now. */
class FieldPart implements PartOf {
  constructor(
    private readonly key: string,
    private readonly entry: Record<string, unknown>,
    private readonly field: string,
  ) {}
  part(): string {
    return partOf(this.key, String(this.entry[this.field]));
  }
}

/** A collection of a file of its own (the notices). */
class WholePart implements PartOf {
  constructor(private readonly key: string) {}
  part(): string {
    return this.key;
  }
}

/**
 * The proxies of one change: one per object, so that the same object is the same value throughout
 * the change. A change is short and reaches few objects: a Map, dropped with the view (a WeakMap per
 * change cost the collector more than the change itself when 1,000 answers came at once). The
 * handlers are objects of the classes below, their traps methods: no function is made per proxy.
 */
class View {
  private readonly cache = new Map<object, object>();
  /** Every write of the change, in order: what was there before (see undo). */
  private readonly writes: Array<{ target: object; key: string | symbol; had: boolean; old: unknown }> = [];
  private undoing = false;

  constructor(readonly marks: Marks) {}

  /**
   * Notes what `target[key]` holds before a write to it through its proxy (`value`: what is set). A
   * list's length is noted too when the write changes it: an entry set past the end makes it longer,
   * and a shorter length drops the entries beyond it, each noted first.
   */
  before(target: object, key: string | symbol, value?: unknown): void {
    if (this.undoing) return;
    if (Array.isArray(target)) {
      const index = typeof key === "string" ? Number(key) : Number.NaN;
      if (Number.isInteger(index) && index >= target.length) this.note(target, "length");
      if (key === "length" && typeof value === "number") for (let i = value; i < target.length; i++) this.note(target, String(i));
    }
    this.note(target, key);
  }

  private note(target: object, key: string | symbol): void {
    const had = Object.hasOwn(target, key);
    this.writes.push({ target, key, had, old: had ? (target as Record<string | symbol, unknown>)[key] : undefined });
  }

  /**
   * Puts back, last first, everything the change wrote: a change that throws changes nothing, even
   * after some of its writes (a rule that refuses half-way, a closed conference's data reached after
   * a person's account was written). Each is put back through the proxy it was made through, so the
   * parts it touched are marked and a record's index of keys follows.
   */
  undo(): void {
    this.undoing = true;
    for (let i = this.writes.length - 1; i >= 0; i--) {
      const { target, key, had, old } = this.writes[i] as (typeof this.writes)[number];
      const proxy = (this.cache.get(target) ?? target) as Record<string | symbol, unknown>;
      if (had) proxy[key] = old;
      else delete proxy[key];
    }
    this.writes.length = 0;
  }

  private made<T extends object>(target: T, handler: ProxyHandler<T>): T {
    const p = new Proxy(target, handler);
    this.cache.set(target, p);
    return p;
  }

  root<T extends object>(data: T): T {
    return (this.cache.get(data) as T | undefined) ?? this.made(data, new RootHandler(this) as ProxyHandler<T>);
  }

  /** A record kept in parts by key: writing an entry marks that entry's part. */
  record(target: object, key: string): object {
    return this.cache.get(target) ?? this.made(target, new RecordHandler(this, key));
  }

  /**
   * A list kept in parts by a field of its entries: writing a slot marks the part of the entry that
   * was there and of the one put there (a removal that shifts the list marks every part it moves).
   */
  list(target: unknown[], key: string, field: string): unknown[] {
    return (this.cache.get(target) as unknown[] | undefined) ?? this.made(target, new ListHandler(this, key, field));
  }

  /**
   * An entry and everything under it: any write marks the entry's part, asked at the time of the
   * write (and again after it, when the field that places the entry is the one written).
   */
  entry<T extends object>(target: T, source: PartOf, field?: string): T {
    return (this.cache.get(target) as T | undefined) ?? this.made(target, new EntryHandler(this, source, field) as ProxyHandler<T>);
  }

  /** An entry of the root, or a whole collection, set or removed. */
  markKey(key: string | symbol): void {
    if (typeof key !== "string") return;
    if (key in RULES) this.marks.everyPart(key);
    else this.marks.part(MAIN);
  }

  markPart(part: string | undefined): void {
    if (part !== undefined) this.marks.part(part);
  }
}

class RootHandler implements ProxyHandler<Record<string | symbol, unknown>> {
  constructor(private readonly view: View) {}

  get(t: Record<string | symbol, unknown>, key: string | symbol, receiver: unknown): unknown {
    if (key === TARGET) return t;
    const value = Reflect.get(t, key, receiver);
    if (typeof key !== "string" || !isObject(value)) return value;
    const rule = RULES[key];
    if (!rule) {
      this.view.marks.part(MAIN);
      return value;
    }
    if (rule.kind === "whole") return this.view.entry(value, new WholePart(key));
    return rule.kind === "by" ? this.view.list(value as unknown[], key, rule.field) : this.view.record(value, key);
  }

  set(t: object, key: string | symbol, value: unknown): boolean {
    this.view.before(t, key);
    this.view.markKey(key);
    return Reflect.set(t, key, unwrap(value));
  }

  deleteProperty(t: object, key: string | symbol): boolean {
    this.view.before(t, key);
    this.view.markKey(key);
    return Reflect.deleteProperty(t, key);
  }

  defineProperty(t: object, key: string | symbol, desc: PropertyDescriptor): boolean {
    this.view.before(t, key);
    this.view.markKey(key);
    return Reflect.defineProperty(t, key, { ...desc, value: unwrap(desc.value) });
  }
}

class RecordHandler implements ProxyHandler<Record<string | symbol, unknown>> {
  constructor(
    private readonly view: View,
    private readonly key: string,
  ) {}

  get(t: Record<string | symbol, unknown>, k: string | symbol, receiver: unknown): unknown {
    if (k === TARGET) return t;
    const value = Reflect.get(t, k, receiver);
    if (typeof k !== "string" || !isObject(value)) return value;
    // A record of one file per entry (a conference): like the main file's collections, its entry is
    // handed out as it is (structuredClone works on it) and its file marked as soon as it is read.
    if (RULES[this.key]?.kind === "entry") {
      this.view.marks.part(partOf(this.key, k));
      return value;
    }
    return this.view.entry(value, new KeyPart(this.key, k));
  }

  set(t: object, k: string | symbol, value: unknown): boolean {
    this.view.before(t, k);
    const isNew = typeof k === "string" && !Object.hasOwn(t, k);
    if (typeof k === "string") this.view.marks.part(partOf(this.key, k));
    const done = Reflect.set(t, k, unwrap(value));
    if (isNew && done) this.view.marks.keyAdded(this.key, k as string);
    return done;
  }

  deleteProperty(t: object, k: string | symbol): boolean {
    this.view.before(t, k);
    const had = typeof k === "string" && Object.hasOwn(t, k);
    if (typeof k === "string") this.view.marks.part(partOf(this.key, k));
    const done = Reflect.deleteProperty(t, k);
    if (had && done) this.view.marks.keyRemoved(this.key, k as string);
    return done;
  }

  defineProperty(t: object, k: string | symbol, desc: PropertyDescriptor): boolean {
    this.view.before(t, k);
    const isNew = typeof k === "string" && !Object.hasOwn(t, k);
    if (typeof k === "string") this.view.marks.part(partOf(this.key, k));
    const done = Reflect.defineProperty(t, k, { ...desc, value: unwrap(desc.value) });
    if (isNew && done) this.view.marks.keyAdded(this.key, k as string);
    return done;
  }
}

class ListHandler implements ProxyHandler<unknown[]> {
  constructor(
    private readonly view: View,
    private readonly key: string,
    private readonly field: string,
  ) {}

  private partAt(t: unknown[], i: number): string | undefined {
    const e = t[i];
    return isObject(e) ? partOf(this.key, String((e as Record<string, unknown>)[this.field])) : undefined;
  }

  private markSlot(t: unknown[], k: string | symbol, value?: unknown): void {
    if (typeof k !== "string") return;
    if (k === "length") {
      for (let i = Number(value); i < t.length; i++) this.view.markPart(this.partAt(t, i));
      return;
    }
    const i = Number(k);
    if (!Number.isInteger(i) || i < 0) {
      this.view.marks.everyPart(this.key);
      return;
    }
    this.view.markPart(this.partAt(t, i));
    if (isObject(value)) this.view.markPart(partOf(this.key, String((value as Record<string, unknown>)[this.field])));
  }

  get(t: unknown[], k: string | symbol, receiver: unknown): unknown {
    if (k === TARGET) return t;
    const value = Reflect.get(t, k, receiver);
    if (typeof k !== "string" || !isObject(value) || !/^\d+$/.test(k)) return value;
    const entry = value as Record<string, unknown>;
    return this.view.entry(entry, new FieldPart(this.key, entry, this.field), this.field);
  }

  set(t: unknown[], k: string | symbol, value: unknown): boolean {
    this.view.before(t, k, value);
    this.markSlot(t, k, value);
    return Reflect.set(t, k, unwrap(value));
  }

  deleteProperty(t: unknown[], k: string | symbol): boolean {
    this.view.before(t, k);
    this.markSlot(t, k);
    return Reflect.deleteProperty(t, k);
  }

  defineProperty(t: unknown[], k: string | symbol, desc: PropertyDescriptor): boolean {
    this.view.before(t, k, desc.value);
    this.markSlot(t, k, desc.value);
    return Reflect.defineProperty(t, k, { ...desc, value: unwrap(desc.value) });
  }
}

class EntryHandler implements ProxyHandler<object> {
  constructor(
    private readonly view: View,
    private readonly source: PartOf,
    private readonly field: string | undefined,
  ) {}

  get(t: object, k: string | symbol, receiver: unknown): unknown {
    if (k === TARGET) return t;
    const value = Reflect.get(t, k, receiver);
    return isObject(value) ? this.view.entry(value, this.source) : value;
  }

  set(t: object, k: string | symbol, value: unknown): boolean {
    this.view.before(t, k, value);
    this.view.marks.part(this.source.part());
    const done = Reflect.set(t, k, unwrap(value));
    if (k === this.field) this.view.marks.part(this.source.part());
    return done;
  }

  deleteProperty(t: object, k: string | symbol): boolean {
    this.view.before(t, k);
    this.view.marks.part(this.source.part());
    return Reflect.deleteProperty(t, k);
  }

  defineProperty(t: object, k: string | symbol, desc: PropertyDescriptor): boolean {
    this.view.before(t, k, desc.value);
    this.view.marks.part(this.source.part());
    const done = Reflect.defineProperty(t, k, { ...desc, value: unwrap(desc.value) });
    if (k === this.field) this.view.marks.part(this.source.part());
    return done;
  }
}

/** The data as one change sees it (the same values, every write noted in `marks`), and how to undo what the change wrote. */
export function trackedChange<T extends object>(data: T, marks: Marks): { data: T; undo: () => void } {
  const view = new View(marks);
  return { data: view.root(data), undo: () => view.undo() };
}
