// The baseline of the memory figure: a bare process holding grammY and the same store files, parsed, and nothing else.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Bot } from "grammy";

const file = process.argv[2];
if (!file) throw new Error("usage: bare-memory.js STORE_FILE");
// Built and given its handler, as a bot is before its first update; never started, so no network.
const bot = new Bot("1:bench");
bot.command("chuongtrinh", (ctx) => ctx.reply("Chương trình hội nghị"));
// The main file and every part beside it (storage/partitions.ts), each parsed and held.
const parts = `${file.replace(/\.json$/, "")}.parts`;
const held = [file, ...(existsSync(parts) ? (readdirSync(parts, { recursive: true }) as string[]).filter((n) => n.endsWith(".json")).map((n) => path.join(parts, n)) : [])].map(
  (f) => JSON.parse(readFileSync(f, "utf8")) as { accounts?: Record<string, unknown> },
);
const accounts = held.reduce((n, h) => n + Object.keys(h.accounts ?? {}).length, 0);
console.log(JSON.stringify({ accounts, peakRssMb: process.resourceUsage().maxRSS / 1024, heldBot: typeof bot.handleUpdate }));
