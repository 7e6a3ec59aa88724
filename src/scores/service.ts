// The scores feature's state changes and lookups: read a file into a table, replace the current table, publish, who hears what.
import path from "node:path";
import type { Outgoing } from "../../commands/types.js";
import { UserError } from "../../commands/types.js";
import type { AccountKey, ScoreTable, UnitScore } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import type { ConferenceService } from "../conference/service.js";
import type { I18n } from "../lib/i18n.js";
import { unitResultText } from "./format.js";
import { readSheet, SheetError } from "./sheet.js";
import { type ParsedTable, parseTable, TableRefused } from "./table.js";

/** File names the import takes; a name without an extension is judged by its content. */
const TABLE_EXTENSIONS = new Set(["xlsx", "xlsm", "csv", ""]);

/** Reads and checks a table file. Throws TableRefused (with rows and reasons); changes nothing. */
export async function readScoreFile(conference: ConferenceService, name: string, data: Buffer): Promise<ParsedTable> {
  const ext = path.extname(name).slice(1).toLowerCase();
  if (ext === "xls") throw new TableRefused([{ key: "scores-err-xls", args: {} }]);
  if (!TABLE_EXTENSIONS.has(ext)) throw new TableRefused([{ key: "scores-err-file-type", args: { name } }]);
  let rows: Awaited<ReturnType<typeof readSheet>>;
  try {
    rows = await readSheet(data, ext === "csv" ? "csv" : ext === "" ? undefined : "xlsx");
  } catch (err) {
    if (err instanceof SheetError) throw new TableRefused([{ key: err.key, args: err.args }]);
    throw err;
  }
  const scheme = conference.conf.scores;
  return parseTable(rows, {
    findUnit: (q) => conference.findUnit(q),
    classification: scheme?.classification,
    defaultYear: scheme?.year,
    source: path.basename(name),
  });
}

/** The conference's communes and town that the table lacks (a warning in the summary, not a refusal). */
export function missingUnits(conference: ConferenceService, table: ParsedTable): string[] {
  const present = new Set(table.units.map((u) => u.unitId));
  return conference
    .units()
    .filter((u) => u.kind !== "agency" && !present.has(u.id))
    .map((u) => u.name);
}

/** The short name of a unit for lists ("Mường So"); the id if the conference no longer has it. */
export function unitName(conference: ConferenceService, unitId: string): string {
  return conference.unit(unitId)?.name ?? unitId;
}

/** The name as a letter is addressed ("UBND xã Mường So"). */
export function unitTitle(conference: ConferenceService, unitId: string): string {
  const u = conference.unit(unitId);
  return u?.full_name ?? u?.name ?? unitId;
}

/**
 * Makes `table` the current one; the one it replaces goes to previousTables. A new table is not
 * published, even if the one it replaces was: results are announced again with /congbo, so that
 * figures nobody has seen are never public by accident. `expectedCurrent` (the importedAt of the
 * table the organizer saw replaced in the preview, or null for none) guards against a change in between.
 */
export async function replaceScoreTable(
  store: Store,
  table: ParsedTable,
  by: AccountKey,
  now: Date,
  expectedCurrent?: string | null,
): Promise<ScoreTable> {
  return store.mutate((d) => {
    if (expectedCurrent !== undefined && (d.scores.current?.importedAt ?? null) !== expectedCurrent) throw new UserError("import-stale");
    const stored: ScoreTable = { ...table, importedAt: now.toISOString(), importedBy: by };
    if (d.scores.current) d.scores.previousTables.push(d.scores.current);
    d.scores.current = stored;
    delete d.scores.publishedAt;
    delete d.scores.publishedBy;
    return stored;
  });
}

/** Publishes the current table; `expectedImportedAt` guards against a table replaced since the preview. */
export async function publishScores(store: Store, by: AccountKey, now: Date, expectedImportedAt?: string): Promise<ScoreTable> {
  return store.mutate((d) => {
    const table = d.scores.current;
    if (!table) throw new UserError("publish-no-table");
    if (expectedImportedAt !== undefined && table.importedAt !== expectedImportedAt) throw new UserError("publish-stale");
    if (d.scores.publishedAt) throw new UserError("publish-already-plain");
    d.scores.publishedAt = now.toISOString();
    d.scores.publishedBy = by;
    return table;
  });
}

/** Accounts of the units in the table: each unit's delegates, by unit. */
export function delegatesOf(store: Store, table: ScoreTable): Map<string, AccountKey[]> {
  const units = new Set(table.units.map((u) => u.unitId));
  const byUnit = new Map<string, AccountKey[]>();
  for (const a of Object.values(store.data.accounts)) {
    if (!a.unitId || !units.has(a.unitId)) continue;
    byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.key]);
  }
  return byUnit;
}

/** Each unit's own result, to each of its delegates, in the delegate's language; the same text as /diem. */
export function resultMessages(deps: { store: Store; conference: ConferenceService; i18n: I18n }, table: ScoreTable): Outgoing[] {
  const out: Outgoing[] = [];
  const scores = new Map<string, UnitScore>(table.units.map((u) => [u.unitId, u]));
  for (const [unitId, keys] of delegatesOf(deps.store, table)) {
    const score = scores.get(unitId) as UnitScore;
    for (const key of keys) {
      const t = deps.i18n.forLanguage(deps.store.data.accounts[key]?.language);
      const body = unitResultText(t, table, score, unitTitle(deps.conference, unitId), { sample: table.sample, preview: false });
      out.push({ account: key, replies: [{ kind: "text", text: `${t("publish-notice", { year: String(table.year) })}\n\n${body}` }] });
    }
  }
  return out;
}
