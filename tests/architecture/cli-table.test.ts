// `hoinghi` subcommands are one table; their arguments are parsed by node:util parseArgs and refused in one line.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli, SUBCOMMANDS } from "../../src/app/cli.js";
import { createI18n } from "../../src/lib/i18n.js";
import type { CliIo } from "../../src/app/cli-core.js";

let dir: string;
let out: string[];
let err: string[];
let io: CliIo;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-cli-table-"));
  out = [];
  err = [];
  io = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { DATA_DIR: dir, LOG_LEVEL: "silent" },
    stdin: process.stdin,
    stdout: process.stdout,
  };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("hoinghi: one table of subcommands", () => {
  it("the usage line names every subcommand of the table, in both languages", () => {
    const i18n = createI18n();
    for (const language of ["vi", "en"]) {
      const usage = i18n.forLanguage(language)("cli-usage");
      for (const name of Object.keys(SUBCOMMANDS)) expect(usage, `${language}: ${name}`).toContain(name);
    }
  });

  it("an unknown subcommand is refused with the usage, exit code 1", async () => {
    expect(await runCli(["khoidong"], io)).toBe(1);
    expect(err).toEqual([expect.stringContaining('Không có lệnh "khoidong". Cách dùng: hoinghi [start')]);
  });

  it("an option a subcommand does not take is refused, naming it, with that subcommand's usage", async () => {
    expect(await runCli(["invites", "--csv"], io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^Lệnh "invites" không có tùy chọn --csv\. Cách dùng: hoinghi \[start/)]);
    err.length = 0;
    expect(await runCli(["broadcast", "Họp lúc 14 giờ", "--den", "xa"], io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^Lệnh "broadcast" không có tùy chọn --den\. Cách dùng: hoinghi broadcast/)]);
  });

  it("an option without its value, a value given to a switch and a word too many are refused", async () => {
    expect(await runCli(["broadcast", "Họp", "--to"], io)).toBe(1);
    expect(err.pop()).toMatch(/^Tùy chọn --to của lệnh "broadcast" cần một giá trị đi kèm\. Cách dùng: hoinghi broadcast/);
    expect(await runCli(["invites", "--json=co"], io)).toBe(1);
    expect(err.pop()).toMatch(/^Tùy chọn --json của lệnh "invites" không nhận giá trị\./);
    expect(await runCli(["validate", "a.yaml", "b.yaml"], io)).toBe(1);
    expect(err.pop()).toMatch(/^Lệnh "validate" không nhận thêm "b\.yaml"\./);
    expect(await runCli(["start", "ngay"], io)).toBe(1);
    expect(err.pop()).toMatch(/^Lệnh "start" không nhận thêm "ngay"\./);
    expect(err).toEqual([]);
  });

  it("--to=VALUE and --to VALUE mean the same; the notice's words are every other word", async () => {
    expect(await runCli(["invites", "--json"], io)).toBe(0);
    const rows = JSON.parse(out.join("\n")) as Array<{ unit: string; code: string }>;
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.at(-1)?.unit).toBe("organizer");
    out.length = 0;
    expect(await runCli(["broadcast", "Họp", "lúc", "14", "giờ", "--to=xa"], io)).toBe(1);
    // Nobody has joined yet: refused for its audience, which shows --to=xa was read as the audience.
    expect(err.pop()).toContain("Chưa có tài khoản nào nhận được thông báo này (Các xã, thị trấn)");
  });
});
