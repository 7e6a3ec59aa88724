// The update plumbing both channels share: each update handled at most once (also across a restart and a replay), in-flight tracking for a graceful stop.
import { recordHandled, wasHandled, type HandledLimits } from "../../../storage/handled-updates.js";
import type { Store } from "../../../storage/store.js";

export type GateOutcome = "handled" | "duplicate";

export interface UpdateGateOptions {
  store: Store;
  /** The channel's name in the handled-update memory ("telegram", "zalo"). */
  channel: string;
  now: () => Date;
  limits?: HandledLimits;
  /** Told when the memory could not be written (the update was handled all the same). */
  onRecordFailed?: (key: string, err: unknown) => void;
}

/** What a handler gets: `remember()` records the update as handled (once; later calls do nothing). */
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
   * waits for that run and is a duplicate. The handler calls `ticket.remember()` where its effect
   * is done (before its replies go out); if it does not, the update is remembered when it ends,
   * failed or not: a replay of it gets no second answer.
   */
  run(key: string, handle: (ticket: GateTicket) => Promise<void>, options?: { aliases?: string[] }): Promise<GateOutcome>;
  /** Updates being handled now. */
  readonly inFlight: number;
  /** Resolves when every update in hand is done (a graceful stop waits for it). */
  settled(): Promise<void>;
}

export function createUpdateGate(options: UpdateGateOptions): UpdateGate {
  const { store, channel } = options;
  const running = new Map<string, Promise<void>>();

  function seen(key: string): boolean {
    return running.has(key) || wasHandled(store.data, channel, key, options.now(), options.limits);
  }

  /** Whether the key, or one of the names it had before (an older key format), is remembered. */
  function remembered(key: string, aliases: string[] = []): boolean {
    const now = options.now();
    return [key, ...aliases].some((k) => wasHandled(store.data, channel, k, now, options.limits));
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
        recorded ??= recordHandled(store, channel, key, options.now(), options.limits).catch((err) => options.onRecordFailed?.(key, err));
        return recorded;
      },
    };
    const work = (async () => {
      try {
        await handle(ticket);
      } finally {
        if (!ignored || recorded) await ticket.remember();
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
      while (running.size > 0) await Promise.allSettled([...running.values()]);
    },
  };
}
