// Planning: finding due deliveries (notices whose time came), the reminders of the conference file, and notices spooled by the CLI.
import * as fsp from "node:fs/promises";
import type { Notice } from "../../storage/schema.js";
import { type CreatedNotice, decodeAudience, dueReminders, type NewNotice, planReminders, queueReminder, recordReminderPlan, REPORTED_KINDS, URGENT_KINDS } from "../domain/notices.js";
import { compactDeliveries } from "../domain/deliveries.js";
import { channelOf, channelOwed, type Engine, engineFor, keyOf, plannedConferences, type Ref } from "./engine.js";
import type { Progress } from "./progress.js";
import { noticeBody } from "./render.js";
import { readSpool, removeSpooled } from "./spool.js";
import { planConclusionsNotices } from "./conclusions-notices.js";
import { planRemedyRequests } from "./remedy-requests.js";
import { planTaskNotices, type Send } from "./task-reminders.js";

export interface Planning {
  /** Puts every due pending delivery on a running channel into its lane; refreshes the counts owed. */
  scan(): void;
  /** Scans soon (after a notice was written). */
  kick(): void;
  /** One planner round: spooled notices, reminders (of the conference and of tasks), notices whose time came, due deliveries. */
  tick(now?: Date): Promise<void>;
  /** A planner round under way, if any. */
  ticking(): Promise<void> | undefined;
}

function scanDue(engine: Engine, progress: Progress): void {
  if (engine.stopped) return;
  const { store, logger, clock } = engine.deps;
  const data = store.data;
  const now = clock.now().getTime();
  const notices = new Map(data.notices.map((n) => [n.id, n] as const));
  const counts = new Map<string, { total: number; final: number; pendingRunning: number }>();
  let resumed = 0;
  for (const d of data.deliveries) {
    const n = notices.get(d.noticeId);
    // The fast path: a delivery that is done and whose notice needs no count.
    if (d.state !== "pending" && (!n || n.reportedAt || !REPORTED_KINDS.has(n.kind))) continue;
    const key = keyOf(d.noticeId, d.account);
    const lane = engine.lanes.get(channelOf(d.account));
    if (n && !n.reportedAt && REPORTED_KINDS.has(n.kind)) {
      let c = counts.get(n.id);
      if (!c) counts.set(n.id, (c = { total: 0, final: 0, pendingRunning: 0 }));
      c.total += 1;
      if (d.state !== "pending") c.final += 1;
      // Owed: on a channel running here or configured (not yet up after a restart, say).
      else if (lane || channelOwed(engine, channelOf(d.account))) c.pendingRunning += 1;
    }
    if (d.state !== "pending" || engine.known.has(key) || !n || !lane) continue;
    if (n.cancelledAt || !n.queuedAt || Date.parse(n.sendAt) > now) continue;
    if (d.attemptAt) resumed += 1;
    engine.known.add(key);
    const account = data.accounts[d.account];
    const ref: Ref = { key, noticeId: d.noticeId, account: d.account, chat: account?.chatId ?? d.account, notBefore: 0 };
    if (URGENT_KINDS.has(n.kind)) lane.urgent.push(ref);
    else lane.queue.push(ref);
    lane.wake();
  }
  if (resumed > 0) {
    logger.warn({ deliveries: resumed }, "resuming deliveries that were being sent when the process stopped: these few may arrive twice");
  }
  for (const [id, c] of counts) {
    const n = notices.get(id) as Notice;
    if (n.cancelledAt || !n.queuedAt || Date.parse(n.sendAt) > now) continue;
    progress.refresh(id, c);
    // Only a process that sends reports (a one-shot CLI command has no lanes).
    if (c.pendingRunning === 0 && engine.lanes.size > 0) void progress.settle(n);
  }
}

async function importSpool(engine: Engine, enqueue: (input: NewNotice) => Promise<CreatedNotice>): Promise<void> {
  const { store, logger } = engine.deps;
  for (const entry of await readSpool(store.dir)) {
    if (!entry.notice) {
      logger.error({ file: entry.file, err: entry.error }, "spooled notice unreadable; renamed to .bad");
      await fsp.rename(entry.file, `${entry.file}.bad`).catch(() => {});
      continue;
    }
    const s = entry.notice;
    const audience = decodeAudience(s.audience);
    if (store.data.notices.some((n) => n.id === s.id) || !audience) {
      if (!audience) logger.error({ id: s.id, audience: s.audience }, "spooled notice with an unknown audience dropped");
      await removeSpooled(entry.file);
      continue;
    }
    const r = await enqueue({
      id: s.id,
      kind: "broadcast",
      text: s.text,
      audience,
      createdBy: s.createdBy,
      sendAt: s.sendAt ? new Date(s.sendAt) : undefined,
      ackable: true,
    });
    if (r.deliveries === 0) logger.warn({ notice: s.id }, "spooled notice reaches nobody");
    await removeSpooled(entry.file);
  }
}

async function planAndQueueReminders(engine: Engine, now: Date): Promise<void> {
  const { store, logger, i18n, conference, config } = engine.deps;
  const plan = planReminders(store.data, conference, now);
  if (plan.cancel.length > 0 || plan.plan.length > 0) {
    const t = i18n.forLanguage(config.defaultLanguage);
    const title = conference.conf.short_title ?? conference.conf.title;
    await recordReminderPlan(store, plan, now, (data) => noticeBody({ kind: "reminder", text: "", data }, t, title));
    for (const id of plan.cancel) logger.info({ notice: id }, "reminder of the old time cancelled");
    for (const p of plan.plan) {
      if (p.skip) logger.info({ reminder: p.key, sendAt: p.sendAt.toISOString(), reason: p.skip }, "reminder not planned");
      else logger.info({ reminder: p.key, sendAt: p.sendAt.toISOString() }, "reminder planned");
    }
  }
  // Reminders whose moment came: write their deliveries now (to the delegates of this moment), or skip if stale.
  for (const n of dueReminders(store.data, now, conference.id)) {
    const { stale, count } = await queueReminder(store, conference, n.id, now);
    if (stale) logger.warn({ reminder: n.reminderKey, sendAt: n.sendAt, now: now.toISOString() }, "reminder skipped: its moment passed while the bot was not running");
    else if (count >= 0) logger.info({ reminder: n.reminderKey, deliveries: count }, "reminder queued");
  }
}

/** Notices whose final count is long reported: their deliveries archived, their figures kept (src/domain/deliveries.ts). */
/** Compaction waits days (7 or 30) after a notice settles: looking once an hour is enough, not at every round. */
const COMPACT_EVERY_MS = 3_600_000;

async function compactSettled(engine: Engine, now: Date): Promise<void> {
  const done = await compactDeliveries(engine.deps.store, now);
  if (done.length > 0) engine.deps.logger.info({ notices: done }, "deliveries of settled notices archived");
}

export function createPlanning(engine: Engine, hooks: { progress: Progress; enqueue(input: NewNotice): Promise<CreatedNotice>; send: Send }): Planning {
  const { logger, clock } = engine.deps;
  const scan = () => scanDue(engine, hooks.progress);
  let kickPending = false;
  let ticking: Promise<void> | undefined;
  // Compaction reads every live delivery: at most once an hour (the first round of a start included).
  let compactedAt = Number.NEGATIVE_INFINITY;

  function kick(): void {
    if (kickPending || engine.stopped) return;
    kickPending = true;
    setImmediate(() => {
      kickPending = false;
      scan();
    });
  }

  async function tick(now: Date = clock.now()): Promise<void> {
    while (ticking) await ticking;
    const run = (async () => {
      try {
        await importSpool(engine, (input) => hooks.enqueue(input));
        // Each running conference plans its own reminders, tasks and requests, and files them as its own.
        for (const c of plannedConferences(engine)) {
          const mine = engineFor(engine, c);
          const id = c.conference.id;
          const send: Send = (messages, options) => hooks.send(messages, { ...options, conference: id });
          await planAndQueueReminders(mine, now);
          await planTaskNotices(mine, send, now);
          await planRemedyRequests(mine, send);
          await planConclusionsNotices(mine, (input) => hooks.enqueue({ ...input, conference: id }), now);
        }
        if (now.getTime() - compactedAt >= COMPACT_EVERY_MS) {
          compactedAt = now.getTime();
          await compactSettled(engine, now);
        }
      } catch (err) {
        logger.error({ err: (err as Error).message }, "outbox planner failed; will try again");
      }
      scan();
    })();
    ticking = run;
    try {
      await run;
    } finally {
      ticking = undefined;
    }
  }

  return { scan, kick, tick, ticking: () => ticking };
}
