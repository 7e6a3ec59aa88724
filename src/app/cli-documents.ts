// `hoinghi invitations <folder> [--date YYYY-MM-DD]` (every unit's giấy mời), `hoinghi checkin-poster
// <file.png|pdf> [--a3]` and `hoinghi sign-in-list <file.docx>` (the list of delegates to sign).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { issueMissingCodesAction } from "../actions/letters.js";
import { attendanceListInput } from "../documents/attendance-list-data.js";
import { invitationFiles } from "../documents/invitation-data.js";
import { posterInput } from "../documents/poster-data.js";
import { UserError } from "../domain/errors.js";
import type { Translate } from "../lib/i18n.js";
import { lettersView } from "../views/letters.js";
import type { App } from "./app.js";
import { CliError, type CliIo, type SubcommandSpec } from "./cli-core.js";
import { openForReading, openWithCodes } from "./cli-spool.js";
import { CLI_ACTOR } from "./cli-scores.js";

/** Writes `data` to `file`, or refuses in one line with the system's reason. */
async function writeOut(t: Translate, file: string, data: Buffer): Promise<void> {
  try {
    await writeFile(path.resolve(file), data);
  } catch (err) {
    throw new CliError(t("export-cli-write-failed", { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}

/**
 * Runs `work` on the app `open` gives, a UserError refused in its own words, and closes the app. While
 * the bot runs, the app reads a snapshot of its store (src/app/cli-spool.ts): these commands only read.
 */
async function withApp<T>(open: Promise<App>, t: Translate, work: (app: App) => Promise<T>): Promise<T> {
  const app = await open;
  try {
    return await work(app);
  } catch (err) {
    if (err instanceof UserError) throw new CliError(t(err.key, err.args));
    throw err;
  } finally {
    await app.close();
  }
}

const readOnly = async (io: CliIo): Promise<App> => (await openForReading(io)).app;

/** "YYYY-MM-DD" of --date, checked: a day that exists. */
function dateOption(t: Translate, value: string | boolean | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new CliError(t("doc-cli-date", { date: value }));
  return value;
}

export const invitationsSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const dir = args.positionals[0];
  if (!dir) throw new CliError(t("doc-cli-missing-dir"));
  const date = dateOption(t, args.values.date);
  // The codes the letters print are issued first (by the running bot, through the spool, when one runs).
  return withApp(openWithCodes(io, t, false), t, async (app) => {
    const { services } = app;
    await issueMissingCodesAction(services, CLI_ACTOR);
    const view = lettersView(services.store.data, services.conference, services.config.links, services.clock.now(), date ? { date } : {});
    const made = await invitationFiles(services.conference, services.config.links, view, t, true);
    const target = path.resolve(dir);
    try {
      await mkdir(target, { recursive: true });
      for (const f of [...made.units, made.all]) await writeFile(path.join(target, f.name), f.data);
    } catch (err) {
      throw new CliError(t("doc-cli-write-failed", { dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
    io.out(t("doc-cli-done", { count: made.units.length, dir, all: made.all.name }));
    for (const w of made.warnings) io.out(w);
    return 0;
  });
};

export const checkinPosterSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("poster-cli-missing-file"));
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".png" && ext !== ".pdf") throw new CliError(t("poster-cli-extension", { file }));
  return withApp(readOnly(io), t, async (app) => {
    const input = posterInput(app.services, t);
    const { posterPdf, posterPng } = await import("../documents/poster.js");
    const paper = args.values.a3 ? "A3" : "A4";
    await writeOut(t, file, ext === ".pdf" ? await posterPdf(input, paper) : await posterPng(input));
    io.out(t("poster-cli-done", { file, code: input.code }));
    return 0;
  });
};

export const signInListSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("list-cli-missing-file"));
  if (path.extname(file).toLowerCase() !== ".docx") throw new CliError(t("list-cli-extension", { file }));
  return withApp(readOnly(io), t, async (app) => {
    const input = attendanceListInput(app.services, t);
    const { attendanceListDocx } = await import("../documents/attendance-list.js");
    await writeOut(t, file, await attendanceListDocx(input, t));
    io.out(t("list-cli-done", { file, present: String(input.totals.present), expected: String(input.totals.expected) }));
    return 0;
  });
};
