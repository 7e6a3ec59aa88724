// Lanes and pacing: one lane per running channel picks the next delivery whose chat is free, at the channel's pace.
//
// A delivery waiting for its back-off never holds back another chat: the lane takes the first ready
// delivery in line (PickQueue), and only the platform-wide limit (retry_after) pauses the lane.
import type { AccountKey, Channel } from "../../storage/schema.js";
import { type DirectMessage, type Engine, type Lane, limitsFor, mono, type Ref, scaled, track } from "./engine.js";
import { DeliveryError } from "./notifier.js";
import { Pacer, PickQueue, SendGate } from "./rate.js";

export interface Lanes {
  /** The lane of a channel, created (and started, if the outbox runs) on first use. */
  ensure(channel: Channel): Lane;
  /** Starts every lane not running yet. */
  startAll(): void;
  /** A message outside the queue (progress, final count): best effort, at the lane's pace. */
  tell(account: AccountKey, text: string, progressKey?: string): Promise<void>;
  /** Applies new limits to every lane. */
  reconfigure(): void;
  /** Anything queued or in flight on any lane. */
  busy(): boolean;
  /** Wakes every lane and drops the direct messages (at stop). */
  drain(): void;
}

type Dispatch = (lane: Lane, ref: Ref) => Promise<number>;

/** Waits `ms` (forever if infinite) or until the lane is woken. */
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

function chatReady(lane: Lane, chat: string, now: number): number {
  if (lane.busyChats.has(chat)) return Number.POSITIVE_INFINITY;
  return Math.max(0, (lane.chatFree.get(chat) ?? 0) - now);
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

async function sendDirect(engine: Engine, lane: Lane, m: DirectMessage): Promise<void> {
  const { notifier } = engine.deps;
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
    if (err instanceof DeliveryError && err.kind === "retry_after") lane.pausedUntil = mono() + scaled(engine, (err.retryAfter ?? 1) * 1000);
    m.done(err);
  }
}

/** Starts a direct message (progress, final count) on its chat. */
function startDirect(engine: Engine, lane: Lane, m: DirectMessage, now: number): void {
  begin(lane, m.account.chatId, m.replies.length, now);
  track(
    engine,
    sendDirect(engine, lane, m).finally(() => finish(lane, m.account.chatId, m.replies.length)),
  );
}

/** Starts a queued delivery on its chat. */
function startDelivery(engine: Engine, dispatch: Dispatch, lane: Lane, ref: Ref, now: number): void {
  begin(lane, ref.chat, 1, now);
  track(
    engine,
    dispatch(lane, ref).then(
      (cost) => finish(lane, ref.chat, cost),
      (err) => {
        engine.deps.logger.error({ err, delivery: ref.key }, "outbox dispatch failed");
        finish(lane, ref.chat, 1);
      },
    ),
  );
}

/**
 * One turn of a lane: starts the next thing ready (and returns undefined: look again at once), or
 * returns how long to sleep before looking again.
 */
function step(engine: Engine, dispatch: Dispatch, lane: Lane): number | undefined {
  const now = mono();
  if (lane.pausedUntil > now) return lane.pausedUntil - now;
  if (lane.inFlight >= lane.limits.maxInFlight) return Number.POSITIVE_INFINITY;
  let wait = Number.POSITIVE_INFINITY;
  // Messages to organizers (progress, results) first, then review results and the like, then broadcasts.
  const directIdx = lane.direct.findIndex((m) => chatReady(lane, m.account.chatId, now) === 0);
  const ready = (r: Ref) => {
    const w = Math.max(r.notBefore - now, chatReady(lane, r.chat, now));
    if (w > 0) wait = Math.min(wait, w);
    return w <= 0;
  };
  const pace = lane.pacer.wait(now);
  if (pace > 0 && (directIdx >= 0 || lane.urgent.size + lane.queue.size > 0)) return pace;
  if (directIdx >= 0) {
    startDirect(engine, lane, lane.direct.splice(directIdx, 1)[0] as DirectMessage, now);
    return undefined;
  }
  for (const m of lane.direct) wait = Math.min(wait, chatReady(lane, m.account.chatId, now));
  const ref = lane.urgent.take(ready) ?? lane.queue.take(ready);
  if (!ref) return wait;
  startDelivery(engine, dispatch, lane, ref, now);
  return undefined;
}

async function runLane(engine: Engine, dispatch: Dispatch, lane: Lane): Promise<void> {
  while (!engine.stopped) {
    const wait = step(engine, dispatch, lane);
    if (wait !== undefined) await sleep(lane, wait);
  }
}

function runLaneSafely(engine: Engine, dispatch: Dispatch, lane: Lane): Promise<void> {
  return runLane(engine, dispatch, lane).catch((err) => engine.deps.logger.error({ err, channel: lane.channel }, "outbox lane stopped on an error"));
}

function newLane(engine: Engine, channel: Channel): Lane {
  const limits = limitsFor(engine, channel);
  return {
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
}

function tell(engine: Engine, accountKey: AccountKey, text: string, progressKey?: string): Promise<void> {
  const { logger, store } = engine.deps;
  const account = store.data.accounts[accountKey];
  const lane = account && engine.lanes.get(account.channel);
  if (!account || !lane || engine.stopped) return Promise.resolve();
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

export function createLanes(engine: Engine, hooks: { dispatch(lane: Lane, ref: Ref): Promise<number> }): Lanes {
  const dispatch: Dispatch = (lane, ref) => hooks.dispatch(lane, ref);
  return {
    ensure(channel) {
      const existing = engine.lanes.get(channel);
      if (existing) return existing;
      const lane = newLane(engine, channel);
      engine.lanes.set(channel, lane);
      if (engine.started && !engine.stopped) lane.running = runLaneSafely(engine, dispatch, lane);
      return lane;
    },
    startAll() {
      for (const lane of engine.lanes.values()) lane.running ??= runLaneSafely(engine, dispatch, lane);
    },
    tell: (accountKey, text, progressKey) => tell(engine, accountKey, text, progressKey),
    reconfigure() {
      for (const lane of engine.lanes.values()) {
        lane.limits = limitsFor(engine, lane.channel);
        lane.pacer.setRate(lane.limits.rate);
        lane.gate.setRate(lane.limits.rate);
        lane.wake();
      }
    },
    busy() {
      return [...engine.lanes.values()].some((l) => l.inFlight > 0 || l.urgent.size > 0 || l.queue.size > 0 || l.direct.length > 0);
    },
    drain() {
      for (const lane of engine.lanes.values()) {
        lane.wake();
        for (const m of lane.direct.splice(0)) m.done();
      }
    },
  };
}
