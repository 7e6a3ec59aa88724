// The store written piece by piece, in chunks of a fixed size, is byte for byte Buffer.from(JSON.stringify(data)).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Utf8Chunks, writeJson } from "../../storage/json-bytes.js";
import { propertySeed } from "../helpers/seeds.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("json-bytes", 65536);

/** Any text, lone surrogates and characters outside the BMP included. */
const text = fc.string({ unit: "binary", maxLength: 12 });
/** Values as JSON.stringify meets them: JSON, and what it leaves out or turns into null. */
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, fc.constant(undefined), fc.constant(() => 1), fc.double(), fc.date());
const collection = fc.oneof(fc.array(value, { maxLength: 6 }), fc.dictionary(text, value, { maxKeys: 6 }), value);
const store = fc.dictionary(text, collection, { maxKeys: 8 });

/** What a file would receive: every chunk copied as it is handed over (the sink reuses its buffer). */
function serialize(data: object, chunkBytes?: number): { bytes: Buffer; chunks: number } {
  const parts: Buffer[] = [];
  const out = new Utf8Chunks((b) => parts.push(Buffer.from(b)), chunkBytes);
  writeJson(data, out);
  out.end();
  return { bytes: Buffer.concat(parts), chunks: parts.length };
}

describe("writeJson", () => {
  it("gives the bytes of JSON.stringify for any store-shaped object, whatever the chunk size", () => {
    fc.assert(
      fc.property(store, fc.integer({ min: 16, max: 512 }), (data, chunkBytes) => {
        expect(serialize(data, chunkBytes).bytes.equals(Buffer.from(JSON.stringify(data), "utf8"))).toBe(true);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  it("calls a toJSON of a collection or of an entry as JSON.stringify does, with its key", () => {
    const keyed = { toJSON: (key: string) => `as ${key}` };
    for (const data of [{ a: keyed }, { a: [1, keyed] }, { a: { b: keyed } }, { toJSON: () => ({ x: 1 }) }]) {
      expect(serialize(data).bytes.toString("utf8")).toBe(JSON.stringify(data));
    }
  });

  it("throws what JSON.stringify throws: a BigInt, a cycle", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => serialize({ a: [1n] })).toThrow(TypeError);
    expect(() => serialize({ a: { b: cycle } })).toThrow(TypeError);
  });

  it("hands a large store over in chunks no larger than its buffer, and an entry larger than it whole", () => {
    const names = Array.from({ length: 5000 }, (_, i) => `Đại biểu số ${i} Nguyễn Văn Thắng 𝔸`);
    const big = { accounts: names, note: { long: "Trân trọng kính mời. ".repeat(4000) } };
    const parts: number[] = [];
    const out = new Utf8Chunks((b) => parts.push(b.length), 64 * 1024);
    writeJson(big, out);
    out.end();
    expect(parts.reduce((a, b) => a + b, 0)).toBe(Buffer.byteLength(JSON.stringify(big)));
    // The names fill several chunks; the long note (some 90 KB) goes as one piece of its own.
    expect(parts.filter((n) => n <= 64 * 1024).length).toBeGreaterThan(2);
    expect(parts.filter((n) => n > 64 * 1024)).toHaveLength(1);
    expect(serialize(big).bytes.toString("utf8")).toBe(JSON.stringify(big));
  });
});
