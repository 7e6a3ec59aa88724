// `hoinghi import-scores FILE [--publish]` and `hoinghi score-template FILE`: the scores table from the command line.
// Rows of the table in cli.ts, which parses their arguments.
import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { type CliArgs, CliError, type CliIo, openApp } from "./cli-core.js";
import { loadConference } from "../conference/load.js";
import { loadConfig } from "./config.js";
import type { Translate } from "../lib/i18n.js";
import { importSummaryText, refusalText } from "../scores/format.js";
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

/** Reads, checks, replaces at once (the person at the terminal has the file in front of them) and, with --publish, publishes. */
export async function importScores(args: CliArgs, io: CliIo, t: Translate): Promise<number> {
  const file = args.positionals[0];
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
  const data = await readFile(file);

  const app = await openApp(io);
  try {
    const { conference, clock } = app.services;
    let table: Awaited<ReturnType<typeof readScoreFile>>;
    try {
      table = await readScoreFile(conference, name, data);
    } catch (err) {
      if (err instanceof TableRefused) throw new CliError(refusalText(t, name, err));
      throw err;
    }
    io.out(importSummaryText(t, table, (id) => unitNameById(conference, id), missingUnits(conference, table)));
    io.out("");
    const stored = await replaceScoreTable(app.store, { table, by: CLI_ACTOR, now: clock.now() });
    io.out(t("cli-scores-imported", { year: String(stored.year), units: stored.units.length }));
    if (!args.values.publish) {
      io.out(t("cli-scores-not-published"));
      return 0;
    }
    const done = await publishScoresAction(app.services, CLI_ACTOR, { expectedImportedAt: stored.importedAt });
    const sent = (await notify(app.services, done.notifications)).reduce((a, b) => a + b, 0);
    const accounts = done.result.audience.accounts;
    io.out(t("cli-scores-published", { sent, accounts }));
    if (sent < accounts) io.out(t("cli-scores-published-offline"));
    return 0;
  } finally {
    await app.close();
  }
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
