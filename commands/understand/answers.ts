// The answers of plain-words questions that no command gives alone (the time, the place, a deadline,
// whom to contact, the unit's giấy mời): each written from the same functions and
// messages the commands use (/chuongtrinh's lines, the contact line, /diem's view).
import { formatDateTime } from "../../src/lib/time.js";
import { answerOf } from "../../src/domain/attendance.js";
import { invitationCommon, invitationLetters, DOCX_MIME, letterFileName } from "../../src/documents/invitation-data.js";
import { lettersView } from "../../src/views/letters.js";
import type { Unit } from "../../src/conference/schema.js";
import type { Reply } from "../../src/messages/types.js";
import { scheduleLines } from "../agenda.js";
import { contactLine, contactRef } from "../contact.js";
import { choices, text } from "../replies.js";
import { offer } from "../steps.js";
import type { CommandContext } from "../types.js";

/** "Thời gian: …" (or the place), and where the whole agenda is. */
export function whenAnswer(ctx: CommandContext, which: "when" | "where"): Reply[] {
  const [when, where] = scheduleLines(ctx);
  return [text([(which === "when" ? when : where) as string, ctx.t("faq-when-more")].join("\n"))];
}

/** The deadline to answer the giấy mời, to submit the speech, or both. */
export function deadlineAnswer(ctx: CommandContext, which: "rsvp" | "speech" | "both"): Reply[] {
  const { t, services } = ctx;
  const at = (kind: "rsvp" | "speech") => {
    const d = services.conference.deadline(kind);
    return d ? formatDateTime(t, d) : t("faq-deadline-tba");
  };
  const lines: string[] = [];
  if (which !== "speech") lines.push(t("faq-deadline-rsvp", { deadline: at("rsvp") }));
  if (which === "speech" || (which === "both" && services.conference.conf.speeches.length > 0)) lines.push(t("faq-deadline-speech", { deadline: at("speech") }));
  return [text(lines.join("\n"))];
}

/** How to answer the giấy mời: /dangky, or first the invite code. */
export function rsvpHowAnswer(ctx: CommandContext): Reply[] {
  return [text(ctx.t(ctx.unit || ctx.role === "organizer" ? "faq-rsvp" : "faq-rsvp-guest"))];
}

/** Whom to contact: the line help and the agenda end with. */
export function contactAnswer(ctx: CommandContext): Reply[] {
  return [text(contactLine(ctx.t, ctx.services.conference.conf) || ctx.t("words-contact-none"))];
}

/** The unit's own giấy mời as a .docx (with the code its accounts joined with), or where to get it while it has no code. */
export async function letterAnswer(ctx: CommandContext, unit: Unit): Promise<Reply[]> {
  const { t, services } = ctx;
  const view = lettersView(services.store.data, services.conference, services.config.links, services.clock.now());
  const own = { ...view, letters: view.letters.filter((l) => l.unitId === unit.id) };
  const letter = own.letters[0];
  if (!letter?.code) return [text(t("words-letter-where", { unit: letter?.addressee ?? unit.name, contact: contactRef(t, services.conference.conf) }))];
  const { invitationsDocx } = await import("../../src/documents/invitation.js");
  const data = await invitationsDocx(invitationCommon(services.conference, t, own), invitationLetters(own, services.config.links, t), t);
  return [{ kind: "file", name: letterFileName(unit.id), mime: DOCX_MIME, data, caption: t("words-letter-caption", { unit: letter.addressee }) }];
}

/** "Điểm danh thay Mường So": the unit's seats to choose, each with its registered person, each choice /diemdanh UNIT N. */
export function onBehalfSeats(ctx: CommandContext, unit: Unit): Reply[] {
  const { t, services } = ctx;
  const data = services.store.data;
  const list = unit.seats.map((s, i) => {
    const a = answerOf(data, unit.id, s.id);
    const who = a && a.status !== "absent" && a.name ? `: ${a.name}` : "";
    return offer(`${s.title}${who}`, { kind: "command.suggested", name: "diemdanh", args: `${unit.name} ${i + 1}` });
  });
  return [choices(t("words-onbehalf-which-seat", { unit: unit.name }), list)];
}
