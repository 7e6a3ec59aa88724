// The minutes of the conference (Biên bản, Nghị định 30/2020/NĐ-CP Phụ lục III Mẫu 1.9) as a draft the
// secretary completes: drafted from the record (src/views/minutes.ts), with lines left for what only the
// hall knows (the summary of each item, the conclusions, the time it ended).
import type { Translate } from "../lib/i18n.js";
import { dateTimeParts } from "../lib/time.js";
import { fold } from "../lib/text.js";
import type { DeliveredSpeech, GroupCount, MinutesView } from "../views/minutes.js";
import type { AdminDoc, Block } from "./admin-doc.js";
import { type DocConference, issuingBody } from "./analysis.js";

function timeLine(t: Translate, start: Date | undefined): string {
  if (!start) return t("minutes-time-blank");
  const p = dateTimeParts(start);
  return t("minutes-time", { hour: p.hour, minute: p.minute, day: p.day, month: p.month, year: p.year });
}

function groupLine(t: Translate, g: GroupCount): string {
  return t(`minutes-count-${g.group}`, { present: g.present, expected: g.expected, unitsPresent: g.unitsPresent, units: g.units });
}

function speechLine(t: Translate, key: "minutes-speech" | "minutes-speaker", s: DeliveredSpeech): string {
  return t(s.speaker ? `${key}-named` : key, { unit: s.unit, topic: s.topic, speaker: s.speaker ?? "" });
}

function participantsPart(t: Translate, v: MinutesView): Block[] {
  return [
    { kind: "heading", text: t("minutes-part-participants") },
    { kind: "text", text: t("minutes-chair", { chair: v.chair }) },
    { kind: "text", text: v.secretary ? t("minutes-secretary", { name: v.secretary }) : t("minutes-secretary-blank") },
    { kind: "text", text: t("minutes-groups") },
    { kind: "list", items: v.participants },
    { kind: "text", text: t("minutes-count-total", { present: v.totals.present, expected: v.totals.expected }) },
    { kind: "list", items: v.groups.map((g) => groupLine(t, g)) },
  ];
}

/** Each agenda item but the conclusions (their own part): the speeches and registered speakers under discussion, a line for the summary. */
function contentPart(t: Translate, v: MinutesView): Block[] {
  const items = v.agenda.filter((a) => !/^ket luan/.test(fold(a.title)));
  return [
    { kind: "heading", text: t("minutes-part-content") },
    ...items.flatMap((a, i): Block[] => [
      { kind: "subheading", text: t("minutes-item", { i: i + 1, title: a.title }) },
      ...(a.speeches.length > 0 ? [{ kind: "text" as const, text: t("minutes-speeches-title") }, { kind: "list" as const, items: a.speeches.map((s) => speechLine(t, "minutes-speech", s)) }] : []),
      ...(a.speakers.length > 0 ? [{ kind: "text" as const, text: t("minutes-speakers-title") }, { kind: "list" as const, items: a.speakers.map((s) => speechLine(t, "minutes-speaker", s)) }] : []),
      { kind: "text", text: t("minutes-summary-placeholder"), italics: true },
    ]),
  ];
}

/** The minutes as the layout takes it: two signatures (the secretary left, the chair right), "Nơi nhận" under them. */
export function minutesDoc(conf: DocConference, v: MinutesView, t: Translate): AdminDoc {
  return {
    ...issuingBody(conf, "BB"),
    kind: t("minutes-kind"),
    summary: v.title,
    body: [
      { kind: "text", text: timeLine(t, v.start) },
      { kind: "text", text: v.place ? t("minutes-place", { place: v.place }) : t("minutes-place-blank") },
      ...participantsPart(t, v),
      ...contentPart(t, v),
      { kind: "heading", text: t("minutes-part-conclusions") },
      { kind: "text", text: t("minutes-conclusions-placeholder"), italics: true },
      { kind: "text", text: t("minutes-ended") },
    ],
    recipients: conf.invitation?.recipients ?? [t("doc-recipient-archive")],
    signers: [
      { title: t("minutes-secretary-title"), name: v.secretary ?? "" },
      { title: t("minutes-chair-title"), name: v.chairName },
    ],
    recipientsBelow: true,
  };
}

export function minutesFileName(conferenceId: string): string {
  return `bien-ban-${conferenceId}.docx`;
}

export async function minutesDocx(conf: DocConference, v: MinutesView, t: Translate): Promise<Buffer> {
  const { adminDocx } = await import("./admin-doc.js");
  return adminDocx(minutesDoc(conf, v, t), t, { creator: conf.body });
}
