// What a person reads of the assigned speeches (tham luận): where each unit's speech stands (/duyet's
// list, /thamluan, the desk's list), one unit's speech with its latest and previous versions (/duyet
// <đơn vị>, the desk's page), and the rows of the workbook's speech sheet. Typed data only.
import type { Conference } from "../conference/schema.js";
import type { ConferenceService } from "../conference/service.js";
import { UserError } from "../domain/errors.js";
import { isWithdrawn, latestReview, latestVersion, type SpeechStatus, speechStatus } from "../domain/speeches.js";
import { unitAddress, unitName } from "../domain/units.js";
import type { Data, SpeechRecord, SpeechReview, SpeechVersion, StoredFileRef } from "../../storage/schema.js";
import type { Unit } from "../conference/schema.js";

/** Where a unit's speech stands: the status, the latest version's number and time, the note of changes asked. */
export interface SpeechStatusView {
  status: SpeechStatus;
  /** The latest version's number (0: none). */
  n: number;
  at?: string;
  note?: string;
}

export function speechStatusOf(record: SpeechRecord | undefined): SpeechStatusView {
  const v = latestVersion(record);
  const status = speechStatus(record);
  const note = status === "changes_requested" ? (latestReview(record)?.note ?? "") : undefined;
  return { status, n: v?.n ?? 0, ...(v ? { at: v.at } : {}), ...(note !== undefined ? { note } : {}) };
}

export interface SpeechListItem {
  unitId: string;
  /** Addressed name ("UBND xã Mường So") and short name ("Mường So"). */
  unit: string;
  name: string;
  topic: string;
  status: SpeechStatusView;
}

/** Every assigned speech, in the order of the conference file (units the file no longer has left out). */
export function speechesView(data: Pick<Data, "speeches">, conference: ConferenceService): SpeechListItem[] {
  return conference.conf.speeches.flatMap((s) => {
    const unit = conference.unit(s.unit);
    if (!unit) return [];
    return [{ unitId: unit.id, unit: unitAddress(unit), name: unitName(unit), topic: s.topic, status: speechStatusOf(data.speeches[unit.id]) }];
  });
}

export interface VersionView {
  n: number;
  kind: SpeechVersion["kind"];
  at: string;
  /** The display name of the person who sent it (the account key if unknown). */
  by: string;
  text?: string;
  /** The stored files in order: a document, or every page photographed. */
  files: StoredFileRef[];
}

export interface SpeechView {
  unitId: string;
  unit: string;
  topic: string;
  status: SpeechStatusView;
  /** How many versions the unit sent. */
  versions: number;
  latest?: VersionView;
  /** The version before the latest, to read beside it. */
  previous?: VersionView;
  /** Whether there is a version to review now (one exists and was not withdrawn). */
  reviewable: boolean;
}

/** The files of a version: its pages when photographed, else its one file. */
export function versionFiles(v: SpeechVersion): StoredFileRef[] {
  return v.kind === "photo" ? (v.pages ?? (v.file ? [v.file] : [])) : v.file ? [v.file] : [];
}

/** A version as read: its author's name, its text and files (a speech's, a remediation plan's). */
export function versionView(data: Pick<Data, "accounts">, v: SpeechVersion): VersionView {
  return { n: v.n, kind: v.kind, at: v.at, by: data.accounts[v.by]?.displayName ?? v.by, ...(v.text ? { text: v.text } : {}), files: versionFiles(v) };
}

/** One unit's speech; refuses a unit with no assigned speech. */
export function speechView(data: Pick<Data, "speeches" | "accounts">, conference: ConferenceService, unit: Unit): SpeechView {
  const assignment = conference.speechFor(unit.id);
  if (!assignment) throw new UserError("review-not-assigned", { unit: unitAddress(unit) });
  const record = data.speeches[unit.id];
  const latest = latestVersion(record);
  const previous = latest ? record?.versions.filter((v) => v.n < latest.n).at(-1) : undefined;
  return {
    unitId: unit.id,
    unit: unitAddress(unit),
    topic: assignment.topic,
    status: speechStatusOf(record),
    versions: record?.versions.length ?? 0,
    ...(latest ? { latest: versionView(data, latest) } : {}),
    ...(previous ? { previous: versionView(data, previous) } : {}),
    reviewable: Boolean(latest && !isWithdrawn(record)),
  };
}

export interface SpeechRow {
  unit: Unit;
  topic: string;
  status: SpeechStatus;
  latest?: SpeechVersion;
  versions: number;
  /** The review of the latest version, if it has one. */
  review?: SpeechReview;
}

/** Each assigned speech with its latest version and that version's review (the report and the workbook). */
export function speechRows(conf: Pick<Conference, "units" | "speeches">, data: Data): SpeechRow[] {
  const rows: SpeechRow[] = [];
  for (const s of conf.speeches) {
    const unit = conf.units.find((u) => u.id === s.unit);
    if (!unit) continue;
    const record = data.speeches[s.unit];
    const latest = record?.versions.at(-1);
    const lastReview = record?.reviews.at(-1);
    rows.push({
      unit,
      topic: s.topic,
      status: speechStatus(record),
      latest,
      versions: record?.versions.length ?? 0,
      review: latest && lastReview?.version === latest.n ? lastReview : undefined,
    });
  }
  return rows;
}
