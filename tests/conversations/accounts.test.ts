// Nothing changes silently (issue 12, item 7): moving to another unit is asked; organizers list, remove and revoke a unit's accounts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

const unitOf = (p: Person) => h.app.store.data.accounts[p.key]?.unitId;

describe("/start với mã của đơn vị khác", () => {
  it("asks to confirm the move; 'khong' keeps the unit, 'co' moves it", async () => {
    const d = await h.delegate("Mường So", "Lò Văn Hùng");
    const asked = await d.say(`/start ${await h.code("nam-xe")}`);
    expect(asked).toContain("Tài khoản của đồng chí đang là đại biểu của UBND xã Mường So. Mã mời vừa gõ là của UBND xã Nậm Xe.");
    expect(unitOf(d)).toBe("muong-so");
    expect(await d.say("khong")).toContain("đại biểu của UBND xã Mường So");
    expect(unitOf(d)).toBe("muong-so");
    await d.say(`/start ${await h.code("nam-xe")}`);
    expect(await d.say("co")).toContain("Đã chuyển tài khoản khỏi UBND xã Mường So.");
    expect(unitOf(d)).toBe("nam-xe");
  });

  it("the same unit's code again changes nothing and asks nothing", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say(`/start ${await h.code("muong-so")}`)).toContain("đã tham gia với tư cách đại biểu của UBND xã Mường So");
  });
});

describe("/mamoi <đơn vị>", () => {
  it("lists the unit's accounts and removes one, who is told", async () => {
    const a = await h.delegate("Mường So", "Lò Văn Hùng");
    const b = await h.delegate("Mường So", "Máy cũ của xã");
    const listed = await org.say("/mamoi Mường So");
    expect(listed).toContain("Tài khoản của UBND xã Mường So trên bot (2):\n1. Lò Văn Hùng (máy chủ, tham gia lúc");
    expect(listed).toContain("2. Gỡ tài khoản số 2: Máy cũ của xã");
    expect(await org.say("2")).toBe("Đã gỡ 1 tài khoản khỏi UBND xã Mường So: Máy cũ của xã.");
    expect(unitOf(a)).toBe("muong-so");
    expect(unitOf(b)).toBeUndefined();
    expect(h.sent.filter((m) => m.account === b.key).map((m) => m.text)).toEqual([
      "Kính gửi đồng chí: Ban tổ chức đã gỡ tài khoản của đồng chí khỏi UBND xã Mường So. Nếu có nhầm lẫn hoặc cần tham gia lại, đề nghị đồng chí liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật) để được cấp mã mời. Trân trọng!",
    ]);
  });

  it("revoking a code asks whether to remove its accounts too", async () => {
    const a = await h.delegate("Nậm Xe", "Lò Thị Lan");
    const asked = await org.say("/mamoi thuhoi Nậm Xe");
    expect(asked).toContain("Đã thu hồi mã mời của Nậm Xe.");
    expect(asked).toContain("Nậm Xe còn 1 tài khoản đã tham gia bằng mã cũ. Gỡ luôn các tài khoản này?");
    expect(unitOf(a)).toBe("nam-xe");
    expect(await org.say("1")).toBe("Đã gỡ 1 tài khoản khỏi UBND xã Nậm Xe: Lò Thị Lan.");
    expect(unitOf(a)).toBeUndefined();
  });
});

describe("hỏi ai: đầu mối Ban tổ chức", () => {
  it("/chuongtrinh and /trogiup name Phòng Nội vụ, the phone shown as 'đang cập nhật'", async () => {
    const line = "Liên hệ Ban tổ chức: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị), điện thoại: đang cập nhật.";
    const guest = h.person("Khách");
    expect(await guest.say("/chuongtrinh")).toContain(`\n\n${line}`);
    expect(await guest.say("/trogiup")).toContain(line);
    expect(h.app.services.conference.conf.contact).toEqual({ name: "Phòng Nội vụ huyện Phong Thổ", position: "Cơ quan tham mưu tổ chức Hội nghị", phone: "" });
  });

  it("the unit told of an answer recorded on its behalf is told whom to contact", async () => {
    const d = await h.delegate("Nậm Xe");
    await org.say("/dangky Nậm Xe 2 vang Ốm");
    expect(h.sent.filter((m) => m.account === d.key).at(-1)?.text).toContain("báo lại Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật). Trân trọng!");
  });
});
