// The store's layout on disk: which file each part of `Data` lives in, so that a change writes only the files it touches.
//
//   DATA_DIR/hoinghi.json                          "main": everything small (schedule, RSVPs, scores, tasks, …)
//   DATA_DIR/hoinghi.parts/notices.json            the notices (a list, whole)
//   DATA_DIR/hoinghi.parts/accounts/07.json        the accounts whose key hashes to bucket 7 of 32
//   DATA_DIR/hoinghi.parts/sessions/07.json        the sessions, likewise
//   DATA_DIR/hoinghi.parts/deliveries/07.json      the deliveries of the notices whose id hashes to bucket 7 of 64
//                                                  (a notice to 10,000 accounts has its bucket nearly to itself; the
//                                                  many notices of one delivery each — an answer told to the
//                                                  organizers — share 64 files instead of one file each)
//   DATA_DIR/hoinghi.parts/archive/deliveries/<id>.json   a compacted notice's deliveries (storage/archive.ts)
//   DATA_DIR/hoinghi.parts/commit.json             while a change of several files is being put in place (storage/parted-files.ts)
//
// Each part file is a JSON object holding its collection under the collection's own name
// (`{"accounts": {…}}`, `{"deliveries": […]}`), so a part read alone says what it is. A collection
// not named in RULES lives in the main file: a new collection needs nothing here. One more rule
// gives a collection its own files: `{ kind: "entry" }` keeps each entry of a record in a file of
// its own (`conferences/<id>.json` for a `conferences` record, say).
import path from "node:path";
import { KeyOrder, ORDER_FIELD } from "./key-order.js";
import { type StoreData as Data, emptyData } from "./schema.js";

export type Rule =
  /** The whole collection in one file of its own. */
  | { kind: "whole" }
  /** A record split over `buckets` files by a hash of its keys. */
  | { kind: "shard"; buckets: number }
  /** A record, one file per key. */
  | { kind: "entry" }
  /** A list grouped by one field of its entries, over `buckets` files by a hash of that field (one file per value without). */
  | { kind: "by"; field: string; buckets?: number };

export const RULES: Readonly<Record<string, Rule>> = {
  notices: { kind: "whole" },
  accounts: { kind: "shard", buckets: 32 },
  sessions: { kind: "shard", buckets: 32 },
  deliveries: { kind: "by", field: "noticeId", buckets: 64 },
  // One file per conference: a change to one conference writes its file only.
  conferences: { kind: "entry" },
};

export const MAIN = "main";

/** The collections kept out of the main file. */
export const PARTED_KEYS: readonly string[] = Object.keys(RULES);

/** FNV-1a, 32 bits: a stable bucket for a key, the same in every process and version. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Letters, digits, "-" and "_": a file name as it is (encodeURIComponent would leave it so). */
const PLAIN_NAME = /^[A-Za-z0-9_-]+$/;

/** A value as a file name: what a file system refuses or reads otherwise is percent-encoded. */
function fileSafe(value: string): string {
  if (PLAIN_NAME.test(value)) return value;
  const s = encodeURIComponent(value).replace(/\./g, "%2E").replace(/\*/g, "%2A");
  return s === "" ? "%" : s;
}

/** The names of each bucketed collection's parts (`accounts/07`), made once: a part is named for every key read at open. */
const BUCKET_PARTS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(RULES).flatMap(([key, rule]) => {
    const n = rule.kind === "shard" ? rule.buckets : rule.kind === "by" ? rule.buckets : undefined;
    return n ? [[key, Array.from({ length: n }, (_, i) => `${key}/${String(i).padStart(2, "0")}`)] as const] : [];
  }),
);

/** The part an entry of collection `key` belongs to (its record key, or the value of its `by` field). */
export function partOf(key: string, entry: string): string {
  const rule = RULES[key];
  if (!rule) return MAIN;
  if (rule.kind === "whole") return key;
  const buckets = BUCKET_PARTS.get(key);
  if (buckets) return buckets[hash(entry) % buckets.length] as string;
  return `${key}/${fileSafe(entry)}`;
}

/** A file of its own for one value (the archive of one notice's deliveries), whatever the collection's buckets. */
export function entryPart(key: string, entry: string): string {
  return `${key}/${fileSafe(entry)}`;
}

/** The collection a part holds ("main" for the main file). */
export function keyOfPart(part: string): string {
  const slash = part.indexOf("/");
  return slash < 0 ? part : part.slice(0, slash);
}

/** Where a part lives: the main file itself, or a file under the parts folder. */
export function partFile(mainFile: string, part: string): string {
  return part === MAIN ? mainFile : path.join(partsDir(mainFile), `${part}.json`);
}

/** `hoinghi.parts` beside `hoinghi.json`. */
export function partsDir(mainFile: string): string {
  return path.join(path.dirname(mainFile), `${path.basename(mainFile, ".json")}.parts`);
}

/** The folders of the parts (made at open). */
export function partFolders(mainFile: string): string[] {
  const root = partsDir(mainFile);
  const folders = [root, path.join(root, "archive", "deliveries")];
  for (const [key, rule] of Object.entries(RULES)) if (rule.kind !== "whole") folders.push(path.join(root, key));
  return folders;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The content of each of `parts` as `data` holds it now: an object to write, or null when the part
 * is empty (its file goes). One pass over each collection concerned, however many of its parts.
 */
export function contentOf(data: Data, parts: Iterable<string>, order?: KeyOrder): Map<string, Record<string, unknown> | null> {
  const out = new Map<string, Record<string, unknown> | null>();
  const byKey = new Map<string, string[]>();
  for (const part of parts) {
    const key = keyOfPart(part);
    byKey.set(key, [...(byKey.get(key) ?? []), part]);
  }
  const raw = data as unknown as Record<string, unknown>;
  for (const [key, wanted] of byKey) {
    if (key === MAIN) {
      out.set(MAIN, mainOf(data));
      continue;
    }
    const rule = RULES[key];
    if (!rule || rule.kind === "whole") {
      out.set(key, { [key]: raw[key] });
      continue;
    }
    if (rule.kind === "shard" && order) {
      // From the index of the bucket's keys: no walk over the whole record.
      const record = (raw[key] ?? {}) as Record<string, unknown>;
      for (const part of wanted) {
        const bucket = order.bucket(key, part);
        const entries: Record<string, unknown> = {};
        const places: number[] = [];
        for (const [i, k] of bucket.keys.entries()) {
          if (!Object.hasOwn(record, k)) continue;
          entries[k] = record[k];
          places.push(bucket.places[i] as number);
        }
        out.set(part, places.length === 0 ? null : { [key]: entries, [ORDER_FIELD]: places });
      }
      continue;
    }
    const groups = groupsOf(key, raw[key], new Set(wanted));
    for (const part of wanted) out.set(part, groups.get(part) ?? null);
  }
  return out;
}

/** Every part `data` holds now (empty ones excepted), for the whole layout. */
export function allParts(data: Data): string[] {
  const raw = data as unknown as Record<string, unknown>;
  const parts = [MAIN];
  for (const key of PARTED_KEYS) {
    const rule = RULES[key];
    if (rule?.kind === "whole") parts.push(key);
    else parts.push(...groupsOf(key, raw[key], undefined).keys());
  }
  return parts;
}

/** The main file's object: every collection not kept in parts, in the order of `data`. */
export function mainOf(data: Data): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!(k in RULES)) out[k] = v;
  return out;
}

/** The entries of a parted collection grouped by part (only the parts in `only`, when given). */
function groupsOf(key: string, value: unknown, only: Set<string> | undefined): Map<string, Record<string, unknown>> {
  const rule = RULES[key];
  const groups = new Map<string, Record<string, unknown>>();
  if (!rule || rule.kind === "whole") return groups;
  if (rule.kind === "by") {
    if (!Array.isArray(value)) return groups;
    for (const entry of value) {
      const part = partOf(key, String(isRecord(entry) ? entry[rule.field] : ""));
      if (only && !only.has(part)) continue;
      const group = groups.get(part);
      if (group) (group[key] as unknown[]).push(entry);
      else groups.set(part, { [key]: [entry] });
    }
    return groups;
  }
  if (!isRecord(value)) return groups;
  for (const [k, entry] of Object.entries(value)) {
    const part = partOf(key, k);
    if (only && !only.has(part)) continue;
    const group = groups.get(part);
    if (group) (group[key] as Record<string, unknown>)[k] = entry;
    else groups.set(part, { [key]: { [k]: entry } });
  }
  return groups;
}

/**
 * Puts the parts read from disk back together as one store object, `raw` being the main file's.
 * A parted collection the main file holds itself (a store of one file, before this layout, or a
 * file edited by hand) is taken from it; its parts, if any, are left to be replaced. Lists grouped
 * by a field come back in the order of the notices, then of their files. `emptyWhenAbsent`: a
 * parted collection with neither a file nor an entry in the main file is empty. A record split in
 * buckets comes back in the order it was written (storage/key-order.ts), its places kept in `order`.
 */
export function assemble(
  raw: Record<string, unknown>,
  parts: Map<string, Record<string, unknown>>,
  emptyWhenAbsent = true,
  order?: KeyOrder,
): { data: Record<string, unknown>; fromMain: string[] } {
  const data: Record<string, unknown> = { ...raw };
  const fromMain = PARTED_KEYS.filter((k) => k in raw);
  const byKey = new Map<string, Array<[string, Record<string, unknown>]>>();
  for (const [part, content] of parts) {
    const key = keyOfPart(part);
    byKey.set(key, [...(byKey.get(key) ?? []), [part, content]]);
  }
  // "whole" first: the notices order the deliveries.
  const keys = [...PARTED_KEYS].sort((a, b) => Number(RULES[b]?.kind === "whole") - Number(RULES[a]?.kind === "whole"));
  for (const key of keys) {
    if (fromMain.includes(key)) continue;
    const found = byKey.get(key);
    if (!found) continue;
    const rule = RULES[key];
    if (rule?.kind === "whole") data[key] = found[0]?.[1][key];
    else if (rule?.kind === "by") data[key] = inNoticeOrder(key, found, data.notices);
    else data[key] = (order ?? new KeyOrder(partOf)).load(key, found.map(([, c]) => c));
  }
  // A parted collection with no file is empty (a record with no entries, a list with none); a file
  // of version 0 gains its collections through its migration instead.
  const empty = emptyData() as unknown as Record<string, unknown>;
  if (emptyWhenAbsent) for (const key of PARTED_KEYS) if (!(key in data)) data[key] = empty[key];
  return { data: inStoreOrder(data), fromMain };
}

/**
 * The collections in the order of a new store (then any other, in the main file's order): the
 * store read back is the store that was written, down to the order of its keys.
 */
function inStoreOrder(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(emptyData())) if (k in data) out[k] = data[k];
  for (const [k, v] of Object.entries(data)) if (!(k in out)) out[k] = v;
  return out;
}

function inNoticeOrder(key: string, found: Array<[string, Record<string, unknown>]>, notices: unknown): unknown[] {
  const rank = new Map<string, number>();
  if (Array.isArray(notices)) {
    for (const [i, n] of notices.entries()) if (isRecord(n) && typeof n.id === "string") rank.set(n.id, i);
  }
  // A bucket holds several notices' deliveries: each entry by its notice's place (a stable sort keeps a
  // notice's own deliveries in their file's order; entries of a notice not listed come last, by file).
  const files = [...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const entries = files.flatMap(([, c]) => c[key] as unknown[]);
  const rankOf = (e: unknown) => rank.get(isRecord(e) ? String(e.noticeId) : "") ?? Number.MAX_SAFE_INTEGER;
  return entries.map((e, i) => [rankOf(e), i, e] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, , e]) => e);
}

/**
 * The part a path of the checked store names (`accounts["telegram:900"].unitId`, `deliveries[3]`):
 * where an invalid entry was read from. Null for the main file.
 */
export function partOfPath(data: Record<string, unknown>, issuePath: string): string | null {
  // A key is written `["a:b"]`, or `.key` when it reads as a name (a conference's id such as `cchc2026`, validate.ts formatPath).
  const m = /^([A-Za-z]+)(?:\[("(?:[^"\\]|\\.)*"|\d+)\]|\.([A-Za-z_$][\w$]*))?/.exec(issuePath);
  const key = m?.[1];
  const rule = key ? RULES[key] : undefined;
  if (!key || !rule) return null;
  if (rule.kind === "whole") return key;
  const sel = m?.[2] ?? (m?.[3] === undefined ? undefined : JSON.stringify(m[3]));
  if (sel === undefined) return null;
  if (rule.kind === "by") {
    const entry = (data[key] as unknown[] | undefined)?.[Number(sel)];
    return isRecord(entry) && typeof entry[rule.field] === "string" ? partOf(key, entry[rule.field] as string) : null;
  }
  return partOf(key, JSON.parse(sel) as string);
}
