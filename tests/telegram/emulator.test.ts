// The Telegram channel against a Bot API emulator (telegram-test-api), by long polling, as people would use it.
import { freePort } from "../helpers/net.js";
import type { Transformer } from "grammy";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { telegramChannel } from "../../src/app/channels.js";
import type { TelegramChannel } from "../../src/channels/telegram/channel.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { commandEntities, testLayer } from "./helpers.js";

const TOKEN = "7000002:emulator-token-never-in-logs";


/**
 * The emulator answers getUpdates at once instead of holding the request (long polling): wait a
 * little after an empty answer, so the polling loop does not spin.
 */
const gentlePolling = (async (prev: (m: string, p: unknown, s?: AbortSignal) => Promise<{ ok: boolean; result?: unknown }>, method: string, payload: unknown, signal?: AbortSignal) => {
  const res = await prev(method, payload, signal);
  if (method === "getUpdates" && Array.isArray(res.result) && res.result.length === 0) await new Promise((r) => setTimeout(r, 25));
  return res;
}) as unknown as Transformer;

interface BotMessage {
  message: { chat_id: number | string; text: string; parse_mode?: string; reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } };
}

let server: TelegramServer;
let h: TestApp;
let channel: TelegramChannel;
let apiURL: string;

/** A person on a phone: sends messages and button presses, reads what the bot sent to their chat. */
function phone(userId: number, firstName: string) {
  const client = server.getClient(TOKEN, { userId, chatId: userId, firstName, timeout: 5000 });
  async function read(): Promise<BotMessage[]> {
    const deadline = Date.now() + 5000;
    let got: BotMessage[] = [];
    while (Date.now() < deadline) {
      const res = await fetch(`${apiURL}/getUpdates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: TOKEN, chatId: userId }) });
      const batch = ((await res.json()) as { result: BotMessage[] }).result;
      got = got.concat(batch);
      // The reply is complete once a moment passes without more messages.
      if (got.length > 0 && batch.length === 0) return got;
      await new Promise((r) => setTimeout(r, got.length > 0 ? 120 : 30));
    }
    return got;
  }
  return {
    last: [] as BotMessage[],
    async say(text: string): Promise<string> {
      // The emulator does not add entities to user messages; Telegram does, for commands.
      await client.sendMessage(client.makeMessage(text, { entities: commandEntities(text) }));
      this.last = await read();
      return this.last.map((m) => m.message.text).join("\n\n");
    },
    async press(index: number): Promise<string> {
      const buttons = this.last.at(-1)?.message.reply_markup?.inline_keyboard ?? [];
      const data = buttons[index - 1]?.[0]?.callback_data;
      if (!data) throw new Error("no such button");
      await client.sendCallback(client.makeCallbackQuery(data));
      this.last = await read();
      return this.last.map((m) => m.message.text).join("\n\n");
    },
  };
}

beforeAll(async () => {
  const port = await freePort();
  server = new TelegramServer({ port, host: "127.0.0.1" });
  await server.start();
  apiURL = server.config.apiURL;
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiURL } });
  channel = telegramChannel(h.app, { layer: testLayer(h.app), transformers: [gentlePolling], pollingTimeout: 1 });
  await channel.start();
});

afterAll(async () => {
  await channel?.stop();
  await server?.stop();
  if (h) {
    expect(h.logs.join("\n")).not.toContain(TOKEN);
    await h.close();
  }
});

describe("Telegram on the Bot API emulator (TELEGRAM_API_ROOT)", () => {
  it("asked the emulator who the bot is (getMe through the configured API root)", () => {
    expect(channel.bot.botInfo.username).toBe("TestNameBot");
  });

  it("a delegate joins by /start CODE and reads /chuongtrinh; an organizer runs /datlich; the agenda then shows the time", async () => {
    const lan = phone(5001, "Lò Thị Lan");
    const joined = await lan.say(`/start ${await h.code("muong-so")}`);
    expect(joined).toContain("Xác nhận: đồng chí đã tham gia với tư cách đại biểu của UBND xã Mường So.");
    expect(lan.last[0]?.message.parse_mode).toBe("HTML");

    expect(await lan.say("/chuongtrinh")).toContain("Thời gian: sẽ thông báo sau");

    const organizer = phone(9001, "Cán bộ Phòng Nội vụ");
    expect(await organizer.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện")).toContain("Đã lưu thời gian, địa điểm hội nghị");

    const agenda = await lan.say("/chuongtrinh");
    expect(agenda).toContain("Thời gian: 14 giờ 00, Chủ nhật, ngày 20/6/2027");
    expect(agenda).toContain("Địa điểm: Hội trường UBND huyện");
    expect(h.app.store.data.accounts["telegram:5001"]).toMatchObject({ unitId: "muong-so" });
  });

  it("a numbered choice is answered by typing the number, and the same by pressing its button", async () => {
    const lan = phone(5001, "Lò Thị Lan");
    const offer = await lan.say("/chon");
    expect(offer).toContain("1. Đỏ &lt;b&gt;&amp;\n2. Xanh");
    expect(lan.last.at(-1)?.message.reply_markup?.inline_keyboard?.map((row) => row[0]?.text)).toEqual(["1. Đỏ <b>&", "2. Xanh"]);
    const typed = await lan.say("2");
    expect(typed).toBe("Đã ghi: xanh");

    await lan.say("/chon");
    expect(await lan.press(2)).toBe(typed);
    await lan.say("/chon");
    expect(await lan.say("1")).toBe("Đã ghi: do");
  });

  it("a group message not addressed to the bot gets no answer", async () => {
    const client = server.getClient(TOKEN, { userId: 5003, chatId: -100777, type: "supergroup", chatTitle: "Nhóm", timeout: 800 });
    await client.sendMessage(client.makeMessage("chào cả nhóm"));
    await client.sendMessage(client.makeMessage("/chuongtrinh@another_bot", { entities: commandEntities("/chuongtrinh@another_bot") }));
    await new Promise((r) => setTimeout(r, 300));
    const res = await fetch(`${apiURL}/getUpdates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: TOKEN, chatId: -100777 }) });
    expect(((await res.json()) as { result: unknown[] }).result).toEqual([]);
  });
});
