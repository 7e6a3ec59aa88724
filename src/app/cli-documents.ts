// `hoinghi invitations <folder>` (every unit's giấy mời) and `hoinghi checkin-poster <file.png|pdf>`.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { makeInvitations } from "../../commands/documents.js";
import { posterInput } from "../documents/poster-data.js";
import { UserError } from "../domain/errors.js";
import { CliError, type SubcommandSpec } from "./cli-core.js";
import { openForReading, openWithCodes } from "./cli-spool.js";
import { CLI_ACTOR } from "./cli-scores.js";

/** Rows of the subcommand table in cli.ts. */
export const invitationsSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const dir = args.positionals[0];
  if (!dir) throw new CliError(t("doc-cli-missing-dir"));
  const app = await openWithCodes(io, t, false);
  try {
    const made = await makeInvitations(app.services, CLI_ACTOR, t, true);
    const target = path.resolve(dir);
    try {
      await mkdir(target, { recursive: true });
      for (const f of [...made.units, made.all]) await writeFile(path.join(target, f.name), f.data);
    } catch (err) {
      throw new CliError(t("doc-cli-write-failed", { dir, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
    io.out(t("doc-cli-done", { count: made.units.length, dir, all: made.all.name }));
    for (const w of made.warnings) io.out(w);
  } finally {
    await app.close();
  }
  return 0;
};

export const checkinPosterSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("poster-cli-missing-file"));
  const ext = path.extname(file).toLowerCase();
  if (ext !== ".png" && ext !== ".pdf") throw new CliError(t("poster-cli-extension", { file }));
  const { app } = await openForReading(io);
  try {
    let input: ReturnType<typeof posterInput>;
    try {
      input = posterInput(app.services, t);
    } catch (err) {
      if (err instanceof UserError) throw new CliError(t(err.key, err.args));
      throw err;
    }
    const { posterPdf, posterPng } = await import("../documents/poster.js");
    const data = ext === ".pdf" ? await posterPdf(input) : await posterPng(input);
    try {
      await writeFile(path.resolve(file), data);
    } catch (err) {
      throw new CliError(t("export-cli-write-failed", { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
    io.out(t("poster-cli-done", { file, code: input.code }));
  } finally {
    await app.close();
  }
  return 0;
};
