// Smoke test of the store benchmark: it runs and reports sane numbers (timings are not asserted).
import { expect, it } from "vitest";
import { benchStore } from "../../bench/store.js";

it("benchStore reports a rewrite time, a concurrent time and the writes group commit took", async () => {
  const r = await benchStore(50);
  expect(r.rewriteMs).toBeGreaterThan(0);
  expect(r.concurrentMs).toBeGreaterThan(0);
  expect(r.ratio).toBeCloseTo(r.concurrentMs / r.rewriteMs);
  expect(r.writes).toBeGreaterThanOrEqual(1);
  expect(r.writes).toBeLessThanOrEqual(10);
});
