// The delivery state machine, as one pure function: what an attempt's outcome does to a delivery.
//
//   pending --sent-----------------> sent
//   pending --blocked--------------> unreachable (and the account is marked unreachable)
//   pending --failed (permanent)---> failed
//   pending --skipped (cancelled)--> skipped
//   pending --transient------------> pending, one failure more, back-off; failed ("parked") after maxFailures;
//                                     one that may have been delivered (timed-out photo) waits the uncertain window
//   pending --retry_after----------> pending, wait what the platform asked; failed after maxAttempts
//   pending --deferred-------------> pending, a short wait (the attempt could not even be announced)
//   pending --gone-----------------> unchanged (someone else settled it)
//   sent | failed | unreachable | skipped --any--> unchanged: a final delivery never moves again
import type { Delivery, DeliveryState } from "../../storage/schema.js";

/** What one attempt came to, as the outbox classifies it. */
export type Outcome =
  | { type: "sent" }
  | { type: "retry_after"; seconds: number; error: string; partsSent?: number }
  | { type: "transient"; error: string; partsSent?: number; maybeDelivered?: boolean }
  | { type: "blocked"; error: string }
  | { type: "failed"; error: string; partsSent?: number }
  | { type: "skipped"; error: string }
  | { type: "gone" }
  /** The attempt could not be announced in the store: not sent, tried again later. */
  | { type: "deferred"; error: string };

export type OutcomeType = Outcome["type"];

export interface RetryPolicy {
  /** Transient failures of one delivery before it is parked as `failed`. */
  maxFailures: number;
  /** Attempts of any kind (retry_after included) after which a delivery is parked as `failed`. */
  maxAttempts: number;
  /** First back-off wait and its cap, in ms (doubles each failure). */
  backoffMs: number;
  backoffCapMs: number;
  /** Multiplies every wait (retry_after, back-off): 0.001 in tests that inject errors. */
  delayScale: number;
  /** Spread of the back-off, 0.8–1.2 in production (given by the caller, so this stays pure). */
  jitter: number;
  /** Least wait after an attempt that may have been delivered (a timed-out photo): not retried blindly. */
  uncertainWindowMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxFailures: 5,
  maxAttempts: 30,
  backoffMs: 1000,
  backoffCapMs: 60_000,
  delayScale: 1,
  jitter: 1,
  uncertainWindowMs: 10 * 60_000,
};

export interface Transition {
  /** The delivery after the outcome (a new object; the input is not changed). */
  delivery: Delivery;
  /** The state moved to a final one (sent, unreachable, failed, skipped) by this outcome. */
  final: boolean;
  /** Still pending: the wait before the next attempt, in ms. */
  retryInMs?: number;
  /** The platform-wide limit: the whole lane waits this long (retry_after). */
  pauseLaneMs?: number;
  /** The platform said the person blocked the bot: the account is marked unreachable. */
  accountUnreachable?: boolean;
  /** Parked after the bounded number of tries (a `failed` delivery that kept failing). */
  parked?: boolean;
}

export const FINAL_STATES: ReadonlySet<DeliveryState> = new Set<DeliveryState>(["sent", "failed", "unreachable", "skipped"]);

/** The wait after the `failures`-th failure: doubling from backoffMs up to the cap, spread by jitter. */
export function backoffWait(failures: number, policy: RetryPolicy): number {
  const base = Math.min(policy.backoffCapMs, policy.backoffMs * 2 ** Math.max(0, failures - 1));
  return Math.max(0, base * policy.jitter * policy.delayScale);
}

/** What `outcome` does to `delivery` at `now`. Pure: no clock, no store, no randomness. */
export function transition(delivery: Delivery, outcome: Outcome, now: Date, policy: RetryPolicy = DEFAULT_POLICY): Transition {
  if (delivery.state !== "pending" || outcome.type === "gone") return { delivery, final: false };
  const x: Delivery = { ...delivery };
  delete x.attemptAt;
  // Parts the platform accepted stay accepted: the next attempt resumes after them.
  if ("partsSent" in outcome && outcome.partsSent !== undefined) x.partsSent = Math.max(x.partsSent ?? 0, outcome.partsSent);
  const nowIso = now.toISOString();
  const finalAs = (state: DeliveryState, error?: string, extra: Partial<Transition> = {}): Transition => {
    x.state = state;
    if (error !== undefined) x.error = error;
    delete x.nextAttemptAt;
    return { delivery: x, final: true, ...extra };
  };
  switch (outcome.type) {
    case "sent":
      x.sentAt = nowIso;
      delete x.error;
      return finalAs("sent");
    case "blocked":
      return finalAs("unreachable", outcome.error, { accountUnreachable: true });
    case "failed":
      return finalAs("failed", outcome.error);
    case "skipped":
      return finalAs("skipped", outcome.error);
    case "retry_after":
    case "transient":
    case "deferred": {
      x.error = outcome.error;
      let wait: number;
      let pauseLaneMs: number | undefined;
      if (outcome.type === "retry_after") {
        wait = Math.max(0, outcome.seconds) * 1000 * policy.delayScale;
        pauseLaneMs = wait;
      } else if (outcome.type === "transient") {
        x.failures = (x.failures ?? 0) + 1;
        wait = backoffWait(x.failures, policy);
        // The platform may have it already: a second copy (a second photo) only after the window.
        if (outcome.maybeDelivered) wait = Math.max(wait, policy.uncertainWindowMs * policy.delayScale);
      } else wait = backoffWait(1, policy);
      if ((x.failures ?? 0) >= policy.maxFailures || x.attempts >= policy.maxAttempts) {
        return finalAs("failed", outcome.error, { parked: true });
      }
      x.nextAttemptAt = new Date(now.getTime() + wait).toISOString();
      return { delivery: x, final: false, retryInMs: wait, ...(pauseLaneMs !== undefined ? { pauseLaneMs } : {}) };
    }
  }
}
