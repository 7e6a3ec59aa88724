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

export function createUpdateGate(options: UpdateGateOptions): UpdateGate {
  const { store, channel } = options;
  const running = new Map<string, Promise<void>>();
  /** Writes of the memory not yet on disk. */
  const writing = new Set<Promise<void>>();
  /** Reads handled and not written down yet: known here until the batch is in the store. */
  let batch = new Set<string>();
  let batchTimer: NodeJS.Timeout | undefined;

  function write(keys: string[]): Promise<void> {
    const done = recordHandled(store, channel, keys, options.now(), options.limits).catch((err) => {
      for (const k of keys) options.onRecordFailed?.(k, err);
    });
    writing.add(done);
    void done.finally(() => writing.delete(done));
    return done;
  }

  function flushBatch(): void {
    clearTimeout(batchTimer);
    batchTimer = undefined;
    if (batch.size === 0) return;
    const keys = [...batch];
    batch = new Set();
    void write(keys);
  }

  function note(key: string): void {
    batch.add(key);
    if (!batchTimer) {
      batchTimer = setTimeout(flushBatch, options.batchMs ?? 200);
      batchTimer.unref?.();
    }
  }

  /** Whether the key, or one of the names it had before (an older key format), is remembered. */
  function remembered(key: string, aliases: string[] = []): boolean {
    const now = options.now();
    return [key, ...aliases].some((k) => batch.has(k) || wasHandled(store.data, channel, k, now, options.limits));
  }

  function seen(key: string): boolean {
    return running.has(key) || remembered(key);
  }

  async function run(key: string, handle: (ticket: GateTicket) => Promise<void>, runOptions: { aliases?: string[] } = {}): Promise<GateOutcome> {
    const inHand = running.get(key);
    if (inHand) {
      await inHand.catch(() => undefined);
      return "duplicate";
    }
    if (remembered(key, runOptions.aliases)) return "duplicate";
    let recorded: Promise<void> | undefined;
    let ignored = false;
    const ticket: GateTicket = {
      key,
      ignore() {
        ignored = true;
      },
      remember() {
        recorded ??= write([key]);
        return recorded;
      },
    };
    const work = (async () => {
      try {
        await handle(ticket);
      } finally {
        // Remembered whatever happened: a replay gets no second answer.
        if (!recorded && !ignored) note(key);
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
      while (running.size > 0 || writing.size > 0 || batch.size > 0) {
        await Promise.allSettled([...running.values()]);
        flushBatch();
        await Promise.allSettled([...writing]);
      }
    },
  };
}
