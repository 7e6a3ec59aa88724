// Ban tổ chức soạn thông báo, chọn người nhận, xem trước số tài khoản theo kênh, xác nhận hoặc hẹn giờ; nhập sai thì không gửi gì.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IncomingFile } from "../../src/messages/types.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { lastNotice, seedDelegates, states } from "./helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const received = (p: Person | string) => h.sent.filter((s) => s.account === (typeof p === "string" ? p : p.key));

/**
 * The id of the organizer's latest notice waiting for confirmation: a stored draft (Data.noticeDrafts)
 * since drafts stopped living in the session's hidden pendingConfirm slot.
 */
function pendingId(): string {
  const drafts = Object.values(h.app.store.data.noticeDrafts).filter((d) => d.createdBy === "console:org-1");
  const latest = drafts.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt)).at(-1);
  if (!latest) throw new Error("no pending notice");
  return latest.id;
}

/** Nothing was written: no notice, no delivery. */
function nothingQueued() {
  expect(h.app.store.data.notices).toEqual([]);
  expect(h.app.store.data.deliveries).toEqual([]);
}

describe("/thongbao step by step", () => {
  it("asks for the text, offers the audiences with their counts, previews per channel, and sends once confirmed", async () => {
    const muongSo = await h.delegate("Mường So");
    const banLang = await h.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang", { channel: "telegram", userId: "7001" });
    const vanPhong = await h.delegate("Văn phòng HĐND và UBND huyện", "Chánh Văn phòng", { channel: "zalo", userId: "z-vp" });
    const org = h.organizer();

    expect(await org.say("/thongbao")).toContain("Vui lòng gõ nội dung thông báo");
    const audiences = await org.say("Đề nghị các xã chuẩn bị báo cáo số liệu CCHC trước ngày 15/6.");
    expect(audiences).toContain("1. Tất cả đại biểu (3 tài khoản)");
    expect(audiences).toContain("2. Các xã, thị trấn (2 tài khoản)");
    expect(audiences).toContain("3. Các cơ quan, đơn vị cấp huyện (1 tài khoản)");
    expect(audiences).toContain("6. Chọn đơn vị theo tên");

    const preview = await org.say("2");
    expect(preview).toContain("Gửi tới: Các xã, thị trấn");
    expect(preview).toContain("Số tài khoản nhận: 2 (Telegram 1, Zalo 0, kênh thử 1)");
    expect(preview).toContain("chưa có đại biểu tham gia bot");
    expect(preview).toContain("1. Gửi ngay");
    expect(h.app.store.data.deliveries).toEqual([]);

    expect(await org.say("1")).toMatch(/Đã xếp thông báo \w{6} vào hàng đợi gửi tới 2 tài khoản/);
    await h.app.outbox.idle();
    for (const p of [muongSo, banLang]) {
      const got = received(p);
      expect(got.length).toBe(1);
      expect(got[0]?.text).toContain("THÔNG BÁO CỦA BAN TỔ CHỨC HỘI NGHỊ\nĐề nghị các xã chuẩn bị báo cáo số liệu CCHC trước ngày 15/6.");
      expect(got[0]?.text).toContain("1. Đã nhận");
    }
    expect(received(vanPhong)).toEqual([]);
    expect(received(org).at(-1)?.text).toContain("gửi được 2, lỗi 0, không liên lạc được 0 (tổng 2 tài khoản)");
  });

  it("takes the units by name, typed after choosing 'Chọn đơn vị theo tên' or in one line", async () => {
    const muongSo = await h.delegate("Mường So");
    await h.delegate("Bản Lang");
    const hoangThen = await h.delegate("Hoang Thèn");
    const org = h.organizer();
    await org.say("/thongbao Mời dự họp chuẩn bị");
    expect(await org.say("6")).toContain("gõ tên các đơn vị");
    const preview = await org.say("muong so, hoang then");
    expect(preview).toContain("Gửi tới: Các đơn vị: Mường So, Hoang Thèn");
    expect(preview).toContain("Số tài khoản nhận: 2");
    await org.say("1");
    await h.app.outbox.idle();
    expect(received(muongSo).length).toBe(1);
    expect(received(hoangThen).length).toBe(1);

    const line = await org.say("/thongbao donvi Bản Lang | Đề nghị xã Bản Lang gửi tham luận.");
    expect(line).toContain("Gửi tới: Các đơn vị: Bản Lang");
    expect(line).toContain("Số tài khoản nhận: 1");
  });

  it("reaches the units that have not answered, and the units that have not submitted their speech", async () => {
    const muongSo = await h.delegate("Mường So");
    const banLang = await h.delegate("Bản Lang");
    const namXe = await h.delegate("Nậm Xe");
    await h.app.store.mutate((d) => {
      d.rsvps.push({ unitId: "nam-xe", seatId: "chair", status: "attend", name: "Lò Văn A", by: namXe.key, at: "2027-05-01T01:00:00.000Z" });
      d.speeches["muong-so"] = { unitId: "muong-so", versions: [{ n: 1, kind: "text", text: "Tham luận", by: muongSo.key, at: "2027-05-01T01:00:00.000Z" }], reviews: [] };
    });
    const org = h.organizer();
    expect(await org.say("/thongbao chuatraloi | Đề nghị xác nhận tham dự")).toContain("Số tài khoản nhận: 2");
    await org.say("1");
    await h.app.outbox.idle();
    expect([received(muongSo).length, received(banLang).length, received(namXe).length]).toEqual([1, 1, 0]);

    // Assigned speeches: Văn phòng, Mường So (submitted), Bản Lang, Vàng Ma Chải: only Bản Lang has an account and no speech.
    expect(await org.say("/thongbao chuanop | Đề nghị nộp tham luận")).toContain("Gửi tới: Các đơn vị chưa nộp tham luận\nSố tài khoản nhận: 1");
    await org.say("1");
    await h.app.outbox.idle();
    expect([received(muongSo).length, received(banLang).length, received(namXe).length]).toEqual([1, 2, 0]);
  });

  it("sends a notice with a file: the file, then the text with its 'Đã nhận' choice", async () => {
    const p = await h.delegate("Mường So");
    const org = h.organizer();
    const file: IncomingFile = { kind: "document", name: "giay-moi.pdf", mime: "application/pdf", size: 9, download: async () => Buffer.from("%PDF-1.4 ") };
    const preview = await org.say("/thongbao tatca | Gửi giấy mời hội nghị", { file });
    expect(preview).toContain("Tệp đính kèm: giay-moi.pdf");
    await org.say("1");
    await h.app.outbox.idle();
    const replies = received(p)[0]?.replies ?? [];
    expect(replies.map((r) => r.kind)).toEqual(["file", "choices"]);
    expect(replies[0]?.kind === "file" && replies[0].data.toString()).toBe("%PDF-1.4 ");
    expect(await org.say("/thongbao", { file })).toContain("Vui lòng gửi tệp kèm chú thích");
    expect(await org.say("/thongbao tatca |", { file })).toContain("Vui lòng gửi tệp kèm chú thích");
  });

  it("reports progress every 10 % on a long send, then the final count", async () => {
    await seedDelegates(h.app, 60, "console");
    const org = h.organizer();
    await org.say("/thongbao tatca | Thông báo dài");
    await org.say("1");
    await h.app.outbox.idle();
    const told = received(org).map((s) => s.text);
    expect(told.some((s) => /Đang gửi thông báo \w{6}: \d+\/60 \(\d0%\)/.test(s))).toBe(true);
    expect(told.at(-1)).toContain("gửi được 60, lỗi 0, không liên lạc được 0 (tổng 60 tài khoản)");
  });
});

describe("sending later", () => {
  it("holds the notice until its time, and a cancelled one is never sent", async () => {
    const p = await h.delegate("Mường So");
    const org = h.organizer();
    const preview = await org.say("/thongbao tatca; lúc 07:30 20/05 | Nhắc nộp báo cáo");
    expect(preview).toContain("Hẹn gửi lúc 7 giờ 30, thứ Năm, ngày 20/5/2027.");
    expect(preview).toContain("1. Xác nhận hẹn gửi lúc 7 giờ 30, thứ Năm, ngày 20/5/2027");
    expect(await org.say("1")).toMatch(/Đã hẹn gửi thông báo \w{6} lúc 7 giờ 30, thứ Năm, ngày 20\/5\/2027 tới 1 tài khoản/);
    const first = lastNotice(h.app);
    expect(states(h.app, first)).toEqual({ pending: 1 });

    // A second one, set for later by the "Hẹn giờ gửi" choice, then cancelled.
    await org.say("/thongbao tatca | Thông báo sẽ hủy");
    expect(await org.say("2")).toContain("gõ thời điểm gửi");
    expect(await org.say("08:00 21/05/2027")).toContain("Hẹn gửi lúc 8 giờ 00");
    await org.say("1");
    const second = lastNotice(h.app);
    expect(await org.say(`/tbhuy ${second}`)).toContain(`Đã hủy thông báo hẹn giờ ${second}`);

    await h.app.outbox.tick();
    await h.app.outbox.idle();
    expect(received(p)).toEqual([]);

    h.clock.set("2027-05-20T00:29:00Z"); // 07:29 in Việt Nam
    await h.app.outbox.tick();
    await h.app.outbox.idle();
    expect(received(p)).toEqual([]);
    h.clock.set("2027-05-20T00:30:00Z");
    await h.app.outbox.tick();
    await h.app.outbox.idle();
    expect(received(p).map((s) => s.text.split("\n")[1])).toEqual(["Nhắc nộp báo cáo"]);
    h.clock.set("2027-05-22T00:00:00Z");
    await h.app.outbox.tick();
    await h.app.outbox.idle();
    expect(received(p).length).toBe(1);
    expect(states(h.app, second)).toEqual({ skipped: 1 });
    expect(await org.say(`/tbhuy ${first}`)).toContain("đã bắt đầu gửi nên không hủy được");
  });
});

describe("wrong input: one clear sentence, nothing written", () => {
  it("refuses an empty and an over-long text", async () => {
    await h.delegate("Mường So");
    const org = h.organizer();
    expect(await org.say("/thongbao tatca | ")).toBe("Thông báo chưa có nội dung. Vui lòng gõ: /thongbao NỘI DUNG.");
    const long = "Nội dung ".repeat(223); // 2,007 characters
    expect(await org.say(`/thongbao ${long.trim()}x`)).toContain("vượt quá 2.000 ký tự (giới hạn của Zalo)");
    // Exactly 2,000 is accepted.
    expect(await org.say(`/thongbao tatca | ${"a".repeat(2000)}`)).toContain("Xem trước thông báo");
    await org.say("3");
    nothingQueued();
  });

  it("refuses an audience that matches nobody, and an unknown unit with the closest names", async () => {
    await h.delegate("Mường So");
    const org = h.organizer();
    expect(await org.say("/thongbao coquan | Họp giao ban")).toContain("Chưa có tài khoản nào nhận được thông báo này (Các cơ quan, đơn vị cấp huyện)");
    expect(await org.say("/thongbao donvi Muong Soo | Họp")).toContain("Không tìm thấy đơn vị \"Muong Soo\". Có phải đồng chí muốn tìm: Mường So");
    await org.say("/thongbao Họp giao ban");
    expect(await org.say("3")).toContain("Chưa có tài khoản nào nhận được");
    nothingQueued();
  });

  it("refuses a send time in the past or one it cannot read", async () => {
    await h.delegate("Mường So");
    const org = h.organizer();
    // A date without a year is the next to come (issue 22): a past one is typed with its year.
    expect(await org.say("/thongbao lúc 07:30 20/04/2027 | Họp")).toContain("Thời điểm 7 giờ 30, thứ Ba, ngày 20/4/2027 đã qua");
    expect(await org.say("/thongbao lúc sớm nhất có thể | Họp")).toContain("Không đọc được thời điểm gửi \"sớm nhất có thể\"");
    await org.say("/thongbao tatca | Họp");
    await org.say("2");
    expect(await org.say("31/02/2027 08:00")).toContain("Không đọc được thời điểm gửi");
    expect(await org.say("/tbluc " + pendingId() + " 01/01/2027 08:00")).toContain("đã qua");
    nothingQueued();
  });

  it("refuses a confirmation after the preview expired, and a second confirmation of the same notice", async () => {
    const p = await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/thongbao tatca | Họp");
    h.clock.advance(31 * 60_000);
    expect(await org.say("1")).toBe("Bản xem trước này đã hết hạn hoặc không còn. Vui lòng gõ lại /thongbao để soạn thông báo.");
    nothingQueued();

    await org.say("/thongbao tatca | Họp lần hai");
    const id = pendingId();
    await org.say("1");
    expect(await org.say(`/tbgui ${id}`)).toContain(`Thông báo ${id} đã được xác nhận gửi trước đó; không gửi lần nữa.`);
    await h.app.outbox.idle();
    expect(h.app.store.data.notices.filter((n) => n.kind === "broadcast").length).toBe(1);
    expect(received(p).length).toBe(1);
  });

  it("refuses two confirmations at once (a double press): one notice, one copy", async () => {
    const p = await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/thongbao tatca | Họp");
    const id = pendingId();
    const [a, b] = await Promise.all([org.say(`/tbgui ${id}`), org.say(`/tbgui ${id}`)]);
    expect([a, b].filter((x) => x.includes("Đã xếp thông báo")).length).toBe(1);
    await h.app.outbox.idle();
    expect(h.app.store.data.notices.filter((n) => n.kind === "broadcast").length).toBe(1);
    expect(received(p).length).toBe(1);
  });

  it("refuses /thongbao and its steps to a delegate and a guest", async () => {
    const p = await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/thongbao tatca | Họp");
    const id = pendingId();
    for (const who of [p, h.person("Khách")]) {
      expect(await who.say("/thongbao Tin giả")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
      expect(await who.say("/broadcast Tin giả")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
      expect(await who.say(`/tbgui ${id}`)).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    }
    nothingQueued();
  });

  it("keeps a text with a '|' whole when what comes before is not an option", async () => {
    await h.delegate("Mường So");
    const org = h.organizer();
    await org.say("/thongbao Thời gian: 14 giờ | Địa điểm: Hội trường");
    const preview = await org.say("1");
    expect(preview).toContain("————\nThời gian: 14 giờ | Địa điểm: Hội trường\n————");
  });
});
