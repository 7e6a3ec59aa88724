// The bot behind Debian's Caddy with the repo's deploy/Caddyfile (issue 24 item 7): through HTTPS on the domain,
// a Zalo webhook update is accepted and answered, a file link downloads, a desk sign-in link signs in (its cookie
// Secure, as TRUST_PROXY=loopback believes Caddy's X-Forwarded-Proto); HOINGHI_OFFICE_IPS keeps the desk to the office.
// Caddy runs with its own local certificate authority (local_certs: `tls internal` for every site), on loopback
// ports, its data and config in a temp folder; nothing of it touches the machine.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { request } from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startZalo } from "../../src/app/channels.js";
import { mountSites } from "../../src/app/sites.js";
import type { ZaloChannel } from "../../src/channels/zalo/channel.js";
import { ROOT } from "../../src/config/paths.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { freePort } from "../helpers/net.js";
import { type FakeZalo, startFakeZalo } from "../zalo/fake-server.js";

const CADDY = "/usr/bin/caddy";
const DOMAIN = "hoinghi.phongtho.test";
const SECRET = "bi-mat-webhook-caddy-2027";

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface RunningCaddy {
  port: number;
  ca: Buffer;
  /** A request to a URL on the domain, through Caddy, trusting only Caddy's local authority. */
  fetch(url: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer>;
  stop(): Promise<void>;
}

/** One HTTPS request to 127.0.0.1 on the URL's port, named by its domain (SNI, Host): no DNS needed. */
function httpsTo(ca: Buffer, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: Number(u.port), servername: u.hostname, ca, path: `${u.pathname}${u.search}`, method: init.method ?? "GET", headers: { host: u.host, ...init.headers }, agent: false, timeout: 20_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(init.body);
  });
}

async function until<T>(what: string, attempt: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const got = await attempt();
      if (got !== undefined) return got;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${ms} ms (${(last as Error)?.message ?? "no answer"})`);
}

/**
 * Caddy on `port` (PUBLIC_URL names it before Caddy runs) with the repo's deploy/Caddyfile, the values of its {$…} placeholders given in its environment, behind a
 * global block of the test's own: the local authority, loopback ports, no admin endpoint, no trust installed.
 */
async function startCaddy(port: number, upstreamPort: number, env: Record<string, string> = {}): Promise<RunningCaddy> {
  const httpPort = await freePort();
  const global = `{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n\tdefault_bind 127.0.0.1\n\thttp_port ${httpPort}\n\thttps_port ${port}\n}\n\n`;
  const file = path.join(dir, `Caddyfile-${port}`);
  await writeFile(file, global + (await readFile(path.join(ROOT, "deploy", "Caddyfile"), "utf8")));
  const home = path.join(dir, "home");
  const proc: ChildProcess = spawn(CADDY, ["run", "--config", file, "--adapter", "caddyfile"], {
    env: { PATH: process.env.PATH, HOME: home, XDG_DATA_HOME: path.join(home, "data"), XDG_CONFIG_HOME: path.join(home, "config"), HOINGHI_DOMAIN: DOMAIN, HOINGHI_PORT: String(upstreamPort), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout?.on("data", (c: Buffer) => (log += c.toString()));
  proc.stderr?.on("data", (c: Buffer) => (log += c.toString()));
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  const rootCert = path.join(home, "data", "caddy", "pki", "authorities", "local", "root.crt");
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGTERM");
      const killed = setTimeout(() => proc.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
  };
  try {
    const ca = await until("Caddy's local authority", async () => (existsSync(rootCert) ? readFile(rootCert) : undefined));
    // Listening, with its certificate for the domain: the bot's public page answers through it.
    await until("Caddy listening", async () => ((await httpsTo(ca, `https://${DOMAIN}:${port}/`)).status === 200 ? true : undefined));
    return { port, ca, fetch: (url, init) => httpsTo(ca, url, init), stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${log.slice(-2000)}`);
  }
}

/** What Zalo posts for a message of `u`, sent through Caddy to the webhook, with the secret unless told otherwise. */
function postUpdate(c: RunningCaddy, u: { id: string; name: string }, text: string, secret: string | null = SECRET): Promise<Answer> {
  return c.fetch(`${base}/zalo/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(secret ? { "x-bot-api-secret-token": secret } : {}) },
    body: JSON.stringify({ ok: true, result: fake.update(u, { text }) }),
  });
}

let dir: string;
let fake: FakeZalo;
let h: TestApp;
let channel: ZaloChannel | undefined;
let caddy: RunningCaddy | undefined;
let base: string;

beforeAll(async () => {
  if (!existsSync(CADDY)) throw new Error(`${CADDY} is missing: apt-get install -y caddy (.ci/run does)`);
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-caddy-"));
  fake = await startFakeZalo();
  const [botPort, caddyPort] = [await freePort(), await freePort()];
  base = `https://${DOMAIN}:${caddyPort}`;
  h = await createTestApp({
    now: "2027-05-03T02:00:00Z",
    env: { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url, ZALO_SEND_RATE: "50", ZALO_UPDATES: "webhook", ZALO_WEBHOOK_SECRET: SECRET, PUBLIC_URL: base, PORT: String(botPort), TRUST_PROXY: "loopback" },
  });
  mountSites(h.app, h.app.http.server);
  channel = await startZalo(h.app, { stopGraceMs: 1000 });
  // The port PUBLIC_URL names is Caddy's: chosen free above, given to Caddy now.
  caddy = await startCaddy(caddyPort, botPort);
}, 90_000);

afterAll(async () => {
  await caddy?.stop();
  await channel?.stop();
  if (h) {
    await h.app.http.close();
    await h.close();
  }
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

describe("the bot behind Caddy, on its domain over HTTPS", () => {
  it("Zalo posts an update to the webhook through Caddy: accepted, answered; without the secret, refused", async () => {
    const c = caddy as RunningCaddy;
    // The webhook the channel registered is the public address, Caddy's.
    expect(fake.webhook?.url).toBe(`${base}/zalo/webhook`);
    const u = { id: "zu-caddy-0001", name: "Lò Văn Sáu" };
    expect((await postUpdate(c, u, "/chuongtrinh", null)).status).toBe(401);
    expect((await postUpdate(c, u, "/chuongtrinh")).status).toBe(200);
    expect((await fake.waitForMessages(u.id, 1, 20_000))[0]).toContain("HỘI NGHỊ PHÂN TÍCH KẾT QUẢ CHỈ SỐ CCHC");
  }, 60_000);

  it("a Zalo guest's /lich gives a link on the domain, and it downloads through Caddy", async () => {
    const c = caddy as RunningCaddy;
    expect(await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện")).toContain("Đã lưu");
    const u = { id: "zu-caddy-0002", name: "Khách" };
    expect((await postUpdate(c, u, "/lich")).status).toBe(200);
    const [text] = await fake.waitForMessages(u.id, 1, 20_000);
    const link = new RegExp(`${base.replace(/[.]/g, "\\.")}/files/\\S+\\.ics`).exec(text ?? "")?.[0];
    expect(link, text).toBeDefined();
    const file = await c.fetch(link as string);
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(file.body).toContain("BEGIN:VCALENDAR");
    expect(file.body).toContain("Hội trường UBND huyện");
  }, 60_000);

  it("an organizer's desk link from /web signs in through Caddy, with a Secure cookie, and opens the desk", async () => {
    const c = caddy as RunningCaddy;
    const org = h.organizer("Lò Thị Nội Vụ");
    await org.say("/start");
    const link = new RegExp(`${base.replace(/[.]/g, "\\.")}/ban-to-chuc/vao\\?t=\\S+`).exec(await org.say("/web"))?.[0];
    expect(link).toBeDefined();
    const confirm = await c.fetch(link as string);
    expect(confirm.status).toBe(200);
    const token = new URL(link as string).searchParams.get("t") as string;
    const signedIn = await c.fetch(`${base}/ban-to-chuc/vao`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: base },
      body: new URLSearchParams({ t: token }).toString(),
    });
    expect(signedIn.status).toBe(303);
    const cookie = String(signedIn.headers["set-cookie"] ?? "");
    expect(cookie).toMatch(/hoinghi_desk=/);
    // Caddy said https (X-Forwarded-Proto) and TRUST_PROXY=loopback believed it.
    expect(cookie).toMatch(/;\s*Secure/i);
    const desk = await c.fetch(`${base}/ban-to-chuc/`, { headers: { cookie: cookie.split(";")[0] as string } });
    expect(desk.status).toBe(200);
    expect(desk.body).toContain("Ban tổ chức");
  }, 60_000);

  it("with the office's addresses set (HOINGHI_OFFICE_IPS), the desk is closed to others; files and the public page are not", async () => {
    const port = await freePort();
    const limited = await startCaddy(port, h.app.config.port, { HOINGHI_OFFICE_IPS: "203.0.113.0/24" });
    try {
      const at = `https://${DOMAIN}:${port}`;
      const desk = await limited.fetch(`${at}/ban-to-chuc/`);
      expect(desk.status).toBe(403);
      expect(desk.body).toContain("chỉ mở được từ mạng của cơ quan");
      expect((await limited.fetch(`${at}/`)).status).toBe(200);
      expect((await limited.fetch(`${at}/files/khong-co.ics`)).status).toBe(404);
    } finally {
      await limited.stop();
    }
  }, 90_000);
});
