// What a person reads of the communes' remediation plans (kế hoạch khắc phục): one unit's plan (its
// proposed headings — its three weakest criteria, from the analysis —, the deadline, where it stands,
// the latest and previous versions, the measures read from it and which became tasks), the list of
// units with their plan's state and the counts (/khacphuc for organizers, the desk, /baocao), and the
// request a commune is sent. Typed data only: chat, desk and the outbox render it.
import type { ConferenceService } from "../conference/service.js";
import { isRemedyUnit, type Measure, mayRemedy, planOf, REMEDY_HEADINGS, remedyDeadline, remedyMeasures, remedyUnits } from "../domain/remedy.js";
import type { SpeechStatus } from "../domain/speeches.js";
import { isWithdrawn, latestVersion } from "../domain/speeches.js";
import { unitAddressById, unitName, unitNameById } from "../domain/units.js";
import { fold } from "../lib/text.js";
import { msg } from "../messages/render.js";
import { dateTimeMessage } from "../messages/time.js";
import type { Message, MessageArg } from "../messages/types.js";
import type { Data } from "../../storage/schema.js";
import { unitAnalysis } from "./analysis.js";
import { linesMessage } from "./scores.js";
import { type SpeechStatusView, speechStatusOf, type VersionView, versionView } from "./speeches.js";

/** A criterion proposed as a heading of the plan: where the unit lost most points. */
export interface RemedyHeading {
  code: string;
  /** "3.2. Thực hiện cơ chế một cửa, một cửa liên thông". */
  label: string;
  final: number;
  max: number;
  lost: number;
  /** A whole field (lĩnh vực), where the table scores it without criteria. */
  field: boolean;
  /** The appraisal's note on it, if any. */
  note?: string;
}

/** The unit's weakest criteria (fields where the table has no criteria), most points lost first. */
export function remedyHeadings(data: Pick<Data, "scores">, conference: ConferenceService, unitId: string): RemedyHeading[] {
  if (!data.scores.current?.units.some((u) => u.unitId === unitId)) return [];
  return unitAnalysis(data, conference, "organizer", unitId, REMEDY_HEADINGS).lost.map((r) => ({
    code: r.id,
    label: r.label,
    final: r.final,
    max: r.max,
    lost: r.lost,
    field: r.depth === 0,
    ...(r.note && { note: r.note }),
  }));
}

/** A measure of the plan, and the task it became (a task of the unit with the same content). */
export interface MeasureView extends Measure {
  task?: number;
}

export interface RemedyPlanView {
  unitId: string;
  /** "UBND xã Mường So" and "Mường So". */
  unit: string;
  name: string;
  headings: RemedyHeading[];
  /** ISO; undefined before publication. */
  deadline?: string;
  passed: boolean;
  /** Whether the unit may submit now. */
  open: boolean;
  status: SpeechStatusView;
  versions: number;
  latest?: VersionView;
  previous?: VersionView;
  reviewable: boolean;
  /** Pieces in the unit's draft (parts typed, pages photographed), not yet a version. */
  draft: number;
  /** The measures of the latest version's text. */
  measures: MeasureView[];
}

/** The measures of a text, each with the task of the unit it became, if any. */
function measuresOf(data: Pick<Data, "tasks">, unitId: string, text: string | undefined): MeasureView[] {
  const tasks = data.tasks.list.filter((t) => t.unitId === unitId);
  return remedyMeasures(text ?? "").map((m) => {
    const task = tasks.find((t) => fold(t.content) === fold(m.text));
    return task ? { ...m, task: task.n } : m;
  });
}

export function remedyPlanView(data: Data, conference: ConferenceService, unitId: string, now: Date): RemedyPlanView {
  const plan = planOf(data, unitId);
  const latest = latestVersion(plan);
  const previous = latest ? plan?.versions.filter((v) => v.n < latest.n).at(-1) : undefined;
  const deadline = remedyDeadline(data, conference);
  const draft = plan?.draft;
  return {
    unitId,
    unit: unitAddressById(conference, unitId),
    name: unitNameById(conference, unitId),
    headings: remedyHeadings(data, conference, unitId),
    ...(deadline && { deadline: deadline.toISOString() }),
    passed: Boolean(deadline && now > deadline),
    open: isRemedyUnit(conference, unitId) && mayRemedy(data, conference, unitId, now),
    status: speechStatusOf(plan),
    versions: plan?.versions.length ?? 0,
    ...(latest && { latest: versionView(data, latest) }),
    ...(previous && { previous: versionView(data, previous) }),
    reviewable: Boolean(latest && !isWithdrawn(plan)),
    draft: draft ? draft.parts.length + (draft.pages?.length ?? 0) : 0,
    measures: latest ? measuresOf(data, unitId, latest.text) : [],
  };
}

export type RemedyCounts = Record<SpeechStatus, number>;

export interface RemedyListView {
  published: boolean;
  deadline?: string;
  passed: boolean;
  rows: Array<{ unitId: string; name: string; unit: string; status: SpeechStatusView }>;
  counts: RemedyCounts;
  /** Units asked (every commune). */
  total: number;
}

/** Every commune with its plan's state, in the conference's order, and the counts per state. */
export function remedyListView(data: Pick<Data, "scores" | "remedies">, conference: ConferenceService, now: Date): RemedyListView {
  const deadline = remedyDeadline(data, conference);
  const counts: RemedyCounts = { none: 0, submitted: 0, changes_requested: 0, accepted: 0 };
  const rows = remedyUnits(conference).map((u) => {
    const status = speechStatusOf(planOf(data, u.id));
    counts[status.status] += 1;
    return { unitId: u.id, name: unitName(u), unit: unitAddressById(conference, u.id), status };
  });
  return {
    published: Boolean(data.scores.publishedAt),
    ...(deadline && { deadline: deadline.toISOString() }),
    passed: Boolean(deadline && now > deadline),
    rows,
    counts,
    total: rows.length,
  };
}

/** The units that have not submitted a plan (nothing, or withdrawn). */
export function remedyMissing(list: RemedyListView): RemedyListView["rows"] {
  return list.rows.filter((r) => r.status.status === "none");
}

// ---- Messages ----

/** "- Tiêu chí 3.2. …: đạt 1,5/4, mất 2,5 điểm" for each heading. */
export function headingMessages(headings: RemedyHeading[]): Message[] {
  return headings.map((h) => msg("remedy-heading-line", { label: h.label, final: h.final, max: h.max, lost: h.lost, kind: h.field ? "field" : "criterion" }));
}

/**
 * What a commune is sent after publication (`request`) or when reminded (`reminder`): the deadline,
 * its weakest criteria as the plan's headings, and how to submit.
 */
export function requestMessage(view: RemedyPlanView, kind: "request" | "reminder"): Message {
  const deadline: MessageArg = view.deadline ? dateTimeMessage(view.deadline) : msg("remedy-deadline-none");
  const lines: MessageArg[] = [msg(`remedy-${kind}`, { unit: view.unit, deadline })];
  if (view.headings.length > 0) lines.push(msg("remedy-headings-title"), ...headingMessages(view.headings));
  lines.push(msg("remedy-request-how"));
  return linesMessage(lines);
}

/** What the organizers are told of version `v` of the plan. */
export function newVersionMessage(view: RemedyPlanView, v: Pick<VersionView, "n" | "at">): Message {
  return msg("remedy-new-version", { unit: view.unit, n: v.n, id: view.unitId, time: dateTimeMessage(v.at), measures: view.measures.length });
}
