// Reading the store from its files (storage/partitions.ts): the main file and its parts, put together, checked and migrated in memory.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { StoreFileCorrupt } from "./durable-file.js";
import { KeyOrder } from "./key-order.js";
import type { PartedFiles } from "./parted-files.js";
import { assemble, MAIN, partFile, partOf, partOfPath, partsDir, RULES } from "./partitions.js";
import { CONFERENCE_KEYS, type StoreData as Data, emptyData, migrate, SCHEMA_VERSION, StoreVersionTooNew } from "./schema.js";
import { checkStore, type StoreIssue } from "./validate.js";

/** An entry of the store does not fit the schema: start-up stops at the first one, naming the file it was read from. */
export class StoreInvalid extends StoreFileCorrupt {
  constructor(
    file: string,
    readonly issue: StoreIssue,
  ) {
    super(file, `${issue.path}: ${issue.detail} (in "${issue.path.split(/[.[]/)[0]}")`);
    this.name = "StoreInvalid";
  }
}

/** JSON, but not a store of this program (no schemaVersion, none of its collections): refused, never rewritten. */
export class StoreNotOurs extends StoreFileCorrupt {
  constructor(file: string) {
    super(file, "it has no schemaVersion and none of the store's collections, so it is not a store of this program");
    this.name = "StoreNotOurs";
  }
}

/** A file without schemaVersion is a version-0 store only if it holds at least one of the store's collections. */
function looksLikeOurs(raw: Record<string, unknown>): boolean {
  if (raw.schemaVersion !== undefined) return true;
  return [...Object.keys(emptyData()), ...CONFERENCE_KEYS].some((key) => key !== "schemaVersion" && key in raw);
}

/** The parts on disk: `notices`, `accounts/07`, `deliveries/<id>`… (not the main file, not the archive). */
export async function listParts(mainFile: string): Promise<string[]> {
  const root = partsDir(mainFile);
  const parts: string[] = [];
  for (const [key, rule] of Object.entries(RULES)) {
    if (rule.kind === "whole") {
      if (await fsp.access(path.join(root, `${key}.json`)).then(() => true, () => false)) parts.push(key);
      continue;
    }
    const names = await fsp.readdir(path.join(root, key)).catch(() => [] as string[]);
    for (const n of names) if (n.endsWith(".json")) parts.push(`${key}/${n.slice(0, -5)}`);
  }
  return parts;
}

export interface Loaded {
  /** The main file as read; null when there is none (a new store). */
  raw: Record<string, unknown> | null;
  loaded: Data;
  /** The main file's own version. */
  version: number;
  /** Parted collections the main file held itself (a store of one file): the layout is to be written. */
  fromMain: string[];
  /** The parts on disk. */
  onDisk: Set<string>;
  /** The places of the keys of records split in buckets. */
  order: KeyOrder;
}

/** Reads every part file; each must be an object holding its collection. */
async function readParts(mainFile: string, files: PartedFiles, parts: string[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const part of parts) {
    const file = partFile(mainFile, part);
    const content = await files.readCommitted(file);
    if (!content) continue;
    const key = part.split("/")[0] as string;
    if (!(key in content)) throw new StoreFileCorrupt(file, `it has no "${key}"`);
    out.set(part, content);
  }
  return out;
}

/**
 * The store as this version's data, checked and migrated in memory; nothing is written. The main
 * file's version decides; a part file that does not parse, or an entry that does not fit, stops it
 * naming that file.
 */
export async function readStore(mainFile: string, files: PartedFiles): Promise<Loaded> {
  // Throws StoreFileCorrupt for a file that does not parse; that file is never written over.
  const raw = await files.readCommitted(mainFile);
  const onDisk = new Set(await listParts(mainFile));
  // A change being put in place (a reader without the lock) may name parts not renamed yet.
  const root = partsDir(mainFile);
  for (const f of files.pendingFiles()) if (f !== mainFile) onDisk.add(path.relative(root, f).slice(0, -5).split(path.sep).join("/"));
  let version = SCHEMA_VERSION;
  if (!raw) {
    if (onDisk.size > 0) throw new StoreFileCorrupt(mainFile, `it is missing, while the parts of a store are in ${partsDir(mainFile)}`);
    return { raw, loaded: emptyData(), version, fromMain: [], onDisk, order: new KeyOrder(partOf) };
  }
  const v = raw.schemaVersion;
  if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0)) {
    throw new StoreFileCorrupt(mainFile, `"schemaVersion" is ${JSON.stringify(v)}, not a version number`);
  }
  if (!looksLikeOurs(raw)) throw new StoreNotOurs(mainFile);
  version = (v as number | undefined) ?? 0;
  if (version > SCHEMA_VERSION) throw new StoreVersionTooNew(mainFile, version);
  const order = new KeyOrder(partOf);
  const { data, fromMain } = assemble(raw, await readParts(mainFile, files, [...onDisk]), version > 0, order);
  const loaded = migrate(data, mainFile);
  // One schema for the whole store: the first entry that does not fit stops start-up, files untouched.
  const issue = checkStore(loaded);
  if (issue) {
    const part = fromMain.includes(issue.path.split(/[.[]/)[0] ?? "") ? null : partOfPath(loaded as unknown as Record<string, unknown>, issue.path);
    // A part with no file was made by a migration from what the main file held (a store of version 9's conference, `conferences._v9`).
    throw new StoreInvalid(partFile(mainFile, part !== null && onDisk.has(part) ? part : MAIN), issue);
  }
  return { raw, loaded, version, fromMain, onDisk, order };
}

/**
 * Every file of the store (its identity, time and size), to tell whether a reader without the
 * lock read one state of it: the same before and after the read.
 */
export async function filesSignature(mainFile: string): Promise<string> {
  const files = [mainFile, path.join(partsDir(mainFile), "commit.json"), ...(await listParts(mainFile)).map((p) => partFile(mainFile, p))];
  const stats = await Promise.all(files.map((f) => fsp.stat(f, { bigint: true }).then((s) => `${s.ino}:${s.mtimeNs}:${s.size}`, () => "-")));
  return files.map((f, i) => `${f}=${stats[i]}`).join("\n");
}

/**
 * The store as its files hold it now, put together without checks or migration, synchronously:
 * for tests and tools that look at the disk (what a kill left behind), never for the bot.
 */
export function readStoreFilesSync(dir: string, fileName = "hoinghi.json"): Data {
  const mainFile = path.resolve(dir, fileName);
  let last = "";
  for (let attempt = 0; ; attempt++) {
    const data = readFilesOnceSync(mainFile);
    const text = JSON.stringify(data);
    // Two reads alike: no change was being put in place meanwhile.
    if (text === last || attempt >= 20) return data;
    last = text;
  }
}

function readFilesOnceSync(mainFile: string): Data {
  const root = partsDir(mainFile);
  const parse = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const recordFile = path.join(root, "commit.json");
  const record = existsSync(recordFile) ? (parse(recordFile).files as Array<{ file: string; remove?: boolean }>) : [];
  const named = new Map(record.map((f) => [path.resolve(root, f.file), f] as const));
  const read = (file: string) => {
    const f = named.get(file);
    if (f?.remove) return undefined;
    return f && existsSync(`${file}.tmp`) ? parse(`${file}.tmp`) : existsSync(file) ? parse(file) : undefined;
  };
  const parts = new Map<string, Record<string, unknown>>();
  for (const [file, f] of named) {
    const rel = path.relative(root, file);
    if (!f.remove && file !== mainFile && existsSync(`${file}.tmp`)) parts.set(rel.slice(0, -5).split(path.sep).join("/"), parse(`${file}.tmp`));
  }
  for (const [key, rule] of Object.entries(RULES)) {
    const names = rule.kind === "whole" ? [`${key}.json`] : existsSync(path.join(root, key)) ? readdirSync(path.join(root, key)).map((n) => `${key}/${n}`) : [];
    for (const n of names) {
      const content = n.endsWith(".json") && !parts.has(n.slice(0, -5)) ? read(path.join(root, n)) : undefined;
      if (content) parts.set(n.slice(0, -5), content);
    }
  }
  return assemble(read(mainFile) ?? {}, parts).data as unknown as Data;
}
