// hoinghi broadcast "…": queued like an organizer's notice; handed to the running bot when it holds the store.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { createTestApp } from "../helpers/app.js";
import { lastNotice, seedDelegates, states } from "./helpers.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { readStoreFilesSync } from "../../storage/layout.js";

let dir: string;
let data: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-broadcast-cli-"));
  data = path.join(dir, "data");
  out = [];
  err = [];
  io = { out: (l) => out.push(l), err: (l) => err.push(l), env: { DATA_DIR: data, LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function seed(): Promise<void> {
  const h = await createTestApp({ dir: data });
  await seedDelegates(h.app, 30, "telegram");
  await seedDelegates(h.app, 5, "zalo", "z");
  await h.close();
}

describe("hoinghi broadcast", () => {
  it("queues the notice in the store when no bot is running; the bot sends it when it starts", async () => {
    await seed();
    expect(await runCli(["broadcast", "Hội nghị họp lúc 14 giờ ngày 20/6.", "--to", "xa"], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join("\n")).toMatch(/Đã xếp thông báo \w{6} vào hàng đợi: 30 tài khoản \(Telegram 25, Zalo 5, console 0\)/);

    const h = await createTestApp({ dir: data });
    try {
      const id = lastNotice(h.app);
      expect(h.app.store.data.notices.at(-1)).toMatchObject({ kind: "broadcast", createdBy: "cli", audience: "communes", ackable: true });
      await h.app.outbox.idle();
      expect(states(h.app, id)).toEqual({ sent: 30 });
      expect(h.sent.filter((s) => s.text.includes("Hội nghị họp lúc 14 giờ ngày 20/6.")).length).toBe(30);
    } finally {
      await h.close();
    }
  });

  it("hands the notice to a running bot through DATA_DIR/spool; the bot takes it in and sends it", async () => {
    await seed();
    const h = await createTestApp({ dir: data });
    const lock = `${h.app.store.file}.lock`;
    // Another live process holds the store (a bot started from another terminal).
    const other: ChildProcess = spawn("sleep", ["30"]);
    try {
      await writeFile(lock, String(other.pid));
      expect(await runCli(["broadcast", "Thông báo từ máy chủ", "--to", "donvi Mường So, Bản Lang"], io)).toBe(0);
      await writeFile(lock, String(process.pid));
      expect(out.join("\n")).toMatch(/Bot đang chạy: đã chuyển thông báo \w{6} cho bot/);
      expect((await readdir(path.join(data, "spool"))).length).toBe(1);

      await h.app.outbox.tick();
      await h.app.outbox.idle();
      const id = lastNotice(h.app);
      expect(h.app.store.data.notices.at(-1)).toMatchObject({ createdBy: "cli", audience: "units:muong-so,ban-lang" });
      expect(states(h.app, id).sent).toBe(h.sent.filter((s) => s.text.includes("Thông báo từ máy chủ")).length);
      expect(states(h.app, id).sent).toBeGreaterThan(0);
      expect(await readdir(path.join(data, "spool"))).toEqual([]);
      await h.app.outbox.tick();
      expect(h.app.store.data.notices.length).toBe(1);
    } finally {
      other.kill();
      await h.close();
    }
  });

  it("refuses wrong input with one line and a non-zero exit, and queues nothing", async () => {
    await seed();
    const cases: Array<[string[], string]> = [
      [["broadcast"], "Thông báo chưa có nội dung"],
      [["broadcast", "x".repeat(2001)], "vượt quá 2.000 ký tự"],
      [["broadcast", "Họp", "--to", "donvi Muong Soo"], "Có phải đồng chí muốn tìm: Mường So"],
      [["broadcast", "Họp", "--to", "ai do"], 'Không rõ nhóm người nhận "ai do"'],
      [["broadcast", "Họp", "--at", "07:30 20/04/2020"], "đã qua"],
      [["broadcast", "Họp", "--at", "sớm nhất"], "Không đọc được thời điểm gửi"],
    ];
    for (const [args, message] of cases) {
      err.length = 0;
      expect(await runCli(args, io), args.join(" ")).toBe(1);
      expect(err.join("\n")).toContain(message);
      expect(err.length).toBe(1);
    }
    const file = readStoreFilesSync(data);
    expect(file.notices).toEqual([]);
    expect(file.deliveries).toEqual([]);
  });

  it("refuses a notice nobody would receive", async () => {
    expect(await runCli(["broadcast", "Họp", "--to", "coquan"], io)).toBe(1);
    expect(err).toEqual(["Chưa có tài khoản nào nhận được thông báo này (Các cơ quan, đơn vị cấp huyện): các đơn vị trong nhóm chưa có đại biểu tham gia bot. Vui lòng chọn nhóm khác."]);
  });
});
