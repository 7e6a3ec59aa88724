// Child process for the kill test: an app on DATA_DIR whose Telegram "platform" appends each accepted message to a file; seeds and confirms a broadcast, or resumes.
import * as fs from "node:fs";
import { createApp } from "../../src/app/app.js";
import { loadConfig } from "../../src/app/config.js";
import { createLogger } from "../../src/lib/logger.js";
import { seedDelegates } from "./helpers.js";

const [dir, mode, record] = process.argv.slice(2);
if (!dir || !mode || !record) throw new Error("usage: kill-child.ts <dir> seed|resume <record file>");

const config = loadConfig({ DATA_DIR: dir, ORGANIZER_IDS: "console:org-1", LOG_LEVEL: "silent" });
const app = await createApp({ config, logger: createLogger("silent") });
app.outbox.configure({ limits: { telegram: { rate: 150, chatGapMs: 0 } } });
app.notifier.register("telegram", async (account) => {
  await new Promise((r) => setTimeout(r, 3 + Math.random() * 12));
  // The platform has accepted the message: from here on it has arrived, whatever happens to us.
  fs.appendFileSync(record, `${account.key}\n`);
});
const keepAlive = setInterval(() => {}, 1000);

if (mode === "seed") {
  await seedDelegates(app, 300, "telegram");
  const org = { channel: "console" as const, userId: "org-1", chatId: "org-1", displayName: "Ban tổ chức" };
  await app.bot.handle({ ...org, text: "/thongbao tatca | Kính mời các đồng chí dự hội nghị lúc 14 giờ." });
  const confirmed = await app.bot.handle({ ...org, text: "1" });
  process.stdout.write(`QUEUED ${JSON.stringify(confirmed)}\n`);
}
await app.outbox.idle(60_000);
process.stdout.write("DONE\n");
clearInterval(keepAlive);
await app.close();
