// Personal upload links: a capability for one account of one unit to hand in files for one purpose
// (a unit's speech, its remediation plan, a task's evidence, its comment on the draft conclusions),
// until it expires. Signed with HMAC-SHA256 under a
// key from the configuration (UPLOAD_LINK_SECRET), or, without one, a key derived from DATA_DIR's
// desk key, so that a link issued by one process holds in another. Nothing here keeps or logs a
// whole token: a link is only ever shown to the person it was issued to.
import { createHmac, randomBytes } from "node:crypto";
import * as z from "zod";
import type { AccountKey } from "../../storage/schema.js";
import { deskKey, sameSecret } from "./desk-sessions.js";

/**
 * What a link is for. Each purpose names what an upload through it becomes: the unit's speech's next
 * version, its remediation plan's next version, evidence of one of its tasks (the task's number
 * rides in the grant), or its comment on the draft conclusions sent to it for comments.
 */
export const UPLOAD_PURPOSES = ["speech", "remediation", "task", "conclusions-comment"] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/** How long an upload link may be used: a commune may need a couple of days to finish its Word file. */
export const UPLOAD_LINK_TTL_MS = 3 * 24 * 60 * 60_000;

/** What a link grants: who, for which unit, for what, until when (ms since the epoch). */
export interface UploadGrant {
  account: AccountKey;
  unitId: string;
  purpose: UploadPurpose;
  /** For purpose "task": the task's number. */
  task?: number;
  /** The conference it hands files to (issue 26); absent in links issued before: the bot's first. */
  conference?: string;
  expires: number;
}

const Payload = z
  .object({ a: z.string().min(1), u: z.string().min(1), p: z.enum(UPLOAD_PURPOSES), k: z.number().int().min(1).optional(), c: z.string().regex(/^[a-z0-9_-]+$/).optional(), e: z.number().int(), n: z.string() })
  .strict();

/** The signing key: UPLOAD_LINK_SECRET when configured, else derived from DATA_DIR's desk key (never the desk key itself). */
export function uploadKey(dataDir: string, secret?: string): Buffer {
  if (secret) return Buffer.from(secret, "utf8");
  return createHmac("sha256", deskKey(dataDir)).update("hoinghi upload links v1").digest();
}

function sign(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(`upload.${body}`).digest("base64url");
}

/** A link's token for `grant`, valid UPLOAD_LINK_TTL_MS from `now`. */
export function issueUploadToken(key: Buffer, grant: Omit<UploadGrant, "expires">, now: Date): string {
  const payload = {
    a: grant.account,
    u: grant.unitId,
    p: grant.purpose,
    ...(grant.task !== undefined && { k: grant.task }),
    ...(grant.conference !== undefined && { c: grant.conference }),
    e: now.getTime() + UPLOAD_LINK_TTL_MS,
    n: randomBytes(9).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${sign(key, body)}`;
}

export type UploadLinkCheck = { ok: true; grant: UploadGrant } | { ok: false; reason: "forged" | "expired" };

/** Checks a token: its signature first (a token changed in any character is forged), then its time. */
export function checkUploadToken(key: Buffer, token: string, now: Date): UploadLinkCheck {
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined || !sameSecret(mac, sign(key, body))) return { ok: false, reason: "forged" };
  let parsed: z.infer<typeof Payload>;
  try {
    parsed = Payload.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "forged" };
  }
  if (parsed.e <= now.getTime()) return { ok: false, reason: "expired" };
  if ((parsed.p === "task") !== (parsed.k !== undefined)) return { ok: false, reason: "forged" };
  return { ok: true, grant: { account: parsed.a, unitId: parsed.u, purpose: parsed.p, ...(parsed.k !== undefined && { task: parsed.k }), ...(parsed.c !== undefined && { conference: parsed.c }), expires: parsed.e } };
}

/** Where uploads are received, under the public address. */
export const UPLOAD_PATH = "/nop-tep";

/** The address of the upload page of a token. */
export function uploadUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}${UPLOAD_PATH}/${token}`;
}

/** For logs: the start of a token only. */
export function maskUploadToken(token: string): string {
  return `${token.slice(0, 6)}…`;
}
