// The score template on paper: A4 landscape, a table with lines in Times New Roman, the header repeated,
// and notes that speak to the officer who fills it (no developer's command).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadConference } from "../../src/conference/load.js";
import { gridToXlsx, templateGrid } from "../../src/scores/template.js";

describe("tệp mẫu bảng điểm", () => {
  it("in khổ A4 ngang, bảng có đường kẻ, chữ Times New Roman, dòng tiêu đề và cột đơn vị lặp lại trên mọi trang", async () => {
    const grid = await templateGrid(loadConference("conferences/phong-tho-2023.yaml"));
    const data = await gridToXlsx(grid, "Bảng điểm");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe("landscape");
    const header = grid.headerIndex + 1;
    expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
    expect(ws.pageSetup.printTitlesColumn).toBe("A:B");
    const width = Math.max(...grid.rows.map((r) => r.length));
    for (let r = header; r <= ws.rowCount; r++) {
      for (let c = 1; c <= width; c++) {
        const cell = ws.getCell(r, c);
        expect(cell.border?.left?.style, cell.address).toBe("thin");
        expect(cell.font?.name, cell.address).toBe("Times New Roman");
      }
    }
    // The header row is as tall as its longest field name wrapped in a 15-wide column.
    expect(ws.getRow(header).height).toBeGreaterThan(60);
    // The notes: one wrapped line each across the page, in the officer's words.
    const notes = grid.rows.slice(0, grid.headerIndex).map((r) => r[0]).join("\n");
    expect(notes).toContain("gửi tệp này cho bot của Hội nghị trên Telegram (lệnh /nhapdiem)");
    expect(notes).not.toContain("npx");
    expect(notes).not.toContain("hoinghi");
    // The page setup as the file carries it: A4 (paperSize 9), landscape.
    const sheet = await (await JSZip.loadAsync(data)).file("xl/worksheets/sheet1.xml")?.async("string");
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"[^>]*orientation="landscape"/);
    expect(sheet).toMatch(/<mergeCell ref="A1:H1"\/>/);
    // Every unit on one page high, as many pages across as the fields need.
    expect(sheet).toMatch(/<pageSetup[^>]*fitToWidth="0"[^>]*fitToHeight="1"/);
  });
});
