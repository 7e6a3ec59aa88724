// A settled notice's deliveries compacted into its figures and archived: its status reads the same before and after, also after a restart (issue 26).
import * as fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compactableNotices, compactDeliveries } from "../../src/domain/deliveries.js";
import { noticeStatus } from "../../src/views/notices.js";
import { archivePath } from "../../storage/archive.js";
import { conferenceStore } from "../../storage/conference-view.js";
import type { Delivery } from "../../storage/schema.js";
import { openStore } from "../../storage/store.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { lastNotice } from "../notices/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A broadcast to three communes, Mường So's chairman acknowledging it. */
async function acknowledgedBroadcast() {
  const lan = await h.delegate("Mường So", "Lò Thị Lan");
  const su = await h.delegate("Huổi Luông", "Vàng A Sử");
  await h.delegate("Dào San", "Tao Văn Hùng");
  const org = h.organizer();
  await org.say("/thongbao tatca | Kính gửi các đồng chí: nộp báo cáo trước thứ Sáu (DỮ LIỆU MẪU)");
  await org.say("1");
  await h.app.outbox.idle();
  const id = lastNotice(h.app);
  await lan.say("đã nhận");
  return { id, lan, su, org };
}

/** That broadcast compacted seven hours later. */
async function compactedBroadcast() {
  const { id, lan, su, org } = await acknowledgedBroadcast();
  h.clock.set(new Date(h.clock.now().getTime() + 7 * HOUR).toISOString());
  expect(await compactDeliveries(h.app.store, h.clock.now())).toContain(id);
  return { id, lan, su, org };
}

/** The meeting's notice sent to Mường So, its one delivery then changed by `set` (as a stop or a fault would leave it). */
async function meetingNotice(set: (x: Delivery) => void): Promise<string> {
  await h.delegate("Mường So", "Lò Thị Lan");
  const org = h.organizer();
  await org.say("/thongbao tatca | Kính gửi các đồng chí: lịch họp (DỮ LIỆU MẪU)");
  await org.say("1");
  await h.app.outbox.idle();
  const id = lastNotice(h.app);
  await h.app.store.mutate((d) => {
    const x = d.deliveries.find((y) => y.noticeId === id);
    if (x) set(x);
  });
  return id;
}

describe("compaction of a notice whose final count was reported", () => {
  it("keeps the notice's status (figures, who acknowledged and who has not) identical, read from the archive after a restart", async () => {
    const { id } = await acknowledgedBroadcast();
    const now = h.clock.now();
    const conference = h.app.services.conference;
    const before = noticeStatus(h.app.store.data, conference, now, id);
    expect(before.counts.sent).toBeGreaterThanOrEqual(3);
    expect(before.ack?.acked.map((a) => a.name)).toContain("Lò Thị Lan");
    expect(before.ack?.missing.length).toBeGreaterThan(0);
    expect(h.app.store.data.notices.find((n) => n.id === id)?.reportedAt).toBeDefined();

    // Settled (every delivery sent or unreachable): it stays as it is for six hours after its final count.
    expect(compactableNotices(h.app.store.data, new Date(now.getTime() + 5 * HOUR))).not.toContain(id);
    const later = new Date(now.getTime() + 7 * HOUR);
    expect(await compactDeliveries(h.app.store, later)).toContain(id);

    const store = h.app.store;
    expect(store.data.deliveries.filter((d) => d.noticeId === id)).toEqual([]);
    expect(store.data.notices.find((n) => n.id === id)?.compacted?.counts.total).toBe(before.counts.total);
    expect(fs.existsSync(archivePath(store.data, id) as string)).toBe(true);
    const after = noticeStatus(store.data, conference, now, id);
    expect(after.counts).toEqual(before.counts);
    expect(after.item).toEqual(before.item);
    expect(after.ack).toEqual(before.ack);
    expect(after.parked).toEqual(before.parked);
    // Those who have not acknowledged can still be sent it again (read from the archive); nothing is parked.
    expect(after.can).toEqual({ cancel: false, resend: before.ack?.missing.length, retry: 0 });

    // After a restart, the same figures and lists, read from the archive.
    await h.app.store.flush();
    const reopened = conferenceStore(await openStore({ dir: h.dir }), h.app.conferences.primary.id);
    expect(noticeStatus(reopened.data, conference, now, id).ack).toEqual(before.ack);
    expect(noticeStatus(reopened.data, conference, now, id).counts).toEqual(before.counts);
    // A second round finds nothing more to do.
    expect(compactableNotices(reopened.data, later)).toEqual([]);
    await reopened.close();
  });

  it("waits while a delivery of the notice is still pending", async () => {
    const id = await meetingNotice((x) => {
      x.state = "pending";
    });
    expect(compactableNotices(h.app.store.data, new Date(h.clock.now().getTime() + 365 * DAY))).not.toContain(id);
  });
});

describe("'Đã nhận' after the notice was compacted (issue 26)", () => {
  it("Huổi Luông acknowledges the next day: thanked, counted and listed at once, folded into the archive at the next round, kept after a restart", async () => {
    const { id, su } = await compactedBroadcast();
    const conference = h.app.services.conference;
    const acked = () => noticeStatus(h.app.store.data, conference, h.clock.now(), id).ack?.acked.map((a) => a.name) ?? [];
    expect(acked()).toEqual(["Lò Thị Lan"]);
    h.clock.set(new Date(h.clock.now().getTime() + DAY).toISOString());

    // Typed without the notice's id: the latest notice sent to him, found in the archive.
    expect(await su.say("đã nhận")).toContain("Cảm ơn");
    expect(acked().sort()).toEqual(["Lò Thị Lan", "Vàng A Sử"]);
    expect(noticeStatus(h.app.store.data, conference, h.clock.now(), id).counts.acked).toBe(2);
    expect(await su.say("đã nhận")).not.toContain("Cảm ơn");

    // The next round writes it into the archive and takes it out of the store: the same figures.
    await compactDeliveries(h.app.store, h.clock.now());
    expect(h.app.store.data.deliveries.filter((d) => d.noticeId === id)).toEqual([]);
    expect(h.app.store.data.notices.find((n) => n.id === id)?.compacted?.counts.acked).toBe(2);
    expect(acked().sort()).toEqual(["Lò Thị Lan", "Vàng A Sử"]);

    await h.app.store.flush();
    const reopened = conferenceStore(await openStore({ dir: h.dir }), h.app.conferences.primary.id);
    expect(noticeStatus(reopened.data, conference, h.clock.now(), id).ack?.acked.map((a) => a.name).sort()).toEqual(["Lò Thị Lan", "Vàng A Sử"]);
    await reopened.close();
  });

  it("the organizer resends to those who have not acknowledged, read from the archive: Huổi Luông and Dào San get it again, Mường So not", async () => {
    const { id, org } = await compactedBroadcast();
    const sentBefore = h.sent.length;
    const reply = await org.say(`/thongbao guilai ${id}`);
    expect(reply).toContain("Số tài khoản nhận: 2");
    expect(await org.say("1")).not.toContain("Chưa có tài khoản nào");
    await h.app.outbox.idle();
    const again = h.sent.slice(sentBefore).filter((m) => m.text.includes("nộp báo cáo trước thứ Sáu"));
    expect(again.map((m) => h.app.store.data.accounts[m.account]?.displayName).sort()).toEqual(["Tao Văn Hùng", "Vàng A Sử"]);
  });

  it("a notice with a parked delivery (failed, to be tried again) keeps its deliveries for 30 days", async () => {
    const id = await meetingNotice((x) => {
      x.state = "failed";
      x.error = "network";
    });
    expect(compactableNotices(h.app.store.data, new Date(h.clock.now().getTime() + 29 * DAY))).not.toContain(id);
    expect(compactableNotices(h.app.store.data, new Date(h.clock.now().getTime() + 31 * DAY))).toContain(id);
  });
});
