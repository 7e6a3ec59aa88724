// Ban tổ chức nhập bảng điểm: xem trước, xác nhận mới thay thế; tệp lỗi bị từ chối kèm dòng và lý do, bảng cũ giữ nguyên.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { columnOf, document, lyingZipBomb, rowOf, sampleBytes, sampleGrid, sendTable, toCsv } from "./helpers.js";
import { columnLetter } from "../../src/scores/table.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

async function toXlsx(grid: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng điểm");
  for (const r of grid) ws.addRow(r.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Imports the sample and confirms; returns the stored table's importedAt. */
async function importSample(): Promise<string> {
  const org = h.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  expect(await org.say("1")).toContain("Đã thay thế bảng điểm");
  return h.app.store.data.scores.current?.importedAt as string;
}

describe("/nhapdiem with the sample table", () => {
  it("shows units, fields with maxima, top and bottom three, marked sample, and replaces nothing before the confirmation", async () => {
    const org = h.organizer();
    const reply = await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
    expect(reply).toContain("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
    expect(reply).toContain("Đã đọc bảng điểm năm 2023 từ tệp phong-tho-2023.sample.csv: 17 đơn vị, 8 lĩnh vực, tổng điểm tối đa 100.");
    expect(reply).toContain("1. Công tác chỉ đạo, điều hành cải cách hành chính: 12");
    expect(reply).toContain("3. Cải cách thủ tục hành chính (một cửa, một cửa liên thông): 14");
    expect(reply).toContain("8. Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội: 28");
    expect(reply).toMatch(/3 đơn vị cao nhất:\n1\. Thị trấn Phong Thổ: 88\/100 điểm, Tốt\n2\. Khổng Lào: 84,25\/100 điểm, Tốt\n3\. Mường So: 83,5\/100 điểm, Tốt/);
    expect(reply).toMatch(/3 đơn vị thấp nhất:\n15\. Sì Lở Lầu: 64,5\/100 điểm, Trung bình\n16\. Pa Vây Sử: 64\/100 điểm, Trung bình\n17\. Huổi Luông: 62,25\/100 điểm, Trung bình/);
    expect(reply).toContain("chưa công bố");
    expect(reply).toMatch(/Xác nhận thay thế bảng điểm\?\n1\. Xác nhận thay thế\n2\. Hủy$/);
    expect(h.app.store.data.scores.current).toBeUndefined();

    const done = await org.press(1);
    expect(done).toContain("Đã thay thế bảng điểm: năm 2023, 17 đơn vị.");
    expect(done).toContain("DỮ LIỆU MẪU");
    const table = h.app.store.data.scores.current;
    expect(table?.units).toHaveLength(17);
    expect(table?.sample).toBe(true);
    expect(table?.importedBy).toBe(org.key);
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
    expect(h.app.store.data.scores.previews ?? []).toEqual([]);
  });

  it("ranks all communes and the town together, equal totals sharing a rank, and classifies by the conference file's cut-offs", async () => {
    await importSample();
    const units = h.app.store.data.scores.current?.units ?? [];
    const by = (id: string) => units.find((u) => u.unitId === id);
    expect(by("thi-tran-phong-tho")).toMatchObject({ rank: 1, rankOf: 17, total: 88, max: 100, classification: "Tốt" });
    expect(by("tung-qua-lin")).toMatchObject({ rank: 13, total: 66.25, classification: "Khá" });
    expect(by("lan-nhi-thang")).toMatchObject({ rank: 13, total: 66.25 });
    expect(by("si-lo-lau")).toMatchObject({ rank: 15, classification: "Trung bình" });
    expect(by("muong-so")?.previous).toEqual({ total: 83.25, max: 100, rank: 3 });
    const field = by("muong-so")?.fields[0];
    expect(field).toMatchObject({ id: "1", name: "Công tác chỉ đạo, điều hành cải cách hành chính", max: 12 });
    expect(field?.self).toBeTypeOf("number");
    expect(field?.appraised).toBeTypeOf("number");
    expect(field?.previous).toBeTypeOf("number");
  });

  it("Hủy keeps the current table; a later import keeps the replaced table and is unpublished until /congbo again", async () => {
    const first = await importSample();
    const org = h.organizer();
    const grid = sampleGrid();
    const row = rowOf(grid, "Xã Mường So");
    // A field without criteria in the sample: its score alone changes with the total.
    const finalCol = columnOf(grid, "2. Cải cách thể chế (cuối cùng)");
    const totalCol = columnOf(grid, "Tổng");
    const r = grid[row.index] as string[];
    r[finalCol] = String(Number(r[finalCol]) - 1);
    r[totalCol] = String(Number(r[totalCol]) - 1);

    await sendTable(org, toCsv(grid));
    expect(await org.say("2")).toBe("Đã hủy. Bảng điểm hiện tại giữ nguyên.");
    expect(h.app.store.data.scores.current?.importedAt).toBe(first);

    expect(await org.say("/congbo xacnhan")).toContain("Đã công bố");
    h.clock.advance(60_000);
    const preview = await sendTable(org, toCsv(grid));
    expect(preview).toContain("Bảng điểm hiện tại (năm 2023, 17 đơn vị, nhập lúc");
    expect(preview).toContain("kết quả đang được công bố");
    await org.say("1");
    const s = h.app.store.data.scores;
    expect(s.current?.units.find((u) => u.unitId === "muong-so")?.total).toBe(82.5);
    expect(s.previousTables.map((t) => t.importedAt)).toEqual([first]);
    expect(s.publishedAt).toBeUndefined();
    expect(await h.person("Khách").say("/diem Mường So")).toBe(
      "Kết quả Chỉ số CCHC chưa được công bố. Kết quả sẽ có sau khi Ban tổ chức công bố tại hội nghị.",
    );
  });

  it("reads the same table from .xlsx and from a semicolon CSV with decimal commas", async () => {
    const org = h.organizer();
    const grid = sampleGrid();
    const semicolon = grid.map((r, i) => (i > 4 ? r.map((c) => c.replace(".", ",")) : r));
    await sendTable(org, toCsv(semicolon, ";"));
    await org.say("1");
    const fromCsv = h.app.store.data.scores.current?.units.map((u) => [u.unitId, u.total, u.rank]);
    await sendTable(org, await toXlsx(grid), "bang-diem.xlsx");
    await org.say("1");
    const fromXlsx = h.app.store.data.scores.current?.units.map((u) => [u.unitId, u.total, u.rank]);
    expect(fromCsv).toHaveLength(17);
    expect(fromXlsx).toEqual(fromCsv);
    expect(h.app.store.data.scores.current?.units[0]?.fields[0]?.final).toBe(10.75);
  });

  it("accepts a table without the sample marker as real data, and criteria numbered 1.1, 1.2 under their field", async () => {
    const org = h.organizer();
    const grid = [
      ["Năm", "2023"],
      ["Đơn vị", "1. Chỉ đạo [10]", "1.1 Kế hoạch [4]", "1.2 Báo cáo [6]", "2. Thủ tục [10]", "Tổng [20]"],
      ["Mường So", "9", "4", "5", "7,5", "16,5"],
      ["Bản Lang", "8", "3", "5", "9", "17"],
    ];
    const reply = await sendTable(org, toCsv(grid), "bang-diem-2023.csv");
    expect(reply).not.toContain("DỮ LIỆU MẪU");
    expect(reply).toContain("1. Chỉ đạo: 10 (2 tiêu chí)");
    await org.say("1");
    const ms = h.app.store.data.scores.current?.units.find((u) => u.unitId === "muong-so");
    expect(h.app.store.data.scores.current?.sample).toBe(false);
    expect(ms?.fields.map((f) => f.id)).toEqual(["1", "2"]);
    expect(ms?.fields[0]?.children?.map((c) => [c.id, c.name, c.max, c.final])).toEqual([
      ["1.1", "Kế hoạch", 4, 4],
      ["1.2", "Báo cáo", 6, 5],
    ]);
    const result = await org.say("/diem Mường So");
    expect(result).toContain("   1.2. Báo cáo: 5/6");
    expect(result).toContain("Các tiêu chí mất nhiều điểm nhất (so với điểm tối đa):\n- 2. Thủ tục: mất 2,5 điểm (7,5/10)\n- 1.2. Báo cáo: mất 1 điểm (5/6)");
  });

  it("offers the template as an .xlsx file, which imports once filled", async () => {
    const org = h.organizer();
    await org.say("/nhapdiem mau");
    const file = org.last[0];
    expect(file?.kind).toBe("file");
    if (file?.kind !== "file") return;
    expect(file.name).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    let headerRow = 0;
    ws.eachRow((row, n) => {
      if (row.getCell(2).value === "Đơn vị") headerRow = n;
    });
    expect(headerRow).toBeGreaterThan(0);
    const header = (ws.getRow(headerRow).values as unknown[]).slice(1) as string[];
    const maxima = (ws.getRow(headerRow + 1).values as unknown[]).slice(1);
    const names: string[] = [];
    // Fill every unit: each field's final score is its maximum minus one; the total adds them up.
    for (let n = headerRow + 2; n <= ws.rowCount; n++) {
      const row = ws.getRow(n);
      names.push(String(row.getCell(2).value));
      let total = 0;
      header.forEach((hd, i) => {
        if (typeof hd === "string" && hd.endsWith("(cuối cùng)")) {
          const v = Number(maxima[i]) - 1;
          row.getCell(i + 1).value = v;
          total += v;
        }
      });
      row.getCell(header.indexOf("Tổng") + 1).value = total;
    }
    expect(names).toHaveLength(17);
    expect(names).toContain("Lản Nhì Thàng");
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const reply = await sendTable(org, filled, "bang-diem.xlsx");
    expect(reply).toContain("17 đơn vị, 8 lĩnh vực, tổng điểm tối đa 100.");
    await org.say("1");
    expect(h.app.store.data.scores.current?.units.every((u) => u.total === 92 && u.rank === 1)).toBe(true);
  });

  it("on Telegram asks for the file and takes the next document without a caption; on Zalo gives a one-time link to the desk's Index page, never Telegram", async () => {
    const tg = h.person("Ban tổ chức", { channel: "telegram", userId: "9001" });
    const asked = await tg.say("/nhapdiem");
    expect(asked).toContain("Vui lòng gửi tệp bảng điểm (.xlsx hoặc .csv, tối đa 5 MB)");
    expect(tg.last.some((r) => r.kind === "file")).toBe(true);
    const reply = await tg.say("", { file: document(sampleBytes(), "bang-diem.csv") });
    expect(reply).toContain("17 đơn vị");
    // The file no longer waits; the preview's yes/no question may be answered in words.
    expect(h.app.store.data.sessions[tg.key]?.awaiting?.step).toMatchObject({ kind: "words.yesno", yes: { kind: "scores.confirm" } });

    const zalo = h.person("Ban tổ chức", { channel: "zalo", userId: "org-zalo" });
    const z = await zalo.say("/nhapdiem");
    expect(z).toContain("Zalo không chuyển được tệp");
    expect(z).toMatch(/\/ban-to-chuc\/vao\?t=\S+/);
    expect(z).not.toContain("Telegram");
    expect(zalo.last.every((r) => r.kind === "text")).toBe(true);
  });

  it("is refused to a delegate and a guest", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say("/nhapdiem", { file: document(sampleBytes()) })).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(await h.person("Khách").say("/importscores")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(h.app.store.data.scores.current).toBeUndefined();
  });
});

/** Broken copies of the sample: each names the row (as Excel numbers it) and the reason. */
function broken(): Array<{ fault: string; file: () => Buffer | Promise<Buffer>; name?: string; expect: string[] }> {
  const grid = () => sampleGrid();
  const edit = (unit: string, header: string, value: string) => {
    const g = grid();
    (g[rowOf(g, unit).index] as string[])[columnOf(g, header)] = value;
    return toCsv(g);
  };
  const withoutColumn = (header: string) => {
    const g = grid();
    const c = columnOf(g, header);
    return toCsv(g.map((r) => r.filter((_, i) => i !== c)));
  };
  const line = (unit: string) => rowOf(grid(), unit).line;
  return [
    {
      fault: "an unknown unit, with the closest name suggested",
      file: () => edit("Xã Mường So", "Đơn vị", "Xã Mường Sao"),
      expect: [`- Dòng ${line("Xã Mường So")} (Xã Mường Sao): không có đơn vị "Xã Mường Sao". Có phải: Mường So`],
    },
    {
      fault: "a score above its maximum",
      file: () => edit("Xã Nậm Xe", "2. Cải cách thể chế (cuối cùng)", "9"),
      expect: [`- Dòng ${line("Xã Nậm Xe")} (Xã Nậm Xe): điểm "2. Cải cách thể chế (cuối cùng)" (cột ${columnLetter(columnOf(sampleGrid(), "2. Cải cách thể chế (cuối cùng)"))}) là 9, vượt điểm tối đa 8.`],
    },
    {
      fault: "a negative score",
      file: () => edit("Xã Bản Lang", "6. Cải cách tài chính công (thẩm định)", "-1"),
      expect: [`- Dòng ${line("Xã Bản Lang")} (Xã Bản Lang): điểm "6. Cải cách tài chính công (thẩm định)"`, "là -1, không được âm."],
    },
    {
      fault: "a score that is not a number",
      file: () => edit("Xã Dào San", "Tổng", "tám mươi"),
      expect: [`- Dòng ${line("Xã Dào San")} (Xã Dào San): "tám mươi" ở cột "Tổng"`, "không phải là số."],
    },
    {
      fault: "a total that does not add up",
      file: () => edit("Xã Hoang Thèn", "Tổng", "75.5"),
      expect: [`- Dòng ${line("Xã Hoang Thèn")} (Xã Hoang Thèn): điểm các lĩnh vực cộng lại là 74,5, khác điểm "Tổng" (75,5).`],
    },
    {
      fault: "a missing final score",
      file: () => edit("Xã Mù Sang", "5. Cải cách chế độ công vụ (cuối cùng)", ""),
      expect: [`- Dòng ${line("Xã Mù Sang")} (Xã Mù Sang): thiếu điểm "5. Cải cách chế độ công vụ (cuối cùng)"`],
    },
    {
      fault: "a unit twice",
      file: () => {
        const g = grid();
        g.push([...(g[rowOf(g, "Xã Bản Lang").index] as string[])]);
        return toCsv(g);
      },
      expect: [`- Dòng ${sampleGrid().length + 1} (Xã Bản Lang): đơn vị đã có ở dòng ${line("Xã Bản Lang")}.`],
    },
    { fault: "an empty file", file: () => Buffer.alloc(0), expect: ["- tệp trống, không có dữ liệu."] },
    { fault: "a file with only a byte order mark and blank lines", file: () => Buffer.from("\uFEFF\r\n ,, \r\n"), expect: ["- tệp trống"] },
    {
      fault: "a picture named .csv",
      file: () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      expect: ["- tệp không phải bảng tính"],
    },
    { fault: "prose, not a table", file: () => Buffer.from("Kính gửi Ban tổ chức\nXin gửi bảng điểm sau.\n"), expect: ["- tệp không phải bảng tính"] },
    { fault: "a text file named .xlsx", file: () => Buffer.from("Đơn vị,Tổng\nMường So,80\n"), name: "bang-diem.xlsx", expect: ["- tệp không phải bảng tính"] },
    { fault: "an old .xls file", file: () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), name: "bang-diem.xls", expect: ["Lưu thành .xlsx"] },
    { fault: "a PDF", file: () => Buffer.from("%PDF-1.4"), name: "quyet-dinh.pdf", expect: ['- tệp "quyet-dinh.pdf" không phải .xlsx hay .csv.'] },
    { fault: "a missing total column", file: () => withoutColumn("Tổng"), expect: [`- Dòng 4: thiếu cột "Tổng".`] },
    { fault: "a missing unit column", file: () => Buffer.from(toCsv(grid()).toString("utf8").replace("STT,Đơn vị,", "STT,Tên,")), expect: ['- thiếu cột "Đơn vị"'] },
    {
      fault: "a missing final column of a field",
      file: () => withoutColumn("4. Cải cách tổ chức bộ máy hành chính nhà nước (cuối cùng)"),
      expect: ['- Dòng 4: lĩnh vực "4. Cải cách tổ chức bộ máy hành chính nhà nước" thiếu cột điểm (cuối cùng).'],
    },
    {
      fault: "a table of thousands of rows",
      file: () => {
        const g = grid();
        const row = g[rowOf(g, "Xã Bản Lang").index] as string[];
        for (let i = 0; i < 2100; i++) g.push([...row]);
        return toCsv(g);
      },
      expect: ["- bảng có hơn 2.000 dòng; bảng điểm chỉ cần mỗi đơn vị một dòng."],
    },
    {
      fault: "an .xlsx whose directory announces more than 20 MB unpacked (refused unread)",
      file: async () => {
        const zip = await toXlsx(grid());
        // Announce a 50 MB first entry in the central directory, as a "zip bomb" would.
        const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
        zip.writeUInt32LE(50_000_000, zip.readUInt32LE(eocd + 16) + 24);
        return zip;
      },
      name: "bang-diem.xlsx",
      expect: ["- bảng tính quá lớn khi giải nén"],
    },
    {
      fault: "an .xlsx of 1 MB that unpacks to over 1 GB while its directory declares 1,000 bytes",
      file: () => lyingZipBomb().file,
      name: "bang-diem.xlsx",
      expect: ["- bảng tính quá lớn khi giải nén (quá nhiều ô hoặc có hình ảnh, tệp đính kèm)."],
    },
    {
      fault: "a file over 5 MB whose size the platform did not announce",
      file: () => Buffer.concat([sampleBytes(), Buffer.alloc(5_000_001 - sampleBytes().length, 0x20)]),
      expect: ["- tệp lớn hơn 5 MB."],
    },
  ];
}

describe("a broken table is refused with the row and the reason, and the current table stays", () => {
  for (const b of broken()) {
    it(b.fault, async () => {
      const before = await importSample();
      const org = h.organizer();
      const data = await b.file();
      const name = b.name ?? "bang-diem.csv";
      const reply = await org.say("/nhapdiem", { file: document(data, name, "text/csv", data.length > 5_000_000 ? 0 : data.length) });
      expect(reply).toMatch(new RegExp(`^Không nhập được bảng điểm từ tệp ${name.replace(".", "\\.")} \\(1 lỗi\\); bảng điểm hiện tại giữ nguyên\\.`));
      for (const part of b.expect) expect(reply).toContain(part);
      expect(reply).toContain("Vui lòng sửa tệp rồi gửi lại.");
      expect(h.app.store.data.scores.current?.importedAt).toBe(before);
      expect(h.app.store.data.scores.current?.units.find((u) => u.unitId === "muong-so")?.total).toBe(83.5);
      expect(h.app.store.data.scores.previews ?? []).toEqual([]);
      expect(await org.say("/nhapdiem xacnhan")).toContain("Không có bảng điểm nào chờ xác nhận");
    });
  }

  it("stops checking after fifteen problems and says where", async () => {
    const org = h.organizer();
    const g = sampleGrid();
    const totalCol = columnOf(g, "Tổng");
    for (const r of g.slice(5)) r[totalCol] = "1";
    const reply = await sendTable(org, toCsv(g));
    expect(reply).toContain("(có ít nhất 15 lỗi)");
    expect(reply.split("\n").filter((l) => l.startsWith("- Dòng"))).toHaveLength(15);
    expect(reply).toContain("… Bot dừng kiểm tra ở dòng 21; từ dòng này trở đi có thể còn lỗi.");
  });

  it("lists every faulty row at once", async () => {
    const org = h.organizer();
    const g = sampleGrid();
    (g[rowOf(g, "Xã Nậm Xe").index] as string[])[columnOf(g, "Tổng")] = "1";
    (g[rowOf(g, "Xã Mường So").index] as string[])[1] = "Xã Mường Sao";
    const reply = await sendTable(org, toCsv(g));
    expect(reply).toContain("(2 lỗi)");
    expect(reply).toContain(`Dòng ${rowOf(g, "Xã Nậm Xe").line} (Xã Nậm Xe)`);
    expect(reply).toContain(`Dòng ${rowOf(g, "Xã Mường Sao").line} (Xã Mường Sao)`);
  });

  it("a file over 5 MB announced by the platform is refused before it is downloaded", async () => {
    const org = h.organizer();
    let downloaded = false;
    const reply = await org.say("/nhapdiem", {
      file: {
        kind: "document",
        name: "bang-diem.xlsx",
        mime: "application/octet-stream",
        size: 6_000_000,
        download: async () => {
          downloaded = true;
          return Buffer.alloc(0);
        },
      },
    });
    expect(reply).toBe("Tệp quá lớn (tối đa 5 MB). Vui lòng gửi tệp nhỏ hơn.");
    expect(downloaded).toBe(false);
  });
});
