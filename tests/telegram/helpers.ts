// A stubbed Bot API (a grammY transformer that records every call) and Telegram updates as people send them.
import type { Transformer } from "grammy";
import type { Chat, Message, MessageEntity, Update, User, UserFromGetMe } from "grammy/types";
import { helpCommand } from "../../commands/help.js";
import { generalCommands, stepTable } from "../../commands/index.js";
import { text } from "../../commands/replies.js";
import { type CommandLayer, createCommandLayer } from "../../commands/router.js";
import type { CommandDef } from "../../commands/types.js";
import type { App } from "../../src/app/app.js";

/** A token no log may ever show. */
export const TOKEN = "7000001:AAHsecret-token-never-in-logs_0123456789";

export const BOT_INFO: UserFromGetMe = {
  id: 7000001,
  is_bot: true,
  first_name: "Hội nghị",
  username: "hoinghi_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
}

type ApiAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: Record<string, unknown> };
type Responder = (payload: Record<string, unknown>) => ApiAnswer | Promise<ApiAnswer>;

/** The Bot API as a stub: every call is recorded and answered "ok" unless a responder says otherwise. */
export function fakeTelegram() {
  const calls: ApiCall[] = [];
  const responders = new Map<string, Responder>();
  /** Updates waiting for getUpdates (long polling); dropped once an offset confirms them. */
  const pending: Update[] = [];
  let messageId = 1;
  const transformer = (async (_prev: unknown, method: string, payload: unknown, signal?: AbortSignal) => {
    const p = (payload ?? {}) as Record<string, unknown>;
    calls.push({ method, payload: p });
    const responder = responders.get(method);
    if (responder) return responder(p);
    if (method === "getMe") return { ok: true, result: BOT_INFO };
    if (method === "getUpdates") {
      const offset = Number(p.offset ?? 0);
      while (pending.length > 0 && (pending[0] as Update).update_id < offset) pending.shift();
      // A short "long poll": waits a little for an update, ends at once when polling is stopped.
      const until = Date.now() + (Number(p.timeout ?? 0) > 0 ? 50 : 0);
      while (pending.length === 0 && Date.now() < until && !signal?.aborted) await new Promise((r) => setTimeout(r, 5));
      return { ok: true, result: [...pending].slice(0, Number(p.limit ?? 100)) };
    }
    if (method.startsWith("send")) return { ok: true, result: { message_id: messageId++, date: 0, chat: { id: Number(p.chat_id), type: "private" }, text: p.text } };
    return { ok: true, result: true };
  }) as unknown as Transformer;
  return {
    calls,
    transformer,
    /** An update that polling will fetch. */
    queue(update: Update) {
      pending.push(update);
    },
    /** Answers `method` with `fn` from now on. */
    on(method: string, fn: Responder) {
      responders.set(method, fn);
    },
    /** The sendMessage calls so far (optionally to one chat). */
    messages(chatId?: number): ApiCall[] {
      return calls.filter((c) => c.method === "sendMessage" && (chatId === undefined || Number(c.payload.chat_id) === chatId));
    },
    /** Texts of sendMessage calls, as Telegram would show them (HTML entities decoded). */
    texts(chatId?: number): string[] {
      return this.messages(chatId).map((c) => decodeHtml(String(c.payload.text)));
    },
    of(method: string): ApiCall[] {
      return calls.filter((c) => c.method === method);
    },
    clear() {
      calls.length = 0;
    },
  };
}

export type FakeTelegram = ReturnType<typeof fakeTelegram>;

/** The inline buttons under a sent message, one per row as the channel lays them out. */
export function buttonsOf(call: ApiCall | undefined): Array<{ text: string; callback_data: string }> {
  const markup = call?.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data: string }>> } | undefined;
  return (markup?.inline_keyboard ?? []).map((row) => row[0] as { text: string; callback_data: string });
}

export function decodeHtml(html: string): string {
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Telegram marks a command at the start of a message with a bot_command entity. */
export function commandEntities(textValue: string): MessageEntity[] | undefined {
  const m = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(textValue);
  return m ? [{ type: "bot_command", offset: 0, length: m[0].length }] : undefined;
}

let nextUpdateId = 5000;
let nextMessageId = 1;

export function newUpdateId(): number {
  return nextUpdateId++;
}

export interface Sender {
  id: number;
  first_name: string;
  last_name?: string;
  language_code?: string;
}

function user(s: Sender): User {
  return { is_bot: false, ...s };
}

export function privateChat(s: Sender): Chat.PrivateChat {
  return { id: s.id, type: "private", first_name: s.first_name };
}

export function groupChat(id = -100123456, title = "Nhóm điều phối hội nghị"): Chat.SupergroupChat {
  return { id, type: "supergroup", title };
}

/** A text message (a command gets its entity, as Telegram sends it). */
export function textUpdate(s: Sender, textValue: string, options: { chat?: Chat; updateId?: number } = {}): Update {
  const message = {
    message_id: nextMessageId++,
    date: 1_800_000_000,
    chat: options.chat ?? privateChat(s),
    from: user(s),
    text: textValue,
    entities: commandEntities(textValue),
  };
  return { update_id: options.updateId ?? newUpdateId(), message } as unknown as Update;
}

export function documentUpdate(s: Sender, doc: { name: string; mime: string; size: number; fileId?: string }, caption?: string): Update {
  const message = {
    message_id: nextMessageId++,
    date: 1_800_000_000,
    chat: privateChat(s),
    from: user(s),
    document: { file_id: doc.fileId ?? "DOC-1", file_unique_id: "u-doc-1", file_name: doc.name, mime_type: doc.mime, file_size: doc.size },
    caption,
    caption_entities: caption ? commandEntities(caption) : undefined,
  };
  return { update_id: newUpdateId(), message } as unknown as Update;
}

export function stickerUpdate(s: Sender): Update {
  const message = {
    message_id: nextMessageId++,
    date: 1_800_000_000,
    chat: privateChat(s),
    from: user(s),
    sticker: { file_id: "STK", file_unique_id: "stk", type: "regular", width: 512, height: 512, is_animated: false, is_video: false },
  };
  return { update_id: newUpdateId(), message } as unknown as Update;
}

export function editedUpdate(s: Sender, textValue: string): Update {
  const message = { message_id: nextMessageId++, date: 1_800_000_000, edit_date: 1_800_000_100, chat: privateChat(s), from: user(s), text: textValue } as Message.TextMessage & { edit_date: number };
  return { update_id: newUpdateId(), edited_message: message } as Update;
}

/** A press on an inline button under a message of the bot in the sender's chat. */
export function pressUpdate(s: Sender, data: string, chat?: Chat): Update {
  return {
    update_id: newUpdateId(),
    callback_query: {
      id: `cb-${nextMessageId}`,
      from: user(s),
      chat_instance: "ci",
      data,
      message: { message_id: nextMessageId++, date: 1_800_000_000, chat: chat ?? privateChat(s), text: "…" } as Message.TextMessage,
    },
  };
}

export function memberUpdate(s: Sender, status: "kicked" | "member"): Update {
  const bot = { ...BOT_INFO } as User;
  return {
    update_id: newUpdateId(),
    my_chat_member: {
      chat: privateChat(s),
      from: user(s),
      date: 1_800_000_000,
      old_chat_member: status === "kicked" ? { status: "member", user: bot } : { status: "kicked", user: bot, until_date: 0 },
      new_chat_member: status === "kicked" ? { status: "kicked", user: bot, until_date: 0 } : { status: "member", user: bot },
    },
  } as Update;
}

/** Test-only commands next to the real general ones: a numbered choice, a long reply, a file taker. */
export function testLayer(app: App, record: string[] = []): CommandLayer {
  const chon: CommandDef = {
    name: "chon",
    aliases: ["pick"],
    roles: ["guest"],
    describe: "cmd-agenda",
    async handler() {
      return [
        {
          kind: "choices",
          text: "Chọn một phương án:",
          choices: [
            { label: "Đỏ <b>&", step: { kind: "command.suggested", name: "ghi", args: "do" } },
            { label: "Xanh", step: { kind: "command.suggested", name: "ghi", args: "xanh" } },
          ],
        },
      ];
    },
  };
  const ghi: CommandDef = {
    name: "ghi",
    aliases: [],
    roles: ["guest"],
    describe: "cmd-agenda",
    listed: false,
    async handler(ctx) {
      // Like every real command, its effect is a change in the store (reads are not remembered).
      await ctx.services.store.mutate((d) => {
        // A time as the program writes them: the store refuses any other at its next load.
        d.speakers.push({ id: `ghi-${d.speakers.length}`, unitId: "test", topic: ctx.args, by: ctx.account.key, at: ctx.services.clock.now().toISOString() });
      });
      record.push(ctx.args);
      return [text(`Đã ghi: ${ctx.args}`)];
    },
  };
  const dai: CommandDef = {
    name: "dai",
    aliases: [],
    roles: ["guest"],
    describe: "cmd-agenda",
    listed: false,
    async handler() {
      const lines = Array.from({ length: 250 }, (_, i) => `Dòng ${String(i + 1).padStart(3, "0")}: ${"x".repeat(31)}`);
      return [text(lines.join("\n"))];
    },
  };
  const lento: CommandDef = {
    name: "lento",
    aliases: [],
    roles: ["guest"],
    describe: "cmd-agenda",
    listed: false,
    async handler() {
      await new Promise((r) => setTimeout(r, 60));
      return [text("Xong.")];
    },
  };
  const nop: CommandDef = {
    name: "nop",
    aliases: [],
    roles: ["guest"],
    describe: "cmd-agenda",
    listed: false,
    accepts: { kinds: ["document"], mimes: ["application/pdf"], maxBytes: 1000 },
    async handler(ctx) {
      if (!ctx.req.file) return [text("Chưa có tệp.")];
      const data = await ctx.req.file.download();
      record.push(`file:${ctx.req.file.name}:${data.toString("utf8")}`);
      return [text(`Đã nhận tệp ${ctx.req.file.name} (${data.length} byte).`)];
    },
  };
  let layer: CommandLayer | undefined;
  const help = helpCommand((ctx) => layer?.visible(ctx.role) ?? []);
  const [start, ...rest] = generalCommands;
  layer = createCommandLayer(app.services, [start as CommandDef, help, ...rest, chon, ghi, dai, lento, nop], { steps: stepTable });
  return layer;
}
