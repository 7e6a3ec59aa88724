// /xuat (/export): the attendance and speech workbook (.xlsx) in the chat. Its rows are src/views/workbook.ts,
// its cells src/documents/workbook.ts (the desk and `hoinghi export` use the same two).
import { buildWorkbook, workbookName, XLSX_MIME } from "../src/documents/workbook.js";
import { summarize } from "../src/domain/attendance.js";
import { workbookView } from "../src/views/workbook.js";
import type { CommandDef } from "./types.js";
import { carriesFiles, deskPageReplies } from "./desk.js";

const exportCommand: CommandDef = {
  name: "xuat",
  noArgs: true,
  aliases: ["export"],
  roles: ["organizer"],
  describe: "cmd-export",
  async handler(ctx) {
    const { t, services } = ctx;
    if (!carriesFiles(ctx.req.channel)) return deskPageReplies(ctx, "downloads", "export-on-desk");
    const conf = services.conference.conf;
    const now = services.clock.now();
    const workbook = await buildWorkbook(workbookView(services.store.data, conf, now), t);
    services.logger.info({ by: ctx.account.key, bytes: workbook.length }, "workbook exported");
    const totals = summarize(conf, services.store.data).totals;
    const caption = t("export-caption", { seats: totals.seats, attend: totals.attend, substitute: totals.substitute, absent: totals.absent, unanswered: totals.unanswered });
    return [{ kind: "file", name: workbookName(conf, now), mime: XLSX_MIME, data: workbook, caption }];
  },
};

export const exportCommands: CommandDef[] = [exportCommand];
