// Ban tổ chức prints the letters, the poster and the workbook, and imports the scores, from the
// command line while the bot runs and holds the store: reads see a snapshot of the store file, changes
// are handed to the running bot through DATA_DIR/spool and reported.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { handToBot } from "../../src/app/cli-spool.js";
import { hallCode } from "../../src/domain/attendance.js";
import { activeInvite } from "../../src/domain/identity.js";
import { createI18n } from "../../src/lib/i18n.js";
import { openSnapshot, StoreReadOnly } from "../../storage/store.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { botRunning } from "./helpers.js";
import { SAMPLE_FILE } from "../scores/helpers.js";

let h: TestApp;
let work: string;
let out: string[];
let err: string[];
let io: CliIo;
let running: { stop(): Promise<void> } | undefined;

beforeEach(async () => {
  h = await createTestApp();
  work = await mkdtemp(path.join(tmpdir(), "hoinghi-beside-bot-"));
  out = [];
  err = [];
  io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { DATA_DIR: h.dir, LOG_LEVEL: "silent", ORGANIZER_IDS: "console:org-1" }, stdin: process.stdin, stdout: process.stdout };
});
afterEach(async () => {
  await running?.stop();
  running = undefined;
  await h.close();
  await rm(work, { recursive: true, force: true });
});


const t = createI18n({ defaultLanguage: "vi" }).forLanguage("vi");
const units = () => h.app.services.conference.units();

describe("dòng lệnh khi bot đang chạy", () => {
  it("hoinghi invitations writes every unit's letter: the bot issues the missing codes first, the letters carry them", async () => {
    running = await botRunning(h.app);
    expect(units().every((u) => !activeInvite(h.app.store.data, u.id))).toBe(true);
    const dir = path.join(work, "giay-moi");
    expect(await runCli(["invitations", dir], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("\n")).toContain("đã chuyển việc này cho bot");
    expect(out.join("\n")).toContain(`Bot đã cấp mã mời cho ${units().length} đơn vị còn thiếu.`);
    expect(out.join("\n")).toContain(`Đã ghi ${units().length} giấy mời`);
    // The running bot's store has the codes; the letters were written from a snapshot taken after.
    expect(units().every((u) => activeInvite(h.app.store.data, u.id))).toBe(true);
    expect((await readdir(dir)).filter((f) => f.endsWith(".docx")).length).toBe(units().length + 1);
    expect(await readdir(path.join(h.dir, "spool"))).toEqual(["results"]);
    expect(await readdir(path.join(h.dir, "spool", "results"))).toEqual([]);
  }, 60_000);

  it("hoinghi export and checkin-poster only read: they write their files from a snapshot, the bot is asked nothing", async () => {
    await hallCode(h.app.store, "console:org-1", h.clock.now(), false);
    running = await botRunning(h.app);
    const before = h.app.store.writes;
    const xlsx = path.join(work, "tong-hop.xlsx");
    expect(await runCli(["export", xlsx], io)).toBe(0);
    expect(out.join("\n")).toContain(xlsx);
    const png = path.join(work, "ap-phich.png");
    expect(await runCli(["checkin-poster", png], io)).toBe(0);
    expect(out.join("\n")).toContain(h.app.store.data.checkinCode?.code ?? "no code");
    expect(err).toEqual([]);
    expect((await readdir(work)).sort()).toEqual(["ap-phich.png", "tong-hop.xlsx"]);
    expect(h.app.store.writes).toBe(before);
  }, 60_000);

  it("hoinghi import-scores --publish hands the table to the running bot, which imports and publishes it", async () => {
    running = await botRunning(h.app);
    expect(await runCli(["import-scores", SAMPLE_FILE, "--publish"], io)).toBe(0);
    expect(err).toEqual([]);
    const said = out.join("\n");
    expect(said).toContain("17 đơn vị");
    expect(said).toContain("đã chuyển việc này cho bot");
    expect(said).toContain("Đã nhập bảng điểm năm 2023: 17 đơn vị.");
    expect(said).toContain("Đã công bố.");
    expect(h.app.store.data.scores.current).toMatchObject({ year: 2023, importedBy: "cli:hoinghi" });
    expect(h.app.store.data.scores.publishedAt).toBeDefined();
  }, 60_000);

  it("a table the bot would refuse is refused at the terminal, and nothing is handed over", async () => {
    running = await botRunning(h.app);
    const bad = path.join(work, "bang-diem.csv");
    await writeFile(bad, "Đơn vị;Điểm\nXã Không Có;12\n");
    expect(await runCli(["import-scores", bad], io)).toBe(1);
    expect(err.join("\n")).toContain("bang-diem.csv");
    expect(h.app.store.data.scores.current).toBeUndefined();
    expect(await readdir(path.join(h.dir, "spool")).catch(() => [])).toEqual([]);
  }, 60_000);

  it("when no bot takes the request, it is withdrawn and the refusal says what to do", async () => {
    const refused = handToBot(h.app.config, t, { kind: "issue-codes", organizers: false }, 400);
    await expect(refused).rejects.toThrow("Bot không nhận việc sau 0 giây, nên yêu cầu đã được rút lại và chưa có gì thay đổi.");
    expect(await readdir(path.join(h.dir, "spool"))).toEqual([]);
    expect(units().every((u) => !activeInvite(h.app.store.data, u.id))).toBe(true);
  });

  it("a snapshot read while the bot writes is always one whole version, and cannot be changed", async () => {
    const writes = Array.from({ length: 40 }, (_, i) => h.app.store.mutate((d) => d.invites.push({ code: `SNAP${String(i).padStart(4, "0")}`, target: "muong-so", issuedAt: "2027-05-01T02:00:00.000Z" })));
    const seen: number[] = [];
    for (let i = 0; i < 40; i++) {
      const snap = await openSnapshot({ dir: h.dir });
      seen.push(snap.data.invites.length);
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(writes);
    const last = await openSnapshot({ dir: h.dir });
    expect(last.data.invites.length).toBe(40);
    expect(seen.every((n, i) => i === 0 || n >= (seen[i - 1] as number))).toBe(true);
    await expect(last.mutate((d) => d.invites.pop())).rejects.toBeInstanceOf(StoreReadOnly);
  });
});
