// Giấy mời: every unit receives a letter in the form of Nghị định 30 with its code and QR codes that open the bot.
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { workingDaysBetween } from "../../src/lib/working-days.js";
import { runCli } from "../../src/app/cli.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { decodeQr, fontsNamed, readDocx, sections } from "./helpers.js";
import type { CliIo } from "../../src/app/cli-core.js";

const BOT = "PhongTho_HoiNghi_bot";
const ZALO = "https://zalo.me/s/1234567890123";
const LINKS = { TELEGRAM_BOT_USERNAME: BOT, ZALO_BOT_LINK: ZALO };

let h: TestApp;
afterEach(async () => {
  await h.close();
});

async function giaymoi(): Promise<{ data: Buffer; caption: string; notes: string }> {
  const org = h.organizer();
  await org.say("/giaymoi");
  const [file, ...rest] = org.last;
  if (file?.kind !== "file") throw new Error(`no file: ${JSON.stringify(org.last).slice(0, 300)}`);
  expect(file.name).toBe("giay-moi-phong-tho-2023-tat-ca.docx");
  expect(file.mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  return { data: file.data, caption: file.caption ?? "", notes: rest.map((r) => (r.kind === "text" ? r.text : "")).join("\n") };
}

/** The paragraphs of one letter: from its "Kính gửi" to the next letter's heading. */
function letterOf(paragraphs: string[], addressee: string): string[] {
  const start = paragraphs.indexOf(`Kính gửi: ${addressee}.`);
  if (start < 0) throw new Error(`no letter to ${addressee}`);
  const next = paragraphs.findIndex((p, i) => i > start && p.startsWith("Kính gửi: "));
  return paragraphs.slice(start - 3, next < 0 ? undefined : next - 6);
}

describe("Ban tổ chức gõ /giaymoi", () => {
  it("nhận một tệp giấy mời của cả 22 đơn vị, mỗi đơn vị một phần A4 riêng, đúng thể thức Nghị định 30", async () => {
    h = await createTestApp({ env: LINKS });
    const { data, caption } = await giaymoi();
    expect(caption).toBe("Giấy mời của 22 đơn vị, mỗi đơn vị một giấy mời riêng có mã mời và mã QR.");
    const doc = await readDocx(data);

    // One section per letter, each A4 portrait with the margins of Nghị định 30 (20/20/30/15 mm).
    const sects = sections(doc.xml);
    expect(sects).toHaveLength(22);
    for (const s of sects) {
      expect(s).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
      expect(s).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    }
    // Times New Roman and nothing else, in the runs and as the document's default.
    expect([...fontsNamed(doc.xml)]).toEqual(["Times New Roman"]);
    expect(doc.styles).toContain('w:ascii="Times New Roman"');

    const p = doc.paragraphs;
    expect(p.filter((x) => x === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toHaveLength(22);
    expect(p.filter((x) => x === "Độc lập - Tự do - Hạnh phúc")).toHaveLength(22);
    expect(p.filter((x) => x === "GIẤY MỜI")).toHaveLength(22);
    expect(p).toContain("ỦY BAN NHÂN DÂN");
    expect(p).toContain("HUYỆN PHONG THỔ");
    // The number is left blank for the clerk; the date is the day the letters are made (1/5/2027).
    expect(p).toContain("Số:       /GM-UBND");
    expect(p).toContain("Phong Thổ, ngày 01 tháng 5 năm 2027");
    expect(p).toContain("Dự Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ và Công bố Chỉ số CCHC của UBND các xã, thị trấn năm 2023");
    // Sizes and weights of the heading: GIẤY MỜI 14 pt bold, Tiêu ngữ 14 pt bold underlined, the date in italics.
    expect(doc.xml).toMatch(/<w:b\/>(?:<w:bCs\/>)?[\s\S]{0,200}<w:sz w:val="28"\/>[\s\S]{0,120}<w:t[^>]*>GIẤY MỜI<\/w:t>/);
    expect(doc.xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}<w:t[^>]*>Độc lập - Tự do - Hạnh phúc<\/w:t>/);
    expect(doc.xml).toMatch(/<w:i\/>[\s\S]{0,200}<w:t[^>]*>Phong Thổ, ngày 01 tháng 5 năm 2027<\/w:t>/);
  });

  it("thư gửi xã Mường So ghi đủ vị trí được mời, chủ trì, thời gian, địa điểm chưa có, đề tài tham luận, hạn, liên hệ và mã mời", async () => {
    h = await createTestApp({ env: LINKS });
    const code = await h.code("muong-so");
    const letter = letterOf((await readDocx((await giaymoi()).data)).paragraphs, "UBND xã Mường So");
    expect(letter).toEqual(
      expect.arrayContaining([
        "Ủy ban nhân dân huyện Phong Thổ trân trọng kính mời:",
        "- Chủ tịch UBND xã;",
        "- Công chức làm nhiệm vụ công tác CCHC;",
        "- Công chức bộ phận tiếp nhận và trả kết quả;",
        "- Công chức làm nhiệm vụ kiểm soát thủ tục hành chính.",
        "Tới dự Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ và Công bố Chỉ số CCHC của UBND các xã, thị trấn năm 2023.",
        "Chủ trì: Đồng chí Chủ tịch UBND huyện.",
        "Thời gian: sẽ thông báo sau (dự kiến trong tháng 6/2024).",
        "Địa điểm: sẽ thông báo sau (dự kiến: Hội trường UBND huyện).",
        "Đề nghị UBND xã Mường So chuẩn bị bài phát biểu tham luận về một số giải pháp về công tác chỉ đạo, điều hành để nâng cao chỉ số CCHC; gửi Ban tổ chức qua bot (lệnh /thamluan) chậm nhất 3 ngày trước giờ khai mạc.",
        "Đề nghị UBND xã Mường So xác nhận thành phần tham dự (tham dự, cử người dự thay hoặc vắng mặt, nêu rõ lý do) qua bot (lệnh /dangky) chậm nhất 1 ngày trước giờ khai mạc.",
        "Mọi chi tiết xin liên hệ: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị), điện thoại: đang cập nhật.",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, NV.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Bảo Trung",
        "Xác nhận tham dự, nộp tham luận qua Zalo hoặc Telegram",
        "Mã mời của UBND xã Mường So:",
        code,
        `Hoặc gõ cho bot của hội nghị: /start ${code.replace("-", "")}`,
        "Zalo: mở Zalo, quét mã, gõ mã mời.",
      ]),
    );
  });

  it("đơn vị không được giao tham luận được mời đăng ký phát biểu", async () => {
    h = await createTestApp({ env: LINKS });
    const letter = letterOf((await readDocx((await giaymoi()).data)).paragraphs, "UBND xã Dào San");
    expect(letter).toContain(
      "Các đơn vị còn lại chủ động ý kiến phát biểu theo nội dung chương trình Hội nghị về ưu điểm, tồn tại hạn chế của cơ quan, đơn vị. Đơn vị có ý kiến phát biểu xin đăng ký qua bot (lệnh /phatbieu).",
    );
    expect(letter.join("\n")).not.toContain("/thamluan");
  });

  it("mã QR Telegram mở bot với mã mời của đúng đơn vị; mã QR Zalo mở bot Zalo", async () => {
    h = await createTestApp({ env: LINKS });
    const doc = await readDocx((await giaymoi()).data);
    const decoded = doc.images.map(decodeQr);
    const units = h.app.services.conference.units();
    const expected = await Promise.all(units.map(async (u) => `https://t.me/${BOT}?start=${(await h.code(u.id)).replace("-", "")}`));
    expect(decoded.filter((d) => d?.startsWith("https://t.me/")).sort()).toEqual(expected.sort());
    // docx keeps one copy of identical images: the Zalo link is the same on every letter.
    expect(decoded.filter((d) => d === ZALO).length).toBeGreaterThanOrEqual(1);
    expect(decoded.every((d) => d !== undefined)).toBe(true);
    // Each letter's Telegram QR sits in that letter: Mường So's picture is referenced after its "Kính gửi".
    const msCode = (await h.code("muong-so")).replace("-", "");
    expect(doc.paragraphs.join("\n")).toContain(`https://t.me/${BOT}?start=${msCode}`);
  });

  it("khi đã /datlich, thư ghi giờ, ngày, địa điểm và hạn cụ thể", async () => {
    h = await createTestApp({ env: LINKS });
    await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const { data, notes } = await giaymoi();
    const letter = letterOf((await readDocx(data)).paragraphs, "UBND xã Mường So");
    expect(letter).toContain("Thời gian: 8 giờ 00, Chủ nhật, ngày 20/6/2027 (½ ngày).");
    expect(letter).toContain("Địa điểm: Hội trường UBND huyện.");
    expect(letter.find((l) => l.includes("/thamluan"))).toContain("trước 8 giờ 00, thứ Năm, ngày 17/6/2027.");
    expect(letter.find((l) => l.includes("/dangky"))).toContain("trước 8 giờ 00, thứ Bảy, ngày 19/6/2027.");
    // Six weeks ahead: no warning to the organizer.
    expect(notes).toBe("");
  });

  it("giấy mời phát hành chưa đủ 3 ngày làm việc trước khai mạc: Ban tổ chức được nhắc", async () => {
    h = await createTestApp({ env: LINKS });
    await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    h.clock.set("2027-06-17T02:00:00Z"); // thứ Năm 17/6; còn thứ Sáu 18/6 trước Chủ nhật 20/6
    const { notes } = await giaymoi();
    expect(notes).toBe(
      "Lưu ý: giấy mời ghi ngày 17/6/2027, chỉ còn 1 ngày làm việc trước giờ khai mạc (8 giờ 00, Chủ nhật, ngày 20/6/2027); Quyết định 45/2018/QĐ-TTg yêu cầu gửi giấy mời chậm nhất 03 ngày làm việc trước cuộc họp.",
    );
  });

  it("chưa đặt thời gian và chưa cấu hình bot: Ban tổ chức được nói trước khi gửi", async () => {
    h = await createTestApp();
    const { data, notes } = await giaymoi();
    expect(notes.split("\n")).toEqual([
      "Thời gian, địa điểm chưa thông báo: giấy mời ghi “sẽ thông báo sau”. Sau khi đặt lịch (/datlich), gõ /giaymoi để in lại.",
      "Chưa đặt TELEGRAM_BOT_USERNAME hoặc ZALO_BOT_LINK: giấy mời chỉ in mã mời, chưa có mã QR.",
    ]);
    const doc = await readDocx(data);
    expect(doc.images).toHaveLength(0);
    expect(doc.paragraphs).toContain(await h.code("mttq"));
  });

  it("chỉ Ban tổ chức lấy được giấy mời", async () => {
    h = await createTestApp({ env: LINKS });
    expect(await (await h.delegate("Mường So")).say("/giaymoi")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
  });
});

describe("ngày làm việc", () => {
  it("đếm thứ Hai đến thứ Sáu giữa ngày ghi trên giấy mời và ngày khai mạc", () => {
    const d = (s: string) => new Date(s);
    expect(workingDaysBetween(d("2027-06-14T02:00:00Z"), d("2027-06-18T01:00:00Z"))).toBe(3); // thứ Hai → thứ Sáu
    expect(workingDaysBetween(d("2027-06-15T02:00:00Z"), d("2027-06-18T01:00:00Z"))).toBe(2);
    expect(workingDaysBetween(d("2027-06-11T02:00:00Z"), d("2027-06-15T01:00:00Z"))).toBe(1); // qua thứ Bảy, Chủ nhật
  });
});

function cliIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, stdin: process.stdin, stdout: process.stdout };
  return { io, out, err };
}

describe("npx hoinghi invitations <thư mục>", () => {
  it("một bản sao mới của dự án tạo 22 giấy mời Phong Thổ bằng một lệnh, mỗi tệp đúng mã của đơn vị", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "hoinghi-fresh-"));
    const out = path.join(dataDir, "giay-moi");
    const cli = cliIo({ DATA_DIR: dataDir, LOG_LEVEL: "warn", ...LINKS });
    expect(await runCli(["invitations", out], cli.io)).toBe(0);
    expect(cli.err).toEqual([]);
    expect(cli.out[0]).toBe(`Đã ghi 22 giấy mời vào ${out}: mỗi đơn vị một tệp và tệp chung giay-moi-phong-tho-2023-tat-ca.docx.`);
    const files = (await readdir(out)).sort();
    expect(files).toHaveLength(23);
    expect(files).toContain("giay-moi-muong-so.docx");
    expect(files).toContain("giay-moi-phong-tho-2023-tat-ca.docx");

    // The codes the letters carry are the ones the bot accepts (the same store, reopened).
    h = await createTestApp({ dir: dataDir, env: LINKS });
    for (const unit of h.app.services.conference.units()) {
      const doc = await readDocx(await readFile(path.join(out, `giay-moi-${unit.id}.docx`)));
      const code = await h.code(unit.id);
      expect(sections(doc.xml)).toHaveLength(1);
      expect(doc.paragraphs).toContain(`Kính gửi: ${unit.full_name ?? unit.name}.`);
      expect(doc.paragraphs).toContain(code);
      expect(doc.images.map(decodeQr)).toContain(`https://t.me/${BOT}?start=${code.replace("-", "")}`);
    }
    // A delegate who scans the letter's Telegram QR joins the right unit.
    const ms = await h.code("muong-so");
    expect(await h.person("Lò Văn Minh").say(`/start ${ms.replace("-", "")}`)).toContain("UBND xã Mường So");
  });

  it("thiếu thư mục: một dòng lỗi", async () => {
    h = await createTestApp();
    const cli = cliIo({ DATA_DIR: h.dir, LOG_LEVEL: "warn" });
    expect(await runCli(["invitations"], cli.io)).toBe(1);
    expect(cli.err).toEqual(["Thiếu thư mục: npx hoinghi invitations <thư mục>"]);
  });

  it("tệp hội nghị của huyện khác, không có phần giấy mời, vẫn cho giấy mời", async () => {
    h = await createTestApp({ env: { CONFERENCE_FILE: path.resolve("tests/fixtures/other-district.yaml"), ...LINKS } });
    const org = h.organizer();
    await org.say("/giaymoi");
    const file = org.last[0];
    if (file?.kind !== "file") throw new Error("no file");
    const doc = await readDocx(file.data);
    expect(sections(doc.xml)).toHaveLength(h.app.services.conference.units().length);
    expect(doc.paragraphs).toContain("ỦY BAN NHÂN DÂN HUYỆN SÌN HỒ (VÍ DỤ)");
    expect(doc.paragraphs).toContain("Số:       /GM-UBND");
    expect(doc.paragraphs).toContain("KT. CHỦ TỊCH");
    expect(doc.paragraphs).toContain("PHÓ CHỦ TỊCH");
    expect(doc.paragraphs).toContain("Kính gửi: Tả Phìn.");
    expect(doc.paragraphs.join("\n")).not.toContain("Mọi chi tiết xin liên hệ");
  });
});
