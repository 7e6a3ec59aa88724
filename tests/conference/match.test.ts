// Finding a unit by what a person typed: diacritics, case, kind words and spelling variants.
import { describe, expect, it } from "vitest";
import { editDistance, findUnit, normalizeName } from "../../src/conference/match.js";
import { loadConference } from "../../src/conference/load.js";
import { SHIPPED } from "./helpers.js";

const units = loadConference(SHIPPED).units;

function found(query: string): string | undefined {
  return findUnit(units, query).unit?.id;
}

function suggested(query: string): string[] {
  const m = findUnit(units, query);
  expect(m.unit, `no exact unit for ${query}`).toBeUndefined();
  return "suggestions" in m ? m.suggestions.map((u) => u.id) : [];
}

describe("normalizeName", () => {
  it("strips diacritics, đ, case, punctuation and kind words", () => {
    expect(normalizeName("  MƯỜNG   So ")).toBe("muong so");
    expect(normalizeName("UBND xã Mường So")).toBe("muong so");
    expect(normalizeName("Ủy ban nhân dân xã Mường So")).toBe("muong so");
    expect(normalizeName("Uỷ ban nhân dân thị trấn Phong Thổ")).toBe("phong tho");
    expect(normalizeName("Văn phòng HĐND-UBND huyện")).toBe("van phong hdnd ubnd huyen");
    expect(normalizeName("xã")).toBe("xa");
  });

  it("counts a swapped pair of letters as one edit", () => {
    expect(editDistance("muong so", "muogn so")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("ma li pho", "ma ly pho")).toBe(1);
  });
});

describe("findUnit", () => {
  it("finds Mường So however it is typed", () => {
    expect(found("muong so")).toBe("muong-so");
    expect(found("MƯỜNG SO")).toBe("muong-so");
    expect(found("UBND xã Mường So")).toBe("muong-so");
    expect(found("muongso")).toBe("muong-so");
    expect(found("muong-so")).toBe("muong-so");
    expect(found("03589")).toBe("muong-so");
  });

  it("accepts the other spellings of the list", () => {
    expect(found("Tông Qua Lìn")).toBe("tung-qua-lin");
    expect(found("ma ly pho")).toBe("ma-li-pho");
    expect(found("Lả Nhì Thàng")).toBe("lan-nhi-thang");
    expect(found("sì lờ lầu")).toBe("si-lo-lau");
    expect(found("thị trấn Phong Thổ")).toBe("thi-tran-phong-tho");
    expect(found("UB MTTQ VN huyện")).toBe("mttq");
  });

  it("takes other diacritics on the same letters as the unit meant (Mường Sơ is Mường So)", () => {
    expect(found("Mường Sơ")).toBe("muong-so");
  });

  it("suggests the closest names for a typo, Mường So first", () => {
    expect(suggested("Muong Sa")[0]).toBe("muong-so");
    expect(suggested("Mường Xo")[0]).toBe("muong-so");
    expect(suggested("Tung Qua Lin xa")[0]).toBe("tung-qua-lin");
    expect(suggested("Vang Ma Chai 2")[0]).toBe("vang-ma-chai");
  });

  it("suggests names that start with or contain what was typed", () => {
    expect(suggested("Mường")[0]).toBe("muong-so");
    expect(suggested("Nhì Thàng")).toEqual(["lan-nhi-thang"]);
    expect(suggested("ma").length).toBeLessThanOrEqual(3);
  });

  it("suggests nothing for a name far from every unit, or for nothing typed", () => {
    expect(suggested("Hà Nội")).toEqual([]);
    expect(suggested("   ")).toEqual([]);
  });
});
