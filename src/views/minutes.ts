// What the minutes (Biên bản, Mẫu 1.9) are drafted from: the record of the day. When and where the
// conference started, the participants by group with the counts from the check-in (src/views/attendance.ts,
// the one definition of "expected" and "present"), the chair and the secretary, the agenda with the
// speeches delivered and their speakers, the units registered to speak. Typed data only.
import type { Data } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { activeSpeakers } from "../domain/speakers.js";
import { unitAddress } from "../domain/units.js";
import { fold } from "../lib/text.js";
import { type Arrival, arrivals, attendanceView } from "./attendance.js";
import { speechRows } from "./speeches.js";

/** One group of participants with the check-in's figures. */
export interface GroupCount {
  group: "agencies" | "communes";
  /** People present (checked in) of those expected. */
  present: number;
  expected: number;
  /** Units someone checked in for, of the units invited. */
  unitsPresent: number;
  units: number;
}

export interface DeliveredSpeech {
  /** "UBND xã Mường So". */
  unit: string;
  topic: string;
  /** Who checked in for the unit (its first seat first), when the bot knows a name. */
  speaker?: string;
}

export interface MinutesAgendaItem {
  title: string;
  /** The speeches (tham luận) delivered under this item. */
  speeches: DeliveredSpeech[];
  /** The units registered to speak (/phatbieu) under this item. */
  speakers: DeliveredSpeech[];
}

export interface MinutesView {
  title: string;
  start?: Date;
  place?: string;
  /** As the plan names the chair ("Đồng chí Chủ tịch UBND huyện"), and the name signed under "CHỦ TỌA". */
  chair: string;
  chairName: string;
  /** The secretary's name, when the organizers have entered one. */
  secretary?: string;
  /** The participant groups as the plan lists them. */
  participants: string[];
  groups: GroupCount[];
  totals: { present: number; expected: number };
  agenda: MinutesAgendaItem[];
}

/** Who spoke for a unit: the name checked in on its first seat, else the first name checked in for it. */
function speakerOf(unitArrivals: Arrival[], firstSeat: string | undefined): string | undefined {
  const named = unitArrivals.filter((a) => a.name);
  return (named.find((a) => a.seat?.id === firstSeat) ?? named[0])?.name;
}

/** The agenda item speeches and discussion belong under: the first whose title speaks of discussion, else the last but one. */
function discussionItem(titles: string[]): number {
  const found = titles.findIndex((t) => /thao luan|tham luan|discussion/.test(fold(t)));
  return found >= 0 ? found : Math.max(0, titles.length - 2);
}

function groupCount(view: ReturnType<typeof attendanceView>, group: GroupCount["group"]): GroupCount {
  const units = view.units.filter((u) => (group === "agencies" ? u.unit.kind === "agency" : u.unit.kind !== "agency"));
  return {
    group,
    present: units.reduce((s, u) => s + u.present, 0),
    expected: units.reduce((s, u) => s + u.expected, 0),
    unitsPresent: units.filter((u) => u.present > 0).length,
    units: units.length,
  };
}

/**
 * The minutes' draft from the record. A speech counts as delivered when it was accepted and someone
 * of its unit checked in; the units registered to speak are those whose registration stands.
 */
export function minutesView(conference: ConferenceService, data: Data): MinutesView {
  const conf = conference.conf;
  const s = conference.schedule();
  const attendance = attendanceView(conf, data);
  const came = arrivals(conf, data);
  const byUnit = (unitId: string) => came.filter((a) => a.unit.id === unitId);
  const speeches = speechRows(conf, data)
    .filter((r) => r.status === "accepted" && byUnit(r.unit.id).length > 0)
    .map((r) => ({ unit: unitAddress(r.unit), topic: r.topic, ...optional(speakerOf(byUnit(r.unit.id), r.unit.seats[0]?.id)) }));
  const speakers = activeSpeakers(data).flatMap((v) => {
    const unit = conference.unit(v.unitId);
    return unit ? [{ unit: unitAddress(unit), topic: v.topic, ...optional(speakerOf(byUnit(unit.id), unit.seats[0]?.id)) }] : [];
  });
  const at = discussionItem(conf.agenda.map((a) => a.title));
  return {
    title: conf.title,
    ...(s.start && { start: s.start }),
    ...((s.place || conf.schedule.planned_place) && { place: s.place || conf.schedule.planned_place }),
    chair: conf.chair,
    chairName: conf.minutes?.chair_name ?? conf.signer.name,
    ...(conf.minutes?.secretary && { secretary: conf.minutes.secretary }),
    participants: conf.participants.map((p) => p.group),
    groups: [groupCount(attendance, "agencies"), groupCount(attendance, "communes")],
    totals: { present: attendance.totals.present, expected: attendance.totals.expected },
    agenda: conf.agenda.map((a, i) => ({ title: a.title, speeches: i === at ? speeches : [], speakers: i === at ? speakers : [] })),
  };
}

function optional(speaker: string | undefined): { speaker?: string } {
  return speaker ? { speaker } : {};
}
