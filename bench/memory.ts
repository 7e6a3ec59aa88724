// Peak memory of the bot as `npm start` runs it, holding 10,000 accounts, the published score table and the time and place set, answering a burst on Telegram.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as fsp from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Account, Channel } from "../storage/schema.js";
import { startCommand } from "./start-command.js";

const CHANNELS: Channel[] = ["telegram", "zalo", "console"];
const TOKEN = "7000043:bench-memory";
/** The i-th Telegram account of the store built below (every third account is on Telegram). */
const telegramUser = (i: number) => ({ chat: 100_000_000 + i * 3 * 7919, name: `Đại biểu số ${i * 3}` });
const FAMILY_NAME = "Nguyễn Văn Thắng";

/**
 * Builds the store the measured bot starts on, in a process of its own (`memory.js build N DIR`):
 * building it (10,000 accounts in one change, the score import and publication) is not what the
 * running bot does, so it must not count in the bot's peak.
 */
export async function buildStore(dir: string, accounts: number): Promise<void> {
  const { readFile } = await import("node:fs/promises");
  const { createApp } = await import("../src/app/app.js");
  const { loadConfig } = await import("../src/app/config.js");
  const { ROOT } = await import("../src/config/paths.js");
  const { createLogger } = await import("../src/lib/logger.js");
  const { publishScores, replaceScoreTable } = await import("../src/domain/scores.js");
  const { setSchedule } = await import("../src/domain/schedule.js");
  const { readScoreFile } = await import("../src/scores/service.js");
  const app = await createApp({ config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" }), logger: createLogger("silent") });
  const units = app.services.conference.units();
  const now = new Date("2027-05-01T02:00:00Z");
  await app.store.mutate((d) => {
    for (let i = 0; i < accounts; i++) {
      const channel = CHANNELS[i % CHANNELS.length] as Channel;
      const userId = String(100_000_000 + i * 7919);
      const unit = units[i % units.length];
      const a: Account = {
        key: `${channel}:${userId}`,
        channel,
        userId,
        chatId: userId,
        displayName: `Đại biểu số ${i} ${FAMILY_NAME}`,
        language: "vi",
        unitId: unit?.id,
        joinedAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
      };
      d.accounts[a.key] = a;
    }
  });
  const sample = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");
  const table = await readScoreFile(app.services.conference, sample, await readFile(sample));
  await replaceScoreTable(app.store, { table, by: "cli:bench", now });
  await publishScores(app.store, { by: "cli:bench", now });
  // The communes were asked for their remediation plans when the results came out (issue 23): done
  // already on the days measured here, so the bot starts with nothing of it left to send.
  const { markRemedyRequested } = await import("../src/domain/remedy.js");
  await markRemedyRequested(app.store, app.store.data.scores.publishedAt as string);
  // Time and place set, as on the conference's days: /chuongtrinh then shows a local time too.
  const start = new Date("2027-06-20T07:00:00Z");
  await setSchedule(app.services, { start, place: "Hội trường UBND huyện Phong Thổ", by: "cli:bench", now });
  await app.close();
}

interface FakeApi {
  apiRoot: string;
  /** Hands the bot these updates (through getUpdates, at most 100 a call, as Telegram does). */
  deliver(updates: Array<{ chat: number; name: string; text: string }>): void;
  /**
   * Once every chat given has been answered (by `methods`) and nothing was sent for `quietMs`: the
   * time (performance.now) of the last message sent.
   */
  answered(chats: number[], methods: string[], quietMs?: number): Promise<number>;
  polling(): Promise<void>;
  close(): Promise<void>;
}

/** A Bot API on loopback: getMe, the updates given to `deliver`, and a record of what the bot sends. */
async function fakeBotApi(): Promise<FakeApi> {
  let nextId = 1;
  let queue: Array<Record<string, unknown>> = [];
  let waitingPoll: (() => void) | undefined;
  let onPoll: (() => void) | undefined;
  let lastSendAt = 0;
  const sent = new Map<string, Set<number>>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const method = (req.url ?? "").split("/").pop() ?? "";
      const send = (result: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ ok: true, result }));
      const json = (req.headers["content-type"] ?? "").includes("json") ? (JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>) : {};
      if (method === "getMe") return send({ id: 7000043, is_bot: true, first_name: "Bench", username: "bench_memory_bot", can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false });
      if (method === "getUpdates") {
        onPoll?.();
        const offset = Number(json.offset ?? 0);
        queue = queue.filter((u) => (u.update_id as number) >= offset);
        const answer = () => send(queue.slice(0, Number(json.limit ?? 100)));
        if (queue.length > 0) return answer();
        // Long polling: held until updates come, or a short while (the bot polls again).
        const timer = setTimeout(() => {
          waitingPoll = undefined;
          answer();
        }, 500);
        waitingPoll = () => {
          clearTimeout(timer);
          waitingPoll = undefined;
          answer();
        };
        return;
      }
      if (method.startsWith("send") && method !== "sendChatAction") {
        lastSendAt = performance.now();
        // A multipart body (a photo): the chat id is one of its fields.
        const chat = Number(json.chat_id ?? /name="chat_id"\r\n\r\n(-?\d+)/.exec(Buffer.concat(chunks).toString("latin1"))?.[1]);
        if (!sent.has(method)) sent.set(method, new Set());
        sent.get(method)?.add(chat);
        return send({ message_id: 2, date: Math.floor(Date.now() / 1000), chat: { id: chat, type: "private" }, text: "" });
      }
      if (method === "getMyCommands") return send([]);
      return send(true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    deliver(updates) {
      for (const { chat, name, text } of updates) {
        const id = nextId++;
        queue.push({
          update_id: id,
          message: {
            message_id: id,
            date: Math.floor(Date.now() / 1000),
            // The name the account was stored with: a delegate writing as usual, not one who renamed themselves.
            chat: { id: chat, type: "private", first_name: name, last_name: FAMILY_NAME },
            from: { id: chat, is_bot: false, first_name: name, last_name: FAMILY_NAME, language_code: "vi" },
            text,
            entities: [{ type: "bot_command", offset: 0, length: text.length }],
          },
        });
      }
      waitingPoll?.();
    },
    async answered(chats, methods, quietMs = 500) {
      for (;;) {
        await new Promise((r) => setTimeout(r, 50));
        const done = chats.every((c) => methods.some((m) => sent.get(m)?.has(c)));
        if (done && performance.now() - lastSendAt >= quietMs) return lastSendAt;
      }
    },
    polling: () => new Promise<void>((resolve) => (onPoll = resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The child's peak resident set so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (!kb) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kb) / 1024;
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));
  proc.kill("SIGTERM");
  const timer = setTimeout(() => proc.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface BotMemory {
  /** Peak after start-up on the store and the burst of /chuongtrinh and /diem. */
  answeringMb: number;
  /** From handing the burst over to its last answer: what a flag that saves memory costs in time. */
  burstMs: number;
  /** Peak once /xephang has drawn and sent the ranking chart too. */
  withChartMb: number;
}

/** Starts the bot as `npm start` does on `dir`, sends it `burst` reads from as many delegates, then /xephang. */
export async function measureBot(root: string, dir: string, burst = 500): Promise<BotMemory> {
  const api = await fakeBotApi();
  const env = { ...process.env, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: api.apiRoot, DATA_DIR: dir, PUBLIC_URL: "", PORT: "0", ZALO_BOT_TOKEN: "" };
  const polling = api.polling();
  const start = startCommand(root);
  const proc = spawn(process.execPath, [...start.flags, ...start.args], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  proc.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  const died = new Promise<never>((_, reject) => proc.once("exit", (code) => reject(new Error(`the bot exited with ${code}: ${stderr.slice(0, 500)}`))));
  died.catch(() => {});
  try {
    await Promise.race([polling, died]);
    const users = Array.from({ length: burst }, (_, i) => telegramUser(i));
    const started = performance.now();
    api.deliver(users.map((u, i) => ({ ...u, text: i % 2 ? "/chuongtrinh" : "/diem" })));
    const lastAnswer = await Promise.race([api.answered(users.map((u) => u.chat), ["sendMessage"]), died]);
    const burstMs = lastAnswer - started;
    const answeringMb = peakRssMb(proc.pid as number);
    const ranking = telegramUser(burst);
    api.deliver([{ ...ranking, text: "/xephang" }]);
    await Promise.race([api.answered([ranking.chat], ["sendPhoto"]), died]);
    return { answeringMb, burstMs, withChartMb: peakRssMb(proc.pid as number) };
  } finally {
    await stopChild(proc);
    await api.close();
  }
}

export interface MemoryBench extends BotMemory {
  /** The bare process under npm start's node flags, as ours runs: the baseline of the ratio. */
  bareMb: number;
  /** The same under plain `node`, for comparison. */
  plainBareMb: number;
  ratio: number;
  runs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Medians of `runs` bots and bare processes, alternating, on one store built beforehand. */
export async function benchMemory(root: string, accounts = 10_000, runs = 3): Promise<MemoryBench> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "hoinghi-mem-"));
  const script = (name: string) => path.join(root, "dist", "bench", name);
  try {
    execFileSync(process.execPath, [script("memory.js"), "build", String(accounts), dir], { stdio: "inherit" });
    const file = path.join(dir, "hoinghi.json");
    const ours: BotMemory[] = [];
    const bare: number[] = [];
    const plainBare: number[] = [];
    const flags = startCommand(root).flags;
    const bareRss = (nodeFlags: string[]) =>
      (JSON.parse(execFileSync(process.execPath, [...nodeFlags, script("bare-memory.js"), file], { encoding: "utf8" })) as { peakRssMb: number }).peakRssMb;
    for (let i = 0; i < runs; i++) {
      // Each run starts on the store as built (a run leaves the updates it handled in its copy).
      const runDir = path.join(dir, `run-${i}`);
      await fsp.mkdir(runDir);
      await fsp.copyFile(file, path.join(runDir, "hoinghi.json"));
      await fsp.cp(path.join(dir, "hoinghi.parts"), path.join(runDir, "hoinghi.parts"), { recursive: true });
      ours.push(await measureBot(root, runDir));
      // The same flags for the baseline: a flag that saves memory must not count as our saving alone.
      bare.push(bareRss(flags));
      plainBare.push(bareRss([]));
    }
    const answeringMb = median(ours.map((o) => o.answeringMb));
    const bareMb = median(bare);
    return {
      answeringMb,
      burstMs: median(ours.map((o) => o.burstMs)),
      withChartMb: median(ours.map((o) => o.withChartMb)),
      bareMb,
      plainBareMb: median(plainBare),
      ratio: answeringMb / bareMb,
      runs,
    };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [what, n, dir] = process.argv.slice(2);
  if (what === "build" && dir) await buildStore(dir, Number(n ?? 10_000));
  else {
    const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
    console.log(JSON.stringify(await benchMemory(root, Number(n ?? 10_000))));
  }
}
