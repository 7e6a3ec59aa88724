// What the parts of the outbox share: its dependencies, its knobs, the lanes' shapes and the state of one running outbox.
import type { Logger } from "pino";
import type { Clock } from "../lib/time.js";
import type { Reply } from "../messages/types.js";
import type { Account, AccountKey, Channel, Data, Delivery } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import type { AppConfig } from "../config/types.js";
import type { ConferenceService } from "../conference/service.js";
import type { I18n } from "../lib/i18n.js";
import type { ChannelNotifier } from "./notifier.js";
import { defaultLimits, type LaneLimits, type Pacer, type PickQueue, type SendGate } from "./rate.js";
import { DEFAULT_POLICY, type RetryPolicy } from "../domain/deliveries.js";

export interface OutboxDeps {
  store: Store;
  logger: Logger;
  clock: Clock;
  i18n: I18n;
  conference: ConferenceService;
  config: AppConfig;
  notifier: ChannelNotifier;
  /**
   * Each unit's copy of the conclusions (a .docx), for the notices a stop left unfiled: made by the
   * wiring from the documents layer, above this one (src/app/app.ts). Without it, none are repaired.
   */
  conclusionsCopy?: (unitId: string) => Promise<{ name: string; data: Buffer }>;
  /**
   * Every conference of the bot (src/app/conferences.ts): each renders its own notices, and the
   * running ones have their reminders, tasks and requests planned. Absent: the one of `conference`.
   */
  conferences?: () => OutboxConference[];
}

/** One conference as the outbox uses it: its view of the store, its file, its messages, its copies of the conclusions. */
export interface OutboxConference {
  store: Store;
  conference: ConferenceService;
  i18n: I18n;
  conclusionsCopy?: (unitId: string) => Promise<{ name: string; data: Buffer }>;
}

/** The conference a notice belongs to (the first one for a notice of none, or of one no longer known). */
export function conferenceOf(engine: Engine, id: string | undefined): OutboxConference {
  const { deps } = engine;
  const found = id === undefined ? undefined : deps.conferences?.().find((c) => c.conference.id === id);
  return found ?? { store: deps.store, conference: deps.conference, i18n: deps.i18n, ...(deps.conclusionsCopy && { conclusionsCopy: deps.conclusionsCopy }) };
}

/** The running conferences, whose reminders, tasks and requests the planner plans. */
export function plannedConferences(engine: Engine): OutboxConference[] {
  const { deps } = engine;
  const all = deps.conferences?.();
  if (!all) return [conferenceOf(engine, undefined)];
  return all.filter((c) => !c.conference.closed());
}

/** The engine as one conference's planner sees it: the same lanes and state, that conference's store, file and messages. */
export function engineFor(engine: Engine, c: OutboxConference): Engine {
  const deps: OutboxDeps = { ...engine.deps, store: c.store, conference: c.conference, i18n: c.i18n };
  if (c.conclusionsCopy) deps.conclusionsCopy = c.conclusionsCopy;
  else delete deps.conclusionsCopy;
  return Object.assign(Object.create(engine) as Engine, { deps });
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

export const DEFAULT_TUNING: OutboxTuning = {
  delayScale: 1,
  tickMs: 1000,
  autoTick: true,
  maxFailures: DEFAULT_POLICY.maxFailures,
  backoffMs: DEFAULT_POLICY.backoffMs,
  backoffCapMs: DEFAULT_POLICY.backoffCapMs,
  progressMin: 20,
  limits: {},
};

/** A delivery waiting in a lane. */
export interface Ref {
  key: string;
  noticeId: string;
  account: AccountKey;
  chat: string;
  /** Monotonic ms before which it is not tried (back-off). */
  notBefore: number;
}

/** A message outside the queue (progress, final count). */
export interface DirectMessage {
  account: Account;
  replies: Reply[];
  /** A progress line: where the channel can, it edits the previous line of the same key. */
  progressKey?: string;
  done: (err?: unknown) => void;
}

export interface Lane {
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
  /** The platform-wide limit (retry_after): nothing on this lane starts before. */
  pausedUntil: number;
  wake: () => void;
  running?: Promise<void>;
}

/** The state of one outbox, shared by its parts. */
export interface Engine {
  deps: OutboxDeps;
  tuning: OutboxTuning;
  lanes: Map<Channel, Lane>;
  /** Deliveries in a lane, in flight, or having their outcome recorded: never queued twice. */
  known: Set<string>;
  /** Waiters for the first attempt of a delivery (Notifier.send, createAndWait). */
  firstAttempt: Map<string, Array<() => void>>;
  /** Sends and records under way: stop() waits for them. */
  inFlightWork: Set<Promise<void>>;
  started: boolean;
  stopped: boolean;
  /** The delivery of a key in `d`, by a remembered position checked against its identity. */
  locate(d: Data, key: string): Delivery | undefined;
}

export const keyOf = (noticeId: string, account: AccountKey) => `${noticeId}|${account}`;
export const accountOfKey = (key: string): AccountKey => key.slice(key.indexOf("|") + 1);
export const channelOf = (account: AccountKey) => account.slice(0, account.indexOf(":")) as Channel;
export const mono = () => performance.now();

/**
 * Whether pending deliveries on `channel` are still owed before a final count: the channel runs
 * in this process, or is configured (it will run: a restart brings one channel up before another).
 */
export function channelOwed(engine: Engine, channel: Channel): boolean {
  if (engine.lanes.has(channel)) return true;
  const config = engine.deps.config;
  return channel === "telegram" ? Boolean(config.telegram) : channel === "zalo" ? Boolean(config.zalo) : false;
}

export function limitsFor(engine: Engine, channel: Channel): LaneLimits {
  return { ...defaultLimits(engine.deps.config)[channel], ...engine.tuning.limits[channel] };
}

export function scaled(engine: Engine, ms: number): number {
  return Math.max(0, ms * engine.tuning.delayScale);
}

/** The retry policy of the transition, from the tuning; the jitter (±20 %) spreads deliveries failing together. */
export function policyOf(engine: Engine, random: () => number = Math.random): RetryPolicy {
  const t = engine.tuning;
  return {
    maxFailures: t.maxFailures,
    maxAttempts: DEFAULT_POLICY.maxAttempts,
    backoffMs: t.backoffMs,
    backoffCapMs: t.backoffCapMs,
    delayScale: t.delayScale,
    jitter: 0.8 + random() * 0.4,
    uncertainWindowMs: DEFAULT_POLICY.uncertainWindowMs,
  };
}

/** Tracks a promise of work under way until it settles. */
export function track(engine: Engine, p: Promise<void>): void {
  engine.inFlightWork.add(p);
  void p.finally(() => engine.inFlightWork.delete(p));
}

export function createEngine(deps: OutboxDeps): Engine {
  let index = new Map<string, number>();
  return {
    deps,
    tuning: { ...DEFAULT_TUNING, limits: {} },
    lanes: new Map(),
    known: new Set(),
    firstAttempt: new Map(),
    inFlightWork: new Set(),
    started: false,
    stopped: false,
    locate(d, key) {
      const i = index.get(key);
      const at = i === undefined ? undefined : d.deliveries[i];
      if (at && keyOf(at.noticeId, at.account) === key) return at;
      index = new Map();
      d.deliveries.forEach((x, j) => {
        index.set(keyOf(x.noticeId, x.account), j);
      });
      const j = index.get(key);
      return j === undefined ? undefined : d.deliveries[j];
    },
  };
}
