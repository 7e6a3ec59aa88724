// The rows of the workbook (.xlsx: /xuat, the desk's "Bảng tổng hợp", `hoinghi export`): attendance by
// seat, substitutes, absences, check-ins, speeches and every version, voluntary speakers, and the
// scores once published. Typed data with the time it was made (the caller's clock); words and
// cells are src/documents/workbook.ts.
import type { Conference, Unit } from "../conference/schema.js";
import { seatPosition, summarize } from "../domain/attendance.js";
import { accountName } from "../domain/identity.js";
import { activeSpeakers } from "../domain/speakers.js";
import type { Data, RsvpStatus, SpeechReview, SpeechVersion } from "../../storage/schema.js";
import { percentOf } from "./scores.js";
import { speechRows } from "./speeches.js";
import type { SpeechStatus } from "../domain/speeches.js";

export interface SeatLine {
  unit: string;
  unitKind: Unit["kind"];
  seat: string;
  status?: RsvpStatus;
  name?: string;
  position: string;
  reason?: string;
  /** Who recorded the answer (display name). */
  by: string;
  at?: string;
}

export interface CheckinLine {
  unit: string;
  seat: string;
  /** The name registered for the seat, else the account's (not for a check-in on behalf). */
  name: string;
  at: string;
}

export interface SpeechLine {
  unit: string;
  topic: string;
  status: SpeechStatus;
  versions: number;
  /** The latest version: its text, or its file's name. */
  latest: string;
  submittedAt?: string;
  reviewedAt?: string;
  note?: string;
}

export interface VersionLine {
  unit: string;
  n: number;
  kind: SpeechVersion["kind"];
  /** The whole text, or the files' names. */
  content: string;
  by: string;
  at: string;
  decision?: SpeechReview["decision"];
  note?: string;
}

export interface ScoreLine {
  rank: number;
  unit: string;
  total: number;
  max: number;
  percent: number;
  classification: string;
  /** The final score of each field, in the order of `fields`. */
  values: Array<number | undefined>;
}

export interface WorkbookView {
  /** When it was made: the caller's clock ("Xuất lúc …" and the printed footer). */
  madeAt: Date;
  conference: { title: string; shortTitle?: string; body: string };
  seats: SeatLine[];
  checkins: CheckinLine[];
  speeches: SpeechLine[];
  versions: VersionLine[];
  speakers: Array<{ unit: string; topic: string; by: string; at: string }>;
  /** Only once published: the workbook may be forwarded. */
  scores?: { sample: boolean; fields: string[]; rows: ScoreLine[] };
}

function checkinLines(conf: Conference, data: Data): CheckinLine[] {
  const unitById = new Map(conf.units.map((u) => [u.id, u] as const));
  return data.checkins.map((c) => {
    const unit = unitById.get(c.unitId);
    // The name registered for the seat the person filled, not the chat's display name.
    const answer = c.seatId ? data.rsvps.find((r) => r.unitId === c.unitId && r.seatId === c.seatId) : undefined;
    const registered = answer?.status === "attend" || answer?.status === "substitute" ? answer.name : undefined;
    return { unit: unit?.name ?? c.unitId, seat: unit?.seats.find((s) => s.id === c.seatId)?.title ?? "", name: registered || (c.onBehalf ? "" : accountName(data, c.by)), at: c.at };
  });
}

function versionLines(conf: Conference, data: Data): VersionLine[] {
  const lines: VersionLine[] = [];
  for (const s of conf.speeches) {
    const record = data.speeches[s.unit];
    if (!record) continue;
    const unit = conf.units.find((u) => u.id === s.unit)?.name ?? s.unit;
    for (const v of record.versions) {
      const review = record.reviews.filter((r) => r.version === v.n).at(-1);
      const files = v.pages ?? (v.file ? [v.file] : []);
      const content = v.kind === "text" ? (v.text ?? "") : files.map((f) => f.name).join(", ");
      lines.push({ unit, n: v.n, kind: v.kind, content, by: accountName(data, v.by), at: v.at, ...(review ? { decision: review.decision, ...(review.note ? { note: review.note } : {}) } : {}) });
    }
  }
  return lines;
}

function scoreLines(conf: Conference, data: Data): WorkbookView["scores"] {
  const table = data.scores.current;
  if (!table || !data.scores.publishedAt) return undefined;
  const fields = table.units[0]?.fields ?? [];
  const name = (id: string) => conf.units.find((u) => u.id === id)?.name ?? id;
  const rows = [...table.units]
    .sort((a, b) => a.rank - b.rank)
    .map((u) => ({
      rank: u.rank,
      unit: name(u.unitId),
      total: u.total,
      max: u.max,
      percent: percentOf(u.total, u.max),
      classification: u.classification,
      values: fields.map((f) => u.fields.find((x) => x.id === f.id)?.final),
    }));
  return { sample: Boolean(table.sample), fields: fields.map((f) => f.name), rows };
}

export function workbookView(data: Data, conf: Conference, now: Date): WorkbookView {
  const by = (key: string | undefined) => (key ? accountName(data, key) : "");
  const seats = summarize(conf, data).seats.map((s) => ({
    unit: s.unit.name,
    unitKind: s.unit.kind,
    seat: s.seat.title,
    ...(s.answer ? { status: s.answer.status, at: s.answer.at } : {}),
    ...(s.answer?.name !== undefined ? { name: s.answer.name } : {}),
    position: seatPosition(s),
    ...(s.answer?.reason !== undefined ? { reason: s.answer.reason } : {}),
    by: by(s.answer?.by),
  }));
  const speeches = speechRows(conf, data).map((r) => ({
    unit: r.unit.name,
    topic: r.topic,
    status: r.status,
    versions: r.versions,
    latest: r.latest ? ((r.latest.kind === "text" ? r.latest.text : r.latest.file?.name) ?? "") : "",
    ...(r.latest ? { submittedAt: r.latest.at } : {}),
    ...(r.review ? { reviewedAt: r.review.at, ...(r.review.note ? { note: r.review.note } : {}) } : {}),
  }));
  const unitName = (id: string) => conf.units.find((u) => u.id === id)?.name ?? id;
  const scores = scoreLines(conf, data);
  return {
    madeAt: now,
    conference: { title: conf.title, ...(conf.short_title ? { shortTitle: conf.short_title } : {}), body: conf.body },
    seats,
    checkins: checkinLines(conf, data),
    speeches,
    versions: versionLines(conf, data),
    speakers: activeSpeakers(data).map((s) => ({ unit: unitName(s.unitId), topic: s.topic, by: by(s.by), at: s.at })),
    ...(scores ? { scores } : {}),
  };
}
