// `hoinghi analysis FILE.docx` (the analysis report of the Chỉ số CCHC) and `hoinghi minutes FILE.docx`
// (the draft minutes of the conference), `hoinghi conclusions FILE.docx` (the Thông báo kết luận:
// the issued one, else the draft): the same views and documents as the desk's downloads.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { UserError } from "../domain/errors.js";
import type { Translate } from "../lib/i18n.js";
import { analysisReportView } from "../views/analysis.js";
import { conclusionsDocView } from "../views/conclusions.js";
import { minutesView } from "../views/minutes.js";
import { type CliArgs, CliError, openApp, type SubcommandSpec } from "./cli-core.js";

/** The file named on the command line, which must end in .docx. */
function docxTarget(args: CliArgs, t: Translate, missing: string): string {
  const file = args.positionals[0];
  if (!file) throw new CliError(t(missing));
  if (path.extname(file).toLowerCase() !== ".docx") throw new CliError(t("cli-report-extension", { file }));
  return file;
}

async function write(t: Translate, file: string, data: Buffer): Promise<void> {
  try {
    await writeFile(path.resolve(file), data);
  } catch (err) {
    throw new CliError(t("export-cli-write-failed", { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
  }
}

/** The person at the terminal runs the server: they see the table as organizers do (a preview is marked so). */
export const analysisSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = docxTarget(args, t, "cli-report-missing-file");
  const app = await openApp(io);
  try {
    const { services } = app;
    let view: ReturnType<typeof analysisReportView>;
    try {
      view = analysisReportView(services.store.data, services.conference, "organizer");
    } catch (err) {
      if (err instanceof UserError) throw new CliError(t(err.key, err.args));
      throw err;
    }
    const { analysisDocx } = await import("../documents/analysis.js");
    await write(t, file, await analysisDocx(services.conference.conf, view, t));
    io.out(t("cli-report-done", { year: String(view.ranking.year), file }));
  } finally {
    await app.close();
  }
  return 0;
};

export const minutesSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = docxTarget(args, t, "cli-minutes-missing-file");
  const app = await openApp(io);
  try {
    const { services } = app;
    const view = minutesView(services.conference, services.store.data);
    const { minutesDocx } = await import("../documents/minutes.js");
    await write(t, file, await minutesDocx(services.conference.conf, view, t));
    io.out(t("cli-minutes-done", { file, present: view.totals.present, expected: view.totals.expected }));
  } finally {
    await app.close();
  }
  return 0;
};

/** The issued Thông báo kết luận, or the draft as it stands (marked so), in the conference's language. */
export const conclusionsSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = docxTarget(args, t, "cli-conclusions-missing-file");
  const app = await openApp(io);
  try {
    const { services } = app;
    const view = conclusionsDocView(services.conference, services.store.data);
    const { conclusionsDocx } = await import("../documents/conclusions.js");
    await write(t, file, await conclusionsDocx(services.conference.conf, view, services.i18n.forLanguage(services.config.defaultLanguage)));
    io.out(view.number ? t("cli-conclusions-done-issued", { number: `${view.number}/${view.symbol}`, file }) : t("cli-conclusions-done-draft", { file }));
  } finally {
    await app.close();
  }
  return 0;
};
