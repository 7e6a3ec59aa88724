// /giaymoi (/invitations): the giấy mời of every unit in one .docx; and the check-in poster for /diemdanh poster.
import { issueMissingCodesAction } from "../src/actions/letters.js";
import { attendanceListInput } from "../src/documents/attendance-list-data.js";
import { DOCX_MIME, type InvitationFiles, invitationFiles } from "../src/documents/invitation-data.js";
import { posterInput } from "../src/documents/poster-data.js";
import type { Translate } from "../src/lib/i18n.js";
import { local } from "../src/lib/time.js";
import type { Reply, Services } from "../src/messages/types.js";
import { lettersView } from "../src/views/letters.js";
import type { AccountKey } from "../storage/schema.js";
import { text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";
import { carriesFiles, deskPageReplies } from "./desk.js";

/**
 * Issues the invite codes units do not have yet (an explicit step: /giaymoi and `hoinghi invitations`
 * ask for the letters to send), then builds the letters of every unit. `perUnit` false builds only
 * the combined file (the chat needs no more).
 */
export async function makeInvitations(services: Services, actor: AccountKey, t: Translate, perUnit: boolean): Promise<InvitationFiles> {
  await issueMissingCodesAction(services, actor);
  const view = lettersView(services.store.data, services.conference, services.config.links, services.clock.now());
  return invitationFiles(services.conference, services.config.links, view, t, perUnit);
}

const invitations: CommandDef = {
  name: "giaymoi",
  noArgs: true,
  aliases: ["invitations"],
  roles: ["organizer"],
  describe: "cmd-invitations",
  async handler(ctx) {
    const { t, services } = ctx;
    if (!carriesFiles(ctx.req.channel)) {
      // The codes are issued as /giaymoi always does; the letters are downloaded from the desk.
      await issueMissingCodesAction(services, ctx.account.key);
      return deskPageReplies(ctx, "downloads", "doc-invitations-on-desk");
    }
    const made = await makeInvitations(services, ctx.account.key, t, false);
    services.logger.info({ by: ctx.account.key, units: services.conference.units().length, bytes: made.all.data.length }, "invitation letters made");
    const replies: Reply[] = [
      { kind: "file", name: made.all.name, mime: DOCX_MIME, data: made.all.data, caption: t("doc-invitations-caption", { count: services.conference.units().length }) },
    ];
    if (made.warnings.length > 0) replies.push(text(made.warnings.join("\n")));
    return replies;
  },
};

/** /diemdanh poster: the PNG to show on the hall screen or print. */
export async function posterReplies(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const input = posterInput(services, t);
  const { posterPng } = await import("../src/documents/poster.js");
  const png = await posterPng(input);
  services.logger.info({ by: ctx.account.key, bytes: png.length }, "check-in poster made");
  return [{ kind: "photo", name: `diem-danh-${input.code}.png`, data: png, caption: t("poster-caption", { code: input.code }) }];
}

const attendanceList: CommandDef = {
  name: "danhsach",
  noArgs: true,
  aliases: ["list"],
  roles: ["organizer"],
  describe: "cmd-attendance-list",
  async handler(ctx) {
    const { t, services } = ctx;
    if (!carriesFiles(ctx.req.channel)) return deskPageReplies(ctx, "downloads", "list-on-desk");
    const input = attendanceListInput(services, t);
    const { attendanceListDocx } = await import("../src/documents/attendance-list.js");
    const data = await attendanceListDocx(input, t);
    services.logger.info({ by: ctx.account.key, bytes: data.length }, "attendance list made");
    const name = `danh-sach-dai-bieu-${services.conference.conf.id}-${local(services.clock.now()).format("YYYYMMDD-HHmm")}.docx`;
    return [{ kind: "file", name, mime: DOCX_MIME, data, caption: t("list-caption", { present: String(input.totals.present), expected: String(input.totals.expected) }) }];
  },
};

export const documentCommands: CommandDef[] = [invitations, attendanceList];
