// The update plumbing both channels share: each update handled at most once (also across a restart and a replay), in-flight tracking for a graceful stop.
import { type HandledLimits, recordHandled, wasHandled } from "../../../storage/handled-updates.js";
import type { Store } from "../../../storage/store.js";

export type GateOutcome = "handled" | "duplicate";

export interface UpdateGateOptions {
  store: Store;
  /** The channel's name in the handled-update memory ("telegram", "zalo"). */
  channel: string;
  now: () => Date;
  limits?: HandledLimits;
  /**
   * Updates that changed nothing (reads, hints) are written down together, this long after the
   * first of them (default 200 ms): one disk write for many, instead of one each.
   */
  batchMs?: number;
  /** Told when the memory could not be written (the update was handled all the same). */
  onRecordFailed?: (key: string, err: unknown) => void;
}

/**
 * What a handler gets. `remember()` records the update as handled, on disk when its promise
 * resolves: a handler whose update changed the store awaits it before replying, so that a crash
 * while sending never runs the change twice. An update that changed nothing need not call it: it
 * is remembered when the handler ends (in memory at once, on disk with the next batch).
 */
export interface GateTicket {
  readonly key: string;
  remember(): Promise<void>;
  /**
   * The update was passed over in silence (an edited message, a service message): nothing was
   * done and nothing would be answered twice, so it need not be written down.
   */
  ignore(): void;
}

export interface UpdateGate {
  /** Whether an update was handled (and is still remembered) or is being handled now. */
  seen(key: string): boolean;
  /**
   * Handles an update once: a key already remembered is a duplicate at once; a key in flight
   * waits for that run and is a duplicate. The update is remembered when the handler ends, failed
   * or not (a replay of it gets no second answer), unless it said `ignore()`.
   */
  run(key: string, handle: (ticket: GateTicket) => Promise<void>, options?: { aliases?: string[] }): Promise<GateOutcome>;
  /** Updates being handled now. */
  readonly inFlight: number;
  /** Resolves when every update in hand is done and the memory is on disk (a graceful stop waits for it). */
  settled(): Promise<void>;
}

/**
 * The memory of handled updates on its way to the store: each update written at once (remember()),
 * or noted with the reads and written with the next batch.
 */
class HandledMemory {
  /** Writes of the memory not yet on disk. */
  readonly writing = new Set<Promise<void>>();
  /** Reads handled and not written down yet: known here until the batch is in the store. */
  batch = new Set<string>();
  private batchTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: UpdateGateOptions) {}

  write(keys: string[]): Promise<void> {
    const { options } = this;
    const done = recordHandled(options.store, options.channel, keys, options.now(), options.limits).catch((err) => {
      for (const k of keys) options.onRecordFailed?.(k, err);
    });
    this.writing.add(done);
    void done.finally(() => this.writing.delete(done));
    return done;
  }

  flushBatch(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    if (this.batch.size === 0) return;
    const keys = [...this.batch];
    this.batch = new Set();
    void this.write(keys);
  }

  note(key: string): void {
    this.batch.add(key);
    if (!this.batchTimer) {
      this.batchTimer = setTimeout(() => this.flushBatch(), this.options.batchMs ?? 200);
      this.batchTimer.unref?.();
    }
  }

  /** Whether the key, or one of the names it had before (an older key format), is remembered. */
  remembered(key: string, aliases: string[] = []): boolean {
    const { store, channel, limits } = this.options;
    const now = this.options.now();
    return [key, ...aliases].some((k) => this.batch.has(k) || wasHandled(store.data, channel, k, now, limits));
  }
}

export function createUpdateGate(options: UpdateGateOptions): UpdateGate {
  const running = new Map<string, Promise<void>>();
  const memory = new HandledMemory(options);

  function seen(key: string): boolean {
    return running.has(key) || memory.remembered(key);
  }

  async function run(key: string, handle: (ticket: GateTicket) => Promise<void>, runOptions: { aliases?: string[] } = {}): Promise<GateOutcome> {
    const inHand = running.get(key);
    if (inHand) {
      await inHand.catch(() => undefined);
      return "duplicate";
    }
    if (memory.remembered(key, runOptions.aliases)) return "duplicate";
    let recorded: Promise<void> | undefined;
    let ignored = false;
    const ticket: GateTicket = {
      key,
      ignore() {
        ignored = true;
      },
      remember() {
        recorded ??= memory.write([key]);
        return recorded;
      },
    };
    const work = (async () => {
      try {
        await handle(ticket);
      } finally {
        // Remembered whatever happened: a replay gets no second answer.
        if (!recorded && !ignored) memory.note(key);
      }
    })();
    running.set(key, work);
    try {
      await work;
    } finally {
      running.delete(key);
    }
    return "handled";
  }

  return {
    seen,
    run,
    get inFlight() {
      return running.size;
    },
    async settled() {
      while (running.size > 0 || memory.writing.size > 0 || memory.batch.size > 0) {
        await Promise.allSettled([...running.values()]);
        memory.flushBatch();
        await Promise.allSettled([...memory.writing]);
      }
    },
  };
}
