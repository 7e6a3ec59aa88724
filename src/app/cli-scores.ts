// `hoinghi import-scores FILE [--publish]` and `hoinghi score-template FILE`: the scores table from the command line.
// Rows of the table in cli.ts, which parses their arguments.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CliArgs, CliError, type CliIo, openApp } from "./cli-core.js";
import { handToBot, openForReading } from "./cli-spool.js";
import { StoreLocked } from "../../storage/store.js";
import type { ConferenceService } from "../conference/service.js";
import type { Services } from "../messages/types.js";
import type { ParsedTable } from "../scores/table.js";
import { loadConference } from "../conference/load.js";
import { loadConfig } from "./config.js";
import type { Translate } from "../lib/i18n.js";
import { importSummaryText, refusalText } from "../scores/format.js";
import { keepOldUnitsTable, isOldUnitId, OLD_UNIT_PREFIX, oldUnit } from "../domain/reform.js";
import { replaceScoreTable } from "../domain/scores.js";
import { unitNameById } from "../domain/units.js";
import { publishScoresAction } from "../actions/scores.js";
import { notify } from "../outbox/notify.js";
import { readScoreFile } from "../scores/service.js";
import { missingUnits } from "../views/scores.js";
import { MAX_TABLE_BYTES } from "../scores/sheet.js";
import { TableRefused } from "../scores/table.js";
import { gridToCsv, gridToXlsx, templateGrid } from "../scores/template.js";

/** Who the store records as importing or publishing from the command line. */
export const CLI_ACTOR = "cli:hoinghi";

/** The table file named on the command line: its name and bytes, refused before reading when missing or too large. */
async function readTableFile(file: string | undefined, t: Translate): Promise<{ name: string; data: Buffer }> {
  if (!file) throw new CliError(t("cli-missing-file"));
  const size = await stat(file).then(
    (s) => (s.isFile() ? s.size : -1),
    () => -1,
  );
  if (size < 0) throw new CliError(t("cli-file-not-found", { file }));
  const name = path.basename(file);
  // Refused before reading, as the chat refuses before downloading.
  if (size > MAX_TABLE_BYTES)
    throw new CliError(refusalText(t, name, new TableRefused([{ key: "scores-err-too-large", args: { mb: String(MAX_TABLE_BYTES / 1_000_000) } }])));
  return { name, data: await readFile(file) };
}

/** The table read and checked against the conference's units; a table refused is one CliError with every problem. */
export async function parseTable(conference: ConferenceService, name: string, data: Buffer, t: Translate, oldUnits = false): Promise<ParsedTable> {
  try {
    return await readScoreFile(conference, name, data, { oldUnits });
  } catch (err) {
    if (err instanceof TableRefused) throw new CliError(refusalText(t, name, err));
    throw err;
  }
}

/**
 * Replaces the table at once (the person at the terminal has the file in front of them) and, with
 * `publish`, publishes it; returns the lines that say so. The command line and the running bot (a
 * request handed over through the spool) both call it.
 */
export async function storeTable(services: Services, table: ParsedTable, publish: boolean, t: Translate): Promise<{ lines: string[]; unsent: number }> {
  const stored = await replaceScoreTable(services.store, { table, by: CLI_ACTOR, now: services.clock.now() });
  const lines = [t("cli-scores-imported", { year: String(stored.year), units: stored.units.length })];
  if (!publish) return { lines: [...lines, t("cli-scores-not-published")], unsent: 0 };
  const done = await publishScoresAction(services, CLI_ACTOR, { expectedImportedAt: stored.importedAt });
  const sent = (await notify(services, done.notifications)).reduce((a, b) => a + b, 0);
  const accounts = done.result.audience.accounts;
  lines.push(t("cli-scores-published", { sent, accounts }));
  return { lines, unsent: accounts - sent };
}

/** Keeps a previous year's table of old units (--previous) beside the current one; returns the line that says so. */
export async function keepOldTable(services: Services, table: ParsedTable, t: Translate): Promise<string[]> {
  const kept = await keepOldUnitsTable(services.store, { table, by: CLI_ACTOR, now: services.clock.now() });
  return [t("cli-scores-previous-kept", { year: String(kept.year), units: kept.units.length })];
}

/** A summary's unit name: the conference's unit, or an old unit of the mapping ("old:<code>"). */
function nameOf(conference: ConferenceService): (unitId: string) => string {
  return (id) => (isOldUnitId(id) && conference.reform ? (oldUnit(conference.reform, id.slice(OLD_UNIT_PREFIX.length))?.name ?? id) : unitNameById(conference, id));
}

/** Reads, checks, prints the summary, then replaces (and publishes): here, or through the running bot when it holds the store. */
export async function importScores(args: CliArgs, io: CliIo, t: Translate): Promise<number> {
  const { name, data } = await readTableFile(args.positionals[0], t);
  const publish = Boolean(args.values.publish);
  const previous = Boolean(args.values.previous);
  if (previous && publish) throw new CliError(t("cli-scores-previous-publish"));
  const app = await openApp(io).catch((err: unknown) => {
    if (err instanceof StoreLocked) return undefined;
    throw err;
  });
  if (!app) return importThroughBot(io, t, { name, data, publish, previous });
  try {
    const { conference } = app.services;
    const table = await parseTable(conference, name, data, t, previous);
    io.out(importSummaryText(t, table, nameOf(conference), previous ? [] : missingUnits(conference, table)));
    io.out("");
    if (previous) {
      for (const line of await keepOldTable(app.services, table, t)) io.out(line);
      return 0;
    }
    const { lines, unsent } = await storeTable(app.services, table, publish, t);
    for (const line of lines) io.out(line);
    // This process runs no channel: the results wait in the outbox for the bot.
    if (unsent > 0) io.out(t("cli-scores-published-offline"));
    return 0;
  } finally {
    await app.close();
  }
}

/** The bot holds the store: the table is checked here (its refusals printed at once), then handed to the bot. */
async function importThroughBot(io: CliIo, t: Translate, file: { name: string; data: Buffer; publish: boolean; previous: boolean }): Promise<number> {
  const { app } = await openForReading(io);
  try {
    const { conference } = app.services;
    const table = await parseTable(conference, file.name, file.data, t, file.previous);
    io.out(importSummaryText(t, table, nameOf(conference), file.previous ? [] : missingUnits(conference, table)));
    io.out("");
  } finally {
    await app.close();
  }
  io.out(t("cli-spool-handing"));
  const lines = await handToBot(app.config, t, { kind: "import-scores", name: file.name, data: file.data.toString("base64"), publish: file.publish, ...(file.previous && { previous: true }) });
  for (const line of lines) io.out(line);
  return 0;
}

/** Writes the template with the conference's year and communes; needs no store, so it runs beside a running bot. */
export async function writeScoreTemplate(args: CliArgs, io: CliIo, t: Translate): Promise<number> {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("cli-missing-file"));
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".csv") throw new CliError(t("cli-template-ext"));
  const conf = loadConference(path.resolve(loadConfig(io.env).conferenceFile));
  const grid = await templateGrid(conf);
  await writeFile(file, ext === ".csv" ? gridToCsv(grid) : await gridToXlsx(grid, t("template-sheet-name")));
  io.out(t("cli-template-written", { file, units: conf.units.filter((u) => u.kind !== "agency").length }));
  return 0;
}
