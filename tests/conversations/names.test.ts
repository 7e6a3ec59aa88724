// Names with their marks (issue 22, item 6): a form of address ("chị", "anh", "đồng chí", "đ/c") is
// not part of a name, wherever a name is stored or looked up — an answer, a substitute, an organizer's
// check-in on behalf; a name typed without marks is offered with the marks of the platform's name.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withoutAddress, markedForm } from "../../src/domain/names.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
});
afterEach(async () => {
  await h.close();
});

const answerOf = (unitId: string, seatId: string) => h.app.store.data.rsvps.find((r) => r.unitId === unitId && r.seatId === seatId);

describe("forms of address", () => {
  it.each([
    ["chị Lò Thị Xuân", "Lò Thị Xuân"],
    ["chi Lo Thi Xuan", "Lo Thi Xuan"],
    ["đồng chí chị Lò Thị Xuân", "Lò Thị Xuân"],
    ["Đ/c Vàng A Sử", "Vàng A Sử"],
    ["ông  Lò  Văn Páo", "Lò  Văn Páo"],
    ["Anh Tuấn", "Anh Tuấn"],
    ["Lò Thị Xuân", "Lò Thị Xuân"],
  ])("%s → %s", (typed, name) => {
    expect(withoutAddress(typed)).toBe(name);
  });

  it("the platform's name is offered for a name typed without marks; a name typed with marks is kept", () => {
    expect(markedForm("Lo Van Hung", ["Lò Văn Hùng"])).toBe("Lò Văn Hùng");
    expect(markedForm("anh lo van hung", ["Lò Văn Hùng"])).toBe("Lò Văn Hùng");
    expect(markedForm("Lò Văn Hưng", ["Lò Văn Hùng"])).toBeUndefined();
    expect(markedForm("Lo Van Nam", ["Lò Văn Hùng"])).toBeUndefined();
  });
});

describe("xã Mường So ghi tên kèm cách xưng hô", () => {
  it("'chi Lo Thi Xuan' is stored as Lo Thi Xuan, in a typed command and a substitute's name; the check-in on behalf finds her by name", async () => {
    const d = await h.delegate("Mường So", "Lò Văn Sáu");
    expect(await d.say("/dangky 1 thamdu chi Lo Thi Xuan")).toContain("tham dự, Lo Thi Xuan.");
    expect(answerOf("muong-so", "chair")?.name).toBe("Lo Thi Xuan");
    expect(await d.say("/dangky 2 thay đồng chí Vàng A Sử, Công chức Văn phòng")).toContain("cử Vàng A Sử (Công chức Văn phòng) dự thay");
    expect(answerOf("muong-so", "cchc")).toMatchObject({ name: "Vàng A Sử", position: "Công chức Văn phòng" });

    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    h.clock.set("2027-06-20T00:40:00Z");
    const done = await org.say("/diemdanh Mường So chị Lo Thi Xuan");
    expect(done).toContain("vị trí Chủ tịch UBND xã, đồng chí Lo Thi Xuan (tham dự)");
    expect(done).not.toContain("đồng chí chi");
  });

  it("a name typed without marks that is the platform's name is offered with them; nothing is saved until chosen", async () => {
    const d = await h.delegate("Mường So", "Lò Văn Hùng");
    await d.say("/dangky");
    await d.say("chu tich xa");
    await d.say("tham du");
    const offered = await d.say("Lo Van Hung");
    expect(offered).toContain("1. Lò Văn Hùng (có dấu)\n2. Lo Van Hung (như đã gõ)");
    expect(answerOf("muong-so", "chair")).toBeUndefined();
    expect(await d.say("khong")).toContain("tham dự, Lo Van Hung.");
    expect(answerOf("muong-so", "chair")?.name).toBe("Lo Van Hung");
  });
});
