// Replies as Telegram messages: HTML-escaped text split under Telegram's limits, choices as buttons.
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Choice, Reply } from "../../messages/types.js";
import type { StoredStep } from "../../../storage/schema.js";
import type { Translate } from "../../lib/i18n.js";
import { clip, graphemes } from "../../lib/text.js";

/** Telegram's longest message text (https://core.telegram.org/bots/api#sendmessage). */
export const TEXT_LIMIT = 4096;
/** Telegram's longest caption of a document or photo. */
export const CAPTION_LIMIT = 1024;
/** Telegram's longest callback_data, in bytes. */
const CALLBACK_DATA_LIMIT = 64;
/** Telegram allows at most 100 buttons in one inline keyboard. */
const MAX_BUTTONS = 100;

/** One Bot API call that shows a reply; text and captions are already escaped HTML. */
export type Outbound =
  | { method: "sendMessage"; html: string; keyboard?: InlineKeyboardMarkup }
  | { method: "sendDocument"; name: string; data: Buffer; captionHtml?: string }
  | { method: "sendPhoto"; name: string; data: Buffer; captionHtml?: string };

/** Every piece of text goes through this: parse_mode HTML knows only these three entities. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Cuts plain text into pieces whose escaped form fits `limit`, between lines where it can, and
 * inside a line (at a space if there is one, always between whole characters) only when one line
 * is longer than the limit. Returns escaped HTML pieces.
 */
export function splitEscaped(text: string, limit = TEXT_LIMIT): string[] {
  const pieces: string[] = [];
  let current = "";
  const push = () => {
    if (current.length > 0) pieces.push(current);
    current = "";
  };
  for (const line of text.split("\n")) {
    const escaped = escapeHtml(line);
    const joined = current.length > 0 ? `${current}\n${escaped}` : escaped;
    if (joined.length <= limit) {
      current = joined;
      continue;
    }
    push();
    if (escaped.length <= limit) {
      current = escaped;
      continue;
    }
    for (const part of cutLine(line, limit)) {
      push();
      current = part;
    }
  }
  push();
  // An empty reply still shows as something rather than a Bot API error.
  return pieces.filter((p) => p.trim().length > 0);
}

/** A line longer than the limit, cut into escaped pieces that each fit. */
function cutLine(line: string, limit: number): string[] {
  const out: string[] = [];
  // Whole characters (grapheme clusters): a piece never ends inside an emoji.
  const chars = graphemes(line);
  let start = 0;
  while (start < chars.length) {
    let end = start;
    let size = 0;
    let lastSpace = -1;
    while (end < chars.length) {
      const c = chars[end] as string;
      const w = escapeHtml(c).length;
      if (size + w > limit) break;
      size += w;
      if (c === " ") lastSpace = end;
      end += 1;
    }
    if (end === start) end = start + 1; // one character wider than the limit on its own
    else if (end < chars.length && lastSpace > start) end = lastSpace + 1;
    out.push(escapeHtml(chars.slice(start, end).join("")));
    start = end;
  }
  return out;
}

/** callback_data of a numbered choice's button: the set it belongs to and its number. */
export function choiceData(setId: string, index: number): string {
  return `c:${setId}:${index}`;
}

/**
 * callback_data of a button that carries its choice's step (a choice sent outside a conversation, as
 * a notice's "Đã nhận"): it keeps working whatever was offered since. Undefined when it does not fit.
 */
export function stepData(step: StoredStep): string | undefined {
  const data = `s:${JSON.stringify(step)}`;
  return Buffer.byteLength(data, "utf8") <= CALLBACK_DATA_LIMIT ? data : undefined;
}

export type Pressed = { kind: "choice"; setId: string; index: number } | { kind: "step"; step: unknown };

/** The step a button carries, as JSON; undefined when it is not JSON. */
function stepOfData(json: string): Pressed | undefined {
  try {
    return { kind: "step", step: JSON.parse(json) };
  } catch {
    return undefined;
  }
}

/** What a button press means, or undefined for data this bot never sent. */
export function parseCallbackData(data: string | undefined): Pressed | undefined {
  if (!data) return undefined;
  const choice = /^c:([A-Za-z0-9_-]{1,40}):(\d{1,3})$/.exec(data);
  if (choice) return { kind: "choice", setId: choice[1] as string, index: Number(choice[2]) };
  if (data.startsWith("s:{")) return stepOfData(data.slice(2));
  // A "Đã nhận" button sent before choices carried steps ("x:/danhan ID"): the same step today's carries.
  const ack = /^x:\/danhan ([a-z0-9]{6})$/.exec(data);
  if (ack) return { kind: "step", step: { kind: "notice.ack", id: ack[1] } };
  return undefined;
}

/** callback_data of a choice sent without a set: its step. */
function outsideData(c: Choice): string | undefined {
  return stepData(c.step);
}

/** Text that fits a caption stays one; a longer one follows the file as its own message. */
function withCaption(caption: string | undefined): { captionHtml?: string; after: Outbound[] } {
  if (!caption) return { after: [] };
  const escaped = escapeHtml(caption);
  if (escaped.length <= CAPTION_LIMIT) return { captionHtml: escaped, after: [] };
  return { after: splitEscaped(caption).map((html) => ({ method: "sendMessage", html })) };
}

/**
 * The Bot API calls that show `replies`, in order. Numbered choices are written out as numbered
 * lines (typing the number works everywhere) and also given as buttons under the last piece.
 */
export function renderReplies(replies: Reply[], t: Translate): Outbound[] {
  const out: Outbound[] = [];
  for (const r of replies) {
    if (r.kind === "text") {
      for (const html of splitEscaped(r.text)) out.push({ method: "sendMessage", html });
    } else if (r.kind === "choices") {
      const lines = r.choices.map((c, i) => `${i + 1}. ${c.label}`);
      const body = [r.text, "", ...lines, "", t("telegram-choose-hint")].join("\n");
      const pieces = splitEscaped(body);
      const buttons = r.choices
        .slice(0, MAX_BUTTONS)
        .map((c, i) => ({ text: clip(`${i + 1}. ${c.label}`, 120), data: r.setId ? choiceData(r.setId, i + 1) : outsideData(c) }));
      // All or nothing: a keyboard that lacks some choices would mislead.
      const complete = r.choices.length <= MAX_BUTTONS && buttons.every((b) => b.data);
      const keyboard: InlineKeyboardMarkup | undefined = complete
        ? { inline_keyboard: buttons.map((b) => [{ text: b.text, callback_data: b.data as string }]) }
        : undefined;
      pieces.forEach((html, i) => {
        out.push(i === pieces.length - 1 && keyboard ? { method: "sendMessage", html, keyboard } : { method: "sendMessage", html });
      });
    } else {
      const { captionHtml, after } = withCaption(r.caption);
      const method = r.kind === "file" ? "sendDocument" : "sendPhoto";
      out.push({ method, name: r.name, data: r.data, captionHtml });
      out.push(...after);
    }
  }
  return out;
}
