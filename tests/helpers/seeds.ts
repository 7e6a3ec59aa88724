// The seeds of the property suites. `npm test` runs each suite on its fixed seeds, so the same inputs
// every time; `npm run explore` (PROPERTY_EXPLORE=1) runs every suite on a fresh random seed and
// prints it; PROPERTY_SEED=<seed> replays one seed (a failing run's, or an explored one).
import { randomInt } from "node:crypto";

/** True under `npm run explore`: the suites draw new seeds instead of their fixed ones. */
export const EXPLORING = process.env.PROPERTY_EXPLORE === "1";

/**
 * The seeds a suite runs: its fixed ones; PROPERTY_SEED alone when set; one new seed (printed)
 * when exploring. A suite that fixed a failing seed keeps it in its list.
 */
export function propertySeeds(suite: string, fixed: readonly [number, ...number[]]): number[] {
  const replay = process.env.PROPERTY_SEED;
  if (replay !== undefined && replay !== "") {
    const seed = Number(replay);
    if (!Number.isInteger(seed)) throw new Error(`PROPERTY_SEED=${replay}: not an integer seed`);
    return [seed];
  }
  if (!EXPLORING) return [...fixed];
  // fast-check takes a 32-bit signed integer.
  const seed = randomInt(-(2 ** 31), 2 ** 31 - 1);
  console.log(`[explore] ${suite}: seed ${seed}; replay with PROPERTY_SEED=${seed} npx vitest run <its file>`);
  return [seed];
}

/** The one seed of a suite with a single fixed seed (see propertySeeds). */
export function propertySeed(suite: string, fixed: number): number {
  return propertySeeds(suite, [fixed])[0] as number;
}

/** A different seed for each of several properties of one suite run in a loop (e.g. one per command). */
export function seedFor(seed: number, index: number): number {
  return (seed + Math.imul(index, 0x9e3779b1)) | 0;
}
