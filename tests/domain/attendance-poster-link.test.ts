// Issue 14, the check-in poster: its Telegram link opens the bot with "/start dd-CODE", which checks
// the person in exactly as "/diemdanh CODE" does.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
let org: Person;
let code: string;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
  code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
});
afterEach(async () => {
  await h.close();
});

describe("quét mã QR trên áp phích điểm danh (/start dd-MÃ)", () => {
  it("checks a delegate of Mường So in, on the seat /diemdanh would take, once", async () => {
    const viaLink = await h.delegate("Mường So", "Lò Văn Sáu");
    const viaCommand = await h.delegate("Nậm Xe", "Tẩn Láo Sử");
    h.clock.set("2027-06-20T01:15:00Z");
    const linked = await viaLink.say(`/start dd-${code}`);
    const typed = await viaCommand.say(`/diemdanh ${code}`);
    expect(linked).toBe("Đã điểm danh: UBND xã Mường So, vị trí Chủ tịch UBND xã, lúc 8 giờ 15. Chúc hội nghị thành công!");
    expect(typed).toBe(linked.replace("Mường So", "Nậm Xe"));
    const checkins = h.app.store.data.checkins;
    expect(checkins).toEqual([
      { unitId: "muong-so", seatId: "chair", by: viaLink.key, at: "2027-06-20T01:15:00.000Z" },
      { unitId: "nam-xe", seatId: "chair", by: viaCommand.key, at: "2027-06-20T01:15:00.000Z" },
    ]);
    // Scanning again says when, and records nothing more.
    h.clock.advance(60_000);
    expect(await viaLink.say(`/start DD-${code.toLowerCase()}`)).toMatch(/^Đồng chí đã điểm danh lúc 8 giờ 15/);
    expect(h.app.store.data.checkins).toHaveLength(2);
    // A check-in link is no invite code: nothing counts against the account.
    expect(h.app.store.data.failedCodes[viaLink.key]).toBeUndefined();
  });

  it("gives the answers of /diemdanh for an old poster, before the hours, and after the end", async () => {
    const d = await h.delegate("Dào San");
    h.clock.set("2027-06-19T10:00:00Z");
    expect(await d.say(`/start dd-${code}`)).toBe(await d.say(`/diemdanh ${code}`));
    expect(await d.say(`/start dd-${code}`)).toMatch(/^Chưa đến giờ điểm danh\. Điểm danh mở từ 7 giờ 00/);

    h.clock.set("2027-06-20T01:15:00Z");
    const rotated = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh moi"))?.[1] as string;
    expect(rotated).not.toBe(code);
    const stale = await d.say(`/start dd-${code}`);
    expect(stale).toBe("Mã điểm danh không đúng hoặc đã hết hiệu lực. Vui lòng xem mã đang chiếu tại hội trường và gõ lại.");
    expect(h.app.store.data.checkins).toHaveLength(0);

    h.clock.set("2027-06-20T06:00:00Z");
    expect(await d.say(`/start dd-${rotated}`)).toMatch(/^Hội nghị đã kết thúc lúc/);
    expect(h.app.store.data.checkins).toHaveLength(0);
  });

  it("tells a person who has not joined a unit to join first, and checks nobody in", async () => {
    h.clock.set("2027-06-20T01:15:00Z");
    const guest = h.person("Khách mời");
    const said = await guest.say(`/start dd-${code}`);
    expect(said).toContain("chưa tham gia với tư cách đại biểu");
    expect(said).toContain("/start kèm mã mời");
    expect(h.app.store.data.checkins).toHaveLength(0);
    expect(h.app.store.data.failedCodes[guest.key]).toBeUndefined();
    // An organizer without a unit is told what /diemdanh tells it.
    expect(await org.say(`/start dd-${code}`)).toBe(await org.say(`/diemdanh ${code}`));
  });
});
