// The Telegram channel against a stubbed Bot API: what a person sees, in private chats and in groups.
import { createServer, type Server } from "node:http";
import { handledKeys } from "../../storage/handled-updates.js";
import type { AddressInfo } from "node:net";
import { HttpError } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/outbox/notifier.js";
import { telegramChannel } from "../../src/app/channels.js";
import { HANDLED_KEEP } from "../../storage/handled-updates.js";
import type { TelegramChannel } from "../../src/channels/telegram/channel.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import {
  BOT_INFO,
  buttonsOf,
  documentUpdate,
  editedUpdate,
  type FakeTelegram,
  fakeTelegram,
  groupChat,
  memberUpdate,
  pressUpdate,
  type Sender,
  stickerUpdate,
  TOKEN,
  testLayer,
  textUpdate,
} from "./helpers.js";

const LAN: Sender = { id: 5001, first_name: "Lò Thị", last_name: "Lan", language_code: "vi" };
const ORGANIZER: Sender = { id: 9001, first_name: "Cán bộ", last_name: "Phòng Nội vụ" };

let h: TestApp;
let tg: FakeTelegram;
let channel: TelegramChannel;
let record: string[];

async function setup(env: Record<string, string> = {}) {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { TELEGRAM_BOT_TOKEN: TOKEN, ...env } });
  tg = fakeTelegram();
  record = [];
  channel = telegramChannel(h.app, { botInfo: BOT_INFO, layer: testLayer(h.app, record), transformers: [tg.transformer] });
}

/** Sends an update as Telegram would deliver it; returns the texts the bot sent back. */
async function deliver(update: Update): Promise<string[]> {
  const before = tg.messages().length;
  await channel.bot.handleUpdate(update);
  return tg.texts().slice(before);
}

const say = async (s: Sender, text: string) => (await deliver(textUpdate(s, text))).join("\n\n");

afterEach(async () => {
  await channel.stop();
  // Whatever happened in a test, the token never reached a log line.
  expect(h.logs.join("\n")).not.toContain(TOKEN);
  expect(h.logs.join("\n")).not.toContain("AAHsecret");
  await h.close();
});

describe("Telegram: a person in a private chat", () => {
  beforeEach(() => setup());

  it("joins a unit through the deep link (/start CODE) and reads the agenda, in HTML parse mode", async () => {
    const code = await h.code("muong-so");
    expect(await say(LAN, `/start ${code}`)).toContain("đồng chí đã tham gia với tư cách đại biểu của UBND xã Mường So");
    expect(h.app.store.data.accounts["telegram:5001"]).toMatchObject({ unitId: "muong-so", chatId: "5001", displayName: "Lò Thị Lan" });
    const agenda = await say(LAN, "/chuongtrinh");
    expect(agenda).toContain("Thời gian: sẽ thông báo sau");
    for (const m of tg.messages()) expect(m.payload.parse_mode).toBe("HTML");
  });

  it("escapes a person's and a unit's name that hold <b>&, so they show as typed", async () => {
    const unit = h.app.services.conference.unit("muong-so");
    if (!unit) throw new Error("no Mường So");
    unit.full_name = "UBND xã <b>Mường So</b> & Co";
    await say({ id: 5002, first_name: "<b>Lan</b> & Co" }, "/start");
    await say(LAN, `/start ${await h.code("muong-so")}`);
    const [greeting, joined] = tg.messages().map((m) => String(m.payload.text));
    expect(greeting).toContain("Xin chào &lt;b&gt;Lan&lt;/b&gt; &amp; Co!");
    expect(joined).toContain("UBND xã &lt;b&gt;Mường So&lt;/b&gt; &amp; Co");
    for (const m of tg.messages()) {
      expect(m.payload.parse_mode).toBe("HTML");
      expect(String(m.payload.text)).not.toMatch(/<b>|& /);
    }
  });

  it("splits a 10,000-character reply into several messages of at most 4,096 characters, between lines", async () => {
    const texts = await deliver(textUpdate(LAN, "/dai"));
    const raw = tg.messages().map((m) => String(m.payload.text));
    expect(raw.length).toBeGreaterThanOrEqual(3);
    for (const piece of raw) expect(piece.length).toBeLessThanOrEqual(4096);
    for (const piece of texts) expect(piece).toMatch(/^Dòng \d{3}: x{31}$/m);
    for (const piece of texts) expect(piece.split("\n").every((l) => /^Dòng \d{3}: x{31}$/.test(l))).toBe(true);
    expect(texts.join("\n").split("\n")).toHaveLength(250);
  });

  it("offers numbered choices as numbered lines and as buttons; a button press acts exactly like typing the number", async () => {
    await say(LAN, "/chon");
    const offer = tg.messages().at(-1);
    expect(String(offer?.payload.text)).toContain("1. Đỏ &lt;b&gt;&amp;\n2. Xanh");
    expect(String(offer?.payload.text)).toContain("Bấm nút bên dưới hoặc gõ số tương ứng để chọn.");
    const keyboard = buttonsOf(offer);
    expect(keyboard.map((b) => b.text)).toEqual(["1. Đỏ <b>&", "2. Xanh"]);
    expect(keyboard[1]?.callback_data).toMatch(/^c:[0-9a-f]{8}:2$/);

    const typed = await say(LAN, "2");

    await say(LAN, "/chon");
    const press = pressUpdate(LAN, buttonsOf(tg.messages().at(-1))[1]?.callback_data as string);
    const pressed = (await deliver(press)).join("\n\n");

    expect(typed).toBe("Đã ghi: xanh");
    expect(pressed).toBe(typed);
    expect(record).toEqual(["xanh", "xanh"]);
    expect(tg.of("answerCallbackQuery").map((c) => c.payload.callback_query_id)).toEqual([press.callback_query?.id]);
  });

  it("answers a press on a stale or unknown button, says the choice no longer applies, and runs nothing", async () => {
    await say(LAN, "/chon");
    const old = buttonsOf(tg.messages().at(-1));
    await say(LAN, "/chon");
    expect((await deliver(pressUpdate(LAN, old[0]?.callback_data as string))).join()).toContain("Lựa chọn này không còn hiệu lực");
    expect((await deliver(pressUpdate(LAN, "something-else"))).join()).toContain("Lựa chọn này không còn hiệu lực");
    expect(tg.of("answerCallbackQuery")).toHaveLength(2);
    expect(record).toEqual([]);
  });

  it("answers a sticker with the hint about files, and passes over an edited message in silence", async () => {
    expect((await deliver(stickerUpdate(LAN))).join()).toBe("Bot chưa cần tệp hay ảnh lúc này. Gõ /trogiup để xem các lệnh.");
    const before = JSON.stringify(h.app.store.data);
    expect(await deliver(editedUpdate(LAN, "/ghi sửa"))).toEqual([]);
    expect(JSON.stringify(h.app.store.data)).toBe(before);
    expect(record).toEqual([]);
  });

  it("shows 'typing…' while a slow reply is prepared, and before the reply", async () => {
    const slow = telegramChannel(h.app, { botInfo: BOT_INFO, layer: testLayer(h.app), transformers: [tg.transformer], typingAfterMs: 5 });
    await slow.bot.handleUpdate(textUpdate(LAN, "/lento"));
    const methods = tg.calls.map((c) => c.method);
    expect(methods.indexOf("sendChatAction")).toBeGreaterThanOrEqual(0);
    expect(methods.indexOf("sendChatAction")).toBeLessThan(methods.indexOf("sendMessage"));
    expect(tg.of("sendChatAction")[0]?.payload).toMatchObject({ chat_id: 5001, action: "typing" });
    await slow.stop();
  });

  it("takes the same update once, even when Telegram delivers it twice", async () => {
    const update = textUpdate(LAN, "/ghi một lần");
    await deliver(update);
    await deliver(update);
    expect(record).toEqual(["một lần"]);
    expect(tg.messages()).toHaveLength(1);
    expect(handledKeys(h.app.store.data, "telegram")).toContain(String(update.update_id));
  });

  it("answers a read (/chuongtrinh, a sticker) once when Telegram delivers it again, and keeps its id though nothing changed", async () => {
    const read = textUpdate(LAN, "/chuongtrinh");
    await deliver(read);
    await deliver(read);
    const sticker = stickerUpdate(LAN);
    await deliver(sticker);
    await deliver(sticker);
    expect(tg.messages()).toHaveLength(2);
    // Reads are written down together, a moment later.
    await expect.poll(() => handledKeys(h.app.store.data, "telegram")).toEqual(expect.arrayContaining([String(read.update_id), String(sticker.update_id)]));
  });

  it("keeps only the last 5,000 handled update ids", async () => {
    await h.app.store.mutate((d) => {
      d.handledUpdates.telegram = Array.from({ length: HANDLED_KEEP }, (_, i) => String(i + 1));
    });
    await deliver(textUpdate(LAN, "/ghi", { updateId: 999_999 }));
    const ids = handledKeys(h.app.store.data, "telegram");
    expect(ids).toHaveLength(HANDLED_KEEP);
    expect(ids[0]).toBe("2");
    expect(ids.at(-1)).toBe("999999");
  });
});

describe("Telegram: documents", () => {
  let files: Server;
  const served: string[] = [];
  beforeEach(async () => {
    files = createServer((req, res) => {
      served.push(req.url ?? "");
      if (req.url === `/file/bot${TOKEN}/documents/file_7.pdf`) res.writeHead(200).end("noi dung");
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => files.listen(0, "127.0.0.1", r));
    const port = (files.address() as AddressInfo).port;
    await setup({ TELEGRAM_API_ROOT: `http://127.0.0.1:${port}` });
    tg.on("getFile", () => ({ ok: true, result: { file_id: "DOC-1", file_unique_id: "u", file_size: 8, file_path: "documents/file_7.pdf" } }));
  });
  afterEach(async () => {
    await new Promise((r) => files.close(r));
  });

  it("refuses a document too large or of the wrong type before anything is downloaded", async () => {
    expect((await deliver(documentUpdate(LAN, { name: "to.pdf", mime: "application/pdf", size: 5000 }, "/nop"))).join()).toContain("Tệp quá lớn");
    expect((await deliver(documentUpdate(LAN, { name: "bai.txt", mime: "text/plain", size: 10 }, "/nop"))).join()).toContain("Loại tệp này không được chấp nhận");
    expect((await deliver(documentUpdate(LAN, { name: "bai.pdf", mime: "application/pdf", size: 10 }))).join()).toContain("Bot chưa cần tệp hay ảnh lúc này");
    expect(tg.of("getFile")).toEqual([]);
    expect(served).toEqual([]);
    expect(record).toEqual([]);
  });

  it("downloads an accepted document through getFile from the configured API root", async () => {
    const replies = await deliver(documentUpdate(LAN, { name: "bai.pdf", mime: "application/pdf", size: 8, fileId: "DOC-1" }, "/nop"));
    expect(replies.join()).toBe("Đã nhận tệp bai.pdf (8 byte).");
    expect(tg.of("getFile").map((c) => c.payload.file_id)).toEqual(["DOC-1"]);
    expect(served).toEqual([`/file/bot${TOKEN}/documents/file_7.pdf`]);
    expect(record).toEqual(["file:bai.pdf:noi dung"]);
  });
});

describe("Telegram in a group", () => {
  beforeEach(() => setup());
  const group = groupChat();
  const inGroup = (s: Sender, text: string) => deliver(textUpdate(s, text, { chat: group }));

  it("answers only commands addressed to it, and passes over everything else in silence", async () => {
    expect(await inGroup(LAN, "Xin chào mọi người")).toEqual([]);
    expect(await inGroup(LAN, "/chuongtrinh@another_bot")).toEqual([]);
    expect(await inGroup(LAN, "/lenhcuabotkhac")).toEqual([]);
    expect(await inGroup(LAN, "2")).toEqual([]);
    expect((await inGroup(LAN, `/chuongtrinh@${BOT_INFO.username}`)).join()).toContain("Thời gian: sẽ thông báo sau");
    expect((await inGroup(LAN, "/chuongtrinh")).join()).toContain("Thời gian: sẽ thông báo sau");
    for (const m of tg.messages()) expect(m.payload.chat_id).toBe(group.id);
    // The group reads as a guest on its own account; the person's account is not touched.
    expect(h.app.store.data.accounts["telegram:5001"]).toBeUndefined();
    expect(h.app.store.data.accounts[`telegram:${group.id}`]).toMatchObject({ displayName: group.title });
  });

  it("points commands that are not public, and joining, to the private chat: no codes shown, no one joins", async () => {
    const code = await h.code("muong-so");
    const hint = "Lệnh này chỉ dùng trong tin nhắn riêng với bot.";
    expect((await inGroup(ORGANIZER, `/mamoi@${BOT_INFO.username}`)).join()).toContain(hint);
    expect((await inGroup(ORGANIZER, "/datlich 20/06/2027 14:00")).join()).toContain(hint);
    expect((await inGroup(LAN, `/start ${code}`)).join()).toContain(hint);
    expect(tg.texts().join()).not.toContain(code);
    expect(h.app.store.data.schedule.sequence).toBe(0);
    expect(Object.values(h.app.store.data.accounts).filter((a) => a.unitId)).toEqual([]);
  });
});

describe("Telegram: people who blocked the bot", () => {
  beforeEach(() => setup());
  const blocked = () => ({ ok: false as const, error_code: 403, description: "Forbidden: bot was blocked by the user" });

  it("marks the account unreachable when a reply is refused with 403, and reachable again when the person writes", async () => {
    await say(LAN, "/start");
    tg.on("sendMessage", blocked);
    await say(LAN, "/chuongtrinh");
    expect(h.app.store.data.accounts["telegram:5001"]?.unreachableSince).toBe("2027-05-01T02:00:00.000Z");
    tg.on("sendMessage", () => ({ ok: true, result: { message_id: 1, date: 0, chat: { id: 5001, type: "private" } } }));
    await say(LAN, "/chuongtrinh");
    expect(h.app.store.data.accounts["telegram:5001"]?.unreachableSince).toBeUndefined();
  });

  it("marks the account unreachable on my_chat_member 'kicked', and clears it when the person allows the bot again", async () => {
    await say(LAN, "/start");
    await deliver(memberUpdate(LAN, "kicked"));
    expect(h.app.store.data.accounts["telegram:5001"]?.unreachableSince).toBeDefined();
    await deliver(memberUpdate(LAN, "member"));
    expect(h.app.store.data.accounts["telegram:5001"]?.unreachableSince).toBeUndefined();
  });

  it("the notifier skips nobody silently: a 403 is DeliveryError 'blocked' and the account becomes unreachable", async () => {
    await say(LAN, "/start");
    tg.on("sendMessage", blocked);
    h.app.notifier.register("telegram", channel.sender);
    expect(await h.app.notifier.send([{ account: "telegram:5001", replies: [{ kind: "text", text: "Thông báo" }] }])).toBe(0);
    expect(h.app.store.data.accounts["telegram:5001"]?.unreachableSince).toBeDefined();
    const account = h.app.store.data.accounts["telegram:5001"];
    if (!account) throw new Error("no account");
    await expect(channel.sender(account, [{ kind: "text", text: "x" }])).rejects.toMatchObject({ kind: "blocked" });
  });
});

describe("Telegram: the sender maps Bot API failures to what a queue does next", () => {
  beforeEach(() => setup());
  const account = () => {
    const a = h.app.store.data.accounts["telegram:5001"];
    if (!a) throw new Error("no account");
    return a;
  };

  it("429 → retry_after with Telegram's seconds (beyond what auto-retry waits)", async () => {
    await say(LAN, "/start");
    tg.on("sendMessage", () => ({ ok: false, error_code: 429, description: "Too Many Requests: retry after 120", parameters: { retry_after: 120 } }));
    const err = await channel.sender(account(), [{ kind: "text", text: "x" }]).catch((e) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ kind: "retry_after", retryAfter: 120 });
  });

  it("5xx and network failures → transient; any other 400 → permanent", async () => {
    await say(LAN, "/start");
    // The queue's sends go without grammY's retries: the stubbed answer reaches the sender as is.
    tg.on("sendMessage", () => ({ ok: false, error_code: 502, description: "Bad Gateway" }));
    await expect(channel.sender(account(), [{ kind: "text", text: "x" }])).rejects.toMatchObject({ kind: "transient" });
    tg.on("sendMessage", () => {
      throw new HttpError("Network request for 'sendMessage' failed!", new Error(`connect ECONNREFUSED https://api.telegram.org/bot${TOKEN}/sendMessage`));
    });
    const net = await channel.sender(account(), [{ kind: "text", text: "x" }]).catch((e) => e);
    expect(net).toMatchObject({ kind: "transient" });
    expect(String(net.message)).not.toContain(TOKEN);
    tg.on("sendMessage", () => ({ ok: false, error_code: 400, description: "Bad Request: chat not found" }));
    await expect(channel.sender(account(), [{ kind: "text", text: "x" }])).rejects.toMatchObject({ kind: "permanent" });
    expect(account().unreachableSince).toBeUndefined();
  });

  it("sends files as documents and pictures as photos, each after its chat action", async () => {
    await say(LAN, "/start");
    tg.clear();
    await channel.sender(account(), [
      { kind: "file", name: "danh-sach.xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: Buffer.from("xlsx"), caption: "Danh sách <đại biểu>" },
      { kind: "photo", name: "xep-hang.png", data: Buffer.from("png") },
    ]);
    expect(tg.calls.map((c) => c.method)).toEqual(["sendChatAction", "sendDocument", "sendChatAction", "sendPhoto"]);
    expect(tg.calls.map((c) => c.payload.action).filter(Boolean)).toEqual(["upload_document", "upload_photo"]);
    expect(tg.calls[1]?.payload).toMatchObject({ chat_id: "5001", caption: "Danh sách &lt;đại biểu&gt;", parse_mode: "HTML" });
  });
});

describe("Telegram: command menus", () => {
  beforeEach(() => setup());
  type Menu = { commands: Array<{ command: string; description: string }>; scope?: { type: string; chat_id?: number }; language_code?: string };
  const menus = () => tg.of("setMyCommands").map((c) => c.payload as unknown as Menu);

  it("Vietnamese by default, English for language_code en, public commands in groups, organizer commands in organizers' chats", async () => {
    await channel.setMenus();
    const all = menus();
    const byDefault = all.find((m) => !m.scope && !m.language_code);
    expect(byDefault?.commands).toContainEqual({ command: "chuongtrinh", description: "Chương trình hội nghị: thời gian, địa điểm, nội dung" });
    expect(byDefault?.commands.map((c) => c.command)).not.toContain("datlich");
    const english = all.find((m) => !m.scope && m.language_code === "en");
    expect(english?.commands.find((c) => c.command === "chuongtrinh")?.description).not.toBe(
      byDefault?.commands.find((c) => c.command === "chuongtrinh")?.description,
    );
    const groups = all.find((m) => m.scope?.type === "all_group_chats" && !m.language_code);
    expect(groups?.commands.map((c) => c.command)).not.toContain("mamoi");
    const organizer = all.find((m) => m.scope?.type === "chat" && m.scope.chat_id === 9001);
    expect(organizer?.commands.map((c) => c.command)).toEqual(expect.arrayContaining(["datlich", "mamoi", "chuongtrinh"]));
  });

  it("gives the organizer menu to a chat as soon as its person redeems the organizer code", async () => {
    await channel.setMenus();
    const code = await h.code("organizer");
    await say(LAN, `/start ${code}`);
    const organizer = menus().find((m) => m.scope?.type === "chat" && m.scope.chat_id === 5001);
    expect(organizer?.commands.map((c) => c.command)).toContain("datlich");
    await say(LAN, "/chuongtrinh");
    expect(menus().filter((m) => m.scope?.chat_id === 5001)).toHaveLength(1);
  });
});

describe("Telegram: long polling", () => {
  beforeEach(() => setup());

  it("handles polled updates, confirms them afterwards, and stop() finishes the update in hand", async () => {
    let releaseReply: () => void = () => {};
    const replyStarted = new Promise<void>((started) => {
      tg.on("sendMessage", (p) => {
        started();
        return new Promise((r) => {
          releaseReply = () => r({ ok: true, result: { message_id: 1, date: 0, chat: { id: Number(p.chat_id), type: "private" }, text: p.text } });
        });
      });
    });
    await channel.start();
    const update = textUpdate(LAN, "/ghi giữa chừng");
    tg.queue(update);
    await replyStarted;
    const stopped = channel.stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(done).toBe(false);
    releaseReply();
    await stopped;
    expect(record).toEqual(["giữa chừng"]);
    expect(handledKeys(h.app.store.data, "telegram")).toContain(String(update.update_id));
    const polls = tg.of("getUpdates");
    expect(polls[0]?.payload.allowed_updates).toEqual(expect.arrayContaining(["message", "callback_query", "my_chat_member"]));
    expect(polls.some((c) => Number(c.payload.offset) === update.update_id + 1)).toBe(true);
  });
});
