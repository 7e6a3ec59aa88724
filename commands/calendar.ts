// /lich (/calendar): the conference as an .ics file once time and place are set; the same UID after a change, a higher SEQUENCE.
import { calendarEvent } from "../src/domain/schedule.js";
import { formatDateTime, ZONE } from "../src/lib/time.js";
import { text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";

/**
 * The .ics text. Times are written in UTC ("…Z"): unambiguous for every calendar, which shows them
 * in the reader's zone; X-WR-TIMEZONE names Asia/Ho_Chi_Minh for calendars that group by it, and
 * the description states the local time in words. (The `ics` package writes no VTIMEZONE.)
 */
/** Loaded on first use: the ics package and its validator cost ~10 MB that most processes never need. */
export async function buildCalendar(ctx: Pick<CommandContext, "t" | "services">): Promise<string | undefined> {
  const { t, services } = ctx;
  const conf = services.conference.conf;
  const event = calendarEvent(services);
  if (!event) return undefined;
  const description = [
    t("calendar-body", { body: conf.body }),
    t("calendar-time", { time: formatDateTime(t, event.start) }),
    t("agenda-chair", { chair: conf.chair }),
    "",
    t("agenda-items-title"),
    ...conf.agenda.map((a, i) => `${i + 1}. ${a.title}`),
  ].join("\n");
  // DTSTAMP is when this version of the event was made (the last change, else its start), not
  // "now": the same schedule is the same file, byte for byte, however often /lich is asked.
  // (The package reads `timestamp`; its type declarations do not list it.)
  const stamp = { timestamp: Date.parse(services.store.data.schedule.history.at(-1)?.at ?? "") || event.start.getTime() };
  const { createEvent } = await import("ics");
  const { error, value } = createEvent({
    uid: event.uid,
    sequence: event.sequence,
    productId: "hoinghi-bot",
    ...stamp,
    method: "PUBLISH",
    calName: conf.short_title ?? conf.title,
    title: conf.title,
    description,
    location: event.place,
    status: "CONFIRMED",
    start: event.start.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.end.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    alarms: [{ action: "display", description: t("calendar-alarm", { title: conf.short_title ?? conf.title }), trigger: { hours: 1, before: true } }],
  });
  if (error || !value) throw error ?? new Error("calendar not generated");
  return value.replace(/^(METHOD:[^\r\n]*\r?\n)/m, `$1X-WR-TIMEZONE:${ZONE}\r\n`);
}

const calendar: CommandDef = {
  name: "lich",
  noArgs: true,
  aliases: ["calendar"],
  roles: ["guest"],
  describe: "cmd-calendar",
  async handler(ctx): Promise<Reply[]> {
    const { t, services } = ctx;
    const ics = await buildCalendar(ctx);
    if (!ics) return [text(t("calendar-tba"))];
    const s = services.conference.schedule();
    return [
      {
        kind: "file",
        name: `hoi-nghi-${services.conference.conf.id}.ics`,
        mime: "text/calendar",
        data: Buffer.from(ics, "utf8"),
        caption: t("calendar-caption", { time: formatDateTime(t, s.start as Date), place: s.place ?? "" }),
      },
    ];
  },
};

export const calendarCommands: CommandDef[] = [calendar];
