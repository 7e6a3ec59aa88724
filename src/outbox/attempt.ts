// Attempt and record: one try of one delivery (announced in the store before the send), and its outcome written through the state machine.
//
// Delivery guarantee: at least once, with a window of at most one copy too many per delivery in
// flight at a crash. A delivery is written `pending` before anything is sent (one store change for
// the whole notice); before each send its `attemptAt` is written; it is marked `sent` right after
// the platform accepted it (group commit: one disk write for the sends that finish together). If
// the process dies between the platform's acceptance and that write reaching the disk, the
// delivery is still `pending` with `attemptAt` set and is sent again after the restart (logged as
// "resuming deliveries that were being sent"). At most `maxInFlight` deliveries of a channel are in
// that window at once (30 on Telegram). A response lost on the network after the platform took the
// message looks like a dropped connection and is retried as well: the platforms offer no
// idempotency key to prevent it.
import { randomBytes } from "node:crypto";
import type { Reply } from "../messages/types.js";
import type { Delivery } from "../../storage/schema.js";
import { announceAttempt, type Outcome, recordOutcome, recordPartSent } from "../domain/deliveries.js";
import { StoreWriteFailed } from "../../storage/store.js";
import { conferenceOf, type Engine, type Lane, mono, policyOf, type Ref, scaled } from "./engine.js";
import { DeliveryError } from "./notifier.js";
import { renderNotice } from "./render.js";
import type { Refusals } from "./refusals.js";

/** Classifies what a channel's one attempt threw. */
export function outcomeOf(err: unknown): Outcome {
  const message = (err as Error)?.message ?? String(err);
  if (err instanceof DeliveryError) {
    const parts = err.partsSent !== undefined ? { partsSent: err.partsSent } : {};
    if (err.kind === "retry_after") return { type: "retry_after", seconds: err.retryAfter ?? 1, error: message, ...parts };
    if (err.kind === "blocked") return { type: "blocked", error: message };
    if (err.kind === "permanent") return { type: "failed", error: message, ...parts };
    return { type: "transient", error: message, ...parts, ...(err.maybeDelivered ? { maybeDelivered: true } : {}) };
  }
  // Transient, or an error no channel classified (a dropped connection): try again later.
  return { type: "transient", error: message };
}

export interface Attempts {
  /** Tries one delivery and records its outcome; returns how many messages it used (for the per-chat gap). */
  dispatch(lane: Lane, ref: Ref): Promise<number>;
}

export function createAttempts(
  engine: Engine,
  hooks: {
    /** A delivery of this notice became final (counted inside the store change). */
    countFinal(noticeId: string): void;
    /** After the final outcome is written: progress, final count. */
    afterFinal(noticeId: string): void;
    /** The platform-wide limit: refusals in a row, and the pause they earn. */
    refusals: Refusals;
  },
): Attempts {
  const { store, logger, clock, notifier } = engine.deps;

  /** A part of a delivery the platform accepted, written before the next part goes (a retry resumes after it). */
  async function recordPart(key: string, partsSent: number): Promise<void> {
    try {
      await recordPartSent(store, engine.locate, key, partsSent);
    } catch (err) {
      // Not fatal: the error of the attempt (partsSent) still tells, and the outcome is recorded after.
      logger.warn({ delivery: key, err: (err as Error).message }, "part of a delivery not recorded");
    }
  }

  async function attempt(lane: Lane, ref: Ref): Promise<{ outcome: Outcome; cost: number }> {
    const data = store.data;
    const delivery = engine.locate(data, ref.key);
    if (delivery?.state !== "pending") return { outcome: { type: "gone" }, cost: 0 };
    const notice = data.notices.find((n) => n.id === ref.noticeId);
    if (!notice || notice.cancelledAt) return { outcome: { type: "skipped", error: "notice cancelled" }, cost: 0 };
    const account = data.accounts[ref.account];
    if (!account) return { outcome: { type: "failed", error: "account not found" }, cost: 0 };
    if (account.unreachableSince) return { outcome: { type: "blocked", error: `unreachable since ${account.unreachableSince}` }, cost: 0 };
    const sender = notifier.sender(lane.channel);
    if (!sender) return { outcome: { type: "deferred", error: "channel not running" }, cost: 0 };
    let replies: Reply[];
    try {
      const c = conferenceOf(engine, notice.conference);
      replies = await renderNotice(notice, account, { i18n: c.i18n, conference: c.conference, dataDir: store.dir });
    } catch (err) {
      return { outcome: { type: "failed", error: `cannot render: ${(err as Error).message}` }, cost: 0 };
    }
    // The reply carries no setId, so Telegram's button carries its step itself and keeps working
    // after later notices; the session's choices make a typed number (Zalo, console) take it too.
    const offered = [...replies].reverse().find((r) => r.kind === "choices");
    const setId = offered ? randomBytes(4).toString("hex") : undefined;
    // Announce the attempt before sending: after a crash, a delivery with attemptAt may have
    // arrived (the at-least-once window); one without it certainly did not.
    try {
      const choices = offered?.kind === "choices" && setId ? { setId, steps: offered.choices.map((c) => c.step) } : undefined;
      if (!(await announceAttempt(store, engine.locate, ref.key, ref.account, clock.now(), choices))) return { outcome: { type: "gone" }, cost: 0 };
    } catch (err) {
      if (err instanceof StoreWriteFailed) return { outcome: { type: "deferred", error: err.message }, cost: 0 };
      throw err;
    }
    const cost = Math.max(1, replies.length);
    await lane.gate.pass(cost);
    // A platform-wide wait (retry_after) that began while this send waited for its slot holds it too;
    // the slot it had is spent by then, so it takes a fresh one after the wait (the sends held by one
    // pause must not all leave together when it ends).
    for (let wait = lane.pausedUntil - mono(); wait > 0 && !engine.stopped; wait = lane.pausedUntil - mono()) {
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
      await lane.gate.pass(cost);
    }
    try {
      // One attempt: the channel does not retry; the outbox alone paces and retries.
      await sender({ ...account }, replies, { skipParts: delivery.partsSent ?? 0, onPart: (n) => recordPart(ref.key, n) });
      return { outcome: { type: "sent" }, cost };
    } catch (err) {
      return { outcome: outcomeOf(err), cost };
    }
  }

  /** Writes the outcome; a failed disk write is retried: a send the platform accepted is never sent again by this process. */
  async function record(lane: Lane, ref: Ref, outcome: Outcome, cost: number): Promise<void> {
    let requeueIn: number | undefined;
    let pauseAsked: number | undefined;
    let finalState: Delivery["state"] | undefined;
    for (let tries = 0; ; tries++) {
      requeueIn = undefined;
      pauseAsked = undefined;
      finalState = undefined;
      const now = clock.now();
      try {
        await recordOutcome(
          store,
          engine.locate,
          { key: ref.key, account: ref.account, channel: lane.channel, outcome, now, policy: policyOf(engine), messages: cost },
          (t) => {
            if (t.pauseLaneMs !== undefined) {
              pauseAsked = t.pauseLaneMs;
              lane.pausedUntil = Math.max(lane.pausedUntil, mono() + t.pauseLaneMs);
            }
            if (t.retryInMs !== undefined) requeueIn = t.retryInMs;
            if (t.final) {
              finalState = t.delivery.state;
              hooks.countFinal(ref.noticeId);
            }
          },
        );
        break;
      } catch (err) {
        if (!(err instanceof StoreWriteFailed) || engine.stopped) {
          logger.error({ delivery: ref.key, outcome: outcome.type, err: (err as Error).message }, "outcome of a delivery not recorded");
          break;
        }
        // The disk refused: keep the outcome in hand and try again, never resend meanwhile.
        await new Promise((r) => setTimeout(r, Math.min(30_000, scaled(engine, 500 * 2 ** tries))).unref?.());
      }
    }
    if (pauseAsked !== undefined) {
      const pause = hooks.refusals.refused(lane, pauseAsked);
      lane.pausedUntil = Math.max(lane.pausedUntil, mono() + pause);
      if (requeueIn !== undefined) requeueIn = Math.max(requeueIn, pause);
    } else if (outcome.type === "sent") hooks.refusals.accepted(lane);
    const waiters = engine.firstAttempt.get(ref.key);
    if (waiters) {
      engine.firstAttempt.delete(ref.key);
      for (const w of waiters) w();
    }
    if (requeueIn !== undefined && !engine.stopped) {
      ref.notBefore = mono() + requeueIn;
      // A wait for the platform's limit keeps its place at the front; a failure goes behind.
      if (outcome.type === "retry_after") lane.urgent.unshift(ref);
      else lane.queue.push(ref);
      lane.wake();
      return;
    }
    engine.known.delete(ref.key);
    if (finalState) {
      const err = "error" in outcome ? outcome.error : undefined;
      if (finalState === "unreachable") logger.info({ account: ref.account, notice: ref.noticeId }, "account unreachable (blocked the bot)");
      else if (finalState === "failed") logger.warn({ account: ref.account, notice: ref.noticeId, err }, "delivery failed");
      hooks.afterFinal(ref.noticeId);
    }
  }

  return {
    async dispatch(lane, ref) {
      let cost = 1;
      let outcome: Outcome;
      try {
        const r = await attempt(lane, ref);
        outcome = r.outcome;
        cost = r.cost;
      } catch (err) {
        outcome = { type: "transient", error: (err as Error)?.message ?? String(err) };
      }
      await record(lane, ref, outcome, cost);
      return cost;
    },
  };
}
