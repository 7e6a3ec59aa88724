// Signing in to the organizers' desk without passwords: one-time links (10 minutes), sessions
// (8 hours), the CSRF token of each session, and the slow-down on failed sign-in attempts.
//
// The slow-down never stands between an organizer and a good link: a link whose signature holds,
// unused and unexpired, always signs in. Failures are counted per link and per the account a signed
// link names, and per client address only as a second measure; being over a limit changes only how
// the next *failed* attempt is answered (429, and not logged again), so ten <img src=".../vao?t=x">
// on some page, or a crowd behind one proxy address, cannot keep anyone out.
//
// A link is signed with a key kept in DATA_DIR (desk.key, readable by the bot's user only), so
// `hoinghi desk-link` can issue one while the bot holds the store. A used link is remembered by its
// hash only (in DATA_DIR/desk-links-used.json, so a restart does not make it usable again); sessions
// live in memory by the hash of their token: a restart signs everyone out. Nothing here keeps or logs
// a whole token.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AccountKey } from "../../storage/schema.js";

/** How long a sign-in link may be opened. */
export const LINK_TTL_MS = 10 * 60_000;
/** How long a desk session lasts. */
export const SESSION_TTL_MS = 8 * 60 * 60_000;
/** Failed sign-ins of one link, one account or one address before further failures are answered 429. */
export const SIGN_IN_LIMIT = 10;
/** How many link, account and address counters are kept at most (the oldest are forgotten first). */
const MAX_FAILURE_KEYS = 5_000;
/** A used link presented again within this time was most likely a double click. */
export const JUST_USED_MS = 2 * 60_000;
/** The window failed sign-ins are counted in. */
export const SIGN_IN_WINDOW_MS = 10 * 60_000;

const KEY_FILE = "desk.key";
const USED_FILE = "desk-links-used.json";

/** The signing key of DATA_DIR, made on first use. */
export function deskKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64url");
    if (key.length >= 32) return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64url"), { mode: 0o600 });
  return key;
}

/** SHA-256 of a token, hex: the only form a token is kept in. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** For logs: never a whole token. */
export function maskToken(token: string): string {
  return `${token.slice(0, 4)}…`;
}

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}

/**
 * The desk pages a sign-in link may lead to, by name: a link carries the name (signed with it), never
 * an address, and the address is only ever looked up here, so no link can send anyone elsewhere.
 */
export const DESK_TARGETS = {
  overview: "/",
  /** Chỉ số CCHC: upload the table, confirm, publish (/nhapdiem). */
  scores: "/chi-so",
  /** Tải về: the letters, the list of delegates, the workbook (/giaymoi, /danhsach, /xuat). */
  downloads: "/tai-ve",
  /** Tham luận: the speeches to review (/duyet). */
  speeches: "/tham-luan",
} as const;
export type DeskTarget = keyof typeof DESK_TARGETS;

/** The page of a target name; anything not in DESK_TARGETS is the overview. */
export function deskTargetPath(target: unknown): string {
  return typeof target === "string" && Object.hasOwn(DESK_TARGETS, target) ? DESK_TARGETS[target as DeskTarget] : DESK_TARGETS.overview;
}

/** A one-time sign-in token for `account`, valid LINK_TTL_MS from `now`, leading to `target` once used. */
export function issueSignInToken(key: Buffer, account: AccountKey, now: Date, target: DeskTarget = "overview"): string {
  const payload = { a: account, e: now.getTime() + LINK_TTL_MS, n: randomBytes(16).toString("base64url"), ...(target === "overview" ? {} : { p: target }) };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(key, body)}`;
}

export type LinkRefusal = "forged" | "expired" | "used" | "just-used";
export type LinkCheck = { ok: true; account: AccountKey; target: DeskTarget } | { ok: false; reason: LinkRefusal };

/** What a session knows: whose it is, until when, and the token its forms carry. */
export interface DeskSession {
  account: AccountKey;
  expiresAt: number;
  csrf: string;
}

/** Compares two strings in constant time (for equal lengths). */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The desk's sign-ins. Rules: a link is refused if its signature is wrong (forged), after 10
 * minutes (expired), or once it was used (used; "just-used" in the two minutes after, which is what
 * a double-clicked button sees); a session ends after 8 hours or on sign-out.
 */
export class DeskSessions {
  private readonly sessions = new Map<string, DeskSession>();
  private readonly used = new Map<string, number>();
  /** When each link was used by this process (for "just used": a double click), forgotten with the link. */
  private readonly usedAt = new Map<string, number>();
  private readonly failures = new Map<string, number[]>();
  private readonly usedFile: string | undefined;

  constructor(
    private readonly key: Buffer,
    options: { dataDir?: string } = {},
  ) {
    this.usedFile = options.dataDir ? path.join(options.dataDir, USED_FILE) : undefined;
    if (this.usedFile && existsSync(this.usedFile)) {
      try {
        const saved = JSON.parse(readFileSync(this.usedFile, "utf8")) as Record<string, number>;
        for (const [hash, expires] of Object.entries(saved)) if (typeof expires === "number") this.used.set(hash, expires);
      } catch {
        // A damaged file only forgets used links that expire within 10 minutes anyway.
      }
    }
  }

  /** The account and expiry a token's signature vouches for, or undefined (forged). Checked before anything else. */
  private verify(token: string): { account: AccountKey; expires: number; target: DeskTarget } | undefined {
    const [body, mac, extra] = token.split(".");
    if (!body || !mac || extra !== undefined || !sameSecret(mac, sign(this.key, body))) return undefined;
    let payload: { a?: unknown; e?: unknown; p?: unknown };
    try {
      payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    if (typeof payload.a !== "string" || typeof payload.e !== "number") return undefined;
    // A name not in the list (a link of a newer version, say) leads to the overview.
    const target = typeof payload.p === "string" && Object.hasOwn(DESK_TARGETS, payload.p) ? (payload.p as DeskTarget) : "overview";
    return { account: payload.a, expires: payload.e, target };
  }

  /** Checks a link's token without using it. */
  check(token: string, now: Date): LinkCheck & { expires?: number } {
    const signed = this.verify(token);
    if (!signed) return { ok: false, reason: "forged" };
    const usedAt = this.usedAt.get(hashToken(token));
    if (usedAt !== undefined && now.getTime() - usedAt < JUST_USED_MS) return { ok: false, reason: "just-used" };
    if (this.used.has(hashToken(token))) return { ok: false, reason: "used" };
    if (signed.expires <= now.getTime()) return { ok: false, reason: "expired" };
    return { ok: true, account: signed.account, expires: signed.expires, target: signed.target };
  }

  /** Uses a link: on success it can never be used again, and a session is opened. */
  redeem(token: string, now: Date): { ok: true; account: AccountKey; target: DeskTarget; session: string; data: DeskSession } | { ok: false; reason: LinkRefusal } {
    const checked = this.check(token, now);
    if (!checked.ok) return checked;
    this.used.set(hashToken(token), checked.expires as number);
    this.usedAt.set(hashToken(token), now.getTime());
    this.saveUsed(now);
    const { token: session, data } = this.open(checked.account, now);
    return { ok: true, account: checked.account, target: checked.target, session, data };
  }

  /** Opens a session for an account; returns its token (for the cookie) once. */
  open(account: AccountKey, now: Date): { token: string; data: DeskSession } {
    const token = randomBytes(32).toString("base64url");
    const data: DeskSession = { account, expiresAt: now.getTime() + SESSION_TTL_MS, csrf: randomBytes(24).toString("base64url") };
    this.sessions.set(hashToken(token), data);
    return { token, data };
  }

  /** The session of a cookie's token, if it is open and not expired. */
  find(token: string | undefined, now: Date): DeskSession | undefined {
    if (!token) return undefined;
    const hash = hashToken(token);
    const s = this.sessions.get(hash);
    if (!s) return undefined;
    if (s.expiresAt <= now.getTime()) {
      this.sessions.delete(hash);
      return undefined;
    }
    return s;
  }

  /** Ends a session (sign-out). */
  close(token: string | undefined): void {
    if (token) this.sessions.delete(hashToken(token));
  }

  /** The page a link whose signature holds leads to (whether used or not); undefined for a forged one. */
  targetOf(token: string): DeskTarget | undefined {
    return this.verify(token)?.target;
  }

  /**
   * What a refused attempt with `token` from `address` is counted against: the link and the account
   * it names when its signature holds, and the address.
   */
  failureKeys(token: string, address: string): string[] {
    const signed = this.verify(token);
    const keys = signed ? [`link:${hashToken(token)}`, `account:${signed.account}`] : [];
    return [...keys, `address:${address}`];
  }

  /** Whether any of `keys` failed too often lately. Asked only about an attempt already refused. */
  limited(keys: string | string[], now: Date): boolean {
    return ([] as string[]).concat(keys).some((k) => this.recent(k, now).length >= SIGN_IN_LIMIT);
  }

  /** Counts a refused sign-in against each of `keys`. */
  recordFailure(keys: string | string[], now: Date): void {
    for (const key of ([] as string[]).concat(keys)) {
      const times = [...this.recent(key, now), now.getTime()].slice(-SIGN_IN_LIMIT);
      this.failures.delete(key);
      this.failures.set(key, times);
    }
    // Bounded: the counters touched least recently go first (a Map keeps insertion order).
    for (const key of this.failures.keys()) {
      if (this.failures.size <= MAX_FAILURE_KEYS) break;
      this.failures.delete(key);
    }
  }

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - SIGN_IN_WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }

  private saveUsed(now: Date): void {
    for (const [hash, expires] of this.used) {
      if (expires > now.getTime()) continue;
      this.used.delete(hash);
      this.usedAt.delete(hash);
    }
    if (!this.usedFile) return;
    const tmp = `${this.usedFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(Object.fromEntries(this.used)), { mode: 0o600 });
    renameSync(tmp, this.usedFile);
  }
}

/** The address of the desk's sign-in page for a token. */
export function signInUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/ban-to-chuc/vao?t=${encodeURIComponent(token)}`;
}
