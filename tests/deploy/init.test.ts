// `npx hoinghi init` (issue 24 item 2): the district's IT officer answers in Vietnamese, the tokens are checked
// with the platforms (the Telegram emulator, the Zalo fake), the secrets made, and .env written for its owner only.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { parseEnv } from "node:util";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runCli, withEnvFile } from "../../src/app/cli.js";
import { loadConfig } from "../../src/app/config.js";
import { freePort } from "../helpers/net.js";
import { type FakeZalo, startFakeZalo } from "../zalo/fake-server.js";

const TG_TOKEN = "7000003:AAinit-token-never-printed_0123456789";

let telegram: TelegramServer;
let telegramRoot: string;
let zalo: FakeZalo;
let dir: string;
beforeAll(async () => {
  const port = await freePort();
  telegram = new TelegramServer({ port, host: "127.0.0.1" });
  await telegram.start();
  telegramRoot = `http://127.0.0.1:${port}`;
  zalo = await startFakeZalo({ botName: "Hội nghị Phong Thổ" });
});
afterAll(async () => {
  await telegram?.stop();
  await zalo?.close();
});
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-init-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `hoinghi init` with the answers piped in, as `printf '…' | npx hoinghi init` would. */
async function init(answers: string[], extra: string[] = [], env: Record<string, string> = {}) {
  const out: string[] = [];
  const stdout = new PassThrough();
  const prompts: string[] = [];
  stdout.on("data", (c: Buffer) => prompts.push(c.toString()));
  const code = await runCli(["init", "--env-file", path.join(dir, ".env"), ...extra], {
    out: (l) => out.push(l),
    err: (l) => out.push(l),
    env,
    stdin: Readable.from([`${answers.join("\n")}\n`]),
    stdout,
  });
  const all = [...prompts, ...out].join("\n");
  return { code, out: out.join("\n"), all };
}

const roots = () => ["--telegram-api-root", telegramRoot, "--zalo-api-root", zalo.url];

describe("hoinghi init on a new server", () => {
  it("asks in Vietnamese, checks both tokens, makes the secrets and writes .env (mode 600) that the bot reads", async () => {
    const { code, out, all } = await init([TG_TOKEN, zalo.token, "https://hoinghi.phongtho.gov.vn", "webhook", "telegram:123456789, zalo:e4ea1c", "/var/lib/hoinghi"], roots());
    expect(code).toBe(0);
    expect(all).toContain("Token bot Telegram");
    expect(all).toContain("Địa chỉ công khai của bot");
    expect(out).toContain("Telegram: token hợp lệ, bot “TestNameBot”");
    expect(out).toContain("Zalo: token hợp lệ, bot “Hội nghị Phong Thổ”");
    const file = path.join(dir, ".env");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const env = parseEnv(await readFile(file, "utf8")) as Record<string, string>;
    expect(env).toMatchObject({
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      ZALO_BOT_TOKEN: zalo.token,
      PUBLIC_URL: "https://hoinghi.phongtho.gov.vn",
      TELEGRAM_UPDATES: "webhook",
      ZALO_UPDATES: "webhook",
      TRUST_PROXY: "loopback",
      ORGANIZER_IDS: "telegram:123456789,zalo:e4ea1c",
      DATA_DIR: "/var/lib/hoinghi",
      TELEGRAM_BOT_USERNAME: "TestNameBot",
    });
    expect(env.TELEGRAM_WEBHOOK_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.ZALO_WEBHOOK_SECRET).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(env.ZALO_WEBHOOK_SECRET).not.toBe(env.TELEGRAM_WEBHOOK_SECRET);
    // What it wrote is a configuration the bot starts with: both platforms by webhook.
    const config = loadConfig(env);
    expect(config.telegram?.mode).toBe("webhook");
    expect(config.zalo?.mode).toBe("webhook");
    // Nothing printed carries a token or a secret whole.
    for (const secret of [TG_TOKEN, zalo.token, env.TELEGRAM_WEBHOOK_SECRET, env.ZALO_WEBHOOK_SECRET]) expect(all).not.toContain(secret);
  });

  it("Zalo only, no public address yet: polling, no TRUST_PROXY, Telegram left out", async () => {
    const { code } = await init(["", zalo.token, "", "", ""], roots());
    expect(code).toBe(0);
    const env = parseEnv(await readFile(path.join(dir, ".env"), "utf8")) as Record<string, string>;
    expect(env.ZALO_UPDATES).toBe("polling");
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.PUBLIC_URL).toBeUndefined();
    expect(env.TRUST_PROXY).toBeUndefined();
    expect(env.DATA_DIR).toBe("./data");
    expect(loadConfig(env).zalo?.mode).toBe("polling");
  });

  it("a token the platform refuses is asked again; a badly formed address and organizer are asked again, with one sentence each", async () => {
    const { code, out, all } = await init(
      ["", "khongphaitoken", "123:sai-token-zalo", zalo.token, "hoinghi.phongtho.gov.vn", "https://hoinghi.phongtho.gov.vn", "polling", "123456789", "telegram:123456789", ""],
      roots(),
    );
    expect(code).toBe(0);
    expect(out).toContain("Token Zalo không đúng dạng");
    expect(out).toContain("Zalo không nhận token 123…lo");
    expect(out).toContain("Địa chỉ “hoinghi.phongtho.gov.vn” chưa đúng");
    expect(out).toContain("“123456789” không đúng dạng kênh:mã");
    expect(all).not.toContain("123:sai-token-zalo");
    const env = parseEnv(await readFile(path.join(dir, ".env"), "utf8")) as Record<string, string>;
    expect(env).toMatchObject({ ZALO_BOT_TOKEN: zalo.token, ZALO_UPDATES: "polling", ORGANIZER_IDS: "telegram:123456789", PUBLIC_URL: "https://hoinghi.phongtho.gov.vn" });
  });

  it("a platform that cannot be reached is a warning, not a failure: the token is written", async () => {
    const closed = await freePort();
    const { code, out } = await init([TG_TOKEN, "", "", "", ""], ["--telegram-api-root", `http://127.0.0.1:${closed}`]);
    expect(code).toBe(0);
    expect(out).toContain("Cảnh báo: chưa kiểm tra được token Telegram");
    expect(out).not.toContain(TG_TOKEN);
    const env = parseEnv(await readFile(path.join(dir, ".env"), "utf8")) as Record<string, string>;
    expect(env.TELEGRAM_BOT_TOKEN).toBe(TG_TOKEN);
    expect(env.TELEGRAM_UPDATES).toBe("polling");
  });

  it("Telegram refusing the token (401) is asked again", async () => {
    const refusing: Server = createServer((_req, res) => res.writeHead(401, { "content-type": "application/json" }).end('{"ok":false,"error_code":401,"description":"Unauthorized"}'));
    const port = await freePort();
    await new Promise<void>((r) => refusing.listen(port, "127.0.0.1", r));
    try {
      const { code, out } = await init([TG_TOKEN, TG_TOKEN, TG_TOKEN, "", "", "", ""], ["--telegram-api-root", `http://127.0.0.1:${port}`]);
      expect(out).toContain("Telegram không nhận token 700…89");
      expect(out).toContain("Bỏ qua Telegram sau ba lần nhập chưa đúng");
      expect(code).toBe(0);
    } finally {
      await new Promise((r) => refusing.close(r));
    }
  });

  it("an existing .env is kept unless the officer confirms; confirmed, it is replaced and narrowed to 600", async () => {
    const file = path.join(dir, ".env");
    await writeFile(file, "TELEGRAM_BOT_TOKEN=cu\n", { mode: 0o644 });
    const kept = await init(["", TG_TOKEN]);
    expect(kept.code).toBe(1);
    expect(kept.out).toContain("Đã giữ nguyên tệp");
    expect(await readFile(file, "utf8")).toBe("TELEGRAM_BOT_TOKEN=cu\n");
    const replaced = await init(["có", "", "", "", "", ""], roots());
    expect(replaced.code).toBe(0);
    expect(await readFile(file, "utf8")).not.toContain("TELEGRAM_BOT_TOKEN");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });
});

describe("the .env that init wrote, read by every hoinghi command", () => {
  it("fills what the environment does not set; what systemd or the shell set wins", async () => {
    const file = path.join(dir, ".env");
    await writeFile(file, "ZALO_BOT_TOKEN=123:abcdefghijkl\nDATA_DIR=/var/lib/hoinghi\nPUBLIC_URL=https://hoinghi.phongtho.gov.vn\n");
    const env = withEnvFile({ DATA_DIR: "/srv/hoinghi" }, file);
    expect(env).toMatchObject({ ZALO_BOT_TOKEN: "123:abcdefghijkl", DATA_DIR: "/srv/hoinghi", PUBLIC_URL: "https://hoinghi.phongtho.gov.vn" });
    expect(withEnvFile({ LOG_LEVEL: "warn" }, path.join(dir, "khong-co.env"))).toEqual({ LOG_LEVEL: "warn" });
  });
});
