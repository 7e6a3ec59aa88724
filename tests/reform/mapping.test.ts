// The 2025 mapping shipped with the project: Phong Thổ's old communes in the new commune Phong Thổ, and back.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { ConferenceFileError } from "../../src/conference/errors.js";
import { loadConference } from "../../src/conference/load.js";
import { hasLastYear, isOneToOne, newUnitsOf, oldUnitsOf } from "../../src/domain/reform.js";
import { LAI_CHAU, laiChau, laiChauMappingJson, withMapping } from "./helpers.js";

describe("tệp đối chiếu đơn vị hành chính cũ – mới của tỉnh Lai Châu", () => {
  it("xã Phong Thổ mới gồm trọn bốn đơn vị cũ: Huổi Luông, thị trấn Phong Thổ, Ma Ly Pho, Mường So", () => {
    const mapping = laiChau().reform;
    if (!mapping) throw new Error("no mapping");
    const phongTho = oldUnitsOf(mapping, "03549");
    expect(phongTho.map((m) => `${m.old.name} (${m.type})`)).toEqual([
      "Xã Huổi Luông (full)",
      "Thị trấn Phong Thổ (full)",
      "Xã Ma Ly Pho (full)",
      "Xã Mường So (full)",
    ]);
    expect(phongTho.map((m) => m.old.kind)).toEqual(["commune", "town", "commune", "commune"]);
  });

  it("và ngược lại: xã Mường So cũ nay thuộc xã Phong Thổ; xã Lả Nhì Thàng cũ thuộc phường Đoàn Kết", () => {
    const mapping = laiChau().reform;
    if (!mapping) throw new Error("no mapping");
    expect(newUnitsOf(mapping, "03589").map((n) => n.unit.name)).toEqual(["Xã Phong Thổ"]);
    expect(newUnitsOf(mapping, "03391").map((n) => `${n.unit.name}, ${n.unit.kind}`)).toEqual(["Phường Đoàn Kết, ward"]);
  });

  it("38 đơn vị mới (36 xã, 2 phường), đúng tên trong tệp hội nghị; chỉ Mù Cả và Tà Tổng giữ nguyên một đơn vị cũ", () => {
    const conference = laiChau();
    const mapping = conference.reform;
    if (!mapping) throw new Error("no mapping");
    expect(mapping.units).toHaveLength(38);
    expect(mapping.units.filter((u) => u.unit.kind === "ward").map((u) => u.unit.shortName)).toEqual(["Đoàn Kết", "Tân Phong"]);
    const local = conference.units().filter((u) => u.kind !== "agency");
    expect(local.map((u) => `${u.code} ${u.name}`).sort()).toEqual(mapping.units.map((u) => `${u.unit.code} ${u.unit.shortName}`).sort());
    expect(mapping.units.filter((u) => isOneToOne(mapping, u.unit.code)).map((u) => u.unit.shortName)).toEqual(["Mù Cả", "Tà Tổng"]);
    expect(hasLastYear(conference, "phong-tho")).toBe(false);
    expect(hasLastYear(conference, "mu-ca")).toBe(true);
    expect(hasLastYear(conference, "so-noi-vu")).toBe(true);
  });

  it("một đơn vị cũ chia cho hai đơn vị mới: mỗi bên ghi “một phần”", async () => {
    const json = laiChauMappingJson();
    const doanKet = json.level2s.find((u) => u.level2_id === "03388");
    if (!doanKet) throw new Error("no Đoàn Kết");
    doanKet.merges.push({ old_id: "03389", name: "Phường Đoàn Kết", type: "partial" });
    const tanPhong = json.level2s.find((u) => u.level2_id === "03408");
    tanPhong?.merges.push({ old_id: "03389", name: "Phường Đoàn Kết", type: "partial" });
    const mapping = (await withMapping(loadConference(LAI_CHAU), json)).reform;
    if (!mapping) throw new Error("no mapping");
    expect(newUnitsOf(mapping, "03389").map((n) => `${n.unit.name}: ${n.type}`)).toEqual(["Phường Đoàn Kết: full", "Phường Đoàn Kết: partial", "Phường Tân Phong: partial"]);
  });

  it("ghi kèm nguồn, ngày chụp và giấy phép MIT của bộ dữ liệu", () => {
    const dir = path.join(ROOT, "reference", "dvhc-2025");
    const json = laiChauMappingJson();
    expect([json.dataset, json.snapshot, json.effective]).toEqual(["dvhcvn/20250701", "2026-12-06", "2025-07-01"]);
    expect(readFileSync(path.join(dir, "LICENSE"), "utf8")).toContain("Copyright (c) 2025 dvhcvn");
    expect(readFileSync(path.join(dir, "README.md"), "utf8")).toContain("Nghị quyết 1670/NQ-UBTVQH15");
  });

  it("tệp đối chiếu sai đường dẫn hay sai nội dung: tệp hội nghị bị từ chối, nêu tên trường reform.mapping", async () => {
    const conf = loadConference(LAI_CHAU);
    const broken = { ...laiChauMappingJson(), level2s: [{ level2_id: "03549", name: "Xã Phong Thổ", merges: [] }] };
    const attempt = () => withMapping(conf, broken);
    await expect(attempt()).rejects.toBeInstanceOf(ConferenceFileError);
    await expect(attempt()).rejects.toMatchObject({ field: "reform.mapping", code: "conf-err-mapping" });
    // How a name tells its kind is the file's to say: without it, the mapping is refused too.
    const { kinds: _kinds, ...withoutKinds } = laiChauMappingJson();
    await expect(withMapping(conf, withoutKinds)).rejects.toMatchObject({ field: "reform.mapping", code: "conf-err-mapping" });
  });
});
