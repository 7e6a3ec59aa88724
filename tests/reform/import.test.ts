// The score import after the 2025 reform: an old name is taken only for a unit that is that old commune
// alone, whole; otherwise the row says why, in one sentence; a merged commune has no "năm trước".
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadConference } from "../../src/conference/load.js";
import type { ConferenceService } from "../../src/conference/service.js";
import { createI18n } from "../../src/lib/i18n.js";
import { refusalText } from "../../src/scores/format.js";
import { readScoreFile } from "../../src/scores/service.js";
import { TableRefused } from "../../src/scores/table.js";
import { parse } from "csv-parse/sync";
import { toCsv } from "../scores/helpers.js";
import { LAI_CHAU, LAI_CHAU_SAMPLE, laiChau, laiChauMappingJson, withMapping } from "./helpers.js";

const t = createI18n().forLanguage("vi");

function sampleGrid(): string[][] {
  return parse(readFileSync(LAI_CHAU_SAMPLE), { bom: true, relax_column_count: true }) as string[][];
}

/** The sample with the unit of row `from` renamed `to`. */
function renamed(pairs: Array<[string, string]>): Buffer {
  const grid = sampleGrid();
  for (const [from, to] of pairs) {
    const row = grid.find((r) => r[1] === from);
    if (!row) throw new Error(`no row ${from}`);
    row[1] = to;
  }
  return toCsv(grid);
}

async function refusal(conference: ConferenceService, data: Buffer): Promise<string[]> {
  const err = await readScoreFile(conference, "bang-diem-2025.csv", data).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof TableRefused)) throw new Error("the table was taken");
  return refusalText(t, "bang-diem-2025.csv", err).split("\n");
}

describe("nhập bảng điểm năm 2025 của tỉnh Lai Châu", () => {
  it("bảng mẫu được nhận: 38 xã, phường, ghi là dữ liệu mẫu", async () => {
    const table = await readScoreFile(laiChau(), "lai-chau-2025.sample.csv", readFileSync(LAI_CHAU_SAMPLE));
    expect(table.units).toHaveLength(38);
    expect(table.sample).toBe(true);
    expect(table.year).toBe(2025);
  });

  it("dòng ghi tên xã cũ Mường So hay thị trấn Phong Thổ (nay cùng hợp thành xã Phong Thổ): từ chối, nêu rõ vì sao", async () => {
    const lines = await refusal(laiChau(), renamed([["Xã Phong Thổ", "Mường So"], ["Xã Bình Lư", "Thị trấn Phong Thổ"]]));
    expect(lines).toContain(
      '- Dòng 33 (Mường So): "Mường So" là tên xã Mường So trước khi sắp xếp, nay cùng xã Huổi Luông, thị trấn Phong Thổ, xã Ma Ly Pho hợp thành xã Phong Thổ, nên không rõ dòng này là điểm của đơn vị nào: vui lòng ghi tên đơn vị mới.',
    );
    expect(lines.some((l) => l.includes('(Thị trấn Phong Thổ): "Thị trấn Phong Thổ" là tên thị trấn Phong Thổ trước khi sắp xếp, nay cùng xã Huổi Luông, xã Ma Ly Pho, xã Mường So hợp thành xã Phong Thổ'))).toBe(true);
  });

  it("tên cũ của một đơn vị mới chỉ gồm trọn một đơn vị cũ (đổi tên): được nhận là đơn vị mới", async () => {
    // Mù Cả is one old commune unchanged: in a copy of the mapping, the old commune had another name.
    const json = laiChauMappingJson();
    const muCa = json.level2s.find((u) => u.level2_id === "03451");
    if (!muCa?.merges[0]) throw new Error("no Mù Cả");
    muCa.merges[0].name = "Xã Mù Cả Cũ";
    const conference = await withMapping(loadConference(LAI_CHAU), json);
    const table = await readScoreFile(conference, "bang-diem-2025.csv", renamed([["Xã Mù Cả", "Mù Cả Cũ"]]));
    expect(table.units.some((u) => u.unitId === "mu-ca")).toBe(true);
  });

  it("một xã cũ chia cho hai đơn vị mới: từ chối, nêu cả hai", async () => {
    const json = laiChauMappingJson();
    const tanPhong = json.level2s.find((u) => u.level2_id === "03408");
    const doanKet = json.level2s.find((u) => u.level2_id === "03388");
    if (!tanPhong || !doanKet) throw new Error("no wards");
    tanPhong.merges = tanPhong.merges.map((m) => (m.old_id === "03409" ? { ...m, type: "partial" } : m));
    doanKet.merges.push({ old_id: "03409", name: "Xã San Thàng", type: "partial" });
    const lines = await refusal(await withMapping(loadConference(LAI_CHAU), json), renamed([["Phường Tân Phong", "San Thàng"]]));
    expect(lines).toContain(
      '- Dòng 8 (San Thàng): "San Thàng" là tên xã San Thàng trước khi sắp xếp, nay chia vào phường Đoàn Kết, phường Tân Phong, nên không rõ dòng này là điểm của đơn vị nào: vui lòng ghi tên đơn vị mới.',
    );
  });

  it("xã Phong Thổ mới ghi điểm năm trước: từ chối, không so với điểm của các xã cũ", async () => {
    const grid = sampleGrid();
    const header = grid.find((r) => r[1] === "Đơn vị") as string[];
    header.push("Tổng năm trước");
    (grid.find((r) => r[1] === "Điểm tối đa") as string[]).push("100");
    for (const r of grid.slice(grid.indexOf(header) + 2)) r.push(r[1] === "Xã Phong Thổ" ? "75" : "");
    const lines = await refusal(laiChau(), toCsv(grid));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe(
      '- Dòng 33 (Xã Phong Thổ): Xã Phong Thổ được thành lập khi sắp xếp đơn vị hành chính, không có điểm năm trước của chính đơn vị nên không so sánh với điểm của đơn vị cũ: vui lòng để trống các cột "năm trước" của dòng này (điểm của các đơn vị cũ nhập riêng bằng lệnh hoinghi import-scores TỆP --previous).',
    );
  });
});
