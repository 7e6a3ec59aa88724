// Reads a conference file: YAML parsed with node positions, checked against the schema, errors located by line.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Document, parseDocument } from "yaml";
import type { z } from "zod";
import { type ConferenceErrorCode, ConferenceFileError, type ConferenceIssue, readConferenceText } from "./errors.js";
import { loadReformMapping, mappingPath } from "./reform.js";
import { Conference } from "./schema.js";


type PathSeg = PropertyKey;

/** "units[3].kind" from ["units", 3, "kind"]. */
export function dottedPath(path: readonly PathSeg[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

interface Located {
  line: number;
  column: number;
}

/**
 * The position of the node at `path` in the YAML document: the key of a mapping entry, or the item
 * of a sequence. When the path does not exist (a missing field), the nearest existing ancestor.
 */
function locate(doc: Document, lc: LineCounter, path: readonly PathSeg[]): Located {
  const pos = (offset: number | undefined): Located => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
  };
  let node: unknown = doc.contents;
  let here: Located = pos((doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0);
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) break;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      const value = pair.value as { range?: [number, number, number] } | null;
      here = pos(keyRange?.[0] ?? value?.range?.[0]);
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      if (item.range) here = pos(item.range[0]);
      node = item;
    } else {
      break;
    }
  }
  return here;
}

/** The plain value at `path`, and whether its parent object lacks that key. */
function valueAt(data: unknown, path: readonly PathSeg[]): { value: unknown; missing: boolean } {
  let cur: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as PathSeg;
    if (cur === null || typeof cur !== "object") return { value: undefined, missing: false };
    const obj = cur as Record<PropertyKey, unknown>;
    if (i === path.length - 1 && !Array.isArray(cur) && !(seg in obj)) return { value: undefined, missing: true };
    cur = obj[seg];
  }
  return { value: cur, missing: false };
}

function show(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

/** The expected type as a Fluent selector: string, number, integer, array, object, boolean, or other. */
function expectedName(expected: unknown): string {
  switch (expected) {
    case "string":
    case "number":
    case "array":
    case "object":
    case "boolean":
      return expected;
    case "int":
      return "integer";
    default:
      return "other";
  }
}

/** What a size bound applies to, as a Fluent selector: array, string, number, number-above/-below (strict), other. */
function boundOrigin(origin: unknown, inclusive: boolean | undefined, strict: "above" | "below"): string {
  if (origin === "array" || origin === "string") return origin;
  if (origin === "number" || origin === "int" || origin === "bigint") return inclusive === false ? `number-${strict}` : "number";
  return "other";
}

/** zod's issue for a union: keep the alternative that got furthest (fewest faults). */
function unionBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] | undefined {
  if (issue.code !== "invalid_union") return undefined;
  const branches = issue.errors.filter((b) => b.length > 0);
  if (branches.length === 0) return undefined;
  const rootTypeOnly = (b: z.core.$ZodIssue[]) => b.every((i) => i.code === "invalid_type" && i.path.length === 0);
  // A value of the wrong shape fails every alternative the same way: report it once, as a type fault.
  if (branches.every(rootTypeOnly)) return undefined;
  return [...branches].sort((a, b) => a.length - b.length)[0];
}

function toIssues(
  file: string,
  doc: Document,
  lc: LineCounter,
  data: unknown,
  zIssues: readonly z.core.$ZodIssue[],
  base: readonly PathSeg[] = [],
): ConferenceIssue[] {
  const out: ConferenceIssue[] = [];
  for (const zi of zIssues) {
    let path: PathSeg[] = [...base, ...zi.path];
    const branch = unionBranch(zi);
    if (branch) {
      out.push(...toIssues(file, doc, lc, data, branch, path));
      continue;
    }
    const params: Record<string, string | number> = {};
    const { value, missing } = valueAt(data, path);
    let code: ConferenceErrorCode;
    if (missing) {
      code = "conf-err-required";
    } else if (zi.message.startsWith("conf-err-")) {
      code = zi.message as ConferenceErrorCode;
      const extra = (zi as { params?: Record<string, unknown> }).params;
      for (const [k, v] of Object.entries(extra ?? {})) params[k] = typeof v === "number" ? v : show(v);
      params.value = show(value);
    } else {
      switch (zi.code) {
        case "invalid_type":
          code = "conf-err-type";
          params.expected = expectedName(zi.expected);
          params.value = show(value);
          break;
        case "invalid_union":
          code = "conf-err-type";
          params.expected = "other";
          params.value = show(value);
          break;
        case "unrecognized_keys":
          code = "conf-err-unknown-field";
          params.key = zi.keys[0] ?? "";
          params.keys = zi.keys.join(", ");
          params.count = zi.keys.length;
          if (zi.keys[0] !== undefined) path = [...path, zi.keys[0]];
          break;
        case "invalid_value":
          code = "conf-err-enum";
          params.values = zi.values.map(String).join(", ");
          params.value = show(value);
          break;
        case "too_small":
          code = "conf-err-too-small";
          params.origin = boundOrigin(zi.origin, zi.inclusive, "above");
          params.minimum = Number(zi.minimum);
          break;
        case "too_big":
          code = "conf-err-too-big";
          params.origin = boundOrigin(zi.origin, zi.inclusive, "below");
          params.maximum = Number(zi.maximum);
          break;
        case "invalid_format":
          code = "conf-err-format";
          params.format = zi.format;
          params.value = show(value);
          break;
        default:
          code = "conf-err-invalid";
          params.value = show(value);
      }
    }
    const { line, column } = locate(doc, lc, path);
    out.push({ file, line, column, field: dottedPath(path), code, params });
  }
  return out;
}

/** Parses and validates conference YAML text; `file` names it in errors. Throws ConferenceFileError. */
export function parseConference(text: string, file: string): Conference {
  return parseConferenceText(text, file).conference;
}

/**
 * parseConference, also giving the parsed YAML before the schema checked it: plain data, which
 * the start-up cache keeps (cached.ts) so that an unchanged file is not parsed again.
 */
export function parseConferenceText(text: string, file: string): { conference: Conference; data: object } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConferenceFileError(
      doc.errors.map((e) => {
        const at = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
        return {
          file,
          line: at.line,
          column: at.col,
          field: "",
          code: "conf-err-yaml" as const,
          params: { detail: e.code },
        };
      }),
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const at = doc.contents?.range ? lineCounter.linePos(doc.contents.range[0]) : { line: 1, col: 1 };
    throw new ConferenceFileError([{ file, line: at.line, column: at.col, field: "", code: "conf-err-empty", params: {} }]);
  }
  const result = Conference.safeParse(data);
  if (result.success) return { conference: result.data, data };
  const issues = toIssues(file, doc, lineCounter, data, result.error.issues);
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new ConferenceFileError(issues);
}

/** Loads a conference file from disk. Throws ConferenceFileError for a file that is missing or wrong. */
export function loadConference(file: string): Conference {
  const conference = parseConference(readConferenceText(file), file);
  // The reform's mapping is checked with the file (`hoinghi validate`): a wrong path is named with the conference file.
  if (conference.reform) loadReformMapping(mappingPath(file, conference.reform.mapping), file);
  return conference;
}
