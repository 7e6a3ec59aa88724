// The check-in poster: the hall code in very large type and a QR code that checks a person in on Telegram.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from "pdf-lib";
import { PNG } from "pngjs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { decodeQr } from "./helpers.js";
import { posterInput } from "../../src/documents/poster-data.js";
import { posterLayout, posterPdf, posterSvg } from "../../src/documents/poster.js";
import { createI18n } from "../../src/lib/i18n.js";
import type { CliIo } from "../../src/app/cli-core.js";

const BOT = "PhongTho_HoiNghi_bot";
let h: TestApp;
afterEach(async () => {
  await h.close();
});

const codeIn = (s: string) => /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(s)?.[1] as string;

async function poster(): Promise<{ png: Buffer; caption: string }> {
  const org = h.organizer();
  await org.say("/diemdanh poster");
  const photo = org.last[0];
  if (photo?.kind !== "photo") throw new Error(`no photo: ${JSON.stringify(org.last).slice(0, 200)}`);
  return { png: photo.data, caption: photo.caption ?? "" };
}

const ZALO = "https://zalo.me/s/1234567890123";

/** The left or right part of a PNG, as a PNG (to read one of two QR codes side by side). */
function crop(png: Buffer, from: number, to: number): Buffer {
  const image = PNG.sync.read(png);
  const x0 = Math.round(image.width * from);
  const out = new PNG({ width: Math.round(image.width * to) - x0, height: image.height });
  PNG.bitblt(image, out, x0, 0, out.width, out.height, 0, 0);
  return PNG.sync.write(out);
}

/** The drawing operators of a PDF page, decoded. */
async function pageOperators(pdf: PDFDocument): Promise<string> {
  const contents = pdf.getPage(0).node.get(PDFName.of("Contents"));
  const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
  return refs
    .map((ref) => {
      const stream = pdf.context.lookup(ref as never);
      return stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1") : "";
    })
    .join("\n");
}

/** A font's ToUnicode map: glyph code (4 hex digits) → the letters it stands for. */
function toUnicode(pdf: PDFDocument, font: PDFDict): Map<string, string> {
  const stream = pdf.context.lookup(font.get(PDFName.of("ToUnicode")));
  if (!(stream instanceof PDFRawStream)) throw new Error("a font without a ToUnicode map: its text cannot be read back");
  const cmap = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((u) => Number.parseInt(u, 16)));
  return new Map([...cmap.matchAll(/<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]+)>/g)].map(([, code, uni]) => [(code as string).toUpperCase(), utf16(uni as string)]));
}

/** The text a PDF page draws, line by line as shown (Tj), read back through each font's ToUnicode map, with where it starts (pt). */
async function pageText(pdf: PDFDocument): Promise<Array<{ text: string; x: number }>> {
  const fonts = pdf.getPage(0).node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
  const maps = new Map<string, Map<string, string>>();
  for (const [name, ref] of fonts?.entries() ?? []) maps.set(name.asString().slice(1), toUnicode(pdf, pdf.context.lookup(ref as PDFRef, PDFDict)));
  const shown: Array<{ text: string; x: number }> = [];
  let map = new Map<string, string>();
  let x = 0;
  for (const [, font, tmX, glyphs] of (await pageOperators(pdf)).matchAll(/\/(\S+) [\d.]+ Tf|1 0 0 1 ([\d.]+) [\d.]+ Tm|<([0-9A-F]*)> Tj/g)) {
    if (font) map = maps.get(font) ?? new Map();
    else if (tmX) x = Number(tmX);
    else shown.push({ text: (glyphs?.match(/.{4}/g) ?? []).map((g) => map.get(g) ?? "?").join(""), x });
  }
  return shown;
}

/** The page's pictures (image XObjects): none in a vector poster. */
function pagePictures(pdf: PDFDocument): number {
  const xobjects = pdf.getPage(0).node.Resources()?.lookup(PDFName.of("XObject"));
  return xobjects instanceof PDFDict ? xobjects.entries().length : 0;
}

/** The fonts of the page whose TrueType program is inside the file. */
function embeddedFonts(pdf: PDFDocument): string[] {
  const fonts = pdf.getPage(0).node.Resources()?.lookup(PDFName.of("Font"), PDFDict);
  const names = new Set<string>();
  for (const [, ref] of fonts?.entries() ?? []) {
    const font = pdf.context.lookup(ref as PDFRef, PDFDict);
    const cid = pdf.context.lookup(font.lookup(PDFName.of("DescendantFonts"), PDFArray).get(0), PDFDict);
    const descriptor = cid.lookup(PDFName.of("FontDescriptor"), PDFDict);
    if (descriptor.get(PDFName.of("FontFile2"))) names.add(String(font.get(PDFName.of("BaseFont"))));
  }
  return [...names];
}

describe("/diemdanh poster", () => {
  it("Ban tổ chức nhận áp phích khổ A4; mã QR mở bot Telegram với lệnh điểm danh bằng mã hiện hành", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    const code = codeIn(await h.organizer().say("/diemdanh"));
    const { png, caption } = await poster();
    expect(caption).toBe(
      `Áp phích điểm danh (mã ${code}): chiếu lên màn hình hội trường hoặc in khổ A4. Đổi mã (/diemdanh moi) thì áp phích cũ không còn dùng được.`,
    );
    const image = PNG.sync.read(png);
    expect([image.width, image.height]).toEqual([1240, 1754]); // A4 at 150 dpi
    expect(decodeQr(png)).toBe(`https://t.me/${BOT}?start=dd-${code}`);
  });

  it("đổi mã: Ban tổ chức được báo áp phích cũ hết hiệu lực, áp phích mới mang mã mới", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    const old = codeIn(await h.organizer().say("/diemdanh"));
    const rotated = await h.organizer().say("/diemdanh moi");
    expect(rotated).toContain("Áp phích điểm danh đã in, đã chiếu cũng hết hiệu lực: gõ /diemdanh poster để lấy áp phích mới.");
    const fresh = codeIn(rotated);
    expect(fresh).not.toBe(old);
    expect(decodeQr((await poster()).png)).toBe(`https://t.me/${BOT}?start=dd-${fresh}`);
  });

  it("chưa có mã điểm danh: được chỉ cách cấp mã trước", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    expect(await h.organizer().say("/diemdanh poster")).toBe(
      "Chưa có mã điểm danh. Ban tổ chức gõ /diemdanh để cấp mã, rồi gõ /diemdanh poster để lấy áp phích.",
    );
  });

  it("chưa cấu hình bot Telegram: áp phích không có mã QR, vẫn ghi cách gõ mã", async () => {
    h = await createTestApp();
    await h.organizer().say("/diemdanh");
    expect(decodeQr((await poster()).png)).toBeUndefined();
  });

  it("đại biểu gõ /diemdanh poster không nhận được áp phích", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    await h.organizer().say("/diemdanh");
    const d = await h.delegate("Mường So");
    await d.say("/diemdanh poster");
    expect(d.last.every((r) => r.kind === "text")).toBe(true);
  });
});

function cliIo(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, stdin: process.stdin, stdout: process.stdout };
  return { io, out, err };
}

describe("áp phích đọc được từ xa, có cả Zalo", () => {
  it("cấu hình cả hai bot: mã QR Telegram lớn (≥ 120 mm trên A4) và mã QR Zalo bên cạnh mở bot Zalo", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT, ZALO_BOT_LINK: ZALO } });
    const code = codeIn(await h.organizer().say("/diemdanh"));
    const { png } = await poster();
    expect(decodeQr(crop(png, 0, 0.7))).toBe(`https://t.me/${BOT}?start=dd-${code}`);
    expect(decodeQr(crop(png, 0.7, 1))).toBe(ZALO);
    const input = posterInput(h.app.services, createI18n().forLanguage("vi"));
    const [telegram, zalo] = posterLayout(input).qrs;
    expect(telegram?.side).toBeGreaterThanOrEqual(120);
    // Beside it, on the same row, inside the page's 10 mm margins.
    expect(zalo?.y).toBe(telegram?.y);
    expect((zalo?.x ?? 0) + (zalo?.side ?? 0)).toBeLessThanOrEqual(200);
    expect(posterSvg(input)).toContain("Zalo: quét mã, gõ");
    expect(posterSvg(input)).toContain(`/diemdanh ${code}`);
  });

  it("chưa có đường dẫn bot Zalo: áp phích nói bằng lời, không in mã QR Zalo", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    const code = codeIn(await h.organizer().say("/diemdanh"));
    const input = posterInput(h.app.services, createI18n().forLanguage("vi"));
    expect(input.qrs.map((q) => q.url)).toEqual([`https://t.me/${BOT}?start=dd-${code}`]);
    expect(posterSvg(input)).toContain(`Zalo: nhắn cho bot Zalo của Hội nghị: /diemdanh ${code}`);
  });

  it("PDF khổ A4 và A3 toàn vector: không có ảnh, chữ là chữ thật (đủ dấu tiếng Việt, phông nhúng), mã QR vẽ bằng ô vuông; A3 phóng to √2 lần", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT, ZALO_BOT_LINK: ZALO } });
    const code = codeIn(await h.organizer().say("/diemdanh"));
    const input = posterInput(h.app.services, createI18n().forLanguage("vi"));
    for (const [paper, size] of [["A4", [595, 842]], ["A3", [842, 1191]]] as const) {
      const pdf = await PDFDocument.load(await posterPdf(input, paper));
      const { width, height } = pdf.getPage(0).getSize();
      expect([Math.round(width), Math.round(height)]).toEqual(size);
      expect(pagePictures(pdf)).toBe(0);
      expect(embeddedFonts(pdf).map((f) => f.replace(/-\d+$/, "")).sort()).toEqual(["/DejaVuSans", "/DejaVuSans-Bold"]);
      const lines = (await pageText(pdf)).map((l) => l.text);
      expect(lines).toEqual(expect.arrayContaining(["ỦY BAN NHÂN DÂN HUYỆN PHONG THỔ", "ĐIỂM DANH", "Mã điểm danh", code, "Telegram: quét mã QR bằng điện thoại"]));
      expect(lines.join(" ")).toContain(`Zalo: quét mã, gõ /diemdanh ${code}`);
      expect(lines.join(" ")).toContain("Chỉ số CCHC huyện Phong Thổ");
      // Hundreds of black shapes filled: the modules of the two codes.
      expect(((await pageOperators(pdf)).match(/0 0 0 rg[^Q]*\bh\s+f\b/g) ?? []).length).toBeGreaterThan(300);
    }
  });

  it("PDF không có bot Zalo: câu hướng dẫn dài xuống dòng theo bề rộng chữ thật, không dòng nào chạm khung", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    const code = codeIn(await h.organizer().say("/diemdanh"));
    const input = posterInput(h.app.services, createI18n().forLanguage("vi"));
    for (const [paper, scale] of [["A4", 1], ["A3", Math.SQRT2]] as const) {
      const shown = await pageText(await PDFDocument.load(await posterPdf(input, paper)));
      // One sentence on the PNG (nearly 190 mm of bold type), two lines of the PDF.
      expect(shown.map((l) => l.text)).toEqual(expect.arrayContaining(["Zalo: nhắn cho bot Zalo của", `Hội nghị: /diemdanh ${code}`]));
      // Every line starts at least 10 mm from the paper's edge (the frame is at 6 mm).
      for (const line of shown) expect(line.x, line.text).toBeGreaterThanOrEqual(((10 * 72) / 25.4) * scale);
    }
  });
});

describe("npx hoinghi checkin-poster <tệp.png|pdf>", () => {
  it("ghi áp phích PDF một trang A4 và PNG có mã QR đúng", async () => {
    h = await createTestApp({ env: { TELEGRAM_BOT_USERNAME: BOT } });
    const code = codeIn(await h.organizer().say("/diemdanh"));
    await h.app.store.flush();
    const env = { DATA_DIR: h.dir, LOG_LEVEL: "warn", TELEGRAM_BOT_USERNAME: BOT };
    await h.app.close();

    const pdfFile = path.join(h.dir, "ap-phich.pdf");
    const pdfCli = cliIo(env);
    expect(await runCli(["checkin-poster", pdfFile], pdfCli.io)).toBe(0);
    expect(pdfCli.out).toEqual([`Đã ghi áp phích điểm danh ${pdfFile} (mã ${code}).`]);
    const pdf = await PDFDocument.load(await readFile(pdfFile));
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const pngFile = path.join(h.dir, "ap-phich.png");
    const pngCli = cliIo(env);
    expect(await runCli(["checkin-poster", pngFile], pngCli.io)).toBe(0);
    expect(decodeQr(await readFile(pngFile))).toBe(`https://t.me/${BOT}?start=dd-${code}`);
    h = await createTestApp({ dir: h.dir });
  });

  it("tên tệp sai đuôi, thiếu tệp, chưa có mã: một dòng lỗi", async () => {
    h = await createTestApp();
    const env = { DATA_DIR: h.dir, LOG_LEVEL: "warn" };
    await h.app.close();
    const cases: Array<[string[], string]> = [
      [["checkin-poster"], "Thiếu tệp: npx hoinghi checkin-poster <tệp.png|tệp.pdf>"],
      [["checkin-poster", "x.jpg"], "Tệp x.jpg phải có đuôi .png hoặc .pdf."],
      [["checkin-poster", path.join(h.dir, "x.png")], "Chưa có mã điểm danh. Ban tổ chức gõ /diemdanh để cấp mã, rồi gõ /diemdanh poster để lấy áp phích."],
    ];
    for (const [args, line] of cases) {
      const cli = cliIo(env);
      expect(await runCli(args, cli.io)).toBe(1);
      expect(cli.err).toEqual([line]);
    }
    h = await createTestApp({ dir: h.dir });
  });
});
