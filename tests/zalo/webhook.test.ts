// Zalo by webhook, against the fake Zalo server: the secret header, bad bodies, exactly-once, served pictures.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/app/config.js";
import { handledKeys } from "../../storage/handled-updates.js";
import { startFakeZalo } from "./fake-server.js";
import { PNG, startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

describe("Zalo webhook", () => {
  it("registers PUBLIC_URL/zalo/webhook with the secret, and a delegate joins and reads the agenda through it", async () => {
    z = await startZaloTest({ webhook: true });
    const { fake, h } = z;
    expect(z.channel.mode).toBe("webhook");
    expect(fake.webhook).toEqual({ url: `${h.app.config.publicUrl}/zalo/webhook`, secret: "bi-mat-webhook-2027" });
    const u = z.user("Lò Thị Hoa");
    // The documented, wrapped body…
    const joined = await fake.post(fake.update(u, { text: `/start ${await h.code("muong-so")}` }));
    expect(joined.status).toBe(200);
    // …and the bare one some integrations see.
    expect((await fake.post(fake.update(u, { text: "/chuongtrinh" }), { wrap: false })).status).toBe(200);
    const texts = await fake.waitForMessages(u.id, 2);
    expect(texts[0]).toContain("đại biểu của UBND xã Mường So");
    expect(texts[1]).toContain("HỘI NGHỊ PHÂN TÍCH");
    expect(h.app.store.data.accounts[`zalo:${u.id}`]?.unitId).toBe("muong-so");
  });

  it("refuses a post without the secret (401) or with a wrong one (403), and handles nothing", async () => {
    z = await startZaloTest({ webhook: true });
    const { fake, h } = z;
    const u = z.user("Kẻ giả mạo");
    const code = await h.code("muong-so");
    expect((await fake.post(fake.update(u, { text: `/start ${code}` }), { secret: null })).status).toBe(401);
    expect((await fake.post(fake.update(u, { text: `/start ${code}` }), { secret: "bi-mat-webhook-2028" })).status).toBe(403);
    expect((await fake.post(fake.update(u, { text: `/start ${code}` }), { secret: "" })).status).toBe(401);
    expect(h.app.store.data.accounts[`zalo:${u.id}`]).toBeUndefined();
    expect(h.app.store.data.handledUpdates.zalo ?? []).toEqual([]);
    await z.channel.outbox.idle();
    expect(fake.sent).toEqual([]);
    expect(h.logs.join("\n")).not.toContain("bi-mat-webhook");
  });

  it("answers 400 to a body that is not JSON, or lacks the message, the chat or a usable id", async () => {
    z = await startZaloTest({ webhook: true });
    const { fake, h } = z;
    expect((await fake.post("{not json")).status).toBe(400);
    expect((await fake.post("")).status).toBe(400);
    expect((await fake.post({ event_name: "message.text.received" })).status).toBe(400);
    expect((await fake.post({ event_name: "message.text.received", message: { message_id: "a1", text: "/start" } })).status).toBe(400);
    expect((await fake.post({ event_name: "message.text.received", message: { message_id: "a1", chat: { id: ["x"] }, text: "/start" } })).status).toBe(400);
    expect((await fake.post({ event_name: "message.text.received", message: { message_id: "a1", chat: { id: "c1" }, text: 42 } })).status).toBe(400);
    expect((await fake.post([1, 2, 3], { wrap: false })).status).toBe(400);
    expect(Object.keys(h.app.store.data.accounts)).toEqual([]);
    await z.channel.outbox.idle();
    expect(fake.sent).toEqual([]);
  });

  it("answers an unknown event with the hint and 200", async () => {
    z = await startZaloTest({ webhook: true });
    const { fake } = z;
    const u = z.user("Người dùng");
    expect((await fake.post(fake.update(u, { location: { lat: 1 } }, "message.location.received"))).status).toBe(200);
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("Bot chưa đọc được loại tin nhắn này");
  });

  it("sends a generated picture with sendPhoto by a link under PUBLIC_URL, after 'typing', and serves it", async () => {
    z = await startZaloTest({ webhook: true });
    const { fake, h } = z;
    const u = z.user("Cán bộ xã");
    await fake.post(fake.update(u, { text: "/anh" }));
    await fake.waitForMessages(u.id, 1);
    const mine = fake.sent.filter((c) => c.body.chat_id === u.id);
    expect(mine.map((c) => c.method)).toEqual(["sendChatAction", "sendPhoto"]);
    const photo = mine[1]?.body as { photo: string; caption: string };
    expect(photo.caption).toBe("Bảng điểm Mường So");
    expect(photo.photo).toMatch(new RegExp(`^${h.app.config.publicUrl}/files/[0-9a-f]{32}-bang-diem\\.png$`));
    const res = await fetch(photo.photo);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    // Only what was published is served: no guessing, no climbing out of the folder.
    expect((await fetch(`${h.app.config.publicUrl}/files/${"0".repeat(32)}.png`)).status).toBe(404);
    expect((await fetch(`${h.app.config.publicUrl}/files/..%2Fhoinghi.json`)).status).toBe(404);
  });

  it("replaces a file with a short text and a download link", async () => {
    z = await startZaloTest({ webhook: true });
    const { fake, h } = z;
    const u = z.user("Cán bộ xã");
    await fake.post(fake.update(u, { text: "/tep" }));
    const [text] = await fake.waitForMessages(u.id, 1);
    const m = new RegExp(`^Kết quả chấm điểm\\n\\nTệp ket-qua.xlsx: tải về tại (${h.app.config.publicUrl}/files/[0-9a-f]{32}-ket-qua\\.xlsx)$`).exec(text ?? "");
    expect(m).not.toBeNull();
    const res = await fetch(m?.[1] as string);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ket-qua.xlsx"');
    expect(await res.text()).toBe("xlsx");
  });
});

describe("exactly once", () => {
  it("the same update delivered twice takes effect once, also after a restart on the same DATA_DIR", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-zalo-"));
    const fake = await startFakeZalo();
    try {
      z = await startZaloTest({ webhook: true, dir, fake });
      const u = z.user("Người nhập sai mã");
      // A wrong code is counted against the account: an effect that shows a second run.
      const update = fake.update(u, { text: "/start AAAAA-BBBBB" });
      expect((await z.fake.post(update)).status).toBe(200);
      expect((await z.fake.post(update)).status).toBe(200);
      expect((await z.fake.post(update, { wrap: false })).status).toBe(200);
      const key = `zalo:${u.id}`;
      expect(z.h.app.store.data.failedCodes[key]?.count).toBe(1);
      await z.fake.waitForMessages(u.id, 1);
      await z.channel.outbox.idle();
      expect(fake.textsTo(u.id)).toEqual(["Mã mời không đúng. Vui lòng kiểm tra lại mã trong giấy mời hoặc liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật)."]);
      // Two deliveries at the same moment: still once.
      const twin = fake.update(u, { text: "/start CCCCC-DDDDD" });
      const both = await Promise.all([z.fake.post(twin), z.fake.post(twin)]);
      expect(both.map((r) => r.status)).toEqual([200, 200]);
      expect(z.h.app.store.data.failedCodes[key]?.count).toBe(2);
      await z.stop();

      z = await startZaloTest({ webhook: true, dir, fake });
      expect(z.h.app.store.data.handledUpdates.zalo).toHaveLength(2);
      expect((await z.fake.post(update)).status).toBe(200);
      expect((await z.fake.post(twin)).status).toBe(200);
      await z.channel.outbox.idle();
      expect(z.h.app.store.data.failedCodes[key]?.count).toBe(2);
      expect(fake.textsTo(u.id)).toHaveLength(2);
    } finally {
      await z?.close();
      z = undefined;
      await fake.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keeps only the newest 5,000 handled updates", async () => {
    z = await startZaloTest();
    const { h } = z;
    await h.app.store.mutate((d) => {
      d.handledUpdates.zalo = Array.from({ length: 5000 }, (_, i) => `message.text.received:old${i}`);
    });
    const u = z.user("Người dùng");
    const update = z.fake.update(u, { text: "/chuongtrinh" });
    expect(await z.channel.processUpdate(update)).toBe("handled");
    const list = handledKeys(h.app.store.data, "zalo");
    expect(list).toHaveLength(5000);
    expect(list[0]).toBe("message.text.received:old1");
    // The key holds the event, the message and the chat (a message id is unique within a chat).
    expect(list.at(-1)).toBe(`message.text.received:${(update.message as { message_id: string }).message_id}:${u.id}`);
    expect(await z.channel.processUpdate(update)).toBe("duplicate");
  });
});

describe("configuration", () => {
  it("refuses webhook mode without ZALO_WEBHOOK_SECRET, or with one shorter than 8 characters", () => {
    const base = { ZALO_BOT_TOKEN: "123:abcdefghijkl", PUBLIC_URL: "https://hoinghi.example.vn", ZALO_UPDATES: "webhook" };
    expect(() => loadConfig(base)).toThrow(/ZALO_WEBHOOK_SECRET: required when ZALO_UPDATES=webhook/);
    expect(() => loadConfig({ ...base, ZALO_WEBHOOK_SECRET: "short" })).toThrow(/ZALO_WEBHOOK_SECRET/);
    expect(loadConfig({ ...base, ZALO_WEBHOOK_SECRET: "long-enough-secret" }).zalo?.webhookSecret).toBe("long-enough-secret");
    expect(loadConfig({ ZALO_BOT_TOKEN: "123:abcdefghijkl" }).zalo?.sendRate).toBe(5);
    // The least time between two polls: the channel's 1 s unless ZALO_POLL_INTERVAL_MS says otherwise.
    expect(loadConfig({ ZALO_BOT_TOKEN: "123:abcdefghijkl" }).zalo?.pollIntervalMs).toBeUndefined();
    expect(loadConfig({ ZALO_BOT_TOKEN: "123:abcdefghijkl", ZALO_POLL_INTERVAL_MS: "2500" }).zalo?.pollIntervalMs).toBe(2500);
    expect(() => loadConfig({ ZALO_BOT_TOKEN: "123:abcdefghijkl", ZALO_POLL_INTERVAL_MS: "-1" })).toThrow(/ZALO_POLL_INTERVAL_MS/);
  });
});
