// `hoinghi export FILE.xlsx`: the same workbook as /xuat, written to a file.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { buildWorkbook } from "../documents/workbook.js";
import { workbookView } from "../views/workbook.js";
import { CliError, type SubcommandSpec } from "./cli-core.js";
import { openForReading } from "./cli-spool.js";
import { summarize } from "../domain/attendance.js";

/** A row of the table in cli.ts: one positional, the file to write. */
export const exportSubcommand: SubcommandSpec["run"] = async (args, io, t) => {
  const file = args.positionals[0];
  if (!file) throw new CliError(t("cli-missing-file"));
  if (!file.toLowerCase().endsWith(".xlsx")) throw new CliError(t("export-cli-not-xlsx", { file }));
  const { app } = await openForReading(io);
  try {
    const { conf } = app.services.conference;
    const workbook = await buildWorkbook(workbookView(app.store.data, conf, app.services.clock.now()), t);
    const target = path.resolve(file);
    try {
      await writeFile(target, workbook);
    } catch (err) {
      throw new CliError(t("export-cli-write-failed", { file, reason: (err as NodeJS.ErrnoException).code ?? String(err) }));
    }
    const totals = summarize(conf, app.store.data).totals;
    io.out(t("export-cli-done", { file, seats: totals.seats, attend: totals.attend, substitute: totals.substitute, absent: totals.absent, unanswered: totals.unanswered }));
  } finally {
    await app.close();
  }
  return 0;
};
