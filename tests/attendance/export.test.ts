// The workbook outside the story: `hoinghi export FILE.xlsx`, long speeches, English headers.
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildWorkbook, HEADER_ROW } from "../../src/documents/workbook.js";
import { workbookView } from "../../src/views/workbook.js";
import { runCli } from "../../src/app/cli.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import type { CliIo } from "../../src/app/cli-core.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

async function read(data: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env, stdin: process.stdin, stdout: process.stdout };
  return { io: value, out, err };
}

describe("hoinghi export", () => {
  it("writes the same workbook as /xuat to a file and says what it holds", async () => {
    const d = await h.delegate("Vàng Ma Chải");
    await d.say("/dangky 1 thay Lò Văn Sáu, Phó Chủ tịch UBND xã");
    await h.app.store.flush();
    const file = path.join(h.dir, "danh-sach.xlsx");
    const cli = io({ DATA_DIR: h.dir, LOG_LEVEL: "warn" });
    expect(await runCli(["export", file], cli.io)).toBe(0);
    expect(cli.out).toEqual([`Đã ghi ${file}: 77 vị trí, 0 tham dự, 1 cử người thay, 0 vắng, 76 chưa trả lời.`]);
    const wb = await read(await readFile(file));
    const sub = wb.getWorksheet("Cử người thay");
    // Under the title block and the header row (HEADER_ROW), after the STT column.
    expect(sub?.getRow(HEADER_ROW + 1).values).toEqual([undefined, 1, "Vàng Ma Chải", "Chủ tịch UBND xã", "Lò Văn Sáu", "Phó Chủ tịch UBND xã", "Đại biểu Vàng Ma Chải", "01/05/2027 09:00"]);
  });

  it("refuses a missing file name, a name without .xlsx, and a folder that does not exist, in one line", async () => {
    for (const args of [["export"], ["export", path.join(h.dir, "x.csv")], ["export", path.join(h.dir, "khong-co", "x.xlsx")]]) {
      const cli = io({ DATA_DIR: h.dir, LOG_LEVEL: "warn" });
      expect(await runCli(args, cli.io)).toBe(1);
      expect(cli.err).toHaveLength(1);
    }
  });
});

describe("buildWorkbook", () => {
  it("cuts a speech longer than a printed row holds, and says where the full text is", async () => {
    const long = "Tham luận ".repeat(5000);
    await h.app.store.mutate((d) => {
      d.speeches["muong-so"] = { unitId: "muong-so", versions: [{ n: 1, kind: "text", text: long, by: "console:x", at: "2027-05-01T02:00:00.000Z" }], reviews: [] };
    });
    const t = h.app.services.i18n.forLanguage("vi");
    const wb = await read(await buildWorkbook(workbookView(h.app.store.data, h.app.services.conference.conf, h.clock.now()), t));
    const cell = String(wb.getWorksheet("Tham luận")?.getRow(HEADER_ROW + 2).getCell(6).value);
    expect(cell.length).toBeLessThanOrEqual(3_000);
    expect(cell.endsWith(" … (toàn văn ở trang “Các bản tham luận”)")).toBe(true);
  });

  it("uses English headers with an English translator", async () => {
    const t = h.app.services.i18n.forLanguage("en");
    const wb = await read(await buildWorkbook(workbookView(h.app.store.data, h.app.services.conference.conf, h.clock.now()), t));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Attendance by seat", "Substitutes", "Absences", "Check-ins", "Speeches", "Speech versions", "Voluntary speakers"]);
    expect(wb.getWorksheet("Attendance by seat")?.getRow(HEADER_ROW).getCell(1).value).toBe("No.");
    expect(wb.getWorksheet("Attendance by seat")?.getRow(3).getCell(1).value).toMatch(/^Exported \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(wb.getWorksheet("Attendance by seat")?.getRow(HEADER_ROW + 1).getCell(5).value).toBe("No answer");
  });

  it("/xuat is for organizers only", async () => {
    expect(await (await h.delegate("Mường So")).say("/xuat")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
  });
});
