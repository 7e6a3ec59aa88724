// Child process for the RSVP crash test: delegates answer /dangky in a burst; `ACK <name>` once each reply came back.
import { createApp } from "../../src/app/app.js";
import { loadConfig } from "../../src/app/config.js";
import { createLogger } from "../../src/lib/logger.js";

const [dir, run] = process.argv.slice(2);
if (!dir || !run) throw new Error("usage: rsvp-crash-child.ts <dir> <run>");

const app = await createApp({ config: loadConfig({ DATA_DIR: dir, LOG_LEVEL: "silent" }), logger: createLogger("silent") });
app.outbox.configure({ autoTick: false });
const communes = app.services.conference.units("commune");
await app.store.mutate((d) => {
  for (const u of communes) {
    const key = `zalo:${u.id}`;
    d.accounts[key] ??= { key, channel: "zalo", userId: u.id, chatId: u.id, displayName: `Đại biểu ${u.name}`, language: "vi", unitId: u.id };
  }
});

let next = 0;
const seats = ["chair", "cchc", "motcua", "kstthc"];
// Several delegates at once, as on the morning the invitations arrive.
async function delegate(): Promise<never> {
  for (;;) {
    const n = next++;
    const unit = communes[n % communes.length];
    if (!unit) throw new Error("no communes");
    const name = `Người ${run}-${n}`;
    await app.bot.handle({ channel: "zalo", userId: unit.id, chatId: unit.id, displayName: `Đại biểu ${unit.name}`, text: `/dangky ${seats[n % 4]} thamdu ${name}` });
    // The reply is the acknowledgement: it comes only once the answer is on disk.
    if (app.store.data.rsvpHistory.some((r) => r.name === name)) process.stdout.write(`ACK ${name}\n`);
  }
}

await Promise.all([delegate(), delegate(), delegate(), delegate()]);
