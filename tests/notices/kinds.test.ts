// Thông báo giữ loại và người gửi: /nhacnho ghi một lời nhắc "Nhắc đơn vị" của chính cán bộ đã gửi; hai nhóm "chưa trả lời" và "chưa xác nhận đủ" mang tên riêng.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("a chase by /nhacnho keeps its kind and its author", () => {
  it("files one chase notice by the organizer who sent it, shown with kind and author in /baocao and /thongbao trangthai", async () => {
    const ms = await h.delegate("Mường So");
    const bl = await h.delegate("Bản Lang");
    await ms.say("/dangky 1 thamdu Lò Văn A");
    const org = h.organizer("Lò Thị Hoa");
    expect(await org.say("/nhacnho dangky")).toContain("Đã gửi lời nhắc xác nhận tham dự tới 2 đơn vị (2 tài khoản).");

    const chases = h.app.store.data.notices.filter((n) => n.kind === "chase");
    expect(chases).toHaveLength(1);
    expect(chases[0]?.createdBy).toBe(org.key);
    expect(h.app.store.data.notices.some((n) => n.kind === "result")).toBe(false);
    // Each unit reads its own figures.
    expect(h.sent.find((s) => s.account === ms.key)?.text).toContain("Kính gửi UBND xã Mường So: đơn vị còn 3/4 vị trí");
    expect(h.sent.find((s) => s.account === bl.key)?.text).toContain("Kính gửi UBND xã Bản Lang: đơn vị còn 4/4 vị trí");
    // The organizer is not sent a second count: the reply already said it.
    expect(h.sent.filter((s) => s.account === org.key)).toHaveLength(0);

    const id = chases[0]?.id as string;
    const report = await org.say("/baocao");
    expect(report).toContain(`[${id}] Nhắc đơn vị`);
    expect(report).toContain("người gửi: Lò Thị Hoa");
    const status = await org.say("/thongbao trangthai");
    expect(status).toContain(`[${id}] Nhắc đơn vị`);
    expect(status).toMatch(/Nhắc 22 đơn vị chưa xác nhận đủ các vị trí tham dự.*gửi được 2\/2.*người gửi: Lò Thị Hoa/);
  });

  it("shows a broadcast's author, and the bot as the author of a reminder", async () => {
    await h.delegate("Mường So");
    const org = h.organizer("Lò Thị Hoa");
    await org.say("/thongbao tatca | Họp trù bị");
    await org.say("1");
    await h.app.outbox.idle();
    expect(await org.say("/thongbao trangthai")).toMatch(/\] Thông báo, .*"Họp trù bị".*người gửi: Lò Thị Hoa/);
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    await h.app.outbox.tick();
    expect(await org.say("/thongbao trangthai")).toMatch(/\] Nhắc lịch, .*người gửi: bot \(tự động\)/);
  });
});

describe("the two RSVP audiences, each with its own words", () => {
  it("'chưa trả lời' (no seat answered) for /thongbao, 'chưa xác nhận đủ' (some seat unanswered) for /nhacnho and /baocao", async () => {
    const ms = await h.delegate("Mường So");
    await h.delegate("Bản Lang");
    await ms.say("/dangky 1 thamdu Lò Văn A");
    const org = h.organizer();
    // /thongbao chuatraloi: only Bản Lang has no seat answered.
    const preview = await org.say("/thongbao chuatraloi | Đề nghị trả lời giấy mời");
    expect(preview).toContain("Gửi tới: Các đơn vị chưa trả lời (chưa vị trí nào xác nhận tham dự)");
    expect(preview).toContain("Số tài khoản nhận: 1");
    await org.say("/tbhuy");
    // /nhacnho dangky: Mường So (3 of 4 seats open) and Bản Lang both lag; 22 units in all.
    expect(await org.say("/nhacnho")).toContain("đơn vị còn vị trí chưa xác nhận đủ");
    expect(await org.say("/nhacnho")).toContain("1. Chưa xác nhận tham dự (22 đơn vị)");
    const report = await org.say("/baocao");
    expect(report).toContain("CHƯA TRẢ LỜI (21 đơn vị)");
    expect(report).toContain("CHƯA XÁC NHẬN ĐỦ (22 đơn vị còn vị trí chưa trả lời");
  });
});
