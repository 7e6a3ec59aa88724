// Progress reports: the author of a long send is told every 10 %, and the final count once every delivery is final.
import type { AccountKey, Notice } from "../../storage/schema.js";
import { channelOf, channelOwed, conferenceOf, type Engine } from "./engine.js";
import { fileCountReport } from "../domain/notices.js";
import { unitNameById } from "../domain/units.js";
import { failedNames, reportText } from "./summary.js";
import { type NoticeCounts, noticeCounts } from "../views/notices.js";

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

type ProgressHooks = { tell(account: AccountKey, text: string, progressKey?: string): Promise<void>; kick(): void };

/** The state of the progress reports: the notices tracked and the counts being filed now. */
interface ProgressState {
  engine: Engine;
  hooks: ProgressHooks;
  trackers: Map<string, Tracker>;
  reporting: Set<string>;
}

/**
 * Files the count (the first one, or a correction) with its message to the author in one store
 * change; the message then goes out as a notice of its own (kind "result"), retried like any
 * delivery and kept across a restart, never as a one-shot send whose failure would lose it.
 */
async function file(state: ProgressState, notice: Notice, correction: boolean): Promise<void> {
  const { engine, hooks } = state;
  const { store, logger, clock, i18n } = engine.deps;
  const counts = noticeCounts(store.data, notice.id);
  const author = store.data.accounts[notice.createdBy];
  let report: { account: AccountKey; text: string } | undefined;
  if (author) {
    const t = i18n.forLanguage(author.language);
    const failed = failedNames(store.data, notice.id, (unitId) => unitNameById(conferenceOf(engine, notice.conference).conference, unitId));
    const text = reportText(t, notice, counts, failed);
    report = { account: author.key, text: correction ? t("notice-report-correction", { report: text }) : text };
  }
  const before = notice.reportedCounts;
  const filed = await fileCountReport(store, { noticeId: notice.id, counts: figures(counts), correction, report, now: clock.now() });
  if (!filed) return;
  if (correction) logger.info({ notice: notice.id, before, now: figures(counts) }, "notice count corrected");
  else
    logger.info(
      { notice: notice.id, kind: notice.kind, sent: counts.sent, failed: counts.failed, unreachable: counts.unreachable, pending: counts.pending },
      "notice sent",
    );
  hooks.kick();
}

async function settle(state: ProgressState, notice: Notice): Promise<void> {
  const { reporting, trackers } = state;
  if (reporting.has(notice.id) || notice.reportedAt) return;
  reporting.add(notice.id);
  trackers.delete(notice.id);
  try {
    await file(state, notice, false);
  } catch (err) {
    state.engine.deps.logger.warn({ notice: notice.id, err: (err as Error).message }, "final count not recorded");
  } finally {
    reporting.delete(notice.id);
  }
}

/**
 * A delivery of a notice already reported became final: once nothing owed is pending, and the
 * figures differ from those told, the author is told the new count as "Cập nhật: …".
 */
async function correct(state: ProgressState, notice: Notice): Promise<void> {
  const { engine, reporting } = state;
  if (reporting.has(notice.id) || !notice.reportedCounts) return;
  const owed = engine.deps.store.data.deliveries.some((d) => d.noticeId === notice.id && d.state === "pending" && channelOwed(engine, channelOf(d.account)));
  if (owed) return;
  reporting.add(notice.id);
  try {
    await file(state, notice, true);
  } catch (err) {
    engine.deps.logger.warn({ notice: notice.id, err: (err as Error).message }, "count correction not recorded");
  } finally {
    reporting.delete(notice.id);
  }
}

/** A delivery of a notice became final: correct a count told, settle, or tell the next 10 %. */
function afterFinal(state: ProgressState, noticeId: string): void {
  const { engine, hooks, trackers } = state;
  const { store, logger, i18n } = engine.deps;
  const notice = store.data.notices.find((n) => n.id === noticeId);
  if (notice?.reportedAt) {
    void correct(state, notice);
    return;
  }
  const tr = trackers.get(noticeId);
  if (!tr || !notice) return;
  const decile = Math.floor((tr.final * 10) / Math.max(1, tr.total));
  if (tr.pendingRunning <= 0) {
    void settle(state, notice);
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
}

export function createProgress(engine: Engine, hooks: ProgressHooks): Progress {
  const state: ProgressState = { engine, hooks, trackers: new Map(), reporting: new Set() };
  const { trackers, reporting } = state;
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
    afterFinal: (noticeId) => afterFinal(state, noticeId),
    settle: (notice) => settle(state, notice),
    reporting: () => reporting.size,
  };
}
