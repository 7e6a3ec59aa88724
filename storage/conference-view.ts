// One conference's view of the store: the shared data (people, codes, notices) with that conference's own
// (its entry of `conferences`), as one `Data`. The services of a conference are given this view and
// never see another conference's answers, speeches or scores; what they change of a conference's own
// goes to its entry, and so to its file (storage/partitions.ts). A closed conference's own data can
// be read, never changed: a write to it throws ConferenceClosed before anything of it changes.
import { registerArchive } from "./archive.js";
import { CONFERENCE_KEYS, type Data, type StoreData } from "./schema.js";
import type { RootStore, Store } from "./store.js";

/** A change to a closed conference's own data was asked: closed conferences never change again. */
export class ConferenceClosed extends Error {
  constructor(readonly conference: string) {
    super(`conference ${conference} is closed: its data is read only`);
    this.name = "ConferenceClosed";
  }
}

/** The store holds no conference of this id. */
export class ConferenceMissing extends Error {
  constructor(readonly conference: string) {
    super(`no conference ${conference} in the store`);
    this.name = "ConferenceMissing";
  }
}

const OWN: ReadonlySet<string> = new Set(CONFERENCE_KEYS);

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null;

/** Deep read-only proxies of a closed conference's values, one per object. */
function readOnly(id: string): <T>(value: T) => T {
  const cache = new WeakMap<object, object>();
  const refuse = (): never => {
    throw new ConferenceClosed(id);
  };
  const wrap = <T>(value: T): T => {
    if (!isObject(value)) return value;
    let p = cache.get(value);
    if (!p) {
      p = new Proxy(value, {
        get: (t, k, r) => wrap(Reflect.get(t, k, r)),
        set: refuse,
        deleteProperty: refuse,
        defineProperty: refuse,
      });
      cache.set(value, p);
    }
    return p as T;
  };
  return wrap;
}

/**
 * `root` seen as conference `id`'s Data. `root` may be the store's data or, inside a change, its
 * tracked data; `guard` (inside a change): a closed conference's own data refuses any write.
 */
export function conferenceView(root: StoreData, id: string, guard = false): Data {
  const entry = () => {
    const c = root.conferences[id];
    if (!c) throw new ConferenceMissing(id);
    return c as unknown as Record<string, unknown>;
  };
  // Asked only when the conference's own data is reached (which marks its file anyway): a change of shared data alone leaves the file alone.
  let frozenWrap: (<T>(value: T) => T) | null | undefined;
  const frozen = () => {
    if (frozenWrap === undefined) frozenWrap = guard && entry().status === "closed" ? readOnly(id) : null;
    return frozenWrap;
  };
  const shared = root as unknown as Record<string, unknown>;
  const keys = (): string[] => [...Object.keys(shared).filter((k) => k !== "conferences"), ...CONFERENCE_KEYS.filter((k) => k in entry())];
  const holder = (k: string | symbol) => (typeof k === "string" && OWN.has(k) ? entry() : shared);
  const view: Record<string, unknown> = new Proxy({} as Record<string, unknown>, {
    get: (_t, k) => {
      if (k === "conferences") return undefined;
      const value = Reflect.get(holder(k), k);
      if (typeof k !== "string" || !OWN.has(k)) return value;
      const wrap = frozen();
      return wrap ? wrap(value) : value;
    },
    set: (_t, k, value) => {
      if (typeof k === "string" && OWN.has(k) && frozen()) throw new ConferenceClosed(id);
      return Reflect.set(holder(k), k, value);
    },
    deleteProperty: (_t, k) => {
      if (typeof k === "string" && OWN.has(k) && frozen()) throw new ConferenceClosed(id);
      return Reflect.deleteProperty(holder(k), k);
    },
    has: (_t, k) => k !== "conferences" && Reflect.has(holder(k), k),
    ownKeys: () => keys(),
    getOwnPropertyDescriptor: (_t, k): PropertyDescriptor | undefined => {
      if (k === "conferences" || !Reflect.has(holder(k), k)) return undefined;
      return { value: view[k as string], writable: true, enumerable: true, configurable: true };
    },
    defineProperty: (_t, k, desc) => {
      if (typeof k === "string" && OWN.has(k) && frozen()) throw new ConferenceClosed(id);
      return Reflect.defineProperty(holder(k), k, desc);
    },
  });
  return view as unknown as Data;
}

/**
 * Conference `id`'s store: its data is the view above, a change is a change of the whole store
 * (the same group commit, the same guarantees), writing the conference's file and the shared files
 * it touched. Closing it closes the whole store.
 */
export function conferenceStore(root: RootStore, id: string): Store {
  let seen: { data: StoreData; view: Data } | undefined;
  return {
    get file() {
      return root.file;
    },
    get dir() {
      return root.dir;
    },
    get data() {
      const data = root.data;
      if (!seen || seen.data !== data) {
        const view = conferenceView(data, id);
        registerArchive(view, root.file);
        seen = { data, view };
      }
      return seen.view;
    },
    get writes() {
      return root.writes;
    },
    get changes() {
      return root.changes;
    },
    mutate: (change) => root.mutate((d) => change(conferenceView(d, id, true))),
    flush: () => root.flush(),
    close: () => root.close(),
  };
}
