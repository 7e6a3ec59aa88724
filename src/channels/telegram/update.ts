// Telegram updates as the command layer's neutral requests: what to answer, what to pass over in silence.
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";
import { parseCommand } from "../../../commands/router.js";
import type { CommandDef } from "../../../commands/types.js";
import type { IncomingFile, Request } from "../../messages/types.js";
import { cleanRequest } from "../../lib/text.js";
import { parseCallbackData } from "./render.js";

/** What the channel does with one update. */
export type Incoming =
  /** Run through the command layer; answer in `chatId`. A button press carries `callbackId`. */
  | { kind: "request"; req: Request; chatId: number; callbackId?: string }
  /** Answer with one message key, without the command layer (nothing changes). */
  | { kind: "hint"; chatId: number; key: string; language?: string; callbackId?: string }
  /** The bot was blocked or removed (`reachable: false`), or allowed back. */
  | { kind: "membership"; account: string; reachable: boolean }
  /** Nothing to do: silence is what Telegram users expect here. */
  | { kind: "ignore"; reason: string; callbackId?: string };

export interface MappingContext {
  me: UserFromGetMe;
  /** A command of this bot by name or alias. */
  find(name: string): CommandDef | undefined;
  /** Downloads a file by its Telegram file_id (through getFile on the configured API root). */
  download(fileId: string): Promise<Buffer>;
}

/** The name people see: first and last name, else the @username, else the id. */
export function displayName(user: User): string {
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ").trim();
  return name || (user.username ? `@${user.username}` : String(user.id));
}

const isGroup = (chat: Chat) => chat.type === "group" || chat.type === "supergroup";

/** Message kinds no command reads: answered with the command layer's hint about files. */
const UNREAD_MEDIA = ["sticker", "voice", "video", "video_note", "animation", "audio", "location", "venue", "contact", "poll", "dice"] as const;

/**
 * In a group the bot speaks for the conference, not for a person: it answers as to a guest, on
 * the group's own account (`telegram:<group id>`), so that an organizer's command in a group can
 * never show invite codes or unpublished scores to everyone there, and so that the person's own
 * account keeps its private chat for notices. Commands a guest may not run, and `/start CODE`, are
 * pointed to the private chat.
 *
 * A command counts as addressed to this bot when it names it (`/lenh@thisbot`), or when it is
 * plain (`/lenh`) and is one of this bot's commands: Telegram clients add the `@bot` part
 * themselves when a group holds several bots, so a plain command of ours is meant for us. Plain
 * commands this bot does not know, commands for other bots and every other message are left alone.
 */
function groupMessage(msg: Message, ctx: MappingContext): Incoming {
  const text = msg.text ?? "";
  const entity = msg.entities?.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity) return { kind: "ignore", reason: "group message without a command" };
  const parsed = parseCommand(text);
  if (!parsed) return { kind: "ignore", reason: "group message without a command" };
  const mine = ctx.me.username.toLowerCase();
  if (parsed.target && parsed.target !== mine) return { kind: "ignore", reason: "command for another bot" };
  const def = ctx.find(parsed.name);
  if (!def && !parsed.target) return { kind: "ignore", reason: "plain command this bot does not know" };
  const language = msg.from?.language_code;
  if (def && (!def.roles.includes("guest") || (def.name === "start" && parsed.args))) {
    return { kind: "hint", chatId: msg.chat.id, key: "telegram-group-private-only", language };
  }
  return { kind: "request", req: groupRequest(msg.chat, msg.from, text), chatId: msg.chat.id };
}

function groupRequest(chat: Chat, from: User | undefined, text: string): Request {
  const title = "title" in chat && chat.title ? chat.title : String(chat.id);
  return {
    channel: "telegram",
    userId: String(chat.id),
    chatId: String(chat.id),
    displayName: title,
    language: from?.language_code,
    text,
  };
}

function fileOf(msg: Message, ctx: MappingContext): IncomingFile | undefined {
  if (msg.document) {
    const d = msg.document;
    return {
      kind: "document",
      name: d.file_name ?? "document",
      mime: d.mime_type ?? "application/octet-stream",
      size: d.file_size ?? 0,
      download: () => ctx.download(d.file_id),
    };
  }
  if (msg.photo && msg.photo.length > 0) {
    // Telegram sends every size it made; the last is the largest.
    const p = msg.photo[msg.photo.length - 1] as NonNullable<Message["photo"]>[number];
    return { kind: "photo", name: `photo-${p.file_unique_id}.jpg`, mime: "image/jpeg", size: p.file_size ?? 0, download: () => ctx.download(p.file_id) };
  }
  return undefined;
}

function privateMessage(msg: Message, from: User, ctx: MappingContext, updateId: string): Incoming {
  const file = fileOf(msg, ctx);
  const text = msg.text ?? msg.caption ?? "";
  if (!file && msg.text === undefined) {
    if (UNREAD_MEDIA.some((k) => k in msg)) return { kind: "hint", chatId: msg.chat.id, key: "file-not-expected", language: from.language_code };
    return { kind: "ignore", reason: "service message" };
  }
  const parsed = text.startsWith("/") ? parseCommand(text) : undefined;
  if (parsed?.target && parsed.target !== ctx.me.username.toLowerCase()) return { kind: "ignore", reason: "command for another bot" };
  const req: Request = {
    channel: "telegram",
    userId: String(from.id),
    chatId: String(msg.chat.id),
    displayName: displayName(from),
    language: from.language_code,
    text,
    file,
    updateId,
  };
  return { kind: "request", req, chatId: msg.chat.id };
}

/**
 * What to do with one update. Pure apart from the download closures it hands on. Every request
 * comes out cleaned (cleanRequest): no control or bidi characters in names, texts or file names.
 */
export function toIncoming(update: Update, ctx: MappingContext): Incoming {
  const incoming = mapUpdate(update, ctx);
  if (incoming.kind === "request") return { ...incoming, req: cleanRequest(incoming.req) };
  return incoming;
}

function mapUpdate(update: Update, ctx: MappingContext): Incoming {
  const updateId = String(update.update_id);
  if (update.message) {
    const msg = update.message;
    if (!msg.from || msg.from.is_bot) return { kind: "ignore", reason: "not from a person" };
    if (msg.chat.type === "private") return privateMessage(msg, msg.from, ctx, updateId);
    if (isGroup(msg.chat)) {
      const mapped = groupMessage(msg, ctx);
      if (mapped.kind === "request") mapped.req.updateId = updateId;
      return mapped;
    }
    return { kind: "ignore", reason: "channel post" };
  }
  if (update.callback_query) {
    const cq = update.callback_query;
    const chat = cq.message?.chat;
    if (!chat) return { kind: "ignore", reason: "press outside a chat", callbackId: cq.id };
    const pressed = parseCallbackData(cq.data);
    if (!pressed) return { kind: "hint", chatId: chat.id, key: "choice-stale", language: cq.from.language_code, callbackId: cq.id };
    const group = isGroup(chat);
    const base: Request = group
      ? groupRequest(chat, cq.from, "")
      : { channel: "telegram", userId: String(cq.from.id), chatId: String(chat.id), displayName: displayName(cq.from), language: cq.from.language_code, text: "" };
    base.updateId = updateId;
    if (pressed.kind === "choice") return { kind: "request", req: { ...base, press: { setId: pressed.setId, index: pressed.index } }, chatId: chat.id, callbackId: cq.id };
    // A step a button carries: the router takes only the kinds that may stand alone ("Đã nhận", which anyone may press).
    return { kind: "request", req: { ...base, press: { step: pressed.step } }, chatId: chat.id, callbackId: cq.id };
  }
  if (update.my_chat_member) {
    const m = update.my_chat_member;
    const status = m.new_chat_member.status;
    // In a private chat "kicked" means the person blocked the bot; in a group, it was removed.
    if (status === "kicked" || status === "left") return { kind: "membership", account: `telegram:${m.chat.id}`, reachable: false };
    if (status === "member" || status === "administrator") return { kind: "membership", account: `telegram:${m.chat.id}`, reachable: true };
    return { kind: "ignore", reason: `membership ${status}` };
  }
  if (update.edited_message) return { kind: "ignore", reason: "edited message" };
  return { kind: "ignore", reason: "update kind not used" };
}
