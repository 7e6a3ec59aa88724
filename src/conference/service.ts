// The conference as the commands see it: the loaded file plus the time and place set in the store.
import type { Store } from "../../storage/store.js";
import type { Conference, Moment, Unit, UnitKind } from "./schema.js";

export interface EffectiveSchedule {
  start?: Date;
  end?: Date;
  place?: string;
  /** Both time and place are set. */
  announced: boolean;
}

export type UnitMatch = { unit: Unit } | { unit?: undefined; suggestions: Unit[] };

export interface ConferenceService {
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
}

export interface ConferenceServiceDeps {
  conf: Conference;
  file: string;
  store: Store;
}
