// Uploaded spreadsheets are bounded by what they unpack to, not by what they say (issue 21, item 2): a lying zip bomb is refused with little memory.
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readSheet, SheetError, XLSX_BUDGET } from "../../src/scores/sheet.js";
import { storedZip, unzipWithin, ZipRefused } from "../../src/lib/zip.js";
import { lyingZipBomb } from "./helpers.js";

const MB = 1_000_000;

/** What reading the file throws (a SheetError names the sentence the organizer is told). */
async function refusal(data: Buffer): Promise<SheetError> {
  const err = await readSheet(data, "xlsx").then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SheetError);
  return err as SheetError;
}

/**
 * How much the process's resident memory grew while `work` ran: the larger of the growth sampled
 * as often as the event loop lets (the inflater works off the main thread, so it does) and the
 * growth of the kernel's own peak (maxRSS, which no sample can miss once the process goes past
 * its earlier peak).
 */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ growth: number; result: T }> {
  const before = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 1);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    const growth = Math.max(peak - before, process.resourceUsage().maxRSS * 1024 - maxBefore);
    console.info(`peak RSS growth while refusing: ${(growth / MB).toFixed(1)} MB (from ${(before / MB).toFixed(0)} MB)`);
    return { growth, result };
  } finally {
    clearInterval(sampler);
  }
}

describe("an .xlsx of 1 MB that unpacks to over 1 GB while its directory declares 1,000 bytes", () => {
  const bomb = lyingZipBomb();

  it("is what it claims to be: about 1 MB, over 1 GB of zeros once unpacked, 1,000 bytes declared", () => {
    expect(bomb.file.length).toBeGreaterThan(1 * MB);
    expect(bomb.file.length).toBeLessThan(2 * MB);
    // One block unpacks to a mebibyte of zeros (checked here, not the gigabyte: that would take the memory this is about).
    const one = inflateRawSync(Buffer.concat([bomb.block, Buffer.from([0x03, 0x00])]));
    expect(one.length).toBe(1 << 20);
    expect(one.every((b) => b === 0)).toBe(true);
    expect(bomb.repeats * one.length).toBeGreaterThan(1_000 * MB);
    const central = bomb.file.lastIndexOf(Buffer.from("PK\u0001\u0002", "latin1"));
    expect(bomb.file.readUInt32LE(central + 24)).toBe(1000);
  });

  it("is refused as too large once unpacked, three at once, the process growing by well under 150 MB", async () => {
    const { growth, result } = await peakGrowth(() => Promise.all([refusal(bomb.file), refusal(Buffer.from(bomb.file)), refusal(Buffer.from(bomb.file))]));
    for (const err of result) expect(err.key).toBe("scores-err-xlsx-huge");
    expect(growth).toBeLessThan(150 * MB);
  });

  it("is stopped by the byte budget alone too, were the ratio not checked", async () => {
    const err = await unzipWithin(bomb.file, { ...XLSX_BUDGET, ratio: Number.POSITIVE_INFINITY, bytes: 3 * MB }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZipRefused);
    expect((err as ZipRefused).reason).toBe("over-budget");
  });
});

describe("the budget counts what comes out", () => {
  it("a workbook as Excel writes it still reads, through the budget", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng điểm");
    ws.addRow(["STT", "Đơn vị", "Tổng"]);
    ws.addRow([1, "Xã Mường So", 83.5]);
    const rows = await readSheet(Buffer.from(await wb.xlsx.writeBuffer()), "xlsx");
    expect(rows.map((r) => r.cells)).toEqual([
      ["STT", "Đơn vị", "Tổng"],
      ["1", "Xã Mường So", "83.5"],
    ]);
  });

  it("an archive listing more than 1,000 parts is refused as too large, unread", async () => {
    const parts = Array.from({ length: 1001 }, (_, i) => ({ name: `xl/media/image${i}.png`, data: Buffer.from("x") }));
    expect((await refusal(storedZip(parts))).key).toBe("scores-err-xlsx-huge");
  });

  it("a part bigger than it declares, though small, is a damaged file: not a spreadsheet", async () => {
    const file = storedZip([{ name: "xl/workbook.xml", data: Buffer.from("<workbook/>") }]);
    file.writeUInt32LE(5, file.lastIndexOf(Buffer.from("PK\u0001\u0002", "latin1")) + 24);
    expect((await refusal(file)).key).toBe("scores-err-not-table");
  });
});
