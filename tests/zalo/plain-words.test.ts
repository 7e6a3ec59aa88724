// Issue 22's walk-through on the Zalo fake in its "like the real service" mode (replays, long
// polling): a commune chairman types as people type on a phone — no marks, words rather than
// numbers — and the invitation for four seats is answered in six messages, each answer as meant.
import { afterEach, describe, expect, it } from "vitest";
import type { FakeZalo, ZaloUser } from "./fake-server.js";
import { startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

/** A person on Zalo: each message waits until the platform has given it (and its two replays) and every reply is sent. */
function phone(test: ZaloTest, fake: FakeZalo, user: ZaloUser) {
  let typed = 0;
  return {
    get typed() {
      return typed;
    },
    async say(text: string): Promise<string> {
      const before = fake.textsTo(user.id).length;
      typed++;
      fake.say(user, text);
      await fake.waitForMessages(user.id, before + 1, 15_000);
      await fake.waitFor(() => fake.polling === 1, 15_000);
      await test.channel.outbox.idle();
      return fake.textsTo(user.id).slice(before).join("\n\n");
    },
  };
}

const answers = (test: ZaloTest, unitId: string) =>
  Object.fromEntries(
    test.h.app.store.data.rsvps
      .filter((r) => r.unitId === unitId)
      .map((r) => [r.seatId, { status: r.status, ...(r.name && { name: r.name }), ...(r.position && { position: r.position }), ...(r.reason && { reason: r.reason }) }]),
  );

describe("xã Mường So trả lời giấy mời bằng lời thường trên Zalo", () => {
  it("the chairman answers four seats in six messages typed without marks; the store holds exactly the answers meant", { timeout: 60_000 }, async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
    const { fake, h } = z;
    const user = z.user("Lò Văn Hùng");
    const chairman = phone(z, fake, user);
    // The code as printed, typed in lower case without its dash.
    const joined = await chairman.say((await h.code("muong-so")).replace("-", "").toLowerCase());
    expect(joined).toContain("đại biểu của UBND xã Mường So");
    const start = chairman.typed;

    const said: string[] = [];
    for (const line of ["/dang ky", "chu tich xa", "toi di", "vang, di cong tac", "cu anh Lo Van Nam pho chu tich di thay", "nho dong chi Vang A Su cong chuc van phong du thay"]) {
      said.push(await chairman.say(line));
    }
    expect(chairman.typed - start).toBeLessThanOrEqual(6);
    expect(said[1]).toContain("vị trí: Chủ tịch UBND xã");
    expect(said[2]).toContain("Chủ tịch UBND xã: tham dự, Lò Văn Hùng.");
    expect(said[3]).toContain("vắng mặt. Lý do: di cong tac");
    expect(said[4]).toContain("cử Lo Van Nam (Phó Chủ tịch UBND xã) dự thay");
    expect(said[5]).toContain("cử Vang A Su (Công chức Văn phòng) dự thay");
    for (const reply of said) expect(reply).not.toContain("Bot chỉ hiểu các lệnh");

    expect(answers(z, "muong-so")).toEqual({
      chair: { status: "attend", name: "Lò Văn Hùng" },
      cchc: { status: "absent", reason: "di cong tac" },
      motcua: { status: "substitute", name: "Lo Van Nam", position: "Phó Chủ tịch UBND xã" },
      kstthc: { status: "substitute", name: "Vang A Su", position: "Công chức Văn phòng" },
    });
    // Answered to the end: no question waits any more, neither for words nor for a number.
    expect(h.app.store.data.sessions[`zalo:${user.id}`]).toBeUndefined();
    // Each message was answered once although the platform gave it three times: one reply per answer, plus the next seat.
    expect(fake.textsTo(user.id).filter((t) => t.startsWith("Đã ghi nhận"))).toHaveLength(4);
  });

  it("'cả 4 người đều đi', then the names: the platform's name offered with its marks, a form of address left out", { timeout: 60_000 }, async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
    const { fake, h } = z;
    const user = z.user("Lò Văn Hùng");
    const chairman = phone(z, fake, user);
    await chairman.say(`/start ${await h.code("nam-xe")}`);
    await chairman.say("/dang ky");
    expect(await chairman.say("ca 4 nguoi deu di")).toContain("Đã hiểu: cả 4 vị trí của UBND xã Nậm Xe đều tham dự.");
    expect(await chairman.say("chi Lo Thi Xuan")).toContain("vị trí Chủ tịch UBND xã: tham dự, Lo Thi Xuan.");
    const offered = await chairman.say("Lo Van Hung");
    expect(offered).toContain("1. Lò Văn Hùng (có dấu)");
    expect(answers(z, "nam-xe").cchc).toBeUndefined();
    expect(await chairman.say("dung roi")).toContain("tham dự, Lò Văn Hùng.");
    await chairman.say("toi");
    await chairman.say("dong chi Vang A Su");
    expect(answers(z, "nam-xe")).toEqual({
      chair: { status: "attend", name: "Lo Thi Xuan" },
      cchc: { status: "attend", name: "Lò Văn Hùng" },
      motcua: { status: "attend", name: "Lò Văn Hùng" },
      kstthc: { status: "attend", name: "Vang A Su" },
    });
    expect(h.app.store.data.sessions[`zalo:${user.id}`]?.awaiting).toBeUndefined();
  });

  it("a newcomer is led to the invite code; a code one character short is 'not right'; the welcome says what the unit has to do", { timeout: 60_000 }, async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
    const { fake, h } = z;
    const user = z.user("Lò Văn Páo");
    const newcomer = phone(z, fake, user);
    const greeted = await newcomer.say("chao ban, toi la chu tich xa muong so");
    expect(greeted).toContain("vui lòng gõ mã mời in trên giấy mời");
    expect(greeted).toContain("7KQ2M-X9D4R");
    const code = (await h.code("muong-so")).replace("-", "");
    // A character left out where the rest still holds a letter and a digit (a code is drawn at random; a text
    // of letters only could be words run together, so only letters-and-digits is told "not right").
    const gap = [5, 4, 6, 3, 7, 2, 8, 1, 9, 0].find((i) => {
      const rest = code.slice(0, i) + code.slice(i + 1);
      return /\d/.test(rest) && /[A-Z]/.test(rest);
    }) as number;
    const short = `${code.slice(0, Math.min(gap, 5))} ${code.slice(Math.min(gap, 5), gap)}${code.slice(gap + 1)}`.toLowerCase();
    const wrong = await newcomer.say(short);
    expect(wrong).toContain("Mã mời chưa đúng");
    expect(wrong).not.toContain("Bot chỉ hiểu");
    expect(h.app.store.data.accounts[`zalo:${user.id}`]?.unitId).toBeUndefined();
    // The code rule stays: a wrong attempt is counted as any wrong code is.
    expect(h.app.store.data.failedCodes[`zalo:${user.id}`]?.count).toBe(1);
    const welcome = await newcomer.say(code.toLowerCase());
    expect(welcome).toContain("đại biểu của UBND xã Mường So");
    expect(welcome).toContain("xác nhận tham dự cho 4/4 vị trí được mời");
    expect(welcome).toContain("Đơn vị được phân công tham luận");
  });
});
