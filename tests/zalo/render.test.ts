// Pure parts of the Zalo channel: splitting long texts, reading updates, rendering replies.
import { describe, expect, it } from "vitest";
import { createI18n } from "../../src/lib/i18n.js";
import { parseUpdate, renderReplies, splitText, toRequest } from "../../src/channels/zalo/render.js";

const t = createI18n().forLanguage("vi");

describe("messages", () => {
  it("has every zalo-* message in Vietnamese and in English", () => {
    const i18n = createI18n();
    const zalo = (lang: string) => i18n.keys(lang).filter((k) => k.startsWith("zalo-")).sort();
    expect(zalo("vi").length).toBeGreaterThan(5);
    expect(zalo("en")).toEqual(zalo("vi"));
  });
});

describe("splitText", () => {
  it("keeps a short text whole and drops an empty one", () => {
    expect(splitText("Xin chào")).toEqual(["Xin chào"]);
    expect(splitText("")).toEqual([]);
    expect(splitText("\n\n")).toEqual([]);
  });

  it("cuts between lines, each part at most the limit", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `${i}`.padEnd(9, "."));
    const parts = splitText(lines.join("\n"), 50);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(50);
    expect(parts.join("\n")).toBe(lines.join("\n"));
    expect(parts[0]).toBe(lines.slice(0, 5).join("\n"));
  });

  it("cuts a single over-long line hard, never inside a surrogate pair", () => {
    const line = "a".repeat(9) + "😀".repeat(10);
    const parts = splitText(line, 10);
    expect(parts.join("")).toBe(line);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(10);
      expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(splitText("x".repeat(4500))).toEqual(["x".repeat(2000), "x".repeat(2000), "x".repeat(500)]);
  });
});

describe("parseUpdate", () => {
  const message = { message_id: "16f6", date: 1766619597466, chat: { id: "e4ea", chat_type: "PRIVATE" }, from: { id: "e4ea", display_name: "Nguyễn Văn A" }, text: "/start" };

  it("reads a bare and a wrapped update alike, keyed by event and message id", () => {
    const bare = parseUpdate({ event_name: "message.text.received", message });
    const wrapped = parseUpdate({ ok: true, result: { event_name: "message.text.received", message } });
    expect(bare).toEqual(wrapped);
    expect(bare).toMatchObject({ ok: true, key: "message.text.received:16f6", chatId: "e4ea", userId: "e4ea" });
  });

  it("takes numeric ids as strings, and refuses ids of other shapes", () => {
    expect(parseUpdate({ event_name: "x", message: { ...message, message_id: 12, chat: { id: 34 } } })).toMatchObject({ ok: true, key: "x:12", chatId: "34" });
    for (const id of [null, "", "a b", 1.5, -1, {}, "x".repeat(200)]) {
      expect(parseUpdate({ event_name: "x", message: { ...message, chat: { id } } }).ok).toBe(false);
    }
    expect(parseUpdate({ event_name: "x", message: { ...message, message_id: undefined } }).ok).toBe(false);
    // An update without event_name is read by what its message carries (here a text).
    expect(parseUpdate({ message })).toMatchObject({ ok: true, kind: "text", key: "message.text.received:16f6" });
    expect(parseUpdate({ event_name: 7, message }).ok).toBe(false);
    expect(parseUpdate(null).ok).toBe(false);
  });

  it("turns an image into a photo file with the caption as text, and a sticker into nothing", async () => {
    const parsed = parseUpdate({ event_name: "message.image.received", message: { ...message, text: undefined, photo: "https://f.zalo.me/p.jpg", caption: "trang 1" } });
    if (!parsed.ok) throw new Error(parsed.problem);
    const req = toRequest(parsed, { fallbackName: "bạn", download: async () => Buffer.from("jpg") });
    expect(req).toMatchObject({ channel: "zalo", text: "trang 1", file: { kind: "photo", url: "https://f.zalo.me/p.jpg", mime: "image/jpeg", size: 0, name: "zalo-16f6.jpg" } });
    expect(await req?.file?.download()).toEqual(Buffer.from("jpg"));
    const sticker = parseUpdate({ event_name: "message.sticker.received", message: { ...message, sticker: "s1" } });
    if (!sticker.ok) throw new Error(sticker.problem);
    expect(toRequest(sticker, { fallbackName: "bạn", download: async () => Buffer.alloc(0) })).toBeUndefined();
  });
});

describe("parseUpdate, as the real service sends updates", () => {
  const base = { message_id: "a1", date: 1766619597466, chat: { id: "c1", chat_type: "PRIVATE" }, from: { id: "c1", display_name: "Lò Văn Sáu", is_bot: false } };

  it("finds the picture in photo_url, in photo as a string, an array or an object, and takes an empty caption as no text", () => {
    const url = "https://f.zalo.me/p.jpg";
    for (const fields of [{ photo_url: url }, { photo: url }, { photo: [{ url: "https://f.zalo.me/small.jpg" }, { url }] }, { photo: { url } }]) {
      const parsed = parseUpdate({ event_name: "message.image.received", message: { ...base, message_type: "CHAT_PHOTO", caption: "", ...fields } });
      if (!parsed.ok) throw new Error(parsed.problem);
      expect(parsed.photoUrl).toBe(url);
      expect(toRequest(parsed, { fallbackName: "bạn", download: async () => Buffer.alloc(0) })).toMatchObject({ text: "", file: { kind: "photo", url } });
    }
  });

  it("classifies an update without event_name by message_type, else by what it carries", () => {
    const kind = (message: Record<string, unknown>) => {
      const parsed = parseUpdate({ message: { ...base, ...message } });
      return parsed.ok ? [parsed.kind, parsed.key] : parsed.problem;
    };
    expect(kind({ message_type: "CHAT_PHOTO", photo_url: "https://f.zalo.me/p.jpg" })).toEqual(["image", "message.image.received:a1"]);
    expect(kind({ message_type: "CHAT_STICKER", sticker: "s1", url: "https://f.zalo.me/s.png" })).toEqual(["sticker", "message.sticker.received:a1"]);
    expect(kind({ photo_url: "https://f.zalo.me/p.jpg" })).toEqual(["image", "message.image.received:a1"]);
    expect(kind({ text: "/start" })).toEqual(["text", "message.text.received:a1"]);
    expect(kind({})).toEqual(["unsupported", "message.unsupported.received:a1"]);
  });

  it("tells a private chat from any other, a person from a bot, and keys the memory by chat too", () => {
    const parsed = parseUpdate({ event_name: "message.text.received", message: { ...base, text: "/start" } });
    expect(parsed).toMatchObject({ ok: true, private: true, fromBot: false, handledKey: "message.text.received:a1:c1" });
    for (const chat_type of ["GROUP", "group", "COMMUNITY"]) {
      expect(parseUpdate({ event_name: "message.text.received", message: { ...base, chat: { id: "g1", chat_type }, text: "/start" } })).toMatchObject({ ok: true, private: false });
    }
    expect(parseUpdate({ event_name: "message.text.received", message: { ...base, chat: { id: "c1" }, text: "x" } })).toMatchObject({ private: true });
    expect(parseUpdate({ event_name: "message.text.received", message: { ...base, from: { id: "b1", is_bot: true }, text: "x" } })).toMatchObject({ fromBot: true });
  });
});

describe("renderReplies", () => {
  const none = { t, publish: async () => undefined };

  it("writes choices as numbered lines with the instruction to type the number", async () => {
    const out = await renderReplies([{ kind: "choices", text: "Chọn:", choices: [{ label: "Có", step: { kind: "command.suggested", name: "a", args: "" } }, { label: "Không", step: { kind: "command.suggested", name: "b", args: "" } }] }], none);
    expect(out).toEqual([{ method: "sendMessage", text: "Chọn:\n1. Có\n2. Không\nVui lòng gõ số tương ứng để chọn (ví dụ: 1)." }]);
  });

  it("sends text as it is, markup characters included (Zalo shows plain text)", async () => {
    const out = await renderReplies([{ kind: "text", text: "<b>Hội trường</b> & phòng 2" }], none);
    expect(out).toEqual([{ method: "sendMessage", text: "<b>Hội trường</b> & phòng 2" }]);
  });

  it("sends a picture by its published link, typing first; a long caption follows as text", async () => {
    const publish = async (name: string) => `https://hoinghi.example.vn/files/abc-${name}`;
    const caption = "c".repeat(2500);
    const out = await renderReplies([{ kind: "photo", name: "a.png", data: Buffer.alloc(1), caption }], { t, publish });
    expect(out.map((o) => o.method)).toEqual(["sendChatAction", "sendPhoto", "sendMessage", "sendMessage"]);
    expect(out[1]).toEqual({ method: "sendPhoto", photo: "https://hoinghi.example.vn/files/abc-a.png" });
  });
});
