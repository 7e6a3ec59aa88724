// The check-in poster: the hall code in very large type and a QR code that checks a person in on Telegram.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { PNG } from "pngjs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { decodeQr } from "./helpers.js";
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
