// The outbox against the Telegram Bot API emulator and the Zalo fake, with 429, 403, 500, 404 and dropped connections injected on their way.
import type { Transformer } from "grammy";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { describe, expect, it } from "vitest";
import { telegramChannel } from "../../src/app/channels.js";
import { startZalo } from "../../src/app/channels.js";
import { createTestApp } from "../helpers/app.js";
import { startFakeZalo } from "../zalo/fake-server.js";
import { type Decision, startFaultProxy } from "./fault-proxy.js";
import { lastNotice, seedDelegates, seeded, states } from "./helpers.js";
import { freePort } from "../helpers/net.js";

const TOKEN = "7000003:outbox-emulator-token-never-logged";

/** The emulator answers getUpdates at once: wait a little after an empty answer. */
const gentlePolling = (async (prev: (m: string, p: unknown, s?: AbortSignal) => Promise<{ ok: boolean; result?: unknown }>, method: string, payload: unknown, signal?: AbortSignal) => {
  const res = await prev(method, payload, signal);
  if (method === "getUpdates" && Array.isArray(res.result) && res.result.length === 0) await new Promise((r) => setTimeout(r, 50));
  return res;
}) as unknown as Transformer;

async function waitFor(predicate: () => boolean, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

function countByChat(list: Array<{ method: string; chat: string }>, method: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of list) if (a.method === method) m.set(a.chat, (m.get(a.chat) ?? 0) + 1);
  return m;
}

describe("on the Telegram Bot API emulator", () => {
  it("300 accounts receive exactly one copy each at ≤ 30 a second despite 429, 403, 500 and dropped connections; the blocked are counted unreachable; 'Đã nhận' is a button", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
    await server.start();
    const random = seeded(30);
    const blocked = new Set<string>();
    for (let i = 0; i < 300; i++) if (random() < 0.03) blocked.add(String(100000 + i));
    const proxy = await startFaultProxy(server.config.apiURL, (method, body): Decision => {
      if (method !== "sendMessage") return "pass";
      if (blocked.has(String(body.chat_id))) return { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } };
      const r = random();
      if (r < 0.03) return { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } };
      if (r < 0.08) return { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
      if (r < 0.18) return "drop";
      return "pass";
    });
    const h = await createTestApp({ env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: proxy.url } });
    const channel = telegramChannel(h.app, { transformers: [gentlePolling], pollingTimeout: 1 });
    try {
      await channel.start();
      // The sends the outbox starts, timed, through the channel's own sender.
      const starts: number[] = [];
      h.app.notifier.register("telegram", (account, replies) => {
        starts.push(performance.now());
        return channel.sender(account, replies);
      });
      h.app.outbox.configure({ delayScale: 0.1 });
      await seedDelegates(h.app, 300, "telegram", 100000);
      const org = h.organizer();
      expect(await org.say("/thongbao tatca | Kính mời các đồng chí dự hội nghị lúc 14 giờ ngày 20/6.")).toContain("Số tài khoản nhận: 300 (Telegram 300, Zalo 0)");
      const t0 = performance.now();
      await org.say("1");
      const id = lastNotice(h.app);
      await h.app.outbox.idle(170_000);
      const seconds = (performance.now() - t0) / 1000;

      expect(proxy.injected.drop ?? 0).toBeGreaterThan(10);
      expect(proxy.injected["429"] ?? 0).toBeGreaterThan(0);
      expect(proxy.injected["500"] ?? 0).toBeGreaterThan(0);
      const copies = countByChat(proxy.accepted, "sendMessage");
      for (let i = 0; i < 300; i++) {
        const chat = String(100000 + i);
        expect(copies.get(chat) ?? 0, chat).toBe(blocked.has(chat) ? 0 : 1);
      }
      expect(states(h.app, id)).toEqual({ sent: 300 - blocked.size, unreachable: blocked.size });
      for (const chat of blocked) expect(h.app.store.data.accounts[`telegram:${chat}`]?.unreachableSince).toBeTruthy();
      const inEmulator = server.storage.botMessages.filter((m) => m.botToken === TOKEN).length;
      expect(inEmulator).toBe(300 - blocked.size);
      expect(seconds).toBeGreaterThanOrEqual((300 - blocked.size) / 30 - 1);
      // The outbox starts at most 30 sends in any second. The channel's own retries (grammY
      // auto-retry, network retry) come on top of that pace: shown, not asserted.
      const busiest = (times: number[]) => Math.max(...times.map((t0) => times.filter((t) => t >= t0 && t < t0 + 1000).length));
      expect(busiest(starts)).toBeLessThanOrEqual(30);
      const requests = proxy.calls.filter((c) => c.method === "sendMessage").map((c) => c.at);
      console.log(`telegram emulator: ${starts.length} sends by the outbox, ${requests.length} sendMessage requests in ${seconds.toFixed(1)} s; busiest second: outbox ${busiest(starts)}, platform ${busiest(requests)}`);
      const report = h.sent.filter((s) => s.account === org.key).map((s) => s.text).join("\n");
      expect(report).toContain(`gửi được ${300 - blocked.size}, lỗi 0, không liên lạc được ${blocked.size} (tổng 300 tài khoản)`);

      // A delegate presses "Đã nhận" under the notice on their phone.
      const chat = [...Array(300).keys()].map((i) => 100000 + i).find((c) => !blocked.has(String(c))) as number;
      const message = server.storage.botMessages.find((m) => Number(m.message.chat_id) === chat);
      const markup = message?.message.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> } | undefined;
      const data = markup?.inline_keyboard[0]?.[0];
      expect(data?.text).toContain("Đã nhận");
      const phone = server.getClient(TOKEN, { userId: chat, chatId: chat, firstName: "Đại biểu" });
      await phone.sendCallback(phone.makeCallbackQuery(data?.callback_data as string));
      await waitFor(() => Boolean(h.app.store.data.deliveries.find((d) => d.noticeId === id && d.account === `telegram:${chat}`)?.ackAt));
      expect(h.logs.join("\n")).not.toContain(TOKEN);
    } finally {
      await channel.stop();
      await h.close();
      await proxy.close();
      await server.stop();
    }
  });
});

describe("on the Zalo fake", () => {
  it("300 accounts receive exactly one copy each despite 429, 500, 404 and dropped connections; 'đã nhận' typed on Zalo counts", { timeout: 180_000 }, async () => {
    const fake = await startFakeZalo();
    const random = seeded(84);
    const gone = new Set<string>();
    for (let i = 0; i < 300; i++) if (random() < 0.02) gone.add(`zl${i}`);
    const proxy = await startFaultProxy(fake.url, (method, body): Decision => {
      if (method !== "sendMessage") return "pass";
      if (gone.has(String(body.chat_id))) return { status: 404, body: { ok: false, error_code: 404, description: "Not found" } };
      const r = random();
      if (r < 0.03) return { status: 429, body: { ok: false, error_code: 429, description: "Quota exceeded" } };
      if (r < 0.08) return { status: 500, body: { ok: false, error_code: 500, description: "Internal error" } };
      if (r < 0.18) return "drop";
      return "pass";
    });
    const h = await createTestApp({ env: { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: proxy.url, ZALO_SEND_RATE: "100" } });
    const channel = await startZalo(h.app, { pollTimeoutSeconds: 1, backoff: { initialMs: 20, maxMs: 200 }, stopGraceMs: 5000 });
    try {
      // The Zalo sender makes one attempt per call now (it made up to three): the outbox gets the
      // same number of tries it had in all, 5 × 3.
      h.app.outbox.configure({ delayScale: 0.05, maxFailures: 15 });
      await seedDelegates(h.app, 300, "zalo", "zl");
      const org = h.organizer();
      await org.say("/thongbao tatca | Kính mời các đồng chí dự hội nghị.");
      await org.say("1");
      const id = lastNotice(h.app);
      await h.app.outbox.idle(170_000);

      expect(proxy.injected.drop ?? 0).toBeGreaterThan(10);
      expect(proxy.injected["429"] ?? 0).toBeGreaterThan(0);
      const copies = countByChat(proxy.accepted, "sendMessage");
      for (let i = 0; i < 300; i++) expect(copies.get(`zl${i}`) ?? 0, `zl${i}`).toBe(gone.has(`zl${i}`) ? 0 : 1);
      expect(states(h.app, id)).toEqual({ sent: 300 - gone.size, failed: gone.size });
      expect(fake.textsTo("zl1").join("\n")).toContain("1. Đã nhận");

      const who = [...Array(300).keys()].map((i) => `zl${i}`).find((k) => !gone.has(k)) as string;
      fake.say({ id: who, name: "Đại biểu" }, "Đã nhận");
      await waitFor(() => Boolean(h.app.store.data.deliveries.find((d) => d.noticeId === id && d.account === `zalo:${who}`)?.ackAt));
    } finally {
      await channel?.stop();
      await h.close();
      await proxy.close();
      await fake.close();
    }
  });
});
