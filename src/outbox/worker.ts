// The outbox: notices and deliveries kept in the store, sent by one lane per channel at that channel's pace.
//
// Delivery guarantee: at least once, with a window of at most one copy too many per delivery in
// flight at a crash. A delivery is written `pending` before anything is sent (one store change for
// the whole notice); before each send its `attemptAt` is written; it is marked `sent` right after
// the platform accepted it (group commit: one disk write for the sends that finish together). If
// the process dies between the platform's acceptance and that write reaching the disk, the
// delivery is still `pending` with `attemptAt` set and is sent again after the restart (logged as
// "resuming deliveries that were being sent"). At most `maxInFlight` deliveries of a channel are in
// that window at once (30 on Telegram). A response lost on the network after the platform took the
// message looks like a dropped connection and is retried as well: the platforms offer no
// idempotency key to prevent it.
import { randomBytes } from "node:crypto";
import * as fsp from "node:fs/promises";
import type { Logger } from "pino";
import { type Clock, type Notifier, type Outgoing, type Reply, type SendOptions, UserError } from "../../commands/types.js";
import type { Account, AccountKey, Channel, Data, Delivery, Notice, NoticeKind } from "../../storage/schema.js";
import { StoreWriteFailed, type Store } from "../../storage/store.js";
import type { AppConfig } from "../app/config.js";
import type { ConferenceService } from "../conference/service.js";
import type { I18n } from "../lib/i18n.js";
import { type ChannelNotifier, DeliveryError } from "./notifier.js";
import { type Audience, decodeAudience, encodeAudience, type ResolvedAudience, resolveAudience } from "./audience.js";
import { defaultLimits, type LaneLimits, Pacer, PickQueue, SendGate } from "./rate.js";
import { planReminders, reminderIsStale } from "./reminders.js";
import { newNoticeId, noticeBody, renderNotice, repliesFingerprint, storeReplies } from "./render.js";
import { readSpool, removeSpooled } from "./spool.js";
import { noticeCounts, ORGANIZER_KINDS, reportText } from "./summary.js";

export interface OutboxDeps {
  store: Store;
  logger: Logger;
  clock: Clock;
  i18n: I18n;
  conference: ConferenceService;
  config: AppConfig;
  notifier: ChannelNotifier;
}

/** Knobs for tests and benchmarks; the defaults are production's. */
export interface OutboxTuning {
  /** Multiplies every retry wait (retry_after, back-off): 0.001 in tests that inject errors. */
  delayScale: number;
  /** How often the planner runs (reminders, scheduled notices, spooled notices), in ms. */
  tickMs: number;
  /** Whether the planner runs on its timer; tests that move a fake clock may call tick() themselves. */
  autoTick: boolean;
  /** Transient failures of one delivery before it is `failed`. */
  maxFailures: number;
  /** First back-off wait and its cap, in ms (doubles each failure). */
  backoffMs: number;
  backoffCapMs: number;
  /** Notices to at least this many accounts report progress every 10 %. */
  progressMin: number;
  limits: Partial<Record<Channel, Partial<LaneLimits>>>;
}

const DEFAULT_TUNING: OutboxTuning = {
  delayScale: 1,
  tickMs: 1000,
  autoTick: true,
  maxFailures: 5,
  backoffMs: 1000,
  backoffCapMs: 60_000,
  progressMin: 20,
  limits: {},
};

/** Attempts of any kind (retry_after included) after which a delivery is given up. */
const MAX_ATTEMPTS = 30;

/** A notice to write with its deliveries, in one change. */
export interface NewNotice {
  id?: string;
  kind: NoticeKind;
  text: string;
  file?: Notice["file"];
  audience: Audience;
  createdBy: string;
  /** Later sending; default now. */
  sendAt?: Date;
  ackable: boolean;
  resendOf?: string;
  changeSequence?: number;
  data?: Record<string, string>;
  /**
   * Runs inside the same change before anything is written: re-checks what the person confirmed
   * (throws to refuse) and may tidy their session.
   */
  check?: (d: Data, audience: ResolvedAudience) => void;
}

export interface Outbox {
  start(): void;
  stop(): Promise<void>;
  /** Looks for due deliveries soon (after a notice was written). */
  kick(): void;
  /** One planner round: spooled notices, reminders, notices whose time came, due deliveries. */
  tick(now?: Date): Promise<void>;
  /** The queue behind Notifier.send. */
  send: Notifier["send"];
  /** Writes a notice and one delivery per account in ONE store change, then starts sending. */
  enqueue(input: NewNotice): Promise<{ notice: Notice; deliveries: number; accounts: AccountKey[] }>;
  /** Resolves when nothing due is queued or in flight on the running channels. */
  idle(timeoutMs?: number): Promise<void>;
  configure(tuning: Partial<OutboxTuning>): void;
  /** Channels with a running lane. */
  channels(): Channel[];
}

type Outcome =
  | { type: "sent" }
  | { type: "retry_after"; seconds: number; error: string }
  | { type: "transient"; error: string }
  | { type: "blocked"; error: string }
  | { type: "failed"; error: string }
  | { type: "skipped"; error: string }
  | { type: "gone" }
  /** The attempt could not be announced in the store: not sent, tried again later. */
  | { type: "deferred"; error: string };

interface Ref {
  key: string;
  noticeId: string;
  account: AccountKey;
  chat: string;
  /** Monotonic ms before which it is not tried (back-off). */
  notBefore: number;
}

interface DirectMessage {
  account: Account;
  replies: Reply[];
  /** A progress line: where the channel can, it edits the previous line of the same key. */
  progressKey?: string;
  done: (err?: unknown) => void;
}

interface Lane {
  channel: Channel;
  limits: LaneLimits;
  /** Paces the lane's picks. */
  pacer: Pacer;
  /**
   * Paces the platform calls themselves: a send waits here for its slot right before the call, so
   * sends that became ready together (one disk write announcing several) never bunch.
   */
  gate: SendGate;
  urgent: PickQueue<Ref>;
  queue: PickQueue<Ref>;
  direct: DirectMessage[];
  inFlight: number;
  busyChats: Set<string>;
  chatFree: Map<string, number>;
  pausedUntil: number;
  wake: () => void;
  running?: Promise<void>;
}

interface Tracker {
  total: number;
  final: number;
  pendingRunning: number;
  decile: number;
}

const keyOf = (noticeId: string, account: AccountKey) => `${noticeId}|${account}`;
const channelOf = (account: AccountKey) => account.slice(0, account.indexOf(":")) as Channel;
const mono = () => performance.now();
const _isFinal = (o: Outcome) => o.type === "sent" || o.type === "blocked" || o.type === "failed" || o.type === "skipped";

/** Kinds that Notifier.send files: they go before broadcasts waiting in line. */
const URGENT_KINDS = new Set<NoticeKind>(["review", "result", "chase"]);

class Gone extends Error {}

const byStore = new WeakMap<Store, Outbox>();

/** The outbox of the app that owns this store (commands reach it through their services). */
export function outboxOf(services: { store: Store }): Outbox {
  const o = byStore.get(services.store);
  if (!o) throw new Error("no outbox for this store");
  return o;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { store, logger, clock, i18n, conference, config, notifier } = deps;
  const tuning: OutboxTuning = { ...DEFAULT_TUNING, limits: {} };
  const lanes = new Map<Channel, Lane>();
  /** Deliveries in a lane, in flight, or having their outcome recorded: never queued twice. */
  const known = new Set<string>();
  const firstAttempt = new Map<string, Array<() => void>>();
  const trackers = new Map<string, Tracker>();
  const reporting = new Set<string>();
  let index = new Map<string, number>();
  let started = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;
  let kickPending = false;
  const inFlightWork = new Set<Promise<void>>();

  // --- finding deliveries ------------------------------------------------------------------

  /** The delivery of a key in `d`, by a remembered position checked against its identity. */
  function locate(d: Data, key: string): Delivery | undefined {
    const i = index.get(key);
    const at = i === undefined ? undefined : d.deliveries[i];
    if (at && keyOf(at.noticeId, at.account) === key) return at;
    index = new Map();
    d.deliveries.forEach((x, j) => {
      index.set(keyOf(x.noticeId, x.account), j);
    });
    const j = index.get(key);
    return j === undefined ? undefined : d.deliveries[j];
  }

  function limitsFor(channel: Channel): LaneLimits {
    return { ...defaultLimits(config)[channel], ...tuning.limits[channel] };
  }

  function scaled(ms: number): number {
    return Math.max(0, ms * tuning.delayScale);
  }

  function backoff(failures: number): number {
    const base = Math.min(tuning.backoffCapMs, tuning.backoffMs * 2 ** Math.max(0, failures - 1));
    // ±20 % so that many deliveries failing together do not come back together.
    return scaled(base * (0.8 + Math.random() * 0.4));
  }

  // --- lanes -------------------------------------------------------------------------------

  function sleep(lane: Lane, ms: number): Promise<void> {
    return new Promise((resolve) => {
      let timeout: NodeJS.Timeout | undefined;
      const done = () => {
        if (timeout) clearTimeout(timeout);
        lane.wake = () => {};
        resolve();
      };
      lane.wake = done;
      if (Number.isFinite(ms)) {
        timeout = setTimeout(done, Math.max(0, Math.ceil(ms)));
        timeout.unref?.();
      }
    });
  }

  function createLane(channel: Channel): Lane {
    const limits = limitsFor(channel);
    const lane: Lane = {
      channel,
      limits,
      pacer: new Pacer(limits.rate),
      gate: new SendGate(limits.rate),
      urgent: new PickQueue(),
      queue: new PickQueue(),
      direct: [],
      inFlight: 0,
      busyChats: new Set(),
      chatFree: new Map(),
      pausedUntil: 0,
      wake: () => {},
    };
    lanes.set(channel, lane);
    if (started && !stopped) lane.running = runLaneSafely(lane);
    return lane;
  }

  function chatReady(lane: Lane, chat: string, now: number): number {
    if (lane.busyChats.has(chat)) return Number.POSITIVE_INFINITY;
    return Math.max(0, (lane.chatFree.get(chat) ?? 0) - now);
  }

  function runLaneSafely(lane: Lane): Promise<void> {
    return runLane(lane).catch((err) => logger.error({ err, channel: lane.channel }, "outbox lane stopped on an error"));
  }

  async function runLane(lane: Lane): Promise<void> {
    while (!stopped) {
      const now = mono();
      if (lane.pausedUntil > now) {
        await sleep(lane, lane.pausedUntil - now);
        continue;
      }
      if (lane.inFlight >= lane.limits.maxInFlight) {
        await sleep(lane, Number.POSITIVE_INFINITY);
        continue;
      }
      let wait = Number.POSITIVE_INFINITY;
      // Messages to organizers (progress, results) first, then review results and the like, then broadcasts.
      const directIdx = lane.direct.findIndex((m) => chatReady(lane, m.account.chatId, now) === 0);
      const ready = (r: Ref) => {
        const w = Math.max(r.notBefore - now, chatReady(lane, r.chat, now));
        if (w > 0) wait = Math.min(wait, w);
        return w <= 0;
      };
      const pace = lane.pacer.wait(now);
      if (pace > 0 && (directIdx >= 0 || lane.urgent.size + lane.queue.size > 0)) {
        await sleep(lane, pace);
        continue;
      }
      if (directIdx >= 0) {
        const m = lane.direct.splice(directIdx, 1)[0] as DirectMessage;
        begin(lane, m.account.chatId, m.replies.length, now);
        track(
          sendDirect(lane, m).finally(() => finish(lane, m.account.chatId, m.replies.length)),
        );
        continue;
      }
      for (const m of lane.direct) wait = Math.min(wait, chatReady(lane, m.account.chatId, now));
      const ref = lane.urgent.take(ready) ?? lane.queue.take(ready);
      if (!ref) {
        await sleep(lane, wait);
        continue;
      }
      begin(lane, ref.chat, 1, now);
      track(
        dispatch(lane, ref).then(
          (cost) => finish(lane, ref.chat, cost),
          (err) => {
            logger.error({ err, delivery: ref.key }, "outbox dispatch failed");
            finish(lane, ref.chat, 1);
          },
        ),
      );
    }
  }

  function track(p: Promise<void>): void {
    inFlightWork.add(p);
    void p.finally(() => inFlightWork.delete(p));
  }

  function begin(lane: Lane, chat: string, cost: number, now: number): void {
    lane.inFlight += 1;
    lane.busyChats.add(chat);
    lane.pacer.take(now, cost);
  }

  function finish(lane: Lane, chat: string, cost: number): void {
    lane.inFlight -= 1;
    lane.busyChats.delete(chat);
    if (lane.limits.chatGapMs > 0) lane.chatFree.set(chat, mono() + lane.limits.chatGapMs * Math.max(1, cost));
    if (lane.chatFree.size > 10_000) {
      const now = mono();
      for (const [c, at] of lane.chatFree) if (at <= now) lane.chatFree.delete(c);
    }
    lane.wake();
  }

  async function sendDirect(lane: Lane, m: DirectMessage): Promise<void> {
    const sender = notifier.sender(lane.channel);
    try {
      if (!sender) throw new Error(`no sender for ${lane.channel}`);
      await lane.gate.pass(m.replies.length);
      const progress = m.progressKey ? notifier.progress(lane.channel) : undefined;
      const first = m.replies[0];
      if (progress && m.progressKey && first?.kind === "text") await progress(m.account, m.progressKey, first.text);
      else await sender(m.account, m.replies);
      m.done();
    } catch (err) {
      if (err instanceof DeliveryError && err.kind === "retry_after") lane.pausedUntil = mono() + scaled((err.retryAfter ?? 1) * 1000);
      m.done(err);
    }
  }

  /** A message outside the queue (progress, final count): best effort, at the lane's pace. */
  function tell(accountKey: AccountKey, text: string, progressKey?: string): Promise<void> {
    const account = store.data.accounts[accountKey];
    const lane = account && lanes.get(account.channel);
    if (!account || !lane || stopped) return Promise.resolve();
    return new Promise((resolve) => {
      lane.direct.push({
        account,
        replies: [{ kind: "text", text }],
        progressKey,
        done: (err) => {
          if (err) logger.warn({ account: accountKey, err: (err as Error).message }, "organizer not told");
          resolve();
        },
      });
      lane.wake();
    });
  }

  // --- one delivery ------------------------------------------------------------------------

  /** Tries one delivery; returns how many messages it used (for the per-chat gap). */
  async function dispatch(lane: Lane, ref: Ref): Promise<number> {
    let cost = 1;
    let outcome: Outcome;
    try {
      const r = await attempt(lane, ref);
      outcome = r.outcome;
      cost = r.cost;
    } catch (err) {
      outcome = { type: "transient", error: (err as Error)?.message ?? String(err) };
    }
    await record(lane, ref, outcome);
    return cost;
  }

  async function attempt(lane: Lane, ref: Ref): Promise<{ outcome: Outcome; cost: number }> {
    const data = store.data;
    const delivery = locate(data, ref.key);
    if (delivery?.state !== "pending") return { outcome: { type: "gone" }, cost: 0 };
    const notice = data.notices.find((n) => n.id === ref.noticeId);
    if (!notice || notice.cancelledAt) return { outcome: { type: "skipped", error: "notice cancelled" }, cost: 0 };
    const account = data.accounts[ref.account];
    if (!account) return { outcome: { type: "failed", error: "account not found" }, cost: 0 };
    if (account.unreachableSince) return { outcome: { type: "blocked", error: "unreachable since " + account.unreachableSince }, cost: 0 };
    const sender = notifier.sender(lane.channel);
    if (!sender) return { outcome: { type: "deferred", error: "channel not running" }, cost: 0 };
    let replies: Reply[];
    try {
      replies = await renderNotice(notice, account, { i18n, conference, dataDir: store.dir });
    } catch (err) {
      return { outcome: { type: "failed", error: `cannot render: ${(err as Error).message}` }, cost: 0 };
    }
    // The reply carries no setId, so Telegram's button runs its command itself and keeps working
    // after later notices; the session's choices make a typed number (Zalo, console) run it too.
    const offered = [...replies].reverse().find((r) => r.kind === "choices");
    const setId = offered ? randomBytes(4).toString("hex") : undefined;
    const nowIso = clock.now().toISOString();
    // Announce the attempt before sending: after a crash, a delivery with attemptAt may have
    // arrived (the at-least-once window); one without it certainly did not.
    try {
      await store.mutate((d) => {
        const x = locate(d, ref.key);
        if (x?.state !== "pending") throw new Gone();
        x.attempts += 1;
        x.attemptAt = nowIso;
        if (offered && offered.kind === "choices" && setId) {
          // Typing the number (or pressing the button) of the notice's choice runs it.
          const s = d.sessions[ref.account] ?? {};
          s.choices = { setId, commands: offered.choices.map((c) => c.command), offeredAt: nowIso };
          d.sessions[ref.account] = s;
        }
      });
    } catch (err) {
      if (err instanceof Gone) return { outcome: { type: "gone" }, cost: 0 };
      if (err instanceof StoreWriteFailed) return { outcome: { type: "deferred", error: err.message }, cost: 0 };
      throw err;
    }
    const cost = Math.max(1, replies.length);
    await lane.gate.pass(cost);
    try {
      await sender({ ...account }, replies);
      return { outcome: { type: "sent" }, cost };
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      if (err instanceof DeliveryError) {
        if (err.kind === "retry_after") return { outcome: { type: "retry_after", seconds: err.retryAfter ?? 1, error: message }, cost };
        if (err.kind === "blocked") return { outcome: { type: "blocked", error: message }, cost };
        if (err.kind === "permanent") return { outcome: { type: "failed", error: message }, cost };
      }
      // Transient, or an error no channel classified (a dropped connection): try again later.
      return { outcome: { type: "transient", error: message }, cost };
    }
  }

  /** Writes the outcome; a failed disk write is retried: a send the platform accepted is never sent again by this process. */
  async function record(lane: Lane, ref: Ref, outcome: Outcome): Promise<void> {
    let requeueAt: number | undefined;
    let finalState: Delivery["state"] | undefined;
    for (let tries = 0; ; tries++) {
      requeueAt = undefined;
      finalState = undefined;
      const nowIso = clock.now().toISOString();
      try {
        await store.mutate((d) => {
          const x = locate(d, ref.key);
          if (x?.state !== "pending") return;
          delete x.attemptAt;
          switch (outcome.type) {
            case "sent":
              x.state = "sent";
              x.sentAt = nowIso;
              delete x.error;
              delete x.nextAttemptAt;
              break;
            case "blocked": {
              x.state = "unreachable";
              x.error = outcome.error;
              const a = d.accounts[ref.account];
              if (a && !a.unreachableSince) a.unreachableSince = nowIso;
              break;
            }
            case "failed":
              x.state = "failed";
              x.error = outcome.error;
              break;
            case "skipped":
              x.state = "skipped";
              x.error = outcome.error;
              break;
            case "retry_after":
            case "transient":
            case "deferred": {
              x.error = outcome.error;
              let wait: number;
              if (outcome.type === "retry_after") {
                wait = scaled(Math.max(0, outcome.seconds) * 1000);
                lane.pausedUntil = Math.max(lane.pausedUntil, mono() + wait);
              } else if (outcome.type === "transient") {
                x.failures = (x.failures ?? 0) + 1;
                wait = backoff(x.failures);
              } else wait = backoff(1);
              if ((x.failures ?? 0) >= tuning.maxFailures || x.attempts >= MAX_ATTEMPTS) {
                x.state = "failed";
                break;
              }
              x.nextAttemptAt = new Date(clock.now().getTime() + wait).toISOString();
              requeueAt = mono() + wait;
              break;
            }
            case "gone":
              return;
          }
          if (x.state !== "pending") {
            finalState = x.state;
            countFinal(ref.noticeId);
          }
        });
        break;
      } catch (err) {
        if (!(err instanceof StoreWriteFailed) || stopped) {
          logger.error({ delivery: ref.key, outcome: outcome.type, err: (err as Error).message }, "outcome of a delivery not recorded");
          break;
        }
        // The disk refused: keep the outcome in hand and try again, never resend meanwhile.
        await new Promise((r) => setTimeout(r, Math.min(30_000, scaled(500 * 2 ** tries))).unref?.());
      }
    }
    const waiters = firstAttempt.get(ref.key);
    if (waiters) {
      firstAttempt.delete(ref.key);
      for (const w of waiters) w();
    }
    if (requeueAt !== undefined && !stopped) {
      ref.notBefore = requeueAt;
      // A wait for the platform's limit keeps its place at the front; a failure goes behind.
      if (outcome.type === "retry_after") lane.urgent.unshift(ref);
      else lane.queue.push(ref);
      lane.wake();
      return;
    }
    known.delete(ref.key);
    if (finalState) {
      const err = "error" in outcome ? outcome.error : undefined;
      if (finalState === "unreachable") logger.info({ account: ref.account, notice: ref.noticeId }, "account unreachable (blocked the bot)");
      else if (finalState === "failed") logger.warn({ account: ref.account, notice: ref.noticeId, err }, "delivery failed");
      afterFinal(ref.noticeId);
    }
  }

  // --- progress and final count ------------------------------------------------------------

  function countFinal(noticeId: string): void {
    const tr = trackers.get(noticeId);
    if (!tr) return;
    tr.final += 1;
    tr.pendingRunning -= 1;
  }

  function afterFinal(noticeId: string): void {
    const tr = trackers.get(noticeId);
    if (!tr) return;
    const notice = store.data.notices.find((n) => n.id === noticeId);
    if (!notice) return;
    const decile = Math.floor((tr.final * 10) / Math.max(1, tr.total));
    if (tr.pendingRunning <= 0) {
      void settle(notice);
      return;
    }
    if (tr.total >= tuning.progressMin && decile > tr.decile && decile < 10) {
      tr.decile = decile;
      if (store.data.accounts[notice.createdBy]) {
        const t = i18n.forLanguage(store.data.accounts[notice.createdBy]?.language);
        // On Telegram one message is edited as the send goes on; elsewhere a line every 10 %.
        void tell(notice.createdBy, t("notice-progress", { id: notice.id, done: tr.final, total: tr.total, percent: decile * 10 }), `progress:${notice.id}`);
      } else logger.info({ notice: notice.id, done: tr.final, total: tr.total }, "notice progress");
    }
  }

  /** Every delivery on a running channel is final: tell the organizer the count, once. */
  async function settle(notice: Notice): Promise<void> {
    if (reporting.has(notice.id) || notice.reportedAt) return;
    reporting.add(notice.id);
    trackers.delete(notice.id);
    try {
      const counts = noticeCounts(store.data, notice.id);
      const author = store.data.accounts[notice.createdBy];
      if (author) {
        const t = i18n.forLanguage(author.language);
        await tell(author.key, reportText(t, notice, counts));
      }
      logger.info(
        { notice: notice.id, kind: notice.kind, sent: counts.sent, failed: counts.failed, unreachable: counts.unreachable, pending: counts.pending },
        "notice sent",
      );
      await store.mutate((d) => {
        const n = d.notices.find((x) => x.id === notice.id);
        if (n && !n.reportedAt) n.reportedAt = clock.now().toISOString();
      });
    } catch (err) {
      logger.warn({ notice: notice.id, err: (err as Error).message }, "final count not recorded");
    } finally {
      reporting.delete(notice.id);
    }
  }

  // --- finding due work --------------------------------------------------------------------

  /** Puts every due pending delivery on a running channel into its lane. */
  function scan(): void {
    if (stopped) return;
    const data = store.data;
    const now = clock.now().getTime();
    const notices = new Map(data.notices.map((n) => [n.id, n] as const));
    const counts = new Map<string, { total: number; final: number; pendingRunning: number }>();
    let resumed = 0;
    for (const d of data.deliveries) {
      const n = notices.get(d.noticeId);
      // The fast path: a delivery that is done and whose notice needs no count.
      if (d.state !== "pending" && (!n || n.reportedAt || !ORGANIZER_KINDS.has(n.kind))) continue;
      const key = keyOf(d.noticeId, d.account);
      const lane = lanes.get(channelOf(d.account));
      if (n && !n.reportedAt && ORGANIZER_KINDS.has(n.kind)) {
        let c = counts.get(n.id);
        if (!c) counts.set(n.id, (c = { total: 0, final: 0, pendingRunning: 0 }));
        c.total += 1;
        if (d.state !== "pending") c.final += 1;
        else if (lane) c.pendingRunning += 1;
      }
      if (d.state !== "pending" || known.has(key) || !n || !lane) continue;
      if (n.cancelledAt || !n.queuedAt || Date.parse(n.sendAt) > now) continue;
      if (d.attemptAt) resumed += 1;
      known.add(key);
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
      const prev = trackers.get(id);
      const decile = Math.floor((c.final * 10) / Math.max(1, c.total));
      // A scan only refreshes the counts: the decile last told stays, so the next delivery still
      // reports the progress reached (a scan between deliveries must not swallow it).
      trackers.set(id, { ...c, decile: prev ? prev.decile : decile });
      // Only a process that sends reports (a one-shot CLI command has no lanes).
      if (c.pendingRunning === 0 && lanes.size > 0) void settle(n);
    }
  }

  function kick(): void {
    if (kickPending || stopped) return;
    kickPending = true;
    setImmediate(() => {
      kickPending = false;
      scan();
    });
  }

  // --- writing notices ---------------------------------------------------------------------

  function takenId(d: Data, reserved: Set<string> = new Set()) {
    return (id: string) => reserved.has(id) || d.notices.some((n) => n.id === id);
  }

  function deliveriesFor(d: Data, noticeId: string, accounts: AccountKey[]): Delivery[] {
    return accounts.map((account) => ({
      noticeId,
      account,
      state: d.accounts[account]?.unreachableSince ? "unreachable" : "pending",
      attempts: 0,
    }));
  }

  async function enqueue(input: NewNotice): Promise<{ notice: Notice; deliveries: number; accounts: AccountKey[] }> {
    const now = clock.now();
    const result = await store.mutate((d) => {
      const id = input.id ?? newNoticeId(takenId(d));
      // The same notice confirmed twice (two quick presses): the second is refused, nothing written.
      if (d.notices.some((n) => n.id === id)) throw new UserError("notice-already-confirmed", { id });
      const resolved = resolveAudience(conference, d, input.audience);
      // Last before any change: it may refuse (throw) or tidy the session.
      input.check?.(d, resolved);
      const notice: Notice = {
        id,
        kind: input.kind,
        text: input.text,
        audience: encodeAudience(input.audience),
        createdBy: input.createdBy,
        createdAt: now.toISOString(),
        sendAt: (input.sendAt ?? now).toISOString(),
        queuedAt: now.toISOString(),
        ackable: input.ackable,
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
    logger.info({ notice: result.notice.id, kind: result.notice.kind, deliveries: result.deliveries, sendAt: result.notice.sendAt }, "notice queued");
    kick();
    return result;
  }

  /** Notifier.send: the messages become notices (one per distinct message) and deliveries. */
  async function send(messages: Outgoing[], options: SendOptions = {}): Promise<number> {
    const data = store.data;
    const groups = new Map<string, { replies: Reply[]; accounts: AccountKey[] }>();
    for (const m of messages) {
      if (!data.accounts[m.account] || m.replies.length === 0) continue;
      const fp = repliesFingerprint(m.replies);
      const g = groups.get(fp) ?? { replies: m.replies, accounts: [] };
      if (!g.accounts.includes(m.account)) g.accounts.push(m.account);
      groups.set(fp, g);
    }
    if (groups.size === 0) return 0;
    const reserved = new Set<string>();
    const prepared: Array<{ id: string; stored: Notice["replies"]; text: string; accounts: AccountKey[] }> = [];
    for (const g of groups.values()) {
      const id = newNoticeId(takenId(store.data, reserved));
      reserved.add(id);
      const stored = await storeReplies(store.dir, id, g.replies);
      const first = g.replies.find((r) => r.kind === "text" || r.kind === "choices");
      const text = first && (first.kind === "text" || first.kind === "choices") ? first.text : "";
      prepared.push({ id, stored, text, accounts: g.accounts });
    }
    const now = clock.now().toISOString();
    const keys = await store.mutate((d) => {
      const out: string[] = [];
      for (const p of prepared) {
        const accounts = p.accounts.filter((k) => d.accounts[k]);
        d.notices.push({
          id: p.id,
          kind: options.kind ?? "result",
          text: p.text,
          replies: p.stored,
          audience: encodeAudience({ kind: "direct" }),
          createdBy: options.createdBy ?? "system",
          createdAt: now,
          sendAt: now,
          queuedAt: now,
          ackable: options.ackable ?? false,
        });
        for (const x of deliveriesFor(d, p.id, accounts)) {
          d.deliveries.push(x);
          if (x.state === "pending") out.push(keyOf(x.noticeId, x.account));
        }
      }
      return out;
    });
    const running = stopped ? [] : keys.filter((k) => lanes.has(channelOf(k.slice(k.indexOf("|") + 1))));
    const waits = running.map(
      (k) =>
        new Promise<void>((resolve) => {
          const list = firstAttempt.get(k) ?? [];
          list.push(resolve);
          firstAttempt.set(k, list);
        }),
    );
    scan();
    await Promise.all(waits);
    let sent = 0;
    for (const k of running) if (locate(store.data, k)?.state === "sent") sent += 1;
    return sent;
  }

  // --- the planner -------------------------------------------------------------------------

  async function importSpool(): Promise<void> {
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

  async function planAndMaterialize(now: Date): Promise<void> {
    const plan = planReminders(store.data, conference, now);
    if (plan.cancel.length > 0 || plan.plan.length > 0) {
      const t = i18n.forLanguage(config.defaultLanguage);
      const title = conference.conf.short_title ?? conference.conf.title;
      await store.mutate((d) => {
        const at = now.toISOString();
        for (const id of plan.cancel) {
          const n = d.notices.find((x) => x.id === id);
          if (!n || n.cancelledAt) continue;
          n.cancelledAt = at;
          n.cancelReason = "rescheduled";
          for (const x of d.deliveries) if (x.noticeId === id && x.state === "pending") x.state = "skipped";
        }
        for (const p of plan.plan) {
          const data = { start: p.start.toISOString(), place: p.place };
          const notice: Notice = {
            id: newNoticeId(takenId(d)),
            kind: "reminder",
            text: noticeBody({ kind: "reminder", text: "", data }, t, title),
            audience: encodeAudience({ kind: "all" }),
            createdBy: "system",
            createdAt: at,
            sendAt: p.sendAt.toISOString(),
            reminderKey: p.key,
            ackable: true,
            data,
          };
          if (p.skip) {
            notice.cancelledAt = at;
            notice.cancelReason = p.skip;
          }
          d.notices.push(notice);
        }
      });
      for (const id of plan.cancel) logger.info({ notice: id }, "reminder of the old time cancelled");
      for (const p of plan.plan) {
        if (p.skip) logger.info({ reminder: p.key, sendAt: p.sendAt.toISOString(), reason: p.skip }, "reminder not planned");
        else logger.info({ reminder: p.key, sendAt: p.sendAt.toISOString() }, "reminder planned");
      }
    }
    // Reminders whose moment came: write their deliveries now (to the delegates of this moment), or skip if stale.
    const due = store.data.notices.filter((n) => n.kind === "reminder" && !n.queuedAt && !n.cancelledAt && Date.parse(n.sendAt) <= now.getTime());
    due.sort((a, b) => Date.parse(a.sendAt) - Date.parse(b.sendAt));
    for (const n of due) {
      const stale = reminderIsStale(n, store.data.notices, now);
      const count = await store.mutate((d) => {
        const x = d.notices.find((y) => y.id === n.id);
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
      if (stale) logger.warn({ reminder: n.reminderKey, sendAt: n.sendAt, now: now.toISOString() }, "reminder skipped: its moment passed while the bot was not running");
      else if (count >= 0) logger.info({ reminder: n.reminderKey, deliveries: count }, "reminder queued");
    }
  }

  async function tick(now: Date = clock.now()): Promise<void> {
    while (ticking) await ticking;
    const run = (async () => {
      try {
        await importSpool();
        await planAndMaterialize(now);
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

  // --- life cycle --------------------------------------------------------------------------

  notifier.onRegister((channel) => {
    if (stopped) return;
    const lane = lanes.get(channel) ?? createLane(channel);
    lane.wake();
    kick();
  });

  const outbox: Outbox = {
    start() {
      if (started) return;
      started = true;
      for (const lane of lanes.values()) lane.running ??= runLaneSafely(lane);
      // Only a process that can deliver plans and imports: a one-shot CLI command leaves the store alone.
      timer = setInterval(() => {
        if (tuning.autoTick && lanes.size > 0 && !ticking) void tick();
      }, tuning.tickMs);
      timer.unref?.();
      kick();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      for (const lane of lanes.values()) {
        lane.wake();
        for (const m of lane.direct.splice(0)) m.done();
      }
      if (ticking) await ticking.catch(() => {});
      // Sends in flight finish and their outcome is written; nothing new starts.
      while (inFlightWork.size > 0) await Promise.allSettled([...inFlightWork]);
      await Promise.allSettled([...lanes.values()].map((l) => l.running));
      for (const waiters of firstAttempt.values()) for (const w of waiters) w();
      firstAttempt.clear();
    },
    kick,
    tick,
    send,
    enqueue,
    async idle(timeoutMs = 120_000) {
      const deadline = mono() + timeoutMs;
      for (;;) {
        scan();
        await new Promise((r) => setTimeout(r, 5));
        const busy = [...lanes.values()].some((l) => l.inFlight > 0 || l.urgent.size > 0 || l.queue.size > 0 || l.direct.length > 0);
        if (!busy && known.size === 0 && reporting.size === 0 && inFlightWork.size === 0) return;
        if (mono() > deadline) throw new Error("outbox not idle in time");
      }
    },
    configure(next) {
      Object.assign(tuning, next, { limits: { ...tuning.limits, ...next.limits } });
      for (const lane of lanes.values()) {
        lane.limits = limitsFor(lane.channel);
        lane.pacer.setRate(lane.limits.rate);
        lane.gate.setRate(lane.limits.rate);
        lane.wake();
      }
      if (next.tickMs && timer) {
        clearInterval(timer);
        timer = setInterval(() => {
          if (tuning.autoTick && lanes.size > 0 && !ticking) void tick();
        }, tuning.tickMs);
        timer.unref?.();
      }
    },
    channels: () => [...lanes.keys()],
  };
  byStore.set(store, outbox);
  return outbox;
}
