// The identity rules of the domain core on a real store: accounts on first contact, roles, invite
// codes (issue, redeem, reissue, revoke), the slow-downs, and the sessions of what a person is doing.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import {
  accountName,
  activeInvite,
  assumeConsoleRole,
  CodeGuard,
  type Contact,
  displayCode,
  ensureAccount,
  ensureInvites,
  isCodeShaped,
  isNearCode,
  newCode,
  normalizeCode,
  ORGANIZER_TARGET,
  organizerAccounts,
  redeemCode,
  reissueInvite,
  revokeInvite,
  roleOf,
} from "../../src/domain/identity.js";
import { awaitStep, clearSession, endAwaiting, offerChoices } from "../../src/domain/sessions.js";
import type { Store } from "../../storage/store.js";
import { openConferenceStore } from "../helpers/conference-store.js";
import { cleanupTempDirs, tempDir } from "../storage/helpers.js";

const NOW = new Date("2027-05-01T02:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const chuTichMuongSo: Contact = { channel: "zalo", userId: "ms-1", chatId: "ms-1", displayName: "Lò Văn Sáu" };

let store: Store;
beforeEach(async () => {
  store = await openConferenceStore({ dir: await tempDir() });
});
afterEach(async () => {
  await store.close();
  await cleanupTempDirs();
});

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err.key;
    throw err;
  }
  throw new Error("expected a refusal");
}

describe("tài khoản và vai trò", () => {
  it("the commune chairman writes for the first time: an account, a guest; nothing is written again while nothing changes", async () => {
    const account = await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    expect(account).toMatchObject({ key: "zalo:ms-1", displayName: "Lò Văn Sáu", language: "vi", lastSeenAt: NOW.toISOString() });
    expect(roleOf(account, new Set())).toBe("guest");
    const writes = store.writes;
    await ensureAccount(store, chuTichMuongSo, later(1000), "vi");
    await store.flush();
    expect(store.writes).toBe(writes);
    // A new display name is kept (cut to 128 characters); an English phone gets English.
    const renamed = await ensureAccount(store, { ...chuTichMuongSo, displayName: "Lò Văn Sáu (UBND xã)" }, later(2000), "vi");
    expect(renamed.displayName).toBe("Lò Văn Sáu (UBND xã)");
    expect(accountName(store.data, "zalo:ms-1")).toBe("Lò Văn Sáu (UBND xã)");
    expect(accountName(store.data, "zalo:gone")).toBe("zalo:gone");
    const en = await ensureAccount(store, { channel: "telegram", userId: "5", chatId: "5", displayName: "x".repeat(200), language: "en-US" }, NOW, "vi");
    expect(en.language).toBe("en");
    expect(en.displayName).toHaveLength(128);
  });

  it("an account that had blocked the bot and writes again is reachable again", async () => {
    await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    await store.mutate((d) => {
      (d.accounts["zalo:ms-1"] as { unreachableSince?: string }).unreachableSince = NOW.toISOString();
    });
    const back = await ensureAccount(store, chuTichMuongSo, later(60_000), "vi");
    expect(back.unreachableSince).toBeUndefined();
  });

  it("roles: organizer by code or by ORGANIZER_IDS, delegate once in a unit", async () => {
    const a = await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    const b = await ensureAccount(store, { channel: "console", userId: "org-1", chatId: "org-1", displayName: "Phòng Nội vụ" }, NOW, "vi");
    const ids = new Set(["console:org-1"]);
    expect(roleOf(b, ids)).toBe("organizer");
    expect(roleOf({ ...a, unitId: "muong-so" }, ids)).toBe("delegate");
    expect(roleOf({ ...a, unitId: "muong-so", organizer: true }, ids)).toBe("organizer");
    expect(organizerAccounts(store.data, ids).map((x) => x.key)).toEqual(["console:org-1"]);
  });

  it("the console becomes a delegate of Mường So, then an organizer, without a code", async () => {
    const d = await assumeConsoleRole(store, { userId: "delegate-muong-so", name: "Đại biểu Mường So", language: "vi", role: "delegate", unitId: "muong-so", now: NOW });
    expect(d).toMatchObject({ key: "console:delegate-muong-so", channel: "console", unitId: "muong-so" });
    const o = await assumeConsoleRole(store, { userId: "organizer", name: "Ban tổ chức", language: "vi", role: "organizer", now: NOW });
    expect(roleOf(o, new Set())).toBe("organizer");
    expect(store.data.accounts["console:organizer"]?.organizer).toBe(true);
  });
});

describe("mã mời", () => {
  it("one code per unit and one for the organizers, issued once, printed in two groups of five", async () => {
    const first = await ensureInvites(store, ["muong-so", "nam-xe", ORGANIZER_TARGET], NOW);
    const again = await ensureInvites(store, ["muong-so", "nam-xe", ORGANIZER_TARGET], later(1000));
    expect([...again.values()].map((i) => i.code)).toEqual([...first.values()].map((i) => i.code));
    expect(store.data.invites).toHaveLength(3);
    const code = first.get("muong-so")?.code as string;
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(displayCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
    expect(normalizeCode(` ${displayCode(code).toLowerCase()} `)).toBe(code);
    expect(isCodeShaped("7kq2m x9d4r")).toBe(true);
    expect(isCodeShaped("123")).toBe(false);
  });

  it("xã Mường So vào bằng mã của xã; Ban tổ chức bằng mã Ban tổ chức", async () => {
    const codes = await ensureInvites(store, ["muong-so", ORGANIZER_TARGET], NOW);
    await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    const joined = await redeemCode(store, "zalo:ms-1", displayCode(codes.get("muong-so")?.code as string).toLowerCase(), NOW);
    expect(joined).toEqual({ kind: "unit", unitId: "muong-so" });
    expect(store.data.accounts["zalo:ms-1"]).toMatchObject({ unitId: "muong-so", joinedAt: NOW.toISOString() });
    await ensureAccount(store, { channel: "console", userId: "vp", chatId: "vp", displayName: "Văn phòng" }, NOW, "vi");
    expect(await redeemCode(store, "console:vp", codes.get(ORGANIZER_TARGET)?.code as string, NOW)).toEqual({ kind: "organizer" });
    expect(store.data.accounts["console:vp"]?.organizer).toBe(true);
  });

  it("a revoked code and a wrong code get the same refusal; text that is no code is told the form", async () => {
    const codes = await ensureInvites(store, ["ban-lang"], NOW);
    const old = codes.get("ban-lang")?.code as string;
    expect(await revokeInvite(store, "ban-lang", NOW)).toBe(true);
    expect(await revokeInvite(store, "ban-lang", NOW)).toBe(false);
    expect(activeInvite(store.data, "ban-lang")).toBeUndefined();
    await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    expect(await refusal(redeemCode(store, "zalo:ms-1", old, NOW))).toBe("code-wrong");
    expect(await refusal(redeemCode(store, "zalo:ms-1", "ABCDE-FGHJK", NOW))).toBe("code-wrong");
    expect(await refusal(redeemCode(store, "zalo:ms-1", "123", NOW))).toBe("code-malformed");
    expect(store.data.failedCodes["zalo:ms-1"]?.count).toBe(3);
    expect(store.data.accounts["zalo:ms-1"]?.unitId).toBeUndefined();
  });

  it("reissuing gives Bản Lang a new code and stops the old one", async () => {
    const old = (await ensureInvites(store, ["ban-lang"], NOW)).get("ban-lang")?.code as string;
    const fresh = await reissueInvite(store, "ban-lang", later(1000));
    expect(fresh.code).not.toBe(old);
    expect(activeInvite(store.data, "ban-lang")?.code).toBe(fresh.code);
    expect(store.data.invites.find((i) => i.code === old)?.revokedAt).toBe(later(1000).toISOString());
    await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    expect(await refusal(redeemCode(store, "zalo:ms-1", old, NOW))).toBe("code-wrong");
    expect(await redeemCode(store, "zalo:ms-1", fresh.code, NOW)).toEqual({ kind: "unit", unitId: "ban-lang" });
  });

  it("five wrong codes make one account wait 30 s, then twice as long each time; a right code clears the count", async () => {
    const right = (await ensureInvites(store, ["nam-xe"], NOW)).get("nam-xe")?.code as string;
    await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    for (let i = 0; i < 5; i++) expect(await refusal(redeemCode(store, "zalo:ms-1", `WRONG${i}CODE`, NOW))).toBe("code-wrong");
    expect(store.data.failedCodes["zalo:ms-1"]?.blockedUntil).toBe(later(30_000).toISOString());
    expect(await refusal(redeemCode(store, "zalo:ms-1", right, later(29_000)))).toBe("code-slow-down");
    expect(await refusal(redeemCode(store, "zalo:ms-1", "WRONG5CODE", later(31_000)))).toBe("code-wrong");
    expect(store.data.failedCodes["zalo:ms-1"]?.blockedUntil).toBe(later(31_000 + 60_000).toISOString());
    expect(await redeemCode(store, "zalo:ms-1", right, later(92_000))).toEqual({ kind: "unit", unitId: "nam-xe" });
    expect(store.data.failedCodes["zalo:ms-1"]).toBeUndefined();
  });
});

describe("chống dò mã trên toàn bot (CodeGuard)", () => {
  it("beyond the limit, one attempt per spacing is evaluated; the alarm is raised once per wave", () => {
    const guard = new CodeGuard({ limit: 3, windowMs: 60_000, spacingMs: 1_000 });
    for (let i = 0; i < 3; i++) {
      expect(guard.admit(NOW)).toBe(0);
      guard.recordWrong(NOW);
    }
    expect(guard.slowed(NOW)).toBe(false);
    expect(guard.takeAlarm()).toBeUndefined();
    guard.recordWrong(NOW);
    expect(guard.slowed(NOW)).toBe(true);
    expect(guard.takeAlarm()).toEqual({ wrong: 4, limit: 3, windowMinutes: 1 });
    expect(guard.takeAlarm()).toBeUndefined();
    expect(guard.admit(later(400))).toBe(600);
    expect(guard.admit(later(1_000))).toBe(0);
    expect(guard.admit(later(1_001))).toBe(999);
    guard.recordWrong(later(1_000));
    expect(guard.takeAlarm()).toBeUndefined();
    // The window passes: nothing is slowed; a new wave raises a new alarm.
    expect(guard.slowed(later(61_001))).toBe(false);
    expect(guard.admit(later(61_001))).toBe(0);
    for (let i = 0; i < 4; i++) guard.recordWrong(later(70_000));
    expect(guard.takeAlarm()?.wrong).toBe(4);
  });

  it("a redeem slowed by the guard is not evaluated and counts nothing against the account", async () => {
    const right = (await ensureInvites(store, ["muong-so"], NOW)).get("muong-so")?.code as string;
    await ensureAccount(store, chuTichMuongSo, NOW, "vi");
    const guard = new CodeGuard({ limit: 2, windowMs: 60_000, spacingMs: 5_000 });
    for (let i = 0; i < 3; i++) guard.recordWrong(NOW);
    expect(await refusal(redeemCode(store, "zalo:ms-1", right, later(1_000), guard))).toBe("code-slow-down");
    expect(store.data.failedCodes["zalo:ms-1"]).toBeUndefined();
    expect(store.data.accounts["zalo:ms-1"]?.unitId).toBeUndefined();
    expect(await redeemCode(store, "zalo:ms-1", right, later(5_000), guard)).toEqual({ kind: "unit", unitId: "muong-so" });
  });
});

describe("việc đang làm dở (session)", () => {
  it("a waiting step, the choices offered, and /huy that forgets them", async () => {
    const key = "zalo:ms-1";
    const seats = [{ kind: "rsvp.seat", seat: "chair" }, { kind: "rsvp.seat", seat: "cchc" }];
    await awaitStep(store, key, { kind: "rsvp.name", seat: "cchc", status: "absent" }, "rsvp-ask-absent", NOW);
    await offerChoices(store, key, "ab12", seats, undefined, NOW);
    expect(store.data.sessions[key]).toEqual({
      awaiting: { step: { kind: "rsvp.name", seat: "cchc", status: "absent" }, prompt: "rsvp-ask-absent", offeredAt: NOW.toISOString() },
      choices: { setId: "ab12", steps: seats, offeredAt: NOW.toISOString() },
    });
    await endAwaiting(store, key);
    expect(store.data.sessions[key]?.awaiting).toBeUndefined();
    expect(await clearSession(store, key)).toBe(true);
    expect(store.data.sessions[key]).toBeUndefined();
    expect(await clearSession(store, key)).toBe(false);
    // An emptied session leaves nothing behind.
    await awaitStep(store, key, { kind: "speech.collect" }, "speech-how", NOW);
    await endAwaiting(store, key);
    expect(key in store.data.sessions).toBe(false);
  });
});

describe("mã mời in trên giấy mời", () => {
  it("always holds a letter and a digit: no code reads as a word or a number, and one typed a character short is told 'not right'", () => {
    for (let i = 0; i < 2000; i++) {
      const code = newCode();
      expect(code).toMatch(/\d/);
      expect(code).toMatch(/[A-Z]/);
      // Cut in two as people type it, one character left out of a code with two digits or more: "not right".
      const short = `${code.slice(0, 5)} ${code.slice(6)}`;
      if ((code.match(/\d/g) ?? []).length >= 2 && (code.match(/[A-Z]/g) ?? []).length >= 2) expect(isNearCode(short), code).toBe(true);
    }
  });
});
