// Peak memory of a bot process with 10,000 accounts, answers, and the full score table loaded, answering commands.
import { readFile } from "node:fs/promises";
import * as fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createApp } from "../src/app/app.js";
import { loadConfig, ROOT } from "../src/app/config.js";
import { createLogger } from "../src/lib/logger.js";
import { publishScores, replaceScoreTable } from "../src/domain/scores.js";
import { readScoreFile } from "../src/scores/service.js";
import type { Account, Channel } from "../storage/schema.js";

const CHANNELS: Channel[] = ["telegram", "zalo", "console"];

/** Runs in its own process (see run.ts), so the figure is this bot's alone. */
/** `keepDir`: the folder to build the store in and leave behind (the baseline process reads the same file). */
export async function measureMemory(accounts = 10_000, keepDir?: string): Promise<{ accounts: number; peakRssMb: number; heapUsedMb: number }> {
  const dir = keepDir ?? (await fsp.mkdtemp(path.join(os.tmpdir(), "hoinghi-mem-")));
  try {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" });
    const app = await createApp({ config, logger: createLogger("silent") });
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
          displayName: `Đại biểu số ${i} Nguyễn Văn Thắng`,
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
    // A burst of reads and answers, as on the morning of the conference.
    for (let i = 0; i < 500; i++) {
      const userId = String(100_000_000 + (i * 3) * 7919);
      const req = { channel: "telegram" as const, userId, chatId: userId, displayName: `Đại biểu số ${i * 3} Nguyễn Văn Thắng` };
      await app.bot.handle({ ...req, text: i % 2 ? "/chuongtrinh" : "/diem" });
    }
    await app.bot.handle({ channel: "console", userId: "bench", chatId: "bench", displayName: "Bench", text: "/xephang" });
    await app.close();
    return { accounts, peakRssMb: process.resourceUsage().maxRSS / 1024, heapUsedMb: process.memoryUsage().heapUsed / 1048576 };
  } finally {
    if (!keepDir) await fsp.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const r = await measureMemory(Number(process.argv[2] ?? 10_000), process.argv[3]);
  console.log(JSON.stringify(r));
}
