// Giấy mời: every unit receives a letter in the form of Nghị định 30 with its code and QR codes that open the bot.
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { onWorkingDay, workingDaysBetween } from "../../src/lib/working-days.js";
import { local } from "../../src/lib/time.js";
import { createI18n } from "../../src/lib/i18n.js";
import { lettersView } from "../../src/views/letters.js";
import { invitationCommon, invitationLetters } from "../../src/documents/invitation-data.js";
import { type InvitationLetter, type Layout, LAYOUTS, layoutFor, letterHeightMm, PAGE_MM } from "../../src/documents/invitation.js";
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

/** The paragraphs of one letter: from its "Kính gửi" to the next letter's (or the end). */
function letterOf(paragraphs: string[], addressee: string): string[] {
  const start = paragraphs.indexOf(`Kính gửi: ${addressee}.`);
  if (start < 0) throw new Error(`no letter to ${addressee}`);
  const next = paragraphs.findIndex((p, i) => i > start && p === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  return paragraphs.slice(start, next < 0 ? undefined : next);
}

/** The letter's own words, before "Nơi nhận" (the box with the code comes after it). */
const beforeRecipients = (letter: string[]) => letter.slice(0, letter.indexOf("Nơi nhận:"));

/** The <w:p> elements of the document body, in order (nested ones in table cells included). */
const paragraphXml = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
const textOf = (p: string) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
const twips = (p: string, attr: "after" | "before" | "line") => Number(new RegExp(`w:${attr}="(\\d+)"`).exec(p)?.[1] ?? 0);

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
    // The number and the date are left for the office, which numbers and dates the letters when they are signed.
    expect(p).toContain("Số:       /GM-UBND");
    expect(p.filter((x) => x === "Phong Thổ, ngày … tháng … năm 20…")).toHaveLength(22);
    expect(p.join("\n")).not.toContain("ngày 01 tháng 5 năm 2027");
    expect(p).toContain("Dự Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ và Công bố Chỉ số CCHC của UBND các xã, thị trấn năm 2023");
    // Sizes and weights of the heading: GIẤY MỜI 14 pt bold, Tiêu ngữ 14 pt bold underlined, the date in italics.
    expect(doc.xml).toMatch(/<w:b\/>(?:<w:bCs\/>)?[\s\S]{0,200}<w:sz w:val="28"\/>[\s\S]{0,120}<w:t[^>]*>GIẤY MỜI<\/w:t>/);
    expect(doc.xml).toMatch(/<w:u w:val="single"\/>[\s\S]{0,200}<w:t[^>]*>Độc lập - Tự do - Hạnh phúc<\/w:t>/);
    expect(doc.xml).toMatch(/<w:i\/>[\s\S]{0,200}<w:t[^>]*>Phong Thổ, ngày … tháng … năm 20…<\/w:t>/);
  });

  it("mỗi giấy mời vừa một trang: không đoạn trống nào có thể tràn sang trang mới, ≥ 6 pt giữa các đoạn, 25 mm để ký", async () => {
    h = await createTestApp({ env: LINKS });
    const doc = await readDocx((await giaymoi()).data);
    const paras = paragraphXml(doc.xml);
    // Every paragraph without text or picture (which a reader would set 14 pt high) has an exact height of at most
    // 6 pt (the space before the code box; the rule under the body's name is 2 pt): nothing empty is left to spill.
    const empty = paras.filter((x) => textOf(x) === "" && !x.includes("<w:drawing>"));
    expect(empty.length).toBeGreaterThan(22);
    for (const x of empty) {
      expect(x).toContain('w:lineRule="exact"');
      expect(twips(x, "line")).toBeLessThanOrEqual(120);
    }
    // Each letter's section ends on such a paragraph, right after its code box: 22 of them carry the sections.
    const enders = paras.filter((x) => x.includes("<w:sectPr"));
    expect(enders).toHaveLength(21); // the last section's properties close the body itself
    expect(doc.xml).toMatch(/<w:p><w:pPr><w:spacing w:after="0" w:before="0" w:line="20" w:lineRule="exact"\/><\/w:pPr>(?:<w:r>[\s\S]*?<\/w:r>)?<\/w:p><w:sectPr>/);
    for (const x of enders) expect(x).toContain('w:line="20" w:lineRule="exact"');
    // The letter's body (13 pt, justified): at least 6 pt after each paragraph, the lines of the list of seats excepted.
    const body = paras.filter((x) => x.includes('<w:jc w:val="both"/>'));
    for (const x of body) {
      const words = textOf(x);
      if (/^- |trân trọng kính mời:$/.test(words) && !words.endsWith(".")) continue;
      expect(twips(x, "after"), words).toBeGreaterThanOrEqual(120);
    }
    // 25 mm (1417 twips) between the signer's title and name, to sign and seal.
    const title = paras.filter((x) => textOf(x) === "CHỦ TỊCH");
    expect(title).toHaveLength(22);
    for (const x of title) expect(twips(x, "after")).toBeGreaterThanOrEqual(1417);
  });

  it("thư gửi xã Mường So ghi đủ vị trí được mời, chủ trì, thời gian, địa điểm chưa có, đề tài tham luận, hạn, liên hệ và mã mời; lệnh chat chỉ ở trong ô mã mời", async () => {
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
        "Đề nghị UBND xã Mường So chuẩn bị bài phát biểu tham luận về một số giải pháp về công tác chỉ đạo, điều hành để nâng cao chỉ số CCHC; gửi Ban tổ chức qua Zalo hoặc Telegram của Hội nghị, theo mã dưới đây, chậm nhất 3 ngày trước giờ khai mạc.",
        "Đề nghị UBND xã Mường So xác nhận thành phần tham dự qua Zalo hoặc Telegram của Hội nghị, theo mã dưới đây, chậm nhất 1 ngày trước giờ khai mạc.",
        // The conference file has no phone: nothing is printed about one.
        "Mọi chi tiết xin liên hệ: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị).",
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT, NV.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Bảo Trung",
        "Mã mời của UBND xã Mường So:",
        code,
        `Gõ cho bot của Hội nghị: /start ${code.replace("-", "")}`,
        "rồi gõ /dangky: xác nhận tham dự; /thamluan: nộp tham luận.",
        "Telegram: quét mã, bấm “Bắt đầu”",
        `@${BOT}`,
        "Zalo: quét mã, gõ mã mời",
        "zalo.me/s/1234567890123",
      ]),
    );
    const words = beforeRecipients(letter).join("\n");
    expect(words).not.toMatch(/\/[a-z]|bot|lệnh/);
    expect(words).not.toContain("đang cập nhật");
    expect(words).not.toContain("điện thoại");
  });

  it("đơn vị không được giao tham luận được mời đăng ký phát biểu, bằng lời gửi riêng cho đơn vị", async () => {
    h = await createTestApp({ env: LINKS });
    const letter = letterOf((await readDocx((await giaymoi()).data)).paragraphs, "UBND xã Dào San");
    expect(letter).toContain(
      "Đề nghị UBND xã Dào San chủ động ý kiến phát biểu theo nội dung chương trình Hội nghị về ưu điểm, tồn tại hạn chế của cơ quan, đơn vị. Đơn vị có ý kiến phát biểu xin đăng ký qua Zalo hoặc Telegram của Hội nghị, theo mã dưới đây.",
    );
    expect(letter).toContain("rồi gõ /dangky: xác nhận tham dự; /phatbieu: đăng ký phát biểu.");
    expect(letter.join("\n")).not.toContain("Các đơn vị còn lại");
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
  });

  it("khi đã /datlich, thư ghi giờ như văn bản hành chính (08 giờ 00 phút, buổi sáng); hạn rơi vào thứ Bảy được ghi thứ Sáu và Ban tổ chức được báo", async () => {
    h = await createTestApp({ env: LINKS });
    await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const { data, notes } = await giaymoi();
    const letter = letterOf((await readDocx(data)).paragraphs, "UBND xã Mường So");
    expect(letter).toContain("Thời gian: 08 giờ 00 phút, Chủ nhật, ngày 20/6/2027 (buổi sáng).");
    expect(letter).toContain("Địa điểm: Hội trường UBND huyện.");
    expect(letter.join("\n")).not.toContain("½");
    expect(letter.find((l) => l.includes("tham luận về"))).toContain("trước 08 giờ 00 phút, thứ Năm, ngày 17/6/2027.");
    // 1 day before Sunday is Saturday 19/6: the letter asks for the answer by Friday 18/6, same hour.
    expect(letter.find((l) => l.includes("xác nhận thành phần"))).toContain("trước 08 giờ 00 phút, thứ Sáu, ngày 18/6/2027.");
    expect(notes).toBe(
      "Hạn xác nhận tham dự (8 giờ 00, thứ Bảy, ngày 19/6/2027) rơi vào ngày nghỉ: giấy mời ghi ngày làm việc trước đó, 8 giờ 00, thứ Sáu, ngày 18/6/2027; bot vẫn nhận trả lời đến 8 giờ 00, thứ Bảy, ngày 19/6/2027.",
    );
  });

  it("làm giấy mời quá muộn: Ban tổ chức được nhắc về 3 ngày làm việc và về hạn đã qua", async () => {
    h = await createTestApp({ env: LINKS });
    await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    h.clock.set("2027-06-17T02:00:00Z"); // thứ Năm 17/6, 9 giờ; còn thứ Sáu 18/6 trước Chủ nhật 20/6
    const { notes } = await giaymoi();
    expect(notes.split("\n")).toEqual([
      "Lưu ý: nếu phát hành hôm nay (17/6/2027), giấy mời chỉ còn 1 ngày làm việc trước giờ khai mạc (8 giờ 00, Chủ nhật, ngày 20/6/2027); Quyết định 45/2018/QĐ-TTg yêu cầu gửi giấy mời chậm nhất 03 ngày làm việc trước cuộc họp.",
      "Hạn xác nhận tham dự (8 giờ 00, thứ Bảy, ngày 19/6/2027) rơi vào ngày nghỉ: giấy mời ghi ngày làm việc trước đó, 8 giờ 00, thứ Sáu, ngày 18/6/2027; bot vẫn nhận trả lời đến 8 giờ 00, thứ Bảy, ngày 19/6/2027.",
      "Hạn nộp tham luận in trên giấy mời (8 giờ 00, thứ Năm, ngày 17/6/2027) đã qua: hãy sửa hạn trong tệp hội nghị trước khi gửi giấy mời.",
    ]);
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

describe("tệp hội nghị ghi ngày giấy mời và ngày nghỉ lễ", () => {
  /** The Phong Thổ file with the letters dated and a public holiday on Friday 18/6/2027. */
  async function datedConference(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-conf-"));
    const yaml = (await readFile("conferences/phong-tho-2023.yaml", "utf8"))
      .replace('  place: "Phong Thổ"\n', '  place: "Phong Thổ"\n  date: "2027-06-01"\n')
      .replace(/^holidays:\n/m, 'holidays:\n  - "2027-06-18"\n');
    const file = path.join(dir, "hoi-nghi.yaml");
    await writeFile(file, yaml);
    return file;
  }

  it("giấy mời ghi ngày của tệp hội nghị; hạn thứ Bảy trước ngày lễ thứ Sáu được ghi thứ Năm", async () => {
    h = await createTestApp({ env: { ...LINKS, CONFERENCE_FILE: await datedConference() } });
    await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const { data, notes } = await giaymoi();
    const p = (await readDocx(data)).paragraphs;
    expect(p.filter((x) => x === "Phong Thổ, ngày 01 tháng 6 năm 2027")).toHaveLength(22);
    expect(letterOf(p, "UBND xã Mường So").find((l) => l.includes("xác nhận thành phần"))).toContain("trước 08 giờ 00 phút, thứ Năm, ngày 17/6/2027.");
    expect(notes).toContain("giấy mời ghi ngày làm việc trước đó, 8 giờ 00, thứ Năm, ngày 17/6/2027");
  });
});

describe("ngày làm việc", () => {
  const d = (s: string) => new Date(s);
  it("đếm thứ Hai đến thứ Sáu giữa ngày ghi trên giấy mời và ngày khai mạc, trừ ngày nghỉ lễ", () => {
    expect(workingDaysBetween(d("2027-06-14T02:00:00Z"), d("2027-06-18T01:00:00Z"))).toBe(3); // thứ Hai → thứ Sáu
    expect(workingDaysBetween(d("2027-06-15T02:00:00Z"), d("2027-06-18T01:00:00Z"))).toBe(2);
    expect(workingDaysBetween(d("2027-06-11T02:00:00Z"), d("2027-06-15T01:00:00Z"))).toBe(1); // qua thứ Bảy, Chủ nhật
    expect(workingDaysBetween(d("2027-06-14T02:00:00Z"), d("2027-06-18T01:00:00Z"), ["2027-06-16"])).toBe(2);
  });

  it("hạn rơi vào ngày nghỉ lùi về ngày làm việc trước đó, cùng giờ; hạn vào ngày làm việc giữ nguyên", () => {
    const at = (s: string) => local(onWorkingDay(d(s), ["2027-09-02", "2027-09-03"])).format("YYYY-MM-DD HH:mm");
    expect(at("2027-06-19T01:00:00Z")).toBe("2027-06-18 08:00"); // thứ Bảy → thứ Sáu
    expect(at("2027-06-20T10:00:00Z")).toBe("2027-06-18 17:00"); // Chủ nhật → thứ Sáu
    expect(at("2027-06-17T01:00:00Z")).toBe("2027-06-17 08:00");
    expect(at("2027-09-03T01:00:00Z")).toBe("2027-09-01 08:00"); // Quốc khánh 2/9 và ngày nghỉ bù 3/9 → thứ Tư 1/9
  });
});

describe("một giấy mời dài vẫn vừa một trang", () => {
  it("đề tài càng dài, khoảng cách càng hẹp (không dưới 6 pt); giấy mời dài nhất của Phong Thổ vừa một trang A4", async () => {
    h = await createTestApp({ env: LINKS });
    await h.organizer().say("/giaymoi");
    const t = createI18n().forLanguage("vi");
    const s = h.app.services;
    const view = lettersView(s.store.data, s.conference, s.config.links, s.clock.now());
    const common = invitationCommon(s.conference, t, view);
    const letters = invitationLetters(view, s.config.links, t);
    const vmc = letters.find((l) => l.unitId === "vang-ma-chai") as InvitationLetter;
    const ms = letters.find((l) => l.unitId === "muong-so") as InvitationLetter;
    for (const l of letters) expect(letterHeightMm(common, l, t, layoutFor(common, l, t))).toBeLessThanOrEqual(PAGE_MM);
    // Vàng Ma Chải's topic is the longest: its letter is set tighter than Mường So's, never under 6 pt between paragraphs.
    expect(LAYOUTS.indexOf(layoutFor(common, vmc, t))).toBeGreaterThan(LAYOUTS.indexOf(layoutFor(common, ms, t)) - 1);
    expect(letterHeightMm(common, vmc, t, LAYOUTS[0] as Layout)).toBeGreaterThan(PAGE_MM);
    for (const layout of LAYOUTS) expect(layout.gap).toBeGreaterThanOrEqual(6);
    // A topic twice as long gets the tightest layout.
    const longer = { ...vmc, duty: `${vmc.duty} ${vmc.duty}` };
    expect(layoutFor(common, longer, t)).toEqual(LAYOUTS[LAYOUTS.length - 1]);
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
