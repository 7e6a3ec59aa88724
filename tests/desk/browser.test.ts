// The desk in real Chromium (Debian's chromium, driven by playwright-core): one browser for the
// file, one app on loopback, the chat side through the command layer.
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { SAMPLE_FILE } from "../scores/helpers.js";
import { type Browser, openChromium } from "./chromium.js";
import { createDeskTest, type DeskTest } from "./helpers.js";

/** Set DESK_SCREENSHOTS=1 to write docs/desk-*.png again. */
const SHOTS = process.env.DESK_SCREENSHOTS === "1";

let d: DeskTest;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(ROOT, "docs", `desk-${name}.png`), fullPage: true });
}

/** Opens a link typed as /web in the chat, in a browser that starts without cookies. */
async function signIn(): Promise<void> {
  await context.clearCookies();
  await page.goto(origin + (await d.linkFrom(d.org)));
  await page.getByRole("button", { name: "Vào bàn làm việc" }).click();
  await expect.poll(() => page.url()).toBe(`${origin}/ban-to-chuc/`);
}

beforeAll(async () => {
  d = await createDeskTest();
  origin = await d.listen();
  browser = await openChromium();
  ({ context, page } = browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await d?.stop();
});

describe("bàn làm việc trong Chromium", () => {
  it("signs in through the link from the chat and shows the overview; the link does not work twice", async () => {
    const link = await d.linkFrom(d.org);
    await context.clearCookies();
    await page.goto(origin + link);
    await page.getByRole("button", { name: "Vào bàn làm việc" }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/ban-to-chuc/`);
    expect(await page.locator("h1").first().textContent()).toBe("Tổng quan");
    expect(await page.textContent("body")).toContain("Hạn xác nhận tham dự");
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "hoinghi_desk")).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/ban-to-chuc" });
    await shot("overview");
    await context.clearCookies();
    const again = await page.goto(origin + link);
    expect(again?.status()).toBe(409);
    expect(await page.textContent("body")).toContain("Liên kết đăng nhập này vừa được dùng");
    const closed = await page.goto(`${origin}/ban-to-chuc/don-vi`);
    expect(closed?.status()).toBe(401);
  });

  it("a page with ten <img> pointing at bad sign-in links does not keep the organizer out", async () => {
    let hits = 0;
    const count = (r: { url(): string }) => {
      if (r.url().includes("/ban-to-chuc/vao?t=x")) hits += 1;
    };
    page.on("requestfinished", count);
    page.on("requestfailed", count);
    const images = Array.from({ length: 10 }, (_, i) => `<img src="${origin}/ban-to-chuc/vao?t=x&n=${i}">`).join("");
    await page.setContent(`<!doctype html><p>Tin tức</p>${images}`, { waitUntil: "load" });
    await expect.poll(() => hits).toBe(10);
    page.off("requestfinished", count);
    page.off("requestfailed", count);
    await signIn();
    expect(await page.locator("h1").first().textContent()).toBe("Tổng quan");
  });

  it("answers on behalf of a unit; typed HTML is shown as text, and the unit is told", async () => {
    const ms = await d.delegate("Mường So", "Lò Văn Mường");
    await signIn();
    await page.goto(`${origin}/ban-to-chuc/don-vi`);
    await page.getByRole("link", { name: "UBND xã Mường So" }).click();
    await page.locator('select[name="seat"]').selectOption("chair");
    await page.locator('select[name="status"]').selectOption("attend");
    await page.getByLabel("Họ tên (chức vụ) hoặc lý do").fill('<img src=x onerror="alert(1)">Lò Văn Mường, Chủ tịch');
    await page.getByRole("button", { name: "Trả lời thay" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("Đã ghi trả lời của UBND xã Mường So");
    expect(await page.locator("img").count()).toBe(0);
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("Kính gửi UBND xã Mường So: Ban tổ chức (đồng chí Lò Thị Nội Vụ) đã ghi thay câu trả lời cho vị trí Chủ tịch UBND xã"))).toBe(true);
    expect(await ms.say("/dangky")).toContain("Lò Văn Mường");
  });

  it("imports the sample table and publishes it; the delegate's /diem then shows the result", async () => {
    const ds = await d.delegate("Dào San");
    expect(await ds.say("/diem")).toContain("chưa được công bố");
    await signIn();
    await page.goto(`${origin}/ban-to-chuc/chi-so`);
    await page.setInputFiles('input[type="file"]', SAMPLE_FILE);
    await page.getByRole("button", { name: "Kiểm tra bảng điểm" }).click();
    await page.getByRole("button", { name: "Xác nhận nhập bảng điểm" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("2023");
    expect(d.app.store.data.scores.current).toBeDefined();
    await page.goto(`${origin}/ban-to-chuc/chi-so`);
    await page.getByRole("link", { name: "Công bố kết quả" }).click();
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023");
    expect(await ds.say("/diem")).toContain("CHỈ SỐ CCHC NĂM 2023 — UBND xã Dào San");
    await page.goto(`${origin}/`);
    expect(await page.textContent("body")).toContain("Kết quả Chỉ số CCHC năm 2023");
  });

  it("reads a speech beside its previous version, accepts it, and the unit is told in its chat", async () => {
    const ms = await d.delegate("Mường So", "Thư ký Mường So");
    await ms.say("/thamluan Kính thưa Hội nghị, bản thứ nhất của xã Mường So.");
    await ms.say("/thamluan Kính thưa Hội nghị, xã Mường So xin báo cáo một số giải pháp chỉ đạo, điều hành (bản đã sửa).");
    await signIn();
    await page.goto(`${origin}/ban-to-chuc/tham-luan`);
    await page.getByRole("link", { name: "UBND xã Mường So" }).click();
    expect(await page.textContent("body")).toContain("bản thứ nhất");
    expect(await page.textContent("body")).toContain("(bản đã sửa)");
    await shot("speech-review");
    await page.getByRole("button", { name: "Chấp nhận" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("Đã chấp nhận tham luận bản 2 của UBND xã Mường So");
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("Ban tổ chức đã chấp nhận tham luận (bản 2)"))).toBe(true);
  });

  it("the hall board counts a check-in made on Zalo by itself, in place", async () => {
    await d.org.say("/datlich 01/05/2027 09:30 | Hội trường UBND huyện Phong Thổ");
    const zalo = await d.delegate("Sì Lở Lầu", "Đại biểu Sì Lở Lầu", { channel: "zalo" });
    await signIn();
    await page.goto(`${origin}/ban-to-chuc/diem-danh`);
    expect(await page.textContent("#code")).toContain("Chưa có mã điểm danh");
    await page.getByRole("button", { name: "Cấp mã điểm danh" }).click();
    await expect.poll(async () => page.textContent("#code")).toContain("Mã điểm danh:");
    const before = (await page.textContent("#present")) ?? "";
    const code = d.app.store.data.checkinCode?.code as string;
    expect(await page.textContent("body")).toContain(`Mã điểm danh: ${code}`);
    expect(await page.getByAltText("Mã QR điểm danh").count()).toBe(1);
    expect(await zalo.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");
    // No click: the figures come in place (a small fetch every 5 s).
    await expect.poll(async () => page.textContent("#present"), { timeout: 25_000, interval: 1000 }).not.toBe(before);
    expect(await page.textContent("#present")).toMatch(/^Có mặt 1\//);
    await shot("board");
  });

  it("composes a notice, previews it with the count per channel, sends it, and a Telegram delegate receives it", async () => {
    const tg = await d.delegate("Nậm Xe", "Chủ tịch UBND xã Nậm Xe", { channel: "telegram", userId: "7301" });
    await signIn();
    await page.goto(`${origin}/ban-to-chuc/thong-bao`);
    await page.locator('textarea[name="text"]').fill('Kính gửi các đơn vị: <script>alert(1)</script> đề nghị nộp báo cáo trước ngày 15/6.');
    await page.locator('input[name="audience"][value="donvi"]').check();
    await page.locator('input[name="units"][value="nam-xe"]').check();
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("Số tài khoản nhận: 1 (Telegram 1, Zalo 0)");
    expect(await page.textContent("body")).toContain("<script>alert(1)</script>");
    expect(d.app.store.data.deliveries.filter((x) => x.account === tg.key)).toEqual([]);
    await page.getByRole("button", { name: "Gửi ngay" }).click();
    await expect.poll(async () => page.textContent("body")).toMatch(/Đã xếp thông báo \w{6} vào hàng đợi gửi tới 1 tài khoản/);
    await expect.poll(() => d.sent.some((s) => s.account === tg.key && s.text.includes("đề nghị nộp báo cáo trước ngày 15/6."))).toBe(true);
    // The notice's page: its counts per channel, read from the same view as /thongbao trangthai.
    const id = /Đã xếp thông báo (\w{6})/.exec((await page.textContent("body")) ?? "")?.[1] ?? "";
    await page.goto(`${origin}/ban-to-chuc/thong-bao/${id}`);
    await expect.poll(async () => page.textContent("body")).toContain(id);
    expect(await page.textContent("body")).toContain("Telegram");
    await shot("notice-status");
  });

  it("refuses a form posted without its CSRF token with a plain Vietnamese page", async () => {
    await signIn();
    await page.goto(`${origin}/ban-to-chuc/don-vi/muong-so/ma-moi`);
    const before = d.app.store.data.invites.filter((i) => !i.revokedAt).length;
    await page.evaluate(() => {
      for (const input of document.querySelectorAll('input[name="_csrf"]')) input.remove();
    });
    await page.getByRole("button", { name: "Cấp mã mới" }).click();
    await expect.poll(async () => page.textContent("body")).toContain("Biểu mẫu đã hết hiệu lực");
    expect(d.app.store.data.invites.filter((i) => !i.revokedAt).length).toBe(before);
  });
});
