// The store written piece by piece into reused bytes is, byte for byte, Buffer.from(JSON.stringify(data)).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { JsonBytes, writeJson } from "../../storage/json-bytes.js";

/** Any text, lone surrogates and characters outside the BMP included. */
const text = fc.string({ unit: "binary", maxLength: 12 });
/** Values as JSON.stringify meets them: JSON, and what it leaves out or turns into null. */
const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), text, fc.constant(undefined), fc.constant(() => 1), fc.double(), fc.date());
const collection = fc.oneof(fc.array(value, { maxLength: 6 }), fc.dictionary(text, value, { maxKeys: 6 }), value);
const store = fc.dictionary(text, collection, { maxKeys: 8 });

describe("writeJson", () => {
  it("gives the bytes of JSON.stringify for any store-shaped object, into one reused buffer", () => {
    const out = new JsonBytes({ capacity: 16 });
    fc.assert(
      fc.property(store, (data) => {
        expect(writeJson(data, out).equals(Buffer.from(JSON.stringify(data), "utf8"))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("calls a toJSON of a collection or of an entry as JSON.stringify does, with its key", () => {
    const keyed = { toJSON: (key: string) => `as ${key}` };
    for (const data of [{ a: keyed }, { a: [1, keyed] }, { a: { b: keyed } }, { toJSON: () => ({ x: 1 }) }]) {
      expect(writeJson(data, new JsonBytes()).toString("utf8")).toBe(JSON.stringify(data));
    }
  });

  it("throws what JSON.stringify throws: a BigInt, a cycle", () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => writeJson({ a: [1n] }, new JsonBytes())).toThrow(TypeError);
    expect(() => writeJson({ a: { b: cycle } }, new JsonBytes())).toThrow(TypeError);
  });

  it("grows past its capacity and keeps what was held until reset", () => {
    const held = Buffer.from('{"a":1}');
    const out = new JsonBytes({ held });
    expect(out.bytes.toString()).toBe('{"a":1}');
    // Copied into a roomier buffer: the same content, not the buffer read.
    const roomy = new JsonBytes({ held, capacity: 1 << 20 });
    expect(roomy.bytes.toString()).toBe('{"a":1}');
    expect(roomy.bytes.buffer).not.toBe(held.buffer);
    const big = { names: Array.from({ length: 5000 }, (_, i) => `Đại biểu số ${i} Nguyễn Văn Thắng 𝔸`) };
    expect(writeJson(big, out).toString("utf8")).toBe(JSON.stringify(big));
  });
});
