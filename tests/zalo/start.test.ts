// `hoinghi start` with ZALO_BOT_TOKEN and ZALO_API_ROOT serves the seed conference on the fake Zalo server, polling and webhook.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { type FakeZalo, startFakeZalo } from "./fake-server.js";
import { freePort } from "../helpers/net.js";

let child: ChildProcess | undefined;
let fake: FakeZalo | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  child = fake = dir = undefined;
});

async function start(env: Record<string, string>): Promise<{ proc: ChildProcess; stderr: () => string; exited: Promise<number | null> }> {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-zalo-start-"));
  const proc = spawn(process.execPath, [path.join(ROOT, "bin", "hoinghi.js"), "start"], {
    cwd: ROOT,
    // The HTTP server (desk, file links) starts with the bot: a free port unless the test gives one.
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, LOG_LEVEL: "info", PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  child = proc;
  return { proc, stderr: () => err, exited };
}

describe("hoinghi start with Zalo", () => {
  it("polls the fake server, answers /chuongtrinh, and stops on SIGTERM", async () => {
    fake = await startFakeZalo();
    const f = fake;
    const run = await start({ ZALO_BOT_TOKEN: f.token, ZALO_API_ROOT: f.url });
    await f.waitFor(() => f.polling === 1, 20_000).catch(() => {
      throw new Error(`no poll: ${run.stderr()}`);
    });
    const u = { id: "zu-start-1", name: "Khách" };
    f.say(u, "/chuongtrinh");
    expect((await f.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC HUYỆN PHONG THỔ");
    run.proc.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toContain("zalo channel stopped");
    expect(run.stderr()).not.toContain(f.token.split(":")[1] as string);
  });

  it("sets the webhook, answers through it, and stops on SIGTERM", async () => {
    fake = await startFakeZalo();
    const f = fake;
    const port = await freePort();
    const run = await start({
      ZALO_BOT_TOKEN: f.token,
      ZALO_API_ROOT: f.url,
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027",
    });
    await f.waitFor(() => f.webhook !== undefined, 20_000).catch(() => {
      throw new Error(`no webhook: ${run.stderr()}`);
    });
    const u = { id: "zu-start-2", name: "Khách" };
    expect((await f.post(f.update(u, { text: "/chuongtrinh" }))).status).toBe(200);
    expect((await f.waitForMessages(u.id, 1))[0]).toContain("HỘI NGHỊ PHÂN TÍCH");
    run.proc.kill("SIGTERM");
    expect(await run.exited).toBe(0);
  });
});
