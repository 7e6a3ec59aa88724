// /giaymoi (/invitations): the giấy mời of every unit in one .docx; and the check-in poster for /diemdanh poster.
import { attendanceListInput } from "../src/documents/attendance-list-data.js";
import { posterInput } from "../src/documents/poster-data.js";
import {
  allLettersFileName,
  invitationCommon,
  invitationLetters,
  invitationWarnings,
  letterFileName,
} from "../src/documents/invitation-data.js";
import type { Translate } from "../src/lib/i18n.js";
import { text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply, Services } from "../src/messages/types.js";

// The sign-in list's and the poster's data live beside their renderers (src/documents/); kept here for the modules that import them from here.
export { attendanceListInput, seatPosition } from "../src/documents/attendance-list-data.js";
export { posterInput } from "../src/documents/poster-data.js";
import { local } from "../src/lib/time.js";
import { ensureInvites } from "../src/domain/identity.js";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface InvitationFiles {
  /** Every letter in one file, a page break (a new section) between units. */
  all: { name: string; data: Buffer };
  /** One file per unit, in the order of the conference file. */
  units: Array<{ unitId: string; name: string; data: Buffer }>;
  warnings: string[];
}

/**
 * Builds the letters of every unit, issuing the invite codes units do not have yet (as /mamoi does).
 * `perUnit` false builds only the combined file (the chat needs no more).
 */
export async function makeInvitations(services: Services, t: Translate, perUnit: boolean): Promise<InvitationFiles> {
  const { conference, store, clock, config } = services;
  const now = clock.now();
  const units = conference.units();
  const invites = await ensureInvites(store, units.map((u) => u.id), now);
  const codes = new Map([...invites].map(([unitId, invite]) => [unitId, invite.code] as const));
  // Loaded on first use, as exceljs is: docx and qrcode take a while to load and most runs print nothing.
  const { invitationsDocx } = await import("../src/documents/invitation.js");
  const common = invitationCommon(conference, t, now);
  const letters = invitationLetters(conference, codes, config.links, t);
  const all = { name: allLettersFileName(conference.conf.id), data: await invitationsDocx(common, letters, t) };
  const files: InvitationFiles["units"] = [];
  if (perUnit) {
    for (const l of letters) files.push({ unitId: l.unitId, name: letterFileName(l.unitId), data: await invitationsDocx(common, [l], t) });
  }
  return { all, units: files, warnings: invitationWarnings(conference, config.links, t, now) };
}

const invitations: CommandDef = {
  name: "giaymoi",
  noArgs: true,
  aliases: ["invitations"],
  roles: ["organizer"],
  describe: "cmd-invitations",
  async handler(ctx) {
    const { t, services } = ctx;
    const made = await makeInvitations(services, t, false);
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
    const input = attendanceListInput(services, t);
    const { attendanceListDocx } = await import("../src/documents/attendance-list.js");
    const data = await attendanceListDocx(input, t);
    services.logger.info({ by: ctx.account.key, bytes: data.length }, "attendance list made");
    const name = `danh-sach-dai-bieu-${services.conference.conf.id}-${local(services.clock.now()).format("YYYYMMDD-HHmm")}.docx`;
    return [{ kind: "file", name, mime: DOCX_MIME, data, caption: t("list-caption", { present: String(input.totals.present), expected: String(input.totals.expected) }) }];
  },
};

export const documentCommands: CommandDef[] = [invitations, attendanceList];
