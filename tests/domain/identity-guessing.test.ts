// Issue 16, codes: many accounts guessing invite codes together are slowed down as a whole, the
// organizers are told once, and a revoked code is answered exactly like a wrong one.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const WRONG = "Mã mời không đúng. Vui lòng kiểm tra lại mã trong giấy mời hoặc liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật).";
const SLOWED = /^Đồng chí đã nhập sai mã nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/;

/** A distinct well-formed wrong code for guess number i. */
const guess = (i: number) => `ZZ${String(i).padStart(3, "0")}-ZZZZZ`;

/** `n` fresh accounts, one wrong code each: never enough for the per-account slow-down. */
async function guessers(n: number, from = 0): Promise<string[]> {
  const answers: string[] = [];
  for (let i = from; i < from + n; i++) answers.push(await h.person(`Người dò ${i}`).say(`/start ${guess(i)}`));
  return answers;
}

const alarmsTo = (key: string) => h.sent.filter((m) => m.account === key && m.text.includes("nhập mã mời sai"));

describe("dò mã mời từ nhiều tài khoản", () => {
  it("101 wrong codes from 101 accounts in ten minutes slow every attempt, a right code too", async () => {
    const first = await guessers(100);
    expect(first.every((a) => a === WRONG)).toBe(true);
    // Up to the limit nothing is slowed: a delegate with the right code joins at once.
    const early = h.person("Chủ tịch xã Mường So");
    expect(await early.say(`/start ${await h.code("muong-so")}`)).toContain("đại biểu của UBND xã Mường So");

    expect(await guessers(1, 100)).toEqual([WRONG]);
    // The 101st wrong code crossed the limit: the next attempts, from new accounts, wait.
    const late = h.person("Chủ tịch xã Bản Lang");
    expect(await late.say(`/start ${await h.code("ban-lang")}`)).toMatch(SLOWED);
    expect(h.app.store.data.accounts[late.key]?.unitId).toBeUndefined();
    const [another] = await guessers(1, 200);
    expect(another).toMatch(SLOWED);
    // A refused attempt is not evaluated, so it does not count against the account either.
    expect(h.app.store.data.failedCodes[late.key]).toBeUndefined();

    // One attempt in every few seconds is still evaluated: the right code then joins.
    h.clock.advance(3_000);
    expect(await late.say(`/start ${await h.code("ban-lang")}`)).toContain("đại biểu của UBND xã Bản Lang");
    expect(await late.say("/start")).toContain("Đồng chí là đại biểu của UBND xã Bản Lang");
  });

  it("tells each organizer once, and nothing is slowed after the ten minutes have passed", async () => {
    const org: Person = h.organizer();
    await org.say("/start");
    const second = h.person("Văn phòng HĐND-UBND", { channel: "telegram", userId: "777" });
    await second.say(`/start ${await h.code("organizer")}`);
    const delegate = await h.delegate("Mường So");

    await guessers(101);
    // Slowed guessers keep trying, a few seconds apart: still one alarm.
    for (let i = 0; i < 5; i++) {
      h.clock.advance(3_000);
      await guessers(1, 300 + i);
    }
    await waitFor(() => alarmsTo(org.key).length > 0 && alarmsTo(second.key).length > 0);
    expect(alarmsTo(org.key)).toHaveLength(1);
    expect(alarmsTo(second.key)).toHaveLength(1);
    const alarm = alarmsTo(org.key)[0]?.text ?? "";
    expect(alarm).toMatch(/^Kính gửi Ban tổ chức: trong 10 phút qua đã có 101 lần nhập mã mời sai/);
    expect(alarm).toContain("/mamoi capmoi");
    expect(alarm).toContain("Trân trọng!");
    // Delegates are not told; the log says what happened without any code.
    expect(h.sent.filter((m) => m.account === delegate.key && m.text.includes("mã mời"))).toHaveLength(0);
    expect(h.logs.some((l) => l.includes("every attempt slowed"))).toBe(true);

    h.clock.advance(10 * 60_000 + 1_000);
    const p = h.person("Chủ tịch xã Nậm Xe");
    expect(await p.say(`/start ${await h.code("nam-xe")}`)).toContain("đại biểu của UBND xã Nậm Xe");
    expect(await h.person("Người gõ nhầm").say(`/start ${guess(999)}`)).toBe(WRONG);
  });

  it("answers a revoked code exactly as a wrong one, and counts it the same", async () => {
    const old = await h.code("ban-lang");
    const org = h.organizer();
    expect(await org.say("/mamoi thuhoi Bản Lang")).toContain("Đã thu hồi mã mời của Bản Lang");
    const p = h.person("Người thử mã cũ");
    const revoked = await p.say(`/start ${old}`);
    const wrong = await p.say("/start ABCDE-FGHJK");
    expect(revoked).toBe(WRONG);
    expect(wrong).toBe(revoked);
    expect(revoked).not.toContain("thu hồi");
    expect(h.app.store.data.failedCodes[p.key]?.count).toBe(2);
  });
});

async function waitFor(ok: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
