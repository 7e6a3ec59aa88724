// The webhook secret check both channels use: constant time, and the length of the secret never shows.
import { createHash, timingSafeEqual } from "node:crypto";

/** Whether a request's secret header matches; hashing first makes both sides the same length. */
export function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== "string" || given.length === 0 || secret.length === 0) return false;
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(secret, "utf8").digest();
  return timingSafeEqual(a, b);
}
