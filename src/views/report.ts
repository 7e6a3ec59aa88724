// The report (/baocao in the chat, the overview on the desk): attendance, speeches, speakers, the
// deadlines, the messages sent this month. Typed data only; each interface writes it its own way.
import type { ConferenceService } from "../conference/service.js";
import { inConference, monthOf } from "../domain/notices.js";
import { activeSpeakers } from "../domain/speakers.js";
import type { SpeechStatus } from "../domain/speeches.js";
import type { Channel, Data, VolunteerSpeaker } from "../../storage/schema.js";
import { type Arrival, type AttendanceView, arrivals, attendanceView } from "./attendance.js";
import { type SpeechRow, speechRows } from "./speeches.js";

export interface ReportView {
  at: Date;
  attendance: AttendanceView;
  /** Every check-in, in the order they came. */
  arrivals: Arrival[];
  speeches: { rows: SpeechRow[]; counts: Record<SpeechStatus, number> };
  /** Voluntary speakers still registered, in speaking order. */
  speakers: VolunteerSpeaker[];
  deadlines: { rsvp?: Date; speech?: Date };
  /** Notices filed (the notices' own lines come from src/outbox/summary.ts). */
  notices: number;
  /** Messages the platforms accepted this month, per channel with any ("2027-06"). */
  sentThisMonth?: { month: string; perChannel: Array<{ channel: Channel; count: number }> };
}

const CHANNELS: Channel[] = ["zalo", "telegram", "console"];

export function reportView(conference: Pick<ConferenceService, "id" | "conf" | "deadline">, data: Data, now: Date): ReportView {
  const conf = conference.conf;
  const rows = speechRows(conf, data);
  const counts: Record<SpeechStatus, number> = { none: 0, submitted: 0, changes_requested: 0, accepted: 0 };
  for (const r of rows) counts[r.status] += 1;
  const month = monthOf(now);
  const sent = data.sentByMonth?.[month];
  const perChannel = CHANNELS.map((channel) => ({ channel, count: sent?.[channel] ?? 0 })).filter((c) => c.count > 0);
  const rsvp = conference.deadline("rsvp");
  const speech = conference.deadline("speech");
  return {
    at: now,
    attendance: attendanceView(conf, data),
    arrivals: arrivals(conf, data),
    speeches: { rows, counts },
    speakers: activeSpeakers(data),
    deadlines: { ...(rsvp && { rsvp }), ...(speech && { speech }) },
    notices: data.notices.filter((n) => inConference(n, conference.id)).length,
    ...(perChannel.length > 0 && { sentThisMonth: { month, perChannel } }),
  };
}
