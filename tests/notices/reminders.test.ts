// Nhắc lịch từ tệp hội nghị (1 ngày và 1 giờ trước khai mạc): đúng lúc, lập lại khi đổi lịch, không gửi hai lần, bỏ qua lời nhắc đã quá hạn khi bot nghỉ.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { deliveriesOf } from "../../src/domain/notices.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close().catch(() => {});
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

async function start(now: string, dir?: string): Promise<TestApp> {
  const h = await createTestApp({ now, dir });
  apps.push(h);
  return h;
}

async function tempDir(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), "hoinghi-reminders-"));
  dirs.push(d);
  return d;
}

/** One planner round at the clock's time, then wait for the sends. */
async function at(h: TestApp, iso: string): Promise<void> {
  h.clock.set(iso);
  await h.app.outbox.tick();
  await h.app.outbox.idle();
}

const reminders = (h: TestApp) => h.app.store.data.notices.filter((n) => n.kind === "reminder");
const got = (h: TestApp, key: string) => h.sent.filter((s) => s.account === key).map((s) => s.text);

describe("reminders of the conference file", () => {
  it("are planned once time and place are set, and fire one day and one hour before the start, once each", async () => {
    const h = await start("2027-05-01T02:00:00Z");
    const p = await h.delegate("Mường So");
    await h.app.outbox.tick();
    expect(reminders(h)).toEqual([]);

    await h.organizer().say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h.app.outbox.tick();
    expect(reminders(h).map((n) => [n.reminderKey, n.sendAt, n.queuedAt])).toEqual([
      ["before:1d#1", "2027-06-19T07:00:00.000Z", undefined],
      ["before:1h#1", "2027-06-20T06:00:00.000Z", undefined],
    ]);
    expect(h.app.store.data.deliveries).toEqual([]);

    await at(h, "2027-06-19T06:59:00Z");
    expect(got(h, p.key)).toEqual([]);
    await at(h, "2027-06-19T07:00:00Z");
    expect(got(h, p.key).length).toBe(1);
    expect(got(h, p.key)[0]).toContain("NHẮC LỊCH HỘI NGHỊ");
    expect(got(h, p.key)[0]).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027");
    expect(got(h, p.key)[0]).toContain("Địa điểm: Hội trường UBND huyện");
    expect(got(h, p.key)[0]).toContain("1. Đã nhận");
    await at(h, "2027-06-19T07:05:00Z");
    await at(h, "2027-06-20T05:59:00Z");
    expect(got(h, p.key).length).toBe(1);
    await at(h, "2027-06-20T06:00:00Z");
    expect(got(h, p.key).length).toBe(2);
    await at(h, "2027-06-20T09:00:00Z");
    expect(got(h, p.key).length).toBe(2);
    // The organizer's report lists them.
    const list = await h.organizer().say("/thongbao trangthai");
    expect(list.match(/Nhắc lịch/g)?.length).toBe(2);
  });

  it("are re-planned when /datlich changes the time: the old ones are cancelled, the new ones carry the new time", async () => {
    const h = await start("2027-05-01T02:00:00Z");
    const p = await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h.app.outbox.tick();
    await org.say("/datlich 21/06/2027 08:00");
    await h.app.outbox.tick();
    const all = reminders(h);
    expect(all.filter((n) => n.cancelledAt).map((n) => [n.reminderKey, n.cancelReason])).toEqual([
      ["before:1d#1", "rescheduled"],
      ["before:1h#1", "rescheduled"],
    ]);
    expect(all.filter((n) => !n.cancelledAt).map((n) => [n.reminderKey, n.sendAt])).toEqual([
      ["before:1d#2", "2027-06-20T01:00:00.000Z"],
      ["before:1h#2", "2027-06-21T00:00:00.000Z"],
    ]);
    await at(h, "2027-06-19T07:00:00Z"); // the old moment: nothing
    expect(got(h, p.key)).toEqual([]);
    await at(h, "2027-06-20T01:00:00Z");
    expect(got(h, p.key).length).toBe(1);
    expect(got(h, p.key)[0]).toContain("Thời gian: 8 giờ 00, thứ Hai, ngày 21/6/2027");

    // Only the place changes after the one-day reminder went out: it is not sent again; the one-hour one carries the new place.
    await org.say("/datlich | Hội trường Huyện ủy");
    await h.app.outbox.tick();
    expect(reminders(h).find((n) => n.reminderKey === "before:1d#3")?.cancelReason).toBe("duplicate");
    await at(h, "2027-06-21T00:00:00Z");
    expect(got(h, p.key).length).toBe(2);
    expect(got(h, p.key)[1]).toContain("Địa điểm: Hội trường Huyện ủy");
  });

  it("records a reminder whose moment had already passed when the time was set as skipped, and plans the rest", async () => {
    const h = await start("2027-06-19T12:00:00Z");
    await h.delegate("Mường So");
    await h.organizer().say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h.app.outbox.tick();
    expect(reminders(h).map((n) => [n.reminderKey, n.cancelReason])).toEqual([
      ["before:1d#1", "passed"],
      ["before:1h#1", undefined],
    ]);
    expect(h.logs.join("")).toContain("reminder not planned");
  });
});

describe("reminders and restarts", () => {
  it("survive a restart and are never sent twice", async () => {
    const dir = await tempDir();
    const h1 = await start("2027-05-01T02:00:00Z", dir);
    const p = await h1.delegate("Mường So");
    await h1.organizer().say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h1.app.outbox.tick();
    await at(h1, "2027-06-19T07:00:00Z");
    expect(got(h1, p.key).length).toBe(1);
    await h1.close();

    const h2 = await start("2027-06-19T07:01:00Z", dir);
    await at(h2, "2027-06-19T07:02:00Z");
    expect(got(h2, p.key)).toEqual([]);
    await at(h2, "2027-06-20T06:00:00Z");
    expect(got(h2, p.key).length).toBe(1);
    // Each reminder reached the delegate once (the first one's deliveries archived since, with its notice compacted).
    const all = new Set(h2.app.store.data.notices.map((n) => n.id));
    expect(deliveriesOf(h2.app.store.data, all).filter((d) => d.account === p.key).map((d) => d.state)).toEqual(["sent", "sent"]);
  });

  it("skip the stale one after the bot was down: the one-day reminder is not sent late once the one-hour one is due", async () => {
    const dir = await tempDir();
    const h1 = await start("2027-05-01T02:00:00Z", dir);
    const p = await h1.delegate("Mường So");
    await h1.organizer().say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h1.app.outbox.tick();
    await h1.close();

    // Down from 1 May to 13:30 on the day: both moments have passed; the start has not.
    const h2 = await start("2027-06-20T06:30:00Z", dir);
    await at(h2, "2027-06-20T06:30:00Z");
    const texts = got(h2, p.key);
    expect(texts.length).toBe(1);
    expect(reminders(h2).map((n) => [n.reminderKey, n.cancelReason ?? "sent"])).toEqual([
      ["before:1d#1", "stale"],
      ["before:1h#1", "sent"],
    ]);
    expect(h2.logs.join("")).toContain("reminder skipped: its moment passed while the bot was not running");
  });

  it("skip every reminder whose lateness exceeds its offset (the conference has begun)", async () => {
    const dir = await tempDir();
    const h1 = await start("2027-05-01T02:00:00Z", dir);
    const p = await h1.delegate("Mường So");
    await h1.organizer().say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h1.app.outbox.tick();
    await h1.close();

    const h2 = await start("2027-06-20T07:30:00Z", dir);
    await at(h2, "2027-06-20T07:30:00Z");
    expect(got(h2, p.key)).toEqual([]);
    expect(reminders(h2).every((n) => n.cancelReason === "stale")).toBe(true);
    expect(h2.app.store.data.deliveries).toEqual([]);
  });
});
