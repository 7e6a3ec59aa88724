// The attendance rules of the domain core, on a real store and the Phong Thổ conference file:
// who may answer which seat and until when, the history, check-in, and the two RSVP audiences.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Conference, Seat, Unit } from "../../src/conference/schema.js";
import { loadConference } from "../../src/conference/load.js";
import {
  type AnswerInput,
  answerOf,
  answerSeat,
  checkIn,
  checkinRows,
  hallCode,
  rsvpOpen,
  seatHistory,
  summarize,
  unitsWithNoSeatAnswered,
  unitsWithSeatUnanswered,
} from "../../src/domain/attendance.js";
import { DeadlinePassed, NotAllowed, UserError } from "../../src/domain/errors.js";
import { awaitStep } from "../../src/domain/sessions.js";
import type { Store } from "../../storage/store.js";
import { openConferenceStore } from "../helpers/conference-store.js";
import { SHIPPED } from "../conference/helpers.js";
import { cleanupTempDirs, tempDir } from "../storage/helpers.js";

const conf: Conference = loadConference(SHIPPED);
const unit = (id: string) => conf.units.find((u) => u.id === id) as Unit;
const muongSo = unit("muong-so");
const namXe = unit("nam-xe");
const seat = (u: Unit, n: number) => u.seats[n - 1] as Seat;

const DEADLINE = new Date("2027-06-17T10:00:00Z");
const BEFORE = new Date("2027-06-10T03:00:00Z");
const AFTER = new Date("2027-06-17T10:00:00Z");

const muongSoOfficer = { key: "zalo:ms-1", displayName: "Lò Văn Sáu", unitId: "muong-so", role: "delegate" as const };
const namXeOfficer = { key: "telegram:nx-1", displayName: "Tẩn Láo Sử", unitId: "nam-xe", role: "delegate" as const };
const organizer = { key: "console:org-1", displayName: "Cán bộ Phòng Nội vụ", role: "organizer" as const };

let store: Store;
beforeEach(async () => {
  store = await openConferenceStore({ dir: await tempDir() });
});
afterEach(async () => {
  await store.close();
  await cleanupTempDirs();
});

function answer(overrides: Partial<AnswerInput>): Promise<Awaited<ReturnType<typeof answerSeat>>> {
  return answerSeat(store, {
    unit: muongSo,
    seat: seat(muongSo, 2),
    status: "absent",
    text: "Đi công tác tỉnh",
    by: muongSoOfficer,
    deadline: DEADLINE,
    now: BEFORE,
    ...overrides,
  });
}

/** Every attendance collection, to show that a refusal changed none of them. */
const snapshot = () => JSON.stringify({ rsvps: store.data.rsvps, history: store.data.rsvpHistory, checkins: store.data.checkins });

describe("trả lời theo từng vị trí", () => {
  it("xã Mường So trả lời vị trí 2 vắng mặt sau hạn: bị từ chối, không thay đổi gì", async () => {
    const before = snapshot();
    const writes = store.writes;
    await expect(answer({ now: AFTER })).rejects.toBeInstanceOf(DeadlinePassed);
    await expect(answer({ now: new Date(AFTER.getTime() + 86_400_000) })).rejects.toBeInstanceOf(DeadlinePassed);
    expect(snapshot()).toBe(before);
    expect(store.writes).toBe(writes);
    // One minute before the deadline it still counts.
    const saved = await answer({ now: new Date(DEADLINE.getTime() - 60_000) });
    expect(saved.answer).toMatchObject({ unitId: "muong-so", seatId: "cchc", status: "absent", reason: "Đi công tác tỉnh" });
    expect(rsvpOpen(DEADLINE, AFTER)).toBe(false);
    expect(rsvpOpen(undefined, AFTER)).toBe(true);
  });

  it("xã Mường So đổi ý: câu trả lời sau cùng có hiệu lực, lịch sử giữ cả hai", async () => {
    const first = await answer({});
    expect(first.before).toBeUndefined();
    expect(first.remaining).toBe(3);
    const second = await answer({ status: "substitute", text: "Lò Thị Hoa, Phó Chủ tịch UBND xã", now: new Date(BEFORE.getTime() + 3_600_000) });
    expect(second.before).toMatchObject({ status: "absent", reason: "Đi công tác tỉnh" });
    expect(second.remaining).toBe(3);
    expect(answerOf(store.data, "muong-so", "cchc")).toMatchObject({ status: "substitute", name: "Lò Thị Hoa", position: "Phó Chủ tịch UBND xã", by: "zalo:ms-1" });
    expect(store.data.rsvps.filter((r) => r.unitId === "muong-so")).toHaveLength(1);
    expect(seatHistory(store.data, "muong-so", "cchc").map((r) => r.status)).toEqual(["absent", "substitute"]);
  });

  it("cán bộ xã Nậm Xe không trả lời thay được cho xã Mường So", async () => {
    const before = snapshot();
    const refused = answer({ by: namXeOfficer });
    await expect(refused).rejects.toBeInstanceOf(NotAllowed);
    await expect(answer({ by: namXeOfficer })).rejects.toMatchObject({ key: "rsvp-no-unit" });
    // Nor by claiming to act for the organizers.
    await expect(answer({ by: namXeOfficer, onBehalf: true })).rejects.toMatchObject({ key: "not-allowed-organizer" });
    expect(snapshot()).toBe(before);
  });

  it("Ban tổ chức ghi thay cho xã Mường So, cả sau hạn, và tên người ghi được lưu", async () => {
    const saved = await answer({ by: organizer, onBehalf: true, now: AFTER, status: "attend", text: "Lò Văn Sáu, Chủ tịch UBND xã" });
    expect(saved.answer).toMatchObject({ status: "attend", name: "Lò Văn Sáu", position: "Chủ tịch UBND xã", by: "console:org-1" });
    expect(store.data.rsvpHistory).toHaveLength(1);
  });

  it("refuses an answer that lacks what it needs, before anything is written", async () => {
    const before = snapshot();
    await expect(answer({ status: "substitute", text: "Lò Thị Hoa" })).rejects.toMatchObject({ key: "rsvp-substitute-no-position" });
    await expect(answer({ status: "absent", text: "  " })).rejects.toMatchObject({ key: "rsvp-absent-no-reason" });
    await expect(answer({ status: "absent", text: "x".repeat(501) })).rejects.toMatchObject({ key: "rsvp-reason-too-long" });
    await expect(answer({ seat: { id: "thu-ky", title: "Thư ký hội nghị" } })).rejects.toBeInstanceOf(UserError);
    expect(snapshot()).toBe(before);
    // "Tham dự" without a name is the officer who answers.
    const self = await answer({ seat: seat(muongSo, 1), status: "attend", text: "" });
    expect(self.defaulted).toBe(true);
    expect(self.answer.name).toBe("Lò Văn Sáu");
  });

  it("an answer ends the step that waited for its reason, and only that step", async () => {
    await awaitStep(store, muongSoOfficer.key, { kind: "rsvp.name", seat: "cchc", status: "absent" }, "rsvp-ask-absent", BEFORE);
    await answer({});
    expect(store.data.sessions[muongSoOfficer.key]).toBeUndefined();
    await awaitStep(store, muongSoOfficer.key, { kind: "speech.collect" }, "speech-how", BEFORE);
    await answer({ status: "attend", text: "Lò Văn Sáu" });
    expect(store.data.sessions[muongSoOfficer.key]?.awaiting?.step).toEqual({ kind: "speech.collect" });
  });
});

describe("hai nhóm đơn vị: chưa trả lời và chưa xác nhận đủ", () => {
  it("Mường So answered one seat of four, Nậm Xe none: each list names whom it should", async () => {
    await answer({});
    const none = unitsWithNoSeatAnswered(conf, store.data).map((u) => u.id);
    const some = unitsWithSeatUnanswered(conf, store.data).map((u) => u.id);
    expect(none).toContain("nam-xe");
    expect(none).not.toContain("muong-so");
    expect(some).toContain("nam-xe");
    expect(some).toContain("muong-so");
    expect(none).toHaveLength(conf.units.length - 1);
    expect(some).toHaveLength(conf.units.length);
    // The report's sections are the same two sets.
    const sum = summarize(conf, store.data);
    expect(sum.silent.map((u) => u.id)).toEqual(none);
    expect(sum.unconfirmed.map((u) => u.unit.id)).toEqual(some);
    expect(sum.partial.map((u) => u.unit.id)).toEqual(["muong-so"]);

    // Once every seat of Mường So is answered, it leaves both.
    for (const n of [1, 3, 4]) await answer({ seat: seat(muongSo, n), status: "attend", text: `Người số ${n}` });
    expect(unitsWithSeatUnanswered(conf, store.data).map((u) => u.id)).not.toContain("muong-so");
    expect(unitsWithNoSeatAnswered(conf, store.data).map((u) => u.id)).not.toContain("muong-so");
    expect(summarize(conf, store.data).totals).toMatchObject({ attend: 3, absent: 1, unitsAnswered: 1 });
  });
});

describe("điểm danh tại hội trường", () => {
  const schedule = { start: new Date("2027-06-20T01:00:00Z"), end: new Date("2027-06-20T05:00:00Z") };
  const inHall = new Date("2027-06-20T00:45:00Z");

  it("xã Mường So điểm danh: vị trí đã xác nhận tham dự đầu tiên, một lần cho mỗi tài khoản", async () => {
    const { code } = await hallCode(store, organizer.key, BEFORE, false);
    expect((await hallCode(store, organizer.key, BEFORE, false)).issued).toBe(false);
    await answer({ seat: seat(muongSo, 1), status: "absent", text: "Họp tại tỉnh" });
    await answer({ seat: seat(muongSo, 2), status: "attend", text: "Lò Văn Sáu" });

    const early = await checkIn(store, { unit: muongSo, by: "zalo:ms-1", typed: code.code, schedule, now: new Date("2027-06-19T23:59:00Z") });
    expect(early).toEqual({ kind: "early", opens: new Date("2027-06-20T00:00:00Z") });
    expect(await checkIn(store, { unit: muongSo, by: "zalo:ms-1", typed: "ABCDEF", schedule, now: inHall })).toEqual({ kind: "wrong-code" });
    expect(await checkIn(store, { unit: muongSo, by: "zalo:ms-1", typed: code.code, schedule: {}, now: inHall })).toEqual({ kind: "not-scheduled" });
    expect(store.data.checkins).toHaveLength(0);

    const typed = `${code.code.slice(0, 3).toLowerCase()} ${code.code.slice(3)}`;
    const done = await checkIn(store, { unit: muongSo, by: "zalo:ms-1", typed, schedule, now: inHall });
    expect(done).toMatchObject({ kind: "done", seat: { id: "cchc" }, checkin: { unitId: "muong-so", seatId: "cchc", by: "zalo:ms-1" } });
    const again = await checkIn(store, { unit: muongSo, by: "zalo:ms-1", typed: code.code, schedule, now: inHall });
    expect(again.kind).toBe("already");
    expect(store.data.checkins).toHaveLength(1);
    expect(checkinRows(conf, store.data)).toEqual([{ unit: muongSo, seat: seat(muongSo, 2), checkin: store.data.checkins[0] }]);

    const closed = await checkIn(store, { unit: muongSo, by: "zalo:ms-2", typed: code.code, schedule, now: new Date("2027-06-20T05:01:00Z") });
    expect(closed).toEqual({ kind: "closed", closes: schedule.end });
  });

  it("a rotated hall code stops the old one; people beyond the seats are checked in without a seat", async () => {
    const old = (await hallCode(store, organizer.key, BEFORE, false)).code;
    const fresh = await hallCode(store, organizer.key, BEFORE, true);
    expect(fresh.issued).toBe(true);
    expect(fresh.code.code).not.toBe(old.code);
    expect((await checkIn(store, { unit: namXe, by: "telegram:nx-0", typed: old.code, schedule, now: inHall })).kind).toBe("wrong-code");
    const kinds: Array<string | undefined> = [];
    for (let i = 1; i <= namXe.seats.length + 1; i++) {
      const r = await checkIn(store, { unit: namXe, by: `telegram:nx-${i}`, typed: fresh.code.code, schedule, now: inHall });
      kinds.push(r.kind === "done" ? (r.seat?.id ?? "extra") : r.kind);
    }
    expect(kinds).toEqual([...namXe.seats.map((s) => s.id), "extra"]);
    expect(summarize(conf, store.data).totals.checkedIn).toBe(namXe.seats.length + 1);
  });
});
