// README's fourth rule: only the domain (src/domain/) and storage/ change the store. No other module
// calls store.mutate, and no domain function takes a closure over the store's data or a session
// from its caller (which would let a command change the store through the domain's hands).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join(dir, f).split(path.sep).join("/"));
}

/** Lines of `files` matching `pattern`, as "file:line: text". */
function matches(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(path.join(ROOT, file), "utf8")
      .split("\n")
      .flatMap((line, i) => (pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
}

/** A store change: `.mutate(` called on anything. */
const MUTATE = /\.mutate\s*\(/;
/** A parameter or type that is a function of the store's data or of a session: `(d: Data) =>`, `(s: Session) =>`. */
const CLOSURE_OVER_STORE = /\(\s*\w+\s*:\s*(?:Data|Session)\s*\)\s*=>/;

describe("only the domain and storage change the store", () => {
  it("no module outside src/domain/ and storage/ calls store.mutate", () => {
    const outside = [...sources("src"), ...sources("commands")].filter((f) => !f.startsWith("src/domain/"));
    expect(matches(outside, MUTATE)).toEqual([]);
  });

  it("no domain function takes a closure over the store's data or a session from its caller", () => {
    expect(matches(sources("src/domain"), CLOSURE_OVER_STORE)).toEqual([]);
  });

  it("the patterns find what they are meant to find", () => {
    expect(MUTATE.test("await services.store.mutate((d) => { d.x = 1; })")).toBe(true);
    expect(MUTATE.test("const mutated = true;")).toBe(false);
    expect(CLOSURE_OVER_STORE.test("export function editSession(store: Store, key: AccountKey, change: (s: Session) => void)")).toBe(true);
    expect(CLOSURE_OVER_STORE.test("export type SameWrite = (d: Data) => void;")).toBe(true);
    expect(CLOSURE_OVER_STORE.test("export function f(d: Data): void {")).toBe(false);
  });
});
