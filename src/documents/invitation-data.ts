// The giấy mời in words: the letters' view (src/views/letters.ts) written in a language, with the links each letter prints.
import type { ConferenceService } from "../conference/service.js";
import { parseOffset } from "../conference/service.js";
import type { Conference, Moment } from "../conference/schema.js";
import { type Contact, contactOf } from "../domain/contact.js";
import type { Translate } from "../lib/i18n.js";
import { formatDate, formatDateTime, local } from "../lib/time.js";
import type { InvitationCommon, InvitationLetter } from "./invitation.js";
import { type BotLinks, telegramStartLink } from "./links.js";
import type { LettersView } from "../views/letters.js";

/** "3 ngày", "24 giờ", "1 ngày 12 giờ": an offset before the start as a letter writes it. */
export function offsetText(t: Translate, offset: string): string {
  let ms = parseOffset(offset);
  const parts: string[] = [];
  for (const [unit, size] of [["d", 86_400_000], ["h", 3_600_000], ["m", 60_000]] as const) {
    const n = Math.floor(ms / size);
    ms -= n * size;
    if (n > 0) parts.push(t(`doc-offset-${unit}`, { n: String(n) }));
  }
  return parts.join(" ");
}

/** "trước 8 giờ 00, thứ Năm, ngày 17/6/2027" when the deadline is known, else "chậm nhất 3 ngày trước giờ khai mạc". */
export function deadlineText(t: Translate, conference: ConferenceService, moment: Moment): string {
  const at = conference.resolve(moment);
  if (at) return t("doc-deadline-at", { time: formatDateTime(t, at) });
  return "before_start" in moment ? t("doc-deadline-before-start", { offset: offsetText(t, moment.before_start) }) : "";
}

/** The day of issue as Nghị định 30 writes it: days below 10 and months below 3 with a leading zero. */
function issuedParts(d: Date): InvitationCommon["issued"] {
  const l = local(d);
  const day = l.date();
  const month = l.month() + 1;
  return { day: day < 10 ? `0${day}` : String(day), month: month < 3 ? `0${month}` : String(month), year: String(l.year()) };
}

export function invitationCommon(conference: ConferenceService, t: Translate, view: LettersView): InvitationCommon {
  const conf = conference.conf;
  const inv = conf.invitation ?? {};
  const s = conference.schedule();
  const time = s.start
    ? t("doc-time", { time: conf.schedule.duration_label ? t("doc-time-duration", { time: formatDateTime(t, s.start), duration: conf.schedule.duration_label }) : formatDateTime(t, s.start) })
    : conf.schedule.expected
      ? t("doc-time-tba", { expected: conf.schedule.expected })
      : t("doc-time-tba-plain");
  const place = s.place
    ? t("doc-place", { place: s.place })
    : conf.schedule.planned_place
      ? t("doc-place-tba", { planned: conf.schedule.planned_place })
      : t("doc-place-tba-plain");
  const contact = conferenceContact(conf);
  return {
    bodyLines: inv.body_lines ?? [conf.body.toLocaleUpperCase("vi")],
    body: conf.body,
    number: inv.number ?? "",
    symbol: inv.symbol ?? "GM-UBND",
    place: inv.place ?? conf.body,
    issued: issuedParts(view.issued),
    summary: inv.summary ?? t("doc-summary", { title: conf.title }),
    title: conf.title,
    chair: conf.chair,
    timeLine: time,
    placeLine: place,
    rsvpDeadline: deadlineText(t, conference, view.deadlines.rsvp.moment),
    ...(contact && { contact: contactLine(t, contact) }),
    recipients: inv.recipients ?? [t("doc-recipient-archive")],
    signer: { onBehalf: conf.signer.on_behalf, title: conf.signer.title, name: conf.signer.name },
  };
}

/**
 * Who a unit calls: the conference's top-level `contact`, or (files written before it existed)
 * `invitation.contact`. One source for the letters and the sign-in list.
 */
export function conferenceContact(conf: Pick<Conference, "contact" | "invitation">): Contact | undefined {
  const own = contactOf(conf);
  if (own) return own;
  const old = conf.invitation?.contact;
  if (!old) return undefined;
  const phone = old.phone.trim();
  return { name: old.name.trim(), ...(phone && { phone }) };
}

/** "Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị), điện thoại: đang cập nhật" as a letter writes it. */
export function contactLine(t: Translate, c: Contact): string {
  const phone = c.phone || t("doc-phone-none");
  return c.position ? t("doc-contact-with-position", { name: c.name, position: c.position, phone }) : t("doc-contact", { name: c.name, phone });
}

/** The letters of the view in the language of `t`, with one QR link per configured channel (a unit without a code gets none). */
export function invitationLetters(conference: ConferenceService, view: LettersView, links: BotLinks, t: Translate): InvitationLetter[] {
  const speechDeadline = deadlineText(t, conference, view.deadlines.speech.moment);
  return view.letters.map((l) => {
    const code = l.code;
    const letterLinks = code
      ? [
          ...(links.telegramBot ? [{ label: t("doc-box-telegram"), url: telegramStartLink(links.telegramBot, code) }] : []),
          ...(links.zaloBot ? [{ label: t("doc-box-zalo"), url: links.zaloBot }] : []),
        ]
      : [];
    return {
      unitId: l.unitId,
      addressee: l.addressee,
      seats: l.seats,
      ...(code ? { code: `${code.slice(0, 5)}-${code.slice(5)}` } : {}),
      duty: l.duty.kind === "speech" ? { kind: "speech", topic: l.duty.topic, deadline: speechDeadline } : l.duty,
      links: letterLinks,
    };
  });
}

/** What the organizer is told before sending the letters: late, time not set, without QR codes. */
export function invitationWarnings(t: Translate, view: LettersView): string[] {
  return view.warnings.map((w) => {
    if (w.kind === "late") return t("doc-warn-late", { issued: formatDate(t, w.issued), days: String(w.days), start: formatDateTime(t, w.start) });
    return t(w.kind === "tba" ? "doc-warn-tba" : "doc-warn-no-links");
  });
}

/** The file names: one per unit ("giay-moi-muong-so.docx") and the combined one. */
export function letterFileName(unitId: string): string {
  return `giay-moi-${unitId}.docx`;
}
export function allLettersFileName(conferenceId: string): string {
  return `giay-moi-${conferenceId}-tat-ca.docx`;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface InvitationFiles {
  /** Every letter in one file, a page break (a new section) between units. */
  all: { name: string; data: Buffer };
  /** One file per unit, in the order of the conference file (only when asked for). */
  units: Array<{ unitId: string; name: string; data: Buffer }>;
  /** What the organizer is told before sending them. */
  warnings: string[];
}

/**
 * The letters of the view as .docx, with the codes the view holds (issuing missing ones is
 * src/actions/letters.ts, done before by whoever asks for it). `perUnit` adds one file per unit.
 */
export async function invitationFiles(conference: ConferenceService, links: BotLinks, view: LettersView, t: Translate, perUnit: boolean): Promise<InvitationFiles> {
  // Loaded on first use: docx and qrcode take a while to load and most runs print nothing.
  const { invitationsDocx } = await import("./invitation.js");
  const common = invitationCommon(conference, t, view);
  const letters = invitationLetters(conference, view, links, t);
  const all = { name: allLettersFileName(conference.conf.id), data: await invitationsDocx(common, letters, t) };
  const files: InvitationFiles["units"] = [];
  if (perUnit) for (const l of letters) files.push({ unitId: l.unitId, name: letterFileName(l.unitId), data: await invitationsDocx(common, [l], t) });
  return { all, units: files, warnings: invitationWarnings(t, view) };
}
