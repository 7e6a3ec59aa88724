// Notices: who a notice goes to (the audiences), writing it with its deliveries, cancelling, acknowledging,
// resending to those who did not acknowledge, the data of a change alert, and the reminder plan.
//
// The rules live here once; commands/notices.ts parses and replies, src/outbox/ sends.
import { changeAlertData as scheduleChangeData, type ScheduleDeps } from "./schedule.js";
import { unitsWithNoSeatAnswered } from "./attendance.js";
import { randomBytes } from "node:crypto";
import type { Moment, Unit } from "../conference/schema.js";
import type { ConferenceService } from "../conference/service.js";
import type { AccountKey, Channel, Data, Delivery, Notice, NoticeDraft, NoticeKind, ScheduleState, StoredReply } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { archivedDeliveries } from "../../storage/archive.js";
import { BadArguments, UserError } from "./errors.js";
import { writable } from "../lib/text.js";

// --- the two RSVP audiences (their rules: src/domain/attendance.ts) ------------------------

/** How many seats of a unit have no answer yet. */
export function seatsUnanswered(data: Data, unit: Unit): number {
  const answered = new Set(data.rsvps.filter((r) => r.unitId === unit.id).map((r) => r.seatId));
  return unit.seats.filter((s) => !answered.has(s.id)).length;
}

// --- audiences -----------------------------------------------------------------------------

/**
 * The audiences of a notice. Stored on Notice.audience as: "all", "communes" (every local unit: xã, phường, đặc khu, the
 * town), "agencies", "no_rsvp" (units with no seat answered: "chưa trả lời"), "no_speech" (units
 * with an assigned speech and nothing submitted), "units:<id>,<id>" (named units),
 * "resend:<noticeId>" (the accounts that have not acknowledged that notice), "direct"
 * (Notifier.send).
 */
export type Audience =
  | { kind: "all" | "communes" | "agencies" | "no_rsvp" | "no_speech" }
  | { kind: "units"; unitIds: string[] }
  | { kind: "resend"; noticeId: string }
  | { kind: "direct" };

export function encodeAudience(a: Audience): string {
  if (a.kind === "units") return `units:${a.unitIds.join(",")}`;
  if (a.kind === "resend") return `resend:${a.noticeId}`;
  return a.kind;
}

export function decodeAudience(s: string): Audience | undefined {
  if (s.startsWith("units:")) return { kind: "units", unitIds: s.slice(6).split(",").filter(Boolean) };
  if (s.startsWith("resend:")) return { kind: "resend", noticeId: s.slice(7) };
  if (["all", "communes", "agencies", "no_rsvp", "no_speech", "direct"].includes(s)) return { kind: s } as Audience;
  return undefined;
}

/** The words an organizer types for an audience (folded: no case, no diacritics). */
export const AUDIENCE_WORDS: Record<string, Audience["kind"]> = {
  tatca: "all",
  all: "all",
  xa: "communes",
  communes: "communes",
  coquan: "agencies",
  agencies: "agencies",
  chuatraloi: "no_rsvp",
  noanswer: "no_rsvp",
  chuanop: "no_speech",
  nospeech: "no_speech",
};

export interface ResolvedAudience {
  /** The units the audience names (for delegate audiences). */
  units: Unit[];
  /** Units of the audience that no account has joined yet: nobody there can be told. */
  unitsWithoutAccount: Unit[];
  /** Every account, once, in a stable order. */
  accounts: AccountKey[];
  byChannel: Record<Channel, number>;
  /** Accounts that blocked the bot: they get an "unreachable" delivery, not a send. */
  unreachable: number;
}

/** The units an audience names; undefined for audiences of accounts (resend, direct). */
export function audienceUnits(conference: ConferenceService, data: Data, a: Audience): Unit[] | undefined {
  const all = conference.units();
  switch (a.kind) {
    case "all":
      return all;
    case "communes":
      return all.filter((u) => u.kind !== "agency");
    case "agencies":
      return all.filter((u) => u.kind === "agency");
    case "no_rsvp":
      return unitsWithNoSeatAnswered(conference.conf, data);
    case "no_speech":
      return conference.conf.speeches
        .map((s) => conference.unit(s.unit))
        .filter((u): u is Unit => Boolean(u) && !(data.speeches[(u as Unit).id]?.versions.length ?? 0));
    case "units":
      return a.unitIds.map((id) => conference.unit(id)).filter((u): u is Unit => Boolean(u));
    default:
      return undefined;
  }
}

/**
 * Who acknowledged a notice (there or on a resend of it) and who has not: the accounts it was sent
 * to, or is still being sent to, or failed for. Accounts found unreachable are in neither list.
 */
export function ackState(data: Data, noticeId: string): { acked: AccountKey[]; missing: AccountKey[] } {
  const family = new Set([noticeId, ...data.notices.filter((n) => n.resendOf === noticeId).map((n) => n.id)]);
  const ackedSet = new Set<AccountKey>();
  const candidates: AccountKey[] = [];
  for (const d of deliveriesOf(data, family)) {
    if (d.ackAt) ackedSet.add(d.account);
    if (d.noticeId === noticeId && (d.state === "sent" || d.state === "failed" || d.state === "pending")) candidates.push(d.account);
  }
  return { acked: candidates.filter((k) => ackedSet.has(k)), missing: candidates.filter((k) => !ackedSet.has(k)) };
}

/**
 * Every delivery of the notices `ids`, whether still in the store or archived with a compacted notice
 * (storage/archive.ts): an acknowledgement that came after the compaction is kept in the store beside
 * the archive (src/domain/deliveries.ts folds it in later) and counts in its place.
 */
export function deliveriesOf(data: Data, ids: ReadonlySet<string>): Delivery[] {
  const live = data.deliveries.filter((d) => ids.has(d.noticeId));
  const archived = data.notices.filter((n) => ids.has(n.id) && n.compacted).flatMap((n) => archivedDeliveries(data, n.id));
  if (archived.length === 0) return live;
  const kept = new Set(live.map((d) => `${d.noticeId}|${d.account}`));
  return [...live, ...archived.filter((d) => !kept.has(`${d.noticeId}|${d.account}`))];
}

/** How far back a "Đã nhận" without a notice's id looks among archived notices (an older one is acknowledged by its button). */
const ACK_LOOKBACK_MS = 30 * 86_400_000;

/**
 * The latest notice with "Đã nhận" sent to `account`: among the deliveries in the store, then among
 * the notices compacted since (newest first, each archive read only if it may be later), up to 30 days back.
 */
export function latestAckable(data: Data, account: AccountKey, now: Date): string | undefined {
  const ackable = new Set(data.notices.filter((n) => n.ackable).map((n) => n.id));
  let latest: { noticeId: string; sentAt: string } | undefined;
  for (const x of data.deliveries) {
    if (x.account !== account || x.state !== "sent" || !ackable.has(x.noticeId) || !x.sentAt) continue;
    if (!latest || x.sentAt >= latest.sentAt) latest = { noticeId: x.noticeId, sentAt: x.sentAt };
  }
  const since = now.getTime() - ACK_LOOKBACK_MS;
  const archived = data.notices
    .filter((n) => n.ackable && n.compacted && Date.parse(n.sendAt) >= since && (!latest || n.sendAt > latest.sentAt))
    .sort((a, b) => b.sendAt.localeCompare(a.sendAt));
  for (const n of archived) {
    const x = archivedDeliveries(data, n.id).find((d) => d.account === account && d.state === "sent" && d.sentAt);
    if (x && (!latest || (x.sentAt as string) >= latest.sentAt)) return n.id;
  }
  return latest?.noticeId;
}

/** The audience of "resend to those who have not acknowledged". */
export function notAcknowledged(data: Data, noticeId: string): AccountKey[] {
  return ackState(data, noticeId).missing;
}

export function resolveAudience(conference: ConferenceService, data: Data, a: Audience): ResolvedAudience {
  const units = audienceUnits(conference, data, a);
  let accounts: AccountKey[];
  let unitsWithoutAccount: Unit[] = [];
  if (units) {
    const wanted = new Set(units.map((u) => u.id));
    const reached = new Set<string>();
    // Delegate audiences: accounts that joined one of the units; an account without a unit is skipped.
    accounts = Object.values(data.accounts)
      .filter((acc) => acc.unitId && wanted.has(acc.unitId))
      .map((acc) => {
        reached.add(acc.unitId as string);
        return acc.key;
      });
    unitsWithoutAccount = units.filter((u) => !reached.has(u.id));
  } else if (a.kind === "resend") {
    accounts = notAcknowledged(data, a.noticeId).filter((k) => data.accounts[k]);
  } else {
    accounts = [];
  }
  accounts = [...new Set(accounts)];
  const byChannel: Record<Channel, number> = { telegram: 0, zalo: 0, console: 0 };
  let unreachable = 0;
  for (const k of accounts) {
    const acc = data.accounts[k];
    if (!acc) continue;
    byChannel[acc.channel] += 1;
    if (acc.unreachableSince) unreachable += 1;
  }
  return { units: units ?? [], unitsWithoutAccount, accounts, byChannel, unreachable };
}

// --- kinds ---------------------------------------------------------------------------------

/** Kinds whose author is told the final count (what an organizer sent, what the bot sent to everyone). */
export const REPORTED_KINDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>(["broadcast", "reminder", "schedule_change"]);

/** Kinds listed in /baocao and /thongbao trangthai with their kind and author: the reported ones, and chases. */
export const LISTED_KINDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>([...REPORTED_KINDS, "chase", "review"]);

/** Kinds that go before broadcasts waiting in line (one person waits for them). */
export const URGENT_KINDS: ReadonlySet<NoticeKind> = new Set<NoticeKind>(["review", "result", "chase"]);

// --- ids -----------------------------------------------------------------------------------

/** Short ids an organizer can type: 6 letters and digits without look-alikes. */
const ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
export function newNoticeId(taken: (id: string) => boolean): string {
  for (;;) {
    const bytes = randomBytes(6);
    let id = "";
    for (const b of bytes) id += ID_ALPHABET[b % ID_ALPHABET.length];
    if (!taken(id)) return id;
  }
}

function takenIn(d: Data, reserved: ReadonlySet<string> = new Set()) {
  return (id: string) => reserved.has(id) || id in d.noticeDrafts || d.notices.some((n) => n.id === id);
}

/** A fresh notice id in this store's data. */
export function freshNoticeId(data: Data, reserved?: ReadonlySet<string>): string {
  return newNoticeId(takenIn(data, reserved));
}

export function findNotice(data: Data, id: string): Notice | undefined {
  return data.notices.find((n) => n.id === id);
}

// --- writing -------------------------------------------------------------------------------

/** A notice to write with its deliveries, in one change. */
export interface NewNotice {
  id?: string;
  /** The conference it belongs to (the outbox files it with that conference's services). */
  conference?: string;
  kind: NoticeKind;
  text: string;
  file?: Notice["file"];
  audience: Audience;
  /** The organizer's account key, or "system". */
  createdBy: string;
  /** Later sending; default now. */
  sendAt?: Date;
  ackable: boolean;
  resendOf?: string;
  changeSequence?: number;
  data?: Record<string, string>;
  /** The draft this notice sends (same id): it must still be there, and goes in the same change. */
  fromDraft?: boolean;
  /** Refuse (NoticeAudienceEmpty) when the audience, resolved in the change, reaches nobody. */
  requireRecipients?: boolean;
  /**
   * Runs inside the same change before anything is written: re-checks what the person confirmed
   * (throws to refuse).
   */
  check?: (d: Data, audience: ResolvedAudience) => void;
}

export interface CreatedNotice {
  notice: Notice;
  deliveries: number;
  accounts: AccountKey[];
}

/**
 * The port through which commands file notices (implemented by the outbox, src/outbox/): the notice
 * is written with its deliveries in one change, then sent at each platform's pace.
 */
export interface NoticesPort {
  create(input: NewNotice): Promise<CreatedNotice>;
  /**
   * Like create, and resolves once every delivery on a running channel had its first attempt, with
   * the accounts the platforms accepted (e.g. /nhacnho, which tells which units nobody received).
   */
  createAndWait(input: NewNotice): Promise<CreatedNotice & { sent: AccountKey[] }>;
  /** Looks for due deliveries soon (after deliveries were made pending again). */
  kick(): void;
}

/** One delivery per account: `unreachable` at once for an account known to have blocked the bot. */
export function deliveriesFor(d: Data, noticeId: string, accounts: AccountKey[]): Delivery[] {
  return accounts.map((account) => ({
    noticeId,
    account,
    state: d.accounts[account]?.unreachableSince ? "unreachable" : "pending",
    attempts: 0,
  }));
}

/** Writes a notice and one delivery per account of its audience, in ONE store change. */
export async function createNotice(store: Store, conference: ConferenceService, input: NewNotice, now: Date): Promise<CreatedNotice> {
  return store.mutate((d) => {
    const id = input.id ?? freshNoticeId(d);
    // The same notice confirmed twice (two quick presses): the second is refused, nothing written.
    if (d.notices.some((n) => n.id === id)) throw new UserError("notice-already-confirmed", { id });
    if (input.fromDraft && !d.noticeDrafts[id]) throw new UserError("notice-expired");
    const resolved = resolveAudience(conference, d, input.audience);
    if (input.requireRecipients && resolved.accounts.length === 0) throw new NoticeAudienceEmpty(input.audience);
    // Last before any change: it may refuse (throw).
    input.check?.(d, resolved);
    if (input.fromDraft) delete d.noticeDrafts[id];
    const notice: Notice = {
      id,
      kind: input.kind,
      text: writable(input.text),
      audience: encodeAudience(input.audience),
      createdBy: input.createdBy,
      createdAt: now.toISOString(),
      sendAt: (input.sendAt ?? now).toISOString(),
      queuedAt: now.toISOString(),
      ackable: input.ackable,
      conference: conference.id,
    };
    if (input.file) notice.file = input.file;
    if (input.resendOf) notice.resendOf = input.resendOf;
    if (input.changeSequence !== undefined) notice.changeSequence = input.changeSequence;
    if (input.data) notice.data = input.data;
    const deliveries = deliveriesFor(d, id, resolved.accounts);
    d.notices.push(notice);
    for (const x of deliveries) d.deliveries.push(x);
    return { notice, deliveries: deliveries.length, accounts: resolved.accounts };
  });
}

/** A message handed to Notifier.send, its files already stored: one notice to its accounts. */
export interface DirectNotice {
  id: string;
  replies: StoredReply[];
  text: string;
  accounts: AccountKey[];
}

/** Writes the notices of one Notifier.send call in one change; returns the deliveries to send (pending). */
export async function createDirectNotices(
  store: Store,
  notices: DirectNotice[],
  options: { kind?: NoticeKind; createdBy?: AccountKey; ackable?: boolean; conference?: string },
  now: Date,
): Promise<Array<{ noticeId: string; account: AccountKey }>> {
  return store.mutate((d) => notices.flatMap((p) => pushDirectNotice(d, p, options, now)));
}

/** Adds one direct notice and its deliveries to `d` (inside a change); returns the pending ones. */
function pushDirectNotice(
  d: Data,
  p: DirectNotice,
  options: { kind?: NoticeKind; createdBy?: AccountKey; ackable?: boolean; conference?: string },
  now: Date,
): Array<{ noticeId: string; account: AccountKey }> {
  const at = now.toISOString();
  d.notices.push({
    id: p.id,
    kind: options.kind ?? "result",
    text: p.text,
    replies: p.replies,
    audience: encodeAudience({ kind: "direct" }),
    createdBy: options.createdBy ?? "system",
    createdAt: at,
    sendAt: at,
    queuedAt: at,
    ackable: options.ackable ?? false,
    ...(options.conference && { conference: options.conference }),
  });
  const out: Array<{ noticeId: string; account: AccountKey }> = [];
  for (const x of deliveriesFor(d, p.id, p.accounts.filter((k) => d.accounts[k]))) {
    d.deliveries.push(x);
    if (x.state === "pending") out.push({ noticeId: x.noticeId, account: x.account });
  }
  return out;
}

/** The figures a final count tells. */
export type ReportedCounts = NonNullable<Notice["reportedCounts"]>;

/**
 * The final count of a notice (or, with `correction`, a later change of it) is filed: the figures
 * on the notice and the message to its author, written in ONE change. A kill leaves both or
 * neither, so the author is told exactly once, and the message is delivered, retried and counted
 * like any other notice (a failed send no longer loses it). `report` is absent when the author has
 * no account (only logged). Returns false, changing nothing, when there is nothing to file: the
 * notice is gone, its count was already filed, or a correction carries the figures already told.
 */
export async function fileCountReport(
  store: Store,
  input: { noticeId: string; counts: ReportedCounts; correction: boolean; report?: { account: AccountKey; text: string }; now: Date },
): Promise<boolean> {
  return store.mutate((d) => {
    const n = d.notices.find((x) => x.id === input.noticeId);
    if (!n) return false;
    if (input.correction) {
      const told = n.reportedCounts;
      if (!told || (Object.keys(input.counts) as Array<keyof ReportedCounts>).every((k) => input.counts[k] === told[k])) return false;
    } else {
      if (n.reportedAt) return false;
      n.reportedAt = input.now.toISOString();
    }
    n.reportedCounts = input.counts;
    const r = input.report;
    if (r) pushDirectNotice(d, { id: freshNoticeId(d), replies: [{ kind: "text", text: r.text }], text: r.text, accounts: [r.account] }, {}, input.now);
    return true;
  });
}

// --- drafts --------------------------------------------------------------------------------

/** The audience reaches nobody (no account joined its units); carries it, which a reader's language names. */
export class NoticeAudienceEmpty extends UserError {
  constructor(readonly audience: Audience) {
    super("notice-audience-empty");
  }
}

/** The send time is not in the future; carries it, which a reader's language writes. */
export class NoticeTimePast extends BadArguments {
  constructor(readonly time: Date) {
    super("notice-time-past");
  }
}

/** A draft may be sent for this long after its last change; after that it must be written again. */
export const DRAFT_TTL_MS = 30 * 60_000;

export function draftExpired(draft: NoticeDraft, now: Date): boolean {
  return now.getTime() - Date.parse(draft.updatedAt) > DRAFT_TTL_MS;
}

/** Refused unless `sendAt` (if any) is still to come. */
export function requireFuture(sendAt: Date | undefined, now: Date): void {
  if (sendAt && sendAt.getTime() <= now.getTime()) throw new NoticeTimePast(sendAt);
}

/**
 * The draft `id` of organizer `by`, still open; otherwise the refusal that explains why not (sent
 * already; unknown, another organizer's, or expired). Reads only: an expired draft is removed by
 * the next draft written, never by a refusal.
 */
export function openDraft(data: Data, id: string | undefined, by: AccountKey, now: Date): NoticeDraft {
  if (id && findNotice(data, id)) throw new UserError("notice-already-confirmed", { id });
  const draft = id ? data.noticeDrafts[id] : undefined;
  if (!draft || draft.createdBy !== by || draftExpired(draft, now)) throw new UserError("notice-expired");
  return draft;
}

/** What a new draft holds (the store adds author and times). */
export interface DraftInput {
  id?: string;
  kind: NoticeKind;
  text: string;
  file?: Notice["file"];
  audience?: Audience;
  sendAt?: Date;
  resendOf?: string;
  data?: Record<string, string>;
}

/** Writes a new draft of organizer `by`; drafts expired by now (anyone's) are removed in the same change. */
export async function writeDraft(store: Store, by: AccountKey, input: DraftInput, now: Date): Promise<NoticeDraft> {
  return store.mutate((d) => {
    for (const old of Object.values(d.noticeDrafts)) if (draftExpired(old, now)) delete d.noticeDrafts[old.id];
    const id = input.id ?? freshNoticeId(d);
    if (takenIn(d)(id)) throw new UserError("notice-already-confirmed", { id });
    const at = now.toISOString();
    const draft: NoticeDraft = { id, kind: input.kind, text: input.text, createdBy: by, createdAt: at, updatedAt: at };
    if (input.file) draft.file = input.file;
    if (input.audience) draft.audience = encodeAudience(input.audience);
    if (input.sendAt) draft.sendAt = input.sendAt.toISOString();
    if (input.resendOf) draft.resendOf = input.resendOf;
    if (input.data) draft.data = input.data;
    d.noticeDrafts[id] = draft;
    return draft;
  });
}

/** Picks the audience or the time of an open draft (refused as openDraft refuses); its 30 minutes start again. */
export async function changeDraft(store: Store, id: string, by: AccountKey, change: { audience?: Audience; sendAt?: Date }, now: Date): Promise<NoticeDraft> {
  return store.mutate((d) => {
    const draft = openDraft(d, id, by, now);
    if (change.audience) draft.audience = encodeAudience(change.audience);
    if (change.sendAt) draft.sendAt = change.sendAt.toISOString();
    draft.updatedAt = now.toISOString();
    return draft;
  });
}

/** Drops a draft of organizer `by` (open or expired); false, changing nothing, when they have none of that id. */
export async function discardDraft(store: Store, id: string, by: AccountKey): Promise<boolean> {
  const draft = store.data.noticeDrafts[id];
  if (!draft || draft.createdBy !== by) return false;
  await store.mutate((d) => {
    delete d.noticeDrafts[id];
  });
  return true;
}

// --- cancelling ----------------------------------------------------------------------------

function cancelIn(d: Data, n: Notice, at: string, reason: string): void {
  n.cancelledAt = at;
  n.cancelReason = reason;
  for (const x of d.deliveries) if (x.noticeId === n.id && x.state === "pending") x.state = "skipped";
}

/**
 * An organizer cancels a notice set for later that has not started: its pending deliveries are
 * skipped. Refused when unknown, already cancelled, or its time has come.
 */
export async function cancelScheduledNotice(store: Store, id: string, now: Date): Promise<Notice> {
  const notice = findNotice(store.data, id);
  if (!notice) throw new UserError("notice-nothing-to-cancel");
  if (notice.cancelledAt) throw new UserError("notice-already-cancelled", { id });
  if (Date.parse(notice.sendAt) <= now.getTime()) throw new UserError("notice-cancel-too-late", { id });
  return store.mutate((d) => {
    const n = findNotice(d, id);
    if (!n || n.cancelledAt || Date.parse(n.sendAt) <= now.getTime()) throw new UserError("notice-cancel-too-late", { id });
    cancelIn(d, n, now.toISOString(), "organizer");
    return n;
  });
}

// --- acknowledging -------------------------------------------------------------------------

export type Acknowledgement = { state: "thanks"; noticeId: string } | { state: "already"; noticeId: string; at: string };

/**
 * "Đã nhận" by `account`: of notice `id`, or without an id of the latest ackable notice sent to it.
 * An acknowledgement of a resend counts for the notice it resent too.
 */
export async function acknowledgeNotice(store: Store, account: AccountKey, id: string | undefined, now: Date): Promise<Acknowledgement> {
  const data = store.data;
  let noticeId: string;
  if (id) {
    const ackable = findNotice(data, id)?.ackable === true;
    const target = deliveriesOf(data, new Set([id])).find((x) => x.account === account && x.state !== "skipped");
    if (!target || !ackable) throw new UserError("notice-ack-unknown", { id });
    noticeId = id;
  } else {
    const latest = latestAckable(data, account, now);
    if (!latest) throw new UserError("notice-ack-none");
    noticeId = latest;
  }
  const notice = findNotice(data, noticeId) as Notice;
  const already = deliveriesOf(data, new Set([noticeId])).find((x) => x.account === account)?.ackAt;
  if (already) return { state: "already", noticeId, at: already };
  const at = now.toISOString();
  const ids = new Set([noticeId, notice.resendOf].filter((x): x is string => Boolean(x)));
  // A compacted notice's delivery, read from its archive before the change (the archive is not the store's to read inside it).
  const archived = new Map<string, Delivery>();
  for (const n of data.notices) {
    if (!ids.has(n.id) || !n.compacted) continue;
    const x = archivedDeliveries(data, n.id).find((y) => y.account === account && y.state !== "skipped");
    if (x && !x.ackAt) archived.set(n.id, x);
  }
  await store.mutate((d) => {
    for (const x of d.deliveries) if (ids.has(x.noticeId) && x.account === account && !x.ackAt) x.ackAt = at;
    // A late "Đã nhận" of an archived delivery is kept in the store until the next round folds it into the archive.
    for (const [nid, x] of archived) if (!d.deliveries.some((y) => y.noticeId === nid && y.account === account)) d.deliveries.push({ ...x, ackAt: at });
  });
  return { state: "thanks", noticeId };
}

// --- resending -----------------------------------------------------------------------------

/**
 * What "resend to those who have not acknowledged" of notice `id` would send: a copy of it to the
 * accounts missing. Refused for an unknown notice, one without "Đã nhận", or when nobody is missing.
 */
export function resendOf(data: Data, id: string): { original: Notice; missing: AccountKey[]; audience: Audience } {
  const original = findNotice(data, id);
  if (!original || !REPORTED_KINDS.has(original.kind)) throw new UserError("notice-unknown", { id });
  if (!original.ackable) throw new UserError("notice-not-ackable", { id });
  const missing = notAcknowledged(data, id);
  if (missing.length === 0) throw new UserError("notice-resend-nobody", { id });
  return { original, missing, audience: { kind: "resend", noticeId: id } };
}

// --- the change alert ----------------------------------------------------------------------

/** Whether a notice belongs to conference `id` (a notice written before conferences were kept apart belongs to each). */
export function inConference(n: Notice, id: string | undefined): boolean {
  return id === undefined || n.conference === undefined || n.conference === id;
}

/** The change alert of schedule version `seq` of conference `conference`, if one was already filed. */
export function changeAlertOf(data: Data, seq: number, conference?: string): Notice | undefined {
  return data.notices.find((n) => n.kind === "schedule_change" && n.changeSequence === seq && inConference(n, conference));
}

/**
 * The data of the change alert for schedule version `seq` (old beside new), or a refusal: the offer
 * is outdated (the schedule changed since) or the alert was already sent.
 */
export function changeAlertData(data: Data, schedule: ScheduleState, seq: number, deps?: Pick<ScheduleDeps, "conference">): Record<string, string> {
  if (!Number.isInteger(seq) || seq !== schedule.sequence) throw new UserError("notice-change-stale");
  const sent = changeAlertOf(data, seq, deps?.conference.id);
  if (sent) throw new UserError("notice-change-already", { id: sent.id });
  const entry = schedule.history[schedule.history.length - 1];
  if (!entry) throw new UserError("notice-change-stale");
  // Old beside new, and the RSVP and speech deadlines when the new start moved them. The old is what
  // delegates were last told (a change saved without an alert never reached them); before any alert,
  // the state this change replaced.
  const told = schedule.told;
  const before = told ? { start: told.start, end: told.end, place: told.place } : entry.before;
  return scheduleChangeData({ ...entry, before }, deps);
}

/** After the change alert of version `seq` was filed: delegates now know the schedule as it stood then. */
export async function recordTold(store: Store, seq: number): Promise<void> {
  await store.mutate((d) => {
    const s = d.schedule;
    if (s.told && s.told.sequence >= seq) return;
    const entry = s.history[s.history.length - 1 - (s.sequence - seq)];
    if (!entry) return;
    s.told = { sequence: seq, ...entry.after };
  });
}

// --- chasing units (/nhacnho) --------------------------------------------------------------

export type ChaseKind = "rsvp" | "speech";

/**
 * The data of a chase notice: what it chases, the deadline, and per unit the seats unanswered then
 * (`missing:<unit>`, `seats:<unit>`), so each reader's copy names their own unit's figures.
 */
export function chaseData(kind: ChaseKind, units: Unit[], data: Data, deadline: Date | undefined): Record<string, string> {
  const out: Record<string, string> = { chase: kind };
  if (deadline) out.deadline = deadline.toISOString();
  for (const u of units) {
    out[`missing:${u.id}`] = String(seatsUnanswered(data, u));
    out[`seats:${u.id}`] = String(u.seats.length);
  }
  return out;
}

// --- messages sent per month ------------------------------------------------------------

/** The month of `now` in Việt Nam's time (UTC+7, no summer time): "2027-06". */
export function monthOf(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
}

/** Counts `count` messages a platform accepted on `channel` this month (inside a store change). */
export function countSentMessages(d: Data, channel: Channel, count: number, now: Date): void {
  if (count <= 0) return;
  d.sentByMonth ??= {};
  const month = monthOf(now);
  const row = d.sentByMonth[month] ?? {};
  row[channel] = (row[channel] ?? 0) + count;
  d.sentByMonth[month] = row;
}

/** Failed (parked) deliveries of a notice, with their reasons. */
export function parkedDeliveries(data: Data, noticeId: string): Delivery[] {
  return data.deliveries.filter((d) => d.noticeId === noticeId && d.state === "failed");
}

/**
 * An organizer asks to try again the deliveries of notice `id` that were parked as failed: they
 * become pending with their tries counted anew. Returns how many. Refused when there are none.
 */
export async function retryParked(store: Store, id: string): Promise<number> {
  if (!findNotice(store.data, id)) throw new UserError("notice-unknown", { id });
  if (parkedDeliveries(store.data, id).length === 0) throw new UserError("outbox-retry-nothing", { id });
  return store.mutate((d) => {
    let n = 0;
    for (const x of d.deliveries) {
      if (x.noticeId !== id || x.state !== "failed") continue;
      x.state = "pending";
      x.attempts = 0;
      delete x.failures;
      delete x.nextAttemptAt;
      n += 1;
    }
    return n;
  });
}

// --- the reminder plan ---------------------------------------------------------------------

/** "before:1d" or "at:2027-06-18 17:00": a reminder of the file, whatever the schedule. */
export function momentKey(m: Moment): string {
  return "before_start" in m ? `before:${m.before_start}` : `at:${m.at}`;
}

/** A reminder's key: the moment and the schedule sequence it was planned for ("before:1d#2"). */
export function reminderKey(m: Moment, sequence: number): string {
  return `${momentKey(m)}#${sequence}`;
}

const momentOf = (key: string) => key.replace(/#\d+$/, "");
const sequenceOf = (key: string) => Number(/#(\d+)$/.exec(key)?.[1] ?? -1);

export interface PlannedReminder {
  key: string;
  sendAt: Date;
  start: Date;
  place: string;
  /** Set when the reminder is recorded as not to be sent ("passed": its moment was over when it was planned; "duplicate": the same moment was already reminded for the same start). */
  skip?: "passed" | "duplicate";
}

export interface ReminderPlan {
  /** New reminders to record (queued later, at their moment; or recorded as skipped). */
  plan: PlannedReminder[];
  /** Reminders of an older time or place that were not sent yet: cancelled (reason "rescheduled"). */
  cancel: string[];
  /** The conference they are of. */
  conference?: string;
}

/**
 * Plans the reminders of the conference file once time and place are set. Pure: reads the store's
 * data and the clock's time, returns what to change. A reminder is planned once per schedule
 * sequence; a change of time or place cancels what was planned for the old one and plans anew.
 */
export function planReminders(data: Data, conference: ConferenceService, now: Date): ReminderPlan {
  const result: ReminderPlan = { plan: [], cancel: [], conference: conference.id };
  const schedule = conference.schedule();
  const sequence = data.schedule.sequence;
  const reminders = data.notices.filter((n) => n.kind === "reminder" && n.reminderKey && inConference(n, conference.id));
  for (const n of reminders) {
    if (n.cancelledAt || sequenceOf(n.reminderKey as string) === sequence) continue;
    // Planned for an older schedule: cancel it unless every delivery already went out.
    const unsent = !n.queuedAt || data.deliveries.some((d) => d.noticeId === n.id && d.state === "pending");
    if (unsent) result.cancel.push(n.id);
  }
  if (!schedule.announced || !schedule.start || !schedule.place) return result;
  const start = schedule.start;
  for (const m of conference.conf.reminders) {
    const key = reminderKey(m, sequence);
    if (reminders.some((n) => n.reminderKey === key)) continue;
    const sendAt = conference.resolve(m);
    if (!sendAt) continue;
    const planned: PlannedReminder = { key, sendAt, start, place: schedule.place };
    // The same moment, already sent for the same start (only the place changed, say): not twice.
    const sameStartSent = reminders.some(
      (n) => momentOf(n.reminderKey as string) === momentKey(m) && n.queuedAt && !n.cancelledAt && n.data?.start === start.toISOString(),
    );
    if (sameStartSent) planned.skip = "duplicate";
    else if (sendAt.getTime() <= now.getTime()) planned.skip = "passed";
    result.plan.push(planned);
  }
  return result;
}

/**
 * Whether a reminder that comes due now is still worth sending. Sent late only while the lateness
 * is within its offset (the conference has not started) and no later reminder of the same
 * schedule is also due (that one says the same, closer to the start): otherwise "stale".
 */
export function reminderIsStale(notice: Notice, all: Notice[], now: Date): boolean {
  const sendAt = Date.parse(notice.sendAt);
  const start = Date.parse(notice.data?.start ?? notice.sendAt);
  const lateness = now.getTime() - sendAt;
  const offset = start - sendAt;
  if (lateness > offset) return true;
  const seq = sequenceOf(notice.reminderKey ?? "");
  return all.some(
    (n) =>
      n !== notice &&
      n.kind === "reminder" &&
      !n.cancelledAt &&
      sequenceOf(n.reminderKey ?? "") === seq &&
      Date.parse(n.sendAt) > sendAt &&
      Date.parse(n.sendAt) <= now.getTime(),
  );
}

/**
 * Records a reminder plan in one change: cancels the reminders of an old time, writes the new ones
 * (not queued: their deliveries are written at their moment). `text` renders a reminder's words.
 */
export async function recordReminderPlan(store: Store, plan: ReminderPlan, now: Date, text: (data: Record<string, string>) => string): Promise<void> {
  if (plan.cancel.length === 0 && plan.plan.length === 0) return;
  await store.mutate((d) => {
    const at = now.toISOString();
    for (const id of plan.cancel) {
      const n = findNotice(d, id);
      if (!n || n.cancelledAt) continue;
      cancelIn(d, n, at, "rescheduled");
    }
    for (const p of plan.plan) {
      const data = { start: p.start.toISOString(), place: p.place };
      const notice: Notice = {
        id: freshNoticeId(d),
        kind: "reminder",
        text: text(data),
        audience: encodeAudience({ kind: "all" }),
        createdBy: "system",
        createdAt: at,
        sendAt: p.sendAt.toISOString(),
        reminderKey: p.key,
        ackable: true,
        data,
        ...(plan.conference && { conference: plan.conference }),
      };
      if (p.skip) {
        notice.cancelledAt = at;
        notice.cancelReason = p.skip;
      }
      d.notices.push(notice);
    }
  });
}

/** Reminders whose moment came and whose deliveries are not written yet, oldest first. */
export function dueReminders(data: Data, now: Date, conference?: string): Notice[] {
  const due = data.notices.filter((n) => n.kind === "reminder" && !n.queuedAt && !n.cancelledAt && Date.parse(n.sendAt) <= now.getTime() && inConference(n, conference));
  return due.sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt));
}

/**
 * A reminder whose moment came: its deliveries are written now, to the delegates of this moment;
 * or it is cancelled as stale. Returns the deliveries written, or -1 when none (stale, or done).
 */
export async function queueReminder(store: Store, conference: ConferenceService, noticeId: string, now: Date): Promise<{ stale: boolean; count: number }> {
  const n = findNotice(store.data, noticeId);
  const stale = n ? reminderIsStale(n, store.data.notices.filter((x) => inConference(x, conference.id)), now) : false;
  const count = await store.mutate((d) => {
    const x = findNotice(d, noticeId);
    if (!x || x.queuedAt || x.cancelledAt) return -1;
    if (stale) {
      x.cancelledAt = now.toISOString();
      x.cancelReason = "stale";
      return -1;
    }
    const accounts = resolveAudience(conference, d, decodeAudience(x.audience) ?? { kind: "all" }).accounts;
    for (const del of deliveriesFor(d, x.id, accounts)) d.deliveries.push(del);
    x.queuedAt = now.toISOString();
    if (accounts.length === 0) x.reportedAt = now.toISOString();
    return accounts.length;
  });
  return { stale, count };
}
