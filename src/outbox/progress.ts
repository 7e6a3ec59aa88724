// Progress reports: the author of a long send is told every 10 %, and the final count once every delivery is final.
import type { AccountKey, Notice } from "../../storage/schema.js";
import { channelOf, channelOwed, type Engine } from "./engine.js";
import { markCorrected, markReported } from "../domain/deliveries.js";
import { unitNameById } from "../domain/units.js";
import { failedNames, type NoticeCounts, noticeCounts, reportText } from "./summary.js";

/** The figures a report tells, kept on the notice to notice a later change. */
function figures(c: NoticeCounts): NonNullable<Notice["reportedCounts"]> {
  return { sent: c.sent, failed: c.failed, unreachable: c.unreachable, skipped: c.skipped, pending: c.pending };
}

export interface Tracker {
  total: number;
  final: number;
  pendingRunning: number;
  decile: number;
}

export interface Progress {
  /** Counts of the notices that still owe their author a final count, refreshed by each scan. */
  refresh(noticeId: string, counts: Omit<Tracker, "decile">): void;
  countFinal(noticeId: string): void;
  afterFinal(noticeId: string): void;
  /** Every delivery on a running channel is final: tell the organizer the count, once. */
  settle(notice: Notice): Promise<void>;
  /** Final counts being told now. */
  reporting(): number;
}

export function createProgress(engine: Engine, hooks: { tell(account: AccountKey, text: string, progressKey?: string): Promise<void> }): Progress {
  const { store, logger, clock, i18n } = engine.deps;
  const trackers = new Map<string, Tracker>();
  const reporting = new Set<string>();

  async function settle(notice: Notice): Promise<void> {
    if (reporting.has(notice.id) || notice.reportedAt) return;
    reporting.add(notice.id);
    trackers.delete(notice.id);
    try {
      const counts = noticeCounts(store.data, notice.id);
      const author = store.data.accounts[notice.createdBy];
      if (author) {
        const t = i18n.forLanguage(author.language);
        const failed = failedNames(store.data, notice.id, (unitId) => unitNameById(engine.deps.conference, unitId));
        await hooks.tell(author.key, reportText(t, notice, counts, failed));
      }
      logger.info(
        { notice: notice.id, kind: notice.kind, sent: counts.sent, failed: counts.failed, unreachable: counts.unreachable, pending: counts.pending },
        "notice sent",
      );
      await markReported(store, notice.id, figures(counts), clock.now());
    } catch (err) {
      logger.warn({ notice: notice.id, err: (err as Error).message }, "final count not recorded");
    } finally {
      reporting.delete(notice.id);
    }
  }

  /**
   * A delivery of a notice already reported became final: once nothing owed is pending, and the
   * figures differ from those told, the author is told the new count as "Cập nhật: …".
   */
  async function correct(notice: Notice): Promise<void> {
    if (reporting.has(notice.id) || !notice.reportedCounts) return;
    const owed = store.data.deliveries.some((d) => d.noticeId === notice.id && d.state === "pending" && channelOwed(engine, channelOf(d.account)));
    if (owed) return;
    const counts = noticeCounts(store.data, notice.id);
    const now = figures(counts);
    const before = notice.reportedCounts;
    if ((Object.keys(now) as Array<keyof typeof now>).every((k) => now[k] === before[k])) return;
    reporting.add(notice.id);
    try {
      const author = store.data.accounts[notice.createdBy];
      if (author) {
        const t = i18n.forLanguage(author.language);
        const failed = failedNames(store.data, notice.id, (unitId) => unitNameById(engine.deps.conference, unitId));
        await hooks.tell(author.key, t("notice-report-correction", { report: reportText(t, notice, counts, failed) }));
      }
      logger.info({ notice: notice.id, before, now }, "notice count corrected");
      await markCorrected(store, notice.id, now);
    } catch (err) {
      logger.warn({ notice: notice.id, err: (err as Error).message }, "count correction not recorded");
    } finally {
      reporting.delete(notice.id);
    }
  }

  return {
    refresh(noticeId, c) {
      const prev = trackers.get(noticeId);
      const decile = Math.floor((c.final * 10) / Math.max(1, c.total));
      // A scan only refreshes the counts: the decile last told stays, so the next delivery still
      // reports the progress reached (a scan between deliveries must not swallow it).
      trackers.set(noticeId, { ...c, decile: prev ? prev.decile : decile });
    },
    countFinal(noticeId) {
      const tr = trackers.get(noticeId);
      if (!tr) return;
      tr.final += 1;
      tr.pendingRunning -= 1;
    },
    afterFinal(noticeId) {
      const notice = store.data.notices.find((n) => n.id === noticeId);
      if (notice?.reportedAt) {
        void correct(notice);
        return;
      }
      const tr = trackers.get(noticeId);
      if (!tr || !notice) return;
      const decile = Math.floor((tr.final * 10) / Math.max(1, tr.total));
      if (tr.pendingRunning <= 0) {
        void settle(notice);
        return;
      }
      if (tr.total >= engine.tuning.progressMin && decile > tr.decile && decile < 10) {
        tr.decile = decile;
        const author = store.data.accounts[notice.createdBy];
        if (author) {
          const t = i18n.forLanguage(author.language);
          // On Telegram one message is edited as the send goes on; elsewhere a line every 10 %.
          void hooks.tell(notice.createdBy, t("notice-progress", { id: notice.id, done: tr.final, total: tr.total, percent: decile * 10 }), `progress:${notice.id}`);
        } else logger.info({ notice: notice.id, done: tr.final, total: tr.total }, "notice progress");
      }
    },
    settle,
    reporting: () => reporting.size,
  };
}
