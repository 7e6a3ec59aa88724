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

export function createLanes(engine: Engine, hooks: { dispatch(lane: Lane, ref: Ref): Promise<number> }): Lanes {
  const { logger, notifier, store } = engine.deps;

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
      if (err instanceof DeliveryError && err.kind === "retry_after") lane.pausedUntil = mono() + scaled(engine, (err.retryAfter ?? 1) * 1000);
      m.done(err);
    }
  }

  async function runLane(lane: Lane): Promise<void> {
    while (!engine.stopped) {
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
          engine,
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
        engine,
        hooks.dispatch(lane, ref).then(
          (cost) => finish(lane, ref.chat, cost),
          (err) => {
            logger.error({ err, delivery: ref.key }, "outbox dispatch failed");
            finish(lane, ref.chat, 1);
          },
        ),
      );
    }
  }

  function runLaneSafely(lane: Lane): Promise<void> {
    return runLane(lane).catch((err) => logger.error({ err, channel: lane.channel }, "outbox lane stopped on an error"));
  }

  return {
    ensure(channel) {
      const existing = engine.lanes.get(channel);
      if (existing) return existing;
      const limits = limitsFor(engine, channel);
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
      engine.lanes.set(channel, lane);
      if (engine.started && !engine.stopped) lane.running = runLaneSafely(lane);
      return lane;
    },
    startAll() {
      for (const lane of engine.lanes.values()) lane.running ??= runLaneSafely(lane);
    },
    tell(accountKey, text, progressKey) {
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
    },
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
