// The /xuat workbook on paper: A4, landscape and fit to width where wide, a title block, registered names, and the scores once published.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
});
afterEach(async () => {
  await h.close();
});

async function workbook(): Promise<ExcelJS.Workbook> {
  await org.say("/xuat");
  const file = org.last[0];
  if (file?.kind !== "file") throw new Error("no workbook");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file.data as unknown as ArrayBuffer);
  return wb;
}

/** The rows of a sheet from its header row (found by its text: the first cell reads "STT"), values from column A. */
function table(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  const header = rows.findIndex((r) => r[0] === "STT");
  if (header < 0) throw new Error(`no header row in ${ws.name}`);
  return rows.slice(header);
}

/** The 1-based row number of a sheet's header row. */
function headerRow(ws: ExcelJS.Worksheet): number {
  let found = 0;
  ws.eachRow((r, n) => {
    if (!found && r.getCell(1).value === "STT") found = n;
  });
  return found;
}

describe("/xuat in ra giấy", () => {
  it("mọi trang tính in khổ A4, bảng rộng in ngang vừa một trang bề ngang, dòng tiêu đề lặp lại, có khối tiêu đề và số trang", async () => {
    const wb = await workbook();
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      const header = headerRow(ws);
      expect(ws.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
      // The title block above the header: the conference, the sheet, when it was exported.
      expect(ws.getCell(1, 1).value).toBe("Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ và Công bố Chỉ số CCHC của UBND các xã, thị trấn năm 2023");
      expect(ws.getCell(2, 1).value).toBe(ws.name.toLocaleUpperCase("vi"));
      expect(ws.getCell(3, 1).value).toBe("Xuất lúc 01/05/2027 09:00");
      expect(header).toBeGreaterThan(3);
      expect(ws.getCell(header, 1).value).toBe("STT");
      // Each part of the page header and footer in Times New Roman.
      const f = '&"Times New Roman,Regular"';
      expect(ws.headerFooter.oddHeader).toBe(`&L${f}&BỦY BAN NHÂN DÂN HUYỆN PHONG THỔ&B&C${f}&BHội nghị Chỉ số CCHC năm 2023&B&R${f}${ws.name}`);
      expect(ws.headerFooter.oddFooter).toBe(`&L${f}In lúc 01/05/2027 09:00&R${f}Trang &P/&N`);
    }
    const orientation = Object.fromEntries(wb.worksheets.map((ws) => [ws.name, ws.pageSetup.orientation]));
    expect(orientation).toEqual({
      "Tham dự theo vị trí": "landscape",
      "Cử người thay": "landscape",
      "Vắng mặt": "landscape",
      "Điểm danh": "landscape",
      "Tham luận": "landscape",
      "Các bản tham luận": "landscape",
      "Đăng ký phát biểu": "landscape",
    });
  });

  it("người dự đúng vị trí của mình có chức vụ là chức danh vị trí; người điểm danh ghi tên đã đăng ký, không phải tên tài khoản chat", async () => {
    await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const ms = await h.delegate("Mường So", "Minh MS");
    await ms.say("/dangky 1 thamdu Lò Văn Minh");
    await ms.say("/dangky 2 thay Tao Thị Hoa, Phó Chủ tịch UBND xã");
    const code = /hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
    h.clock.set("2027-06-20T00:30:00Z");
    expect(await ms.say(`/diemdanh ${code}`)).toContain("Đồng chí điểm danh cho vị trí nào?");
    expect(await ms.say("1")).toContain("Đã điểm danh");
    const wb = await workbook();
    const seats = wb.getWorksheet("Tham dự theo vị trí") as ExcelJS.Worksheet;
    const row = (unit: string, seat: string) => {
      // Columns after STT: unit, kind, seat, status, name, position.
      return table(seats).find((v) => v[1] === unit && v[3] === seat) ?? [];
    };
    expect(row("Mường So", "Chủ tịch UBND xã").slice(4, 7)).toEqual(["Tham dự", "Lò Văn Minh", "Chủ tịch UBND xã"]);
    expect(row("Mường So", "Công chức làm nhiệm vụ công tác CCHC").slice(4, 7)).toEqual(["Cử người thay", "Tao Thị Hoa", "Phó Chủ tịch UBND xã"]);
    const checkins = table(wb.getWorksheet("Điểm danh") as ExcelJS.Worksheet);
    expect(checkins[0]).toEqual(["STT", "Đơn vị", "Vị trí được mời", "Người điểm danh", "Thời điểm"]);
    expect(checkins[1]).toEqual([1, "Mường So", "Chủ tịch UBND xã", "Lò Văn Minh", "20/06/2027 07:30"]);
  });

  it("điểm danh do Ban tổ chức ghi hộ không mang tên tài khoản chat của cán bộ Ban tổ chức", async () => {
    await h.app.store.mutate((d) => {
      d.checkins.push({ unitId: "muong-so", by: org.key, at: "2027-06-20T00:40:00.000Z", onBehalf: true });
    });
    const rows = table((await workbook()).getWorksheet("Điểm danh") as ExcelJS.Worksheet);
    expect(rows[1]).toEqual([1, "Mường So", "", "", "20/06/2027 07:40"]);
  });

  it("bảng điểm chỉ có trong tệp sau khi công bố, xếp theo hạng, ghi rõ dữ liệu mẫu", async () => {
    await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
    expect(await org.say("1")).toContain("Đã thay thế bảng điểm");
    expect((await workbook()).getWorksheet("Điểm Chỉ số CCHC")).toBeUndefined();

    await org.say("/congbo");
    expect(await org.say("1")).toContain("Đã công bố");
    const ws = (await workbook()).getWorksheet("Điểm Chỉ số CCHC") as ExcelJS.Worksheet;
    expect(ws).toBeDefined();
    const rows = table(ws);
    expect(rows[0]?.slice(1, 7)).toEqual(["Hạng", "Đơn vị", "Tổng điểm", "Điểm tối đa", "Tỷ lệ (%)", "Xếp loại"]);
    const scores = h.app.store.data.scores.current;
    if (!scores) throw new Error("no table");
    expect(rows).toHaveLength(1 + scores.units.length);
    expect(ws.rowCount).toBe(headerRow(ws) + scores.units.length);
    const best = [...scores.units].sort((a, b) => a.rank - b.rank)[0];
    const second = rows[1] as unknown[];
    expect(second[0]).toBe(1); // STT
    expect(second[1]).toBe(1);
    expect(second[2]).toBe(h.app.services.conference.unit(best?.unitId as string)?.name);
    expect(second[3]).toBe(best?.total);
    expect(ws.headerFooter.oddHeader).toContain("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
    // The sample mark in the title block as well, not only in the page header.
    expect(ws.getCell(2, 1).value).toBe("ĐIỂM CHỈ SỐ CCHC [DỮ LIỆU MẪU — không phải kết quả chính thức]");
  });

  it("mọi bản tham luận đều có, đầy đủ: bản dài hơn một ô tiếp sang các dòng sau, không mất chữ nào", async () => {
    const long = `${"Giải pháp chỉ đạo, điều hành. ".repeat(1700)}HẾT`;
    await h.app.store.mutate((d) => {
      d.speeches["muong-so"] = {
        unitId: "muong-so",
        versions: [
          { n: 1, kind: "text", text: "Bản đầu", by: "console:x", at: "2027-05-01T02:00:00.000Z" },
          { n: 2, kind: "text", text: long, by: "console:x", at: "2027-05-02T02:00:00.000Z" },
        ],
        reviews: [{ version: 1, decision: "changes_requested", note: "Bổ sung số liệu", by: "console:org-1", at: "2027-05-01T03:00:00.000Z" }],
      };
    });
    const ws = (await workbook()).getWorksheet("Các bản tham luận") as ExcelJS.Worksheet;
    const rows = table(ws);
    expect(rows[0]).toEqual(["STT", "Đơn vị", "Bản số", "Hình thức", "Nội dung (hoặc tên tệp)", "Người nộp", "Nộp lúc", "Kết quả duyệt", "Ghi chú khi duyệt"]);
    expect(rows[1]).toEqual([1, "Mường So", 1, "Văn bản", "Bản đầu", "console:x", "01/05/2027 09:00", "Đề nghị chỉnh sửa", "Bổ sung số liệu"]);
    // 51,000 characters: cut into rows a printed page can hold (a row is at most 409 pt high), between words.
    const parts = rows.slice(2);
    expect(parts.length).toBeGreaterThan(10);
    expect(parts.map((r) => r[2])).toEqual([2, ...parts.slice(1).map((_, i) => `2 (tiếp, phần ${i + 2}/${parts.length})`)]);
    expect(parts.map((r) => r[4]).join("")).toBe(long);
    for (const r of parts.slice(0, -1)) expect(String(r[4]).endsWith(" ")).toBe(true);
    // Each row as tall as its wrapped text, never more than Excel allows: LibreOffice prints it without overprinting.
    const header = headerRow(ws);
    for (let n = header + 2; n < header + 1 + rows.length - 1; n++) {
      expect(ws.getRow(n).height).toBeGreaterThan(250);
      expect(ws.getRow(n).height).toBeLessThanOrEqual(409);
    }
    expect(ws.getRow(header + 1).height).toBeLessThan(40); // "Bản đầu": its longest cell, "Đề nghị chỉnh sửa", on two lines
  });

  it("in ra thành bảng: ô có đường kẻ, chữ Times New Roman, chữ dài xuống dòng trong ô, cột Người trả lời không đè lên Thời điểm", async () => {
    await org.say("/dangky Mường So 1 vang Đi học lớp bồi dưỡng cán bộ chủ chốt cấp xã tại Trường Chính trị tỉnh Lai Châu");
    const wb = await workbook();
    for (const ws of wb.worksheets) {
      const header = headerRow(ws);
      const last = ws.getRow(header).cellCount;
      for (let r = header; r <= ws.rowCount; r++) {
        for (let c = 1; c <= last; c++) {
          const cell = ws.getCell(r, c);
          for (const side of ["top", "left", "bottom", "right"] as const) expect(cell.border?.[side]?.style, `${ws.name} ${cell.address}`).toBe("thin");
          expect(cell.font?.name).toBe("Times New Roman");
          expect(cell.alignment?.wrapText).toBe(true);
        }
      }
      for (let r = 1; r <= 3; r++) expect(ws.getCell(r, 1).font?.name).toBe("Times New Roman");
    }
    const seats = wb.getWorksheet("Tham dự theo vị trí") as ExcelJS.Worksheet;
    const header = headerRow(seats);
    const names = (seats.getRow(header).values as unknown[]).slice(1);
    expect(names.slice(-2)).toEqual(["Người trả lời", "Thời điểm"]);
    // "Người trả lời" is wider than its header and any name the bot writes there; wrapped text stays in its cell.
    expect(seats.getColumn(names.length - 1).width).toBeGreaterThanOrEqual(26);
    // The row of the long reason is as tall as its wrapped lines (3 lines in a 36-wide column), the others one line.
    const reasonRow = table(seats).findIndex((v) => v[4] === "Vắng mặt");
    expect(seats.getRow(header + reasonRow).height).toBeGreaterThan(40);
    expect(seats.getRow(header + 1).height).toBeLessThan(25);
  });
});
