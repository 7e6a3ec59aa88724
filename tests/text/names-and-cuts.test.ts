// Names and cuts (issue 16 item 5): what a platform sends is cleaned of invisible controls, and no cut leaves half an emoji.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderReplies as renderTelegram, splitEscaped } from "../../src/channels/telegram/render.js";
import { toIncoming } from "../../src/channels/telegram/update.js";
import { splitText as splitZalo } from "../../src/channels/zalo/render.js";
import { cleanName, cleanRequest, cleanText, clip, graphemes, shorten, writable } from "../../src/lib/text.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { BOT_INFO, textUpdate } from "../telegram/helpers.js";
import { startZaloTest, type ZaloTest } from "../zalo/setup.js";
import { ensureAccount } from "../../src/domain/identity.js";

/** Half of a surrogate pair on its own: what a cut in the middle of an emoji leaves. */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F]/;
/** Every piece is made of whole characters of the original: none was cut through. */
function wholeCharacters(pieces: string[], original: string): void {
  const known = new Set(graphemes(original));
  for (const p of pieces) {
    expect(p).not.toMatch(LONE);
    for (const g of graphemes(p)) expect(known.has(g)).toBe(true);
  }
}

const ctx = { me: BOT_INFO, find: () => undefined, download: async () => Buffer.alloc(0) };

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("a Telegram name with U+202E, BEL and NUL", () => {
  const evil = { id: 7301, first_name: "Lò\u202E Thị \u0007Lan\u0000", last_name: "\u2066Mường\u2069 So\u200F" };

  it("reaches the command layer cleaned: no control or bidi character in the name or the text", () => {
    const incoming = toIncoming(textUpdate(evil, "/dangky\u0000 1 thamdu\u202E"), ctx);
    expect(incoming.kind).toBe("request");
    if (incoming.kind !== "request") return;
    expect(incoming.req.displayName).toBe("Lò Thị Lan Mường So");
    expect(incoming.req.text).toBe("/dangky 1 thamdu");
  });

  it("is stored cleaned, becomes the attendee's name, and /baocao shows it without those characters", async () => {
    const code = await h.code("muong-so");
    const say = async (text: string) => {
      const incoming = toIncoming(textUpdate(evil, text), ctx);
      if (incoming.kind !== "request") throw new Error("not a request");
      return h.app.bot.handle(incoming.req);
    };
    await say(`/start ${code}`);
    const account = h.app.store.data.accounts["telegram:7301"];
    expect(account?.unitId).toBe("muong-so");
    expect(account?.displayName).toBe("Lò Thị Lan Mường So");
    await say("/dangky 1 thamdu");
    const rsvp = h.app.store.data.rsvps.find((r) => r.seatId === "chair");
    expect(rsvp?.name).toBe("Lò Thị Lan Mường So");
    const report = await h.organizer().say("/baocao");
    expect(report).toContain("Lò Thị Lan Mường So");
    expect(report).not.toMatch(INVISIBLE);
  });
});

describe("a Zalo name and text with invisible characters", () => {
  let z: ZaloTest | undefined;
  afterEach(async () => {
    await z?.close();
    z = undefined;
  });

  it("are cleaned before the account is made, like Telegram's", async () => {
    z = await startZaloTest();
    const u = z.user("Hoàng\u202E Văn\u0000 Tú\u0007\n");
    expect(await z.channel.processUpdate(z.fake.update(u, { text: "/chuongtrinh\u202E" }))).toBe("handled");
    const account = z.h.app.store.data.accounts[`zalo:${u.id}`];
    expect(account?.displayName).toBe("Hoàng Văn Tú");
  });
});

describe("cuts between whole characters", () => {
  it("a 128-character name ending in an emoji is kept without half of the emoji", async () => {
    const name = `${"Đ".repeat(127)}😀`;
    expect(name.length).toBe(129);
    const account = await ensureAccount(h.app.store, { channel: "telegram", userId: "7302", chatId: "7302", displayName: name }, new Date(), "vi");
    expect(account.displayName).toBe("Đ".repeat(127));
    expect(account.displayName).not.toMatch(LONE);
    // Through the channel's cleaning the same: at most 128 units, whole characters.
    const cleaned = cleanName(`${"a".repeat(126)}👍🏽`);
    expect(cleaned).toBe("a".repeat(126));
  });

  it("a 120-character button label ending in an emoji is cut before the emoji, not through it", () => {
    // "1. " + 116 letters + an emoji is 121 units: a cut at 120 lands inside the emoji.
    const label = `${"x".repeat(116)}😀`;
    const [message] = renderTelegram([{ kind: "choices", text: "Chọn", choices: [{ label, step: { kind: "command.suggested", name: "chon", args: "1" } }], setId: "s1" }], (k) => k);
    const button = message?.method === "sendMessage" ? message.keyboard?.inline_keyboard[0]?.[0] : undefined;
    expect(button?.text).toBe(`1. ${"x".repeat(116)}`);
    expect(button?.text).not.toMatch(LONE);
    expect(button?.text.length).toBeLessThanOrEqual(120);
  });

  it("a long Zalo message of emoji with skin tones splits into parts of whole emoji", () => {
    const text = `Chúc mừng ${"👍🏽".repeat(900)}`;
    const parts = splitZalo(text, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(parts.join("")).toBe(text);
    wholeCharacters(parts, text);
  });

  it("a long Telegram message of family emoji splits into pieces of whole emoji", () => {
    const text = `a${"👨‍👩‍👧".repeat(800)}`;
    const pieces = splitEscaped(text, 4096);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(text);
    wholeCharacters(pieces, text);
  });

  it("previews and labels end with … after whole characters", () => {
    expect(shorten("Hội nghị 🇻🇳🇻🇳", 14)).toBe("Hội nghị 🇻🇳…");
    expect(shorten("Hội nghị 🇻🇳🇻🇳", 12)).toBe("Hội nghị…");
    expect(shorten("ngắn", 60)).toBe("ngắn");
    expect(clip("Tiếng Việt", 5)).toBe("Tiếng");
    // A letter typed as e + two combining marks is one character: never cut from its marks.
    expect(clip("Vie\u0302\u0323t", 3)).toBe("Vi");
  });
});

describe("cleanText and cleanRequest", () => {
  it("keep lines and tabs, compose letters, and drop controls, bidi marks and broken surrogates", () => {
    expect(cleanText("Dòng 1\r\nDòng 2\rDòng\t3\u2028cuối")).toBe("Dòng 1\nDòng 2\nDòng\t3\ncuối");
    expect(cleanText("Vie\u0302\u0323t")).toBe("Việt");
    expect(cleanText("a\u0000b\u0007c\u001bd\u0085e\u202Ef\u2067g\uD800h")).toBe("abcdefgh");
    // The joiner of emoji sequences stays.
    expect(cleanText("👨‍👩‍👧")).toBe("👨‍👩‍👧");
  });

  it("cleans the file name too and keeps the download", async () => {
    const data = Buffer.from("x");
    const req = cleanRequest({ displayName: "A", text: "", file: { name: "tham\u202Eluan\u0000.docx", download: async () => data } });
    expect(req.file?.name).toBe("thamluan.docx");
    expect(await req.file?.download()).toBe(data);
  });
});

describe("one filter for every text that enters or goes into XML (issue 21, item 3)", () => {
  it("takes out the noncharacters, the controls XML forbids, lone surrogate halves and bidi controls; keeps Vietnamese, emoji with joiners, tabs and line breaks", () => {
    const hostile = "Lò\uFFFE Văn\uFFFF \uFDD0Minh\uFDEF\u{1FFFE}\u{10FFFF}\uD800\u0001\u0085\u202E\u200F\uFEFF";
    expect(writable(hostile)).toBe("Lò Văn Minh");
    expect(writable("Tham luận\tdòng 1\ndòng 2\r\n👨‍👩‍👧 🇻🇳 ệ")).toBe("Tham luận\tdòng 1\ndòng 2\r\n👨‍👩‍👧 🇻🇳 ệ");
  });

  it("is what a platform's names and texts go through", () => {
    expect(cleanName("Tao\uFFFE Thị\u{10FFFF} Hoa")).toBe("Tao Thị Hoa");
    expect(cleanText("Đi\uFFFF công tác\uFDD0")).toBe("Đi công tác");
    // A mark left alone by a removed noncharacter composes with its letter.
    expect(cleanText("e\uFFFE\u0302")).toBe("ê");
  });
});
