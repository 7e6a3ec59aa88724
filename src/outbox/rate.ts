// Per-channel speed limits: an even pace overall, a gap per chat, and a bound on sends in flight.
import type { Channel } from "../../storage/schema.js";
import type { AppConfig } from "../config.js";

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

  /** Books `cost` messages starting now. */
  take(now: number, cost: number): void {
    if (!Number.isFinite(this.rate)) return;
    this.nextAt = Math.max(this.nextAt, now) + (cost * 1000) / this.rate;
  }
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
