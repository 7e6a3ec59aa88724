// Danh sách đại biểu for signatures: landscape A4, per unit the seats with the registered names, the count on the day on top.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { fontsNamed, readDocx, sections } from "./helpers.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
  const ms = await h.delegate("Mường So");
  await ms.say("/dangky 1 thamdu Lò Văn Minh");
  await ms.say("/dangky 2 thay Tao Thị Hoa, Phó Chủ tịch UBND xã");
  await ms.say("/dangky 3 vang Đi học lớp bồi dưỡng tại tỉnh");
  await (await h.delegate("Dào San", "Anh Sử")).say("/dangky 1 thamdu Vàng A Sử");
  const code = /hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
  h.clock.set("2027-06-20T00:30:00Z"); // 7 giờ 30, ngày khai mạc
  // Two seats of Mường So are expected: check-in by person asks which one.
  expect(await ms.say(`/diemdanh ${code}`)).toContain("Đồng chí điểm danh cho vị trí nào?");
  expect(await ms.say("1")).toContain("Đã điểm danh: UBND xã Mường So, vị trí Chủ tịch UBND xã");
});
afterEach(async () => {
  await h.close();
});

async function list() {
  await org.say("/danhsach");
  const file = org.last[0];
  if (file?.kind !== "file") throw new Error("no file");
  expect(file.name).toBe("danh-sach-dai-bieu-phong-tho-2023-20270620-0730.docx");
  return { doc: await readDocx(file.data), caption: file.caption };
}

describe("Ban tổ chức gõ /danhsach trong ngày hội nghị", () => {
  it("nhận danh sách khổ A4 ngang, Times New Roman, số có mặt ở đầu", async () => {
    const { doc, caption } = await list();
    // Expected: every invited seat not reported absent (77 − 1), as on the board and in /baocao.
    expect(caption).toBe("Danh sách đại biểu: có mặt 1/76 đại biểu dự kiến.");
    const [sect] = sections(doc.xml);
    expect(sect).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect([...fontsNamed(doc.xml)]).toEqual(["Times New Roman"]);
    const p = doc.paragraphs;
    const top = p.indexOf("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ");
    expect(p.slice(top, top + 5)).toEqual([
      "DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ",
      "Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ và Công bố Chỉ số CCHC của UBND các xã, thị trấn năm 2023",
      "(Lập lúc 7 giờ 30, Chủ nhật, ngày 20/6/2027)",
      "Tình hình điểm danh",
      "Có mặt: 1/76 đại biểu dự kiến (77 vị trí được mời, 1 vắng có báo cáo).",
    ]);
    // By unit: present / expected and who is missing (a seat not answered yet is expected, without a name).
    const at = (unit: string) => p.slice(p.indexOf(unit), p.indexOf(unit) + 3);
    expect(at("Mường So")).toEqual(["Mường So", "1/3", "Công chức làm nhiệm vụ công tác CCHC (Tao Thị Hoa); Công chức làm nhiệm vụ kiểm soát thủ tục hành chính"]);
    expect(at("Dào San").slice(0, 2)).toEqual(["Dào San", "0/4"]);
    expect(at("Dào San")[2]).toMatch(/^Chủ tịch UBND xã \(Vàng A Sử\); /);
  });

  it("mỗi vị trí có tên đã đăng ký, chức vụ (người dự đúng vị trí mang chức danh vị trí), người dự thay được ghi rõ, cột ký tên", async () => {
    const { doc } = await list();
    const p = doc.paragraphs;
    const header = p.indexOf("STT");
    expect(p.slice(header, header + 6)).toEqual(["STT", "Vị trí được mời", "Họ và tên", "Chức vụ", "Điểm danh", "Ký tên"]);
    const seat = (name: string) => p.slice(p.indexOf(name) - 2, p.indexOf(name) + 3);
    expect(seat("Lò Văn Minh")).toEqual(expect.arrayContaining(["Chủ tịch UBND xã", "Lò Văn Minh", "Chủ tịch UBND xã", "có mặt 7 giờ 30"]));
    expect(seat("Tao Thị Hoa (dự thay)")).toEqual(expect.arrayContaining(["Công chức làm nhiệm vụ công tác CCHC", "Phó Chủ tịch UBND xã", ""]));
    // Units in the order of the conference file; STT runs on across units.
    const order = ["Thị trấn Phong Thổ", "Sì Lở Lầu", "Dào San", "Mường So", "Hội đồng thẩm định chỉ số CCHC huyện"].map((u) => p.indexOf(u, header));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(p).toContain("76"); // 77 seats, one absent: 76 rows to sign
    expect(p).not.toContain("77");
  });

  it("cuối danh sách có người liên hệ của Ban tổ chức (không in điện thoại khi chưa có), rồi chỗ ký của người lập biểu", async () => {
    const { doc } = await list();
    expect(doc.paragraphs.slice(-4)).toEqual([
      "Mọi chi tiết xin liên hệ: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị).",
      "",
      "NGƯỜI LẬP BIỂU",
      "(Ký, ghi rõ họ tên)",
    ]);
    expect(doc.paragraphs.join("\n")).not.toContain("đang cập nhật");
    // Room to sign under "(Ký, ghi rõ họ tên)": 25 mm.
    expect(doc.xml).toMatch(/<w:spacing w:after="1420" w:before="0"\/>[\s\S]{0,400}\(Ký, ghi rõ họ tên\)/);
  });

  it("in ra: mỗi dòng ký tên cao ít nhất 10 mm, mọi trang có số trang \"Trang x/y\"", async () => {
    const { doc } = await list();
    // 76 seats to sign: 76 rows of at least 567 twips (10 mm).
    expect(doc.xml.match(/<w:trHeight w:val="567" w:hRule="atLeast"\/>/g)).toHaveLength(76);
    const zip = await JSZip.loadAsync((await (async () => { await org.say("/danhsach"); return (org.last[0] as { data: Buffer }).data; })()));
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]?.async("string");
    expect(footer).toContain(">Trang </w:t>");
    expect(footer).toMatch(/PAGE[\s\S]*>\/<\/w:t>[\s\S]*NUMPAGES/);
    expect(doc.xml).toMatch(/<w:footerReference w:type="default"/);
  });

  it("vị trí vắng mặt được liệt kê riêng, kèm lý do", async () => {
    const p = (await list()).doc.paragraphs;
    const start = p.indexOf("ĐẠI BIỂU VẮNG MẶT CÓ BÁO CÁO");
    expect(p.slice(start, start + 9)).toEqual([
      "ĐẠI BIỂU VẮNG MẶT CÓ BÁO CÁO",
      "STT",
      "Đơn vị",
      "Vị trí được mời",
      "Lý do vắng",
      "1",
      "Mường So",
      "Công chức bộ phận tiếp nhận và trả kết quả",
      "Đi học lớp bồi dưỡng tại tỉnh",
    ]);
  });

  it("danh sách, /xuat và /baocao khớp nhau từng con số", async () => {
    const report = await org.say("/baocao");
    const m = /Vị trí: (\d+) \| tham dự (\d+) \| cử người thay (\d+) \| vắng (\d+) \| chưa trả lời (\d+)\nCó mặt: (\d+)\/(\d+) đại biểu dự kiến/.exec(report);
    if (!m) throw new Error(report);
    const [seats, attend, substitute, absent, unanswered, checkedIn, expected] = m.slice(1).map(Number) as number[];
    expect([seats, attend, substitute, absent, unanswered, checkedIn, expected]).toEqual([77, 2, 1, 1, 73, 1, 76]);

    const p = (await list()).doc.paragraphs;
    expect(p).toContain(`Có mặt: ${checkedIn}/${expected} đại biểu dự kiến (${seats} vị trí được mời, ${absent} vắng có báo cáo).`);
    expect(p.filter((x) => x === "(chưa xác nhận)")).toHaveLength(unanswered as number);
    expect(p.filter((x) => x.endsWith("(dự thay)"))).toHaveLength(substitute as number);

    await org.say("/xuat");
    const file = org.last[0];
    if (file?.kind !== "file") throw new Error("no workbook");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    // Rows under the header row (found by its text, below the title block); the status after STT, unit, kind, seat.
    const body = (name: string) => {
      const rows: ExcelJS.Row[] = [];
      let header = 0;
      wb.getWorksheet(name)?.eachRow((row, n) => {
        if (!header && row.getCell(1).value === "STT") header = n;
        else if (header) rows.push(row);
      });
      expect(header).toBeGreaterThan(0);
      return rows;
    };
    const status = body("Tham dự theo vị trí").map((row) => String(row.getCell(5).value));
    expect(status).toHaveLength(seats as number);
    const count = (s: string) => status.filter((x) => x === s).length;
    expect([count("Tham dự"), count("Cử người thay"), count("Vắng mặt"), count("Chưa trả lời")]).toEqual([attend, substitute, absent, unanswered]);
    expect(body("Điểm danh")).toHaveLength(checkedIn as number);
    expect(body("Cử người thay")).toHaveLength(substitute as number);
    expect(body("Vắng mặt")).toHaveLength(absent as number);
    // The list's per-unit count agrees with the workbook's check-ins of that unit.
    const present = body("Điểm danh").filter((row) => row.getCell(2).value === "Mường So").length;
    expect(p.slice(p.indexOf("Mường So"), p.indexOf("Mường So") + 2)).toEqual(["Mường So", `${present}/3`]);
  });

  it("một vị trí báo vắng nhưng vẫn có người đến điểm danh: số có mặt không vượt số dự kiến (không có \"1/0\")", async () => {
    await org.say("/dangky Bản Lang 1 vang Ốm");
    await org.say("/dangky Bản Lang 2 vang Ốm");
    await org.say("/dangky Bản Lang 3 vang Ốm");
    await org.say("/dangky Bản Lang 4 vang Ốm");
    await org.say("/dangky Sì Lở Lầu 1 vang Đi công tác");
    await org.say("/dangky Sì Lở Lầu 2 vang Đi công tác");
    await org.say("/dangky Sì Lở Lầu 3 vang Đi công tác");
    await org.say("/dangky Sì Lở Lầu 4 vang Đi công tác");
    expect(await org.say("/diemdanh Bản Lang 1")).toContain("Bản Lang");
    const p = (await list()).doc.paragraphs;
    const at = (unit: string) => p.slice(p.indexOf(unit), p.indexOf(unit) + 2);
    expect(at("Bản Lang")).toEqual(["Bản Lang", "1/1"]);
    // A unit that reported every seat absent expects nobody: said in words, not "0/0".
    expect(at("Sì Lở Lầu")).toEqual(["Sì Lở Lầu", "Báo vắng"]);
    expect(p.join("\n")).not.toMatch(/^\d+\/0$/m);
  });

  it("npx hoinghi sign-in-list <tệp.docx> ghi đúng danh sách ấy", async () => {
    await h.app.store.flush();
    const env = { DATA_DIR: h.dir, LOG_LEVEL: "warn" };
    await h.app.close();
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, stdin: process.stdin, stdout: process.stdout };
    const file = path.join(h.dir, "danh-sach.docx");
    expect(await runCli(["sign-in-list", file], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([`Đã ghi danh sách đại biểu ${file}: có mặt 1/76 đại biểu dự kiến.`]);
    const p = (await readDocx(await readFile(file))).paragraphs;
    expect(p).toContain("Có mặt: 1/76 đại biểu dự kiến (77 vị trí được mời, 1 vắng có báo cáo).");
    expect(p).toContain("Lò Văn Minh");
    expect(await runCli(["sign-in-list", "ds.pdf"], io)).toBe(1);
    expect(err).toEqual(["Tệp ds.pdf phải có đuôi .docx."]);
    h = await createTestApp({ dir: h.dir });
  });

  it("chỉ Ban tổ chức lấy được danh sách", async () => {
    expect(await (await h.delegate("Bản Lang")).say("/danhsach")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
  });
});
