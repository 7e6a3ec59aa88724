// The conference on Zalo by long polling, against the fake Zalo server: join, agenda, numbered choices, pictures.
import { afterEach, describe, expect, it } from "vitest";
import { LONG_LINES, startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest;
afterEach(async () => {
  await z?.close();
});

describe("a delegate of Mường So on Zalo (polling)", () => {
  it("joins with the invite code, reads the agenda and answers a numbered choice by its number", async () => {
    z = await startZaloTest();
    const { fake, h } = z;
    expect(z.channel.mode).toBe("polling");
    // Polling starts by checking for a webhook left from an earlier run (none here: nothing to delete).
    await fake.waitFor(() => fake.calls.some((c) => c.method === "getUpdates"));
    expect(fake.calls.map((c) => c.method).slice(0, 3)).toEqual(["getMe", "getWebhookInfo", "getUpdates"]);
    const chu = z.user("Lò Văn Chu");

    fake.say(chu, `/start ${await h.code("muong-so")}`);
    const [joined] = await fake.waitForMessages(chu.id, 1);
    expect(joined).toContain("Xác nhận: đồng chí đã tham gia với tư cách đại biểu của UBND xã Mường So");
    const account = h.app.store.data.accounts[`zalo:${chu.id}`];
    expect(account?.unitId).toBe("muong-so");
    expect(account?.displayName).toBe("Lò Văn Chu");

    fake.say(chu, "/chuongtrinh");
    const agenda = (await fake.waitForMessages(chu.id, 2))[1] as string;
    expect(agenda).toContain("HỘI NGHỊ PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC HUYỆN PHONG THỔ");
    expect(agenda).toContain("Địa điểm: sẽ thông báo sau");
    // Plain text: no HTML reaches Zalo.
    expect(agenda).not.toMatch(/<\/?(b|i|code)>/);

    fake.say(chu, "/chon");
    const menu = (await fake.waitForMessages(chu.id, 3))[2] as string;
    expect(menu).toBe("Đơn vị có tham dự không?\n1. Tham dự\n2. Cử người thay\n3. Vắng mặt\nVui lòng gõ số tương ứng để chọn (ví dụ: 1).");

    fake.say(chu, "2");
    expect((await fake.waitForMessages(chu.id, 4))[3]).toBe("Đã ghi nhận: thaythe");
    fake.say(chu, "7");
    expect((await fake.waitForMessages(chu.id, 5))[4]).toBe("Vui lòng chọn một số từ 1 đến 3.");
  });

  it("takes an array of updates in one getUpdates answer, and treats 408 as nothing new", async () => {
    z = await startZaloTest();
    const { fake, h } = z;
    // Let at least one long poll run out: the fake answers 408, which is no error.
    await fake.waitFor(() => fake.calls.some((c) => c.method === "getUpdates" && c.status === 408), 5000);
    const a = z.user("Vàng A Sử");
    const b = z.user("Tao Thị Mai");
    fake.queueBatch([fake.update(a, { text: "/chuongtrinh" }), fake.update(b, { text: "/start" })]);
    expect((await fake.waitForMessages(a.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
    expect((await fake.waitForMessages(b.id, 1))[0]).toContain("Xin chào Tao Thị Mai!");
    expect(h.logs.join("\n")).not.toContain("zalo polling failed");
  });

  it("reads the sender's name from display_name, first_name or name, whichever is present", async () => {
    z = await startZaloTest();
    const { fake, h } = z;
    const u = z.user("");
    fake.queue(fake.update(u, { text: "/start", from: { id: u.id, first_name: "Lường Văn Pọm" } }));
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("Xin chào Lường Văn Pọm!");
    const v = z.user("");
    fake.queue(fake.update(v, { text: "/start", from: { id: v.id, name: "Giàng A Tủa" } }));
    expect((await fake.waitForMessages(v.id, 1))[0]).toContain("Xin chào Giàng A Tủa!");
    const w = z.user("");
    fake.queue(fake.update(w, { text: "/start", from: { id: w.id } }));
    expect((await fake.waitForMessages(w.id, 1))[0]).toContain("Xin chào đồng chí!");
    expect(h.app.store.data.accounts[`zalo:${u.id}`]?.displayName).toBe("Lường Văn Pọm");
  });

  it("sends a 5,000-character reply as three messages split between lines", async () => {
    z = await startZaloTest();
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    const full = LONG_LINES.join("\n");
    expect(full.length).toBeGreaterThanOrEqual(5000);
    fake.say(u, "/dai");
    const parts = await fake.waitForMessages(u.id, 3);
    await z.channel.outbox.idle();
    expect(fake.textsTo(u.id)).toHaveLength(3);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(LONG_LINES).toContain(p.split("\n")[0]);
      expect(LONG_LINES).toContain(p.split("\n").at(-1));
    }
    expect(parts.join("\n")).toBe(full);
  });

  it("answers a sticker, an unsupported message, an unknown event and an empty text with a hint, and goes on", async () => {
    z = await startZaloTest();
    const { fake } = z;
    const u = z.user("Người dùng");
    fake.queue(fake.update(u, { sticker: "abc" }, "message.sticker.received"));
    fake.queue(fake.update(u, {}, "message.unsupported.received"));
    fake.queue(fake.update(u, { text: "?" }, "message.reaction.received"));
    fake.say(u, "");
    fake.say(u, "/chuongtrinh");
    const texts = await fake.waitForMessages(u.id, 5);
    for (const t of texts.slice(0, 3)) expect(t).toContain("Bot chưa đọc được loại tin nhắn này");
    expect(texts[3]).toBe("Tin nhắn trống. Gõ /trogiup để xem các lệnh.");
    expect(texts[4]).toContain("HỘI NGHỊ PHÂN TÍCH");
  });

  it("skips an update without a chat or a message id, without crashing", async () => {
    z = await startZaloTest();
    const { fake, h } = z;
    const u = z.user("Người dùng");
    fake.queue({ event_name: "message.text.received", message: { message_id: "x1", text: "/start" } });
    fake.queue({ event_name: "message.text.received", message: { chat: { id: u.id }, text: "/start" } });
    fake.queue({ event_name: "message.text.received", message: { message_id: "x2", chat: { id: { nested: 1 } }, text: "/start" } });
    fake.queue("garbage");
    fake.say(u, "/chuongtrinh");
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
    expect(h.logs.filter((l) => l.includes("zalo update ignored"))).toHaveLength(4);
    expect(Object.keys(h.app.store.data.accounts)).toEqual([`zalo:${u.id}`]);
  });

  it("passes a received picture to a command that accepts one, with its caption as the text", async () => {
    z = await startZaloTest();
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    const url = fake.hostFile("trang-1.jpg", Buffer.alloc(1234, 7));
    fake.queue(fake.update(u, { photo: url, caption: "/nopanh trang 1" }, "message.image.received"));
    expect((await fake.waitForMessages(u.id, 1))[0]).toMatch(/^Nhận ảnh zalo-m[0-9a-f]+\.jpg \(image\/jpeg\), 1234 byte, ghi chú: trang 1$/);
    // Where no command waits for a picture, the router says so.
    fake.queue(fake.update(u, { photo: url }, "message.image.received"));
    expect((await fake.waitForMessages(u.id, 2))[1]).toBe("Bot chưa cần tệp hay ảnh lúc này. Gõ /trogiup để xem các lệnh.");
  });

  it("without PUBLIC_URL, says a picture or a file is not available on Zalo instead of sending it, and whom to call", async () => {
    z = await startZaloTest();
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    fake.say(u, "/anh");
    const [photo] = await fake.waitForMessages(u.id, 1);
    // Telegram does not run here: the delegate is not sent there.
    expect(photo).toBe("Bảng điểm Mường So\n\nHình ảnh chưa gửi được qua Zalo. Nếu cần, đồng chí vui lòng liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật).");
    fake.say(u, "/tep");
    const file = (await fake.waitForMessages(u.id, 2))[1];
    expect(file).toBe("Kết quả chấm điểm\n\nTệp ket-qua.xlsx chưa gửi được qua Zalo. Nếu cần, đồng chí vui lòng liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật).");
    expect(fake.sent.some((c) => c.method === "sendPhoto")).toBe(false);
  });

  it("shows 'typing' while a slow command is working, before its reply", async () => {
    z = await startZaloTest({ channel: { typingAfterMs: 50 } });
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    fake.say(u, "/cham");
    await fake.waitForMessages(u.id, 1);
    const mine = fake.sent.filter((c) => c.body.chat_id === u.id).map((c) => c.method);
    expect(mine).toEqual(["sendChatAction", "sendMessage"]);
  });

  it("stops cleanly: the long poll in hand is abandoned and nothing is left polling", async () => {
    z = await startZaloTest({ channel: { pollTimeoutSeconds: 30 } });
    const { fake } = z;
    await fake.waitFor(() => fake.polling === 1);
    await z.stop();
    await fake.waitFor(() => fake.polling === 0, 2000);
    const polls = fake.calls.filter((c) => c.method === "getUpdates").length;
    const u = z.user("Người đến muộn");
    fake.say(u, "/chuongtrinh");
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.calls.filter((c) => c.method === "getUpdates").length).toBe(polls);
  });
});
