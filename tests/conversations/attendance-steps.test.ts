// The attendance conversations on typed steps: xã Mường So answers a seat by numbers, Ban tổ chức
// answers on behalf of Nậm Xe and chases the units that lag, a delegate checks in with the code asked
// for — every choice and every question is stored as a typed step, never as a command line — and a
// store written with command lines (the schema version before steps) keeps what each had open.
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { parseStep } from "../../commands/steps.js";
import { SCHEMA_VERSION } from "../../storage/schema.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { reopenBeforeSteps } from "./helpers.js";

let h: TestApp | undefined;
const keep: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const dir of keep.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** What the person has open, as the store keeps it. */
const sessionOf = (app: TestApp, p: Person) => app.app.store.data.sessions[p.key];

/** Every step stored for `p` is typed (a kind the program knows, of the right shape), none a command line. */
function expectTypedSteps(app: TestApp, p: Person): void {
  const s = sessionOf(app, p);
  const steps = [...(s?.choices?.steps ?? []), ...(s?.awaiting ? [s.awaiting.step] : [])];
  for (const step of steps) {
    expect(step.kind, JSON.stringify(step)).not.toMatch(/^command\./);
    expect(parseStep(step), JSON.stringify(step)).toEqual(step);
  }
}

describe("xã Mường So chọn vị trí 2, chọn Cử người thay, gõ tên — mọi bước lưu dưới dạng bước có kiểu", () => {
  it("seat, answer and name are rsvp.seat, rsvp.answer and rsvp.name; a name without position keeps the question open", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");

    expect(await ms.say("/dangky")).toContain("2. Công chức làm nhiệm vụ công tác CCHC: chưa trả lời");
    expect(sessionOf(h, ms)?.choices?.steps).toEqual([
      { kind: "rsvp.seat", seat: "chair" },
      { kind: "rsvp.seat", seat: "cchc" },
      { kind: "rsvp.seat", seat: "motcua" },
      { kind: "rsvp.seat", seat: "kstthc" },
    ]);

    expect(await ms.say("2")).toContain("2. Cử người dự thay");
    expect(sessionOf(h, ms)?.choices?.steps).toEqual([
      { kind: "rsvp.answer", seat: "cchc", status: "attend" },
      { kind: "rsvp.answer", seat: "cchc", status: "substitute" },
      { kind: "rsvp.answer", seat: "cchc", status: "absent" },
    ]);

    expect(await ms.say("cử người dự thay")).toBe(
      "Vui lòng gõ họ tên và chức vụ người dự thay ở vị trí Công chức làm nhiệm vụ công tác CCHC, cách nhau bằng dấu phẩy (ví dụ: Lò Văn A, Phó Chủ tịch UBND xã).\nGõ /huy nếu không muốn trả lời lúc này.",
    );
    expect(sessionOf(h, ms)?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "cchc", status: "substitute" });

    // A name without the position: the name is kept in the step, its position asked for, nothing saved yet.
    expect(await ms.say("Lò Văn Bảy")).toBe("Vui lòng gõ chức vụ của Lò Văn Bảy (ví dụ: Phó Chủ tịch UBND xã).\nGõ /huy nếu không muốn trả lời lúc này.");
    expect(h.app.store.data.rsvps).toEqual([]);
    expect(sessionOf(h, ms)?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "cchc", status: "substitute", name: "Lò Văn Bảy" });

    const saved = await ms.say("Lò Văn Bảy, Phó Chủ tịch UBND xã");
    expect(saved).toContain("Đã ghi nhận: UBND xã Mường So, vị trí Công chức làm nhiệm vụ công tác CCHC: cử Lò Văn Bảy (Phó Chủ tịch UBND xã) dự thay.");
    expect(h.app.store.data.rsvps).toMatchObject([{ unitId: "muong-so", seatId: "cchc", status: "substitute", name: "Lò Văn Bảy", position: "Phó Chủ tịch UBND xã" }]);
    // The question ended with the answer; the next seat nobody answered is offered, as steps (and in words).
    expect(sessionOf(h, ms)?.awaiting?.step).toEqual({ kind: "rsvp.reply", seat: "chair" });
    expect(sessionOf(h, ms)?.choices?.steps[0]).toEqual({ kind: "rsvp.answer", seat: "chair", status: "attend" });
    expectTypedSteps(h, ms);
  });

  it("an answer typed without a seat asks which one: each choice carries the answer and its text", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    expect(await ms.say("/dangky vang Đi công tác tỉnh")).toContain("Câu trả lời này dành cho vị trí nào?");
    expect(sessionOf(h, ms)?.choices?.steps[2]).toEqual({ kind: "rsvp.answer", seat: "motcua", status: "absent", text: "Đi công tác tỉnh" });
    expect(await ms.say("3")).toContain("vị trí Công chức bộ phận tiếp nhận và trả kết quả: vắng mặt. Lý do: Đi công tác tỉnh");
    // Without text, "Tham dự" records the account's name at once.
    await ms.say("/dangky thamdu");
    expect(sessionOf(h, ms)?.choices?.steps[0]).toEqual({ kind: "rsvp.answer", seat: "chair", status: "attend", text: "" });
    expect(await ms.say("1")).toContain("vị trí Chủ tịch UBND xã: tham dự, Lò Văn Sáu.");
    expectTypedSteps(h, ms);
  });
});

describe("Ban tổ chức ghi thay, nhắc đơn vị, đại biểu điểm danh: các bước đều có kiểu", () => {
  it("the reason asked for on behalf of Nậm Xe waits as rsvp.name with the unit, and is recorded on behalf", async () => {
    h = await createTestApp();
    const org = h.organizer();
    await org.say("/start");
    expect(await org.say("/dangky Nậm Xe 3 vang")).toBe("Vui lòng ghi lý do vắng mặt, ví dụ: /dangky vang Đi công tác.");
    expect(sessionOf(h, org)?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "motcua", status: "absent", unit: "nam-xe" });
    expect(await org.say("Ốm, nằm viện")).toContain("Đã ghi (Ban tổ chức ghi thay, người ghi: Cán bộ Phòng Nội vụ): UBND xã Nậm Xe");
    expect(h.app.store.data.rsvps).toMatchObject([{ unitId: "nam-xe", seatId: "motcua", status: "absent", reason: "Ốm, nằm viện", onBehalf: true }]);
    expect(sessionOf(h, org)?.awaiting).toBeUndefined();
  });

  it("/nhacnho's two choices are remind steps; '1' chases the units that have not answered", async () => {
    h = await createTestApp();
    const org = h.organizer();
    await org.say("/start");
    expect(await org.say("/nhacnho")).toContain("1. Chưa xác nhận tham dự");
    expect(sessionOf(h, org)?.choices?.steps).toEqual([
      { kind: "remind", what: "rsvp" },
      { kind: "remind", what: "speech" },
    ]);
    expect(await org.say("1")).toBe(await org.say("/nhacnho dangky"));
  });

  it("the hall code asked for is checkin.code, the seat after it checkin.seat", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const org = h.organizer();
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
    const ms = await h.delegate("Mường So", "Điện thoại xã");
    await ms.say("/dangky 1 thamdu Lò Văn Hùng");
    await ms.say("/dangky 2 thamdu Tẩn Thị Mai");
    h.clock.set("2027-06-20T00:30:00Z");

    expect(await ms.say("/diemdanh")).toBe("Vui lòng gõ mã điểm danh được chiếu tại hội trường, ví dụ: /diemdanh K7MQ3P.");
    expect(sessionOf(h, ms)?.awaiting?.step).toEqual({ kind: "checkin.code" });
    expect(await ms.say(code.toLowerCase())).toContain("Đồng chí điểm danh cho vị trí nào?");
    expect(sessionOf(h, ms)?.choices?.steps).toEqual([
      { kind: "checkin.seat", code, seat: "chair" },
      { kind: "checkin.seat", code, seat: "cchc" },
    ]);
    expect(await ms.say("2")).toContain("Đã điểm danh: UBND xã Mường So, vị trí Công chức làm nhiệm vụ công tác CCHC");
    expect(h.app.store.data.checkins.map((c) => c.seatId)).toEqual(["cchc"]);
    // The check-in ended the question that asked for the code.
    expect(sessionOf(h, ms)?.awaiting).toBeUndefined();
    expectTypedSteps(h, ms);
  });
});

describe("a store written with /dangky, /diemdanh and /nhacnho command lines (the schema version before steps)", () => {
  it("is migrated to typed steps: '1' still does what was offered, and the questions still take their answers", async () => {
    const first = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    h = first;
    const org = first.organizer();
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
    const ms = await first.delegate("Mường So", "Lò Văn Sáu");
    const nx = await first.delegate("Nậm Xe", "Tẩn Văn Chù");
    const bl = await first.delegate("Bản Lang", "Lò Thị Hoa");
    await bl.say("/dangky 1 thamdu Lò Thị Hoa");
    await bl.say("/dangky 2 thamdu Vàng Thị Mỷ");
    keep.push(first.dir);
    h = undefined;

    // What the version before steps kept: command lines.
    const at = "2027-05-01T02:00:00.000Z";
    const answers = ["Tham dự", "Cử người dự thay", "Vắng mặt"];
    h = await reopenBeforeSteps(first, {
      [ms.key]: { choices: { setId: "a1b2c3d4", commands: ["/dangky chair thamdu ?", "/dangky chair thay ?", "/dangky chair vang ?"], labels: answers, offeredAt: at } },
      [nx.key]: { awaiting: { command: "/dangky cchc vang", prompt: "rsvp-ask-absent", offeredAt: at } },
      [org.key]: {
        awaiting: { command: "/dangky Nậm Xe kstthc vang", prompt: "rsvp-absent-no-reason", offeredAt: at },
        choices: { setId: "e5f6a7b8", commands: ["/nhacnho dangky", "/nhacnho thamluan"], labels: ["Chưa xác nhận tham dự (28 đơn vị)", "Chưa nộp tham luận (3 đơn vị)"], offeredAt: "2027-05-01T01:00:00.000Z" },
      },
      [bl.key]: { choices: { setId: "c9d0e1f2", commands: [`/diemdanh ${code} @chair`, `/diemdanh ${code} @cchc`], offeredAt: at } },
    }, { now: "2027-05-01T02:05:00Z" });
    const data = h.app.store.data;
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.sessions[ms.key]?.choices?.steps).toEqual([
      { kind: "rsvp.answer", seat: "chair", status: "attend" },
      { kind: "rsvp.answer", seat: "chair", status: "substitute" },
      { kind: "rsvp.answer", seat: "chair", status: "absent" },
    ]);
    expect(data.sessions[nx.key]?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "cchc", status: "absent" });
    // The organizer's question named the unit as typed: the step keeps that name, and finds the unit by it.
    expect(data.sessions[org.key]?.awaiting?.step).toEqual({ kind: "rsvp.name", seat: "kstthc", status: "absent", unit: "Nậm Xe" });
    expect(data.sessions[org.key]?.choices?.steps).toEqual([
      { kind: "remind", what: "rsvp" },
      { kind: "remind", what: "speech" },
    ]);
    expect(data.sessions[bl.key]?.choices?.steps).toEqual([
      { kind: "checkin.seat", code, seat: "chair" },
      { kind: "checkin.seat", code, seat: "cchc" },
    ]);

    // Mường So's "1" is still "Tham dự" for the chair: the name is asked for, and taken.
    const msAgain = h.person("Lò Văn Sáu", { userId: ms.userId });
    expect(await msAgain.say("1")).toBe("Vui lòng gõ họ tên người dự ở vị trí Chủ tịch UBND xã (ví dụ: Lò Văn A).\nGõ /huy nếu không muốn trả lời lúc này.");
    expect(await msAgain.say("Lò Văn Sáu")).toContain("Đã ghi nhận: UBND xã Mường So, vị trí Chủ tịch UBND xã: tham dự, Lò Văn Sáu.");
    // Nậm Xe's reason, and the organizer's on its behalf.
    const nxAgain = h.person("Tẩn Văn Chù", { userId: nx.userId });
    expect(await nxAgain.say("Đi công tác tỉnh")).toContain("Đã ghi nhận: UBND xã Nậm Xe, vị trí Công chức làm nhiệm vụ công tác CCHC: vắng mặt. Lý do: Đi công tác tỉnh");
    const orgAgain = h.organizer();
    expect(await orgAgain.say("Ốm")).toContain("Đã ghi (Ban tổ chức ghi thay, người ghi: Cán bộ Phòng Nội vụ): UBND xã Nậm Xe");
    expect(h.app.store.data.rsvps.find((r) => r.unitId === "nam-xe" && r.seatId === "kstthc")).toMatchObject({ status: "absent", reason: "Ốm", onBehalf: true });
    // The reminder's choice still chases.
    expect(await orgAgain.say("1")).toContain("Đã gửi lời nhắc xác nhận tham dự");
    // Bản Lang's seat after the hall code, on the day.
    h.clock.set("2027-06-20T00:30:00Z");
    const blAgain = h.person("Lò Thị Hoa", { userId: bl.userId });
    expect(await blAgain.say("2")).toContain("Đã điểm danh: UBND xã Bản Lang, vị trí");
    expect(h.app.store.data.checkins).toMatchObject([{ unitId: "ban-lang", seatId: "cchc" }]);
  });
});
