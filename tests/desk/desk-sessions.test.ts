// The rules of signing in to the desk, without a server: links once, 10 minutes; sessions 8 hours;
// the slow-down; a used link stays used after a restart.
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { DeskSessions, deskKey, hashToken, issueSignInToken, JUST_USED_MS, LINK_TTL_MS, SESSION_TTL_MS, SIGN_IN_LIMIT } from "../../src/domain/desk-sessions.js";

let dir: string;
const t0 = new Date("2027-05-01T02:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-desk-sessions-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("liên kết đăng nhập", () => {
  it("works once, within 10 minutes, and only with the key of its DATA_DIR", () => {
    const key = deskKey(dir);
    const sessions = new DeskSessions(key, { dataDir: dir });
    const link = issueSignInToken(key, "console:org-1", t0);
    expect(sessions.check(link, at(LINK_TTL_MS - 1))).toMatchObject({ ok: true, account: "console:org-1" });
    expect(sessions.check(link, at(LINK_TTL_MS))).toEqual({ ok: false, reason: "expired" });
    const redeemed = sessions.redeem(link, at(1000));
    expect(redeemed.ok).toBe(true);
    // Just after its use (a double click) it says so; later it is simply used.
    expect(sessions.redeem(link, at(2000))).toEqual({ ok: false, reason: "just-used" });
    expect(sessions.redeem(link, at(1000 + JUST_USED_MS))).toEqual({ ok: false, reason: "used" });
    const other = issueSignInToken(Buffer.alloc(32, 7), "console:org-1", t0);
    expect(sessions.check(other, t0)).toEqual({ ok: false, reason: "forged" });
    expect(sessions.check("", t0)).toEqual({ ok: false, reason: "forged" });
    expect(sessions.check("a.b.c", t0)).toEqual({ ok: false, reason: "forged" });
    // A changed account inside a signed link breaks its signature.
    const [body, mac] = link.split(".");
    const payload = JSON.parse(Buffer.from(body as string, "base64url").toString());
    const swapped = Buffer.from(JSON.stringify({ ...payload, a: "telegram:666" })).toString("base64url");
    expect(sessions.check(`${swapped}.${mac}`, t0)).toEqual({ ok: false, reason: "forged" });
  });

  it("stays used after a restart, and is kept only as a hash", async () => {
    const key = deskKey(dir);
    const link = issueSignInToken(key, "console:org-1", t0);
    expect(new DeskSessions(key, { dataDir: dir }).redeem(link, t0).ok).toBe(true);
    const saved = await readFile(path.join(dir, "desk-links-used.json"), "utf8");
    expect(saved).toContain(hashToken(link));
    expect(saved).not.toContain(link);
    expect(new DeskSessions(deskKey(dir), { dataDir: dir }).redeem(link, at(1000))).toEqual({ ok: false, reason: "used" });
    expect((await stat(path.join(dir, "desk.key"))).mode & 0o077).toBe(0);
  });
});

describe("phiên làm việc", () => {
  it("lasts 8 hours and ends on sign-out", () => {
    const sessions = new DeskSessions(deskKey(dir));
    const { token, data } = sessions.open("console:org-1", t0);
    expect(data.csrf.length).toBeGreaterThanOrEqual(32);
    expect(sessions.find(token, at(SESSION_TTL_MS - 1))?.account).toBe("console:org-1");
    expect(sessions.find(token, at(SESSION_TTL_MS))).toBeUndefined();
    const second = sessions.open("console:org-1", t0);
    sessions.close(second.token);
    expect(sessions.find(second.token, t0)).toBeUndefined();
    expect(sessions.find("not-a-session", t0)).toBeUndefined();
  });

  it("slows an address down after ten failed sign-ins, for ten minutes", () => {
    const sessions = new DeskSessions(deskKey(dir));
    for (let i = 0; i < SIGN_IN_LIMIT - 1; i++) sessions.recordFailure("10.0.0.9", t0);
    expect(sessions.limited("10.0.0.9", t0)).toBe(false);
    sessions.recordFailure("10.0.0.9", t0);
    expect(sessions.limited("10.0.0.9", t0)).toBe(true);
    expect(sessions.limited("10.0.0.10", t0)).toBe(false);
    expect(sessions.limited("10.0.0.9", at(10 * 60_000 + 1))).toBe(false);
  });
});

describe("hoinghi desk-link", () => {
  it("says how to name an organizer when ORGANIZER_IDS is empty", async () => {
    const lines: string[] = [];
    const code = await runCli(["desk-link"], { out: (l) => lines.push(l), err: (l) => lines.push(l), env: { DATA_DIR: dir }, stdin: process.stdin, stdout: process.stdout });
    expect(code).toBe(1);
    expect(lines.join("\n")).toContain("Chưa khai báo Ban tổ chức: đặt ORGANIZER_IDS");
  });
});
