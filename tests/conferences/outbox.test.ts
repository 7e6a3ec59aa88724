// The outbox of one bot with two conferences (issue 26): each conference's reminders are planned from its
// own time and place, filed as its own, and reach its delegates with its own title; the same reminder of
// the two files never stands in for the other.
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { ID_2025, write2025 } from "./helpers.js";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function at(app: TestApp, iso: string): Promise<void> {
  app.clock.set(iso);
  await app.app.outbox.tick();
  await app.app.outbox.idle();
}

describe("nhắc lịch của hai hội nghị", () => {
  it("mỗi hội nghị nhắc theo giờ của mình, gửi cho đại biểu của mình, ghi tên hội nghị của mình", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const ms = await h.delegate("muong-so", "Lò Văn Sáu");
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h.app.conferences.add(await write2025(h.dir, { start: "2027-06-27 08:00", place: "Nhà văn hóa huyện" }), org.key);
    await h.app.outbox.tick();
    const reminders = h.app.root.data.notices.filter((n) => n.kind === "reminder");
    expect(reminders.map((n) => [n.conference, n.reminderKey, n.sendAt])).toEqual([
      ["phong-tho-2023", "before:1d#1", "2027-06-19T07:00:00.000Z"],
      ["phong-tho-2023", "before:1h#1", "2027-06-20T06:00:00.000Z"],
      [ID_2025, "before:1d#0", "2027-06-26T01:00:00.000Z"],
      [ID_2025, "before:1h#0", "2027-06-27T00:00:00.000Z"],
    ]);

    const got = () => (h as TestApp).sent.filter((s) => s.account === ms.key && s.text.includes("NHẮC LỊCH")).map((s) => s.text);
    await at(h, "2027-06-19T07:00:00Z");
    expect(got()).toHaveLength(1);
    expect(got()[0]).toContain("Hội nghị Chỉ số CCHC năm 2023");
    expect(got()[0]).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027");

    await at(h, "2027-06-26T01:00:00Z");
    // 2023's one-hour reminder came due while the clock jumped past its conference: stale, not sent.
    expect(got()).toHaveLength(2);
    expect(got()[1]).toContain("Hội nghị Chỉ số CCHC năm 2025");
    expect(got()[1]).toContain("Địa điểm: Nhà văn hóa huyện");
    expect(h.app.root.data.notices.find((n) => n.reminderKey === "before:1h#1")?.cancelReason).toBe("stale");

    // Nothing planned twice on the next rounds.
    await at(h, "2027-06-26T02:00:00Z");
    expect(h.app.root.data.notices.filter((n) => n.kind === "reminder")).toHaveLength(4);
  });
});
