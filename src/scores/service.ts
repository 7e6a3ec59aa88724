// Reading a scores file into a table. The store's changes are src/domain/scores.ts; what people read of it, src/views/scores.ts.
import path from "node:path";
import type { ConferenceService } from "../conference/service.js";
import { readSheet, SheetError } from "./sheet.js";
import { importHasLastYear, importUnitFinder, oldUnitFinder } from "./names.js";
import { type ParsedTable, parseTable, TableRefused } from "./table.js";

/** File names the import takes; a name without an extension is judged by its content. */
const TABLE_EXTENSIONS = new Set(["xlsx", "xlsm", "csv", ""]);

/**
 * Reads and checks a table file. Throws TableRefused (with rows and reasons); changes nothing.
 * `oldUnits`: a previous year's table of the units before the 2025 reform (import-scores --previous),
 * its rows matched against the mapping's old units.
 */
export async function readScoreFile(conference: ConferenceService, name: string, data: Buffer, options: { oldUnits?: boolean } = {}): Promise<ParsedTable> {
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
  if (options.oldUnits && !conference.reform) throw new TableRefused([{ key: "scores-err-no-mapping", args: {} }]);
  return parseTable(rows, {
    findUnit: options.oldUnits ? oldUnitFinder(conference) : importUnitFinder(conference),
    ...(!options.oldUnits && { hasLastYear: importHasLastYear(conference) }),
    classification: scheme?.classification,
    defaultYear: scheme?.year,
    source: path.basename(name),
  });
}
