// Counts of a notice's deliveries (sent, failed, unreachable, acknowledged, per channel) and the lines that show them.
import type { Channel, Data, DeliveryState, Notice } from "../../storage/schema.js";
import { LISTED_KINDS, REPORTED_KINDS } from "../domain/notices.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";
import { shorten } from "../lib/text.js";

export const CHANNELS: Channel[] = ["telegram", "zalo", "console"];

export interface Counts {
  total: number;
  pending: number;
  sent: number;
  failed: number;
  unreachable: number;
  skipped: number;
  /** Acknowledged ("Đã nhận"), of those sent. */
  acked: number;
}

export interface NoticeCounts extends Counts {
  byChannel: Record<Channel, Counts>;
}

const zero = (): Counts => ({ total: 0, pending: 0, sent: 0, failed: 0, unreachable: 0, skipped: 0, acked: 0 });

const STATE_FIELD: Record<DeliveryState, keyof Counts> = {
  pending: "pending",
  sent: "sent",
  failed: "failed",
  unreachable: "unreachable",
  skipped: "skipped",
};

/** Counts for every notice in one pass over the deliveries. */
export function countAll(data: Data): Map<string, NoticeCounts> {
  const out = new Map<string, NoticeCounts>();
  for (const d of data.deliveries) {
    let c = out.get(d.noticeId);
    if (!c) {
      c = { ...zero(), byChannel: { telegram: zero(), zalo: zero(), console: zero() } };
      out.set(d.noticeId, c);
    }
    const channel = (d.account.split(":")[0] ?? "console") as Channel;
    const ch = c.byChannel[channel] ?? c.byChannel.console;
    for (const target of [c, ch]) {
      target.total += 1;
      target[STATE_FIELD[d.state]] += 1;
      if (d.ackAt) target.acked += 1;
    }
  }
  return out;
}

export function noticeCounts(data: Data, noticeId: string): NoticeCounts {
  return countAll(data).get(noticeId) ?? { ...zero(), byChannel: { telegram: zero(), zalo: zero(), console: zero() } };
}

/** Kinds whose author is told the final count: what organizers sent and what the bot sent to everyone. */
export const ORGANIZER_KINDS: ReadonlySet<string> = REPORTED_KINDS;

/** Who filed a notice, as an organizer reads it: the author's name, or the bot itself. */
export function authorLabel(data: Data, t: Translate, notice: Notice): string {
  const author = notice.createdBy === "system" ? undefined : data.accounts[notice.createdBy];
  return t("notice-summary-author", { author: author?.displayName ?? (notice.createdBy === "system" ? t("notice-author-system") : notice.createdBy) });
}

/** "Telegram: đã gửi 120, …; Zalo: …" for the channels that had deliveries. */
export function channelLines(t: Translate, c: NoticeCounts): string[] {
  return CHANNELS.filter((ch) => c.byChannel[ch].total > 0).map((ch) => {
    const x = c.byChannel[ch];
    return t("notice-count-channel", { channel: t(`notice-channel-${ch}`), sent: x.sent, failed: x.failed, unreachable: x.unreachable, pending: x.pending });
  });
}

/** The accounts a notice could not reach after its bounded tries, as "name (unit)", in delivery order. */
export function failedNames(data: Data, noticeId: string, unitName: (unitId: string) => string): string[] {
  return data.deliveries
    .filter((d) => d.noticeId === noticeId && d.state === "failed")
    .map((d) => {
      const a = data.accounts[d.account];
      const name = a?.displayName ?? d.account;
      return a?.unitId ? `${name} (${unitName(a.unitId)})` : name;
    });
}

/** The final count an organizer is told when a notice has gone out; `failed` names who could not be reached. */
export function reportText(t: Translate, notice: Notice, c: NoticeCounts, failed: string[] = []): string {
  const lines = [
    t("notice-report", { id: notice.id, total: c.total, sent: c.sent, failed: c.failed, unreachable: c.unreachable }),
    ...channelLines(t, c),
  ];
  if (failed.length > 0) {
    const shown = failed.length > 10 ? [...failed.slice(0, 10), t("notice-more-accounts", { count: failed.length - 10 })] : failed;
    lines.push(t("notice-report-failed", { count: failed.length, names: shown.join(", "), id: notice.id }));
  }
  if (c.pending > 0) lines.push(t("notice-report-waiting", { pending: c.pending }));
  if (notice.ackable) lines.push(t("notice-report-status-hint", { id: notice.id }));
  return lines.join("\n");
}

function excerpt(text: string, max = 60): string {
  const one = text.replace(/\s+/g, " ").trim();
  return shorten(one, max);
}

/**
 * One line per notice an organizer sent or the bot sent to everyone, oldest first, with its
 * counts: for /baocao (commands/report.ts calls it) and for /thongbao trangthai.
 */
export function noticeSummaryLines(data: Data, t: Translate, options: { limit?: number } = {}): string[] {
  const counts = countAll(data);
  // Reminders replaced by a new time (or already sent for the same time) are noise here.
  const replaced = (n: Notice) => n.kind === "reminder" && n.cancelledAt && !n.queuedAt && (n.cancelReason === "rescheduled" || n.cancelReason === "duplicate");
  // Chases (/nhacnho) and review results are listed too, with their kind and author.
  const notices = data.notices.filter((n) => LISTED_KINDS.has(n.kind) && !replaced(n));
  const shown = options.limit ? notices.slice(-options.limit) : notices;
  return shown.map((n) => {
    const c = counts.get(n.id);
    const head = t("notice-summary-head", { id: n.id, kind: t(`notice-kind-${n.kind}`), time: formatDateTime(t, n.sendAt), text: excerpt(n.text) });
    const by = authorLabel(data, t, n);
    if (n.cancelledAt) return `${head}: ${t(`notice-summary-cancelled-${n.cancelReason ?? "organizer"}`)}; ${by}`;
    if (!c) return `${head}: ${t("notice-summary-planned")}; ${by}`;
    const parts = [t("notice-summary-counts", { sent: c.sent, failed: c.failed, unreachable: c.unreachable, pending: c.pending, total: c.total })];
    if (n.ackable) parts.push(t("notice-summary-acked", { acked: c.acked, sent: c.sent }));
    parts.push(by);
    return `${head}: ${parts.join("; ")}`;
  });
}
