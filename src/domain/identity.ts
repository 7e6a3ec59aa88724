// Who a person is to the bot: accounts, roles, invite codes (issue, display, redeem, reissue, revoke),
// and the slow-downs that make guessing a code hopeless, per account and for the whole bot.
import { clip, writable } from "../lib/text.js";
import { randomInt } from "node:crypto";
import type { Account, AccountKey, Channel, Data, Invite, Role } from "../../storage/schema.js";
import { type Store, StoreWriteFailed } from "../../storage/store.js";
import type { Unit } from "../conference/schema.js";
import { NotAllowed, UserError } from "./errors.js";
import { unitAddress } from "./units.js";

/** Crockford's base32: no I, L, O, U, so codes read aloud or typed from paper stay unambiguous. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** 10 symbols of 32 = 50 bits: far beyond guessing, short enough to type from a letter. */
const CODE_LENGTH = 10;
/** The invite target of the organizers' code (a unit id otherwise). */
export const ORGANIZER_TARGET = "organizer";

/** Wrong codes one account may type before it is slowed down. */
export const FREE_ATTEMPTS = 5;
/** The longest an account waits after wrong codes (the wait doubles up to this). */
const MAX_BLOCK_MS = 60 * 60 * 1000;
/** Longest display name kept. */
export const MAX_DISPLAY_NAME = 128;

// ---- Accounts and roles ----

export function accountKey(channel: string, userId: string): AccountKey {
  return `${channel}:${userId}`;
}

/** How a person reaches the bot, as a channel reports it with each message. */
export interface Contact {
  channel: Channel;
  userId: string;
  chatId: string;
  displayName: string;
  /** The platform's language code ("vi", "en-US"), if known. */
  language?: string;
}

/** Organizer by an organizer code or by ORGANIZER_IDS; delegate once joined to a unit; guest otherwise. */
export function roleOf(account: Account, organizerIds: Set<string>): Role {
  if (account.organizer || organizerIds.has(account.key)) return "organizer";
  if (account.unitId) return "delegate";
  return "guest";
}

/** Every account that is an organizer now (by code or by ORGANIZER_IDS), in the order they joined. */
export function organizerAccounts(data: Data, organizerIds: Set<string>): Account[] {
  return Object.values(data.accounts).filter((a) => roleOf(a, organizerIds) === "organizer");
}

/** The name an account goes by, for lists (its key if it is gone). */
export function accountName(data: Data, key: string): string {
  return data.accounts[key]?.displayName ?? key;
}

/**
 * The account of the person behind a message, created on first contact. Writes only when
 * something changed (a new account, a new name or chat, an account that was unreachable writes again).
 * A disk that fails does not stop people from reading the agenda: the account is returned as it
 * would be, and any command that changes something will fail to save and say so.
 */
export async function ensureAccount(store: Store, contact: Contact, now: Date, defaultLanguage: string): Promise<Account> {
  const key = accountKey(contact.channel, contact.userId);
  const existing = store.data.accounts[key];
  const name = clip(writable(contact.displayName), MAX_DISPLAY_NAME);
  if (existing && existing.displayName === name && !existing.unreachableSince && existing.chatId === contact.chatId) return existing;
  const language = contact.language?.toLowerCase().startsWith("en") ? "en" : defaultLanguage;
  const fresh: Account = {
    key,
    channel: contact.channel,
    userId: contact.userId,
    chatId: contact.chatId,
    displayName: name,
    language,
    lastSeenAt: now.toISOString(),
  };
  const saving = store.mutate((d) => {
    const a = d.accounts[key];
    if (a) {
      a.displayName = name;
      a.chatId = contact.chatId;
      delete a.unreachableSince;
      return a;
    }
    d.accounts[key] = { ...fresh };
    return d.accounts[key] as Account;
  });
  try {
    return await saving;
  } catch (err) {
    if (err instanceof StoreWriteFailed) return existing ?? fresh;
    throw err;
  }
}

/**
 * The console's own accounts: "console:<userId>" made a guest, a delegate of `unitId`, or an
 * organizer, without a code (whoever runs the console runs the bot). Keeps an existing account's name.
 */
export async function assumeConsoleRole(
  store: Store,
  input: { userId: string; name: string; language: string; role: Role; unitId?: string; now: Date },
): Promise<Account> {
  const key = accountKey("console", input.userId);
  return store.mutate((d) => {
    const account: Account = d.accounts[key] ?? {
      key,
      channel: "console",
      userId: input.userId,
      chatId: input.userId,
      displayName: input.name,
      language: input.language,
      lastSeenAt: input.now.toISOString(),
    };
    if (input.role === "delegate" && input.unitId) account.unitId = input.unitId;
    if (input.role === "organizer") account.organizer = true;
    d.accounts[key] = account;
    return account;
  });
}

// ---- Invite codes ----

/**
 * A new invite code: drawn again until it holds a letter and a digit (about one draw in forty has
 * none of one kind), so that no code reads as a word or a number, and a code typed one character off
 * is always told so (`isNearCode`).
 */
export function newCode(): string {
  for (;;) {
    let s = "";
    for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (/\d/.test(s) && /[A-Z]/.test(s)) return s;
  }
}

/** How a code is printed: two groups of five ("7KQ2M-X9D4R"). */
export function displayCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * Upper case, without spaces or dashes anywhere, O read as 0 and I or L as 1 (the alphabet has no
 * I, L, O, so nothing is lost): what people type is compared in this form.
 */
export function normalizeCode(typed: string): string {
  // Spaces, hyphens of every kind (- ‐ ‑ – —, as escapes: see scripts/bundle.mjs), underscores and dots.
  return typed.toUpperCase().replace(/[\s\-\u2010\u2011\u2013\u2014_.]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** Whether a typed code has the form of a code at all (10 letters and digits once normalized). */
export function isCodeShaped(typed: string): boolean {
  return /^[0-9A-Z]{10}$/.test(normalizeCode(typed));
}

/**
 * Whether typed text is a code one character off: 9 or 11 letters and digits once normalized (a
 * character missing or one too many), letters and digits both, typed as at most three groups
 * ("hap57 6fv2"). Such a text is never a code, so saying so tells a guesser nothing.
 */
export function isNearCode(typed: string): boolean {
  const groups = typed.trim().split(/[\s\-\u2010\u2011\u2013\u2014_.]+/).filter(Boolean);
  const code = normalizeCode(typed);
  return groups.length <= 3 && /^[0-9A-Z]{9}$|^[0-9A-Z]{11}$/.test(code) && /\d/.test(code) && /[A-Z]/.test(code);
}

/** For logs: never a whole code. */
export function maskCode(code: string): string {
  return `${code.slice(0, 2)}…`;
}

/** The code of a target (a unit id or ORGANIZER_TARGET) that works now, if any. */
export function activeInvite(data: Pick<Data, "invites">, target: string): Invite | undefined {
  return data.invites.find((i) => i.target === target && !i.revokedAt);
}

function uniqueCode(used: Set<string>): string {
  let code = newCode();
  while (used.has(code)) code = newCode();
  used.add(code);
  return code;
}

/** Issues a code for every target that has none; returns the active codes by target. */
export async function ensureInvites(store: Store, targets: string[], now: Date): Promise<Map<string, Invite>> {
  const missing = targets.filter((t) => !activeInvite(store.data, t));
  if (missing.length > 0) {
    await store.mutate((d) => {
      const used = new Set(d.invites.map((i) => i.code));
      for (const target of missing) {
        if (activeInvite(d, target)) continue;
        d.invites.push({ code: uniqueCode(used), target, issuedAt: now.toISOString() });
      }
    });
  }
  return new Map(targets.map((t) => [t, activeInvite(store.data, t) as Invite]));
}

/** Revokes a target's active code and issues a new one: the old one is refused from now on. */
export async function reissueInvite(store: Store, target: string, now: Date): Promise<Invite> {
  return store.mutate((d) => {
    for (const i of d.invites) if (i.target === target && !i.revokedAt) i.revokedAt = now.toISOString();
    const invite: Invite = { code: uniqueCode(new Set(d.invites.map((i) => i.code))), target, issuedAt: now.toISOString() };
    d.invites.push(invite);
    return invite;
  });
}

/** Revokes a target's active code without a new one; false when it had none to revoke. */
export async function revokeInvite(store: Store, target: string, now: Date): Promise<boolean> {
  if (!activeInvite(store.data, target)) return false;
  return store.mutate((d) => {
    const active = d.invites.filter((i) => i.target === target && !i.revokedAt);
    for (const i of active) i.revokedAt = now.toISOString();
    return active.length > 0;
  });
}

/**
 * Takes accounts out of a unit (an organizer removing a wrong or departed account): each becomes a
 * guest again; its answers and check-ins stay, they were the unit's. The rules, the same from the
 * chat (/mamoi go) and the desk: only an organizer; only accounts that belong to that unit now
 * (one that has left meanwhile is skipped); refused when none of them still does.
 * Returns the accounts as they were before.
 */
export async function removeFromUnit(store: Store, input: { unit: Unit; accounts: AccountKey[]; role: Role }): Promise<Account[]> {
  if (input.role !== "organizer") throw new NotAllowed("not-allowed-organizer");
  return store.mutate((d) => {
    const removed: Account[] = [];
    for (const key of input.accounts) {
      const a = d.accounts[key];
      if (!a || a.unitId !== input.unit.id) continue;
      removed.push({ ...a });
      delete a.unitId;
      delete a.joinedAt;
    }
    if (removed.length === 0) throw new UserError("invites-account-gone", { unit: unitAddress(input.unit) });
    return removed;
  });
}

// ---- Redeeming a code, and the slow-downs ----

export interface CodeGuardOptions {
  /** More wrong codes than this, from all accounts within `windowMs`, slow every attempt (default 100). */
  limit?: number;
  /** The window the wrong codes are counted in (default 10 minutes). */
  windowMs?: number;
  /** While slowed: at most one attempt, from anyone, is evaluated per this many ms (default 3 s). */
  spacingMs?: number;
}

/** What the organizers are told, once, when a guessing wave starts. */
export interface CodeAlarm {
  wrong: number;
  limit: number;
  windowMinutes: number;
}

/**
 * The bot-wide slow-down on wrong invite codes. Many accounts guessing together get past any
 * per-account limit; so, beyond `limit` wrong codes in `windowMs` from all accounts together,
 * attempts (right or wrong, from anyone) are evaluated at most one per `spacingMs` and the others
 * are told to wait. The count is kept in memory: a restart begins a fresh window. The alarm is
 * raised once per wave; a wave ends when the count falls to half the limit.
 */
export class CodeGuard {
  readonly limit: number;
  readonly windowMs: number;
  readonly spacingMs: number;
  private wrong: number[] = [];
  private lastAdmitted = Number.NEGATIVE_INFINITY;
  private alarmed = false;
  private pending: CodeAlarm | undefined;

  constructor(options: CodeGuardOptions = {}) {
    this.limit = options.limit ?? 100;
    this.windowMs = options.windowMs ?? 10 * 60_000;
    this.spacingMs = options.spacingMs ?? 3_000;
  }

  private count(now: Date): number {
    const since = now.getTime() - this.windowMs;
    let drop = 0;
    while (drop < this.wrong.length && (this.wrong[drop] as number) <= since) drop++;
    if (drop > 0) this.wrong.splice(0, drop);
    if (this.wrong.length <= this.limit / 2) this.alarmed = false;
    return this.wrong.length;
  }

  /** Whether wrong codes are above the limit now, so every attempt is slowed. */
  slowed(now: Date): boolean {
    return this.count(now) > this.limit;
  }

  /** 0 when an attempt may be evaluated now (taking the slot), else the ms to wait. */
  admit(now: Date): number {
    if (!this.slowed(now)) return 0;
    const wait = this.lastAdmitted + this.spacingMs - now.getTime();
    if (wait > 0) return wait;
    this.lastAdmitted = now.getTime();
    return 0;
  }

  /** Counts one wrong code; raises the alarm when this one crosses the limit. */
  recordWrong(now: Date): void {
    this.wrong.push(now.getTime());
    // Bounded: beyond a few times the limit, the oldest entries no longer change any decision.
    if (this.wrong.length > this.limit * 4) this.wrong.splice(0, this.wrong.length - this.limit * 4);
    const count = this.count(now);
    // Slowed from this wrong code on: the next attempt, from anyone, waits a full spacing.
    if (count > this.limit) this.lastAdmitted = Math.max(this.lastAdmitted, now.getTime());
    if (count > this.limit && !this.alarmed) {
      this.alarmed = true;
      this.pending = { wrong: count, limit: this.limit, windowMinutes: Math.round(this.windowMs / 60_000) };
    }
  }

  /** The alarm raised and not yet told, once: whoever takes it tells the organizers. */
  takeAlarm(): CodeAlarm | undefined {
    const alarm = this.pending;
    this.pending = undefined;
    return alarm;
  }
}

export type Redeemed =
  | { kind: "unit"; unitId: string; from?: string }
  | { kind: "organizer" }
  /** The code is another unit's than the account's: nothing changed until the move is confirmed. */
  | { kind: "move-asked"; from: string; to: string };

function slowDown(ms: number): UserError {
  return new UserError("code-slow-down", { seconds: Math.max(1, Math.ceil(ms / 1000)) });
}

/**
 * Redeems a code for an account: it joins the code's unit, or becomes an organizer.
 *
 * - A wrong and a revoked code get the same answer ("code-wrong"): the answer never tells a
 *   guesser that a code existed. Text that is no code at all is told the form of a code; a code
 *   one character short or long, that it is not right and how to check it ("code-not-right").
 * - Each of these counts against the account: after FREE_ATTEMPTS it must wait 30 s, doubling
 *   with each further wrong code, up to an hour. A right code clears the count.
 * - With a guard, each also counts against the whole bot (see CodeGuard).
 */
export async function redeemCode(store: Store, key: AccountKey, typed: string, now: Date, guard?: CodeGuard, options: { confirmMove?: boolean } = {}): Promise<Redeemed> {
  const code = normalizeCode(typed);
  const failed = store.data.failedCodes[key];
  if (failed?.blockedUntil && new Date(failed.blockedUntil) > now) {
    throw slowDown(new Date(failed.blockedUntil).getTime() - now.getTime());
  }
  const wait = guard?.admit(now) ?? 0;
  if (wait > 0) throw slowDown(wait);
  const invite = store.data.invites.find((i) => i.code === code);
  if (!invite || invite.revokedAt) {
    guard?.recordWrong(now);
    await store.mutate((d) => {
      const f = d.failedCodes[key] ?? { count: 0 };
      f.count += 1;
      if (f.count >= FREE_ATTEMPTS) {
        const ms = Math.min(MAX_BLOCK_MS, 30_000 * 2 ** (f.count - FREE_ATTEMPTS));
        f.blockedUntil = new Date(now.getTime() + ms).toISOString();
      }
      d.failedCodes[key] = f;
    });
    throw new UserError(/^[0-9A-Z]{10}$/.test(code) ? "code-wrong" : isNearCode(typed) ? "code-not-right" : "code-malformed");
  }
  // An account of one unit typing another unit's code moves only once it says so.
  const current = store.data.accounts[key]?.unitId;
  if (current && invite.target !== ORGANIZER_TARGET && invite.target !== current && !options.confirmMove) {
    return { kind: "move-asked", from: current, to: invite.target };
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
    const from = a.unitId && a.unitId !== invite.target ? a.unitId : undefined;
    a.unitId = invite.target;
    return { kind: "unit", unitId: invite.target, ...(from && { from }) } as const;
  });
}
