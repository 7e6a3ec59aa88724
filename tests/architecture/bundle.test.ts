// What `npm start` runs is the bundle of scripts/bundle.mjs (dist/start/): built here afresh, it answers on
// Telegram, serves the desk and the public page, and stops cleanly — as the sources do.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";

// Inside the project, as dist/start/ is: the bundle finds locales/ and conferences/ by walking up to package.json.
const out = path.join(ROOT, "dist", `.bundle-test-${process.pid}`);
let dir: string;
let api: http.Server;
let apiRoot: string;
let child: ChildProcess | undefined;
const answers: string[] = [];

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(ROOT, "scripts", "bundle.mjs"), out], { cwd: ROOT });
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-bundle-"));
  // A Bot API that hands over one /chuongtrinh and keeps what the bot sends.
  let delivered = false;
  api = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop();
      const send = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
      if (method === "getMe") return send({ id: 7000043, is_bot: true, first_name: "Bundle", username: "bundle_test_bot" });
      if (method === "getMyCommands") return send([]);
      if (method === "getUpdates") {
        if (delivered) return void setTimeout(() => send([]), 100);
        delivered = true;
        const text = "/chuongtrinh";
        const from = { id: 4343, is_bot: false, first_name: "Đại biểu", language_code: "vi" };
        return send([{ update_id: 1, message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 4343, type: "private", first_name: "Đại biểu" }, from, text, entities: [{ type: "bot_command", offset: 0, length: text.length }] } }]);
      }
      if (method === "sendMessage") {
        answers.push(String((JSON.parse(body) as { text?: string }).text));
        return send({ message_id: answers.length + 1, date: Math.floor(Date.now() / 1000), chat: { id: 4343, type: "private" }, text: "" });
      }
      return send(true);
    });
  });
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  apiRoot = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await new Promise<void>((resolve) => api?.close(() => resolve()));
  await rm(out, { recursive: true, force: true });
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function until<T>(what: () => string, get: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = get();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${what()}`);
}

describe("the bundle npm start runs", () => {
  it("answers the first update, prints and serves the desk, serves the public page, and stops on SIGTERM", async () => {
    const proc = spawn(process.execPath, [path.join(out, "cli.js"), "start"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, PORT: "0", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "7000043:bundle-test", TELEGRAM_API_ROOT: apiRoot },
      stdio: ["ignore", "ignore", "pipe"],
    });
    child = proc;
    let err = "";
    proc.stderr?.on("data", (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => proc.on("exit", (code) => resolve(code)));

    const answer = await until(() => `answer (stderr: ${err})`, () => answers[0]);
    expect(answer).toContain("Nội dung hội nghị");
    const url = await until(() => `desk address (stderr: ${err})`, () => /Trang làm việc của Ban tổ chức: (http:\/\/\S+)/.exec(err)?.[1]);
    const desk = await fetch(url);
    expect(desk.status).toBe(401);
    expect(await desk.text()).toContain("gõ /web trong cuộc trò chuyện với bot");
    const home = await fetch(new URL("/", url));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ");

    proc.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("holds its large chunks as ASCII text, which V8 keeps at one byte a character instead of two", async () => {
    const chunks = path.join(out, "chunks");
    const large: string[] = [];
    for (const name of (await readdir(chunks)).filter((n) => n.endsWith(".js"))) {
      const bytes = await readFile(path.join(chunks, name));
      if (bytes.length < 50_000) continue;
      large.push(name);
      // A Vietnamese word or a curly quote in a regular expression turns the whole chunk into two-byte text.
      const first = bytes.findIndex((b) => b > 0x7f);
      expect(first < 0 ? "" : `${name}: …${bytes.subarray(Math.max(0, first - 40), first + 8).toString("utf8")}…`).toBe("");
    }
    // The code of a start (ours and grammY's) is in them.
    expect(large.length).toBeGreaterThan(2);
  });
});
