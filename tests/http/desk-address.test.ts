// The server runs whenever the bot does (issue 15 item 1): `hoinghi start` prints the desk's address,
// also on the console and in polling mode; DESK_HOST binds the desk, HOST the webhooks and file links.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { arrivedOn, createHttpServer, type HttpServer, listenAddresses } from "../../src/app/http-server.js";
import { createCapturingLogger } from "../../src/lib/logger.js";
import { type FakeZalo, startFakeZalo } from "../zalo/fake-server.js";

let child: ChildProcess | undefined;
let dir: string | undefined;
let fake: FakeZalo | undefined;
let server: HttpServer | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await server?.close();
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  child = dir = fake = server = undefined;
});

async function startBot(env: Record<string, string>) {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-desk-addr-"));
  const proc = spawn(process.execPath, [path.join(ROOT, "bin", "hoinghi.js"), "start"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, PORT: "0", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  child = proc;
  let err = "";
  proc.stderr?.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
  const address = async (): Promise<string> => {
    for (let i = 0; i < 400; i++) {
      const m = /Trang làm việc của Ban tổ chức: (http:\/\/\S+)/.exec(err);
      if (m?.[1]) return m[1];
      if (proc.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no desk address printed: ${err}`);
  };
  return { proc, stderr: () => err, exited, address };
}

describe("npm start prints the organizers' desk address", () => {
  it("on the console (no token): the address is printed and the desk page answers there", async () => {
    const run = await startBot({});
    const url = await run.address();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ban-to-chuc\/$/);
    expect(url).not.toContain(":0/");
    // The desk itself answers there: before sign-in it says how to get a sign-in link, nothing else.
    const res = await fetch(url);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain("gõ /web trong cuộc trò chuyện với bot");
    // The public page at / shows the conference.
    const home = await fetch(new URL("/", url));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Chỉ số CCHC huyện Phong Thổ");
    // Closing the console ends the process, the server with it.
    run.proc.stdin?.end();
    expect(await run.exited).toBe(0);
  });

  it("a port already taken is told in Vietnamese, with the port, and the bot exits 1 instead of running without its server", async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, "127.0.0.1", r));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const run = await startBot({ PORT: String(port) });
      expect(await run.exited).toBe(1);
      expect(run.stderr()).toContain(`Không mở được máy chủ HTTP trên 127.0.0.1:${port} (EADDRINUSE)`);
      expect(run.stderr()).not.toContain("    at ");
    } finally {
      await new Promise((r) => busy.close(r));
    }
  });

  it("in Zalo polling mode: the address is printed and logged, and old received files are swept at start-up", async () => {
    fake = await startFakeZalo();
    const f = fake;
    dir = await mkdtemp(path.join(tmpdir(), "hoinghi-desk-addr-"));
    const received = path.join(dir, "files");
    await mkdir(received, { recursive: true });
    const stale = path.join(received, "old-upload.pdf");
    await writeFile(stale, "tệp không ai tham chiếu");
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600_000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    const keepDir = dir;
    const proc = spawn(process.execPath, [path.join(ROOT, "bin", "hoinghi.js"), "start"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: keepDir, PORT: "0", LOG_LEVEL: "info", ZALO_BOT_TOKEN: f.token, ZALO_API_ROOT: f.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child = proc;
    let err = "";
    proc.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));
    await f.waitFor(() => f.polling >= 1, 20_000).catch(() => {
      throw new Error(`Zalo is not polling: ${err}`);
    });
    const m = /Trang làm việc của Ban tổ chức: (http:\/\/\S+)/.exec(err);
    expect(m?.[1]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ban-to-chuc\/$/);
    expect(err).toContain("organizers' desk listening");
    expect((await fetch(m?.[1] as string)).status).toBe(401); // the desk answers: sign-in needed
    for (let i = 0; i < 100 && (await stat(stale).catch(() => undefined)); i++) await new Promise((r) => setTimeout(r, 50));
    expect(await stat(stale).catch(() => undefined)).toBeUndefined();
    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});

describe("DESK_HOST and HOST", () => {
  const hook = { admit: () => undefined, handle: async () => ({ status: 200, json: { ok: true } }) };

  it("one listener when both are loopback or one is a wildcard, two when they are different addresses", () => {
    expect(listenAddresses("127.0.0.1", "127.0.0.1")).toEqual(["127.0.0.1"]);
    expect(listenAddresses("0.0.0.0", "127.0.0.1")).toEqual(["0.0.0.0"]);
    expect(listenAddresses("127.0.0.1", "0.0.0.0")).toEqual(["0.0.0.0"]);
    expect(listenAddresses("10.0.0.5", "127.0.0.1")).toEqual(["10.0.0.5", "127.0.0.1"]);
    expect(arrivedOn("::ffff:127.0.0.1", "127.0.0.1")).toBe(true);
    expect(arrivedOn("127.0.0.2", "127.0.0.1")).toBe(false);
    expect(arrivedOn("::1", "localhost")).toBe(true);
    expect(arrivedOn("10.1.2.3", "0.0.0.0")).toBe(true);
  });

  it("the desk on its own address: webhooks are not answered there, the desk is not answered on HOST", async () => {
    const s = createHttpServer({ port: 0, host: "127.0.0.1", deskHost: "127.0.0.2", logger: createCapturingLogger().logger });
    server = s;
    s.webhook("/zalo/webhook", hook);
    const port = await s.listen();
    expect(s.deskUrl()).toBe(`http://127.0.0.2:${port}/ban-to-chuc/`);
    expect((await fetch(`http://127.0.0.2:${port}/ban-to-chuc/`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/ban-to-chuc/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.1:${port}/zalo/webhook`, { method: "POST", body: "{}" })).status).toBe(200);
    expect((await fetch(`http://127.0.0.2:${port}/zalo/webhook`, { method: "POST", body: "{}" })).status).toBe(404);
  });

  it("HOST=0.0.0.0 (a container) keeps the desk on loopback: a connection to another address is told 404", async () => {
    const s = createHttpServer({ port: 0, host: "0.0.0.0", deskHost: "127.0.0.1", logger: createCapturingLogger().logger });
    server = s;
    s.webhook("/zalo/webhook", hook);
    const port = await s.listen();
    expect(s.deskUrl()).toBe(`http://127.0.0.1:${port}/ban-to-chuc/`);
    expect((await fetch(`http://127.0.0.1:${port}/ban-to-chuc/`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.3:${port}/ban-to-chuc/`)).status).toBe(404);
    expect((await fetch(`http://127.0.0.3:${port}/zalo/webhook`, { method: "POST", body: "{}" })).status).toBe(200);
  });
});
