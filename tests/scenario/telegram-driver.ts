// The scenario's people on Telegram: phones talking to the Bot API emulator (telegram-test-api), the bot polling it.
import { freePort } from "../helpers/net.js";
import type { Transformer } from "grammy";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { telegramChannel } from "../../src/app/channels.js";
import type { TelegramChannel } from "../../src/channels/telegram/channel.js";
import { createTestApp } from "../helpers/app.js";
import { commandEntities, decodeHtml } from "../telegram/helpers.js";
import { type Driver, type ReceivedFile, type Someone, since } from "./driver.js";

/** A token no log may show (the suite-wide check in tests/helpers/app.ts looks for it). */
export const TOKEN = "7000004:scenario-token-never-in-logs";
/** The organizer's Telegram id, as ORGANIZER_IDS lists it in tests/helpers/app.ts. */
const ORGANIZER_ID = 9001;

interface BotMessage {
  message: { chat_id: number | string; text: string; reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } };
}


/**
 * Starts the emulator, an app on a temp DATA_DIR and the Telegram channel polling the emulator.
 *
 * The emulator knows sendMessage, getUpdates and callbacks but not files: a transformer stands in
 * for what it lacks. getFile answers with a path on this machine, as a local Bot API server does
 * (`--local`), so the channel reads the document from disk; sendDocument and sendPhoto are
 * recorded here (the person's `files`); setMyCommands and sendChatAction are accepted.
 */
export async function startTelegramDriver(now: string): Promise<Driver & { channel: "telegram"; telegram: TelegramChannel; files: Map<string, string> }> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  const apiURL = server.config.apiURL;
  const h = await createTestApp({ now, env: { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiURL } });

  /** file_id → a path on this machine, for getFile. */
  const hosted = new Map<string, string>();
  const sentFiles: Array<{ chat: string; file: ReceivedFile }> = [];
  // grammY's polling handles a batch of updates one by one and only then asks for more: when a
  // getUpdates call starts, every update fetched before it has been handled and answered.
  let fetched = 0;
  let handled = 0;
  const emulatorGaps: Transformer = async (prev, method, payload, signal) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    if (method === "getUpdates") {
      handled = fetched;
      const res = await prev(method, payload, signal);
      const got = res.ok && Array.isArray(res.result) ? res.result.length : 0;
      fetched += got;
      // The emulator answers at once instead of holding the request: do not spin.
      if (got === 0) await new Promise((r) => setTimeout(r, 15));
      return res;
    }
    if (method === "getFile") {
      const id = String(p.file_id);
      const file_path = hosted.get(id);
      if (!file_path) return { ok: false, error_code: 400, description: "Bad Request: invalid file_id" } as never;
      return { ok: true, result: { file_id: id, file_unique_id: `u-${id}`, file_path } } as never;
    }
    if (method === "sendDocument" || method === "sendPhoto") {
      const input = (method === "sendDocument" ? p.document : p.photo) as { filename?: string; fileData?: unknown };
      const data = input.fileData instanceof Uint8Array ? Buffer.from(input.fileData) : Buffer.alloc(0);
      sentFiles.push({ chat: String(p.chat_id), file: { name: input.filename ?? "file", data } });
      return { ok: true, result: { message_id: 900_000 + sentFiles.length, date: 0, chat: { id: Number(p.chat_id), type: "private" } } } as never;
    }
    if (method === "setMyCommands" || method === "sendChatAction") return { ok: true, result: true } as never;
    return prev(method, payload, signal);
  };

  const telegram = telegramChannel(h.app, { transformers: [emulatorGaps], pollingTimeout: 1 });
  await telegram.start();

  interface Phone {
    p: Someone;
    client: ReturnType<TelegramServer["getClient"]>;
    messages: BotMessage[];
    filesSeen: number;
  }
  const phones = new Map<string, Phone>();
  let nextId = 5101;
  let updatesSent = 0;

  async function readChat(phone: Phone): Promise<void> {
    const res = await fetch(`${apiURL}/getUpdates`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: TOKEN, chatId: Number(phone.p.userId) }),
    });
    const batch = ((await res.json()) as { result: BotMessage[] }).result;
    for (const m of batch) {
      phone.messages.push(m);
      phone.p.inbox.push(decodeHtml(m.message.text));
    }
    const mine = sentFiles.filter((f) => f.chat === phone.p.userId);
    for (const f of mine.slice(phone.filesSeen)) {
      phone.p.files.push(f.file);
      phone.p.inbox.push(`[tệp ${f.file.name}]`);
    }
    phone.filesSeen = mine.length;
  }

  async function collect(): Promise<void> {
    await h.app.outbox.idle();
    for (const phone of phones.values()) await readChat(phone);
  }

  /** Sends one update from a phone and waits until the bot handled it, then collects every chat. */
  async function exchange(phone: Phone, send: () => Promise<unknown>): Promise<string> {
    const from = phone.p.inbox.length;
    updatesSent += 1;
    const target = updatesSent;
    await send();
    const deadline = Date.now() + 15_000;
    while (handled < target) {
      if (Date.now() > deadline) throw new Error(`Telegram: update ${target} not handled in time`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await collect();
    return since(phone.p, from);
  }

  const phoneOf = (p: Someone) => {
    const phone = phones.get(p.key);
    if (!phone) throw new Error(`no phone for ${p.name}`);
    return phone;
  };

  function pressButton(p: Someone, n: number): Promise<string> {
    const phone = phoneOf(p);
    const withButtons = [...phone.messages].reverse().find((m) => m.message.reply_markup?.inline_keyboard?.length);
    const data = withButtons?.message.reply_markup?.inline_keyboard?.[n - 1]?.[0]?.callback_data;
    if (!data) throw new Error(`${p.name}: no button ${n} under the last message with buttons`);
    return exchange(phone, () => phone.client.sendCallback(phone.client.makeCallbackQuery(data)));
  }

  return {
    channel: "telegram",
    h,
    telegram,
    files: hosted,
    person(name, options = {}) {
      const id = options.organizer ? ORGANIZER_ID : nextId++;
      const p: Someone = { name, channel: "telegram", userId: String(id), key: `telegram:${id}`, inbox: [], files: [] };
      const client = server.getClient(TOKEN, { userId: id, chatId: id, firstName: name, timeout: 5000 });
      phones.set(p.key, { p, client, messages: [], filesSeen: 0 });
      return p;
    },
    say(p, text) {
      const { client } = phoneOf(p);
      // The emulator does not add entities to a person's message; Telegram does, for a command.
      return exchange(phoneOf(p), () => client.sendMessage(client.makeMessage(text, { entities: commandEntities(text) })));
    },
    choose: pressButton,
    acknowledge: (p) => pressButton(p, 1),
    sendFile(p, file, caption) {
      const phone = phoneOf(p);
      const fileId = `doc-${hosted.size + 1}`;
      if (!file.path) throw new Error("Telegram: a document is served from a path on disk");
      hosted.set(fileId, file.path);
      const message = phone.client.makeMessage(caption, {
        document: { file_id: fileId, file_unique_id: `u-${fileId}`, file_name: file.name, mime_type: file.mime, file_size: file.data.length },
        caption,
        caption_entities: commandEntities(caption),
      }) as Record<string, unknown>;
      // A document carries a caption, not a text.
      delete message.text;
      return exchange(phone, () => phone.client.sendMessage(message as never));
    },
    settle: collect,
    async close() {
      await telegram.stop();
      await server.stop();
      await h.close();
    },
  };
}
