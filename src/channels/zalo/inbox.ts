// The webhook's inbox: an update is kept on disk before it is handled, taken out once handled, and what a
// stopped or crashed run kept is handled first at the next start, in order.
import { dropReceived, receivedUpdates, receiveUpdate } from "../../../storage/handled-updates.js";
import { CHANNEL, type ZaloContext } from "./context.js";
import type { UpdateOutcome } from "./updates.js";

/** One update in the inbox: `recorded` once it is on disk, `done` once it was handled. */
export interface InboxRun {
  recorded: Promise<void>;
  done: Promise<UpdateOutcome>;
}

export class Inbox {
  /** Updates kept and being handled, by key: a copy posted meanwhile waits for the same run. */
  readonly #runs = new Map<string, InboxRun>();

  constructor(
    private readonly ctx: ZaloContext,
    private readonly processUpdate: (raw: unknown) => Promise<UpdateOutcome>,
  ) {}

  /** Whether an update of this key is in the inbox now. */
  has(key: string): boolean {
    return this.#runs.has(key);
  }

  /** Keeps an update in the inbox (unless it is there already), then handles it; taken out once handled. */
  accept(key: string, raw: unknown, alreadyKept = false): InboxRun {
    const known = this.#runs.get(key);
    if (known) return known;
    const { store, clock } = this.ctx.deps;
    const { logger } = this.ctx;
    const recorded = alreadyKept ? Promise.resolve() : receiveUpdate(store, CHANNEL, key, raw, clock.now()).then(() => undefined);
    const done = recorded
      .then(() => this.processUpdate(raw))
      .then(async (outcome) => {
        // Passed over (a bot, a group already told): out of the inbox without being remembered.
        await dropReceived(store, CHANNEL, key).catch((err) => logger.error({ update: key, err: (err as Error).message }, "zalo inbox entry not removed"));
        return outcome;
      });
    const run = { recorded, done };
    this.#runs.set(key, run);
    void done
      .catch((err) => {
        if (!alreadyKept) return; // the caller answers 500 for an update that could not be kept
        logger.error({ update: key, err: (err as Error)?.message }, "zalo update from the inbox failed");
      })
      .finally(() => {
        if (this.#runs.get(key) === run) this.#runs.delete(key);
      });
    return run;
  }

  /** What an earlier run kept and did not handle (it stopped or crashed): handled now, in order. */
  resume(): void {
    const kept = receivedUpdates(this.ctx.deps.store.data, CHANNEL);
    if (kept.length > 0) this.ctx.logger.info({ updates: kept.length }, "zalo updates kept by an earlier run handled now");
    for (const k of kept) this.accept(k.key, k.update, true);
  }

  /** Resolves once nothing is in the inbox's hands (at stop, after updates stopped coming). */
  async settled(): Promise<void> {
    while (this.#runs.size > 0) await Promise.allSettled([...this.#runs.values()].map((r) => r.done));
  }
}
