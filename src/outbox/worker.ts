// The outbox: notices and deliveries kept in the store, sent by one lane per channel at that channel's pace.
//
// Its parts, one job each: lanes.ts (lanes and pacing), attempt.ts (one attempt and its record,
// through the pure state machine of transition.ts), progress.ts (progress and final counts),
// writing.ts (writing notices: the notices port and Notifier.send), planning.ts (due deliveries,
// reminders, scheduled and spooled notices). This file wires them and runs their life cycle.
import type { Notifier } from "../messages/types.js";
import type { AccountKey, Channel } from "../../storage/schema.js";
import type { CreatedNotice, NewNotice, NoticesPort } from "../domain/notices.js";
import { createAttempts } from "./attempt.js";
import { createEngine, mono, type OutboxDeps, type OutboxTuning } from "./engine.js";
import { createLanes } from "./lanes.js";
import { createPlanning } from "./planning.js";
import { createProgress } from "./progress.js";
import { createRefusals } from "./refusals.js";
import { createWriting } from "./writing.js";

export interface Outbox extends NoticesPort {
  start(): void;
  stop(): Promise<void>;
  /** Looks for due deliveries soon (after a notice was written). */
  kick(): void;
  /** One planner round: spooled notices, reminders, notices whose time came, due deliveries. */
  tick(now?: Date): Promise<void>;
  /** The queue behind Notifier.send. */
  send: Notifier["send"];
  /** Writes a notice and one delivery per account in ONE store change, then starts sending. */
  enqueue(input: NewNotice): Promise<CreatedNotice>;
  /** Resolves when nothing due is queued or in flight on the running channels. */
  idle(timeoutMs?: number): Promise<void>;
  configure(tuning: Partial<OutboxTuning>): void;
  /** Channels with a running lane. */
  channels(): Channel[];
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const engine = createEngine(deps);
  const { tuning } = engine;
  // The parts call one another only through the hooks given here (no import cycle between them).
  let kickRef: () => void = () => {};
  let enqueueRef: (input: NewNotice) => Promise<CreatedNotice> = () => Promise.reject(new Error("outbox not ready"));
  const lanes = createLanes(engine, { dispatch: (lane, ref) => attempts.dispatch(lane, ref) });
  const progress = createProgress(engine, { tell: (account: AccountKey, text: string, key?: string) => lanes.tell(account, text, key), kick: () => kickRef() });
  const refusals = createRefusals(engine, { tell: (account, text) => lanes.tell(account, text) });
  const attempts = createAttempts(engine, { countFinal: progress.countFinal, afterFinal: progress.afterFinal, refusals });
  const planning = createPlanning(engine, { progress, enqueue: (input) => enqueueRef(input), send: (messages, options) => writing.send(messages, options) });
  const writing = createWriting(engine, { kick: () => kickRef() });
  kickRef = planning.kick;
  enqueueRef = writing.enqueue;
  let timer: NodeJS.Timeout | undefined;

  function startTimer(): void {
    if (timer) clearInterval(timer);
    // Only a process that can deliver plans and imports: a one-shot CLI command leaves the store alone.
    timer = setInterval(() => {
      if (tuning.autoTick && engine.lanes.size > 0 && !planning.ticking()) void planning.tick();
    }, tuning.tickMs);
    timer.unref?.();
  }

  deps.notifier.onRegister((channel) => {
    if (engine.stopped) return;
    lanes.ensure(channel).wake();
    planning.kick();
  });

  return {
    start() {
      if (engine.started) return;
      engine.started = true;
      lanes.startAll();
      startTimer();
      planning.kick();
    },
    async stop() {
      if (engine.stopped) return;
      engine.stopped = true;
      if (timer) clearInterval(timer);
      lanes.drain();
      const ticking = planning.ticking();
      if (ticking) await ticking.catch(() => {});
      // Sends in flight finish and their outcome is written; nothing new starts.
      while (engine.inFlightWork.size > 0) await Promise.allSettled([...engine.inFlightWork]);
      await Promise.allSettled([...engine.lanes.values()].map((l) => l.running));
      for (const waiters of engine.firstAttempt.values()) for (const w of waiters) w();
      engine.firstAttempt.clear();
    },
    kick: planning.kick,
    tick: planning.tick,
    send: writing.send,
    enqueue: writing.enqueue,
    create: writing.enqueue,
    createAndWait: writing.enqueueAndWait,
    async idle(timeoutMs = 120_000) {
      const deadline = mono() + timeoutMs;
      for (;;) {
        planning.scan();
        await new Promise((r) => setTimeout(r, 5));
        if (!lanes.busy() && engine.known.size === 0 && progress.reporting() === 0 && engine.inFlightWork.size === 0) return;
        if (mono() > deadline) throw new Error("outbox not idle in time");
      }
    },
    configure(next) {
      Object.assign(tuning, next, { limits: { ...tuning.limits, ...next.limits } });
      lanes.reconfigure();
      if (next.tickMs && timer) startTimer();
    },
    channels: () => [...engine.lanes.keys()],
  };
}
