// Benchmark of the outbox: a notice to 300 accounts on the Telegram emulator at 30 a second, and on the Zalo fake at its configured rate.
import { freePort } from "../tests/helpers/net.js";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { type App, createApp } from "../src/app/app.js";
import { loadConfig } from "../src/app/config.js";
import { createLogger } from "../src/lib/logger.js";
import { telegramChannel } from "../src/app/channels.js";
import { startZalo } from "../src/app/channels.js";
import type { Account, Channel } from "../storage/schema.js";
import { startFakeZalo } from "../tests/zalo/fake-server.js";

export interface BroadcastBench {
  channel: Channel;
  accounts: number;
  /** Messages a second the channel is configured for. */
  rate: number;
  /** From the organizer's confirmation until every delivery is final. */
  elapsedS: number;
  /** accounts / rate: the time the platform's limit allows at best. */
  idealS: number;
  /** elapsedS / idealS (goal ≤ 1.1). */
  ratio: number;
  sent: number;
}


async function seed(app: App, channel: Channel, count: number, id: (i: number) => string): Promise<void> {
  const units = app.services.conference.units();
  await app.store.mutate((d) => {
    for (let i = 0; i < count; i++) {
      const userId = id(i);
      const account: Account = {
        key: `${channel}:${userId}`,
        channel,
        userId,
        chatId: userId,
        displayName: `Đại biểu ${i + 1}`,
        language: "vi",
        unitId: (units[i % units.length] as { id: string }).id,
      };
      d.accounts[account.key] = account;
    }
  });
}

/** The organizer confirms a notice to all delegates; resolves when every delivery is final. */
async function broadcast(app: App, channel: Channel, accounts: number, rate: number): Promise<BroadcastBench> {
  const org = { channel: "console" as const, userId: "org-1", chatId: "org-1", displayName: "Ban tổ chức" };
  await app.bot.handle({ ...org, text: "/thongbao tatca | Kính mời các đồng chí dự Hội nghị phân tích kết quả Chỉ số CCHC lúc 14 giờ 00 ngày 20/6." });
  const t0 = performance.now();
  await app.bot.handle({ ...org, text: "1" });
  await app.outbox.idle(30 * 60_000);
  const elapsedS = (performance.now() - t0) / 1000;
  // The broadcast, not the count report to the organizer that follows it.
  const id = app.store.data.notices.filter((n) => n.kind === "broadcast").at(-1)?.id;
  const sent = app.store.data.deliveries.filter((d) => d.noticeId === id && d.state === "sent").length;
  const idealS = accounts / rate;
  return { channel, accounts, rate, elapsedS, idealS, ratio: elapsedS / idealS, sent };
}

export async function benchTelegramBroadcast(accounts = 300): Promise<BroadcastBench> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 3600 });
  await server.start();
  const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-bench-broadcast-"));
  const config = loadConfig({ DATA_DIR: dir, TELEGRAM_BOT_TOKEN: "7000009:bench-token", TELEGRAM_API_ROOT: server.config.apiURL, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" });
  const app = await createApp({ config, logger: createLogger("silent") });
  try {
    // The channel's sender on the emulator; no polling is needed to send.
    const channel = telegramChannel(app);
    app.notifier.register("telegram", channel.sender);
    await seed(app, "telegram", accounts, (i) => String(500_000 + i));
    return await broadcast(app, "telegram", accounts, config.telegram?.sendRate ?? 30);
  } finally {
    await app.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/** On the Zalo fake at ZALO_SEND_RATE (from the environment, default 5 a second). */
export async function benchZaloBroadcast(accounts = 300, rate = process.env.ZALO_SEND_RATE): Promise<BroadcastBench> {
  const fake = await startFakeZalo();
  const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-bench-broadcast-"));
  const env: Record<string, string> = { DATA_DIR: dir, ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" };
  if (rate) env.ZALO_SEND_RATE = String(rate);
  const config = loadConfig(env);
  const app = await createApp({ config, logger: createLogger("silent") });
  const channel = await startZalo(app, { pollTimeoutSeconds: 1 });
  try {
    await seed(app, "zalo", accounts, (i) => `zb${i.toString(16).padStart(6, "0")}`);
    return await broadcast(app, "zalo", accounts, config.zalo?.sendRate ?? 5);
  } finally {
    await channel?.stop();
    await app.close();
    await fake.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function line(r: BroadcastBench, where: string): string {
  return (
    `broadcast ${r.accounts} accounts on ${where} at ${r.rate}/s: ${r.elapsedS.toFixed(2)} s ` +
    `(limit allows ${r.idealS.toFixed(2)} s), ratio ${r.ratio.toFixed(3)} (goal <= 1.1: ${r.ratio <= 1.1 ? "ok" : "OVER"}), sent ${r.sent}`
  );
}

export async function benchBroadcast(): Promise<BroadcastBench[]> {
  const tg = await benchTelegramBroadcast();
  console.log(line(tg, "the Telegram emulator"));
  const zalo = await benchZaloBroadcast();
  console.log(line(zalo, "the Zalo fake"));
  return [tg, zalo];
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await benchBroadcast();
}
