// The date of the letters chosen on the desk's "Tải về" page: the office dates the combined file it
// sends to the signing tray, or leaves the date line for the hand that signs; a day that does not exist
// is refused on the page itself, the field kept, nothing written.
import { afterEach, describe, expect, it } from "vitest";
import { readDocx } from "../documents/helpers.js";
import { Client, createDeskTest, type DeskTest } from "./helpers.js";

let d: DeskTest;
afterEach(async () => {
  await d.stop();
});

const warningsOf = (page: string) => /<ul class="warnings">[\s\S]*?<\/ul>/.exec(page)?.[0];

async function signedIn(): Promise<Client> {
  d = await createDeskTest();
  await d.org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
  d.clock.set("2027-05-20T02:00:00Z");
  const c = new Client(d.root);
  expect((await c.open(await d.linkFrom(d.org))).status).toBe(303);
  return c;
}

async function letters(c: Client, query: string): Promise<string[]> {
  const res = await d.root.request(`http://127.0.0.1/ban-to-chuc/tai-ve/giay-moi.docx${query}`, { headers: { cookie: c.cookie } });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("wordprocessingml");
  return (await readDocx(Buffer.from(await res.arrayBuffer()))).paragraphs;
}

describe("Ban tổ chức chọn ngày ghi trên giấy mời ở trang Tải về", () => {
  it("trang Tải về có ô ngày có nhãn; tải với ngày 01/6/2027 thì cả 22 giấy mời ghi ngày đó, tải không ngày thì dòng ngày để trống cho văn thư", async () => {
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/tai-ve");
    expect(page.body).toMatch(/<form method="get" action="\/ban-to-chuc\/tai-ve\/giay-moi.docx"/);
    expect(page.body).toMatch(/<label[^>]*for="letters-date"[^>]*>Ngày ban hành ghi trên giấy mời<\/label>\s*<input type="date" id="letters-date" name="ngay"/);

    const dated = await letters(c, "?ngay=2027-06-01");
    expect(dated.filter((p) => p === "Phong Thổ, ngày 01 tháng 6 năm 2027")).toHaveLength(22);
    expect(dated.join("\n")).not.toContain("ngày … tháng … năm 20…");

    const undated = await letters(c, "");
    expect(undated.filter((p) => p === "Phong Thổ, ngày … tháng … năm 20…")).toHaveLength(22);
    expect(undated.join("\n")).not.toContain("ngày 01 tháng 6 năm 2027");
  });

  it("ngày 30/02/2027 gõ tay trên địa chỉ bị từ chối bằng một câu, ô ngày giữ nguyên, lời nhắc vẫn hiện, không ghi gì vào dữ liệu", async () => {
    const c = await signedIn();
    const before = JSON.stringify(d.app.services.store.data);
    const normal = (await c.get("/ban-to-chuc/tai-ve")).body;
    for (const bad of ["2027-02-30", "01/06/2027", "2027-6-1"]) {
      const res = await c.get(`/ban-to-chuc/tai-ve/giay-moi.docx?ngay=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.body).toContain(`<p class="refusal" role="alert">Ngày “${bad}” không đúng: đồng chí chọn một ngày trong lịch (năm-tháng-ngày, ví dụ 2027-06-01) rồi tải lại.</p>`);
      expect(res.body).toContain(`name="ngay" value="${bad}"`);
      expect(warningsOf(res.body)).toBe(warningsOf(normal));
    }
    expect(warningsOf(normal)).toBeDefined();
    expect(JSON.stringify(d.app.services.store.data)).toBe(before);
  });
});
