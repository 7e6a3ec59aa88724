// Hai cán bộ Ban tổ chức cùng gõ /datlich một lúc: mỗi người được báo đúng lịch mình đã lưu, lời đề nghị báo đại biểu
// là về thay đổi của chính mình, và cả hai đều biết người kia vừa đổi gì. Thông báo thay đổi ghi "cũ" là lịch đại biểu
// được báo lần gần nhất, không phải một lịch chưa từng báo.
import { afterEach, describe, expect, it } from "vitest";
import type { ScheduleState } from "../../storage/schema.js";
import { checkStore } from "../../storage/validate.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { inConference, storeWith } from "../helpers/conference-store.js";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const NOW = "2027-05-01T02:00:00Z";
const PHONG = "Cán bộ Phòng Nội vụ";
const VP = "Chánh Văn phòng huyện";

const got = (app: TestApp, key: string) => app.sent.filter((s) => s.account === key).map((s) => s.text);

/** The schedule version whose change alert the last replies offer to send, if any. */
function offered(p: Person): number | undefined {
  for (const r of p.last) {
    if (r.kind !== "choices") continue;
    const step = r.choices.find((c) => c.step?.kind === "notice.changeAlert" && c.step.send === true)?.step;
    if (step) return step.seq as number;
  }
  return undefined;
}

/** Everything `p` was told since `from`: their reply and what the Notifier brought them. */
function toldTo(app: TestApp, p: Person, reply: string, from: number): string {
  return [reply, ...app.sent.slice(from).filter((m) => m.account === p.key).map((m) => m.text)].join("\n");
}

/** Lets `ticks` turns of the event loop pass (the other organizer's message arrives a moment later). */
async function later(ticks: number): Promise<void> {
  for (let i = 0; i < ticks; i++) await new Promise((r) => setImmediate(r));
}

describe("hai cán bộ cùng đặt lịch một lúc", () => {
  it("10 of 10 rounds: each is told what they saved, the offer is about their own change, and both hear of the other once", async () => {
    h = await createTestApp({ now: NOW });
    const app = h;
    await app.delegate("Mường So");
    const phong = app.organizer(PHONG);
    const vp = app.person(VP, { channel: "telegram", userId: "9001" });
    await phong.say("/start");
    await vp.say("/start");

    for (let round = 0; round < 10; round++) {
      const day = 21 + round;
      const mine = { when: `${day}/06/2027 08:00`, shown: `8 giờ 00`, place: `Hội trường UBND huyện ${round}` };
      const theirs = { when: `${day}/06/2027 14:00`, shown: `14 giờ 00`, place: `Hội trường Huyện ủy ${round}` };
      const from = app.sent.length;
      // Rounds differ in how soon the second message follows the first: at once, or a few turns later.
      const [a, b] = await Promise.all([
        phong.say(`/datlich ${mine.when} | ${mine.place}`),
        later(round).then(() => vp.say(`/datlich ${theirs.when} | ${theirs.place}`)),
      ]);

      // Each acknowledgement shows what THAT organizer saved.
      const ackOf = (p: Person) => (p.last[0]?.kind === "text" ? p.last[0].text : "");
      expect(a).toContain("Đã lưu");
      expect(ackOf(phong)).toContain(`Địa điểm: ${mine.place}`);
      expect(ackOf(phong)).toContain(mine.shown);
      expect(ackOf(phong)).not.toContain(theirs.place);
      expect(ackOf(vp)).toContain(`Địa điểm: ${theirs.place}`);
      expect(ackOf(vp)).toContain(theirs.shown);
      expect(ackOf(vp)).not.toContain(mine.place);

      // The store holds both saves; the later one is the schedule.
      const s = app.app.store.data.schedule;
      const [first, second] = s.history.slice(-2);
      const firstIsPhong = first?.by === phong.key;
      const [early, late] = firstIsPhong ? [phong, vp] : [vp, phong];
      const [earlyText, lateText] = firstIsPhong ? [a, b] : [b, a];
      const [earlyName, lateName] = firstIsPhong ? [PHONG, VP] : [VP, PHONG];
      const [earlyPlace, latePlace] = firstIsPhong ? [mine.place, theirs.place] : [theirs.place, mine.place];
      expect(second?.by).toBe(late.key);
      expect(s.place).toBe(latePlace);

      // The one overtaken is told who changed it to what (reply or Notifier), and is not offered to announce a schedule that no longer stands.
      const toldEarly = toldTo(app, early, earlyText, from);
      expect(toldEarly).toContain(`đồng chí ${lateName} đã đổi lịch thành:`);
      expect(toldEarly).toContain(`tại ${latePlace}`);
      expect(toldEarly.split("đã đổi lịch thành:").length - 1).toBe(1);
      expect(offered(early)).toBeUndefined();
      // The notify offer of the other is about THEIR change, the one that stands.
      expect(offered(late)).toBe(s.sequence);
      // The other is told too, once: in their own reply, or through the Notifier.
      const toldLate = toldTo(app, late, lateText, from);
      expect(toldLate).toContain(`đồng chí ${earlyName}`);
      expect(toldLate).toContain(`tại ${earlyPlace}`);
      expect(toldLate.split(`đồng chí ${earlyName}`).length - 1).toBe(1);
    }
  });

  it("one after the other (not at once): nobody is warned, each is offered their own change", async () => {
    h = await createTestApp({ now: NOW });
    await h.delegate("Mường So");
    const phong = h.organizer(PHONG);
    const vp = h.person(VP, { channel: "telegram", userId: "9001" });
    const from = h.sent.length;
    const a = await phong.say("/datlich 21/06/2027 08:00 | Hội trường UBND huyện");
    expect(offered(phong)).toBe(1);
    const b = await vp.say("/datlich 22/06/2027 14:00 | Hội trường Huyện ủy");
    expect(offered(vp)).toBe(2);
    expect(`${a}\n${b}`).not.toContain("Lưu ý");
    expect(h.sent.slice(from)).toEqual([]);
  });
});

describe("thông báo thay đổi: 'cũ' là lịch đại biểu được báo lần gần nhất", () => {
  it("announce A, change to B without telling, change to C and tell: delegates read A → C", async () => {
    h = await createTestApp({ now: NOW });
    const app = h;
    const delegate = await app.delegate("Mường So");
    const org = app.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    expect(await org.say("1")).toContain("Đã xếp thông báo");
    await app.app.outbox.idle();
    expect(app.app.store.data.schedule.told).toMatchObject({ sequence: 1, start: "2027-06-20T07:00:00.000Z", place: "Hội trường UBND huyện" });

    await org.say("/datlich 21/06/2027 08:00 | Hội trường Huyện ủy");
    expect(await org.say("2")).toContain("Đã bỏ qua, không gửi thông báo thay đổi");
    expect(app.app.store.data.schedule.told?.sequence).toBe(1);

    await org.say("/datlich 22/06/2027 09:00 | Nhà văn hóa huyện");
    await org.say("1");
    await app.app.outbox.idle();
    const alerts = got(app, delegate.key);
    expect(alerts).toHaveLength(2);
    const last = alerts[1] ?? "";
    expect(last).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027 → 9 giờ 00, thứ Ba, ngày 22/6/2027");
    expect(last).toContain("Địa điểm: Hội trường UBND huyện → Nhà văn hóa huyện");
    expect(last).not.toContain("Hội trường Huyện ủy");
    expect(last).not.toContain("8 giờ 00, thứ Hai, ngày 21/6/2027");
    expect(app.app.store.data.schedule.told).toMatchObject({ sequence: 3, place: "Nhà văn hóa huyện" });
  });

  it("a store with the told state and the seen sequence is valid; a wrong told is refused with its path", () => {
    const schedule: ScheduleState = {
      sequence: 1,
      start: "2027-06-20T07:00:00.000Z",
      history: [{ at: NOW, by: "console:org-1", seen: 0, before: {}, after: { start: "2027-06-20T07:00:00.000Z" } }],
      told: { sequence: 1, start: "2027-06-20T07:00:00.000Z" },
    };
    expect(checkStore(storeWith({ schedule }))).toBeUndefined();
    const bad = storeWith({ schedule: { ...schedule, told: { sequence: "một" } as never } });
    expect(checkStore(bad)?.path).toBe(`${inConference()}.schedule.told.sequence`);
  });
});
