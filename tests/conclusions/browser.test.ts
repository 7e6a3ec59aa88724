// Ban tổ chức soạn Thông báo kết luận trong trình duyệt: viết phần đánh giá, lưu, xem trước, gửi xin ý
// kiến có hạn; Mường So góp ý trong trò chuyện, rồi bằng tệp Word qua liên kết trên điện thoại (Zalo), và góp
// ý hiện cạnh dự thảo; ban hành sau một câu hỏi. Trên
// màn hình máy tính và điện thoại (390 px) trang đọc được: không tràn ngang, không lỗi axe.
import { afterEach, describe, expect, it } from "vitest";
import { axeViolations, type Browser, openChromium } from "../desk/chromium.js";
import { createDeskTest, type DeskTest } from "../desk/helpers.js";
import { UPLOAD_PATH } from "../../src/domain/upload-links.js";
import { createUploadSite } from "../../src/desk/upload.js";
import { DOCX_MIME, speechDocx, uploadPath } from "../upload/helpers.js";

let d: DeskTest | undefined;
let browser: Browser | undefined;
afterEach(async () => {
  await browser?.close();
  await d?.stop();
  browser = undefined;
  d = undefined;
});

/** Screenshots to look at, when HOINGHI_SHOTS names a folder. */
async function shot(b: Browser, name: string): Promise<void> {
  const dir = process.env.HOINGHI_SHOTS;
  if (dir) await b.page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

describe("trang Kết luận trong trình duyệt", () => {
  it("writes, previews, sends for comments, shows the comment beside the draft, issues after a question; readable at 1100 and 390 px", { timeout: 60_000 }, async () => {
    d = await createDeskTest({ now: "2027-06-21T02:00:00Z", env: { PUBLIC_URL: "https://hoinghi.example.gov.vn" } });
    d.app.outbox.configure({ autoTick: false });
    d.root.route(UPLOAD_PATH, createUploadSite(d.app.services));
    const ms = await d.delegate("Mường So", "Lò Văn Sơn");
    const mai = await d.delegate("Mường So", "Lò Thị Mai", { channel: "zalo", userId: "z-ms" });
    expect(await d.org.say("/nhiemvu giao Mường So | Rà soát thủ tục hành chính | 3.2 | 15/7")).toContain("Đã giao nhiệm vụ số 1");
    const origin = await d.listen();
    browser = await openChromium();
    const { page } = browser;
    await page.goto(origin + (await d.linkFrom(d.org)));
    await page.getByRole("button", { name: "Vào bàn làm việc" }).click();
    await page.getByRole("link", { name: "Kết luận" }).click();
    await page.getByLabel("Đánh giá kết quả đạt được").fill("Năm 2023, Chỉ số CCHC của huyện được cải thiện.\n- Công tác chỉ đạo được quan tâm.");
    await page.getByRole("button", { name: "Lưu dự thảo" }).click();
    expect(await page.textContent("main")).toContain("Đã lưu dự thảo Thông báo kết luận.");
    await page.goto(`${origin}/ban-to-chuc/ket-luan/xem-truoc`);
    expect(await page.textContent("main")).toContain("1. Đánh giá kết quả đạt được");
    await shot(browser, "ket-luan-xem-truoc");

    await page.goto(`${origin}/ban-to-chuc/ket-luan`);
    await page.getByLabel("Góp ý trước ngày").fill("2027-06-24");
    await page.getByRole("button", { name: "Gửi dự thảo xin ý kiến" }).click();
    expect(await page.textContent("main")).toContain("Đã gửi dự thảo xin ý kiến 1 đơn vị, hạn góp ý 24/6/2027.");
    expect(await ms.say("/ketluan gopy Đề nghị bổ sung nhiệm vụ tập huấn")).toContain("Đã ghi nhận góp ý");
    // Mường So's delegate on Zalo opens the unit's link on her phone and sends a Word file as a comment.
    const phone = await openChromium();
    try {
      await phone.page.setViewportSize({ width: 390, height: 800 });
      await phone.page.goto(origin + uploadPath(await mai.say("/ketluan")));
      expect(await phone.page.textContent("h1")).toBe("Góp ý của UBND xã Mường So về dự thảo Thông báo kết luận");
      await phone.page.getByLabel(/Chọn tệp góp ý/).setInputFiles({ name: "gop-y-muong-so.docx", mimeType: DOCX_MIME, buffer: await speechDocx() });
      await phone.page.getByRole("button", { name: "Gửi góp ý" }).click();
      expect(await phone.page.textContent("body")).toContain("Đã ghi nhận góp ý của UBND xã Mường So (1 tệp)");
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axeViolations(phone.page)).toEqual([]);
      await shot(phone, "ket-luan-gop-y-tep-390");
    } finally {
      await phone.close();
    }
    await page.goto(`${origin}/ban-to-chuc/ket-luan`);
    expect(await page.textContent("main")).toContain("Đề nghị bổ sung nhiệm vụ tập huấn");
    expect(await page.getByRole("link", { name: "gop-y-muong-so.docx" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shot(browser, "ket-luan-1100");
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(browser, "ket-luan-390");
    await page.setViewportSize({ width: 1100, height: 800 });

    await page.getByLabel("Số văn bản").fill("125");
    await page.getByRole("button", { name: "Ban hành…" }).click();
    expect(await page.textContent("main")).toContain("Ban hành Thông báo số 125/TB-VP ngày 21/6/2027.");
    expect(d.app.store.data.conclusions.issued).toBeUndefined();
    await page.getByRole("button", { name: "Ban hành", exact: true }).click();
    expect(await page.textContent("main")).toContain("Đã ban hành Thông báo số 125/TB-VP ngày 21/6/2027; đã gửi 1 đơn vị.");
    await page.goto(`${origin}/ban-to-chuc/ket-luan`);
    expect(await page.textContent("main")).toContain("Đã ban hành số 125/TB-VP ngày 21/6/2027; không sửa được nữa.");
    expect(await page.getByRole("button", { name: "Lưu dự thảo" }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await shot(browser, "ket-luan-issued");
  });
});
