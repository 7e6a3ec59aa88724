// Fakes for the notices tests: many delegate accounts at once, and channel senders that fail the way platforms do.
import { deliveriesOf } from "../../src/domain/notices.js";
import type { Reply } from "../../src/messages/types.js";
import type { App } from "../../src/app/app.js";
import { type ChannelSender, DeliveryError } from "../../src/outbox/notifier.js";
import type { Account, Channel } from "../../storage/schema.js";

/**
 * Adds `count` delegate accounts on `channel`, spread over the conference's units; returns their
 * keys. Ids are `prefix` + n, or numbers from `prefix` on when it is a number (Telegram chat ids).
 */
export async function seedDelegates(app: App, count: number, channel: Channel, prefix: string | number = "p"): Promise<string[]> {
  const units = app.services.conference.units();
  const keys: string[] = [];
  await app.store.mutate((d) => {
    for (let i = 0; i < count; i++) {
      const userId = typeof prefix === "number" ? String(prefix + i) : `${prefix}${i}`;
      const key = `${channel}:${userId}`;
      const account: Account = {
        key,
        channel,
        userId,
        chatId: userId,
        displayName: `Đại biểu ${i}`,
        language: "vi",
        unitId: (units[i % units.length] as { id: string }).id,
        joinedAt: "2027-05-01T00:00:00.000Z",
      };
      d.accounts[key] = account;
      keys.push(key);
    }
  });
  return keys;
}

/** A small deterministic random source (mulberry32), so a failing run can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultPlan {
  /** Accounts that blocked the bot: every send to them is refused as "blocked" (403). */
  blocked?: Set<string>;
  /** Accounts whose every send fails with a server error (500): they end up `failed`. */
  broken?: Set<string>;
  /** Share of sends refused with retry_after (429). */
  retryAfter?: number;
  /** Share of sends that fail with a server error (500). */
  transient?: number;
  /** Share of sends whose connection drops before the platform took the message. */
  dropped?: number;
  random?: () => number;
  /** Milliseconds the platform takes to answer. */
  latencyMs?: number;
}

export interface FakePlatform {
  sender: ChannelSender;
  /** Copies each account received (only those the platform accepted). */
  copies: Map<string, number>;
  /** Each accepted send, in order, with the time it was accepted (performance.now). */
  accepted: Array<{ account: string; chat: string; at: number; replies: Reply[] }>;
  calls: number;
  /** When each call started (performance.now), with its chat: what the outbox's pace governs. */
  started: Array<{ chat: string; at: number }>;
  faults: { retryAfter: number; blocked: number; transient: number; dropped: number };
}

/** A channel sender against a platform that injects the failures of `plan`. */
export function fakePlatform(plan: FaultPlan = {}): FakePlatform {
  const random = plan.random ?? seeded(7);
  const p: FakePlatform = {
    copies: new Map(),
    accepted: [],
    calls: 0,
    started: [],
    faults: { retryAfter: 0, blocked: 0, transient: 0, dropped: 0 },
    sender: async (account, replies) => {
      p.calls += 1;
      p.started.push({ chat: account.chatId, at: performance.now() });
      if (plan.latencyMs) await new Promise((r) => setTimeout(r, plan.latencyMs));
      if (plan.blocked?.has(account.key)) {
        p.faults.blocked += 1;
        throw new DeliveryError("blocked", "Forbidden: bot was blocked by the user");
      }
      if (plan.broken?.has(account.key)) {
        p.faults.transient += 1;
        throw new DeliveryError("transient", "Internal Server Error");
      }
      const r = random();
      let edge = plan.retryAfter ?? 0;
      if (r < edge) {
        p.faults.retryAfter += 1;
        throw new DeliveryError("retry_after", "Too Many Requests: retry after 2", 2);
      }
      edge += plan.transient ?? 0;
      if (r < edge) {
        p.faults.transient += 1;
        throw new DeliveryError("transient", "Internal Server Error");
      }
      edge += plan.dropped ?? 0;
      if (r < edge) {
        p.faults.dropped += 1;
        // Not a DeliveryError: a connection reset the channel did not classify.
        throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
      }
      p.copies.set(account.key, (p.copies.get(account.key) ?? 0) + 1);
      p.accepted.push({ account: account.key, chat: account.chatId, at: performance.now(), replies });
    },
  };
  return p;
}

/** The notice's deliveries by state. */
export function states(app: App, noticeId: string): Record<string, number> {
  const out: Record<string, number> = {};
  // Live or archived with its compacted notice (src/domain/notices.ts deliveriesOf).
  for (const d of deliveriesOf(app.store.data, new Set([noticeId]))) out[d.state] = (out[d.state] ?? 0) + 1;
  return out;
}

/** The id of the newest notice an organizer wrote (not a count report, which is a "result" notice to the author). */
export function lastNotice(app: App): string {
  const n = app.store.data.notices.filter((x) => x.kind !== "result").at(-1);
  if (!n) throw new Error("no notice");
  return n.id;
}

/** Texts a fake platform accepted for one account. */
export function textsFor(p: FakePlatform, account: string): string[] {
  return p.accepted.filter((a) => a.account === account).map((a) => a.replies.map((r) => ("text" in r ? r.text : `[${r.kind}]`)).join("\n"));
}
