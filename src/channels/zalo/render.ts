// Turns Zalo updates into Requests and Replies into Zalo messages: plain text, numbered choices, 2,000-character parts.
import type { IncomingFile, Reply, Request } from "../../../commands/types.js";
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
  /** The person is an organizer: without links, they are told how to turn them on. */
  organizer?: boolean;
}

/** The Zalo messages for a list of replies, in order. Pictures and files go out as links, when they can. */
export async function renderReplies(replies: Reply[], deps: RenderDeps): Promise<ZaloOutgoing[]> {
  const { t } = deps;
  const out: ZaloOutgoing[] = [];
  const texts = (s: string) => {
    for (const part of splitText(s)) out.push({ method: "sendMessage", text: part });
  };
  // Preparing a file can take a moment: the person sees "typing" meanwhile.
  if (replies.some((r) => r.kind === "file" || r.kind === "photo")) out.push({ method: "sendChatAction", action: "typing" });
  for (const r of replies) {
    if (r.kind === "text") texts(r.text);
    else if (r.kind === "choices") {
      // Zalo has no buttons: every choice is a numbered line, answered by typing its number.
      const lines = r.choices.map((c, i) => `${i + 1}. ${c.label}`);
      texts([r.text, ...lines, t("zalo-choose-number")].filter(Boolean).join("\n"));
    } else if (r.kind === "photo") {
      const url = await deps.publish(r.name, r.data);
      if (!url) {
        // The caption (and the texts before it, e.g. the ranking) carry what the picture shows.
        texts([r.caption, t(deps.organizer ? "files-photo-no-link-organizer" : "zalo-photo-unavailable")].filter(Boolean).join("\n\n"));
        continue;
      }
      const caption = r.caption ?? "";
      if (caption.length <= ZALO_MAX_TEXT) out.push({ method: "sendPhoto", photo: url, ...(caption ? { caption } : {}) });
      else {
        out.push({ method: "sendPhoto", photo: url });
        texts(caption);
      }
    } else {
      // Zalo's API carries no documents: a short text, and a link where there is a public address.
      const url = await deps.publish(r.name, r.data);
      const note = url
        ? t("zalo-file-link", { name: r.name, url })
        : t(deps.organizer ? "files-file-no-link-organizer" : "zalo-file-unavailable", { name: r.name });
      texts([r.caption, note].filter(Boolean).join("\n\n"));
    }
  }
  return out;
}

/** An update checked for what the channel needs; or why it cannot be used. */
export type ParsedUpdate =
  | { ok: true; update: ZaloUpdate; key: string; chatId: string; userId: string }
  | { ok: false; problem: string };

function id(value: unknown): string | undefined {
  if (typeof value === "string" && value.length > 0 && value.length <= 128 && !/[\s\u0000-\u001f]/.test(value)) return value;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  return undefined;
}

/**
 * Reads an update from a getUpdates result or a webhook body, wrapped (`{ ok, result: {…} }`)
 * or bare (`{ event_name, message }`). The dedup key is `event_name:message_id`.
 */
export function parseUpdate(raw: unknown): ParsedUpdate {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, problem: "not an object" };
  let u = raw as Record<string, unknown>;
  if (!("message" in u) && typeof u.result === "object" && u.result !== null && !Array.isArray(u.result)) u = u.result as Record<string, unknown>;
  const event = u.event_name;
  if (typeof event !== "string" || event.length === 0 || event.length > 100) return { ok: false, problem: "no event_name" };
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
  for (const field of ["text", "caption", "photo"]) {
    if (msg[field] !== undefined && msg[field] !== null && typeof msg[field] !== "string") return { ok: false, problem: `message.${field} is not text` };
  }
  return {
    ok: true,
    update: { event_name: event, message: { ...(msg as unknown as ZaloMessage), chat: { ...(chat as object), id: chatId }, message_id: messageId } },
    key: `${event}:${messageId}`,
    chatId,
    userId,
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
  const m = message as ZaloMessage & { photo_url?: unknown; url?: unknown };
  const url = [m.photo, m.photo_url, m.url].find((u): u is string => typeof u === "string" && /^https?:\/\//.test(u));
  return url;
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
  if (update.event_name === "message.text.received") return { ...base, text: m.text ?? "" };
  if (update.event_name === "message.image.received") {
    const url = photoUrl(m);
    if (!url) return undefined;
    const file: IncomingFile = {
      kind: "photo",
      url,
      name: `zalo-${m.message_id.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40) || "photo"}.jpg`,
      mime: "image/jpeg",
      size: 0,
      download: () => deps.download(url),
    };
    return { ...base, text: m.caption ?? m.text ?? "", file };
  }
  return undefined;
}
