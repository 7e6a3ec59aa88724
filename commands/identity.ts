// Accounts, roles and invite codes: who a person is to the bot and how they join a unit.
import { randomInt } from "node:crypto";
import type { Account, AccountKey, Data, Invite, Role } from "../storage/schema.js";
import { type Store, StoreWriteFailed } from "../storage/store.js";
import { type Request, UserError } from "./types.js";
import { clip, MAX_NAME_LENGTH } from "../src/lib/text.js";

/** Crockford's base32: no I, L, O, U, so codes read aloud or typed from paper stay unambiguous. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 10 symbols of 32 = 50 bits: far beyond guessing, short enough to type from a letter. */
const CODE_LENGTH = 10;
export const ORGANIZER_TARGET = "organizer";

/** Wrong codes allowed before the account is slowed down. */
const FREE_ATTEMPTS = 5;
const MAX_BLOCK_MS = 60 * 60 * 1000;

export function accountKey(channel: string, userId: string): AccountKey {
  return `${channel}:${userId}`;
}

export function newCode(): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** How a code is printed: two groups of five ("7KQ2M-X9D4R"). */
export function displayCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Upper case, without spaces or dashes: what people type is compared in this form. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

/** For logs: never a whole code. */
export function maskCode(code: string): string {
  return `${code.slice(0, 2)}…`;
}

export function roleOf(account: Account, organizerIds: Set<string>): Role {
  if (account.organizer || organizerIds.has(account.key)) return "organizer";
  if (account.unitId) return "delegate";
  return "guest";
}

export function activeInvite(data: Data, target: string): Invite | undefined {
  return data.invites.find((i) => i.target === target && !i.revokedAt);
}

/**
 * The account of the person behind a request, created on first contact. Writes only when
 * something changed (a new account, a new name, an account that was unreachable writes again).
 */
export async function ensureAccount(store: Store, req: Request, now: Date, defaultLanguage: string): Promise<Account> {
  const key = accountKey(req.channel, req.userId);
  const existing = store.data.accounts[key];
  const name = clip(req.displayName, MAX_NAME_LENGTH);
  if (existing && existing.displayName === name && !existing.unreachableSince && existing.chatId === req.chatId) return existing;
  const lang = req.language?.toLowerCase().startsWith("en") ? "en" : defaultLanguage;
  const fresh: Account = { key, channel: req.channel, userId: req.userId, chatId: req.chatId, displayName: name, language: lang, lastSeenAt: now.toISOString() };
  const saving = store.mutate((d) => {
    const a = d.accounts[key];
    if (a) {
      a.displayName = name;
      a.chatId = req.chatId;
      delete a.unreachableSince;
      return a;
    }
    d.accounts[key] = { ...fresh };
    return d.accounts[key] as Account;
  });
  try {
    return await saving;
  } catch (err) {
    // A disk that fails must not stop people from reading the agenda: go on with the account as
    // it would be; any command that changes something will fail to save and say so.
    if (err instanceof StoreWriteFailed) return existing ?? fresh;
    throw err;
  }
}

export type Redeemed = { kind: "unit"; unitId: string } | { kind: "organizer" };

/**
 * Redeems a code for an account. A wrong or revoked code counts as a failure; after a few, the
 * account must wait (doubling, capped at an hour) before it may try again.
 */
export async function redeemCode(store: Store, key: AccountKey, typed: string, now: Date): Promise<Redeemed> {
  const code = normalizeCode(typed);
  const failed = store.data.failedCodes[key];
  if (failed?.blockedUntil && new Date(failed.blockedUntil) > now) {
    const seconds = Math.ceil((new Date(failed.blockedUntil).getTime() - now.getTime()) / 1000);
    throw new UserError("code-slow-down", { seconds });
  }
  const invite = store.data.invites.find((i) => i.code === code);
  if (!invite || invite.revokedAt) {
    await store.mutate((d) => {
      const f = d.failedCodes[key] ?? { count: 0 };
      f.count += 1;
      if (f.count >= FREE_ATTEMPTS) {
        const ms = Math.min(MAX_BLOCK_MS, 30_000 * 2 ** (f.count - FREE_ATTEMPTS));
        f.blockedUntil = new Date(now.getTime() + ms).toISOString();
      }
      d.failedCodes[key] = f;
    });
    throw new UserError(invite ? "code-revoked" : /^[0-9A-Z]{10}$/.test(code) ? "code-wrong" : "code-malformed");
  }
  return store.mutate((d) => {
    const a = d.accounts[key];
    if (!a) throw new Error(`no account ${key}`);
    delete d.failedCodes[key];
    a.joinedAt = now.toISOString();
    if (invite.target === ORGANIZER_TARGET) {
      a.organizer = true;
      return { kind: "organizer" } as const;
    }
    a.unitId = invite.target;
    return { kind: "unit", unitId: invite.target } as const;
  });
}

/** Issues a code for every target that has none; returns the active codes by target. */
export async function ensureInvites(store: Store, targets: string[], now: Date): Promise<Map<string, Invite>> {
  const missing = targets.filter((t) => !activeInvite(store.data, t));
  if (missing.length > 0) {
    await store.mutate((d) => {
      const used = new Set(d.invites.map((i) => i.code));
      for (const target of missing) {
        let code = newCode();
        while (used.has(code)) code = newCode();
        used.add(code);
        d.invites.push({ code, target, issuedAt: now.toISOString() });
      }
    });
  }
  return new Map(targets.map((t) => [t, activeInvite(store.data, t) as Invite]));
}

/** Revokes a target's active code and issues a new one (the old one is refused from now on). */
export async function reissueInvite(store: Store, target: string, now: Date, revokeOnly = false): Promise<Invite | undefined> {
  return store.mutate((d) => {
    for (const i of d.invites) if (i.target === target && !i.revokedAt) i.revokedAt = now.toISOString();
    if (revokeOnly) return undefined;
    const used = new Set(d.invites.map((i) => i.code));
    let code = newCode();
    while (used.has(code)) code = newCode();
    const invite = { code, target, issuedAt: now.toISOString() };
    d.invites.push(invite);
    return invite;
  });
}
