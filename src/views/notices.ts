// What an organizer reads about notices, as typed data: the audiences offered, a draft's preview, the
// list of notices and one notice's status (counts per channel, who has not acknowledged, what was
// parked, and what can be done next). No text: chat (commands/notices.ts) writes it as lines, the
// desk (src/desk/pages/notices.ts) as a page with its own buttons, /baocao as lines (src/outbox/summary.ts).
import type { ConferenceService } from "../conference/service.js";
import {
  ackState,
  deliveriesOf,
  type Audience,
  decodeAudience,
  DRAFT_TTL_MS,
  draftExpired,
  findNotice,
  inConference,
  LISTED_KINDS,
  NoticeAudienceEmpty,
  NoticeTimePast,
  parkedDeliveries,
  REPORTED_KINDS,
  resolveAudience,
} from "../domain/notices.js";
import { UserError } from "../domain/errors.js";
import { unitNameById } from "../domain/units.js";
import { msg } from "../messages/render.js";
import { dateTimeMessage } from "../messages/time.js";
import type { Message } from "../messages/types.js";
import type { AccountKey, Channel, Data, DeliveryCounts, Notice, NoticeDraft, NoticeKind } from "../../storage/schema.js";
import { countDelivery, zeroCounts } from "../domain/deliveries.js";

export const CHANNELS: Channel[] = ["telegram", "zalo", "console"];

// --- counts --------------------------------------------------------------------------------

/** A notice's figures: its deliveries by state, and acknowledged ("Đã nhận") of those sent. */
export type Counts = DeliveryCounts;

export interface NoticeCounts extends Counts {
  byChannel: Record<Channel, Counts>;
}

/**
 * Counts for every notice in one pass over the deliveries (src/domain/deliveries.ts
 * `countDelivery`: the one definition of a notice's figures); a compacted notice's are those kept
 * on it when its deliveries were archived.
 */
export function countAll(data: Data): Map<string, NoticeCounts> {
  const out = new Map<string, NoticeCounts>();
  const compacted = new Set<string>();
  for (const n of data.notices) {
    if (!n.compacted) continue;
    out.set(n.id, structuredClone(n.compacted.counts));
    compacted.add(n.id);
  }
  for (const d of data.deliveries) {
    let c = out.get(d.noticeId);
    if (c && compacted.has(d.noticeId)) {
      // A "Đã nhận" that came after the compaction, not folded into the archive yet: it counts.
      if (d.ackAt) {
        c.acked += 1;
        (c.byChannel[(d.account.split(":")[0] ?? "console") as keyof NoticeCounts["byChannel"]] ?? c.byChannel.console).acked += 1;
      }
      continue;
    }
    if (!c) {
      c = zeroCounts();
      out.set(d.noticeId, c);
    }
    countDelivery(c, d);
  }
  return out;
}

export function noticeCounts(data: Data, noticeId: string): NoticeCounts {
  return countAll(data).get(noticeId) ?? zeroCounts();
}

// --- audiences -----------------------------------------------------------------------------

/** An audience's name, as a message (the units named, or the notice resent). */
export function audienceMessage(conference: ConferenceService, audience: Audience): Message {
  if (audience.kind === "units") return msg("notice-audience-units", { units: audience.unitIds.map((id) => unitNameById(conference, id)).join(", ") });
  if (audience.kind === "resend") return msg("notice-audience-resend", { id: audience.noticeId });
  return msg(`notice-audience-${audience.kind.replace("_", "-")}`);
}

/** The audiences offered to pick from, by the word /thongbao reads (and the desk's form sends). */
export const AUDIENCE_OPTIONS: ReadonlyArray<readonly [string, Audience]> = [
  ["tatca", { kind: "all" }],
  ["xa", { kind: "communes" }],
  ["coquan", { kind: "agencies" }],
  ["chuatraloi", { kind: "no_rsvp" }],
  ["chuanop", { kind: "no_speech" }],
];

export interface AudienceOption {
  word: string;
  audience: Audience;
  name: Message;
  /** Accounts it reaches now. */
  count: number;
}

export function audienceOptions(data: Data, conference: ConferenceService): AudienceOption[] {
  return AUDIENCE_OPTIONS.map(([word, audience]) => ({
    word,
    audience,
    name: audienceMessage(conference, audience),
    count: resolveAudience(conference, data, audience).accounts.length,
  }));
}

// --- a draft -------------------------------------------------------------------------------

export interface DraftPreview {
  draft: NoticeDraft;
  audience: Audience;
  audienceName: Message;
  recipients: { total: number; byChannel: Record<Channel, number> };
  /** Names of the units of the audience nobody joined yet. */
  unitsWithoutAccount: string[];
  unreachable: number;
  /** Minutes the draft may still be sent after its last change. */
  ttlMinutes: number;
  /** What can be done with it: send (now, or at its time), set a time, drop it. */
  can: { send: true; schedule: true; cancel: true };
}

/** The preview of a draft whose audience is picked: who it reaches now, per channel. */
export function draftPreview(data: Data, conference: ConferenceService, draft: NoticeDraft): DraftPreview {
  const audience = decodeAudience(draft.audience ?? "");
  if (!audience) throw new UserError("notice-audience-missing");
  const r = resolveAudience(conference, data, audience);
  return {
    draft,
    audience,
    audienceName: audienceMessage(conference, audience),
    recipients: { total: r.accounts.length, byChannel: r.byChannel },
    unitsWithoutAccount: r.unitsWithoutAccount.map((u) => u.name),
    unreachable: r.unreachable,
    ttlMinutes: DRAFT_TTL_MS / 60_000,
    can: { send: true, schedule: true, cancel: true },
  };
}

/** The open drafts of organizer `by` whose audience is picked (ready to preview and send), newest first. */
export function openDrafts(data: Data, by: AccountKey, now: Date): NoticeDraft[] {
  return Object.values(data.noticeDrafts)
    .filter((d) => d.createdBy === by && d.audience && !draftExpired(d, now))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

// --- the list ------------------------------------------------------------------------------

export interface NoticeListItem {
  id: string;
  kind: NoticeKind;
  sendAt: string;
  text: string;
  /** The organizer's name, their account key when unknown, or "system" (the bot). */
  author: { system: true } | { system: false; name: string };
  ackable: boolean;
  /** Cancelled (with why), planned (no delivery written yet), or its counts. */
  state: { kind: "cancelled"; reason: string } | { kind: "planned" } | { kind: "counted"; counts: NoticeCounts };
}

function listItem(data: Data, n: Notice, counts: NoticeCounts | undefined): NoticeListItem {
  const system = n.createdBy === "system";
  const author = system ? ({ system: true } as const) : { system: false as const, name: data.accounts[n.createdBy]?.displayName ?? n.createdBy };
  const state: NoticeListItem["state"] = n.cancelledAt
    ? { kind: "cancelled", reason: n.cancelReason ?? "organizer" }
    : counts
      ? { kind: "counted", counts }
      : { kind: "planned" };
  return { id: n.id, kind: n.kind, sendAt: n.sendAt, text: n.text, author, ackable: n.ackable, state };
}

/**
 * The notices an organizer sent or the bot sent to everyone, and chases and review results, oldest
 * first (the last `limit`): what /thongbao trangthai, /baocao and the desk list.
 */
export function noticeList(data: Data, options: { limit?: number; conference?: string } = {}): NoticeListItem[] {
  const counts = countAll(data);
  // Reminders replaced by a new time (or already sent for the same time) are noise here.
  const replaced = (n: Notice) => n.kind === "reminder" && n.cancelledAt && !n.queuedAt && (n.cancelReason === "rescheduled" || n.cancelReason === "duplicate");
  // Only the conference's own (issue 26): another conference's notices are listed there.
  const notices = data.notices.filter((n) => LISTED_KINDS.has(n.kind) && !replaced(n) && inConference(n, options.conference));
  const shown = options.limit ? notices.slice(-options.limit) : notices;
  return shown.map((n) => listItem(data, n, counts.get(n.id)));
}

// --- one notice's status -------------------------------------------------------------------

/** An account as an organizer reads it in a list: its unit, its name, its channel. */
export interface AccountLine {
  account: AccountKey;
  unit: string;
  name: string;
  channel: Channel;
}

export interface NoticeStatus {
  item: NoticeListItem;
  counts: NoticeCounts;
  /** Set while the notice waits for its later time (not cancelled). */
  scheduledFor?: string;
  /** For a notice with "Đã nhận" that has deliveries: who acknowledged and who has not. */
  ack?: { acked: AccountLine[]; missing: AccountLine[] };
  /** Deliveries parked after their bounded tries, with the platform's reason. */
  parked: Array<AccountLine & { reason: string }>;
  /** What can be done now: cancel (scheduled, not begun), resend to `resend` accounts, retry `retry` parked ones (0: not offered). */
  can: { cancel: boolean; resend: number; retry: number };
}

function accountLine(data: Data, conference: ConferenceService, key: AccountKey): AccountLine {
  const a = data.accounts[key];
  return { account: key, unit: a?.unitId ? unitNameById(conference, a.unitId) : "", name: a?.displayName ?? key, channel: a?.channel ?? "console" };
}

/** The status of notice `id` at `now`; refused (notice-unknown) when there is none. */
export function noticeStatus(data: Data, conference: ConferenceService, now: Date, id: string): NoticeStatus {
  const notice = findNotice(data, id);
  if (!notice) throw new UserError("notice-unknown", { id });
  const counts = noticeCounts(data, id);
  const later = !notice.cancelledAt && Date.parse(notice.sendAt) > now.getTime();
  // A compacted notice is read from its archive (and its resends' archives): the same lists, nothing left to do.
  const source = notice.compacted ? withArchived(data, id) : data;
  const status: NoticeStatus = {
    item: listItem(data, notice, counts.total > 0 ? counts : undefined),
    counts,
    parked: parkedDeliveries(source, id).map((x) => ({ ...accountLine(data, conference, x.account), reason: x.error ?? "" })),
    can: { cancel: later, resend: 0, retry: 0 },
  };
  if (later) status.scheduledFor = notice.sendAt;
  if (notice.ackable && counts.total > 0) {
    const { acked, missing } = ackState(source, id);
    status.ack = { acked: acked.map((k) => accountLine(data, conference, k)), missing: missing.map((k) => accountLine(data, conference, k)) };
    // Resending is for what organizers and the bot sent to everyone (resendOf refuses the rest).
    if (!later && REPORTED_KINDS.has(notice.kind)) status.can.resend = missing.length;
  }
  if (!notice.compacted) status.can.retry = status.parked.length;
  return status;
}

/** `data` with the deliveries of notice `id` and of its resends, archived or not (a late "Đã nhận" in place of its archived delivery). */
function withArchived(data: Data, id: string): Data {
  const family = new Set([id, ...data.notices.filter((n) => n.resendOf === id).map((n) => n.id)]);
  return { ...data, deliveries: deliveriesOf(data, family) };
}

// --- refusals that carry values ------------------------------------------------------------

/** A refusal of the notices' rules whose values each reader's language writes, as a message. */
export function refusalMessage(conference: ConferenceService, err: unknown): Message | undefined {
  if (err instanceof NoticeAudienceEmpty) return msg(err.key, { audience: audienceMessage(conference, err.audience) });
  if (err instanceof NoticeTimePast) return msg(err.key, { time: dateTimeMessage(err.time) });
  return undefined;
}
