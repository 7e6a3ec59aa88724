// The conference file at start, without parsing its YAML again when it has not changed since the last start.
// What the YAML parser made of the file (plain data) is kept in a cache, keyed by the file's content and the
// parser's version; the schema still checks that data at every start. A miss, data that the schema now
// refuses, or a cache that cannot be read all go through the parser itself (load.ts), so a wrong file is
// reported exactly as loadConference reports it, with its lines.
import { createHash, randomBytes } from "node:crypto";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { readConferenceText } from "./errors.js";
import { Conference } from "./schema.js";

/** Changes when parseConferenceText reads YAML differently (its options, the YAML schema): every old entry then misses. */
const CACHE_FORMAT = 1;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The entry's key: the file's content, the cache's format and the version of the YAML parser that read it. */
function cacheKey(text: string): string {
  const yamlVersion = (createRequire(import.meta.url)("yaml/package.json") as { version: string }).version;
  return sha256(`${CACHE_FORMAT}\0${yamlVersion}\0${text}`);
}

/**
 * Loads a conference file as loadConference does, with the YAML parser's output cached in `cacheDir`
 * (one entry per conference file). Throws ConferenceFileError for a file that is missing or wrong.
 */
export async function loadConferenceCached(file: string, cacheDir: string): Promise<Conference> {
  const text = readConferenceText(file);
  const key = cacheKey(text);
  const entry = path.join(cacheDir, `conference-${sha256(path.resolve(file)).slice(0, 16)}.json`);
  const cached = readEntry(entry, key);
  if (cached !== undefined) {
    const checked = Conference.safeParse(cached);
    if (checked.success) return checked.data;
  }
  // The parser (and its ~60 modules) is loaded only here.
  const { parseConferenceText } = await import("./load.js");
  const { conference, data } = parseConferenceText(text, file);
  writeEntry(entry, key, data);
  return conference;
}

function readEntry(entry: string, key: string): object | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(entry, "utf8")) as { key?: unknown; data?: unknown };
    return saved.key === key && typeof saved.data === "object" && saved.data !== null ? saved.data : undefined;
  } catch {
    // No entry yet, or one cut short: parse the file.
    return undefined;
  }
}

function writeEntry(entry: string, key: string, data: object): void {
  // JSON would change what the schema sees (.inf, .nan, -0): such a file is simply parsed at every start.
  if (!jsonSafe(data, new Set())) return;
  const tmp = `${entry}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    fs.mkdirSync(path.dirname(entry), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ key, data }));
    // Renamed into place: another process starting at the same time reads the old entry or the new, never half.
    fs.renameSync(tmp, entry);
  } catch {
    // A read-only installation: nothing is cached and the next start parses again.
    fs.rm(tmp, { force: true }, () => {});
  }
}

/** Whether JSON gives back exactly this value: plain objects, arrays, strings, finite numbers other than -0, booleans, null; no cycle. */
function jsonSafe(value: unknown, ancestors: Set<object>): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== "object" || ancestors.has(value)) return false;
  const proto = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null) return false;
  ancestors.add(value);
  const safe = Object.values(value).every((v) => jsonSafe(v, ancestors));
  ancestors.delete(value);
  return safe;
}
