// One vocabulary for units and their accounts: the short name, the addressed name, the accounts of a unit.
import type { Unit } from "../conference/schema.js";
import type { ConferenceService } from "../conference/service.js";
import type { Account, Data } from "../../storage/schema.js";
import { UnknownUnit } from "./errors.js";

/** The short name of a unit for lists and rankings ("Mường So"). */
export function unitName(unit: Unit): string {
  return unit.name;
}

/** The name a unit is addressed by in sentences and letters ("UBND xã Mường So"). */
export function unitAddress(unit: Unit): string {
  return unit.full_name ?? unit.name;
}

/** The short name of a unit by id; the id itself if the conference no longer has it. */
export function unitNameById(conference: ConferenceService, unitId: string): string {
  const unit = conference.unit(unitId);
  return unit ? unitName(unit) : unitId;
}

/** The addressed name of a unit by id; the id itself if the conference no longer has it. */
export function unitAddressById(conference: ConferenceService, unitId: string): string {
  const unit = conference.unit(unitId);
  return unit ? unitAddress(unit) : unitId;
}

/** Every account that belongs to a unit, in the order they joined. */
export function accountsOfUnit(data: Data, unitId: string): Account[] {
  return Object.values(data.accounts).filter((a) => a.unitId === unitId);
}

/** The unit a person named, or a refusal that suggests the closest names. */
export function requireUnit(conference: ConferenceService, query: string): Unit {
  const found = conference.findUnit(query);
  if (found.unit) return found.unit;
  if (found.suggestions.length === 0) throw new UnknownUnit("unit-unknown", { query });
  throw new UnknownUnit("unit-unknown-suggest", { query, suggestions: found.suggestions.map((u) => u.name).join(", ") });
}

/** The order local kinds are named in ("xã, phường, đặc khu", "xã, thị trấn"). */
const LOCAL_KIND_ORDER = ["commune", "ward", "special_zone", "town"] as const;

/** The kinds of local units (not agencies) the conference invites, in the order they are named; communes when it has none. */
export function localUnitKinds(conference: Pick<ConferenceService, "units">): Array<(typeof LOCAL_KIND_ORDER)[number]> {
  const present = new Set(conference.units().map((u) => u.kind));
  const kinds = LOCAL_KIND_ORDER.filter((k) => present.has(k));
  return kinds.length > 0 ? kinds : ["commune"];
}
