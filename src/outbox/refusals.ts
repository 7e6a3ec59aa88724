// The platform-wide limit: repeated refusals (429) pause a lane with exponential back-off, and the organizers are told once.
import type { AccountKey } from "../../storage/schema.js";
import { type Engine, type Lane, scaled } from "./engine.js";

/** Refusals in a row after which the organizers are told (a quota rather than a burst). */
export const REFUSALS_TO_TELL = 3;
/** First pause after a refusal without retry_after, and its cap (a monthly quota does not pass soon). */
const PAUSE_MS = 1000;
const PAUSE_CAP_MS = 15 * 60_000;

export interface Refusals {
  /**
   * A refusal on `lane` asking to wait `askedMs`: returns the pause the lane takes. On Zalo, whose
   * 429 carries no retry_after, the pause doubles with each refusal in a row, up to a cap.
   */
  refused(lane: Lane, askedMs: number): number;
  /** A send on `lane` was accepted: the refusals in a row end. */
  accepted(lane: Lane): void;
}

interface LaneRefusals {
  inRow: number;
  told: boolean;
}

export function createRefusals(engine: Engine, hooks: { tell(account: AccountKey, text: string): Promise<void> }): Refusals {
  const { store, i18n, config, logger } = engine.deps;
  const byLane = new WeakMap<Lane, LaneRefusals>();
  const stateOf = (lane: Lane) => {
    let s = byLane.get(lane);
    if (!s) byLane.set(lane, (s = { inRow: 0, told: false }));
    return s;
  };

  /** Organizers with an account, by configuration or by code. */
  function organizers(): AccountKey[] {
    const keys = new Set<AccountKey>();
    for (const k of config.organizerIds) if (store.data.accounts[k]) keys.add(k);
    for (const a of Object.values(store.data.accounts)) if (a.organizer) keys.add(a.key);
    return [...keys];
  }

  function tellOnce(lane: Lane, pauseMs: number): void {
    const waiting = store.data.deliveries.filter((d) => d.state === "pending" && d.account.startsWith(`${lane.channel}:`)).length;
    logger.warn({ channel: lane.channel, waiting, pauseMs: Math.round(pauseMs) }, "platform keeps refusing sends (quota?): lane paused");
    if (lane.channel !== "zalo") return;
    const minutes = Math.max(1, Math.ceil(pauseMs / 60_000));
    for (const key of organizers()) {
      const t = i18n.forLanguage(store.data.accounts[key]?.language);
      void hooks.tell(key, t("outbox-zalo-refusing", { waiting, minutes }));
    }
  }

  return {
    refused(lane, askedMs) {
      const s = stateOf(lane);
      s.inRow += 1;
      let pause = askedMs;
      if (lane.channel === "zalo") pause = Math.max(askedMs, scaled(engine, Math.min(PAUSE_CAP_MS, PAUSE_MS * 2 ** (s.inRow - 1))));
      logger.info({ channel: lane.channel, inRow: s.inRow, pauseMs: Math.round(pause) }, "lane paused after a refusal");
      if (s.inRow >= REFUSALS_TO_TELL && !s.told) {
        s.told = true;
        tellOnce(lane, pause);
      }
      return pause;
    },
    accepted(lane) {
      const s = byLane.get(lane);
      if (!s) return;
      s.inRow = 0;
      s.told = false;
    },
  };
}
