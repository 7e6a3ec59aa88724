// What the conference is, for everyone: /chuongtrinh, /thanhphan, /tailieu (questions in plain words: commands/understand/).
import { formatDateTime } from "../src/lib/time.js";
import { unitAnswered } from "../src/domain/attendance.js";
import { unitAddress, unitName } from "../src/domain/units.js";
import { contactLine } from "./contact.js";
import { bullets, numbered, text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";

/** "Thời gian: …" and "Địa điểm: …" lines, with "to be announced" where not set. */
export function scheduleLines(ctx: CommandContext): string[] {
  const { t } = ctx;
  const conf = ctx.services.conference.conf;
  const s = ctx.services.conference.schedule();
  const when = s.start
    ? t("agenda-time", { time: formatDateTime(t, s.start), duration: conf.schedule.duration_label ?? "" })
    : t("agenda-time-tba", { expected: conf.schedule.expected ?? "" });
  const where = s.place ? t("agenda-place", { place: s.place }) : t("agenda-place-tba", { planned: conf.schedule.planned_place ?? "" });
  return [when, where];
}
const agenda: CommandDef = {
  name: "chuongtrinh",
  noArgs: true,
  aliases: ["agenda"],
  roles: ["guest"],
  describe: "cmd-agenda",
  async handler(ctx) {
    const { t } = ctx;
    const conf = ctx.services.conference.conf;
    const parts = [
      conf.title.toUpperCase(),
      t("agenda-body", { body: conf.body }),
      ...scheduleLines(ctx),
      t("agenda-chair", { chair: conf.chair }),
      "",
      t("agenda-items-title"),
      numbered(conf.agenda.map((a) => a.title)),
    ];
    const contact = contactLine(t, conf);
    if (contact) parts.push("", contact);
    return [text(parts.join("\n"))];
  },
};

const participants: CommandDef = {
  name: "thanhphan",
  noArgs: true,
  aliases: ["participants"],
  roles: ["guest"],
  describe: "cmd-participants",
  async handler(ctx) {
    const { t, unit, services } = ctx;
    const conf = services.conference.conf;
    const parts = [t("participants-title"), bullets(conf.participants.map((p) => p.group))];
    if (unit) {
      const answered = unitAnswered(services.store.data, unit);
      const state =
        answered === 0
          ? t("participants-unit-none", { unit: unitAddress(unit) })
          : t("participants-unit-answered", { unit: unitAddress(unit), answered, seats: unit.seats.length });
      parts.push("", state);
      if (answered < unit.seats.length) parts.push(t("participants-unit-hint"));
    }
    // The preparation duties (III.1–III.3 of the plan): a unit sees its own, organizers see all.
    const duties = conf.duties.filter((d) => ctx.role === "organizer" || d.unit === unit?.id);
    if (duties.length > 0) {
      parts.push("", t(ctx.role === "organizer" ? "participants-duties-all" : "participants-duties-own"));
      for (const d of duties) {
        const owner = services.conference.unit(d.unit);
        parts.push(`${d.ref ? `${d.ref}. ` : ""}${owner ? unitName(owner) : d.unit}:`, bullets(d.tasks));
      }
    }
    return [text(parts.join("\n"))];
  },
};

const documents: CommandDef = {
  name: "tailieu",
  noArgs: true,
  aliases: ["documents"],
  roles: ["guest"],
  describe: "cmd-documents",
  async handler(ctx) {
    const { t } = ctx;
    const docs = ctx.services.conference.conf.documents;
    if (docs.length === 0) return [text(t("documents-none"))];
    const lines = docs.map((d, i) => [`${i + 1}. ${d.title}`, d.url ? `   ${d.url}` : "", d.note ? `   ${d.note}` : ""].filter(Boolean).join("\n"));
    return [text(`${t("documents-title")}\n${lines.join("\n")}`)];
  },
};
/** /chuongtrinh, /thanhphan, /tailieu, in menu order. */
export const agendaCommands: CommandDef[] = [agenda, participants, documents];
