// Turns Zalo updates into Requests and Replies into Zalo messages: plain text, numbered choices, 2,000-character parts.
import type { IncomingFile, Reply, Request } from "../../messages/types.js";
import type { Translate } from "../../lib/i18n.js";
import type { ZaloMessage, ZaloUpdate } from "./client.js";
import { clip } from "../../lib/text.js";

/** Longest text (and caption) Zalo takes in one message. */
export const ZALO_MAX_TEXT = 2000;

/**
 * Splits a text into messages of at most `max` characters, on line boundaries; a single line
 * longer than that is cut where it must (between whole characters, see clip). Empty parts are dropped:
 * Zalo refuses an empty text.
 */
export function splitText(text: string, max = ZALO_MAX_TEXT): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim().length > 0) parts.push(current.replace(/\n+$/, ""));
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      // Cut between whole characters: never half an emoji or a letter without its marks.
      const head = clip(rest, max) || (Array.from(rest)[0] as string);
      parts.push(head);
      rest = rest.slice(head.length);
    }
    current = rest;
  }
  flush();
  return parts;
}

/** One call the channel makes to deliver a reply. */
export type ZaloOutgoing =
  | { method: "sendMessage"; text: string }
  | { method: "sendPhoto"; photo: string; caption?: string }
  | { method: "sendChatAction"; action: "typing" };

export interface RenderDeps {
  t: Translate;
  /**
   * Publishes a generated file and returns its public URL, a link of this person's that
   * expires; undefined when there is no public address (PUBLIC_URL not set), so the file cannot
   * be offered on Zalo.
   */
  publish(name: string, data: Buffer): Promise<string | undefined>;
  /** The person is an organizer: without links, they are told what was not sent (and, once a day, how to fix it). */
  organizer?: boolean;
  /** Who to call instead (" (Phòng Nội vụ, điện thoại …)"), or "" when the conference file names no one. */
  contact?: string;
  /** The Telegram channel runs beside Zalo: only then is a delegate without a link told to look there. */
  telegramRuns?: boolean;
  /** Without a public address: whether this organizer is to be given, this time, the step that gives the bot one (once a day). */
  remindNoAddress?(): boolean;
}

/** Pictures and files of one run of replies that had no link, with their captions (the text that stands for them). */
interface Unsent {
  captions: string[];
  photos: number;
  files: string[];
}

/**
 * The one note after pictures and files that could not be sent: what was not sent; to an organizer,
 * once a day, the step that fixes it; to anyone else, whom to ask (Telegram only when it runs).
 */
function unsentNote(deps: RenderDeps, unsent: Unsent): string {
  const { t } = deps;
  const args = { photos: unsent.photos, files: unsent.files.length === 0 ? "none" : unsent.files.join(", "), contact: deps.contact ?? "" };
  if (!deps.organizer) return t(deps.telegramRuns ? "files-unsent-delegate-telegram" : "files-unsent-delegate", args);
  const note = t("files-unsent-organizer", args);
  return deps.remindNoAddress?.() ? `${note}\n${t("files-no-address-fix")}` : note;
}

/**
 * The Zalo messages for a list of replies, in order. Pictures and files go out as links, when they
 * can; those that cannot, side by side, become one message: their captions (the text that carries
 * what they show) and one note.
 */
export async function renderReplies(replies: Reply[], deps: RenderDeps): Promise<ZaloOutgoing[]> {
  const { t } = deps;
  const out: ZaloOutgoing[] = [];
  const texts = (s: string) => {
    for (const part of splitText(s)) out.push({ method: "sendMessage", text: part });
  };
  let unsent: Unsent | undefined;
  const flushUnsent = () => {
    if (!unsent) return;
    texts([unsent.captions.join("\n"), unsentNote(deps, unsent)].filter(Boolean).join("\n\n"));
    unsent = undefined;
  };
  // Preparing a file can take a moment: the person sees "typing" meanwhile.
  if (replies.some((r) => r.kind === "file" || r.kind === "photo")) out.push({ method: "sendChatAction", action: "typing" });
  for (const r of replies) {
    if (r.kind === "text" || r.kind === "choices") {
      flushUnsent();
      // Zalo has no buttons: every choice is a numbered line, answered by typing its number.
      if (r.kind === "text") texts(r.text);
      else texts([r.text, ...r.choices.map((c, i) => `${i + 1}. ${c.label}`), t("zalo-choose-number")].filter(Boolean).join("\n"));
      continue;
    }
    const url = await deps.publish(r.name, r.data);
    if (!url) {
      unsent ??= { captions: [], photos: 0, files: [] };
      if (r.caption) unsent.captions.push(r.caption);
      if (r.kind === "photo") unsent.photos++;
      else unsent.files.push(r.name);
      continue;
    }
    flushUnsent();
    const caption = r.caption ?? "";
    if (r.kind === "file") texts([caption, t("zalo-file-link", { name: r.name, url })].filter(Boolean).join("\n\n"));
    else if (caption.length <= ZALO_MAX_TEXT) out.push({ method: "sendPhoto", photo: url, ...(caption ? { caption } : {}) });
    else {
      out.push({ method: "sendPhoto", photo: url });
      texts(caption);
    }
  }
  flushUnsent();
  return out;
}

/** What the channel does with an update, by what it carries. */
export type ZaloKind = "text" | "image" | "sticker" | "unsupported";

/** An update checked for what the channel needs; or why it cannot be used. */
export type ParsedUpdate =
  | {
      ok: true;
      update: ZaloUpdate;
      /** `event_name:message_id`: the request's update id (and the memory key before chat ids were added). */
      key: string;
      /** What the handled-update memory keeps: event, message and chat (a message id is unique per chat only). */
      handledKey: string;
      chatId: string;
      userId: string;
      kind: ZaloKind;
      /** Private chat (absent chat_type counts as private); anything else is not for the bot. */
      private: boolean;
      /** Sent by a bot (`from.is_bot`): never answered. */
      fromBot: boolean;
      /** The picture's URL, for an image. */
      photoUrl?: string;
    }
  | { ok: false; problem: string };

function id(value: unknown): string | undefined {
  if (typeof value === "string" && value.length > 0 && value.length <= 128 && !/[\s\u0000-\u001f]/.test(value)) return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

const isUrl = (u: unknown): u is string => typeof u === "string" && /^https?:\/\//.test(u);

/**
 * The URL of a picture as integrations saw it: `photo_url` (the real service), `photo` as a
 * string, as an array (the last, largest, first found) or as an object (`url`/`photo_url`), or `url`.
 */
export function photoUrlOf(msg: Record<string, unknown>): string | undefined {
  const fromValue = (v: unknown): string | undefined => {
    if (isUrl(v)) return v;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) {
        const found = fromValue(v[i]);
        if (found) return found;
      }
      return undefined;
    }
    if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      return [o.url, o.photo_url, o.src].find(isUrl);
    }
    return undefined;
  };
  return fromValue(msg.photo_url) ?? fromValue(msg.photo) ?? (isUrl(msg.url) && msg.sticker === undefined ? msg.url : undefined);
}

/** What an update is: by its event name, else by `message_type`, else by what the message carries. */
function kindOf(event: string | undefined, msg: Record<string, unknown>): ZaloKind {
  if (event === "message.text.received") return "text";
  if (event === "message.image.received") return "image";
  if (event === "message.sticker.received") return "sticker";
  if (event !== undefined) return "unsupported";
  const type = typeof msg.message_type === "string" ? msg.message_type.toUpperCase() : "";
  if (type.includes("PHOTO") || type.includes("IMAGE")) return "image";
  if (type.includes("STICKER")) return "sticker";
  if (type === "CHAT_TEXT" || type === "TEXT") return "text";
  if (type) return "unsupported";
  if (photoUrlOf(msg)) return "image";
  if (msg.sticker !== undefined) return "sticker";
  if (typeof msg.text === "string") return "text";
  return "unsupported";
}

const EVENT_OF: Record<ZaloKind, string> = {
  text: "message.text.received",
  image: "message.image.received",
  sticker: "message.sticker.received",
  unsupported: "message.unsupported.received",
};

/**
 * Reads an update from a getUpdates result or a webhook body, wrapped (`{ ok, result: {…} }`)
 * or bare (`{ event_name, message }`). An update without `event_name` is classified from its
 * message. The dedup key is `event_name:message_id` (with the chat id in `handledKey`).
 */
export function parseUpdate(raw: unknown): ParsedUpdate {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, problem: "not an object" };
  let u = raw as Record<string, unknown>;
  if (!("message" in u) && typeof u.result === "object" && u.result !== null && !Array.isArray(u.result)) u = u.result as Record<string, unknown>;
  const given = u.event_name;
  if (given !== undefined && (typeof given !== "string" || given.length === 0 || given.length > 100)) return { ok: false, problem: "event_name is not a name" };
  const m = u.message;
  if (typeof m !== "object" || m === null || Array.isArray(m)) return { ok: false, problem: "no message" };
  const msg = m as Record<string, unknown>;
  const chat = msg.chat as Record<string, unknown> | undefined;
  if (typeof chat !== "object" || chat === null) return { ok: false, problem: "no message.chat" };
  const chatId = id(chat.id);
  if (!chatId) return { ok: false, problem: "message.chat.id is not an id" };
  const messageId = id(msg.message_id);
  if (!messageId) return { ok: false, problem: "message.message_id is not an id" };
  const from = msg.from as Record<string, unknown> | undefined;
  const userId = (typeof from === "object" && from !== null ? id(from.id) : undefined) ?? chatId;
  for (const field of ["text", "caption"]) {
    if (msg[field] !== undefined && msg[field] !== null && typeof msg[field] !== "string") return { ok: false, problem: `message.${field} is not text` };
  }
  const kind = kindOf(given as string | undefined, msg);
  const event = (given as string | undefined) ?? EVENT_OF[kind];
  const chatType = typeof chat.chat_type === "string" ? chat.chat_type.toUpperCase() : "PRIVATE";
  const photo = kind === "image" ? photoUrlOf(msg) : undefined;
  const key = `${event}:${messageId}`;
  return {
    ok: true,
    update: {
      event_name: event,
      message: { ...(msg as unknown as ZaloMessage), chat: { ...(chat as object), id: chatId } as ZaloMessage["chat"], message_id: messageId },
    },
    key,
    handledKey: `${key}:${chatId}`,
    chatId,
    userId,
    kind,
    private: chatType === "PRIVATE",
    fromBot: typeof from === "object" && from !== null && from.is_bot === true,
    ...(photo ? { photoUrl: photo } : {}),
  };
}

/** The sender's name: whichever of display_name, first_name and name is present. */
export function senderName(message: ZaloMessage): string | undefined {
  const f = message.from;
  const name = [f?.display_name, f?.first_name, f?.name].find((n) => typeof n === "string" && n.trim().length > 0);
  return name?.trim();
}

/** The picture's URL of an image message (the field name has varied between integrations). */
export function photoUrl(message: ZaloMessage): string | undefined {
  return photoUrlOf(message as unknown as Record<string, unknown>);
}

/**
 * The Request for a text or image update; undefined for anything else (stickers, unsupported
 * and unknown events), which the channel answers with a hint.
 */
export function toRequest(
  parsed: Extract<ParsedUpdate, { ok: true }>,
  deps: { fallbackName: string; download(url: string): Promise<Buffer> },
): Request | undefined {
  const { update, chatId, userId } = parsed;
  const m = update.message;
  const base = { channel: "zalo" as const, userId, chatId, displayName: senderName(m) ?? deps.fallbackName, updateId: parsed.key };
  if (parsed.kind === "text") return { ...base, text: m.text ?? "" };
  if (parsed.kind === "image") {
    const url = parsed.photoUrl;
    if (!url) return undefined;
    const file: IncomingFile = {
      kind: "photo",
      url,
      name: `zalo-${m.message_id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40) || "photo"}.jpg`,
      mime: "image/jpeg",
      size: 0,
      download: () => deps.download(url),
    };
    // An empty caption ("" on the real service) is no text: the picture alone.
    return { ...base, text: m.caption || m.text || "", file };
  }
  return undefined;
}
