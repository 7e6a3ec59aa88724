// Ban tổ chức keeps the bot's conferences from the command line: `hoinghi conference list` shows Phong Thổ's
// 2023 conference running, `add` opens Lai Châu's 2025 conference beside it (the delegates who joined
// before get its giấy mời, without a new code), `close` ends the 2023 one for good, whose workbook is
// still written. Beside a running bot, add and close are handed to it through DATA_DIR/spool and the
// bot serves the new conference at once.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { ROOT } from "../../src/config/paths.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { botRunning } from "./helpers.js";

const PHONG_THO = path.join(ROOT, "conferences", "phong-tho-2023.yaml");
const LAI_CHAU = path.join(ROOT, "conferences", "lai-chau-2025.yaml");

let work: string;
let out: string[];
let err: string[];
let io: CliIo;

function ioFor(dataDir: string): CliIo {
  return { out: (l) => out.push(l), err: (l) => err.push(l), env: { DATA_DIR: dataDir, CONFERENCE_FILE: PHONG_THO, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
}

beforeEach(async () => {
  work = await mkdtemp(path.join(tmpdir(), "hoinghi-conference-cli-"));
  out = [];
  err = [];
  io = ioFor(path.join(work, "data"));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

/** What `hoinghi conference list --json` says, each conference as id and status. */
async function listed(): Promise<Array<{ id: string; status: string; title: string; closedAt?: string }>> {
  out.length = 0;
  expect(await runCli(["conference", "list", "--json"], io)).toBe(0);
  const rows = JSON.parse(out.join("\n")) as Array<{ id: string; status: string; title: string; closedAt?: string }>;
  out.length = 0;
  return rows;
}

/** Every cell of the workbook's sheets, as text, sheet by sheet (but the minute it was made: "Xuất lúc …"). */
async function cells(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  return book.worksheets.map((sheet) => {
    const seen: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => seen.push(String(cell.text).replace(/^Xuất lúc .*/, "Xuất lúc …"))));
    return seen;
  });
}

describe("hoinghi conference: Ban tổ chức thêm, xem và kết thúc các hội nghị", () => {
  it("on a fresh store the list shows Phong Thổ's 2023 conference running, the one of CONFERENCE_FILE", async () => {
    expect(await runCli(["conference", "list"], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out[0]).toBe("Các hội nghị (1), hội nghị đang diễn ra trước:");
    expect(out[1]).toMatch(/^phong-tho-2023 · Đang diễn ra · Hội nghị Chỉ số CCHC năm 2023 · thêm ngày \d{1,2}\/\d{1,2}\/\d{4} · tệp .*phong-tho-2023\.yaml \(hội nghị của CONFERENCE_FILE\)$/);
  });

  it("Lai Châu's 2025 conference is added beside it; added again it is refused and nothing changes", async () => {
    expect(await runCli(["conference", "add", LAI_CHAU], io)).toBe(0);
    expect(err).toEqual([]);
    const said = out.join("\n");
    expect(said).toContain("Đã thêm hội nghị “lai-chau-2025” (Hội nghị Chỉ số CCHC năm 2025): hội nghị đang diễn ra, bot phục vụ ngay.");
    // Nobody has joined yet: every unit's letter goes on paper, printed with the conference's own file.
    expect(said).toContain("Chưa đơn vị nào được hội nghị mời có đại biểu đã tham gia bot");
    expect(said).toContain("54 đơn vị chưa có ai tham gia bot: Đoàn Kết, Tân Phong,");
    expect(said).toContain(`CONFERENCE_FILE=${LAI_CHAU} npx hoinghi invitations THƯ-MỤC`);
    const both = await listed();
    expect(both.map((c) => [c.id, c.status])).toEqual([
      ["phong-tho-2023", "running"],
      ["lai-chau-2025", "running"],
    ]);

    expect(await runCli(["conference", "add", LAI_CHAU], io)).toBe(1);
    expect(err).toEqual(["Đã có hội nghị mã “lai-chau-2025” (Hội nghị Chỉ số CCHC năm 2025); mỗi hội nghị một mã riêng (dòng id trong tệp hội nghị)."]);
    expect(out).toEqual([]);
    expect(await listed()).toEqual(both);
  }, 60_000);

  it("a conference file with a wrong value is refused with the loader's sentence and its line; nothing is added", async () => {
    const text = (await readFile(LAI_CHAU, "utf8")).replace("id: lai-chau-2025", "id: lai-chau-2026").replace("level: province", "level: huyen");
    const line = text.split("\n").indexOf("level: huyen") + 1;
    expect(line).toBeGreaterThan(1);
    const bad = path.join(work, "hoi-nghi-sai.yaml");
    await writeFile(bad, text);
    expect(await runCli(["conference", "add", bad], io)).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`Tệp hội nghị ${bad}, dòng ${line}: trường level không nhận giá trị “huyen”`);
    expect(out).toEqual([]);
    expect((await listed()).map((c) => c.id)).toEqual(["phong-tho-2023"]);
  });

  it("closing the 2023 conference says what it means; it is listed closed, its workbook is still written, the same; closed again is refused", async () => {
    const before = path.join(work, "truoc.xlsx");
    expect(await runCli(["export", before], io)).toBe(0);
    expect(await runCli(["conference", "add", LAI_CHAU], io)).toBe(0);
    out.length = 0;

    expect(await runCli(["conference", "close", "phong-tho-2023"], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain("Đã kết thúc hội nghị “phong-tho-2023” (Hội nghị Chỉ số CCHC năm 2023), không mở lại được.");
    expect(out[0]).toContain("số liệu của hội nghị chỉ để xem");
    expect(out[0]).toContain(`CONFERENCE_FILE=${PHONG_THO}`);
    const rows = await listed();
    expect(rows.map((c) => [c.id, c.status])).toEqual([
      ["lai-chau-2025", "running"],
      ["phong-tho-2023", "closed"],
    ]);
    expect(rows[1]?.closedAt).toBeDefined();
    out.length = 0;
    expect(await runCli(["conference", "list"], io)).toBe(0);
    expect(out[2]).toMatch(/^phong-tho-2023 · Đã kết thúc · Hội nghị Chỉ số CCHC năm 2023 · kết thúc ngày \d{1,2}\/\d{1,2}\/\d{4} · /);

    // Read only, still readable: the workbook of the closed conference, as it was.
    out.length = 0;
    const after = path.join(work, "sau.xlsx");
    expect(await runCli(["export", after], io)).toBe(0);
    expect(out[0]).toMatch(new RegExp(`^Đã ghi ${after.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: \\d+ vị trí`));
    expect((await cells(after)).flat()).toEqual(expect.arrayContaining(["Mường So", "Xuất lúc …"]));
    expect(await cells(after)).toEqual(await cells(before));

    out.length = 0;
    expect(await runCli(["conference", "close", "phong-tho-2023"], io)).toBe(1);
    expect(err).toEqual(["Hội nghị Chỉ số CCHC năm 2023 đã kết thúc từ trước; không có gì thay đổi."]);
    expect(await runCli(["conference", "close", "hoi-nghi-khac"], io)).toBe(1);
    expect(err[1]).toBe("Không có hội nghị “hoi-nghi-khac” đang diễn ra. Xem danh sách: npx hoinghi conference list.");
    expect(out).toEqual([]);
  }, 60_000);

  it("a missing file or id, an unknown action and --json where it is not taken are refused with the usage", async () => {
    expect(await runCli(["conference", "add"], io)).toBe(1);
    expect(await runCli(["conference", "close"], io)).toBe(1);
    expect(await runCli(["conference", "mo", "phong-tho-2023"], io)).toBe(1);
    expect(await runCli(["conference", "close", "phong-tho-2023", "--json"], io)).toBe(1);
    expect(err.map((e) => e.slice(0, e.indexOf(" Cách dùng: hoinghi conference add")))).toEqual([
      "Thiếu đường dẫn tệp hội nghị.",
      "Thiếu mã hội nghị (cột đầu của hoinghi conference list).",
      'Lệnh "conference" không có việc "mo".',
      'Lệnh "conference close" không có tùy chọn --json.',
    ]);
    expect(out).toEqual([]);
  });
});

describe("hoinghi conference khi bot đang chạy", () => {
  let h: TestApp;
  let running: { stop(): Promise<void> } | undefined;

  beforeEach(async () => {
    h = await createTestApp();
    io = ioFor(h.dir);
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
    await h.close();
  });


  it("add goes through the spool: the running bot serves Lai Châu's conference at once, and Sì Lở Lầu's delegate gets its giấy mời without a new code", async () => {
    const delegate = await h.delegate("Sì Lở Lầu", "Lò Văn Sì");
    running = await botRunning(h.app);
    // The next morning (Việt Nam time) Ban tổ chức adds the province's conference.
    h.clock.set("2027-05-02T01:30:00Z");
    expect(await runCli(["conference", "add", LAI_CHAU], io)).toBe(0);
    expect(err).toEqual([]);
    const said = out.join("\n");
    expect(said).toContain("đã chuyển việc này cho bot");
    expect(said).toContain("Đã thêm hội nghị “lai-chau-2025”");
    expect(said).toContain("Đã gửi giấy mời mới qua bot tới đại biểu của 1 đơn vị đã tham gia bot từ trước (không cần nhập lại mã mời).");
    expect(said).toContain("53 đơn vị chưa có ai tham gia bot");
    expect(h.app.conferences.get("lai-chau-2025")).toBeDefined();

    await h.app.outbox.idle();
    const letter = h.sent.find((s) => s.account === delegate.key && s.text.includes("Hội nghị Công bố Chỉ số cải cách hành chính năm 2025"));
    expect(letter?.text).toContain("không cần nhập lại mã mời");
    expect(letter?.replies.some((r) => r.kind !== "text" && r.kind !== "choices" && r.name.endsWith(".docx"))).toBe(true);

    // The list beside the bot reads a snapshot: both conferences, running, in the order they were added.
    out.length = 0;
    expect(await runCli(["conference", "list"], io)).toBe(0);
    expect(out.slice(1, 3).map((l) => l.split(" · ").slice(0, 4).join(" · "))).toEqual([
      "phong-tho-2023 · Đang diễn ra · Hội nghị Chỉ số CCHC năm 2023 · thêm ngày 1/5/2027",
      "lai-chau-2025 · Đang diễn ra · Hội nghị Chỉ số CCHC năm 2025 · thêm ngày 2/5/2027",
    ]);

    // Added again: the bot refuses it in the domain's words.
    out.length = 0;
    expect(await runCli(["conference", "add", LAI_CHAU], io)).toBe(1);
    expect(err).toEqual(["Đã có hội nghị mã “lai-chau-2025” (Hội nghị Chỉ số CCHC năm 2025); mỗi hội nghị một mã riêng (dòng id trong tệp hội nghị)."]);
  }, 60_000);

  it("close goes through the spool: the running bot's conference is closed, and closed again is refused", async () => {
    running = await botRunning(h.app);
    expect(await runCli(["conference", "close", "phong-tho-2023"], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("\n")).toContain("Đã kết thúc hội nghị “phong-tho-2023”");
    expect(h.app.conferences.get("phong-tho-2023")?.conference.closed()).toBe(true);
    expect(h.app.root.data.conferences["phong-tho-2023"]?.closedBy).toBe("cli");

    expect(await runCli(["conference", "close", "phong-tho-2023"], io)).toBe(1);
    expect(err).toEqual(["Hội nghị Chỉ số CCHC năm 2023 đã kết thúc từ trước; không có gì thay đổi."]);
  }, 60_000);
});
