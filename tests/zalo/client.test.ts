// The Zalo Bot API client on its own: typed results and errors, 408 as "nothing new", the token kept out of every message.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startZalo } from "../../src/app/channels.js";
import { maskToken, ZaloApiError, ZaloClient, ZaloNetworkError } from "../../src/channels/zalo/client.js";
import { createTestApp } from "../helpers/app.js";
import { type FakeZalo, startFakeZalo } from "./fake-server.js";
import { startZaloTest, type ZaloTest } from "./setup.js";
import { freePort } from "../helpers/net.js";

let fake: FakeZalo;
let client: ZaloClient;
beforeEach(async () => {
  fake = await startFakeZalo();
  client = new ZaloClient({ token: fake.token, apiRoot: fake.url, timeoutMs: 2000 });
});
afterEach(async () => {
  await fake.close();
});

const secretOf = (token: string) => token.split(":")[1] as string;

describe("ZaloClient", () => {
  it("posts JSON to /bot<token>/<method> and returns the typed result", async () => {
    const me = await client.getMe();
    expect(me).toEqual({ id: fake.token.split(":")[0], account_name: "hoinghi_test_bot", account_type: "BASIC", can_join_groups: false });
    const set = await client.setWebhook({ url: "https://hoinghi.example.vn/zalo/webhook", secret_token: "bi-mat-webhook-2027" });
    expect(set.url).toBe("https://hoinghi.example.vn/zalo/webhook");
    expect((await client.getWebhookInfo()).url).toBe("https://hoinghi.example.vn/zalo/webhook");
    expect((await client.deleteWebhook()).url).toBe("");
    const sent = await client.sendMessage({ chat_id: "c1", text: "Xin chào" });
    expect(sent.message_id).toMatch(/^out-/);
    expect(await client.sendChatAction({ chat_id: "c1", action: "typing" })).toBe(true);
    expect(fake.calls.find((c) => c.method === "sendMessage")?.body).toEqual({ chat_id: "c1", text: "Xin chào" });
  });

  it("long-polls getUpdates with the timeout as a string; 408 gives an empty list; one update or an array gives a list", async () => {
    expect(await client.getUpdates({ timeout: 0 })).toEqual([]);
    expect(fake.calls.at(-1)).toMatchObject({ method: "getUpdates", body: { timeout: "0" }, status: 408 });
    const u = { id: "u1", name: "A" };
    const one = fake.say(u, "/start");
    expect(await client.getUpdates({ timeout: 1 })).toEqual([one]);
    const batch = [fake.update(u, { text: "1" }), fake.update(u, { text: "2" })];
    fake.queueBatch(batch);
    expect(await client.getUpdates({ timeout: 1 })).toEqual(batch);
    // Some deployments answer 408 with HTTP 200 and ok: false.
    const lenient = await startFakeZalo({ timeoutAs408Status: 200 });
    try {
      expect(await new ZaloClient({ token: lenient.token, apiRoot: lenient.url }).getUpdates({ timeout: 0 })).toEqual([]);
    } finally {
      await lenient.close();
    }
  });

  it("raises ZaloApiError with method, error code and description for an answer with ok: false", async () => {
    fake.failNext("sendMessage", 429, 1, { description: "Quota exceeded" });
    const err = await client.sendMessage({ chat_id: "c1", text: "x" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ method: "sendMessage", errorCode: 429, description: "Quota exceeded" });
    const empty = await client.sendMessage({ chat_id: "c1", text: "" }).catch((e: unknown) => e);
    expect(empty).toMatchObject({ errorCode: 400 });
  });

  it("raises ZaloNetworkError when the server cannot be reached or does not answer in time", async () => {
    const port = await freePort();
    const nowhere = new ZaloClient({ token: fake.token, apiRoot: `http://127.0.0.1:${port}`, timeoutMs: 1000 });
    const down = await nowhere.getMe().catch((e: unknown) => e);
    expect(down).toBeInstanceOf(ZaloNetworkError);
    fake.slowNext("getMe", 500);
    const slow = await new ZaloClient({ token: fake.token, apiRoot: fake.url, timeoutMs: 100 }).getMe().catch((e: unknown) => e);
    expect(slow).toBeInstanceOf(ZaloNetworkError);
    expect((slow as Error).message).toBe("Zalo getMe: timed out");
    const ac = new AbortController();
    const pending = client.getUpdates({ timeout: 30 }, { signal: ac.signal }).catch((e: unknown) => e);
    await fake.waitFor(() => fake.polling === 1);
    ac.abort();
    expect(await pending).toMatchObject({ aborted: true });
  });

  it("never shows the token in an error message", async () => {
    const wrong = new ZaloClient({ token: `${fake.token}x`, apiRoot: fake.url });
    const refused = (await wrong.getMe().catch((e: unknown) => e)) as ZaloApiError;
    expect(refused.errorCode).toBe(401);
    // A URL that fetch cannot even parse would quote the URL, token and all: the message is scrubbed.
    const broken = new ZaloClient({ token: fake.token, apiRoot: "http://exa mple.invalid" });
    const err = (await broken.getMe().catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ZaloNetworkError);
    for (const e of [refused, err]) {
      expect(`${e.message} ${e.stack}`).not.toContain(secretOf(fake.token));
    }
    expect(maskToken(fake.token)).not.toContain(secretOf(fake.token));
    expect(client.maskedToken).toBe(maskToken(fake.token));
  });
});

describe("the token stays out of logs", () => {
  let z: ZaloTest | undefined;
  afterEach(async () => {
    await z?.close();
    z = undefined;
  });

  it("a refused token stops start-up with a message that shows it masked", async () => {
    const h = await createTestApp({ env: { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url } });
    try {
      fake.failNext("getMe", 401);
      const err = (await startZalo(h.app).catch((e: unknown) => e)) as Error;
      expect(err.message).toContain("Zalo từ chối mã bot");
      expect(err.message).toContain(maskToken(fake.token));
      expect(err.message).not.toContain(secretOf(fake.token));
    } finally {
      await h.close();
    }
  });

  it("polling through failures, a webhook run, and errors leave no token or secret in the logs", async () => {
    fake.failNext("getMe", 502, 1);
    fake.failNext("getUpdates", 500, 2);
    fake.failNext("sendMessage", 500, 2);
    z = await startZaloTest({ fake });
    const u = { id: "u-log", name: "Người dùng" };
    await fake.waitFor(() => z?.h.logs.some((l) => l.includes("zalo polling failed")) ?? false);
    fake.say(u, "/chuongtrinh");
    await fake.waitForMessages(u.id, 1);
    const logs = z.h.logs.join("\n");
    expect(logs).toContain("zalo channel started");
    expect(logs).toContain(maskToken(fake.token));
    expect(logs).not.toContain(secretOf(fake.token));
    await z.close();

    z = await startZaloTest({ fake, webhook: true });
    await fake.post(fake.update(u, { text: "/start" }), { secret: "sai-bi-mat-123" });
    await fake.post(fake.update(u, { text: "/start" }));
    await fake.waitForMessages(u.id, 2);
    const webhookLogs = z.h.logs.join("\n");
    expect(webhookLogs).not.toContain(secretOf(fake.token));
    expect(webhookLogs).not.toContain("bi-mat-webhook-2027");
    expect(webhookLogs).not.toContain("sai-bi-mat-123");
  });
});
