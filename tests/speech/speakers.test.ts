// Voluntary speaking: units that have no assigned speech "chủ động ý kiến phát biểu"; Ban tổ chức sees them in order.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const snapshot = () => JSON.stringify(h.app.store.data);

describe("đơn vị đăng ký phát biểu, Ban tổ chức xem theo thứ tự đăng ký", () => {
  it("lists the speakers in order of registration, and a withdrawal takes one out", async () => {
    const org = h.organizer();
    expect(await org.say("/phatbieu")).toBe("Chưa có đơn vị nào đăng ký phát biểu.");
    const nx = await h.delegate("Nậm Xe");
    const ht = await h.delegate("Hoang Thèn");
    const ds = await h.delegate("Dào San");
    expect(await nx.say("/phatbieu Kết quả số hóa hồ sơ một cửa ở xã Nậm Xe")).toBe(
      "Đã đăng ký phát biểu cho UBND xã Nậm Xe: “Kết quả số hóa hồ sơ một cửa ở xã Nậm Xe” (thứ tự đăng ký: 1). Gõ /phatbieu rut nếu muốn rút.",
    );
    h.clock.advance(60_000);
    expect(await ht.say("/speak Khó khăn về đường truyền Internet")).toContain("thứ tự đăng ký: 2");
    h.clock.advance(60_000);
    expect(await ds.say("/phatbieu Kinh nghiệm tuyên truyền dịch vụ công trực tuyến")).toContain("thứ tự đăng ký: 3");

    const list = await org.say("/phatbieu");
    expect(list).toContain("Các đơn vị đăng ký phát biểu, theo thứ tự đăng ký (3):");
    expect(list).toMatch(/1\. Nậm Xe: Kết quả số hóa hồ sơ một cửa ở xã Nậm Xe \(Đại biểu Nậm Xe, \d+ giờ/);
    expect(list).toMatch(/2\. Hoang Thèn: Khó khăn về đường truyền Internet/);
    expect(list).toMatch(/3\. Dào San: Kinh nghiệm tuyên truyền/);

    expect(await ht.say("/phatbieu rut")).toBe("Đã rút đăng ký phát biểu: “Khó khăn về đường truyền Internet”.");
    const after = await org.say("/phatbieu");
    expect(after).toContain("(2):");
    expect(after).toMatch(/1\. Nậm Xe:.*\n2\. Dào San:/);
    // The withdrawn registration is kept, marked, not erased.
    expect(h.app.store.data.speakers.map((s) => [s.unitId, Boolean(s.withdrawnAt)])).toEqual([
      ["nam-xe", false],
      ["hoang-then", true],
      ["dao-san", false],
    ]);
    expect(await ht.say("/phatbieu rút")).toBe("UBND xã Hoang Thèn không có đăng ký phát biểu nào để rút.");
  });

  it("/phatbieu alone shows the unit's registrations, offers to withdraw by number or to add another", async () => {
    const nx = await h.delegate("Nậm Xe");
    await nx.say("/phatbieu Chuyển đổi số ở cấp xã");
    await nx.say("/phatbieu Rút kinh nghiệm công tác một cửa");
    const mine = await nx.say("/phatbieu");
    expect(mine).toContain("Đăng ký phát biểu của UBND xã Nậm Xe:");
    expect(mine).toContain("1. Rút: Chuyển đổi số ở cấp xã");
    expect(mine).toContain("2. Rút: Rút kinh nghiệm công tác một cửa");
    expect(mine).toContain("3. Đăng ký thêm nội dung khác");
    expect(await nx.say("1")).toBe("Đã rút đăng ký phát biểu: “Chuyển đổi số ở cấp xã”.");
    await nx.say("/phatbieu");
    expect(await nx.press(2)).toContain("Vui lòng gõ nội dung UBND xã Nậm Xe muốn phát biểu");
    expect(await nx.say("Đề xuất tập huấn cho công chức")).toContain("thứ tự đăng ký: 2");
    expect(h.app.store.data.speakers.filter((s) => !s.withdrawnAt).map((s) => s.topic)).toEqual([
      "Rút kinh nghiệm công tác một cửa",
      "Đề xuất tập huấn cho công chức",
    ]);
  });

  it("asks for the topic when none is given, and the next message registers it", async () => {
    const ml = await h.delegate("Ma Li Pho");
    expect(await ml.say("/phatbieu")).toBe("Vui lòng gõ nội dung UBND xã Ma Li Pho muốn phát biểu tại phần thảo luận (tối đa 500 ký tự), hoặc /huy để thôi.");
    expect(await ml.say("rút")).toContain("Đã đăng ký phát biểu cho UBND xã Ma Li Pho: “rút”");
    expect(await ml.say("Câu tiếp theo")).toContain("Bot chỉ hiểu các lệnh");
  });
});

describe("bad input for /phatbieu: one clear sentence, nothing changes", () => {
  it("refuses a long or repeated topic, a guest, an organizer without a unit, an unknown registration", async () => {
    const nx = await h.delegate("Nậm Xe");
    await nx.say("/phatbieu Chuyển đổi số");
    const org = h.organizer();
    await org.say("/start");
    const guest = h.person("Khách");
    await guest.say("/start");
    const before = snapshot();
    expect(await nx.say(`/phatbieu ${"a".repeat(501)}`)).toBe("Nội dung phát biểu quá dài (501 ký tự, tối đa 500); vui lòng ghi ngắn gọn hơn.");
    expect(await nx.say("/phatbieu chuyen doi so")).toBe("UBND xã Nậm Xe đã đăng ký nội dung này rồi; gõ /phatbieu để xem các đăng ký.");
    expect(await nx.say("/phatbieu rut 0badcafe")).toContain("Không tìm thấy đăng ký phát biểu này");
    expect(await guest.say("/phatbieu Ý kiến")).toBe("Lệnh này dành cho đại biểu các đơn vị được mời. Vui lòng gõ /start kèm mã mời của đơn vị.");
    expect(await org.say("/phatbieu Ý kiến")).toBe("Đăng ký phát biểu dành cho đại biểu các đơn vị được mời; vui lòng gõ /start kèm mã mời của đơn vị.");
    expect(await org.say("/phatbieu rut")).toContain("Đăng ký phát biểu dành cho đại biểu");
    expect(snapshot()).toBe(before);
  });
});
