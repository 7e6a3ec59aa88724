// Webhook mode: the secret header is checked, a resent update takes effect once, also after a restart.
import { mkdtemp, rm } from "node:fs/promises";
import { handledKeys } from "../../storage/handled-updates.js";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { telegramChannel } from "../../src/app/channels.js";
import type { TelegramChannel } from "../../src/channels/telegram/channel.js";
import { WEBHOOK_PATH } from "../../src/channels/telegram/webhook.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { BOT_INFO, type FakeTelegram, fakeTelegram, type Sender, TOKEN, testLayer, textUpdate } from "./helpers.js";

const SECRET = "webhook_Secret-0123456789";
const ENV = { TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://hoinghi.example.gov.vn/", TELEGRAM_WEBHOOK_SECRET: SECRET, PORT: "0" };
const LAN: Sender = { id: 5001, first_name: "Lò Thị Lan" };

let dir: string;
let h: TestApp;
let tg: FakeTelegram;
let channel: TelegramChannel;
let record: string[];
let url: string;

async function open(): Promise<void> {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: ENV, dir });
  tg = fakeTelegram();
  record = [];
  channel = telegramChannel(h.app, { botInfo: BOT_INFO, layer: testLayer(h.app, record), transformers: [tg.transformer] });
  await channel.start();
  const port = await (await h.app.http.listen()).listen();
  url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
}

async function close(): Promise<void> {
  await channel.stop();
  await h.close();
}

function post(update: Update | string, secret?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secret !== undefined) headers["x-telegram-bot-api-secret-token"] = secret;
  return fetch(url, { method: "POST", headers, body: typeof update === "string" ? update : JSON.stringify(update) });
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-tg-webhook-"));
  await open();
});
afterEach(async () => {
  await close();
  expect(h.logs.join("\n")).not.toContain(TOKEN);
  expect(h.logs.join("\n")).not.toContain(SECRET);
  await rm(dir, { recursive: true, force: true });
});

describe("Telegram webhook", () => {
  it("registers the webhook at PUBLIC_URL with the secret and the updates it needs, and does not poll", async () => {
    const [set] = tg.of("setWebhook");
    expect(set?.payload).toMatchObject({ url: "https://hoinghi.example.gov.vn/telegram/webhook", secret_token: SECRET, drop_pending_updates: false });
    expect(set?.payload.allowed_updates).toEqual(expect.arrayContaining(["message", "callback_query", "my_chat_member"]));
    expect(tg.of("getUpdates")).toEqual([]);
    expect(tg.of("deleteWebhook")).toEqual([]);
  });

  it("answers 401 to a post without the secret header or with a wrong one, and processes nothing", async () => {
    const before = JSON.stringify(h.app.store.data);
    const update = textUpdate(LAN, "/ghi không được ghi");
    expect((await post(update)).status).toBe(401);
    expect((await post(update, "wrong")).status).toBe(401);
    expect((await post(update, `${SECRET}x`)).status).toBe(401);
    expect((await post(update, "")).status).toBe(401);
    expect(JSON.stringify(h.app.store.data)).toBe(before);
    expect(record).toEqual([]);
    expect(tg.messages()).toEqual([]);
  });

  it("answers 200 only once the update was handled and answered; 400 to a body that is no update", async () => {
    const res = await post(textUpdate(LAN, "/ghi xin chào"), SECRET);
    expect(res.status).toBe(200);
    // By the time the 200 arrives, the change is kept and the reply was sent.
    expect(record).toEqual(["xin chào"]);
    expect(tg.texts()).toEqual(["Đã ghi: xin chào"]);
    expect((await post("{not json", SECRET)).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 1 }), SECRET)).status).toBe(400);
  });

  it("takes the same update once when it is posted twice, one after the other or at the same time", async () => {
    const once = textUpdate(LAN, "/ghi một");
    expect((await post(once, SECRET)).status).toBe(200);
    expect((await post(once, SECRET)).status).toBe(200);
    const twice = textUpdate(LAN, "/ghi hai");
    const statuses = await Promise.all([post(twice, SECRET), post(twice, SECRET)]);
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    expect(record).toEqual(["một", "hai"]);
    expect(tg.messages()).toHaveLength(2);
  });

  it("still ignores a repeat after the app is closed and opened again on the same DATA_DIR", async () => {
    const update = textUpdate(LAN, "/ghi trước khi khởi động lại");
    expect((await post(update, SECRET)).status).toBe(200);
    expect(record).toEqual(["trước khi khởi động lại"]);
    await close();
    await open();
    expect((await post(update, SECRET)).status).toBe(200);
    expect(record).toEqual([]);
    expect(tg.messages()).toEqual([]);
    // A new update after the restart is taken as usual.
    expect((await post(textUpdate(LAN, "/ghi sau"), SECRET)).status).toBe(200);
    expect(record).toEqual(["sau"]);
  });

  it("stop() finishes the update in hand before the server closes", async () => {
    let release: () => void = () => {};
    const replying = new Promise<void>((started) => {
      tg.on("sendMessage", (p) => {
        started();
        return new Promise((r) => {
          release = () => r({ ok: true, result: { message_id: 1, date: 0, chat: { id: Number(p.chat_id), type: "private" }, text: p.text } });
        });
      });
    });
    const update = textUpdate(LAN, "/ghi đang dở");
    const response = post(update, SECRET);
    await replying;
    const stopped = channel.stop();
    setTimeout(() => release(), 30);
    expect((await response).status).toBe(200);
    await stopped;
    expect(record).toEqual(["đang dở"]);
    expect(handledKeys(h.app.store.data, "telegram")).toContain(String(update.update_id));
  });
});
