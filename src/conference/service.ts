// The conference as the commands see it: the loaded file plus the time and place set in the store.
import type { Store } from "../../storage/store.js";
import { fromLocal } from "../lib/time.js";
import { findUnit, type UnitMatch } from "./match.js";
import { mappingPath, type ReformMapping, loadReformMapping } from "./reform.js";
import type { Conference, Moment, Unit, UnitKind } from "./schema.js";

export interface EffectiveSchedule {
  start?: Date;
  end?: Date;
  place?: string;
  /** Both time and place are set. */
  announced: boolean;
}

/** The unit a typed name found, or the closest names (src/conference/match.ts). */

export interface ConferenceService {
  /** The conference's id (its file's `id`): its entry in the store. */
  readonly id: string;
  readonly conf: Conference;
  /** Path of the conference file it was loaded from. */
  readonly file: string;
  unit(id: string): Unit | undefined;
  units(kind?: UnitKind): Unit[];
  /**
   * Finds a unit by what a person typed: case, diacritics, the kind word ("xã", "UBND xã",
   * "thị trấn") and the spelling variants (aliases) do not matter. Nothing found: the closest names.
   */
  findUnit(query: string): UnitMatch;
  /** Time and place: the store's (set by /datlich) over the file's. */
  schedule(): EffectiveSchedule;
  /** A deadline or reminder moment; undefined for an offset while the start is to be announced. */
  resolve(moment: Moment): Date | undefined;
  deadline(kind: "rsvp" | "speech"): Date | undefined;
  /** The speech assigned to a unit (III.4), if any. */
  speechFor(unitId: string): { unit: Unit; topic: string } | undefined;
  /** The 2025 reform's mapping of old communes to new ones, when the file names one (`reform.mapping`). */
  readonly reform?: ReformMapping;
  /** Whether the conference is closed: read, never changed again. */
  closed(): boolean;
}

export interface ConferenceServiceDeps {
  conf: Conference;
  file: string;
  store: Store;
  /** Whether the conference is closed now (the store's entry says it); never, when not given (tests of one conference). */
  closed?: () => boolean;
}

const UNIT_MS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** An offset such as "24h", "1d", "90m" or "2d 12h" in milliseconds. Throws on anything else. */
export function parseOffset(s: string): number {
  const text = s.trim();
  if (!/^(\d+\s*[dhm]\s*)+$/.test(text)) throw new Error(`not an offset: ${JSON.stringify(s)}`);
  let ms = 0;
  for (const m of text.matchAll(/(\d+)\s*([dhm])/g)) ms += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
  return ms;
}

/**
 * A local time of the conference file ("YYYY-MM-DD HH:mm", Asia/Ho_Chi_Minh) as a Date. A date
 * alone ("YYYY-MM-DD") means the end of that day (23:59), so a deadline "by the 18th" includes it.
 */
export function parseLocalTime(s: string): Date {
  const text = s.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const d = fromLocal(`${text} 23:59`);
    if (!d) throw new Error(`not a local date: ${JSON.stringify(s)}`);
    return d;
  }
  const d = fromLocal(text);
  if (!d) throw new Error(`not a local time: ${JSON.stringify(s)}`);
  return d;
}

function isoDate(s: string | undefined): Date | undefined {
  if (!s) return undefined;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function createConferenceService(deps: ConferenceServiceDeps): ConferenceService {
  const { conf, file, store } = deps;
  const byId = new Map(conf.units.map((u) => [u.id, u] as const));
  const reform = conf.reform ? loadReformMapping(mappingPath(file, conf.reform.mapping), file) : undefined;

  function schedule(): EffectiveSchedule {
    const set = store.data.schedule;
    const start = isoDate(set?.start) ?? (conf.schedule.start ? parseLocalTime(conf.schedule.start) : undefined);
    const place = set?.place || conf.schedule.place || undefined;
    let end = set?.start ? isoDate(set?.end) : undefined;
    if (!end && start) end = new Date(start.getTime() + conf.schedule.duration_minutes * 60_000);
    return { start, end, place, announced: Boolean(start && place) };
  }

  function resolve(moment: Moment): Date | undefined {
    if ("at" in moment) return parseLocalTime(moment.at);
    const start = schedule().start;
    if (!start) return undefined;
    return new Date(start.getTime() - parseOffset(moment.before_start));
  }

  return {
    id: conf.id,
    conf,
    file,
    closed: deps.closed ?? (() => false),
    unit: (id) => byId.get(id),
    units: (kind) => (kind ? conf.units.filter((u) => u.kind === kind) : [...conf.units]),
    findUnit: (query) => findUnit(conf.units, query),
    schedule,
    resolve,
    deadline: (kind) => resolve(conf.deadlines[kind]),
    speechFor(unitId) {
      const unit = byId.get(unitId);
      const speech = conf.speeches.find((s) => s.unit === unitId);
      return unit && speech ? { unit, topic: speech.topic } : undefined;
    },
    ...(reform && { reform }),
  };
}
