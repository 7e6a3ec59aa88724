// Sau hội nghị, Ban tổ chức in Báo cáo phân tích kết quả Chỉ số CCHC (Mẫu 1.4) và dự thảo Biên bản hội nghị
// (Mẫu 1.9): đọc lại từ XML của tệp .docx, có đủ các phần của mẫu và đúng số liệu điểm danh.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { attendanceView } from "../../src/views/attendance.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { fontsNamed, readDocx, sections } from "../documents/helpers.js";
import { importSample } from "./helpers.js";

let h: TestApp;
afterEach(async () => {
  await h.close();
});

/** The day: time and place set, the hall code shown, three units check in, Mường So's speech accepted, Nậm Xe registered to speak. */
async function conferenceDay(): Promise<DeskTest> {
  const d = await createDeskTest({ now: "2027-05-01T02:00:00Z" });
  h = d;
  await importSample(d);
  const org = d.org;
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
  const code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
  const ms = await h.delegate("Mường So", "Lò Văn Sơn");
  await ms.say("/dangky 1 thamdu Lò Văn Sơn");
  await ms.say("/thamluan Một số giải pháp về công tác chỉ đạo, điều hành của xã Mường So.");
  expect(await org.say("/duyet muong-so chapnhan")).toContain("Đã chấp nhận tham luận bản 1");
  const nx = await h.delegate("Nậm Xe", "Vàng A Páo");
  expect(await nx.say("/phatbieu dangky Kinh nghiệm số hóa hồ sơ thủ tục hành chính")).toContain("Nậm Xe");
  const vp = await h.delegate("van-phong-hdnd-ubnd", "Nguyễn Thị Hoa");
  h.clock.set("2027-06-20T00:40:00Z");
  for (const p of [ms, nx, vp]) expect(await p.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");
  return d;
}

/** A file the signed-in organizer downloads from the desk. */
async function download(d: DeskTest, address: string): Promise<{ status: number; headers: Headers; data: Buffer }> {
  const client = new Client(d.root);
  expect((await client.open(await d.linkFrom(d.org))).status).toBeLessThan(400);
  const res = await d.root.request(`http://127.0.0.1${address}`, { headers: { cookie: client.cookie } });
  return { status: res.status, headers: res.headers, data: Buffer.from(await res.arrayBuffer()) };
}

function io(dir: string): CliIo & { lines: string[] } {
  const lines: string[] = [];
  const push = (l: string) => void lines.push(l);
  return { lines, out: push, err: push, env: { DATA_DIR: dir, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
}

/** The Mẫu parts every "văn bản có tên loại" carries, in the order a reader meets them. */
function expectHeading(paragraphs: string[], symbol: string): void {
  const at = (s: string) => paragraphs.findIndex((p) => p.includes(s));
  const order = ["ỦY BAN NHÂN DÂN", "HUYỆN PHONG THỔ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", `/${symbol}`, "Phong Thổ, ngày … tháng … năm 20…"];
  const found = order.map(at);
  expect(found.every((i) => i >= 0)).toBe(true);
  expect(found).toEqual([...found].sort((a, b) => a - b));
  expect(paragraphs[at(`/${symbol}`)]).toMatch(new RegExp(`^Số: +/${symbol}$`));
}

describe("Báo cáo phân tích kết quả Chỉ số CCHC (Mẫu 1.4)", () => {
  it("hoinghi analysis writes the header, number, title, four parts with the ranking and the fields' chart, Nơi nhận and the signature", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-analysis-"));
    const data = path.join(dir, "data");
    // The table imported and published in the bot; the bot stopped, the office runs the command on its data.
    h = await createTestApp({ dir: data, now: "2027-05-01T02:00:00Z" });
    await importSample(h);
    await h.app.close();
    const file = path.join(dir, "bao-cao.docx");
    const out = io(data);
    try {
      expect(await runCli(["analysis", file], out)).toBe(0);
      expect(out.lines.join("\n")).toContain(`Đã ghi báo cáo phân tích Chỉ số CCHC năm 2023 vào ${file}.`);
      const doc = await readDocx(await readFile(file));
      const p = doc.paragraphs;
      expectHeading(p, "BC-UBND");
      const title = p.indexOf("BÁO CÁO");
      expect(p[title + 1]).toBe("Phân tích kết quả Chỉ số cải cách hành chính năm 2023 của UBND các xã, thị trấn");
      expect(p).toContain("DỮ LIỆU MẪU — không phải kết quả chính thức");
      const parts = ["I. KẾT QUẢ CHUNG", "II. KẾT QUẢ THEO LĨNH VỰC, TIÊU CHÍ", "III. KẾT QUẢ CỦA TỪNG ĐƠN VỊ", "IV. ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP"].map((s) => p.indexOf(s));
      expect(parts.every((i) => i > title)).toBe(true);
      expect(parts).toEqual([...parts].sort((a, b) => a - b));
      // The ranking: one row per unit, best first.
      expect(p.slice(p.indexOf("Mường So") - 1, p.indexOf("Mường So") + 5)).toEqual(["3", "Mường So", "83,5/100", "83,5", "Tốt", "Giữ nguyên"]);
      // The fields' chart, and the weakest criteria with Mường So's note under its own part.
      expect(doc.images).toHaveLength(1);
      expect(p).toContain("2. 5 tiêu chí đạt tỷ lệ thấp nhất");
      expect(p).toContain("3.3.2. Xin lỗi khi giải quyết hồ sơ trễ hạn");
      expect(p.some((s) => s.includes("7.2. Cung cấp dịch vụ công trực tuyến (trừ 1,25 điểm: tự đánh giá 4, thẩm định 2,75), lý do: Tỷ lệ hồ sơ trực tuyến toàn trình thấp hơn số liệu tự chấm"))).toBe(true);
      const close = p.indexOf("Nơi nhận:");
      expect(close).toBeGreaterThan(parts[3] as number);
      expect(p.slice(close)).toEqual(expect.arrayContaining(["- UBND các xã, thị trấn;", "- Lưu: VT, NV.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Bảo Trung"]));
      // A4, the margins of Nghị định 30 (top 20, bottom 20, left 30, right 15 mm), Times New Roman only.
      const [section] = sections(doc.xml);
      expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
      expect(section).toMatch(/w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
      expect([...fontsNamed(doc.xml)]).toEqual(["Times New Roman"]);
    } finally {
      // afterEach closes this one; the folder goes with the test's own.
      h = await createTestApp({ dir: data });
      await h.close();
      h = await createTestApp();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("Biên bản Hội nghị (Mẫu 1.9)", () => {
  it("the desk's download carries the start, the place, the check-in's counts by group, the speeches and speakers, Kết luận and two signatures", async () => {
    const d = await conferenceDay();
    const counts = attendanceView(h.app.services.conference.conf, h.app.store.data);
    expect(counts.totals.present).toBe(3);
    const res = await download(d, "/ban-to-chuc/phan-tich/bien-ban.docx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("bien-ban-phong-tho-2023.docx");
    const p = (await readDocx(res.data)).paragraphs;
    expectHeading(p, "BB-UBND");
    const title = p.indexOf("BIÊN BẢN");
    expect(p[title + 1]).toBe(h.app.services.conference.conf.title);
    expect(p).toContain("Thời gian: bắt đầu lúc 8 giờ 00 phút, ngày 20 tháng 6 năm 2027.");
    expect(p).toContain("Địa điểm: Hội trường UBND huyện.");
    expect(p).toContain("Chủ trì: Đồng chí Chủ tịch UBND huyện.");
    expect(p).toContain(`Theo điểm danh, có mặt 3/${counts.totals.expected} đại biểu dự kiến tham dự, trong đó:`);
    const agencies = counts.units.filter((u) => u.unit.kind === "agency");
    const communes = counts.units.filter((u) => u.unit.kind !== "agency");
    const sum = (us: typeof agencies) => us.reduce((s, u) => s + u.expected, 0);
    expect(p).toContain(`- Các cơ quan, đơn vị huyện: 1/${sum(agencies)} đại biểu (1/${agencies.length} cơ quan, đơn vị có đại biểu dự);`);
    expect(p).toContain(`- UBND các xã, thị trấn: 2/${sum(communes)} đại biểu (2/${communes.length} xã, thị trấn có đại biểu dự).`);
    expect(p).toContain("- Đồng chí Lò Văn Sơn, đại diện UBND xã Mường So, trình bày tham luận về một số giải pháp về công tác chỉ đạo, điều hành để nâng cao chỉ số CCHC");
    expect(p).toContain("- UBND xã Nậm Xe (đồng chí Vàng A Páo): Kinh nghiệm số hóa hồ sơ thủ tục hành chính");
    expect(p.indexOf("III. KẾT LUẬN CỦA ĐỒNG CHÍ CHỦ TRÌ HỘI NGHỊ")).toBeGreaterThan(p.indexOf("II. NỘI DUNG HỘI NGHỊ"));
    expect(p).toContain("Hội nghị kết thúc vào … giờ … phút cùng ngày.");
    // The secretary signs left, the chair right, "Nơi nhận" under them.
    const sign = p.indexOf("THƯ KÝ");
    expect(p[sign + 3]).toBe("CHỦ TỌA");
    expect(p.indexOf("Trần Bảo Trung")).toBeGreaterThan(sign);
    expect(p.indexOf("Nơi nhận:")).toBeGreaterThan(p.indexOf("Trần Bảo Trung"));
  });
});
