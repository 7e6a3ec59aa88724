// Pure pieces of the Telegram channel: HTML escaping, splitting under the limit, and the webhook-mode config rule.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/app/config.js";
import { escapeHtml, parseCallbackData, renderReplies, splitEscaped } from "../../src/channels/telegram/render.js";
import { createI18n } from "../../src/lib/i18n.js";
import { TOKEN } from "./helpers.js";

describe("Telegram: rendering pieces", () => {
  it("escapes &, < and > and nothing else", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(`&lt;a href="x"&gt;Tom &amp; 'Jerry'&lt;/a&gt;`);
  });

  it("cuts one overlong line at a space, and never splits an escape", () => {
    const line = `${"chữ ".repeat(1500)}&&&&`;
    const pieces = splitEscaped(line, 4096);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    expect(pieces.map((p) => p.replace(/&amp;/g, "&")).join("")).toBe(line);
  });
});

describe("Telegram: configuration", () => {
  it("refuses webhook mode without TELEGRAM_WEBHOOK_SECRET, naming the variable", () => {
    const webhook = { TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://hoinghi.example.gov.vn", TELEGRAM_UPDATES: "webhook" };
    expect(() => loadConfig(webhook)).toThrow(ConfigError);
    expect(() => loadConfig(webhook)).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, PUBLIC_URL: "https://hoinghi.example.gov.vn", TELEGRAM_WEBHOOK_SECRET: "abc_DEF-123" }).telegram?.webhookSecret).toBe("abc_DEF-123");
  });
});

describe("Telegram: choices and captions", () => {
  const t = createI18n().forLanguage("vi");

  it("a choice sent outside a conversation with a step carries the step in its button; it parses back, and junk does not", () => {
    const [msg] = renderReplies([{ kind: "choices", text: "Thông báo", choices: [{ label: "Đã nhận", step: { kind: "notice.ack", id: "ab12cd" } }] }], t);
    const data = `s:${JSON.stringify({ kind: "notice.ack", id: "ab12cd" })}`;
    expect(msg).toMatchObject({ method: "sendMessage", keyboard: { inline_keyboard: [[{ text: "1. Đã nhận", callback_data: data }]] } });
    expect(parseCallbackData(data)).toEqual({ kind: "step", step: { kind: "notice.ack", id: "ab12cd" } });
    expect(parseCallbackData("s:{not json")).toBeUndefined();
    // A step too long for Telegram's 64 bytes: no keyboard (the numbered lines still work).
    const [long] = renderReplies([{ kind: "choices", text: "Thông báo", choices: [{ label: "Đã nhận", step: { kind: "notice.ack", id: "x".repeat(80) } }] }], t);
    expect(long).not.toHaveProperty("keyboard");
  });

  it("buttons of choices sent outside a conversation carry their step; presses parse back, a button of before as today's step", () => {
    const [msg] = renderReplies([{ kind: "choices", text: "Thông báo", choices: [{ label: "Đã nhận", step: { kind: "notice.ack", id: "k7q2mx" } }] }], t);
    expect(msg).toMatchObject({ method: "sendMessage", keyboard: { inline_keyboard: [[{ text: "1. Đã nhận", callback_data: 's:{"kind":"notice.ack","id":"k7q2mx"}' }]] } });
    // A "Đã nhận" button sent before choices carried steps still acknowledges its notice; other old buttons are stale.
    expect(parseCallbackData("x:/danhan k7q2mx")).toEqual({ kind: "step", step: { kind: "notice.ack", id: "k7q2mx" } });
    expect(parseCallbackData("x:/dangky chair")).toBeUndefined();
    expect(parseCallbackData("c:ab12cd34:3")).toEqual({ kind: "choice", setId: "ab12cd34", index: 3 });
    expect(parseCallbackData("c:ab12cd34:x")).toBeUndefined();
    expect(parseCallbackData(undefined)).toBeUndefined();
  });

  it("a caption longer than Telegram allows follows the file as its own message", () => {
    const out = renderReplies([{ kind: "file", name: "a.xlsx", mime: "application/x", data: Buffer.from("x"), caption: "y".repeat(2000) }], t);
    expect(out.map((o) => o.method)).toEqual(["sendDocument", "sendMessage"]);
    expect(out[0]).toMatchObject({ captionHtml: undefined });
  });
});
