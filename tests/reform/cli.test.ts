// hoinghi import-scores FILE --previous: the old district's table kept as the old units' figures of a province.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { createTestApp } from "../helpers/app.js";
import { LAI_CHAU, LAI_CHAU_SAMPLE, PHONG_THO_SAMPLE } from "./helpers.js";

let dir: string;
let out: string[];
let err: string[];
let io: CliIo;
const env = () => ({ DATA_DIR: path.join(dir, "data"), CONFERENCE_FILE: LAI_CHAU, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" });

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-reform-cli-"));
  out = [];
  err = [];
  io = { out: (l) => out.push(l), err: (l) => err.push(l), env: env(), stdin: process.stdin, stdout: process.stdout };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("hoinghi import-scores --previous của tỉnh Lai Châu", () => {
  it("lưu bảng điểm năm 2023 của huyện Phong Thổ cũ làm điểm của các đơn vị cũ, không đụng tới bảng điểm 2025", async () => {
    expect(await runCli(["import-scores", LAI_CHAU_SAMPLE, "--publish"], io)).toBe(0);
    expect(await runCli(["import-scores", PHONG_THO_SAMPLE, "--previous"], io)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("1. Thị trấn Phong Thổ: 88/100 điểm");
    expect(text).toContain("Đã lưu bảng điểm năm 2023 của 17 đơn vị cũ (trước khi sắp xếp) để tham chiếu; bảng điểm hiện tại không thay đổi.");
    // Imported again: the same old units' table of the same year replaces the first, it is not kept twice.
    expect(await runCli(["import-scores", PHONG_THO_SAMPLE, "--previous"], io)).toBe(0);
    expect(err).toEqual([]);
    const h = await createTestApp({ dir: path.join(dir, "data"), env: { CONFERENCE_FILE: LAI_CHAU, ORGANIZER_IDS: "console:org-1" } });
    try {
      const scores = h.app.store.data.scores;
      expect([scores.current?.year, scores.current?.units.length, Boolean(scores.publishedAt)]).toEqual([2025, 38, true]);
      expect(scores.previousTables.map((t) => [t.year, t.units.length])).toEqual([[2023, 17]]);
      expect(scores.previousTables[0]?.units.find((u) => u.unitId === "old:03589")?.total).toBe(83.5);
    } finally {
      await h.close();
    }
  });

  it("--previous cùng --publish: từ chối bằng một câu, không lưu gì", async () => {
    expect(await runCli(["import-scores", PHONG_THO_SAMPLE, "--previous", "--publish"], io)).toBe(1);
    expect(err).toEqual(["Bảng điểm của các đơn vị cũ (--previous) chỉ được lưu để tham chiếu, không công bố: vui lòng bỏ --publish."]);
  });
});
