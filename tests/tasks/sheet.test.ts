// The tracking sheet read back with exceljs (its columns, states, print settings, font), the loop that
// closes next year (the criterion's change once the next table is imported), and a sheet of tasks
// checked row by row and previewed before anything is added, from the command line.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { buildTasksSheet, TASKS_HEADER_ROW } from "../../src/documents/tasks-sheet.js";
import { readTaskFile, TaskSheetRefused } from "../../src/documents/tasks-import.js";
import { taskRefusalText } from "../../src/documents/tasks-text.js";
import { replaceScoreTable } from "../../src/domain/scores.js";
import { trackingSheetView } from "../../src/views/tasks.js";
import { type Ended, endedConference } from "./helpers.js";

let e: Ended | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await e?.h.close();
  e = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** Every row of the first sheet as text cells. */
async function rowsOf(data: Buffer): Promise<{ ws: ExcelJS.Worksheet; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)));
  });
  return { ws, rows };
}

describe("Bảng theo dõi nhiệm vụ", () => {
  it("lists each task with its unit, criterion, deadline, evidence and state; next year's table shows the criterion's change", async () => {
    e = await endedConference();
    const { h, org, muongSo } = e;
    await org.say("/nhiemvu giao Mường So | Rà soát, niêm yết công khai thủ tục hành chính | 3 | 15/7");
    await org.say("/nhiemvu giao Bản Lang, Mường So | Cập nhật hồ sơ điện tử | | 31/7");
    await muongSo.say("/nhiemvu 1 đã hoàn thành: niêm yết đủ 112 thủ tục");
    await org.say("/nhiemvu 1 chapnhan");
    const before = h.app.store.data.scores.current?.units.find((u) => u.unitId === "muong-so")?.fields.find((f) => f.id === "3");
    if (!before) throw new Error("no field 3 for Mường So");

    let view = trackingSheetView(h.app.store.data, h.app.services.conference, h.clock.now());
    let { ws, rows } = await rowsOf(await buildTasksSheet(view, h.app.services.i18n.forLanguage("vi")));
    expect(rows[1]?.[0]).toBe("BẢNG THEO DÕI NHIỆM VỤ");
    expect(rows[TASKS_HEADER_ROW - 1]).toEqual(["STT", "Đơn vị chủ trì", "Nội dung nhiệm vụ", "Tiêu chí", "Hạn hoàn thành", "Kết quả, minh chứng", "Trạng thái", "Thay đổi của tiêu chí"]);
    const body = rows.slice(TASKS_HEADER_ROW + 1).filter((r) => /^\d+$/.test(r[0] ?? ""));
    // In the conference's order of units, then by deadline.
    expect(body.map((r) => [r[1], r[4], r[6]])).toEqual([
      ["Bản Lang", "31/7/2027", "chưa hoàn thành (trong hạn)"],
      ["Mường So", "15/7/2027", "hoàn thành đúng hạn"],
      ["Mường So", "31/7/2027", "chưa hoàn thành (trong hạn)"],
    ]);
    body.shift();
    expect(body[0]?.[3]).toBe(`3 (năm 2023: ${String(before.final).replace(".", ",")}/${before.max})`);
    expect(body[0]?.[5]).toContain("niêm yết đủ 112 thủ tục");
    expect(body[0]?.[7]).toBe("");
    expect(rows.some((r) => r[0]?.startsWith("Tổng 3: hoàn thành đúng hạn 1"))).toBe(true);
    expect(ws.pageSetup.orientation).toBe("landscape");
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.printTitlesRow).toBe(`${TASKS_HEADER_ROW}:${TASKS_HEADER_ROW + 1}`);
    expect(ws.getCell(TASKS_HEADER_ROW + 2, 3).font?.name).toBe("Times New Roman");
    expect(ws.getCell(TASKS_HEADER_ROW + 2, 3).border?.left?.style).toBe("thin");

    // Next year: the 2024 table is imported (the same conference file kept); field 3 rose by 1.5.
    const current = h.app.store.data.scores.current;
    if (!current) throw new Error("no table");
    const next = structuredClone(current);
    next.year = 2024;
    for (const u of next.units) for (const f of u.fields) if (u.unitId === "muong-so" && f.id === "3") f.final = before.final + 1.5;
    const { importedAt: _a, importedBy: _b, ...table } = next;
    await replaceScoreTable(h.app.store, { table, by: "console:org-1", now: h.clock.now() });
    view = trackingSheetView(h.app.store.data, h.app.services.conference, h.clock.now());
    ({ rows } = await rowsOf(await buildTasksSheet(view, h.app.services.i18n.forLanguage("vi"))));
    const change = `Tiêu chí 3: ${String(before.final).replace(".", ",")} → ${String(before.final + 1.5).replace(".", ",")}/${before.max}`;
    expect(rows.find((r) => r[0] === "2")?.[7]).toBe(change);
    // The same on the organizer's /nhiemvu 1.
    expect(await org.say("/nhiemvu 1")).toContain(change);
  });
});

describe("giao nhiệm vụ từ bảng tính", () => {
  const csv = (lines: string[]) => Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`, "utf8");
  const HEADER = "STT,Đơn vị chủ trì,Đơn vị phối hợp,Nội dung nhiệm vụ,Tiêu chí,Hạn hoàn thành,\"Kết quả, minh chứng\",Báo cáo định kỳ";

  it("names each bad row with its reason and assigns nothing", async () => {
    e = await endedConference();
    const { h } = e;
    const data = csv([HEADER, "1,Mường Sa,,Rà soát thủ tục,3.2,30/7/2027,,", "2,Bản Lang,,,3,30/7/2027,,", "3,Nậm Xe,,Số hóa hồ sơ,ba,31/2/2027,,hằng quý"]);
    const refused = await readTaskFile(h.app.services.conference, "nhiem-vu.csv", data, h.clock.now()).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(TaskSheetRefused);
    const text = taskRefusalText(h.app.services.i18n.forLanguage("vi"), "nhiem-vu.csv", refused as TaskSheetRefused);
    expect(text.split("\n")).toEqual([
      "Chưa nhập được tệp nhiem-vu.csv: có 5 lỗi, chưa giao nhiệm vụ nào.",
      '- Dòng 2: không có đơn vị "Mường Sa". Có phải: Mường So?',
      "- Dòng 3: thiếu nội dung nhiệm vụ.",
      '- Dòng 4: "ba" không phải mã tiêu chí (ví dụ đúng: 3, 3.2, 4.2.1).',
      '- Dòng 4: không đọc được hạn "31/2/2027" (ghi như 30/6/2027).',
      '- Dòng 4: không hiểu "hằng quý" ở cột báo cáo định kỳ (để trống, "hằng tuần" hoặc "hằng tháng").',
      "Vui lòng sửa các dòng trên rồi tải tệp lên lại.",
    ]);
    expect(h.app.store.data.tasks.list).toEqual([]);
  });

  it("hoinghi import-tasks --check previews and adds nothing; without it, adds the new tasks once", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-import-tasks-"));
    dirs.push(dir);
    const file = path.join(dir, "nhiem-vu.csv");
    await writeFile(file, csv([HEADER, "1,Mường So,Bản Lang,Rà soát thủ tục hành chính,3,30/12/2099,Danh mục thủ tục niêm yết,hằng tháng", "2,Nậm Xe,,Số hóa hồ sơ,,31/12/2099,,"]));
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(`ERR ${l}`), env: { DATA_DIR: dir, LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
    expect(await runCli(["import-tasks", file, "--check"], io)).toBe(0);
    expect(out.join("\n")).toContain("Tệp nhiem-vu.csv: 2 nhiệm vụ; xác nhận sẽ giao 2 nhiệm vụ mới.");
    expect(await runCli(["import-tasks", file], io)).toBe(0);
    expect(out.at(-1)).toBe("Đã giao 2 nhiệm vụ cho 2 đơn vị. Thông báo tới các đơn vị đã được xếp vào hàng gửi và sẽ được gửi khi bot chạy.");
    expect(await runCli(["import-tasks", file], io)).toBe(0);
    expect(out.at(-1)).toBe("Không có nhiệm vụ mới: các nhiệm vụ trong tệp đều đã được giao.");
    const sheet = path.join(dir, "theo-doi.xlsx");
    expect(await runCli(["tasks", sheet], io)).toBe(0);
    const { rows } = await rowsOf(await import("node:fs/promises").then((f) => f.readFile(sheet)));
    expect(rows.find((r) => r[1]?.startsWith("Mường So"))?.slice(1, 3)).toEqual(["Mường So\nPhối hợp: Bản Lang", "Rà soát thủ tục hành chính"]);
    expect(await runCli(["tasks-template", path.join(dir, "mau.xlsx")], io)).toBe(0);
  });
});
