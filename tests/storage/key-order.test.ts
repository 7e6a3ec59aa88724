// The accounts kept in 32 buckets read back in the order the delegates joined, whatever joined, left and joined again between two starts; files edited by hand still open.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyOrder } from "../../storage/key-order.js";
import { contentOf, partOf } from "../../storage/partitions.js";
import type { StoreData } from "../../storage/schema.js";
import { propertySeed } from "../helpers/seeds.js";

const SEED = propertySeed("key-order", 7301);
const BUCKETS = Array.from({ length: 32 }, (_, i) => `accounts/${String(i).padStart(2, "0")}`);

/** What the store would write of `record` (its bucket files, as contentOf makes them), read back as at a start. */
function restart(record: Record<string, unknown>, order: KeyOrder): { record: Record<string, unknown>; order: KeyOrder } {
  const files = [...contentOf({ accounts: record } as unknown as StoreData, BUCKETS, order).values()].filter((c): c is Record<string, unknown> => c !== null);
  const again = new KeyOrder(partOf);
  return { record: again.load("accounts", files), order: again };
}

/** A step of the delegates: one joins (or joins again), one leaves, or the bot restarts. */
const step = fc.oneof(
  fc.record({ join: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ leave: fc.integer({ min: 0, max: 60 }) }),
  fc.constant({ restart: true as const }),
);

describe("the accounts' order across restarts", () => {
  it("reads back the order in memory, whatever joined, left and joined again", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        let order = new KeyOrder(partOf);
        let record: Record<string, unknown> = {};
        for (const s of steps) {
          if ("join" in s) {
            const k = `zalo:${s.join}`;
            if (Object.hasOwn(record, k)) delete record[k];
            record[k] = { key: k };
            order.added("accounts", k);
          } else if ("leave" in s) {
            const k = `zalo:${s.leave}`;
            if (!Object.hasOwn(record, k)) continue;
            delete record[k];
            order.removed("accounts", k);
          } else {
            const before = Object.keys(record);
            ({ record, order } = restart(record, order));
            expect(Object.keys(record)).toEqual(before);
          }
        }
        expect(Object.keys(restart(record, order).record)).toEqual(Object.keys(record));
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it("opens bucket files edited by hand: one without places, two keys at one place, a place far beyond the rest", () => {
    const order = new KeyOrder(partOf);
    const record = order.load("accounts", [
      { accounts: { "zalo:1": { n: 1 }, "zalo:2": { n: 2 } }, order: [4, 9] },
      // Written before places: after every placed key, in the file's order.
      { accounts: { "zalo:3": { n: 3 }, "zalo:4": { n: 4 } } },
      { accounts: { "zalo:5": { n: 5 } }, order: [0] },
    ]);
    expect(Object.keys(record)).toEqual(["zalo:5", "zalo:1", "zalo:2", "zalo:3", "zalo:4"]);
    // The next key joins after all of them.
    order.added("accounts", "zalo:6");
    const places = BUCKETS.flatMap((b) => order.bucket("accounts", b).keys.map((k, i) => [k, order.bucket("accounts", b).places[i]] as const));
    expect(Object.fromEntries(places)).toEqual({ "zalo:5": 0, "zalo:1": 4, "zalo:2": 9, "zalo:3": 10, "zalo:4": 11, "zalo:6": 12 });

    // Two keys at one place, and one far beyond: sorted instead, the file's order kept between equals.
    const clash = new KeyOrder(partOf).load("accounts", [
      { accounts: { "zalo:7": {}, "zalo:8": {} }, order: [3, 1_000_000_000] },
      { accounts: { "zalo:9": {} }, order: [3] },
    ]);
    expect(Object.keys(clash)).toEqual(["zalo:7", "zalo:9", "zalo:8"]);
  });

  it("a key found in two files keeps its first place and the later file's entry, listed once", () => {
    const order = new KeyOrder(partOf);
    const record = order.load("accounts", [
      { accounts: { "zalo:1": { v: "old" }, "zalo:2": {} }, order: [0, 1] },
      { accounts: { "zalo:1": { v: "new" } }, order: [2] },
    ]);
    expect(Object.keys(record)).toEqual(["zalo:1", "zalo:2"]);
    expect(record["zalo:1"]).toEqual({ v: "new" });
    const own = order.bucket("accounts", partOf("accounts", "zalo:1"));
    expect(own.keys.filter((k) => k === "zalo:1")).toHaveLength(1);
    expect(own.places[own.keys.indexOf("zalo:1")]).toBe(0);
  });
});
