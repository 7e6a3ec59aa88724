// The table format, piece by piece: headers, numbers, separators, ranking with ties, classification, and what a table must say.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { loadConference } from "../../src/conference/load.js";
import { findUnit } from "../../src/conference/match.js";
import { createI18n } from "../../src/lib/i18n.js";
import { unitResultText } from "../../src/scores/format.js";
import { weakest } from "../../src/views/scores.js";
import { guessDelimiter, type SheetRow } from "../../src/scores/sheet.js";
import { classify, columnLetter, type ParseOptions, parseScore, parseTable, rankUnits, splitHeader, TableRefused } from "../../src/scores/table.js";
import type { UnitScore } from "../../storage/schema.js";

const conf = loadConference(path.join(ROOT, "conferences", "phong-tho-2023.yaml"));
const options = (extra: Partial<ParseOptions> = {}): ParseOptions => ({
  findUnit: (q) => findUnit(conf.units, q),
  classification: conf.scores?.classification,
  defaultYear: 2023,
  source: "bang-diem.csv",
  ...extra,
});
const rows = (grid: string[][]): SheetRow[] => grid.map((cells, i) => ({ line: i + 1, cells }));

function refusal(grid: string[][], extra: Partial<ParseOptions> = {}): string[] {
  try {
    parseTable(rows(grid), options(extra));
  } catch (err) {
    if (err instanceof TableRefused) return err.problems.map((p) => `${p.line ?? "-"} ${p.key}`);
    throw err;
  }
  throw new Error("not refused");
}

describe("headers", () => {
  it("split a field's number, name, maximum and kind of score, in either order", () => {
    expect(splitHeader("2. Cải cách thể chế [10] (thẩm định)")).toEqual({ base: "2. Cải cách thể chế", max: 10, value: "appraised" });
    expect(splitHeader("2. Cải cách thể chế (Tự đánh giá) [12,5]")).toEqual({ base: "2. Cải cách thể chế", max: 12.5, value: "self" });
    expect(splitHeader("Cải cách thủ tục hành chính (một cửa, một cửa liên thông)")).toEqual({ base: "Cải cách thủ tục hành chính (một cửa, một cửa liên thông)" });
    expect(splitHeader("Tổng năm trước")).toEqual({ base: "Tổng", value: "previous" });
    expect(splitHeader("Tong diem (nam truoc) [100]")).toEqual({ base: "Tong diem", max: 100, value: "previous" });
    expect(splitHeader("Cải cách thể chế [mười]")).toMatchObject({ badMax: "mười" });
  });

  it("read numbers with a decimal comma or point, and name columns as Excel does", () => {
    expect(parseScore("8,5")).toBe(8.5);
    expect(parseScore(" 12 ")).toBe(12);
    expect(parseScore("8.499999999")).toBe(8.5);
    expect(parseScore("")).toBeUndefined();
    expect(parseScore("8,5 điểm")).toBeNaN();
    expect(parseScore("1.234,5")).toBeNaN();
    expect([0, 25, 26, 27, 701].map(columnLetter)).toEqual(["A", "Z", "AA", "AB", "ZZ"]);
  });

  it("tell a comma CSV from a semicolon one, whatever the notes above the header say", () => {
    expect(guessDelimiter('Ghi chú: a, b, c\nĐơn vị;1. A [10];Tổng\nMường So;8,5;8,5\n')).toBe(";");
    expect(guessDelimiter('"Ghi chú; x"\nĐơn vị,"1. A, B [10]",Tổng\n')).toBe(",");
    expect(guessDelimiter('"Cột ""Đơn vị"": tên xã, thị trấn, ..."\nĐơn vị;1. A [10];Tổng\n')).toBe(";");
  });
});

describe("ranking and classification", () => {
  it("gives equal totals the same rank and counts every unit of the table", () => {
    const u = (unitId: string, total: number): UnitScore => ({ unitId, total, max: 100, rank: 0, rankOf: 0, classification: "", fields: [] });
    const ranked = rankUnits([u("a", 70), u("b", 90), u("c", 70.001), u("d", 60)]);
    expect(ranked.map((x) => [x.unitId, x.rank, x.rankOf])).toEqual([
      ["b", 1, 4],
      ["a", 2, 4],
      ["c", 2, 4],
      ["d", 4, 4],
    ]);
  });

  it("classifies by the first cut-off reached, best first, and not at all below the lowest", () => {
    const steps = [
      { label: "Tốt", min_percent: 80 },
      { label: "Khá", min_percent: 65 },
    ];
    expect(classify(80, steps)).toBe("Tốt");
    expect(classify(79.999999, steps)).toBe("Tốt");
    expect(classify(79.99, steps)).toBe("Khá");
    expect(classify(10, steps)).toBeUndefined();
  });
});

describe("a table", () => {
  const header = ["Đơn vị", "1. Chỉ đạo [40]", "2. Thủ tục [60]", "Tổng"];

  it("may give maxima in brackets, take its classification from a column, its year from a row, and skip total rows", () => {
    const t = parseTable(
      rows([
        ["Năm: 2022"],
        [...header, "Xếp loại", "Tổng năm trước", "Xếp hạng năm trước", "Xếp loại năm trước"],
        ["Xã Mường So", "30", "45,5", "75,5", "Khá", "70", "2", "Trung bình"],
        ["Ma Ly Pho", "35", "50", "85", "", "", "", ""],
        ["Tổng cộng", "65", "95,5", "160,5", "", "", "", ""],
      ]),
      options(),
    );
    expect(t.year).toBe(2022);
    expect(t.sample).toBe(false);
    expect(t.units.map((u) => [u.unitId, u.rank, u.classification])).toEqual([
      ["ma-li-pho", 1, "Tốt"],
      ["muong-so", 2, "Khá"],
    ]);
    expect(t.units[1]?.previous).toEqual({ total: 70, max: 100, rank: 2, classification: "Trung bình" });
    expect(t.units[0]?.previous).toBeUndefined();
  });

  it("takes the row with the unit column as the header, not a note 'Đơn vị tính: điểm' above it", () => {
    const t = parseTable(rows([["Đơn vị tính: điểm", "Năm 2023"], header, ["Mường So", "30", "45", "75"]]), options());
    expect(t.units.map((u) => [u.unitId, u.total])).toEqual([["muong-so", 75]]);
  });

  it("is sample data when a note above the header starts with DỮ LIỆU MẪU, or its file name says sample", () => {
    const grid = [["Dữ liệu mẫu - để thử"], header, ["Mường So", "30", "45", "75"]];
    expect(parseTable(rows(grid), options()).sample).toBe(true);
    expect(parseTable(rows(grid.slice(1)), options({ source: "bang.sample.csv" })).sample).toBe(true);
    expect(parseTable(rows([["Không phải dữ liệu mẫu"], ...grid.slice(1)]), options()).sample).toBe(false);
  });

  it("needs a year, and a classification from a column or the conference file", () => {
    const grid = [header, ["Mường So", "30", "45", "75"]];
    expect(refusal(grid, { defaultYear: undefined })).toEqual(["- scores-err-no-year"]);
    expect(refusal(grid, { classification: undefined })).toEqual(["- scores-err-no-classification"]);
    expect(refusal([header, ["Mường So", "3", "4", "7"]], { classification: [{ label: "Tốt", min_percent: 50 }] })).toEqual(["2 scores-err-no-class"]);
  });

  it("refuses header faults: a field without maximum, maxima that disagree with the total, a column twice", () => {
    expect(refusal([["Đơn vị", "1. Chỉ đạo", "Tổng"], ["Mường So", "3", "3"]])).toEqual(["1 scores-err-field-no-max"]);
    expect(refusal([["Đơn vị", "1. Chỉ đạo [40]", "2. Thủ tục [50]", "Tổng [100]"], ["Mường So", "3", "3", "6"]])).toEqual(["1 scores-err-total-max"]);
    expect(refusal([[...header, "2. Thủ tục [60]"], ["Mường So", "3", "3", "6", "3"]])).toEqual(["1 scores-err-column-twice"]);
    expect(refusal([["Đơn vị", "1. Chỉ đạo [40]", "1.1 Kế hoạch [10]", "Tổng"], ["Mường So", "3", "3", "3"]])).toEqual(["1 scores-err-children-max"]);
    expect(refusal([["Đơn vị", "1. Chỉ đạo [40]", "1. Chỉ đạo [30] (thẩm định)", "Tổng"], ["Mường So", "3", "3", "3"]])).toEqual(["1 scores-err-max-conflict"]);
    expect(refusal([["Đơn vị", "Tổng"], ["Mường So", "3"]])).toEqual(["1 scores-err-no-fields"]);
    expect(refusal([header])).toEqual(["- scores-err-no-units"]);
  });

  it("refuses row faults: a missing name, criteria that do not add up, a previous rank without a previous total", () => {
    expect(refusal([header, ["", "30", "45", "75"]])).toEqual(["2 scores-err-unit-missing"]);
    expect(
      refusal([
        ["Đơn vị", "1. Chỉ đạo [10]", "1.1 A [4]", "1.2 B [6]", "Tổng"],
        ["Mường So", "9", "4", "4", "9"],
      ]),
    ).toEqual(["2 scores-err-children-sum"]);
    expect(refusal([[...header, "Xếp hạng năm trước"], ["Mường So", "30", "45", "75", "3"]])).toEqual(["2 scores-err-rank-without-total"]);
    expect(refusal([[...header, "Tổng năm trước", "Xếp hạng năm trước"], ["Mường So", "30", "45", "75", "70", "ba"]])).toEqual(["2 scores-err-bad-rank"]);
  });
});

describe("where a unit lost points", () => {
  const t = createI18n().forLanguage("vi");
  const table = { year: 2023, importedAt: "", importedBy: "", source: "", sample: false, units: [] };
  const field = (id: string, max: number, final: number, previous?: number) => ({ id, name: `Lĩnh vực ${id}`, max, final, previous });
  const unit = (fields: ReturnType<typeof field>[]): UnitScore => ({
    unitId: "muong-so",
    total: fields.reduce((s, f) => s + f.final, 0),
    max: 40,
    rank: 1,
    rankOf: 1,
    classification: "Khá",
    fields,
  });

  it("names the fields that rose most when none fell since last year", () => {
    const text = unitResultText(t, table, unit([field("1", 10, 9, 8), field("2", 10, 7, 4), field("3", 20, 15, 15)]), "UBND xã Mường So", { sample: false, preview: false });
    expect(text).toContain("Không lĩnh vực nào giảm điểm so với năm trước; tăng nhiều nhất:\n- 2. Lĩnh vực 2: tăng 3 điểm (4 → 7)\n- 1. Lĩnh vực 1: tăng 1 điểm (8 → 9)");
  });

  it("without last year's figures, names the fields that lost most against their maximum, at most three", () => {
    const w = weakest(unit([field("1", 10, 9), field("2", 10, 4), field("3", 10, 10), field("4", 5, 3), field("5", 5, 4.5)]));
    expect(w.basis).toBe("max");
    expect(w.items.map((i) => [i.field.id, i.diff])).toEqual([
      ["2", 6],
      ["4", 2],
      ["1", 1],
    ]);
  });
});
