// A refusal while a speech draft is open is one sentence and changes nothing: no draft note after it,
// the draft's parts and its step as they were (issue 20, the seed -1458290446 of tests/proof/bad-input.test.ts).
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("một câu từ chối khi đang soạn tham luận", () => {
  it("xã Mường So đang soạn tham luận, gõ /duyet, chỉ nhận một câu từ chối; phần sau vẫn vào bản nháp", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const ms = await h.delegate("Mường So", "Lò Văn Sáu", { channel: "zalo", userId: "muong-so-1" });
    await ms.say("/thamluan");
    expect(await ms.say("Phần 1: tình hình cải cách hành chính của xã.")).toContain("Đã nhận phần 1");
    const before = JSON.stringify(h.app.store.data);

    expect(await ms.say("/duyet Mường So")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(ms.last).toHaveLength(1);
    expect(JSON.stringify(h.app.store.data)).toBe(before);

    // A command that runs still names the open draft after its answer.
    expect(await ms.say("/chuongtrinh")).toContain("đang soạn tham luận (1 phần chưa nộp)");
    expect(await ms.say("Phần 2: kiến nghị.")).toContain("Đã nhận phần 2");
    expect(h.app.store.data.sessions[ms.key]?.collecting?.parts).toEqual(["Phần 1: tình hình cải cách hành chính của xã.", "Phần 2: kiến nghị."]);
  });

  it("a file of a kind the draft does not take, sent while no step waits, is refused and leaves the session as it was", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan");
    await ms.say("Phần 1.");
    // Another command ends the draft's waiting step; the draft itself stays.
    await ms.say("/chuongtrinh");
    expect(h.app.store.data.sessions[ms.key]?.awaiting).toBeUndefined();
    const before = JSON.stringify(h.app.store.data);
    const bytes = Buffer.from("a,b\n1,2\n");
    const file = { kind: "document" as const, name: "bang.xls", mime: "application/vnd.ms-excel", size: bytes.length, download: async () => bytes };

    expect(await ms.say("4", { file })).toBe("Loại tệp này không được chấp nhận ở đây. Gõ /trogiup để xem hướng dẫn.");
    expect(ms.last).toHaveLength(1);
    expect(JSON.stringify(h.app.store.data)).toBe(before);
    expect(await ms.say("Phần 2.")).toContain("Đã nhận phần 2");
  });
});
