// The 2025 reform's mapping of old communes to new ones, as the project ships it (reference/dvhc-2025/):
// read, checked with zod, and turned into units with a kind and a short name. The questions asked of it
// ("which old communes made Phong Thổ?") are src/domain/reform.ts.
import * as fs from "node:fs";
import path from "node:path";
import * as z from "zod";
import { ROOT } from "../config/paths.js";
import { ConferenceFileError } from "./errors.js";
import type { UnitKind } from "./schema.js";

const code = z.string().regex(/^\d{2,5}$/);

/** The file as shipped: a dated snapshot of one province's part of dvhcvn/20250701 (mapping/merges.json). */
export const MappingFile = z
  .object({
    dataset: z.string().min(1),
    file: z.string().min(1),
    licence: z.string().min(1),
    snapshot: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    province: z.object({ level1_id: code, name: z.string().min(1) }),
    level2s: z
      .array(
        z.object({
          level2_id: code,
          name: z.string().min(1),
          merges: z.array(z.object({ old_id: code, name: z.string().min(1), type: z.enum(["full", "partial"]) })).min(1),
        }),
      )
      .min(1),
    /** The project's own: other spellings of old units (local documents beside the dataset), by old code. */
    aliases: z.record(code, z.array(z.string().min(1))).default({}),
    /** The words that begin a unit's name in the dataset ("Xã", "Phường"…), lower case, and the kind each means. */
    kinds: z.record(z.string().min(1), z.enum(["commune", "ward", "town", "special_zone"])),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.level2s.forEach((u, i) => {
      if (seen.has(u.level2_id)) ctx.addIssue({ code: "custom", path: ["level2s", i, "level2_id"], message: "duplicate" });
      seen.add(u.level2_id);
    });
  });
export type MappingFile = z.infer<typeof MappingFile>;

/** A unit of the mapping (old or new): its statistical code, its name as the dataset writes it, its kind and short name. */
export interface MappedUnit {
  code: string;
  /** "Xã Mường So" */
  name: string;
  /** "Mường So" */
  shortName: string;
  kind: Exclude<UnitKind, "agency">;
}

/** One old unit in a new one: whole ("full") or only part of it ("partial"). */
export interface MergeLink {
  old: MappedUnit;
  type: "full" | "partial";
}

export interface ReformMapping {
  /** Where the figures come from, as the file says (dataset, snapshot date, the day the units took effect). */
  source: { dataset: string; snapshot: string; effective: string; province: string };
  /** The new units, each with the old units it was made from, in the dataset's order. */
  units: Array<{ unit: MappedUnit; merges: MergeLink[] }>;
  /** Other spellings of old units, by old code. */
  aliases: Record<string, string[]>;
}

/**
 * A dataset name ("Thị trấn Phong Thổ") as a unit: its kind from its first words (the file's `kinds`,
 * the longest that fits), the rest its short name. A name that begins with none is a commune.
 */
export function mappedUnit(code: string, name: string, kinds: Record<string, MappedUnit["kind"]>): MappedUnit {
  const normalized = name.normalize("NFC").trim();
  const lower = normalized.toLowerCase();
  const words = Object.keys(kinds)
    .filter((w) => lower.startsWith(`${w.normalize("NFC").toLowerCase()} `))
    .sort((a, b) => b.length - a.length)[0];
  if (words === undefined) return { code, name: normalized, shortName: normalized, kind: "commune" };
  return { code, name: normalized, shortName: normalized.slice(words.length).trim(), kind: kinds[words] as MappedUnit["kind"] };
}

export function toMapping(file: MappingFile): ReformMapping {
  return {
    source: { dataset: file.dataset, snapshot: file.snapshot, effective: file.effective, province: file.province.name },
    units: file.level2s.map((u) => ({
      unit: mappedUnit(u.level2_id, u.name, file.kinds),
      merges: u.merges.map((m) => ({ old: mappedUnit(m.old_id, m.name, file.kinds), type: m.type })),
    })),
    aliases: file.aliases,
  };
}

/**
 * Reads and checks a mapping file. Throws ConferenceFileError naming the conference file's field
 * `reform.mapping` (and the mapping's path) when it is missing or not a mapping.
 */
export function loadReformMapping(file: string, conferenceFile: string): ReformMapping {
  const fault = (reason: string) =>
    new ConferenceFileError([{ file: conferenceFile, line: 0, column: 0, field: "reform.mapping", code: "conf-err-mapping", params: { mapping: file, reason } }]);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw fault((err as NodeJS.ErrnoException).code ?? "JSON");
  }
  const parsed = MappingFile.safeParse(data);
  if (!parsed.success) throw fault(parsed.error.issues.map((i) => i.path.join(".")).join(", ") || "schema");
  return toMapping(parsed.data);
}

/** The mapping's path as the conference file names it: relative to the conference file's folder. */
export function mappingPath(conferenceFile: string, mapping: string): string {
  const beside = path.resolve(path.dirname(conferenceFile), mapping);
  if (path.isAbsolute(mapping) || fs.existsSync(beside)) return beside;
  // A conference file copied elsewhere (uploaded on the desk, kept when its conference closed) finds
  // the mapping as the samples shipped in the installation's conferences/ folder find it.
  const shipped = path.resolve(ROOT, "conferences", mapping);
  return fs.existsSync(shipped) ? shipped : beside;
}
