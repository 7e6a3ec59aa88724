// What goes on each unit's giấy mời, read from the conference and the store: seats, duty, deadlines, code, links.
import type { ConferenceService } from "../conference/service.js";
import { parseOffset } from "../conference/service.js";
import type { Conference, Moment } from "../conference/schema.js";
import { type Contact, contactOf } from "../domain/contact.js";
import { unitAddress } from "../domain/units.js";
import type { Translate } from "../lib/i18n.js";
import { formatDate, formatDateTime, local } from "../lib/time.js";
import type { InvitationCommon, InvitationLetter } from "./invitation.js";
import { type BotLinks, telegramStartLink } from "./links.js";
import { MIN_WORKING_DAYS, workingDaysBetween } from "./working-days.js";

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

/** The date printed on the letters: the conference file's, else the day they are made. */
export function issueDate(conference: ConferenceService, now: Date): Date {
  const fixed = conference.conf.invitation?.date;
  return fixed ? local(`${fixed}T12:00:00+07:00`).toDate() : now;
}

export function invitationCommon(conference: ConferenceService, t: Translate, now: Date): InvitationCommon {
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
    issued: issuedParts(issueDate(conference, now)),
    summary: inv.summary ?? t("doc-summary", { title: conf.title }),
    title: conf.title,
    chair: conf.chair,
    timeLine: time,
    placeLine: place,
    rsvpDeadline: deadlineText(t, conference, conf.deadlines.rsvp),
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

/** One letter per unit, in the order of the conference file; `codes` maps a unit id to its invite code (stored form). */
export function invitationLetters(conference: ConferenceService, codes: Map<string, string>, links: BotLinks, t: Translate): InvitationLetter[] {
  const conf = conference.conf;
  const speechDeadline = deadlineText(t, conference, conf.deadlines.speech);
  return conf.units.map((unit) => {
    const code = codes.get(unit.id);
    if (!code) throw new Error(`no invite code for ${unit.id}`);
    const speech = conference.speechFor(unit.id);
    const letterLinks = [
      ...(links.telegramBot ? [{ label: t("doc-box-telegram"), url: telegramStartLink(links.telegramBot, code) }] : []),
      ...(links.zaloBot ? [{ label: t("doc-box-zalo"), url: links.zaloBot }] : []),
    ];
    return {
      unitId: unit.id,
      addressee: unitAddress(unit),
      seats: unit.seats.map((s) => s.title),
      code: `${code.slice(0, 5)}-${code.slice(5)}`,
      duty: speech ? { kind: "speech", topic: speech.topic, deadline: speechDeadline } : { kind: "open", text: conf.open_floor },
      links: letterLinks,
    };
  });
}

/** What the organizer is told before sending the letters: late, without QR codes, time not set. */
export function invitationWarnings(conference: ConferenceService, links: BotLinks, t: Translate, now: Date): string[] {
  const out: string[] = [];
  const s = conference.schedule();
  const issued = issueDate(conference, now);
  if (s.start) {
    const days = workingDaysBetween(issued, s.start);
    if (days < MIN_WORKING_DAYS) out.push(t("doc-warn-late", { issued: formatDate(t, issued), days: String(days), start: formatDateTime(t, s.start) }));
  }
  if (!s.announced) out.push(t("doc-warn-tba"));
  if (!links.telegramBot && !links.zaloBot) out.push(t("doc-warn-no-links"));
  return out;
}

/** The file names: one per unit ("giay-moi-muong-so.docx") and the combined one. */
export function letterFileName(unitId: string): string {
  return `giay-moi-${unitId}.docx`;
}
export function allLettersFileName(conferenceId: string): string {
  return `giay-moi-${conferenceId}-tat-ca.docx`;
}
