// The giấy mời in words: the letters' view (src/views/letters.ts) written in a language, with the links each letter prints.
import type { ConferenceService } from "../conference/service.js";
import { parseOffset } from "../conference/service.js";
import type { Conference } from "../conference/schema.js";
import { type Contact, contactOf } from "../domain/contact.js";
import type { Translate } from "../lib/i18n.js";
import { fold } from "../lib/text.js";
import { dateTimeParts, formatDate, formatDateTime, local } from "../lib/time.js";
import type { CodeBox, InvitationCommon, InvitationLetter } from "./invitation.js";
import { type BotLinks, telegramStartLink } from "./links.js";
import type { DeadlineView, LettersView } from "../views/letters.js";

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

/** "08 giờ 00 phút, thứ Năm, ngày 17/6/2027": a time as an office writes it in a letter. */
export function letterDateTime(t: Translate, d: Date): string {
  const p = dateTimeParts(d);
  const day = issuedParts(d);
  return t("doc-datetime", { hour: p.hour.padStart(2, "0"), minute: p.minute, weekday: t(p.weekday), day: day.day, month: day.month, year: day.year });
}

/** "trước 08 giờ 00 phút, thứ Năm, ngày 17/6/2027" (moved off a day off) when the deadline is known, else "chậm nhất 3 ngày trước giờ khai mạc". */
export function deadlineText(t: Translate, d: DeadlineView): string {
  if (d.printed) return t("doc-deadline-at", { time: letterDateTime(t, d.printed) });
  return "before_start" in d.moment ? t("doc-deadline-before-start", { offset: offsetText(t, d.moment.before_start) }) : "";
}

/** The day of issue as Nghị định 30 writes it: days below 10 and months below 3 with a leading zero. */
function issuedParts(d: Date): { day: string; month: string; year: string } {
  const l = local(d);
  const day = l.date();
  const month = l.month() + 1;
  return { day: day < 10 ? `0${day}` : String(day), month: month < 3 ? `0${month}` : String(month), year: String(l.year()) };
}

/** The part of the day a meeting takes, as offices name it: morning, afternoon, the whole day; none for longer meetings. */
function session(start: Date, minutes: number): "morning" | "afternoon" | "day" | undefined {
  const from = local(start);
  const to = from.add(minutes, "minute");
  const at = (h: number) => from.startOf("day").add(h, "hour");
  if (to.isAfter(at(24))) return undefined;
  if (!to.isAfter(at(13))) return "morning";
  if (!from.isBefore(at(12))) return "afternoon";
  return "day";
}

function timeLine(conference: ConferenceService, t: Translate): string {
  const conf = conference.conf;
  const start = conference.schedule().start;
  if (!start) return conf.schedule.expected ? t("doc-time-tba", { expected: conf.schedule.expected }) : t("doc-time-tba-plain");
  const when = letterDateTime(t, start);
  const part = session(start, conf.schedule.duration_minutes);
  // "(buổi sáng)" as offices write it; the conference file's own label ("02 ngày") only for what has no such name.
  const label = part ? t(`doc-session-${part}`) : conf.schedule.duration_label;
  return t("doc-time", { time: label ? t("doc-time-duration", { time: when, duration: label }) : when });
}

export function invitationCommon(conference: ConferenceService, t: Translate, view: LettersView): InvitationCommon {
  const conf = conference.conf;
  const inv = conf.invitation ?? {};
  const s = conference.schedule();
  const place = s.place
    ? t("doc-place", { place: s.place })
    : conf.schedule.planned_place
      ? t("doc-place-tba", { planned: conf.schedule.planned_place })
      : t("doc-place-tba-plain");
  const contact = conferenceContact(conf);
  const where = inv.place ?? conf.body;
  return {
    bodyLines: inv.body_lines ?? [conf.body.toLocaleUpperCase("vi")],
    body: conf.body,
    number: inv.number ?? "",
    symbol: inv.symbol ?? "GM-UBND",
    // Undated letters leave the day to the office, which dates them when they are signed and numbered.
    placeDate: view.date ? t("doc-place-date", { place: where, ...issuedParts(view.date) }) : t("doc-place-date-blank", { place: where }),
    summary: inv.summary ?? t("doc-summary", { title: conf.title }),
    title: conf.title,
    chair: conf.chair,
    timeLine: timeLine(conference, t),
    placeLine: place,
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

/** "Mọi chi tiết xin liên hệ: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị), điện thoại: …." as a letter writes it; no phone, no "điện thoại". */
export function contactLine(t: Translate, c: Contact): string {
  const who = c.position ? t("doc-contact-who", { name: c.name, position: c.position }) : c.name;
  return c.phone ? t("doc-contact", { who, phone: c.phone }) : t("doc-contact-no-phone", { who });
}

/**
 * The conference file's invitation to speak, addressed to one unit: the plan's "Các đơn vị còn lại
 * chủ động …" (written to all units) becomes "Đề nghị UBND xã Dào San chủ động …".
 */
function openFloor(t: Translate, addressee: string, text: string | undefined, how: string): string {
  if (!text) return t("doc-duty-open-plain", { how });
  const words = text.trim().split(/\s+/);
  // Compared without marks ("cac don vi con lai"), so the source holds no Vietnamese letter.
  const lead = fold(words.slice(0, 5).join(" "));
  const cut = /^(?:cac|nhung) don vi con lai\b/.test(lead) ? 5 : /^(?:cac|nhung) don vi khac\b/.test(lead) ? 4 : 0;
  if (cut === 0 || words.length <= cut) return t("doc-duty-open", { open: text, how });
  return t("doc-duty-open-unit", { unit: addressee, open: words.slice(cut).join(" "), how });
}

/** The box of a unit with a code: the code, how to type it and the commands, one QR code per configured channel. */
function codeBox(t: Translate, l: LettersView["letters"][number], code: string, links: BotLinks): CodeBox {
  const printed = `${code.slice(0, 5)}-${code.slice(5)}`;
  const speech = l.duty.kind === "speech";
  return {
    codeLabel: t("doc-box-code", { unit: l.addressee }),
    code: printed,
    lines: [t("doc-box-type", { code }), t(speech ? "doc-box-commands-speech" : "doc-box-commands-open")],
    keep: t("doc-box-keep"),
    links: [
      // Under each QR code, what a person types or searches for: the bot's name, the address without "https://".
      ...(links.telegramBot ? [{ label: t("doc-box-telegram"), url: telegramStartLink(links.telegramBot, code), caption: `@${links.telegramBot}` }] : []),
      ...(links.zaloBot ? [{ label: t("doc-box-zalo"), url: links.zaloBot, caption: links.zaloBot.replace(/^https?:\/\//, "") }] : []),
    ],
  };
}

/** The letters of the view in the language of `t`, with one QR link per configured channel (a unit without a code gets no box). */
export function invitationLetters(view: LettersView, links: BotLinks, t: Translate): InvitationLetter[] {
  const speechDeadline = deadlineText(t, view.deadlines.speech);
  const rsvpDeadline = deadlineText(t, view.deadlines.rsvp);
  return view.letters.map((l) => {
    // How to answer, in words: the commands are printed only in the box, beside the code they need.
    const how = t(l.code ? "doc-how-code" : "doc-how");
    return {
      unitId: l.unitId,
      addressee: l.addressee,
      seats: l.seats,
      duty:
        l.duty.kind === "speech"
          ? t("doc-duty-speech", { unit: l.addressee, topic: l.duty.topic, how, deadline: speechDeadline })
          : openFloor(t, l.addressee, l.duty.text, how),
      rsvp: t("doc-rsvp", { unit: l.addressee, how, deadline: rsvpDeadline }),
      ...(l.code && { box: codeBox(t, l, l.code, links) }),
    };
  });
}

/** What the organizer is told before sending the letters (the same wherever they are made): late, time not set, without QR codes, deadlines moved or past. */
export function invitationWarnings(t: Translate, view: LettersView): string[] {
  return view.warnings.map((w) => {
    switch (w.kind) {
      case "late":
        return t(w.dated ? "doc-warn-late" : "doc-warn-late-undated", { issued: formatDate(t, w.issued), days: String(w.days), start: formatDateTime(t, w.start) });
      case "moved":
        return t(`doc-warn-moved-${w.deadline}`, { from: formatDateTime(t, w.from), to: formatDateTime(t, w.to) });
      case "passed":
        return t(`doc-warn-passed-${w.deadline}`, { at: formatDateTime(t, w.at) });
      default:
        return t(w.kind === "tba" ? "doc-warn-tba" : "doc-warn-no-links");
    }
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
  const letters = invitationLetters(view, links, t);
  const all = { name: allLettersFileName(conference.conf.id), data: await invitationsDocx(common, letters, t) };
  const files: InvitationFiles["units"] = [];
  if (perUnit) for (const l of letters) files.push({ unitId: l.unitId, name: letterFileName(l.unitId), data: await invitationsDocx(common, [l], t) });
  return { all, units: files, warnings: invitationWarnings(t, view) };
}
