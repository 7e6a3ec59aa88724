// Reading a scores file into a table, what the table lacks, and each unit's result message. The store's changes are src/domain/scores.ts.
import path from "node:path";
import type { Outgoing } from "../messages/types.js";
import type { ScoreTable, UnitScore } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import type { ConferenceService } from "../conference/service.js";
import { delegatesOf } from "../domain/scores.js";
import { unitAddressById } from "../domain/units.js";
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

/** Each unit's own result, to each of its delegates, in the delegate's language; the same text as /diem. */
export function resultMessages(deps: { store: Store; conference: ConferenceService; i18n: I18n }, table: ScoreTable): Outgoing[] {
  const out: Outgoing[] = [];
  const scores = new Map<string, UnitScore>(table.units.map((u) => [u.unitId, u]));
  for (const [unitId, keys] of delegatesOf(deps.store.data, table)) {
    const score = scores.get(unitId) as UnitScore;
    for (const key of keys) {
      const t = deps.i18n.forLanguage(deps.store.data.accounts[key]?.language);
      const body = unitResultText(t, table, score, unitAddressById(deps.conference, unitId), { sample: table.sample, preview: false });
      out.push({ account: key, replies: [{ kind: "text", text: `${t("publish-notice", { year: String(table.year) })}\n\n${body}` }] });
    }
  }
  return out;
}
