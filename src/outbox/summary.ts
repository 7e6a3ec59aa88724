// The lines that show a notice's counts (src/views/notices.ts counts them): the final count, a line per notice.
import type { Data, Notice } from "../../storage/schema.js";
import { CHANNELS, type NoticeCounts, type NoticeListItem, noticeList } from "../views/notices.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime } from "../lib/time.js";
import { shorten } from "../lib/text.js";

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

/** One notice of the list as a line: its id, kind, time, text, then its counts or why it was not sent, and its author. */
export function noticeLine(t: Translate, n: NoticeListItem): string {
  const head = t("notice-summary-head", { id: n.id, kind: t(`notice-kind-${n.kind}`), time: formatDateTime(t, n.sendAt), text: excerpt(n.text) });
  const by = t("notice-summary-author", { author: n.author.system ? t("notice-author-system") : n.author.name });
  if (n.state.kind === "cancelled") return `${head}: ${t(`notice-summary-cancelled-${n.state.reason}`)}; ${by}`;
  if (n.state.kind === "planned") return `${head}: ${t("notice-summary-planned")}; ${by}`;
  const c = n.state.counts;
  const parts = [t("notice-summary-counts", { sent: c.sent, failed: c.failed, unreachable: c.unreachable, pending: c.pending, total: c.total })];
  if (n.ackable) parts.push(t("notice-summary-acked", { acked: c.acked, sent: c.sent }));
  parts.push(by);
  return `${head}: ${parts.join("; ")}`;
}

/**
 * One line per notice an organizer sent or the bot sent to everyone, oldest first, with its
 * counts: for /baocao (commands/report.ts calls it) and for /thongbao trangthai.
 */
export function noticeSummaryLines(data: Data, t: Translate, options: { limit?: number; conference?: string } = {}): string[] {
  return noticeList(data, options).map((n) => noticeLine(t, n));
}
