// On a phone, with Zalo only (the Zalo fake, the app's one HTTP server on loopback standing for the
// public address, Chromium at 390×844): Ban tổ chức imports and publishes the scores from /nhapdiem's
// link, xã Mường So hands in its speech as a Word file through its own link, Ban tổ chức sees it in /duyet.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountSites } from "../../src/app/sites.js";
import type { ZaloUser } from "../zalo/fake-server.js";
import { startZaloTest, type ZaloTest } from "../zalo/setup.js";
import { SAMPLE_FILE } from "../scores/helpers.js";
import { keptFiles, speechDocx } from "./helpers.js";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
/** Set UPLOAD_SCREENSHOTS=1 to keep the phone's screenshots in /tmp. */
const SHOTS = process.env.UPLOAD_SCREENSHOTS === "1";

let z: ZaloTest;
let profile: string;
let context: BrowserContext;
let page: Page;
let publicUrl: string;
const organizer: ZaloUser = { id: "org-zalo", name: "Lò Thị Nội Vụ" };
const commune: ZaloUser = { id: "zalo-muong-so-4f2a", name: "Lò Văn Sáu" };

/** Posts an update from `user` through the webhook; returns the bot's messages to that chat after it, once one contains `until`. */
async function send(user: ZaloUser, update: Record<string, unknown>, until: string): Promise<string> {
  const before = z.fake.textsTo(user.id).length;
  const res = await z.fake.post(update);
  expect(res.status).toBe(200);
  const since = () => z.fake.textsTo(user.id).slice(before).join("\n");
  await z.fake.waitFor(() => since().includes(until), 10_000);
  return since();
}
const say = (user: ZaloUser, text: string, until: string) => send(user, z.fake.update(user, { text }), until);

const linkIn = (text: string, part: string) => {
  const m = new RegExp(`(https?://\\S+${part}\\S+)`).exec(text);
  if (!m) throw new Error(`no ${part} link in: ${text}`);
  return m[1] as string;
};

/** The page is no wider than the phone: nothing to scroll sideways. */
const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(tmpdir(), `upload-${name}.png`), fullPage: true });
}

beforeAll(async () => {
  z = await startZaloTest({ webhook: true, fullBot: true });
  publicUrl = z.h.app.config.publicUrl as string;
  mountSites(z.h.app, z.h.app.http.server);
  profile = await mkdtemp(path.join(tmpdir(), "hoinghi-phone-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
}, 60_000);

afterAll(async () => {
  await context?.close();
  await z?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe("trên điện thoại, chỉ có Zalo", () => {
  it("Ban tổ chức gõ /nhapdiem, mở liên kết vào thẳng trang Chỉ số CCHC, tải bảng điểm mẫu lên, xác nhận và công bố", async () => {
    await say(organizer, "/start", "Ban tổ chức");
    const answer = await say(organizer, "/nhapdiem", "/ban-to-chuc/vao");
    expect(answer).toContain("Zalo không chuyển được tệp");
    expect(answer).not.toContain("Telegram");
    const link = linkIn(answer, "/ban-to-chuc/vao");
    expect(link.startsWith(`${publicUrl}/ban-to-chuc/vao?t=`)).toBe(true);

    await page.goto(link);
    await page.getByRole("button", { name: "Vào bàn làm việc" }).click();
    await expect.poll(() => page.url()).toBe(`${publicUrl}/ban-to-chuc/chi-so`);
    await page.locator('input[type="file"][name="file"]').setInputFiles(SAMPLE_FILE);
    await page.getByRole("button", { name: "Kiểm tra bảng điểm" }).click();
    await expect.poll(() => page.textContent("body")).toContain("17 đơn vị");
    await shot("scores-preview");
    await page.getByRole("button", { name: /Xác nhận/ }).click();
    await expect.poll(() => page.textContent("body")).toContain("bảng điểm: năm 2023, 17 đơn vị");
    await page.goto(`${publicUrl}/ban-to-chuc/chi-so`);
    // "Công bố kết quả" asks first (it messages every delegate): the question, then the button.
    await page.getByRole("link", { name: /Công bố/ }).click();
    await expect.poll(() => page.textContent("body")).toContain("Việc này sẽ:");
    await page.getByRole("button", { name: /Công bố/ }).click();
    await expect.poll(() => z.h.app.store.data.scores.publishedAt).toBeDefined();
    expect(z.h.app.store.data.scores.current).toMatchObject({ year: 2023 });
    // The link was used once: opened again, it signs nobody in.
    await context.clearCookies();
    expect((await page.goto(link))?.status()).toBe(409);
  }, 60_000);

  it("xã Mường So nhận liên kết riêng từ /thamluan, tải tệp Word lên; Ban tổ chức thấy bản mới trong /duyet", async () => {
    await z.h.delegate("Mường So", commune.name, { channel: "zalo", userId: commune.id });
    const offer = await say(commune, "/thamluan", "/nop-tep/");
    expect(offer).toContain("mở liên kết nộp tệp riêng của UBND xã Mường So");
    expect(offer).not.toContain("Cũng có thể gửi tệp");
    expect(offer).not.toContain("Telegram");
    const link = linkIn(offer, "/nop-tep/");
    expect(link.startsWith(`${publicUrl}/nop-tep/`)).toBe(true);

    await page.goto(link);
    expect(await page.locator("h1").textContent()).toBe("Nộp tham luận của UBND xã Mường So");
    expect(await fitsPhone()).toBe(true);
    const picker = page.locator('input[type="file"]');
    expect((await picker.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(40);
    await shot("upload-form");
    await picker.setInputFiles({ name: "tham-luan-muong-so.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: await speechDocx() });
    await page.getByRole("button", { name: "Gửi tham luận" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1 (tệp “tham-luan-muong-so.docx”)");
    expect(await fitsPhone()).toBe(true);
    await shot("upload-done");
    expect(z.h.app.store.data.speeches["muong-so"]?.versions.at(-1)).toMatchObject({ n: 1, kind: "document", by: `zalo:${commune.id}` });

    const review = await say(organizer, "/duyet", "Mường So");
    expect(review).toContain("Mường So: đã nộp bản 1, chờ duyệt");
  }, 60_000);

  it("a file sent in the chat is answered with the link; a changed or expired link is refused and keeps nothing", async () => {
    const answer = await send(commune, z.fake.unsupported(commune), "/nop-tep/");
    expect(answer).toContain("Zalo không chuyển tệp cho bot");
    const link = linkIn(answer, "/nop-tep/");

    const kept = await keptFiles(z.h);
    // One character of the signature changed.
    const tampered = `${link.slice(0, -1)}${link.endsWith("A") ? "B" : "A"}`;
    const refused = await page.goto(tampered);
    expect(refused?.status()).toBe(400);
    expect(await page.textContent("body")).toContain("Liên kết nộp tệp không hợp lệ");
    expect(await fitsPhone()).toBe(true);

    // A post to the changed link, as a page kept open would send it: refused before its body is read.
    const form = new FormData();
    form.append("file", new File([new Uint8Array(await speechDocx())], "ban-2.docx"));
    expect((await fetch(tampered, { method: "POST", body: form })).status).toBe(400);
    z.h.clock.advance(4 * 24 * 60 * 60_000);
    expect((await fetch(link, { method: "POST", body: form })).status).toBe(410);
    expect(z.h.app.store.data.speeches["muong-so"]?.versions).toHaveLength(1);
    expect(await keptFiles(z.h)).toEqual(kept);
  }, 60_000);
});
