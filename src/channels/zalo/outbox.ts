// The queue of conversation replies to Zalo: a steady rate, a shared back-off on 429 and errors, bounded retries, nothing dropped silently.
// Notices do not come here: the outbox engine (src/outbox/) paces and retries them, one attempt at a time.
import { ZaloApiError, ZaloNetworkError } from "./client.js";

/** What a failed call means. */
export type SendFailure = "quota" | "transient" | "permanent";

/**
 * 429 is a quota (wait, then go on); a bad request or a missing chat will fail again (permanent);
 * everything else, network failures and 5xx included, may pass later. Zalo documents 403 as an
 * internal error, not as "blocked", so it is transient too.
 */
export function classifyFailure(err: unknown): SendFailure {
  if (err instanceof ZaloApiError) {
    if (err.errorCode === 429) return "quota";
    if (err.errorCode === 400 || err.errorCode === 404) return "permanent";
    return "transient";
  }
  if (err instanceof ZaloNetworkError) return "transient";
  return "permanent";
}

/** The call ran out of time: the platform may still have done it (a photo it fetched slowly). */
export function isTimeout(err: unknown): boolean {
  return err instanceof ZaloNetworkError && !err.aborted && err.reason === "timed out";
}

export interface OutboxOptions {
  /** Calls a second (ZALO_SEND_RATE). */
  rate: number;
  /** Back-off after a failure: doubles from initialMs up to maxMs; a success resets it. */
  backoff?: { initialMs: number; maxMs: number };
  /** Attempts for a transient failure before a reply is given up (default 6). */
  maxAttempts?: number;
  /**
   * Attempts on a quota (429) before a reply is given up (default 20: minutes at the back-off's
   * cap; a reply that late no longer answers anything, and a monthly quota does not pass by waiting).
   */
  maxQuotaAttempts?: number;
  /** Told when a reply is given up, so it is at least in the log. */
  onGiveUp?: (label: string, err: unknown, attempts: number) => void;
}

export interface OutboxJob<T> {
  run: () => Promise<T>;
  /** For logs: the method and the chat. */
  label: string;
  /** Transient attempts for this job (default: the outbox's); 1 for best-effort calls such as typing. */
  maxAttempts?: number;
  /** A time-out is not tried again (a photo the platform may have sent all the same). */
  noRetryOnTimeout?: boolean;
}

interface Queued {
  job: OutboxJob<unknown>;
  attempts: number;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

export class OutboxClosed extends Error {
  constructor(label: string) {
    super(`not sent before shutdown: ${label}`);
  }
}

export class ZaloOutbox {
  readonly #queue: Queued[] = [];
  readonly #interval: number;
  readonly #backoff: { initialMs: number; maxMs: number };
  readonly #maxAttempts: number;
  readonly #maxQuotaAttempts: number;
  readonly #onGiveUp?: OutboxOptions["onGiveUp"];
  /**
   * The next call's gate: a timer set when the last call answered, for the interval (or the
   * back-off after a failure, when longer). Timers, not readings of the clock: the pace holds
   * whatever clock the app is given.
   */
  #ready: Promise<void> = Promise.resolve();
  #pauseMs = 0;
  #pumping: Promise<void> | undefined;
  #closed = false;
  /** Ends the gate's wait early (at close). */
  #wake: (() => void) | undefined;
  #idleWaiters: Array<() => void> = [];

  constructor(options: OutboxOptions) {
    this.#interval = 1000 / options.rate;
    this.#backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
    this.#maxAttempts = options.maxAttempts ?? 6;
    this.#maxQuotaAttempts = options.maxQuotaAttempts ?? 20;
    this.#onGiveUp = options.onGiveUp;
  }

  /** Replies waiting or in flight. */
  get pending(): number {
    return this.#queue.length;
  }

  /** Queues a call; resolves with its result once sent, rejects once given up. */
  enqueue<T>(job: OutboxJob<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new OutboxClosed(job.label));
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ job, attempts: 0, resolve: resolve as (v: unknown) => void, reject });
      this.#pumping ??= this.#pump().finally(() => {
        this.#pumping = undefined;
        for (const w of this.#idleWaiters.splice(0)) w();
      });
    });
  }

  /** Resolves when every queued call is done. */
  idle(): Promise<void> {
    if (!this.#pumping) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /**
   * Stops taking calls; waits up to `graceMs` for the queue to drain, then gives up what is left
   * (each caller gets OutboxClosed). Returns how many calls were not sent.
   */
  async close(graceMs: number): Promise<number> {
    this.#closed = true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
    const left = this.#queue.length;
    if (left > 0) {
      this.#wake?.();
      // The call in flight finishes (its own time limit bounds it); the rest are given up.
      for (const q of this.#queue.splice(this.#pumping ? 1 : 0)) q.reject(new OutboxClosed(q.job.label));
      await this.idle();
    }
    // Nothing waits behind the gate any more: its timer does not keep the process up.
    this.#wake?.();
    return left;
  }

  /** A gate that opens after `ms`, or when close() wakes it. */
  #after(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        clearTimeout(timer);
        if (this.#wake === done) this.#wake = undefined;
        resolve();
      };
      timer = setTimeout(done, ms);
      this.#wake = done;
    });
  }

  async #pump(): Promise<void> {
    while (this.#queue.length > 0) {
      const head = this.#queue[0] as Queued;
      await this.#ready;
      if (this.#queue[0] !== head) continue; // given up at shutdown while waiting
      head.attempts += 1;
      try {
        const value = await head.job.run();
        // Spaced from the answer, not from the request: the platform never sees two calls closer
        // than the interval, however long the first took to reach it.
        this.#ready = this.#after(this.#interval);
        this.#pauseMs = 0;
        this.#queue.shift();
        head.resolve(value);
      } catch (err) {
        const failure = classifyFailure(err);
        if (failure !== "permanent") {
          // One back-off for the whole queue: a quota or an outage is the platform's, not the chat's.
          this.#pauseMs = Math.min(this.#backoff.maxMs, this.#pauseMs > 0 ? this.#pauseMs * 2 : this.#backoff.initialMs);
        }
        this.#ready = this.#after(failure === "permanent" ? this.#interval : Math.max(this.#interval, this.#pauseMs));
        const limit = failure === "quota" ? this.#maxQuotaAttempts : (head.job.maxAttempts ?? this.#maxAttempts);
        const final = failure === "permanent" || head.attempts >= limit || this.#closed || (head.job.noRetryOnTimeout === true && isTimeout(err));
        if (final) {
          this.#queue.shift();
          this.#onGiveUp?.(head.job.label, err, head.attempts);
          head.reject(err);
        }
      }
    }
  }
}
