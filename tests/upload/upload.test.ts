// A commune with only Zalo hands in its tham luận as a Word file: /thamluan gives its own upload link,
// the upload becomes a version as a file sent on Telegram does, and a changed, expired or wrong upload keeps nothing.
import type { Hono } from "hono";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UPLOAD_LINK_TTL_MS } from "../../src/domain/upload-links.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { DOCX_MIME, formWith, keptFiles, speechDocx, uploadPath, uploadRoot } from "./helpers.js";

const PUBLIC = "https://hoinghi.phongtho.example";

let h: TestApp;
let root: Hono;
let org: Person;
let ms: Person;

beforeEach(async () => {
  h = await createTestApp({ env: { PUBLIC_URL: PUBLIC, TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" } });
  root = uploadRoot(h);
  org = h.organizer();
  await org.say("/start");
  ms = await h.delegate("Mường So", "Lò Văn Sáu", { channel: "zalo", userId: "zalo-muong-so" });
});
afterEach(async () => {
  await h.close();
});

const post = (p: string, form: FormData, headers: Record<string, string> = {}) => root.request(`${PUBLIC}${p}`, { method: "POST", body: form, headers });
const versions = () => h.app.store.data.speeches["muong-so"]?.versions ?? [];
const sentTo = (p: Person) => h.sent.filter((m) => m.account === p.key).map((m) => m.text);

describe("xã Mường So nộp tham luận bằng tệp Word qua liên kết riêng (chỉ có Zalo)", () => {
  it("/thamluan on Zalo offers the unit's own link and never invites a file in the chat, nor Telegram", async () => {
    const reply = await ms.say("/thamluan");
    expect(reply).toContain("Tham luận của UBND xã Mường So");
    expect(reply).toContain("gõ nội dung tham luận (một hoặc nhiều tin nhắn)");
    expect(reply).toContain("mở liên kết nộp tệp riêng của UBND xã Mường So");
    expect(reply).toContain(`${PUBLIC}/nop-tep/`);
    expect(reply).not.toContain("Cũng có thể gửi tệp");
    expect(reply).not.toContain("Telegram");
    // The link is logged by its start only.
    const token = uploadPath(reply).slice("/nop-tep/".length);
    expect(h.logs.join("\n")).not.toContain(token);
    expect(h.logs.join("\n")).toContain("upload link issued");
  });

  it("the page shows the unit, the topic and a file picker; the .docx becomes version 1 and the organizers are told as for a Telegram file", async () => {
    const link = uploadPath(await ms.say("/thamluan"));
    const page = await root.request(`${PUBLIC}${link}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain("Nộp tham luận của UBND xã Mường So");
    expect(body).toContain('type="file"');
    expect(body).toContain('enctype="multipart/form-data"');
    expect(page.headers.get("referrer-policy")).toBe("no-referrer");
    expect(versions()).toHaveLength(0);

    const docx = await speechDocx();
    const res = await post(link, formWith([{ name: "tham-luan-muong-so.docx", type: DOCX_MIME, data: docx }]));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1 (tệp “tham-luan-muong-so.docx”)");
    expect(versions()).toHaveLength(1);
    expect(versions()[0]).toMatchObject({ n: 1, kind: "document", by: ms.key, file: { name: "tham-luan-muong-so.docx", mime: DOCX_MIME, size: docx.length } });
    expect(await keptFiles(h)).toHaveLength(1);
    expect(sentTo(org).at(-1)).toContain("Tham luận mới: UBND xã Mường So đã nộp bản 1 (tệp “tham-luan-muong-so.docx”)");
    expect(sentTo(org).at(-1)).toContain("/duyet muong-so");
    // The organizer reads it with /duyet, as any version.
    expect(await org.say("/duyet")).toContain("Mường So: đã nộp bản 1, chờ duyệt");
  });

  it("photos of the pages, picked together, become one version of as many pages", async () => {
    const link = uploadPath(await ms.say("/thamluan"));
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    const res = await post(link, formWith([1, 2, 3].map((n) => ({ name: `trang-${n}.png`, type: "image/png", data: png }))));
    expect(res.status).toBe(200);
    expect(versions()[0]).toMatchObject({ kind: "photo" });
    expect(versions()[0]?.pages).toHaveLength(3);
  });

  it("a link changed in one character, or expired, is refused, and nothing is kept", async () => {
    const link = uploadPath(await ms.say("/thamluan"));
    const last = link.at(-1) === "A" ? "B" : "A";
    const tampered = `${link.slice(0, -1)}${last}`;
    const docx = formWith([{ name: "tham-luan.docx", type: DOCX_MIME, data: await speechDocx() }]);
    const forged = await post(tampered, docx);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Liên kết nộp tệp không hợp lệ");
    expect((await root.request(`${PUBLIC}${tampered}`)).status).toBe(400);

    h.clock.advance(UPLOAD_LINK_TTL_MS + 1000);
    const expired = await post(link, formWith([{ name: "tham-luan.docx", type: DOCX_MIME, data: await speechDocx() }]));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain("Liên kết nộp tệp đã hết hiệu lực");
    expect(versions()).toHaveLength(0);
    expect(await keptFiles(h)).toEqual([]);
    expect(h.logs.join("\n")).not.toContain(link.slice("/nop-tep/".length));
  });

  it("refuses another type, an empty file, a body over the limit (before reading it) and no file, each in one sentence, keeping nothing", async () => {
    const link = uploadPath(await ms.say("/thamluan"));
    const exe = await post(link, formWith([{ name: "tham-luan.exe", type: "application/octet-stream", data: Buffer.from("MZ") }]));
    expect(exe.status).toBe(400);
    expect(await exe.text()).toContain("Tệp tham luận cần là Word (.docx, .doc), PDF, ODT hoặc TXT");
    const empty = await post(link, formWith([{ name: "tham-luan.docx", type: DOCX_MIME, data: Buffer.alloc(0) }]));
    expect(await empty.text()).toContain("Tệp không có nội dung");
    const none = await post(link, new FormData());
    expect(await none.text()).toContain("Đồng chí chưa chọn tệp nào");
    const big = await root.request(`${PUBLIC}${link}`, { method: "POST", body: "x", headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(50_000_000) } });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain("Chưa có gì được lưu");
    const two = await post(link, formWith([
      { name: "a.docx", type: DOCX_MIME, data: await speechDocx() },
      { name: "b.pdf", type: "application/pdf", data: Buffer.from("%PDF-1.4") },
    ]));
    expect(await two.text()).toContain("Mỗi lần chỉ gửi một tệp");
    expect(versions()).toHaveLength(0);
    expect(await keptFiles(h)).toEqual([]);
  });

  it("after the deadline the link is refused with the deadline and nothing is kept; /thamluan then offers no link", async () => {
    h.clock.set("2027-06-16T00:00:00Z");
    expect(await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện")).toContain("20/6/2027");
    const link = uploadPath(await ms.say("/thamluan"));
    // The speech deadline is 3 days before the start: the link is still within its own time.
    h.clock.set("2027-06-18T00:00:00Z");
    const late = await post(link, formWith([{ name: "tham-luan.docx", type: DOCX_MIME, data: await speechDocx() }]));
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Đã hết hạn nộp tham luận (");
    expect(versions()).toHaveLength(0);
    expect(await keptFiles(h)).toEqual([]);
    expect(await ms.say("/thamluan")).not.toContain("/nop-tep/");
  });

  it("a file sent in the Zalo chat is answered with the link; a person without a speech to hand in gets the usual hint", async () => {
    const { unreadableAnswer } = await import("../../commands/upload-offer.js");
    const answer = unreadableAnswer(h.app.services, { channel: "zalo", userId: "zalo-muong-so" });
    expect(answer?.[0]?.kind === "text" && answer[0].text).toContain("Zalo không chuyển tệp cho bot");
    expect(answer?.[0]?.kind === "text" && answer[0].text).toContain(`${PUBLIC}/nop-tep/`);
    const guest = h.person("Khách", { channel: "zalo", userId: "zalo-khach" });
    await guest.say("/start");
    expect(unreadableAnswer(h.app.services, { channel: "zalo", userId: "zalo-khach" })).toBeUndefined();
  });

  it("on Telegram /thamluan still invites the file in the chat and gives no link", async () => {
    const tg = await h.delegate("Bản Lang", "Lò Văn Lang", { channel: "telegram", userId: "7001" });
    const reply = await tg.say("/thamluan");
    expect(reply).toContain("Tham luận của UBND xã Bản Lang");
    expect(reply).toContain("tệp Word, PDF, ODT, TXT");
    expect(reply).not.toContain("/nop-tep/");
  });
});
