// Ban tổ chức mở trang Phân tích trên bàn làm việc (cả trên điện thoại): các tiêu chí yếu nhất toàn huyện,
// rồi chọn xã Mường So để xem nơi mất điểm và ghi chú của Hội đồng thẩm định.
import { afterEach, describe, expect, it } from "vitest";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { importSample } from "./helpers.js";

let d: DeskTest;
afterEach(async () => {
  await d.stop();
});

async function signedIn(): Promise<Client> {
  const client = new Client(d.root);
  expect((await client.open(await d.linkFrom(d.org))).status).toBeLessThan(400);
  return client;
}

describe("trang Phân tích", () => {
  it("shows the district's weakest criteria and Mường So's lost points with the appraisal's notes; an unknown unit is not found", async () => {
    d = await createDeskTest({ now: "2027-05-01T02:00:00Z" });
    await importSample(d, { publish: false });
    const client = await signedIn();
    const page = await client.get("/ban-to-chuc/phan-tich?don-vi=muong-so");
    expect(page.status).toBe(200);
    const text = page.body.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(text).toContain("Phân tích kết quả Chỉ số CCHC năm 2023");
    expect(text).toContain("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
    expect(text).toContain("[CHƯA CÔNG BỐ — bản xem trước, chỉ Ban tổ chức thấy]");
    expect(text).toContain("5 tiêu chí đạt tỷ lệ thấp nhất toàn huyện 3.3.2. Xin lỗi khi giải quyết hồ sơ trễ hạn: bình quân 0,49/1 (48,53%); 13/17 đơn vị mất điểm");
    expect(text).toContain("UBND xã Mường So: 83,5/100 điểm, xếp hạng 3/17, xếp loại Tốt");
    expect(text).toContain("7.2. Cung cấp dịch vụ công trực tuyến (trừ 1,25 điểm: tự đánh giá 4, thẩm định 2,75) Ghi chú thẩm định: Tỷ lệ hồ sơ trực tuyến toàn trình thấp hơn số liệu tự chấm");
    expect(page.body).toContain('<option value="muong-so" selected>3. Mường So</option>');
    expect((await client.get("/ban-to-chuc/phan-tich?don-vi=khong-co")).status).toBe(404);
    // The two files are offered on the page and under Tải về.
    expect(page.body).toContain('href="/ban-to-chuc/phan-tich/bao-cao.docx"');
    const downloads = await client.get("/ban-to-chuc/tai-ve");
    expect(downloads.body).toContain("Tải Báo cáo phân tích kết quả Chỉ số CCHC (.docx)");
    expect(downloads.body).toContain("Tải dự thảo Biên bản Hội nghị (.docx)");
  });

  it("is not offered to someone who is not signed in", async () => {
    d = await createDeskTest({ now: "2027-05-01T02:00:00Z" });
    await importSample(d);
    const res = await new Client(d.root).get("/ban-to-chuc/phan-tich");
    expect(res.status).not.toBe(200);
    expect(res.body).not.toContain("3.3.2.");
  });
});
