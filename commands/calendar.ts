// /lich (/calendar): the conference as an .ics file once time and place are set; the same UID after a change, a higher SEQUENCE.
// The event is src/views/calendar.ts, the file src/documents/calendar.ts (the desk's download uses the same).
import { calendarIcs } from "../src/documents/calendar.js";
import { formatDateTime } from "../src/lib/time.js";
import { calendarView } from "../src/views/calendar.js";
import { text } from "./replies.js";
import type { CommandDef } from "./types.js";
import type { Reply } from "../src/messages/types.js";

const calendar: CommandDef = {
  name: "lich",
  noArgs: true,
  aliases: ["calendar"],
  roles: ["guest"],
  describe: "cmd-calendar",
  async handler(ctx): Promise<Reply[]> {
    const { t, services } = ctx;
    const view = calendarView(services);
    if (!view) return [text(t("calendar-tba"))];
    const ics = await calendarIcs(view, t);
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
