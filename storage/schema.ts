// The shape of the store (schema version 9) and the migrations that bring older files to it.
import { sessionsAsSteps } from "./migration-steps.js";

/** A channel a person reaches the bot through. */
export type Channel = "telegram" | "zalo" | "console";

/** `${channel}:${platform id}`: the one key by which an account is known everywhere. */
export type AccountKey = string;

export type Role = "guest" | "delegate" | "organizer";

export interface Account {
  key: AccountKey;
  channel: Channel;
  /** The platform's id of the person (Telegram user id, Zalo user id, console name). */
  userId: string;
  /** Where replies and notices go (a private chat: usually the same as userId). */
  chatId: string;
  displayName: string;
  language: string;
  unitId?: string;
  /** Granted by an organizer code (ORGANIZER_IDS is checked at run time, not stored). */
  organizer?: boolean;
  joinedAt?: string;
  /** Set when the platform said the person blocked the bot; cleared when they write again. */
  unreachableSince?: string;
  lastSeenAt?: string;
  /** The conference this person's messages act on, chosen when two concerned them (src/domain/conferences.ts). */
  conference?: string;
  /**
   * The question "which conference?" asked and not answered yet: the conferences offered, and what
   * waits for the answer: `text`, the text of a store written before `waiting` existed; `waiting`, the
   * messages sent while the question was open (files and presses too), handled in order once answered.
   */
  conferenceAsked?: { ids: string[]; text?: string; at: string; waiting?: WaitingMessage[] };
}

/** A file kept while the question "which conference?" waits: its bytes saved under DATA_DIR/files, as the person sent it. */
export interface WaitingFile {
  kind: "document" | "photo";
  name: string;
  mime: string;
  /** Bytes saved. */
  size: number;
  /** Relative to DATA_DIR ("files/…"). */
  path: string;
  /** The address the platform gave (Zalo pictures), for the record. */
  url?: string;
}

/** A message that waits for the answer to "which conference?": its text (a file's caption), its file, or the button it pressed. */
export interface WaitingMessage {
  text?: string;
  file?: WaitingFile;
  /** A button of numbered choices: its set, its number (1-based), and its words as offered, if still open when pressed. */
  press?: { setId: string; index: number; label?: string };
  at: string;
}

export interface Invite {
  /** Upper case, without separators; compared case-insensitively. */
  code: string;
  /** A unit id, or "organizer" for an organizer code. */
  target: string;
  issuedAt: string;
  revokedAt?: string;
}

export interface FailedCodes {
  count: number;
  /** ISO time before which the next attempt is refused. */
  blockedUntil?: string;
}

/** The time and place as set by organizers with /datlich; absent means "to be announced". */
export interface ScheduleState {
  start?: string;
  end?: string;
  place?: string;
  /** Raised on every change; the calendar file's SEQUENCE. */
  sequence: number;
  history: ScheduleChange[];
  /** What delegates were last told by a change alert (its sequence and values); absent before the first alert. */
  told?: { sequence: number; start?: string; end?: string; place?: string };
}

export interface ScheduleChange {
  at: string;
  by: AccountKey;
  before: { start?: string; end?: string; place?: string };
  after: { start?: string; end?: string; place?: string };
  /** The sequence the organizer's command saw when it arrived: saves between it and this one were made meanwhile by others. */
  seen?: number;
}

export type RsvpStatus = "attend" | "substitute" | "absent";

export interface RsvpAnswer {
  unitId: string;
  seatId: string;
  status: RsvpStatus;
  /** The person who attends (attend) or the substitute (substitute). */
  name?: string;
  /** The substitute's position. */
  position?: string;
  /** Why the seat is absent. */
  reason?: string;
  by: AccountKey;
  at: string;
  /** Given by an organizer for the unit ("Ban tổ chức ghi thay"); `by` is the organizer. */
  onBehalf?: boolean;
}

/**
 * What organizers decide about a version, as stored. The status of a speech (`SpeechStatus`, with
 * "none" and "submitted") is derived from versions and reviews in src/domain/speeches.ts.
 */
export type ReviewDecision = "accepted" | "changes_requested";

/** A file kept under DATA_DIR/files (a speech document, a photographed page). */
export interface StoredFileRef {
  name: string;
  mime: string;
  size: number;
  path: string;
}

export interface SpeechVersion {
  n: number;
  kind: "text" | "document" | "photo";
  text?: string;
  /** For documents and photos: the stored file under DATA_DIR/files. */
  file?: StoredFileRef;
  /** A speech sent as photos of its pages: every page in order (`file` is the first). */
  pages?: StoredFileRef[];
  by: AccountKey;
  at: string;
}

export interface SpeechReview {
  version: number;
  decision: ReviewDecision;
  note?: string;
  by: AccountKey;
  at: string;
}

/** A unit withdrew version `version` (a newer version counts again). */
export interface SpeechWithdrawal {
  version: number;
  by: AccountKey;
  at: string;
}

export interface SpeechRecord {
  unitId: string;
  versions: SpeechVersion[];
  reviews: SpeechReview[];
  /** Absent in files written before withdrawals existed: none. */
  withdrawals?: SpeechWithdrawal[];
}

export interface VolunteerSpeaker {
  id: string;
  unitId: string;
  topic: string;
  by: AccountKey;
  at: string;
  withdrawnAt?: string;
}

export interface Checkin {
  unitId: string;
  seatId?: string;
  by: AccountKey;
  at: string;
  /** Recorded by an organizer for a person in the hall (`by` is the organizer). */
  onBehalf?: boolean;
}

export interface CheckinCode {
  code: string;
  issuedAt: string;
  by: AccountKey;
}

/** One field (lĩnh vực) or criterion of a unit's index. */
export interface ScoreField {
  id: string;
  name: string;
  max: number;
  self?: number;
  appraised?: number;
  final: number;
  previous?: number;
  /** The appraisal's note: why the appraised score differs from the self-assessed one (from schema version 5). */
  note?: string;
  /** Criteria under this field, where the table has them (sub-criteria under a criterion). */
  children?: ScoreField[];
}

export interface UnitScore {
  unitId: string;
  total: number;
  max: number;
  rank: number;
  rankOf: number;
  classification: string;
  fields: ScoreField[];
  previous?: { total: number; max?: number; rank?: number; classification?: string };
}

export interface ScoreTable {
  year: number;
  importedAt: string;
  importedBy: AccountKey;
  source: string;
  /** Sample data: every message that shows it says so. */
  sample: boolean;
  units: UnitScore[];
}

export interface ScoresState {
  current?: ScoreTable;
  /** Tables replaced by an import, newest last. */
  previousTables: ScoreTable[];
  publishedAt?: string;
  publishedBy?: AccountKey;
  /** Tables read from a file and shown to an organizer, each waiting for its own confirmation (by id). */
  previews?: ScorePreview[];
}

/**
 * A score table an organizer previewed (chat /nhapdiem, the desk's upload), stored with an id so
 * that a preview made in one interface never takes the place of one made in the other.
 */
export interface ScorePreview {
  id: string;
  by: AccountKey;
  /** Where it was made: a new preview replaces the same organizer's earlier one from the same place. */
  via: "chat" | "desk";
  /** The table as read (the store adds who imported it and when on confirming). */
  table: Omit<ScoreTable, "importedAt" | "importedBy">;
  /** importedAt of the table the preview said it replaces (null: none). */
  replaces: string | null;
  at: string;
}

// ---- Tasks assigned after the conference (src/domain/tasks.ts; tracked as QĐ 42/2014/QĐ-TTg tracks them) ----

/** How often the unit reports on a task between its assignment and its deadline. */
export type TaskReportEvery = "none" | "weekly" | "monthly";

/** What a unit reported on a task: progress, or that it is done; text and evidence (photos, files). */
export interface TaskReport {
  /** 1, 2, … in the order received. */
  n: number;
  kind: "progress" | "done";
  text?: string;
  /** Evidence kept under DATA_DIR/files, as the speeches keep theirs. */
  files?: StoredFileRef[];
  by: AccountKey;
  at: string;
}

/** The organizers' decision on a "done" report: accepted (the task is complete), or returned with a note. */
export interface TaskDecision {
  report: number;
  decision: "accepted" | "returned";
  note?: string;
  by: AccountKey;
  at: string;
}

/**
 * A task assigned to a unit. Its state (the four of QĐ 42/2014) is never stored: it is computed from
 * the deadline, the accepted "done" report and the clock (src/domain/tasks.ts `taskState`).
 */
export interface Task {
  /** 1, 2, …: the number people type ("nhiệm vụ số 3"). */
  n: number;
  unitId: string;
  /** Supporting units (ids). */
  supporting?: string[];
  content: string;
  /** The criterion of the index it serves ("3.2"; "3" is a field), optional. */
  criterion?: string;
  /** The year of the score table in force when it was assigned: the criterion's "before". */
  baseYear?: number;
  /** The local day it is due, "YYYY-MM-DD" (the whole day counts). */
  deadline: string;
  /** The expected result or evidence. */
  expected?: string;
  reportEvery: TaskReportEvery;
  assignedBy: AccountKey;
  assignedAt: string;
  /** Where it came from: typed (chat, desk) or a sheet. */
  source?: "chat" | "desk" | "sheet";
  reports: TaskReport[];
  decisions: TaskDecision[];
  /** The reminders already sent ("before:7", "overdue:0", "report:2"), so that each goes once. */
  reminded?: string[];
}

/** One task as typed or read from a sheet, before it is stored. */
export interface NewTask {
  unitId: string;
  supporting?: string[];
  content: string;
  criterion?: string;
  deadline: string;
  expected?: string;
  reportEvery: TaskReportEvery;
}

/** Tasks read from a sheet and shown to an organizer, waiting for confirmation (by id), as score previews. */
export interface TaskPreview {
  id: string;
  by: AccountKey;
  via: "desk" | "chat";
  source: string;
  tasks: NewTask[];
  at: string;
}

export interface TasksState {
  list: Task[];
  previews?: TaskPreview[];
  /** Months ("2027-07", Việt Nam time) whose digest went to the organizers. */
  digests?: string[];
}

// ---- The conclusions of the conference (Thông báo kết luận, src/domain/conclusions.ts; schema version 7) ----

/** A part of the conclusions the organizers write: one of the three standing parts, or a free part with its own title. */
export interface ConclusionsPart {
  /** "assessment", "shortcomings", "solutions", or "extra" (a free part, titled). */
  key: "assessment" | "shortcomings" | "solutions" | "extra";
  /** A free part's title (the standing parts take theirs from locales/). */
  title?: string;
  text: string;
}

/** A unit's comment on the draft sent for comments. */
export interface ConclusionsComment {
  n: number;
  unitId: string;
  text: string;
  by: AccountKey;
  at: string;
  /** "link": through the unit's personal upload page. */
  via: "chat" | "desk" | "link";
  /** Files the unit sent as its comment (a Word or PDF file, photos of pages), through the upload page. */
  files?: StoredFileRef[];
}

/** The draft sent to the units concerned, asking for comments before a day. */
export interface ConclusionsConsultation {
  units: string[];
  /** The local day comments are asked before ("YYYY-MM-DD", the whole day counts). */
  deadline: string;
  sentAt: string;
  sentBy: AccountKey;
  /** The notice each unit received (unit id → notice id), for its acknowledgements. */
  notices: Record<string, string>;
}

/** What the issued conclusions say, frozen when they were issued (later tasks or check-ins change nothing in them). */
export interface ConclusionsRecord {
  /** The conference's local day, place and chair, and the counts of the check-in. */
  day?: string;
  place?: string;
  present: number;
  invited: number;
  unitsPresent: number;
  units: number;
  parts: ConclusionsPart[];
  /** The tasks part: each task's unit, number, content, criterion and deadline. */
  tasks: Array<{ n: number; unitId: string; content: string; criterion?: string; deadline: string }>;
}

export interface ConclusionsIssue {
  /** The number given by the office ("125"), and its symbol ("TB-VP"). */
  number: string;
  symbol: string;
  /** The day of issue ("YYYY-MM-DD"). */
  day: string;
  at: string;
  by: AccountKey;
  record: ConclusionsRecord;
  /** The notice each unit received (unit id → notice id). */
  notices: Record<string, string>;
}

export interface ConclusionsState {
  /** The parts as last saved; empty until the organizers write them. */
  parts: ConclusionsPart[];
  updatedAt?: string;
  updatedBy?: AccountKey;
  consultation?: ConclusionsConsultation;
  comments: ConclusionsComment[];
  /** Set once, never changed afterwards. */
  issued?: ConclusionsIssue;
}

// ---- Remediation plans after publication (kế hoạch khắc phục; src/domain/remedy.ts) ----

/** A plan being written over several messages (parts typed, photos of pages), one per unit, not yet a version. */
export interface RemedyDraft {
  by: AccountKey;
  parts: string[];
  pages?: StoredFileRef[];
  startedAt: string;
}

/**
 * A commune's remediation plan: versions and reviews exactly as a speech keeps them (its status is
 * derived the same way, src/domain/speeches.ts `speechStatus`), and the draft being written.
 */
export interface RemedyPlan extends SpeechRecord {
  draft?: RemedyDraft;
}

export interface RemedyState {
  /** Each unit's plan, by unit id. */
  plans: Record<string, RemedyPlan>;
  /** The publication (scores.publishedAt) whose request for plans went to the communes: it goes once. */
  requestedFor?: string;
}

/** "task": a task's reminder or the monthly digest of tasks (src/outbox/task-reminders.ts); "conclusions": the draft or the issued Thông báo kết luận. */
/** "invitation": a new conference's giấy mời to the delegates of a unit who joined for an earlier one (src/actions/conferences.ts). */
export type NoticeKind = "broadcast" | "reminder" | "schedule_change" | "chase" | "review" | "result" | "task" | "conclusions" | "invitation";

export interface Notice {
  id: string;
  kind: NoticeKind;
  text: string;
  /** Optional attachment kept under DATA_DIR/files. */
  file?: { name: string; mime: string; path: string };
  audience: string;
  createdBy: AccountKey;
  createdAt: string;
  /** When sending may begin (now, or a later time). */
  sendAt: string;
  /** Set once every delivery is written. */
  queuedAt?: string;
  cancelledAt?: string;
  /** Which reminder of the conference file this is, so it is planned once. */
  reminderKey?: string;
  ackable: boolean;
  /** Messages handed to Notifier.send, as stored (files under DATA_DIR/files); else built from text. */
  replies?: StoredReply[];
  /** Values of a notice the bot writes (reminder, change alert), rendered in each reader's language. */
  data?: Record<string, string>;
  /** The notice this one resends to those who had not acknowledged it. */
  resendOf?: string;
  /** For a change alert: the schedule sequence it announces, so it is sent once. */
  changeSequence?: number;
  /** Why it was cancelled: "organizer", "rescheduled" (a reminder of an old time), "stale". */
  cancelReason?: string;
  /** When the final count was reported (or logged), so a restart does not report it again. */
  reportedAt?: string;
  /** The figures of that report (and of its last correction), so a later change is told as "Cập nhật: …". */
  reportedCounts?: { sent: number; failed: number; unreachable: number; skipped: number; pending: number };
  /**
   * Set when the notice's deliveries were compacted (schema version 7): they are no longer in
   * `Data.deliveries` but archived (storage/archive.ts), and these are their figures.
   */
  compacted?: { at: string; counts: CompactedCounts };
  /** The conference it belongs to (schema version 10): its reports, reminders and status count it there. */
  conference?: string;
}

/** A compacted notice's figures, as the status view counts them (src/views/notices.ts `Counts`). */
export interface DeliveryCounts {
  total: number;
  pending: number;
  sent: number;
  failed: number;
  unreachable: number;
  skipped: number;
  /** Acknowledged ("Đã nhận"). */
  acked: number;
}

export interface CompactedCounts extends DeliveryCounts {
  byChannel: Record<Channel, DeliveryCounts>;
}

/** A reply as a queued notice keeps it: files by their path under DATA_DIR instead of bytes. */
export type StoredReply =
  | { kind: "text"; text: string }
  | { kind: "choices"; text: string; choices: Array<{ label: string; step: StoredStep }> }
  | { kind: "file" | "photo"; name: string; mime: string; path: string; caption?: string };

export type DeliveryState = "pending" | "sent" | "failed" | "unreachable" | "skipped";

export interface Delivery {
  noticeId: string;
  account: AccountKey;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt?: string;
  sentAt?: string;
  error?: string;
  ackAt?: string;
  /** Set while an attempt is under way (written before the send): after a crash, possibly delivered. */
  attemptAt?: string;
  /** Transient failures so far; bounded, then the delivery is `failed`. */
  failures?: number;
  /** Platform messages of this delivery already accepted (a notice split in parts): a retry resumes after them. */
  partsSent?: number;
}

/**
 * A conversation step as the store keeps it: its kind and its values (`{ kind: "join.move", code }`).
 * The kinds and their shapes are the chat's (commands/steps.ts), checked each time a step is taken
 * back from the store: a step of an unknown kind, or of a known kind with wrong values, is stale.
 */
export type StoredStep = { kind: string; [field: string]: unknown };

/** What a person is in the middle of: the numbered choices last offered, a speech being collected. */
export interface Session {
  /** The step of each choice, in order; `labels`: the words of each choice, so that typing them (folded) chooses too. */
  choices?: { setId: string; steps: StoredStep[]; labels?: string[]; offeredAt: string };
  collecting?: {
    kind: "speech";
    parts: string[];
    startedAt: string;
    /** Photos of pages received while collecting, saved under DATA_DIR/files, in order. */
    pages?: Array<{ name: string; mime: string; size: number; path: string }>;
  };
  /** A step that waits for free text (e.g. a substitute's name after choosing "send a substitute"), and the message key that asked. */
  awaiting?: { step: StoredStep; prompt: string; offeredAt: string };
}

/**
 * A notice an organizer wrote and previewed, not sent yet: a stored object with its id (the id the
 * notice takes once sent), kept in `Data.noticeDrafts` until sent, cancelled or expired
 * (src/domain/notices.ts writes them). Chat and desk each hold their own drafts by id.
 */
export interface NoticeDraft {
  id: string;
  kind: NoticeKind;
  text: string;
  file?: Notice["file"];
  /** An encoded Audience; unset until picked. */
  audience?: string;
  sendAt?: string;
  resendOf?: string;
  data?: Record<string, string>;
  /** The organizer who wrote it: only they may send or change it. */
  createdBy: AccountKey;
  createdAt: string;
  /** The last change (written, audience or time picked): it may be sent for 30 minutes after. */
  updatedAt: string;
  /** The conference it was written in. */
  conference?: string;
}

/** One handled update: the channel's key for it and when it was handled (ISO). */
export interface HandledUpdate {
  key: string;
  at: string;
  /**
   * Received (by webhook) and answered, not handled yet: the update as it came, so that it is
   * handled in order, also after a restart. Removed once the update is handled.
   */
  received?: unknown;
}

/**
 * What one conference holds of its own (schema version 10): its time and place, answers, speeches,
 * check-ins, scores and what follows the day. Everything else (people, codes, notices) is shared.
 */
export interface ConferenceData {
  schedule: ScheduleState;
  rsvps: RsvpAnswer[];
  rsvpHistory: RsvpAnswer[];
  speeches: Record<string, SpeechRecord>;
  speakers: VolunteerSpeaker[];
  checkins: Checkin[];
  checkinCode?: CheckinCode;
  scores: ScoresState;
  /** Tasks assigned after the conference, their previews and the digests sent (schema version 5). */
  tasks: TasksState;
  /** The Thông báo kết luận: its draft, the comments asked for, and once issued its number and date (schema version 7). */
  conclusions: ConclusionsState;
  /** The communes' remediation plans (schema version 8). */
  remedies: RemedyState;
}

/** The keys of ConferenceData: a conference's view of the store reads them from its own entry (storage/conference-view.ts). */
export const CONFERENCE_KEYS = ["schedule", "rsvps", "rsvpHistory", "speeches", "speakers", "checkins", "checkinCode", "scores", "tasks", "conclusions", "remedies"] as const satisfies ReadonlyArray<keyof ConferenceData>;

export type ConferenceStatus = "running" | "closed";

/** A conference the bot serves (src/domain/conferences.ts): its file, its state, and what it holds. */
export interface ConferenceRecord extends ConferenceData {
  /** The conference file's `id`. */
  id: string;
  /** The conference file, as given (resolved); a closed conference reads `frozenFile` instead. */
  file: string;
  /** The title, as the file said when the conference was added or last opened (for lists without loading the file). */
  title: string;
  status: ConferenceStatus;
  addedAt: string;
  addedBy?: AccountKey;
  closedAt?: string;
  closedBy?: AccountKey;
  /** The copy of the file kept when the conference closed (under DATA_DIR/conferences/): it never changes again. */
  frozenFile?: string;
  /** The units whose delegates were told of this conference (a new giấy mời), so that each is told once. */
  told?: string[];
}

/** What every conference shares: people and their units, codes, conversations, the notices and their deliveries. */
export interface SharedData {
  schemaVersion: number;
  accounts: Record<AccountKey, Account>;
  invites: Invite[];
  failedCodes: Record<AccountKey, FailedCodes>;
  notices: Notice[];
  /** Notices written and previewed, not sent yet, by id. */
  noticeDrafts: Record<string, NoticeDraft>;
  deliveries: Delivery[];
  sessions: Record<AccountKey, Session>;
  /**
   * Updates already handled, per channel, oldest first: bounded in number and kept for a limited
   * time (storage/handled-updates.ts). A bare string is an entry written before times were kept.
   */
  handledUpdates: Record<string, Array<HandledUpdate | string>>;
  /** Messages the outbox had accepted by each platform, per month ("2027-06", Việt Nam time): a quota coming shows. */
  sentByMonth?: Record<string, Partial<Record<Channel, number>>>;
}

/** The store as it is on disk: what is shared, and each conference by its id (one file each). */
export interface StoreData extends SharedData {
  conferences: Record<string, ConferenceRecord>;
}

/** What one conference's services read and change: the shared data with that conference's own (storage/conference-view.ts). */
export interface Data extends SharedData, ConferenceData {}

export const SCHEMA_VERSION = 10;

/** A new conference's own data: nothing answered, nothing submitted. */
export function emptyConferenceData(): ConferenceData {
  return {
    schedule: { sequence: 0, history: [] },
    rsvps: [],
    rsvpHistory: [],
    speeches: {},
    speakers: [],
    checkins: [],
    scores: { previousTables: [] },
    tasks: { list: [] },
    conclusions: { parts: [], comments: [] },
    remedies: { plans: {} },
  };
}

/** A new store: nobody yet, no conference. */
export function emptyData(): StoreData {
  return {
    schemaVersion: SCHEMA_VERSION,
    accounts: {},
    invites: [],
    failedCodes: {},
    notices: [],
    noticeDrafts: {},
    deliveries: [],
    sessions: {},
    handledUpdates: {},
    conferences: {},
  };
}

/** The data of a store of version 9 and before (one conference, its data beside the shared), as migrations 0 → 9 fill it. */
function emptyV9(): Record<string, unknown> {
  const { conferences: _none, ...shared } = emptyData();
  return { ...shared, ...emptyConferenceData(), schemaVersion: 9 };
}

/** The id a store of one conference (version 9 and before) files its conference under, until the app adopts it (src/app/conferences.ts). */
export const MIGRATED_CONFERENCE = "_v9";

/**
 * Migrations: index i turns a file of version i into version i + 1. Version 0 is a file written
 * before versions existed (an object with some of the collections): it gains those it lacks.
 */
export const migrations: Array<(old: Record<string, unknown>) => Record<string, unknown>> = [
  (old) => {
    const base = emptyV9() as unknown as Data;
    return {
      ...base,
      ...old,
      // Nested defaults too, so a partial `schedule` or `scores` gains what it lacks. A value that is
      // not an object is kept as it is, for the schema (validate.ts) to report.
      schedule: isPlainObject(old.schedule) ? { ...base.schedule, ...old.schedule } : (old.schedule ?? base.schedule),
      scores: isPlainObject(old.scores) ? { ...base.scores, ...old.scores } : (old.scores ?? base.scores),
      schemaVersion: 1,
    };
  },
  // 1 → 2: a score preview is a stored object with an id (scores.previews), no longer a session's
  // hidden slot. An open chat import preview becomes a stored preview, so nothing is lost; an open
  // publication question carries the table it asked about in its choice instead.
  (old) => {
    const scores = isPlainObject(old.scores) ? { ...old.scores } : old.scores;
    const previews: unknown[] = isPlainObject(scores) && Array.isArray(scores.previews) ? [...scores.previews] : [];
    const sessions = isPlainObject(old.sessions) ? { ...old.sessions } : old.sessions;
    if (isPlainObject(sessions)) {
      for (const [key, value] of Object.entries(sessions)) {
        if (!isPlainObject(value) || !isPlainObject(value.pendingConfirm)) continue;
        const session: Record<string, unknown> = { ...value };
        const pending = value.pendingConfirm as Record<string, unknown>;
        const payload = isPlainObject(pending.payload) ? pending.payload : {};
        if (pending.kind === "scores-import") {
          previews.push({ id: `chat-${previews.length + 1}`, by: key, via: "chat", table: payload.table, replaces: payload.replaces ?? null, at: pending.offeredAt });
        } else if (pending.kind === "scores-publish" && typeof payload.importedAt === "string" && isPlainObject(session.choices)) {
          const choices = session.choices as Record<string, unknown>;
          const commands = Array.isArray(choices.commands) ? choices.commands : [];
          session.choices = { ...choices, commands: commands.map((c) => (c === "/congbo xacnhan" ? `/congbo xacnhan ${payload.importedAt}` : c)) };
        } else continue;
        delete session.pendingConfirm;
        sessions[key] = session;
      }
    }
    if (isPlainObject(scores) && previews.length > 0) scores.previews = previews;
    return { ...old, scores, sessions, schemaVersion: 2 };
  },
  draftsOutOfSessions,
  // 3 → 4: conversation steps are typed values, not command lines (storage/migration-steps.ts).
  (old) => ({ ...sessionsAsSteps(old), schemaVersion: 4 }),
  // 4 → 5: a field or criterion of a score table may carry the appraisal's note (ScoreField.note).
  scoreNotesVersion,
  // 5 → 6: tasks assigned after the conference (none yet in an older file).
  (old) => ({ ...old, tasks: isPlainObject(old.tasks) ? old.tasks : (old.tasks ?? { list: [] }), schemaVersion: 6 }),
  // 6 → 7: the conclusions of the conference (nothing drafted yet in an older file).
  (old) => ({ ...old, conclusions: isPlainObject(old.conclusions) ? old.conclusions : (old.conclusions ?? { parts: [], comments: [] }), schemaVersion: 7 }),
  // 7 → 8: the communes' remediation plans (none yet in an older file).
  (old) => ({ ...old, remedies: isPlainObject(old.remedies) ? old.remedies : (old.remedies ?? { plans: {} }), schemaVersion: 8 }),
  // 8 → 9: the store is kept in parts (storage/partitions.ts) and a notice's deliveries may be
  // compacted into its figures (Notice.compacted). The data is the same; the version is raised so
  // that an older program, which reads one file, refuses the main file instead of finding no
  // accounts in it. The parts are written by the store at open, the original kept as `.v8.bak`.
  (old) => ({ ...old, schemaVersion: 9 }),
  // 9 → 10: one bot serves many conferences. What the one conference held of its own moves into
  // `conferences._v9` (the app gives it the id of its conference file at start, src/app/conferences.ts);
  // people, codes, conversations and the notices stay shared. The original is kept as `.v9.bak`.
  conferencesVersion,
];

/** Version 9 → 10: the conference's own collections into its entry of `conferences`. */
function conferencesVersion(old: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  const keys: readonly string[] = CONFERENCE_KEYS;
  for (const [k, v] of Object.entries(old)) {
    if (keys.includes(k)) {
      if (v !== undefined) own[k] = v;
    }
    else out[k] = v;
  }
  const base = emptyConferenceData() as unknown as Record<string, unknown>;
  const conferences = isPlainObject(old.conferences) ? { ...old.conferences } : {};
  const record = { id: MIGRATED_CONFERENCE, file: "", title: "", status: "running", addedAt: new Date(0).toISOString() };
  conferences[MIGRATED_CONFERENCE] = { ...record, ...base, ...own };
  return { ...out, conferences, schemaVersion: 10 };
}

/**
 * Version 4 → 5: score fields gain an optional `note` (the appraisal's reason for a cut). Tables
 * stored before had none to keep, so they stay as they are; the version is raised so that an older
 * program refuses a file whose notes it would neither show nor check. A `note` a version-4 file
 * somehow holds that is not text (written by hand) is dropped here rather than refused later: it
 * never came from an import.
 */
function scoreNotesVersion(old: Record<string, unknown>): Record<string, unknown> {
  const scores = isPlainObject(old.scores) ? { ...old.scores } : old.scores;
  if (isPlainObject(scores)) {
    const tables = (value: unknown) => (Array.isArray(value) ? value.map(tableWithoutBadNotes) : value);
    if (scores.current !== undefined) scores.current = tableWithoutBadNotes(scores.current);
    scores.previousTables = tables(scores.previousTables);
    if (Array.isArray(scores.previews)) scores.previews = scores.previews.map((p) => (isPlainObject(p) ? { ...p, table: tableWithoutBadNotes(p.table) } : p));
  }
  return { ...old, scores, schemaVersion: 5 };
}

function tableWithoutBadNotes(table: unknown): unknown {
  if (!isPlainObject(table) || !Array.isArray(table.units)) return table;
  const field = (f: unknown): unknown => {
    if (!isPlainObject(f)) return f;
    const { note, ...rest } = f;
    const kept: Record<string, unknown> = typeof note === "string" ? { ...rest, note } : rest;
    if (Array.isArray(f.children)) kept.children = f.children.map(field);
    return kept;
  };
  return { ...table, units: table.units.map((u) => (isPlainObject(u) && Array.isArray(u.fields) ? { ...u, fields: u.fields.map(field) } : u)) };
}

/**
 * Version 2 → 3: a notice preview open in a session (`pendingConfirm` of kind "notice") becomes a
 * stored draft with the same id, its author the session's account and its times the preview's, so
 * that nothing an organizer had open is lost; the session keeps everything else. A payload without
 * an id and a text could never be sent: it goes, as every other `pendingConfirm` left (sessions hold
 * none from this version on).
 */
function draftsOutOfSessions(old: Record<string, unknown>): Record<string, unknown> {
  const drafts: Record<string, unknown> = isPlainObject(old.noticeDrafts) ? { ...old.noticeDrafts } : {};
  const sessions = isPlainObject(old.sessions) ? { ...old.sessions } : old.sessions;
  if (isPlainObject(sessions)) {
    for (const [key, session] of Object.entries(sessions)) {
      if (!isPlainObject(session) || !("pendingConfirm" in session)) continue;
      const pending = isPlainObject(session.pendingConfirm) ? session.pendingConfirm : {};
      const draft = pending.kind === "notice" && isPlainObject(pending.payload) ? draftOf(pending.payload, key, pending.offeredAt) : undefined;
      if (draft) drafts[draft.id] = draft;
      const { pendingConfirm: _moved, ...rest } = session;
      if (Object.keys(rest).length === 0) delete sessions[key];
      else sessions[key] = rest;
    }
  }
  return { ...old, sessions, noticeDrafts: drafts, schemaVersion: 3 };
}

const NOTICE_KINDS: readonly string[] = ["broadcast", "reminder", "schedule_change", "chase", "review", "result"];

/** A stored preview's payload as a draft, its fields taken only where they have their type; undefined when it could not be sent. */
function draftOf(p: Record<string, unknown>, by: string, offeredAt: unknown): NoticeDraft | undefined {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const id = str(p.id);
  const text = str(p.text);
  const at = str(offeredAt);
  if (!id || text === undefined || !at || !NOTICE_KINDS.includes(str(p.kind) ?? "")) return undefined;
  const draft: NoticeDraft = { id, kind: p.kind as NoticeKind, text, createdBy: by, createdAt: at, updatedAt: at };
  const file = isPlainObject(p.file) ? p.file : undefined;
  if (file && str(file.name) !== undefined && str(file.mime) !== undefined && str(file.path) !== undefined) {
    draft.file = { name: file.name as string, mime: file.mime as string, path: file.path as string };
  }
  for (const field of ["audience", "sendAt", "resendOf"] as const) if (str(p[field]) !== undefined) draft[field] = p[field] as string;
  if (isPlainObject(p.data) && Object.values(p.data).every((v) => typeof v === "string")) draft.data = p.data as Record<string, string>;
  return draft;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export class StoreVersionTooNew extends Error {
  constructor(
    readonly file: string,
    readonly version: number,
  ) {
    super(`${file}: schema version ${version} is newer than this program knows (${SCHEMA_VERSION})`);
    this.name = "StoreVersionTooNew";
  }
}

/** Brings a parsed file to SCHEMA_VERSION; refuses a file from a newer program. */
export function migrate(raw: Record<string, unknown>, file: string): StoreData {
  let version = typeof raw.schemaVersion === "number" ? raw.schemaVersion : 0;
  if (version > SCHEMA_VERSION) throw new StoreVersionTooNew(file, version);
  let data = raw;
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new Error(`no migration from schema version ${version}`);
    data = step(data);
    version += 1;
  }
  return data as unknown as StoreData;
}
