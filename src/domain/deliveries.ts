// Deliveries: the state machine of one delivery (a pure transition) and the named store changes of an attempt: announce, part sent, outcome, report.
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
import { archivedDeliveries, writeArchive } from "../../storage/archive.js";
import type { AccountKey, Channel, CompactedCounts, Data, Delivery, DeliveryCounts, DeliveryState, Notice, StoredStep } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { countSentMessages } from "./notices.js";

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

// --- the store changes of an attempt -------------------------------------------------------

/** Finds a delivery by its key ("notice|account") in the data being changed. */
export type Locate = (d: Data, key: string) => Delivery | undefined;

/** Puts `next` in place of `x`, fields removed included (the store keeps the same object). */
function replaceFields(x: Delivery, next: Delivery): void {
  for (const k of Object.keys(x) as Array<keyof Delivery>) if (!(k in next)) delete x[k];
  Object.assign(x, next);
}

/**
 * Announces an attempt before anything is sent: after a crash, a delivery with attemptAt may have
 * arrived; one without it certainly did not. The notice's choices become the account's session
 * choices, so a typed number runs them. Returns false when the delivery is no longer pending.
 */
export async function announceAttempt(
  store: Store,
  locate: Locate,
  key: string,
  account: AccountKey,
  now: Date,
  offered?: { setId: string; steps: StoredStep[] },
): Promise<boolean> {
  const nowIso = now.toISOString();
  return store.mutate((d) => {
    const x = locate(d, key);
    if (x?.state !== "pending") return false;
    x.attempts += 1;
    x.attemptAt = nowIso;
    if (offered) {
      const s = d.sessions[account] ?? {};
      s.choices = { setId: offered.setId, steps: offered.steps, offeredAt: nowIso };
      d.sessions[account] = s;
    }
    return true;
  });
}

/** A part of a delivery the platform accepted: a retry resumes after it. */
export async function recordPartSent(store: Store, locate: Locate, key: string, partsSent: number): Promise<void> {
  await store.mutate((d) => {
    const x = locate(d, key);
    if (x?.state === "pending" && (x.partsSent ?? 0) < partsSent) x.partsSent = partsSent;
  });
}

/**
 * Writes what an attempt came to, through `transition`: the delivery's new state, the account
 * marked unreachable when the person blocked the bot, the messages counted for the month when
 * sent. `inside` runs within the same change with the transition (the outbox's counters).
 */
export async function recordOutcome(
  store: Store,
  locate: Locate,
  input: { key: string; account: AccountKey; channel: Channel; outcome: Outcome; now: Date; policy: RetryPolicy; messages: number },
  inside: (t: Transition) => void = () => {},
): Promise<Transition | undefined> {
  return store.mutate((d) => {
    const x = locate(d, input.key);
    if (!x) return undefined;
    const t = transition(x, input.outcome, input.now, input.policy);
    if (t.delivery === x) return undefined;
    replaceFields(x, t.delivery);
    t.delivery = x;
    if (t.accountUnreachable) {
      const a = d.accounts[input.account];
      if (a && !a.unreachableSince) a.unreachableSince = input.now.toISOString();
    }
    if (x.state === "sent") countSentMessages(d, input.channel, input.messages, input.now);
    inside(t);
    return t;
  });
}


// --- figures and compaction -------------------------------------------------------------------

const zero = (): DeliveryCounts => ({ total: 0, pending: 0, sent: 0, failed: 0, unreachable: 0, skipped: 0, acked: 0 });

/** No delivery counted yet, overall and per channel. */
export function zeroCounts(): CompactedCounts {
  return { ...zero(), byChannel: { telegram: zero(), zalo: zero(), console: zero() } };
}

/** Counts one delivery into a notice's figures (its state, its channel, its "Đã nhận"): the one definition of a notice's figures. */
export function countDelivery(c: CompactedCounts, d: Delivery): void {
  const channel = (d.account.split(":")[0] ?? "console") as Channel;
  const ch = c.byChannel[channel] ?? c.byChannel.console;
  for (const target of [c, ch]) {
    target.total += 1;
    target[d.state satisfies DeliveryState] += 1;
    if (d.ackAt) target.acked += 1;
  }
}

/**
 * How long after its final count (or, for a notice that reports none, its sending time) a notice's
 * deliveries stay in the store. A family (a notice and its resends) with a parked delivery (failed,
 * which organizers may try again) keeps them for days; one whose every delivery settled (sent,
 * unreachable, skipped) for a few hours, the organizers' first look at who acknowledged. Then they
 * are archived and the notice keeps its figures: a later "Đã nhận" still counts (kept beside the
 * archive, then folded into it), and "resend to those who have not acknowledged" reads the archive.
 */
export const COMPACT_AFTER_DAYS = { ackable: 30, other: 7 } as const;
export const SETTLED_AFTER_HOURS = 6;

/**
 * Notices whose deliveries can be compacted at `now`, by family (a notice with its resends, whose
 * acknowledgements count together): every delivery of the family final, and every member past its
 * window. Compacted families are left out.
 */
export function compactableNotices(data: Data, now: Date): string[] {
  const live = new Map<string, { pending: boolean }>();
  for (const d of data.deliveries) {
    const s = live.get(d.noticeId) ?? { pending: false };
    if (d.state === "pending") s.pending = true;
    live.set(d.noticeId, s);
  }
  const families = new Map<string, Notice[]>();
  for (const n of data.notices) {
    const root = n.resendOf ?? n.id;
    families.set(root, [...(families.get(root) ?? []), n]);
  }
  const parked = new Set(data.deliveries.filter((d) => d.state === "failed").map((d) => d.noticeId));
  const due = (n: Notice, settled: boolean) => {
    const wait = settled ? SETTLED_AFTER_HOURS * 3_600_000 : (n.ackable ? COMPACT_AFTER_DAYS.ackable : COMPACT_AFTER_DAYS.other) * 86_400_000;
    return !live.get(n.id)?.pending && Date.parse(n.reportedAt ?? n.sendAt) + wait <= now.getTime();
  };
  const out: string[] = [];
  for (const family of families.values()) {
    const withDeliveries = family.filter((n) => live.has(n.id) && !n.compacted);
    const settled = family.every((n) => !parked.has(n.id));
    if (withDeliveries.length > 0 && family.every((n) => !live.has(n.id) || n.compacted || due(n, settled))) out.push(...withDeliveries.map((n) => n.id));
  }
  return out;
}

/**
 * Compacts what is due at `now`: each notice's deliveries are archived (written once, durably,
 * beside the store: storage/archive.ts), then, in one change, its figures are kept on the notice
 * (`compacted`) and its deliveries leave the store. A notice whose deliveries changed between the
 * two (a late acknowledgement) is left for the next round. Returns the notices compacted.
 */
export async function compactDeliveries(store: Store, now: Date): Promise<string[]> {
  await foldLateAcks(store);
  const ids = compactableNotices(store.data, now);
  if (ids.length === 0) return [];
  const at = now.toISOString();
  const archived = new Map<string, string>();
  for (const id of ids) {
    const deliveries = store.data.deliveries.filter((d) => d.noticeId === id);
    await writeArchive(store.file, { noticeId: id, compactedAt: at, deliveries });
    archived.set(id, JSON.stringify(deliveries));
  }
  return store.mutate((d) => {
    const mine = new Map<string, Delivery[]>();
    for (const x of d.deliveries) if (archived.has(x.noticeId)) mine.set(x.noticeId, [...(mine.get(x.noticeId) ?? []), x]);
    const done = new Set([...archived].filter(([id, text]) => JSON.stringify(mine.get(id) ?? []) === text).map(([id]) => id));
    if (done.size === 0) return [];
    for (const n of d.notices) {
      if (!done.has(n.id)) continue;
      const counts = zeroCounts();
      for (const x of mine.get(n.id) ?? []) countDelivery(counts, x);
      n.compacted = { at, counts };
    }
    d.deliveries = d.deliveries.filter((x) => !done.has(x.noticeId));
    return [...done];
  });
}

/**
 * The acknowledgements that came after their notice was compacted (kept in the store beside the
 * archive): written into the archive (durably, first), then, in one change, counted on the notice and
 * taken out of the store. One that changed meanwhile waits for the next round.
 */
export async function foldLateAcks(store: Store): Promise<number> {
  const compacted = new Set(store.data.notices.filter((n) => n.compacted).map((n) => n.id));
  const late = new Map<string, Delivery[]>();
  for (const d of store.data.deliveries) if (compacted.has(d.noticeId)) late.set(d.noticeId, [...(late.get(d.noticeId) ?? []), d]);
  if (late.size === 0) return 0;
  const folded = new Map<string, string>();
  for (const [id, acks] of late) {
    const notice = store.data.notices.find((n) => n.id === id) as Notice;
    const byAccount = new Map(acks.map((d) => [d.account, d] as const));
    const deliveries = archivedDeliveries(store.data, id).map((d) => byAccount.get(d.account) ?? d);
    await writeArchive(store.file, { noticeId: id, compactedAt: notice.compacted?.at ?? "", deliveries });
    folded.set(id, JSON.stringify(acks));
  }
  return store.mutate((d) => {
    let count = 0;
    for (const n of d.notices) {
      const seen = folded.get(n.id);
      const mine = d.deliveries.filter((x) => x.noticeId === n.id);
      if (!seen || !n.compacted || JSON.stringify(mine) !== seen) continue;
      for (const x of mine) {
        if (!x.ackAt) continue;
        const channel = (x.account.split(":")[0] ?? "console") as Channel;
        n.compacted.counts.acked += 1;
        (n.compacted.counts.byChannel[channel] ?? n.compacted.counts.byChannel.console).acked += 1;
      }
      count += mine.length;
      folded.set(n.id, "done");
    }
    const done = new Set([...folded].filter(([, v]) => v === "done").map(([k]) => k));
    if (done.size > 0) d.deliveries = d.deliveries.filter((x) => !done.has(x.noticeId));
    return count;
  });
}
