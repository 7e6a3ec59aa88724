// Which unit a row of a score table names, after the 2025 reform: the conference's units first; an old
// commune's name only where it stands for exactly one new unit (src/domain/reform.ts); otherwise the row
// is refused with the reason. And the old units themselves, for a previous year's table of old units.
import type { UnitMatch } from "../conference/match.js";
import { findUnit } from "../conference/match.js";
import type { MappedUnit } from "../conference/reform.js";
import type { ConferenceService } from "../conference/service.js";
import { findOldName, hasLastYear, namesOldUnitInstead, oldUnitsForMatching } from "../domain/reform.js";
import type { UnitRefused } from "./table.js";

/** A dataset name inside a sentence: "Thị trấn Phong Thổ" → "thị trấn Phong Thổ". */
function inSentence(unit: MappedUnit): string {
  return unit.name.charAt(0).toLocaleLowerCase("vi") + unit.name.slice(1);
}

/** Why an old name stands for no single new unit, as a row's problem. */
function oldNameRefusal(conference: ConferenceService, query: string): UnitRefused | undefined {
  const found = findOldName(conference, query);
  if (!found || found.kind === "one-to-one") return undefined;
  const old = inSentence(found.old);
  const [only] = found.into;
  if (found.into.length === 1 && only) {
    const others = (conference.reform?.units.find((u) => u.unit.code === only.unit.code)?.merges ?? []).filter((m) => m.old.code !== found.old.code);
    const key = only.type === "partial" ? "scores-err-old-part" : "scores-err-old-merged";
    return { refused: { key, args: { old, into: inSentence(only.unit), others: others.map((m) => inSentence(m.old)).join(", ") } } };
  }
  const into = found.into.map((n) => inSentence(n.unit)).join(", ");
  return { refused: { key: "scores-err-old-split", args: { old, into } } };
}

/**
 * The unit a row names in a table of the conference's units: a unit of the conference (unless the
 * name's kind word says an old unit: "Thị trấn Phong Thổ" is not the new commune Phong Thổ), else
 * an old name that went whole and alone into one new unit, else the reason none is taken.
 */
export function importUnitFinder(conference: ConferenceService): (name: string) => UnitMatch | UnitRefused {
  return (name) => {
    const found = conference.findUnit(name);
    if (found.unit && !namesOldUnitInstead(conference, name, found.unit)) return found;
    const old = findOldName(conference, name);
    if (old?.kind === "one-to-one") return { unit: old.unit };
    return oldNameRefusal(conference, name) ?? found;
  };
}

/** Whether a unit of the table may carry "năm trước" figures (a merged commune may not). */
export function importHasLastYear(conference: ConferenceService): (unitId: string) => boolean {
  return (unitId) => hasLastYear(conference, unitId);
}

/** The unit a row names in a previous year's table of old units: an old unit of the mapping ("old:<code>"). */
export function oldUnitFinder(conference: ConferenceService): (name: string) => UnitMatch {
  const units = conference.reform ? oldUnitsForMatching(conference.reform) : [];
  return (name) => findUnit(units, name);
}
