// /giaymoi (/invitations): the giấy mời of every unit in one .docx; and the check-in poster for /diemdanh poster.
import { unitName } from "../src/domain/units.js";
import type { AttendanceListInput, ListUnit } from "../src/documents/attendance-list.js";
import {
  allLettersFileName,
  conferenceContact,
  contactLine,
  invitationCommon,
  invitationLetters,
  invitationWarnings,
  letterFileName,
} from "../src/documents/invitation-data.js";
import { checkinPayload, telegramStartLink } from "../src/documents/links.js";
import type { PosterInput } from "../src/documents/poster.js";
import type { Translate } from "../src/lib/i18n.js";
import { formatDateTime, formatTime, local } from "../src/lib/time.js";
import { text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply, Services } from "../src/messages/types.js";
import { UserError } from "../src/domain/errors.js";
import { type SeatRow, summarize } from "../src/domain/attendance.js";
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


/** The poster of the current hall code; refuses while no code has been issued (/diemdanh issues it). */
export function posterInput(services: Services, t: Translate): PosterInput {
  const current = services.store.data.checkinCode;
  if (!current) throw new UserError("poster-no-code");
  const conf = services.conference.conf;
  const bot = services.config.links.telegramBot;
  const lines = [t("poster-zalo", { code: current.code }), ...(bot ? [] : [t("poster-any", { code: current.code })])];
  return {
    body: (conf.invitation?.body_lines ?? [conf.body]).join(" ").toLocaleUpperCase("vi"),
    title: conf.title,
    heading: t("poster-title"),
    codeLabel: t("poster-code-label"),
    code: current.code,
    qr: bot ? { url: telegramStartLink(bot, checkinPayload(current.code)), label: t("poster-telegram") } : undefined,
    lines,
    footer: t("poster-issued", { issued: formatDateTime(t, current.issuedAt) }),
  };
}

/** /diemdanh poster: the PNG to show on the hall screen or print. */
export async function posterReplies(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const input = posterInput(services, t);
  const { posterPng } = await import("../src/documents/poster.js");
  const png = await posterPng(input);
  services.logger.info({ by: ctx.account.key, bytes: png.length }, "check-in poster made");
  return [{ kind: "photo", name: `diem-danh-${input.code}.png`, data: png, caption: t("poster-caption", { code: input.code }) }];
}

/**
 * The list to sign, from the same summary as /baocao and /xuat: each seat with the registered person's
 * name and position (a person attending their own seat has the seat's title as position).
 */
export function attendanceListInput(services: Services, t: Translate): AttendanceListInput {
  const conf = services.conference.conf;
  const data = services.store.data;
  const sum = summarize(conf, data);
  const coming = (s: SeatRow) => s.answer?.status === "attend" || s.answer?.status === "substitute";
  const units: ListUnit[] = sum.units.map((u) => {
    const expected = u.seats.filter(coming);
    return {
      unit: unitName(u.unit),
      seats: u.seats
        .filter((s) => s.answer?.status !== "absent")
        .map((s) => ({
          seat: s.seat.title,
          name: s.answer?.name ?? "",
          position: seatPosition(s),
          substitute: s.answer?.status === "substitute",
          unanswered: !s.answer,
          present: s.checkin ? t("list-present-at", { time: formatTime(t, s.checkin.at) }) : undefined,
        })),
      present: data.checkins.filter((c) => c.unitId === u.unit.id).length,
      expected: expected.length,
      missing: expected.filter((s) => !s.checkin).map((s) => t("list-missing-seat", { seat: s.seat.title, name: s.answer?.name ?? "" })),
    };
  });
  const contact = conferenceContact(conf);
  return {
    bodyLines: conf.invitation?.body_lines ?? [conf.body.toLocaleUpperCase("vi")],
    title: conf.title,
    made: formatDateTime(t, services.clock.now()),
    totals: { present: sum.totals.checkedIn, expected: sum.totals.attend + sum.totals.substitute, seats: sum.totals.seats, absent: sum.totals.absent },
    units,
    absences: sum.seats
      .filter((s) => s.answer?.status === "absent")
      .map((s) => ({ unit: unitName(s.unit), seat: s.seat.title, reason: s.answer?.reason ?? "" })),
    ...(contact && { contact: contactLine(t, contact) }),
  };
}

/** The position printed for a seat: a substitute's own; the seat's title for a person attending their own seat. */
export function seatPosition(s: SeatRow): string {
  if (s.answer?.status === "substitute") return s.answer.position ?? "";
  if (s.answer?.status === "attend") return s.answer.position || s.seat.title;
  return "";
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
