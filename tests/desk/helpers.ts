// The desk beside a whole test app: the Hono sub-apps mounted as the one server will mount them,
// a small cookie-keeping client for requests without a browser, and serve() for the browser tests.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { DeskSessions, deskKey } from "../../src/domain/desk-sessions.js";
import { createDesk, DESK_BASE } from "../../src/desk/index.js";
import { createPublicSite } from "../../src/desk/public.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

export interface DeskTest extends TestApp {
  root: Hono;
  sessions: DeskSessions;
  org: Person;
  /** Asks the bot for /web as `who` and returns the link's path and query ("/ban-to-chuc/vao?t=…"). */
  linkFrom(who: Person): Promise<string>;
  /** A client signed in as the organizer, through the link /web gives. */
  signIn(): Promise<Client>;
  /** Starts a real HTTP server on loopback; returns its address. */
  listen(): Promise<string>;
  stop(): Promise<void>;
}

export async function createDeskTest(options: Parameters<typeof createTestApp>[0] = {}): Promise<DeskTest> {
  const t = await createTestApp(options);
  const root = new Hono();
  const sessions = new DeskSessions(deskKey(t.dir), { dataDir: t.dir });
  // Mounted as the one server mounts it: under "/ban-to-chuc/", the bare path sent there.
  root.get(DESK_BASE, (c) => c.redirect(`${DESK_BASE}/`, 301));
  root.route(`${DESK_BASE}/`, createDesk({ ...t.app.services, sessions }));
  root.route("/", createPublicSite(t.app.services));
  let server: ReturnType<typeof serve> | undefined;
  const org = t.organizer("Lò Thị Nội Vụ");
  await org.say("/start");
  async function linkFrom(who: Person): Promise<string> {
    const reply = await who.say("/web");
    const m = /https?:\/\/[^/\s]+(\/ban-to-chuc\/vao\?t=\S+)/.exec(reply);
    if (!m) throw new Error(`no link in: ${reply}`);
    return m[1] as string;
  }
  return {
    ...t,
    root,
    sessions,
    org,
    linkFrom,
    async signIn() {
      const c = new Client(root);
      const res = await c.open(await linkFrom(org));
      if (res.status !== 303) throw new Error(`sign-in answered ${res.status}`);
      return c;
    },
    listen() {
      return new Promise((resolve) => {
        server = serve({ fetch: root.fetch, hostname: "127.0.0.1", port: 0 }, (info: AddressInfo) => resolve(`http://127.0.0.1:${info.port}`));
      });
    },
    async stop() {
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      await t.close();
    },
  };
}

/** Where a client's requests seem to come from: the socket's peer (a proxy, say), extra headers, the origin. */
export interface ClientFrom {
  socket?: string;
  headers?: Record<string, string>;
  /** Default http://127.0.0.1 */
  origin?: string;
}

/** A client that keeps the desk's cookie between requests, as a browser would. */
export class Client {
  /** The cookies kept, by name (the session's, and the desk's choice of a closed conference to read). */
  private jar = new Map<string, string>();
  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  set cookie(header: string) {
    this.jar = new Map(
      header
        .split(";")
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as [string, string]),
    );
  }
  constructor(
    private readonly root: Hono,
    private readonly from: ClientFrom = {},
  ) {}

  async get(path: string): Promise<{ status: number; body: string; headers: Headers }> {
    return this.send(path, { method: "GET" });
  }

  async post(path: string, fields: Record<string, string> | FormData): Promise<{ status: number; body: string; headers: Headers }> {
    const body = fields instanceof FormData ? fields : new URLSearchParams(fields);
    return this.send(path, { method: "POST", body });
  }

  /** Opens a sign-in link and presses "Vào bàn làm việc" on the page it shows; returns the answer to the press. */
  async open(link: string): Promise<{ status: number; body: string; headers: Headers }> {
    const shown = await this.get(link);
    if (shown.status !== 200) return shown;
    const token = /name="t" value="([^"]+)"/.exec(shown.body)?.[1];
    if (!token) throw new Error("no sign-in button on the page");
    return this.post("/ban-to-chuc/vao", { t: token.replace(/&amp;/g, "&") });
  }

  /** The CSRF token of the last page read. */
  csrf(page: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(page);
    if (!m) throw new Error("no CSRF token on the page");
    return m[1] as string;
  }

  private async send(path: string, init: RequestInit) {
    const headers = { ...this.from.headers, ...(this.cookie ? { cookie: this.cookie } : {}) };
    // As @hono/node-server hands the Node request over: the socket's peer address in c.env.incoming.
    const env = this.from.socket ? { incoming: { socket: { remoteAddress: this.from.socket } } } : undefined;
    const res = await this.root.request(`${this.from.origin ?? "http://127.0.0.1"}${path}`, { ...init, headers }, env);
    for (const set of res.headers.getSetCookie()) {
      const pair = set.split(";")[0] ?? "";
      const name = pair.slice(0, pair.indexOf("="));
      if (/=$/.test(pair) || /Max-Age=0/i.test(set)) this.jar.delete(name);
      else this.jar.set(name, pair.slice(pair.indexOf("=") + 1));
    }
    return { status: res.status, body: await res.text(), headers: res.headers };
  }
}

/**
 * The Phong Thổ conference file as the same district's conference of a later year (the same communes,
 * agencies and seats; its id, titles and index year changed), written into `dir`; its path. Test data only.
 */
export async function laterConferenceFile(dir: string, year: number): Promise<string> {
  const text = await readFile(path.resolve("conferences/phong-tho-2023.yaml"), "utf8");
  const later = text
    .replace(/^id: phong-tho-2023$/m, `id: phong-tho-${year}`)
    .replace(/^(title: .*)năm 2023"$/m, `$1năm ${year}"`)
    .replace(/^short_title: .*$/m, `short_title: "Hội nghị Chỉ số CCHC năm ${year}"`)
    .replace(/^(scores:\n {2}year:) 2023$/m, `$1 ${year}`);
  const file = path.join(dir, "tai-len", `phong-tho-${year}.yaml`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, later);
  return file;
}
