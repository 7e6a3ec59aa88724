// hoinghi import-scores và hoinghi score-template: nhập bảng điểm trên máy chủ, ghi tệp mẫu.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { createTestApp } from "../helpers/app.js";
import { rowOf, SAMPLE_FILE, sampleBytes, sampleGrid, toCsv } from "./helpers.js";
import type { CliIo } from "../../src/app/cli-core.js";

let dir: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-scores-cli-"));
  out = [];
  err = [];
  io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { DATA_DIR: path.join(dir, "data"), ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" },
    stdin: process.stdin,
    stdout: process.stdout,
  };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The app on the CLI's data folder, for looking at what the command left behind. */
const openData = () => createTestApp({ dir: path.join(dir, "data"), env: { ORGANIZER_IDS: "console:org-1" } });

describe("hoinghi import-scores", () => {
  it("prints what it read and replaces the table at once, unpublished", async () => {
    expect(await runCli(["import-scores", SAMPLE_FILE], io)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
    expect(text).toContain("Đã đọc bảng điểm năm 2023 từ tệp phong-tho-2023.sample.csv: 17 đơn vị, 8 lĩnh vực, tổng điểm tối đa 100.");
    expect(text).toContain("3 đơn vị cao nhất:\n1. Thị trấn Phong Thổ: 88/100 điểm, Tốt");
    expect(text).toContain("Đã nhập bảng điểm năm 2023: 17 đơn vị.");
    expect(text).toContain("Kết quả chưa công bố.");
    expect(err).toEqual([]);
    const h = await openData();
    try {
      expect(h.app.store.data.scores.current?.units).toHaveLength(17);
      expect(h.app.store.data.scores.current?.importedBy).toBe("cli:hoinghi");
      expect(h.app.store.data.scores.publishedAt).toBeUndefined();
      expect(await h.person("Khách").say("/diem Mường So")).toContain("chưa được công bố");
    } finally {
      await h.close();
    }
  });

  it("refuses a broken file with the row and the reason, exits 1, and keeps the table it had", async () => {
    expect(await runCli(["import-scores", SAMPLE_FILE], io)).toBe(0);
    const g = sampleGrid();
    const line = rowOf(g, "Xã Mường So").line;
    (g[rowOf(g, "Xã Mường So").index] as string[])[1] = "Xã Mường Sao";
    const broken = path.join(dir, "loi.csv");
    await writeFile(broken, toCsv(g));
    out = [];
    expect(await runCli(["import-scores", broken], io)).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("Không nhập được bảng điểm từ tệp loi.csv (1 lỗi); bảng điểm hiện tại giữ nguyên.");
    expect(text).toContain(`- Dòng ${line} (Xã Mường Sao): không có đơn vị "Xã Mường Sao". Có phải: Mường So`);
    expect(out).toEqual([]);
    const h = await openData();
    try {
      expect(h.app.store.data.scores.current?.units.some((u) => u.unitId === "muong-so")).toBe(true);
      expect(h.app.store.data.scores.previousTables).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it("says so for a missing file, a file over 5 MB and an unknown option", async () => {
    expect(await runCli(["import-scores", path.join(dir, "khong-co.csv")], io)).toBe(1);
    expect(err.pop()).toBe(`Không tìm thấy tệp ${path.join(dir, "khong-co.csv")}.`);
    const big = path.join(dir, "lon.csv");
    await writeFile(big, Buffer.concat([sampleBytes(), Buffer.alloc(5_000_001, 0x20)]));
    expect(await runCli(["import-scores", big], io)).toBe(1);
    expect(err.pop()).toContain("- tệp lớn hơn 5 MB.");
    expect(await runCli(["import-scores", SAMPLE_FILE, "--cong-bo"], io)).toBe(1);
    expect(err.pop()).toContain("Cách dùng: hoinghi import-scores");
    expect(await runCli(["import-scores"], io)).toBe(1);
  });

  it("with --publish publishes at once and queues each unit's result for its delegates", async () => {
    let h = await openData();
    const d = await h.delegate("Mường So");
    await h.close();
    expect(await runCli(["import-scores", SAMPLE_FILE, "--publish"], io)).toBe(0);
    const text = out.join("\n");
    expect(text).toContain("Đã công bố. Đã gửi kết quả tới 0/1 tài khoản đại biểu.");
    expect(text).toContain("sẽ được gửi khi bot chạy");
    h = await openData();
    try {
      expect(h.app.store.data.scores.publishedAt).toBeDefined();
      expect(h.app.store.data.scores.publishedBy).toBe("cli:hoinghi");
      // Once the bot runs again, the queued result reaches the delegate.
      for (let i = 0; i < 100 && h.sent.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(h.sent.map((m) => m.account)).toEqual([d.key]);
      expect(h.sent[0]?.text).toContain("CHỈ SỐ CCHC NĂM 2023 — UBND xã Mường So");
    } finally {
      await h.close();
    }
  });
});

describe("hoinghi score-template", () => {
  it("writes the template with the conference's year and its 17 communes and town, as .csv and as .xlsx", async () => {
    const csv = path.join(dir, "mau.csv");
    expect(await runCli(["score-template", csv], io)).toBe(0);
    expect(out.pop()).toBe(`Đã ghi tệp mẫu ${csv} (17 xã, thị trấn).`);
    const text = (await readFile(csv, "utf8")).replace(/^\uFEFF/, "");
    expect(text).toContain("\r\nNăm,2023\r\n");
    expect(text).toContain("STT,Đơn vị,");
    // Each field: its maxima under its four score columns, none under its note column.
    expect(text).toContain("\r\n,Điểm tối đa,12,12,12,12,,8,8,8,8,,");
    expect(text).toContain("1. Công tác chỉ đạo, điều hành cải cách hành chính (ghi chú thẩm định)");
    expect(text).toContain("\r\n17,Lản Nhì Thàng,");
    expect(text).toContain("\r\n1,Thị trấn Phong Thổ,");

    const xlsx = path.join(dir, "mau.xlsx");
    expect(await runCli(["score-template", xlsx], io)).toBe(0);
    expect((await readFile(xlsx)).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(await runCli(["score-template", path.join(dir, "mau.txt")], io)).toBe(1);
    expect(err.pop()).toBe("Tệp mẫu phải có đuôi .xlsx hoặc .csv.");
  });

  it("a template with no scores filled in is refused row by row, not taken", async () => {
    const csv = path.join(dir, "mau.csv");
    await runCli(["score-template", csv], io);
    expect(await runCli(["import-scores", csv], io)).toBe(1);
    const text = err.join("\n");
    expect(text).toContain("(Thị trấn Phong Thổ): thiếu điểm");
    expect(text).toContain("có ít nhất 15 lỗi");
    expect(text).toContain("… Bot dừng kiểm tra ở dòng");
  });
});
