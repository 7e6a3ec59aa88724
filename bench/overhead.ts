// Read-command overhead: /chuongtrinh through the whole Telegram channel vs a bare grammY bot, same stubbed API.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Bot, type Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createApp } from "../src/app/app.js";
import { loadConfig } from "../src/app/config.js";
import { createLogger } from "../src/lib/logger.js";
import { telegramChannel } from "../src/app/channels.js";

const BOT_INFO = {
  id: 7000001,
  is_bot: true,
  first_name: "Bench",
  username: "bench_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as UserFromGetMe;

/** Answers every Bot API call at once, as a Bot API server on localhost would. */
const stubApi = (async (_prev: unknown, method: string, payload: Record<string, unknown>) => {
  if (method === "sendMessage") return { ok: true, result: { message_id: 1, date: 0, chat: { id: payload.chat_id, type: "private" }, text: payload.text } };
  return { ok: true, result: true };
}) as unknown as Transformer;

let updateId = 1;
function agendaUpdate(): Update {
  const text = "/chuongtrinh";
  return {
    update_id: updateId++,
    message: {
      message_id: updateId,
      date: 1_800_000_000,
      chat: { id: 4242, type: "private", first_name: "Đại biểu" },
      from: { id: 4242, is_bot: false, first_name: "Đại biểu" },
      text,
      entities: [{ type: "bot_command", offset: 0, length: text.length }],
    },
  } as Update;
}

/** Updates a second, handled one after the other (as polling does). */
async function rate(handle: (u: Update) => Promise<void>, n: number): Promise<number> {
  for (let i = 0; i < 50; i++) await handle(agendaUpdate()); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) await handle(agendaUpdate());
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return n / seconds;
}

export async function benchOverhead(n = 2000): Promise<{ ours: number; bare: number; ratio: number }> {
  const bare = new Bot("1:bench", { botInfo: BOT_INFO });
  bare.api.config.use(stubApi);
  bare.command("chuongtrinh", (ctx) => ctx.reply("Chương trình hội nghị"));
  const bareRate = await rate((u) => bare.handleUpdate(u), n);

  const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-bench-"));
  const config = loadConfig({ DATA_DIR: dir, TELEGRAM_BOT_TOKEN: "1:bench", LOG_LEVEL: "silent" });
  const app = await createApp({ config, logger: createLogger("silent") });
  const channel = telegramChannel(app, { botInfo: BOT_INFO, transformers: [stubApi] });
  const oursRate = await rate((u) => channel.bot.handleUpdate(u), n);
  await app.close();
  await rm(dir, { recursive: true, force: true });
  return { ours: oursRate, bare: bareRate, ratio: oursRate / bareRate };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchOverhead();
  // `--json`: for bench/run.ts, which runs this under npm start's node flags.
  if (process.argv.includes("--json")) console.log(JSON.stringify(r));
  else console.log(`read command /chuongtrinh: ${r.ours.toFixed(0)} updates/s vs bare grammY ${r.bare.toFixed(0)} updates/s, ratio ${r.ratio.toFixed(3)} (goal >= 0.1)`);
}
