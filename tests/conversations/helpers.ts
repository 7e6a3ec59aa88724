// People of the conference on the Telegram channel (stubbed Bot API), next to the console people of tests/helpers/app.ts.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { telegramChannel } from "../../src/app/channels.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { BOT_INFO, fakeTelegram, type Sender, textUpdate } from "../telegram/helpers.js";

export interface Phone {
  key: string;
  /** Sends a message as Telegram delivers it; returns the texts the bot sent back, joined. */
  say(text: string): Promise<string>;
}

/** A Telegram channel on the test app; `phone(id, name)` is a person writing to the bot from Telegram. */
export function telegramOf(h: TestApp) {
  const tg = fakeTelegram();
  const channel = telegramChannel(h.app, { botInfo: BOT_INFO, transformers: [tg.transformer] });
  return {
    tg,
    phone(id: number, firstName: string): Phone {
      const sender: Sender = { id, first_name: firstName, language_code: "vi" };
      return {
        key: `telegram:${id}`,
        async say(text: string) {
          const before = tg.messages(id).length;
          await channel.bot.handleUpdate(textUpdate(sender, text));
          return tg.texts(id).slice(before).join("\n\n");
        },
      };
    },
  };
}

/**
 * Closes `app` and opens its store again as the schema version before typed steps wrote it, with
 * `sessions` as that version kept them (command lines): what a store of a running conference looks
 * like on the day the program is upgraded. The caller keeps (and removes) `app.dir`.
 */
export async function reopenBeforeSteps(app: TestApp, sessions: Record<string, unknown>, options: { now?: string } = {}): Promise<TestApp> {
  const file = path.join(app.dir, "hoinghi.json");
  await app.app.close();
  const old = JSON.parse(await readFile(file, "utf8"));
  // Version 3: the last before typed steps (version 4); later versions (5: tasks) migrate on from it.
  old.schemaVersion = 3;
  old.sessions = sessions;
  await writeFile(file, JSON.stringify(old));
  return createTestApp({ dir: app.dir, ...options });
}
