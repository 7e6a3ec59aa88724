// Both webhooks on the one server: the body cap holds for each, and a delegate's update still gets through beside it.
import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { telegramChannel } from "../../src/app/channels.js";
import { type TelegramChannel, WEBHOOK_PATH } from "../../src/channels/telegram/channel.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { BOT_INFO, fakeTelegram, TOKEN, testLayer, textUpdate } from "../telegram/helpers.js";
import { startZaloTest, type ZaloTest } from "../zalo/setup.js";

const SECRET = "webhook_Secret-0123456789";

/**
 * The status a POST gets, also when the server answers before the body is all sent and closes
 * the connection (as it does for a body above the cap): the write error is not the answer.
 */
function postStatus(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (err) => setTimeout(() => reject(err), 500));
    req.end(body);
  });
}

let h: TestApp | undefined;
let channel: TelegramChannel | undefined;
let z: ZaloTest | undefined;
afterEach(async () => {
  await channel?.stop();
  await h?.close();
  await z?.close();
  h = channel = z = undefined;
});

describe("the Telegram webhook on Hono", () => {
  it("refuses a body above 1 MB with 413 and handles nothing; a normal update right after is handled", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://hoinghi.example.gov.vn/", TELEGRAM_WEBHOOK_SECRET: SECRET, PORT: "0" } });
    const tg = fakeTelegram();
    const record: string[] = [];
    channel = telegramChannel(h.app, { botInfo: BOT_INFO, layer: testLayer(h.app, record), transformers: [tg.transformer] });
    await channel.start();
    const port = await (await h.app.http.listen()).listen();
    const url = `http://127.0.0.1:${port}${WEBHOOK_PATH}`;
    const headers = { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET };
    const huge = textUpdate({ id: 5101, first_name: "Lan" }, `/ghi ${"x".repeat(1_100_000)}`);
    expect(await postStatus(url, headers, JSON.stringify(huge))).toBe(413);
    expect(record).toEqual([]);
    const ok = await fetch(url, { method: "POST", headers, body: JSON.stringify(textUpdate({ id: 5101, first_name: "Lan" }, "/ghi xin chào")) });
    expect(ok.status).toBe(200);
    expect(record).toEqual(["xin chào"]);
    // GET on the webhook is not a route.
    expect((await fetch(url)).status).toBe(404);
  });
});

describe("the Zalo webhook on Hono", () => {
  it("refuses a body above 1 MB with 413 (declared: never read)", async () => {
    z = await startZaloTest({ webhook: true });
    const u = z.user("Người dùng");
    const res = await z.fake.post(z.fake.update(u, { text: `/chuongtrinh ${"x".repeat(1_100_000)}` }));
    expect(res.status).toBe(413);
    expect(z.h.app.store.data.accounts[`zalo:${u.id}`]).toBeUndefined();
    expect((await z.fake.post(z.fake.update(u, { text: "/chuongtrinh" }))).status).toBe(200);
  });
});
