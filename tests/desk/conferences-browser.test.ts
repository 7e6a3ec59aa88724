// Trang Hội nghị trong Chromium: Ban tổ chức chọn tệp hội nghị năm 2025 và thêm, chuyển sang làm việc
// với hội nghị đó, kết thúc hội nghị 2023 sau câu hỏi; trang vừa màn hình điện thoại 390 px và màn hình
// 1366 px, không cuộn ngang, axe không thấy lỗi nghiêm trọng.
// DESK_SHOTS=<folder> writes the page at both widths there.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Browser, looked as lookedAt, openChromium, signInDesk } from "./chromium.js";
import { createDeskTest, type DeskTest, laterConferenceFile } from "./helpers.js";

const SHOTS = process.env.DESK_SHOTS;
const PAGE = "/ban-to-chuc/hoi-nghi";

let d: DeskTest;
let origin: string;
let browser: Browser;
let page: Page;

/** What a person at this width would notice (chromium.ts); the page saved into DESK_SHOTS when set. */
const looked = (name: string) => lookedAt(page, name, SHOTS);

beforeAll(async () => {
  d = await createDeskTest();
  origin = await d.listen();
  browser = await openChromium({ width: 1366, height: 768 });
  page = browser.page;
  await d.delegate("Mường So", "Lò Văn Mường");
  // A task of 2023 still open when it is closed: the question says so.
  await d.org.say("/nhiemvu giao Mường So | Niêm yết đủ thủ tục hành chính | 3.2 | 31/12/2027");
  await signInDesk(page, origin, await d.linkFrom(d.org));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await d?.stop();
});

describe("trang Hội nghị trong Chromium", () => {
  it("adds 2025 from its file, works on it, closes 2023 after the question; the page fits 390 and 1366 px", async () => {
    await page.getByRole("link", { name: "Hội nghị", exact: true }).click();
    await page.waitForURL(origin + PAGE);
    await page.locator('input[type="file"][name="file"]').setInputFiles(await laterConferenceFile(d.dir, 2025));
    await page.getByRole("button", { name: "Kiểm tra và thêm hội nghị" }).click();
    await expect.poll(() => page.textContent("main")).toContain("Đã thêm Hội nghị Chỉ số CCHC năm 2025.");
    expect(await page.textContent("main")).toContain("Đã gửi giấy mời mới cho đại biểu của 1 đơn vị");

    await page.goto(origin + PAGE);
    await page.getByRole("button", { name: "Làm việc với hội nghị này — Hội nghị Chỉ số CCHC năm 2025" }).click();
    await expect.poll(() => page.textContent("header")).toContain("Hội nghị đang làm việc: Hội nghị Chỉ số CCHC năm 2025.");

    const found: string[] = [];
    for (const width of [390, 1366]) {
      await page.setViewportSize({ width, height: width < 800 ? 844 : 768 });
      await page.goto(origin + PAGE);
      found.push(...(await looked("hoi-nghi")));
    }
    await page.getByRole("link", { name: "Kết thúc hội nghị — Hội nghị Chỉ số CCHC năm 2023" }).click();
    await expect.poll(() => page.locator("h1").textContent()).toBe("Kết thúc Hội nghị Chỉ số CCHC năm 2023?");
    expect(await page.textContent("main")).toContain("còn 1 nhiệm vụ chưa hoàn thành");
    found.push(...(await looked("hoi-nghi-ket-thuc")));
    await page.getByRole("button", { name: "Kết thúc hội nghị" }).click();
    await expect.poll(() => page.textContent("main")).toContain("Đã kết thúc Hội nghị Chỉ số CCHC năm 2023");

    await page.goto(origin + PAGE);
    await page.getByRole("button", { name: "Xem hội nghị này (chỉ xem) — Hội nghị Chỉ số CCHC năm 2023" }).click();
    await page.waitForURL(`${origin}/ban-to-chuc/`);
    expect(await page.locator(".closed-line").textContent()).toContain("“Hội nghị Chỉ số CCHC năm 2023” đã kết thúc ngày 1/5/2027: các trang chỉ để xem, không sửa được.");
    await page.setViewportSize({ width: 390, height: 844 });
    found.push(...(await looked("tong-quan-da-ket-thuc")));
    await page.goto(origin + PAGE);
    found.push(...(await looked("hoi-nghi-da-ket-thuc")));
    expect(found).toEqual([]);
  }, 120_000);
});
