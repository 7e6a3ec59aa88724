// What people read of the conclusions (Thông báo kết luận): the document's data (the draft as it
// stands, or the issued text as frozen), a unit's copy with its own tasks first, the organizers'
// status (stage, comments beside the draft, who acknowledged), and a unit's own summary (/ketluan).
// Typed data only: the chat, the desk and src/documents/conclusions.ts render it.
import type { ConclusionsPart, ConclusionsRecord, Data } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { type ConclusionsStage, commentLate, conclusionsStage, DEFAULT_SYMBOL } from "../domain/conclusions.js";
import { ackState } from "../domain/notices.js";
import { dayText } from "../domain/tasks.js";
import { unitAddressById, unitNameById } from "../domain/units.js";
import { localDay } from "../lib/time.js";
import { attendanceView } from "./attendance.js";

export interface ConclusionsTaskLine {
  n: number;
  content: string;
  criterion?: string;
  deadline: string;
  /** "15/7/2027". */
  deadlineText: string;
}

/** The tasks of one unit, as the tasks part lists them. */
export interface ConclusionsUnitTasks {
  unitId: string;
  /** "UBND xã Mường So". */
  unit: string;
  tasks: ConclusionsTaskLine[];
}

export interface ConclusionsDocView {
  stage: ConclusionsStage;
  /** Not issued: the draft (marked so on the document). */
  draft: boolean;
  /** From the conference file; absent: the documents' default ("Văn phòng HĐND và UBND huyện"). */
  issuer?: string;
  signerTitle?: string;
  signerName?: string;
  symbol: string;
  number?: string;
  /** The day of issue, "YYYY-MM-DD". */
  issuedDay?: string;
  /** As the plan names the chair ("Đồng chí Chủ tịch UBND huyện"). */
  chair: string;
  title: string;
  record: Omit<ConclusionsRecord, "tasks" | "parts">;
  parts: ConclusionsPart[];
  /** The tasks part, per unit; a unit's copy has its own unit first. */
  taskUnits: ConclusionsUnitTasks[];
  /** The unit whose copy this is. */
  forUnit?: string;
  /** While out for comments: the day asked ("YYYY-MM-DD"). */
  commentsBy?: string;
}

/** The record as it stands now: the day, the place, the counts of the check-in, the parts, the tasks. */
export function currentRecord(conference: ConferenceService, data: Data): ConclusionsRecord {
  const s = conference.schedule();
  const att = attendanceView(conference.conf, data);
  const place = s.place || conference.conf.schedule.planned_place;
  const order = conference.units().map((u) => u.id);
  const tasks = [...data.tasks.list]
    .sort((a, b) => order.indexOf(a.unitId) - order.indexOf(b.unitId) || a.deadline.localeCompare(b.deadline) || a.n - b.n)
    .map((t) => ({ n: t.n, unitId: t.unitId, content: t.content, ...(t.criterion && { criterion: t.criterion }), deadline: t.deadline }));
  return {
    ...(s.start && { day: localDay(s.start) }),
    ...(place && { place }),
    present: att.totals.present,
    invited: att.totals.seats,
    unitsPresent: att.units.filter((u) => u.present > 0).length,
    units: att.units.length,
    parts: data.conclusions.parts,
    tasks,
  };
}

/** The tasks grouped per unit in the record's order; `first` (a unit's copy) leads. */
function taskUnits(conference: ConferenceService, tasks: ConclusionsRecord["tasks"], first?: string): ConclusionsUnitTasks[] {
  const groups = new Map<string, ConclusionsUnitTasks>();
  for (const t of tasks) {
    const g = groups.get(t.unitId) ?? { unitId: t.unitId, unit: unitAddressById(conference, t.unitId), tasks: [] };
    g.tasks.push({ n: t.n, content: t.content, ...(t.criterion && { criterion: t.criterion }), deadline: t.deadline, deadlineText: dayText(t.deadline) });
    groups.set(t.unitId, g);
  }
  const list = [...groups.values()];
  const own = list.find((g) => g.unitId === first);
  return own ? [own, ...list.filter((g) => g !== own)] : list;
}

/** The Thông báo as a document: issued, the frozen text; else the draft as it stands. `forUnit`: that unit's copy. */
export function conclusionsDocView(conference: ConferenceService, data: Data, forUnit?: string): ConclusionsDocView {
  const c = data.conclusions;
  const conf = conference.conf;
  const issued = c.issued;
  const { tasks, parts, ...record } = issued?.record ?? currentRecord(conference, data);
  const own = conf.conclusions ?? {};
  return {
    stage: conclusionsStage(c),
    draft: !issued,
    ...(own.issuer && { issuer: own.issuer }),
    ...(own.signer_title && { signerTitle: own.signer_title }),
    ...(own.signer_name && { signerName: own.signer_name }),
    symbol: issued?.symbol ?? own.symbol ?? DEFAULT_SYMBOL,
    ...(issued && { number: issued.number, issuedDay: issued.day }),
    chair: conf.chair,
    title: conf.title,
    record,
    parts,
    taskUnits: taskUnits(conference, tasks, forUnit),
    ...(forUnit && { forUnit }),
    ...(!issued && c.consultation && { commentsBy: c.consultation.deadline }),
  };
}

// ---- The organizers' status ----

export interface CommentView {
  n: number;
  unitId: string;
  unit: string;
  text: string;
  at: string;
  late: boolean;
  via: "chat" | "desk" | "link";
  /** The files sent as the comment (through the upload page), in order: their names and sizes in bytes. */
  files: Array<{ name: string; size: number }>;
}

/** A unit asked (for comments) or told (of the issue): its comments, and whether one of its accounts acknowledged. */
export interface UnitReachView {
  unitId: string;
  unit: string;
  /** Accounts the notice went to, and how many acknowledged it. */
  accounts: number;
  acked: number;
  comments: number;
}

export interface ConclusionsStatusView {
  stage: ConclusionsStage;
  updatedAt?: string;
  /** Parts written (of the three standing ones and the free ones). */
  written: number;
  tasks: number;
  consultation?: { deadline: string; deadlineText: string; sentAt: string; units: UnitReachView[] };
  comments: CommentView[];
  issued?: { number: string; symbol: string; day: string; dayText: string; units: UnitReachView[] };
}

function reach(conference: ConferenceService, data: Data, notices: Record<string, string>, unitIds: string[]): UnitReachView[] {
  return unitIds.map((unitId) => {
    const id = notices[unitId];
    const acks = id ? ackState(data, id) : { acked: [], missing: [] };
    return {
      unitId,
      unit: unitNameById(conference, unitId),
      accounts: acks.acked.length + acks.missing.length,
      acked: acks.acked.length,
      comments: data.conclusions.comments.filter((c) => c.unitId === unitId).length,
    };
  });
}

/** Where the conclusions stand, the comments beside the draft, who acknowledged. */
export function conclusionsStatusView(conference: ConferenceService, data: Data): ConclusionsStatusView {
  const c = data.conclusions;
  const open = c.consultation;
  const comments = c.comments.map((x) => ({
    n: x.n,
    unitId: x.unitId,
    unit: unitNameById(conference, x.unitId),
    text: x.text,
    at: x.at,
    late: commentLate(x, open),
    via: x.via,
    files: (x.files ?? []).map((f) => ({ name: f.name, size: f.size })),
  }));
  const issued = c.issued;
  return {
    stage: conclusionsStage(c),
    ...(c.updatedAt && { updatedAt: c.updatedAt }),
    written: c.parts.filter((p) => p.text).length,
    tasks: (issued?.record.tasks ?? data.tasks.list).length,
    ...(open && { consultation: { deadline: open.deadline, deadlineText: dayText(open.deadline), sentAt: open.sentAt, units: reach(conference, data, open.notices, open.units) } }),
    comments,
    ...(issued && {
      issued: {
        number: issued.number,
        symbol: issued.symbol,
        day: issued.day,
        dayText: dayText(issued.day),
        units: reach(conference, data, issued.notices, conference.units().map((u) => u.id).filter((id) => issued.notices[id])),
      },
    }),
  };
}

// ---- A unit's own view (/ketluan) ----

export interface UnitConclusionsView {
  stage: ConclusionsStage;
  unit: string;
  issued?: { number: string; symbol: string; dayText: string };
  /** The unit's tasks as the issued text lists them. */
  tasks: ConclusionsTaskLine[];
  /** The draft is out for comments and this unit is asked: until when. */
  askedBy?: string;
  /** The unit's comments so far. */
  comments: number;
}

export function unitConclusionsView(conference: ConferenceService, data: Data, unitId: string): UnitConclusionsView {
  const c = data.conclusions;
  const issued = c.issued;
  const tasks = issued ? (taskUnits(conference, issued.record.tasks, unitId).find((g) => g.unitId === unitId)?.tasks ?? []) : [];
  const asked = !issued && c.consultation?.units.includes(unitId) ? c.consultation.deadline : undefined;
  return {
    stage: conclusionsStage(c),
    unit: unitAddressById(conference, unitId),
    ...(issued && { issued: { number: issued.number, symbol: issued.symbol, dayText: dayText(issued.day) } }),
    tasks,
    ...(asked && { askedBy: dayText(asked) }),
    comments: c.comments.filter((x) => x.unitId === unitId).length,
  };
}

/** The units a draft is sent to by default: those with tasks, else every unit. */
export function unitsConcerned(conference: ConferenceService, data: Data): string[] {
  const withTasks = new Set(data.tasks.list.map((t) => t.unitId));
  const units = conference.units().map((u) => u.id);
  return withTasks.size > 0 ? units.filter((id) => withTasks.has(id)) : units;
}
