// Start-up: time from process start to the first answered Telegram update, ours (`npm start`'s compiled code) vs a bare grammY bot.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../src/config/paths.js";
import { startCommand } from "./start-command.js";

const TOKEN = "7000042:bench-startup";

/**
 * A Bot API on loopback: getMe, one /chuongtrinh on the first getUpdates, and the moment the
 * first sendMessage arrives. Every other method answers `true`.
 */
async function fakeBotApi(): Promise<{ apiRoot: string; answered: () => Promise<number>; reset(): void; close(): Promise<void> }> {
  let delivered = false;
  let onAnswer: ((at: number) => void) | undefined;
  let answeredAt: number | undefined;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const send = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
      if (method === "getMe") return send({ id: 7000042, is_bot: true, first_name: "Bench", username: "bench_startup_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      if (method === "getUpdates") {
        if (!delivered) {
          delivered = true;
          const text = "/chuongtrinh";
          return send([
            {
              update_id: 1,
              message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: 4242, type: "private", first_name: "Đại biểu" }, from: { id: 4242, is_bot: false, first_name: "Đại biểu", language_code: "vi" }, text, entities: [{ type: "bot_command", offset: 0, length: text.length }] },
            },
          ]);
        }
        return void setTimeout(() => send([]), 200);
      }
      if (method === "sendMessage") {
        if (answeredAt === undefined) {
          answeredAt = performance.now();
          onAnswer?.(answeredAt);
        }
        return send({ message_id: 2, date: Math.floor(Date.now() / 1000), chat: { id: 4242, type: "private" }, text: "" });
      }
      if (method === "getMyCommands") return send([]);
      return send(true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    answered: () => (answeredAt !== undefined ? Promise.resolve(answeredAt) : new Promise<number>((resolve) => (onAnswer = resolve))),
    reset() {
      delivered = false;
      answeredAt = undefined;
      onAnswer = undefined;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Milliseconds from spawning `node <script> …args` to the first answer it sends. */
async function timeToFirstAnswer(api: Awaited<ReturnType<typeof fakeBotApi>>, script: string[], env: NodeJS.ProcessEnv): Promise<number> {
  api.reset();
  const started = performance.now();
  const proc = spawn(process.execPath, script, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  try {
    const died = new Promise<never>((_, reject) => proc.once("exit", (code) => reject(new Error(`${script.join(" ")} exited with ${code} before answering: ${stderr.slice(0, 500)}`))));
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${script.join(" ")}: no answer within 60 s`)), 60_000).unref());
    const at = await Promise.race([api.answered(), died, timeout]);
    return at - started;
  } finally {
    await stopChild(proc);
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export interface StartupBench {
  oursMs: number;
  /** The bare bot under npm start's node flags: the baseline of the ratio. */
  bareMs: number;
  /** The same under plain `node`, for comparison. */
  plainBareMs: number;
  ratio: number;
  runs: number;
}

/** Medians of `runs` starts each, alternating ours and the bare bot so both see the same machine. */
export async function benchStartup(runs = 5): Promise<StartupBench> {
  const api = await fakeBotApi();
  const ours: number[] = [];
  const bare: number[] = [];
  const plainBare: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-startup-"));
      try {
        // PORT=0: the HTTP server takes a free port, so a bot or a bench already on 8080 does not stop this one.
        const env = { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dir, LOG_LEVEL: "silent", PUBLIC_URL: "", PORT: "0" };
        // What `npm start` runs (the bundle of scripts/bundle.mjs), with its node flags, read from package.json.
        const start = startCommand(ROOT);
        ours.push(await timeToFirstAnswer(api, [...start.flags, ...start.args], env));
        // Started the same way: under npm start's node flags too, so that a flag that costs time
        // (no background compiler threads, say) counts against both alike.
        const bareBot = path.join(ROOT, "dist", "bench", "bare-bot.js");
        bare.push(await timeToFirstAnswer(api, [...start.flags, bareBot], env));
        plainBare.push(await timeToFirstAnswer(api, [bareBot], env));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await api.close();
  }
  const oursMs = median(ours);
  const bareMs = median(bare);
  return { oursMs, bareMs, plainBareMs: median(plainBare), ratio: oursMs / bareMs, runs };
}
