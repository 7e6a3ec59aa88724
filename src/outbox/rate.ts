// Per-channel speed limits: an even pace overall, a gap per chat, and a bound on sends in flight.
import type { Channel } from "../../storage/schema.js";
import type { AppConfig } from "../config/types.js";

export interface LaneLimits {
  /** Messages a second over the whole channel (Infinity: no limit). */
  rate: number;
  /** Least time between two messages to one chat (Telegram: 1 s). */
  chatGapMs: number;
  /** Sends awaiting the platform's answer at once: enough to keep the pace despite latency. */
  maxInFlight: number;
}

/** Telegram: ≤ 30 a second overall and 1 a second per chat; Zalo: ZALO_SEND_RATE; console: no limit. */
export function defaultLimits(config: AppConfig): Record<Channel, LaneLimits> {
  return {
    telegram: { rate: config.telegram?.sendRate ?? 30, chatGapMs: 1000, maxInFlight: 30 },
    zalo: { rate: config.zalo?.sendRate ?? 5, chatGapMs: 0, maxInFlight: 10 },
    console: { rate: Number.POSITIVE_INFINITY, chatGapMs: 0, maxInFlight: 16 },
  };
}

/**
 * Spaces messages evenly at `rate` a second: a message never starts sooner than one interval after
 * the one before, so no second ever holds more than `rate` (a late timer delays, never bunches).
 */
export class Pacer {
  private nextAt = 0;
  constructor(private rate: number) {}

  setRate(rate: number): void {
    this.rate = rate;
  }

  /** Milliseconds to wait before the next message may go. */
  wait(now: number): number {
    return Math.max(0, this.nextAt - now);
  }

  /** Books the next free slot for `cost` messages; returns the milliseconds to wait for it. */
  reserve(now: number, cost: number): number {
    if (!Number.isFinite(this.rate)) return 0;
    const at = Math.max(this.nextAt, now);
    this.nextAt = at + (cost * 1000) / this.rate;
    return at - now;
  }

  /** Books `cost` messages starting now. */
  take(now: number, cost: number): void {
    if (!Number.isFinite(this.rate)) return;
    this.nextAt = Math.max(this.nextAt, now) + (cost * 1000) / this.rate;
  }
}

/**
 * The last check before a platform call: the call waits for its evenly spaced slot, then — since a
 * timer may wake late and bunch calls — until fewer than `rate` calls went out in the last second.
 * So no second, measured at the calls themselves, ever holds more than `rate`.
 */
export class SendGate {
  private readonly pacer: Pacer;
  private recent: number[] = [];
  private capacity: number;

  constructor(
    rate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.pacer = new Pacer(rate);
    this.capacity = Number.isFinite(rate) ? Math.max(1, Math.floor(rate)) : Number.POSITIVE_INFINITY;
  }

  setRate(rate: number): void {
    this.pacer.setRate(rate);
    this.capacity = Number.isFinite(rate) ? Math.max(1, Math.floor(rate)) : Number.POSITIVE_INFINITY;
  }

  async pass(cost: number): Promise<void> {
    if (!Number.isFinite(this.capacity)) return;
    const n = Math.min(cost, this.capacity);
    await sleep(this.pacer.reserve(this.now(), cost));
    for (;;) {
      const t = this.now();
      // A little over a second, so the calls that follow this check stay inside the bound too.
      while (this.recent.length > 0 && (this.recent[0] as number) <= t - WINDOW_MS) this.recent.shift();
      const excess = this.recent.length + n - this.capacity;
      if (excess <= 0) {
        for (let i = 0; i < n; i++) this.recent.push(t);
        return;
      }
      await sleep((this.recent[excess - 1] as number) + WINDOW_MS - t + 1);
    }
  }
}

const WINDOW_MS = 1005;

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, Math.ceil(ms))) : Promise.resolve();
}

/**
 * A FIFO in which any item may be taken (the first one whose chat is free), without moving the
 * rest: taken items are skipped and swept away now and then.
 */
export class PickQueue<T> {
  private items: Array<T | undefined> = [];
  private head = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  push(item: T): void {
    this.items.push(item);
    this.live += 1;
  }

  /** Puts an item before all others (a retry keeps its place at the front). */
  unshift(item: T): void {
    if (this.head > 0) this.items[--this.head] = item;
    else this.items.unshift(item);
    this.live += 1;
  }

  /** Removes and returns the first item `ok` accepts; `ok` sees items in order. */
  take(ok: (item: T) => boolean): T | undefined {
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i];
      if (item === undefined || !ok(item)) continue;
      this.items[i] = undefined;
      this.live -= 1;
      while (this.head < this.items.length && this.items[this.head] === undefined) this.head += 1;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return item;
    }
    return undefined;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i];
      if (item !== undefined) yield item;
    }
  }
}
