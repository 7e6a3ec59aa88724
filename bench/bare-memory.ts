// The baseline of the memory figure: a bare process holding grammY and the same store file, parsed, and nothing else.
import { readFileSync } from "node:fs";
import { Bot } from "grammy";

const file = process.argv[2];
if (!file) throw new Error("usage: bare-memory.js STORE_FILE");
// Built and given its handler, as a bot is before its first update; never started, so no network.
const bot = new Bot("1:bench");
bot.command("chuongtrinh", (ctx) => ctx.reply("Chương trình hội nghị"));
const store = JSON.parse(readFileSync(file, "utf8")) as { accounts: Record<string, unknown> };
const accounts = Object.keys(store.accounts).length;
console.log(JSON.stringify({ accounts, peakRssMb: process.resourceUsage().maxRSS / 1024, heldBot: typeof bot.handleUpdate }));
