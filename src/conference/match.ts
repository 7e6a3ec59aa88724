// Finding a unit by what a person typed: diacritics, case, kind words and spelling variants do not matter.
import { fold } from "../lib/text.js";
import type { Unit } from "./schema.js";

/** The unit a typed name found, or the closest names to suggest. */
export type UnitMatch = { unit: Unit } | { unit?: undefined; suggestions: Unit[] };

/**
 * Kind words dropped from the front of a name, already normalized, longest first: "uy ban nhan dan",
 * "ubnd", "thi tran", "tt", "thi xa", "xa", "phuong". Repeated ("UBND xã X" → "x").
 */
const KIND_PREFIXES = ["uy ban nhan dan", "ubnd", "thi tran", "thi xa", "phuong", "xa", "tt"];

/** Strips diacritics (đ becomes d), lowers case, turns punctuation into spaces, drops kind words. */
export function normalizeName(s: string): string {
  let out = fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/\s+/g, " ");
  let changed = true;
  while (changed) {
    changed = false;
    for (const prefix of KIND_PREFIXES) {
      // Only a whole leading word, and never the whole name.
      if (out.startsWith(`${prefix} `) && out.length > prefix.length + 1) {
        out = out.slice(prefix.length + 1);
        changed = true;
      }
    }
  }
  return out;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = new Array(n + 1).fill(0);
  let prev: number[] = Array.from({ length: n + 1 }, (_, j) => j);
  let cur: number[] = new Array(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n] as number;
}

/** Every normalized form a unit answers to: name, full name, aliases, id, statistical code. */
export function unitKeys(unit: Unit): string[] {
  const raw = [unit.name, unit.full_name, ...unit.aliases, unit.id, unit.code];
  const keys = new Set<string>();
  for (const r of raw) {
    if (!r) continue;
    const k = normalizeName(r);
    if (k) keys.add(k);
  }
  return [...keys];
}

const compact = (s: string) => s.replace(/ /g, "");

/** How many edits still count as a likely typo of a name of this length. */
function tolerance(length: number): number {
  return Math.max(1, Math.min(3, Math.floor(length / 3)));
}

export const MAX_SUGGESTIONS = 3;

/**
 * The unit a person meant. An exact match after normalization wins: so "muong so", "MƯỜNG SO",
 * "UBND xã Mường So" and also "Mường Sơ" (other diacritics, same letters) all give Mường So.
 * Otherwise up to three suggestions: names that start with or contain what was typed first, then
 * names within a few edits (typos, a missing or swapped letter), closest first.
 */
export function findUnit(units: readonly Unit[], query: string): UnitMatch {
  const q = normalizeName(query);
  if (!q) return { suggestions: [] };
  const qc = compact(q);
  for (const unit of units) {
    for (const key of unitKeys(unit)) {
      if (key === q || compact(key) === qc) return { unit };
    }
  }
  const scored: { unit: Unit; rank: number; score: number; index: number }[] = [];
  units.forEach((unit, index) => {
    let best: { rank: number; score: number } | undefined;
    for (const key of unitKeys(unit)) {
      let cand: { rank: number; score: number } | undefined;
      if (q.length >= 2 && key.startsWith(q)) cand = { rank: 0, score: key.length - q.length };
      else if (q.length >= 2 && (` ${key}`.includes(` ${q}`) || key.includes(q))) cand = { rank: 1, score: key.length - q.length };
      else {
        const d = Math.min(editDistance(q, key), editDistance(qc, compact(key)));
        if (d <= tolerance(Math.min(q.length, key.length))) cand = { rank: 2, score: d };
      }
      if (cand && (!best || cand.rank < best.rank || (cand.rank === best.rank && cand.score < best.score))) best = cand;
    }
    if (best) scored.push({ unit, ...best, index });
  });
  scored.sort((a, b) => a.rank - b.rank || a.score - b.score || a.index - b.index);
  return { suggestions: scored.slice(0, MAX_SUGGESTIONS).map((s) => s.unit) };
}
