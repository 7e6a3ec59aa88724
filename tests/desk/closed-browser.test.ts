// Bàn lễ tân trên điện thoại 390 px, trong Chromium: trang mở từ lúc hội nghị 2023 còn diễn ra, Ban tổ
// chức kết thúc hội nghị, cán bộ lễ tân bấm "Điểm danh" — trang hiện câu tiếng Việt nói hội nghị đã kết
// thúc, không ai được điểm danh. Tải lại: dòng "đã kết thúc" ở đầu trang, không còn nút điểm danh, vẫn
// tìm được đơn vị. Trang Điểm danh cũng chỉ để xem. Không cuộn ngang, axe không thấy lỗi nghiêm trọng.
// DESK_SHOTS=<folder> writes the pages there.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, looked as lookedAt, openChromium, signInDesk } from "./chromium.js";
import { createDeskTest, type DeskTest } from "./helpers.js";

const SHOTS = process.env.DESK_SHOTS;
const CLOSED_LINE = "“Hội nghị Chỉ số CCHC năm 2023” đã kết thúc ngày 1/5/2027: các trang chỉ để xem, không sửa được.";

let d: DeskTest;
let origin: string;
let browser: Browser;
let page: Page;

/** What a person on the phone would notice (chromium.ts); the page saved into DESK_SHOTS when set. */
const looked = (name: string) => lookedAt(page, name, SHOTS);

beforeAll(async () => {
  d = await createDeskTest();
  origin = await d.listen();
  browser = await openChromium({ width: 390, height: 844 });
  page = browser.page;
  const ms = await d.delegate("Mường So", "Lò Văn Mường");
  await ms.say("/dangky 1 thamdu Lò Văn Mường");
  await signInDesk(page, origin, await d.linkFrom(d.org));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await d?.stop();
});

describe("bàn lễ tân của hội nghị đã kết thúc, trong Chromium", () => {
  it("a tap on a page opened before the close shows the sentence; once reloaded the page only reads, at 390 px", async () => {
    await page.goto(`${origin}/ban-to-chuc/le-tan?q=muong so`);
    const chair = page.getByRole("button", { name: /^Điểm danh — Chủ tịch UBND xã, UBND xã Mường So/ });
    await expect.poll(() => chair.isVisible()).toBe(true);

    await d.app.conferences.close("phong-tho-2023", d.org.key);
    await chair.click();
    const message = page.locator('[data-live="message"]');
    await expect.poll(() => message.textContent()).toContain("Hội nghị này đã kết thúc: số liệu của hội nghị chỉ để xem, không thay đổi được nữa. Chưa có gì thay đổi.");
    expect(await message.isVisible()).toBe(true);
    expect(await message.getAttribute("class")).toBe("refusal");
    expect(page.url()).toBe(`${origin}/ban-to-chuc/le-tan?q=muong%20so`);
    expect(d.app.store.data.checkins).toEqual([]);

    await page.reload();
    const line = page.locator(".closed-line");
    expect(await line.isVisible()).toBe(true);
    expect(await line.textContent()).toContain(CLOSED_LINE);
    expect(await page.getByRole("link", { name: "Chọn hội nghị đang diễn ra để làm việc" }).getAttribute("href")).toBe("/ban-to-chuc/hoi-nghi");
    // The only form that posts is the menu's "Đăng xuất"; no check-in box or button is left.
    expect(await page.locator('form[method="post"]').evaluateAll((forms) => forms.map((f) => f.getAttribute("action")))).toEqual(["/ban-to-chuc/thoat"]);
    expect(await page.getByRole("button", { name: /^Điểm danh/ }).count()).toBe(0);
    // Reading stays: the search finds Mường So's seats as one types.
    await page.getByLabel("Tìm đơn vị hoặc họ tên đại biểu").fill("dao san");
    await expect.poll(() => page.locator("section.unit:not([hidden]) h2").allTextContents()).toEqual([expect.stringContaining("UBND xã Dào San")]);
    const found = await looked("le-tan-da-ket-thuc");

    await page.goto(`${origin}/ban-to-chuc/diem-danh`);
    expect(await page.locator(".closed-line").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: /Điểm danh thay|Cấp mã/ }).count()).toBe(0);
    found.push(...(await looked("diem-danh-da-ket-thuc")));
    for (const [p, name] of [["/nhiem-vu", "nhiem-vu"], ["/ket-luan", "ket-luan"]]) {
      await page.goto(`${origin}/ban-to-chuc${p}`);
      expect(await page.locator(".closed-line").isVisible(), p).toBe(true);
      found.push(...(await looked(`${name}-da-ket-thuc`)));
    }
    expect(found).toEqual([]);
  }, 120_000);
});
