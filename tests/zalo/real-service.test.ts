// Zalo as the platform really behaves (the fake in its "like the real service" mode): replays, pacing, webhook clean-up, photos, groups, quota.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PHOTO_TIMEOUT_MS, ZaloClient } from "../../src/channels/zalo/client.js";
import { parseUpdate } from "../../src/channels/zalo/render.js";
import { handledKeys, receivedUpdates, receiveUpdate } from "../../storage/handled-updates.js";
import { type FakeZalo, startFakeZalo } from "./fake-server.js";
import { startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest | undefined;
let extra: FakeZalo | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
  await extra?.close();
  extra = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const polls = (fake: FakeZalo) => fake.calls.filter((c) => c.method === "getUpdates");

/** Waits until the fake has given every queued update and its two replays, and holds a new poll. */
async function drained(fake: FakeZalo): Promise<void> {
  await fake.waitFor(() => fake.polling === 1, 10_000);
}

describe("a replayed update gets one answer", () => {
  it("the platform gives /chuongtrinh, /trogiup and a sticker three times each: each is answered once", async () => {
    z = await startZaloTest({ fakeOptions: { real: true } });
    const { fake } = z;
    const u = z.user("Lò Văn Chu");
    fake.say(u, "/chuongtrinh");
    await drained(fake);
    fake.say(u, "/trogiup");
    await drained(fake);
    fake.queue(fake.sticker(u));
    await drained(fake);
    await z.channel.outbox.idle();
    // Each update went out three times (consumed, then replayed on the next two polls)…
    expect(polls(fake).filter((c) => c.status === 200)).toHaveLength(9);
    // …and the delegate read three answers, not nine.
    const texts = fake.textsTo(u.id);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
    expect(texts[2]).toContain("Bot chưa đọc được loại tin nhắn này");
    // Read-only updates are remembered too (written down together, a moment later), with their chat.
    const { store } = z.h.app;
    await expect.poll(() => handledKeys(store.data, "zalo")).toHaveLength(3);
    expect(handledKeys(z.h.app.store.data, "zalo").every((k) => k.endsWith(`:${u.id}`))).toBe(true);
  });

  it("a replay that arrives after a restart on the same DATA_DIR is not answered again", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-zalo-replay-"));
    extra = await startFakeZalo({ real: true });
    const fake = extra;
    try {
      // A long interval: the process stops before the replays are polled.
      z = await startZaloTest({ fake, dir, channel: { minPollIntervalMs: 60_000 } });
      const u = z.user("Người nhập sai mã");
      fake.say(u, "/start AAAAA-BBBBB");
      await fake.waitForMessages(u.id, 1);
      const key = `zalo:${u.id}`;
      expect(z.h.app.store.data.failedCodes[key]?.count).toBe(1);
      await z.stop();
      expect(polls(fake).filter((c) => c.status === 200)).toHaveLength(1);

      z = await startZaloTest({ fake, dir });
      await drained(fake);
      await z.channel.outbox.idle();
      expect(polls(fake).filter((c) => c.status === 200)).toHaveLength(3);
      expect(z.h.app.store.data.failedCodes[key]?.count).toBe(1);
      expect(fake.textsTo(u.id)).toEqual(["Mã mời không đúng. Vui lòng kiểm tra lại mã trong giấy mời hoặc liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật)."]);
    } finally {
      await z?.close();
      z = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("polling paces itself", () => {
  it("asks at most once a second while the platform answers every poll at once", async () => {
    // The default interval (1 s), and the fake answering each empty poll with HTTP 408 at once.
    z = await startZaloTest({ fakeOptions: { real: true, emptyAtOnce: true }, channel: { minPollIntervalMs: undefined } });
    const { fake } = z;
    await fake.waitFor(() => polls(fake).length >= 1);
    const from = polls(fake).length;
    await sleep(3000);
    const made = polls(fake).length - from;
    // Three seconds: three polls, one more for a boundary; an unpaced loop made dozens.
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(4);
    // 408 with a body that has no error_code is "nothing new", not a failure.
    expect(polls(fake).every((c) => c.status === 408)).toBe(true);
    expect(z.h.logs.join("\n")).not.toContain("zalo polling failed");
  });

  it("backs off on errors, doubling up to its cap, then goes on polling", async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, channel: { backoff: { initialMs: 100, maxMs: 400 } } });
    const { fake } = z;
    await drained(fake);
    fake.failNext("getUpdates", 500, 5);
    // The held poll ends (1 s long poll), then five failures with 100, 200, 400, 400, 400 ms between.
    await fake.waitFor(() => polls(fake).filter((c) => c.status === 500).length === 5, 10_000);
    const failed = polls(fake).filter((c) => c.status === 500);
    const gaps = failed.slice(1).map((c, i) => c.at - (failed[i] as { at: number }).at);
    expect(gaps[0]).toBeGreaterThanOrEqual(90);
    expect(gaps[1]).toBeGreaterThanOrEqual(180);
    expect(gaps[2]).toBeGreaterThanOrEqual(360);
    expect(gaps[3]).toBeGreaterThanOrEqual(360);
    const u = z.user("Cán bộ xã");
    fake.say(u, "/chuongtrinh");
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
  });
});

describe("the webhook clean-up never blocks polling", () => {
  it("with no webhook, getWebhookInfo answers 404 and polling starts without deleteWebhook", async () => {
    z = await startZaloTest({ fakeOptions: { real: true } });
    const { fake } = z;
    await fake.waitFor(() => polls(fake).length >= 1);
    expect(fake.calls.map((c) => `${c.method} ${c.status}`).slice(0, 2)).toEqual(["getMe 200", "getWebhookInfo 404"]);
    expect(fake.calls[2]?.method).toBe("getUpdates");
    expect(fake.calls.some((c) => c.method === "deleteWebhook")).toBe(false);
  });

  it("a webhook left by an earlier run is deleted first; a deleteWebhook answering 404 is no obstacle", async () => {
    extra = await startFakeZalo({ real: true });
    const fake = extra;
    fake.leaveWebhook("https://hoinghi.example.vn/zalo/webhook");
    z = await startZaloTest({ fake });
    await fake.waitFor(() => polls(fake).length >= 1);
    expect(fake.calls.map((c) => c.method).slice(0, 4)).toEqual(["getMe", "getWebhookInfo", "deleteWebhook", "getUpdates"]);
    await z.close();

    // Now deleteWebhook says 404 (no webhook after all): polling starts just the same.
    fake.leaveWebhook("https://hoinghi.example.vn/zalo/webhook");
    fake.failNext("deleteWebhook", 404, 1);
    const before = fake.calls.length;
    z = await startZaloTest({ fake });
    await fake.waitFor(() => fake.calls.slice(before).some((c) => c.method === "deleteWebhook"));
    expect(fake.calls.slice(before).find((c) => c.method === "deleteWebhook")?.status).toBe(404);
    await fake.waitFor(() => fake.calls.slice(before).some((c) => c.method === "getUpdates"));
  });

  it("when the clean-up keeps failing, polling starts after a bounded number of tries, with a warning", async () => {
    extra = await startFakeZalo({ real: true });
    const fake = extra;
    fake.failNext("getWebhookInfo", 500, 100);
    z = await startZaloTest({ fake, channel: { webhookCleanupTries: 3 } });
    await fake.waitFor(() => polls(fake).length >= 1, 5000);
    expect(fake.calls.filter((c) => c.method === "getWebhookInfo")).toHaveLength(3);
    expect(z.h.logs.join("\n")).toContain("zalo webhook clean-up failed; polling starts anyway");
  });

  it("when polling meets a webhook still set, it clears it again and goes on", async () => {
    extra = await startFakeZalo({ real: true });
    const fake = extra;
    fake.leaveWebhook("https://hoinghi.example.vn/zalo/webhook");
    // The first clean-up sees no webhook (a stale answer): getUpdates then says one is set.
    fake.failNext("getWebhookInfo", 404, 1);
    z = await startZaloTest({ fake });
    await fake.waitFor(() => fake.calls.some((c) => c.method === "deleteWebhook" && c.status === 200), 5000);
    const u = z.user("Cán bộ xã");
    fake.say(u, "/chuongtrinh");
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
  });
});

describe("updates as the platform sends them", () => {
  it("a page photographed and sent with photo_url (caption empty) is accepted as a page of the speech", async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
    const { fake, h } = z;
    const u = z.user("Lò Văn Sáu");
    fake.say(u, `/start ${await h.code("muong-so")}`);
    await fake.waitForMessages(u.id, 1);
    const page1 = fake.hostFile("trang-1.jpg", Buffer.from("\u00ff\u00d8 trang 1", "latin1"));
    const page2 = fake.hostFile("trang-2.jpg", Buffer.from("\u00ff\u00d8 trang 2", "latin1"));
    fake.queue(fake.photo(u, page1, "/thamluan"));
    expect((await fake.waitForMessages(u.id, 2))[1]).toContain("Đã nhận ảnh trang 1");
    fake.queue(fake.photo(u, page2));
    expect((await fake.waitForMessages(u.id, 3))[2]).toContain("Đã nhận ảnh trang 2");
    fake.say(u, "/xong");
    expect((await fake.waitForMessages(u.id, 4))[3]).toContain("bản 1 (2 ảnh trang)");
    await drained(fake);
    const v = h.app.store.data.speeches["muong-so"]?.versions[0];
    expect(v?.kind).toBe("photo");
    expect(v?.pages).toHaveLength(2);
    // Replayed twice each, the pages were still taken once.
    expect(h.app.store.data.speeches["muong-so"]?.versions).toHaveLength(1);
    expect(fake.textsTo(u.id)).toHaveLength(4);
  });

  it("a file or a location (message.unsupported.received) is answered with what to do instead", async () => {
    z = await startZaloTest({ fakeOptions: { real: true } });
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    fake.queue(fake.unsupported(u));
    const [hint] = await fake.waitForMessages(u.id, 1);
    expect(hint).toContain("gửi ảnh chụp từng trang hoặc gõ nội dung");
  });

  it("an update without event_name is read by what its message carries", async () => {
    z = await startZaloTest({ fakeOptions: { real: true } });
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    const text = fake.update(u, { text: "/chuongtrinh" });
    delete text.event_name;
    fake.queue(text);
    expect((await fake.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
  });

  it("a message from a bot is passed over in silence", async () => {
    z = await startZaloTest({ fakeOptions: { real: true } });
    const { fake, h } = z;
    const robot = z.user("Bot khác");
    fake.queue(fake.update(robot, { text: "/chuongtrinh", from: { id: robot.id, display_name: "Bot khác", is_bot: true } }));
    await drained(fake);
    await z.channel.outbox.idle();
    expect(fake.textsTo(robot.id)).toEqual([]);
    expect(h.app.store.data.accounts[`zalo:${robot.id}`]).toBeUndefined();
  });

  it("a message from a group is refused once, and never becomes the account's chat", async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
    const { fake, h } = z;
    const u = z.user("Chủ tịch xã Mường So");
    fake.say(u, `/start ${await h.code("muong-so")}`);
    await fake.waitForMessages(u.id, 1);
    const group = "grp7c1e9a3b5d";
    fake.queue(fake.inGroup(u, group, "/chuongtrinh"));
    const [refusal] = await fake.waitForMessages(group, 1);
    expect(refusal).toContain("vui lòng nhắn riêng cho bot");
    fake.queue(fake.inGroup(u, group, "/baocao"));
    await drained(fake);
    await z.channel.outbox.idle();
    // Told once, not at every message of the group.
    expect(fake.textsTo(group)).toHaveLength(1);
    const account = h.app.store.data.accounts[`zalo:${u.id}`];
    expect(account?.chatId).toBe(u.id);
    expect(account?.unitId).toBe("muong-so");
    expect(h.app.store.data.accounts[`zalo:${group}`]).toBeUndefined();
  });
});

describe("webhooks on the real service", () => {
  it("takes an https URL only, and bare bodies as captured", async () => {
    z = await startZaloTest({ webhook: true, fakeOptions: { real: true } });
    const { fake, h } = z;
    expect(fake.webhook?.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/zalo\/webhook$/);
    const u = z.user("Lò Thị Hoa");
    const update = fake.update(u, { text: `/start ${await h.code("muong-so")}` });
    expect((await fake.post(update)).status).toBe(200);
    expect((await fake.post(update)).status).toBe(200);
    await fake.waitForMessages(u.id, 1);
    await z.channel.outbox.idle();
    expect(fake.textsTo(u.id)).toHaveLength(1);
    // The handler is a plain function any HTTP layer can call.
    const direct = await z.channel.handleWebhook(JSON.stringify(update), { "x-bot-api-secret-token": "bi-mat-webhook-2027" });
    expect(direct.status).toBe(200);
    expect((await z.channel.handleWebhook("{}", { "x-bot-api-secret-token": "sai-bi-mat-0000" })).status).toBe(403);
    expect((await z.channel.handleWebhook("{}", {})).status).toBe(401);
    await z.channel.outbox.idle();
    expect(fake.textsTo(u.id)).toHaveLength(1);

    const client = new ZaloClient({ token: fake.token, apiRoot: fake.url });
    await expect(client.setWebhook({ url: "http://hoinghi.example.vn/zalo/webhook", secret_token: "bi-mat-webhook-2027" })).rejects.toMatchObject({ errorCode: 400 });
  });
});

describe("the webhook's inbox", () => {
  const keyOf = (update: unknown) => {
    const parsed = parseUpdate(update);
    if (!parsed.ok) throw new Error(parsed.problem);
    return parsed.handledKey;
  };

  it("a slow command gets its 200 as soon as the update is kept, and is answered afterwards", async () => {
    z = await startZaloTest({ webhook: true, fakeOptions: { real: true }, channel: { webhookAnswerWithinMs: 50 } });
    const { fake, h } = z;
    const u = z.user("Cán bộ xã");
    const update = fake.update(u, { text: "/cham" });
    expect((await fake.post(update)).status).toBe(200);
    // Answered, not yet handled: kept on disk in the inbox, no reply yet.
    expect(receivedUpdates(h.app.store.data, "zalo").map((r) => r.key)).toEqual([keyOf(update)]);
    expect(fake.textsTo(u.id)).toEqual([]);
    // The platform trying again meanwhile starts nothing new.
    expect((await fake.post(update)).status).toBe(200);
    expect(await fake.waitForMessages(u.id, 1)).toEqual(["Xong."]);
    await z.channel.outbox.idle();
    expect(fake.textsTo(u.id)).toEqual(["Xong."]);
    expect(receivedUpdates(h.app.store.data, "zalo")).toEqual([]);
    expect(handledKeys(h.app.store.data, "zalo")).toEqual([keyOf(update)]);
  });

  it("what was kept but not handled before a stop is handled after the restart, in order, once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-zalo-inbox-"));
    extra = await startFakeZalo({ real: true });
    const fake = extra;
    try {
      z = await startZaloTest({ webhook: true, dir, fake });
      const u = z.user("Lò Thị Hoa");
      const join = fake.update(u, { text: `/start ${await z.h.code("muong-so")}` });
      const agenda = fake.update(u, { text: "/chuongtrinh" });
      // As a process that answered 200 and then went down before handling them would leave them.
      for (const update of [join, agenda]) await receiveUpdate(z.h.app.store, "zalo", keyOf(update), update, new Date());
      await z.stop();
      expect(fake.textsTo(u.id)).toEqual([]);

      z = await startZaloTest({ webhook: true, dir, fake });
      const texts = await fake.waitForMessages(u.id, 2);
      expect(texts[0]).toContain("đại biểu của UBND xã Mường So");
      expect(texts[1]).toContain("HỘI NGHỊ PHÂN TÍCH");
      expect(z.h.app.store.data.accounts[`zalo:${u.id}`]?.unitId).toBe("muong-so");
      expect(receivedUpdates(z.h.app.store.data, "zalo")).toEqual([]);
      // The platform posting one of them again gets 200 and no second answer.
      expect((await fake.post(agenda)).status).toBe(200);
      await z.channel.outbox.idle();
      expect(fake.textsTo(u.id)).toHaveLength(2);
    } finally {
      await z?.close();
      z = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("sending on the real service", () => {
  it("sendPhoto waits for a platform that fetches the picture slowly, and the photo arrives once", async () => {
    expect(PHOTO_TIMEOUT_MS).toBe(150_000);
    z = await startZaloTest({ webhook: true, fakeOptions: { real: true }, channel: { callTimeoutMs: 300 } });
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    // Longer than the other calls' limit in this test: a photo is not cut short, nor sent twice.
    fake.slowNext("sendPhoto", 600, 1);
    await fake.post(fake.update(u, { text: "/anh" }));
    await fake.waitForMessages(u.id, 1);
    await z.channel.outbox.idle();
    expect(fake.calls.filter((c) => c.method === "sendPhoto")).toHaveLength(1);
    expect(fake.textsTo(u.id)[0]).toMatch(/^\[photo https:\/\/127\.0\.0\.1:\d+\/files\/.+\] Bảng điểm Mường So$/);
  });

  it("a photo whose answer never came is not sent again: neither as a reply nor, within the window, as a notice", async () => {
    z = await startZaloTest({ webhook: true, fakeOptions: { real: true }, channel: { photoTimeoutMs: 200, sendAttempts: 5 } });
    const { fake, h } = z;
    const u = z.user("Cán bộ xã");
    await fake.post(fake.update(u, { text: "/start" }));
    await fake.waitForMessages(u.id, 1);
    // The platform takes the photo but answers too late: the reply is given up, not tried again.
    fake.slowNext("sendPhoto", 400, 1);
    await fake.post(fake.update(u, { text: "/anh" }));
    await fake.waitFor(() => fake.calls.some((c) => c.method === "sendPhoto"));
    await z.channel.outbox.idle();
    expect(fake.calls.filter((c) => c.method === "sendPhoto")).toHaveLength(1);
    expect(h.logs.some((l) => l.includes("zalo message given up") && l.includes("sendPhoto"))).toBe(true);

    const account = h.app.store.data.accounts[`zalo:${u.id}`];
    if (!account) throw new Error("no account");
    const notice = [{ kind: "photo" as const, name: "bang-xep-hang.png", data: Buffer.from("png"), caption: "Bảng xếp hạng" }];
    fake.slowNext("sendPhoto", 400, 1);
    await expect(z.channel.sender(account, notice)).rejects.toMatchObject({ kind: "transient" });
    // The outbox tries the notice again: the photo that may have arrived is not sent a second time.
    await z.channel.sender(account, notice);
    // The fake writes a call down once it has answered it, late.
    await fake.waitFor(() => fake.calls.filter((c) => c.method === "sendPhoto").length === 2);
    await sleep(300);
    expect(fake.calls.filter((c) => c.method === "sendPhoto")).toHaveLength(2);
    expect(h.logs.join("\n")).toContain("zalo photo not sent again");
  });

  it("when the monthly quota answers 429, replies wait and go out once the quota is back", async () => {
    z = await startZaloTest({ fakeOptions: { real: true, monthlyQuota: 2 }, channel: { backoff: { initialMs: 20, maxMs: 100 } } });
    const { fake } = z;
    const u = z.user("Cán bộ xã");
    fake.say(u, "/chuongtrinh");
    fake.say(u, "/chuongtrinh");
    await fake.waitForMessages(u.id, 2);
    fake.say(u, "/chuongtrinh");
    await fake.waitFor(() => fake.calls.filter((c) => c.method === "sendMessage" && c.status === 429).length >= 2);
    expect(fake.textsTo(u.id)).toHaveLength(2);
    fake.resetQuota();
    expect((await fake.waitForMessages(u.id, 3))[2]).toContain("HỘI NGHỊ PHÂN TÍCH");
    // A notice meets the quota as one attempt, handed back to the outbox engine as retry_after.
    const account = z.h.app.store.data.accounts[`zalo:${u.id}`];
    if (!account) throw new Error("no account");
    fake.failNext("sendMessage", 429, 1, { description: "Quota exceeded" });
    await expect(z.channel.sender(account, [{ kind: "text", text: "Thông báo." }])).rejects.toMatchObject({ kind: "retry_after" });
  });
});
