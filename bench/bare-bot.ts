// The baseline of the start-up figure: a bare grammY bot answering /chuongtrinh, compiled and started as `npm start` starts ours.
import { Bot } from "grammy";

const token = process.env.TELEGRAM_BOT_TOKEN;
if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
const bot = new Bot(token, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.command("chuongtrinh", (ctx) => ctx.reply("Chương trình hội nghị"));
process.once("SIGTERM", () => void bot.stop());
await bot.start({ timeout: 1 });
