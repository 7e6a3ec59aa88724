// The delivery state machine: every state × every outcome, as a table; a final delivery never moves again.
import { describe, expect, it } from "vitest";
import type { Delivery, DeliveryState } from "../../storage/schema.js";
import { DEFAULT_POLICY, type Outcome, type RetryPolicy, transition } from "../../src/domain/deliveries.js";

const NOW = new Date("2027-06-19T07:00:00.000Z");
const policy: RetryPolicy = { ...DEFAULT_POLICY, maxFailures: 5, maxAttempts: 30, backoffMs: 1000, backoffCapMs: 60_000, delayScale: 1, jitter: 1 };

const OUTCOMES: Record<Outcome["type"], Outcome> = {
  sent: { type: "sent" },
  retry_after: { type: "retry_after", seconds: 7, error: "Too Many Requests: retry after 7" },
  transient: { type: "transient", error: "Internal Server Error" },
  blocked: { type: "blocked", error: "Forbidden: bot was blocked by the user" },
  failed: { type: "failed", error: "Bad Request: chat not found" },
  skipped: { type: "skipped", error: "notice cancelled" },
  gone: { type: "gone" },
  deferred: { type: "deferred", error: "channel not running" },
};

const STATES: DeliveryState[] = ["pending", "sent", "failed", "unreachable", "skipped"];

function delivery(state: DeliveryState, extra: Partial<Delivery> = {}): Delivery {
  return { noticeId: "k7q2mx", account: "zalo:u1", state, attempts: 1, attemptAt: "2027-06-19T06:59:59.000Z", ...extra };
}

/** What each outcome does to a pending delivery with one attempt and no failure yet. */
const FROM_PENDING: Record<Outcome["type"], { state: DeliveryState; final: boolean; retryInMs?: number; pauseLaneMs?: number; unreachable?: boolean; error?: string }> = {
  sent: { state: "sent", final: true },
  retry_after: { state: "pending", final: false, retryInMs: 7000, pauseLaneMs: 7000, error: "Too Many Requests: retry after 7" },
  transient: { state: "pending", final: false, retryInMs: 1000, error: "Internal Server Error" },
  blocked: { state: "unreachable", final: true, unreachable: true, error: "Forbidden: bot was blocked by the user" },
  failed: { state: "failed", final: true, error: "Bad Request: chat not found" },
  skipped: { state: "skipped", final: true, error: "notice cancelled" },
  gone: { state: "pending", final: false },
  deferred: { state: "pending", final: false, retryInMs: 1000, error: "channel not running" },
};

describe("transition(delivery, outcome, now): every state and outcome", () => {
  for (const state of STATES) {
    for (const [type, outcome] of Object.entries(OUTCOMES) as Array<[Outcome["type"], Outcome]>) {
      it(`${state} + ${type}`, () => {
        const before = delivery(state, state === "sent" ? { sentAt: "2027-06-19T06:00:00.000Z" } : {});
        const frozen = structuredClone(before);
        const t = transition(before, outcome, NOW, policy);
        // Pure: the input is never changed.
        expect(before).toEqual(frozen);
        if (state !== "pending" || type === "gone") {
          // A final delivery never moves again; "gone" means someone else settled it.
          expect(t.delivery).toBe(before);
          expect(t.final).toBe(false);
          expect(t.retryInMs).toBeUndefined();
          return;
        }
        const want = FROM_PENDING[type];
        expect(t.delivery.state).toBe(want.state);
        expect(t.final).toBe(want.final);
        expect(t.retryInMs).toBe(want.retryInMs);
        expect(t.pauseLaneMs).toBe(want.pauseLaneMs);
        expect(Boolean(t.accountUnreachable)).toBe(Boolean(want.unreachable));
        expect(t.delivery.error).toBe(want.error);
        // The attempt is over, whatever came of it.
        expect(t.delivery.attemptAt).toBeUndefined();
        if (type === "sent") expect(t.delivery.sentAt).toBe(NOW.toISOString());
        if (want.retryInMs !== undefined) expect(t.delivery.nextAttemptAt).toBe(new Date(NOW.getTime() + want.retryInMs).toISOString());
        else expect(t.delivery.nextAttemptAt).toBeUndefined();
        expect(t.delivery.failures ?? 0).toBe(type === "transient" ? 1 : 0);
      });
    }
  }
});

describe("bounded retries", () => {
  it("doubles the back-off with each transient failure up to the cap, and parks the delivery as failed at the fifth", () => {
    let d = delivery("pending");
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const t = transition(d, OUTCOMES.transient, NOW, { ...policy, backoffCapMs: 5000 });
      waits.push(t.retryInMs as number);
      d = { ...t.delivery, attempts: t.delivery.attempts + 1 };
    }
    expect(waits).toEqual([1000, 2000, 4000, 5000]);
    const last = transition(d, OUTCOMES.transient, NOW, policy);
    expect(last.delivery.state).toBe("failed");
    expect(last.parked).toBe(true);
    expect(last.final).toBe(true);
    expect(last.delivery.failures).toBe(5);
    expect(last.delivery.error).toBe("Internal Server Error");
  });

  it("parks a delivery refused with retry_after once it used its attempts, with the platform's reason", () => {
    const t = transition(delivery("pending", { attempts: 30 }), OUTCOMES.retry_after, NOW, policy);
    expect(t.delivery.state).toBe("failed");
    expect(t.parked).toBe(true);
    expect(t.delivery.error).toContain("Too Many Requests");
  });

  it("scales every wait by delayScale and spreads the back-off by the jitter given", () => {
    const t = transition(delivery("pending"), OUTCOMES.transient, NOW, { ...policy, delayScale: 0.001, jitter: 1.2 });
    expect(t.retryInMs).toBeCloseTo(1.2);
    const r = transition(delivery("pending"), OUTCOMES.retry_after, NOW, { ...policy, delayScale: 0.001 });
    expect(r.pauseLaneMs).toBeCloseTo(7);
  });
});

describe("parts of a delivery", () => {
  it("keeps the parts the platform accepted through a failure, never fewer than already recorded", () => {
    const t = transition(delivery("pending", { partsSent: 1 }), { type: "transient", error: "Internal Server Error", partsSent: 2 }, NOW, policy);
    expect(t.delivery.partsSent).toBe(2);
    const u = transition(delivery("pending", { partsSent: 2 }), { type: "transient", error: "Internal Server Error", partsSent: 0 }, NOW, policy);
    expect(u.delivery.partsSent).toBe(2);
  });
});

describe("an attempt that may have been delivered", () => {
  it("is not tried again before the uncertain window (a timed-out photo), however short its back-off", () => {
    const t = transition(delivery("pending"), { type: "transient", error: "timeout", maybeDelivered: true }, NOW, policy);
    expect(t.delivery.state).toBe("pending");
    expect(t.retryInMs).toBe(10 * 60_000);
    expect(t.delivery.nextAttemptAt).toBe(new Date(NOW.getTime() + 10 * 60_000).toISOString());
  });
});
