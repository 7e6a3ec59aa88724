// /baocao names the two RSVP audiences with their own words: "chưa trả lời" (no seat answered) and
// "chưa xác nhận đủ" (some seat unanswered, the units /nhacnho dangky chases), with the same counts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("/baocao: chưa trả lời và chưa xác nhận đủ", () => {
  it("xã Mường So trả lời 1 trong 4 vị trí: thuộc nhóm chưa xác nhận đủ, không thuộc nhóm chưa trả lời", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say("/dangky 1 thamdu Lò Văn Hùng")).toContain("Đơn vị còn 3 vị trí chưa trả lời.");
    const org = h.organizer();
    const report = await org.say("/baocao");
    expect(report).toContain("Đơn vị được mời: 22 (đã trả lời: 1, chưa trả lời: 21)");
    const silent = /CHƯA TRẢ LỜI \(21 đơn vị\)\n((?:- .+\n)+)/.exec(report)?.[1] ?? "";
    expect(silent.split("\n").filter(Boolean)).toHaveLength(21);
    expect(silent).not.toContain("- Mường So");
    expect(report).toContain(
      "CHƯA XÁC NHẬN ĐỦ (22 đơn vị còn vị trí chưa trả lời: 21 đơn vị nêu trên và 1 đơn vị dưới đây; /nhacnho dangky nhắc cả 22 đơn vị):\n- Mường So: còn 3/4 vị trí",
    );
    // The reminder offers the same 22 units the report counts.
    expect(await org.say("/nhacnho")).toContain("Chưa xác nhận tham dự (22 đơn vị)");

    for (const n of [2, 3, 4]) await d.say(`/dangky ${n} thamdu Người số ${n}`);
    const after = await org.say("/baocao");
    expect(after).not.toContain("CHƯA XÁC NHẬN ĐỦ");
    expect(after).toContain("CHƯA TRẢ LỜI (21 đơn vị)");
    expect(await org.say("/nhacnho")).toContain("Chưa xác nhận tham dự (21 đơn vị)");
  });
});
