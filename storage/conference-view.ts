// One conference's view of the store: the shared data (people, codes, notices) with that conference's own
// (its entry of `conferences`), as one `Data`. The services of a conference are given this view and
// never see another conference's answers, speeches or scores; what they change of a conference's own
// goes to its entry, and so to its file (storage/partitions.ts). A closed conference's own data can
// be read, never changed: a write to it throws ConferenceClosed before anything of it changes.
import { MAIN_FILE } from "./archive.js";
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
        // A symbol is the store's own question (what a tracked value stands for): answered as it is.
        get: (t, k, r) => (typeof k === "symbol" ? Reflect.get(t, k, r) : wrap(Reflect.get(t, k, r))),
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

/** What one view holds: the data it reads, its conference, and (inside a change) the entry once reached. */
class ViewState {
  /** The conference's entry, kept for the change's length (a change's view only: the store's own may see it replaced). */
  private kept: Record<string, unknown> | undefined;
  private wrap: (<T>(value: T) => T) | null | undefined;

  constructor(
    readonly root: StoreData,
    readonly id: string,
    /** Inside a change: the entry is kept, and a closed conference's own data refuses writes. */
    readonly guard: boolean,
    /** The store's main file, beside which a compacted notice's archive is read (storage/archive.ts). */
    readonly mainFile: string | undefined,
  ) {}

  entry(): Record<string, unknown> {
    if (this.kept) return this.kept;
    const c = this.root.conferences[this.id] as unknown as Record<string, unknown> | undefined;
    if (!c) throw new ConferenceMissing(this.id);
    if (this.guard) this.kept = c;
    return c;
  }

  /** The read-only wrapper of a closed conference inside a change; null otherwise. Asked only when its own data is reached. */
  frozen(): (<T>(value: T) => T) | null {
    if (this.wrap === undefined) this.wrap = this.guard && this.entry().status === "closed" ? readOnly(this.id) : null;
    return this.wrap;
  }

  holder(k: string | symbol): Record<string, unknown> {
    return typeof k === "string" && OWN.has(k) ? this.entry() : (this.root as unknown as Record<string, unknown>);
  }

  refuseClosed(k: string | symbol): void {
    if (typeof k === "string" && OWN.has(k) && this.frozen()) throw new ConferenceClosed(this.id);
  }
}

/** One handler for every view (no closures made per change): the state is the proxy's target. */
const HANDLER: ProxyHandler<ViewState> = {
  get(state, k) {
    if (k === "conferences") return undefined;
    if (k === MAIN_FILE) return state.mainFile;
    const value = Reflect.get(state.holder(k), k);
    if (typeof k !== "string" || !OWN.has(k)) return value;
    const wrap = state.frozen();
    return wrap ? wrap(value) : value;
  },
  set(state, k, value) {
    state.refuseClosed(k);
    return Reflect.set(state.holder(k), k, value);
  },
  deleteProperty(state, k) {
    state.refuseClosed(k);
    return Reflect.deleteProperty(state.holder(k), k);
  },
  has: (state, k) => k !== "conferences" && Reflect.has(state.holder(k), k),
  ownKeys: (state) => [...Object.keys(state.root).filter((k) => k !== "conferences"), ...CONFERENCE_KEYS.filter((k) => k in state.entry())],
  getOwnPropertyDescriptor(state, k): PropertyDescriptor | undefined {
    if (k === "conferences" || !Reflect.has(state.holder(k), k)) return undefined;
    return { value: HANDLER.get?.(state, k, undefined), writable: true, enumerable: true, configurable: true };
  },
  defineProperty(state, k, desc) {
    state.refuseClosed(k);
    return Reflect.defineProperty(state.holder(k), k, desc);
  },
};

/**
 * `root` seen as conference `id`'s Data. `root` may be the store's data or, inside a change, its
 * tracked data; `guard` (inside a change): a closed conference's own data refuses any write.
 */
export function conferenceView(root: StoreData, id: string, guard = false, mainFile?: string): Data {
  return new Proxy(new ViewState(root, id, guard, mainFile), HANDLER) as unknown as Data;
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
        seen = { data, view: conferenceView(data, id, false, root.file) };
      }
      return seen.view;
    },
    get writes() {
      return root.writes;
    },
    get changes() {
      return root.changes;
    },
    mutate: (change) =>
      // A rule that reads a compacted notice's deliveries inside the change finds its archive too (the view names the main file).
      root.mutate((d) => change(conferenceView(d, id, true, root.file))),
    flush: () => root.flush(),
    close: () => root.close(),
  };
}
