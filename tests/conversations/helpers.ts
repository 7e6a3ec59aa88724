// People of the conference on the Telegram channel (stubbed Bot API), next to the console people of tests/helpers/app.ts.
import { telegramChannel } from "../../src/app/channels.js";
import { readStoreFilesSync } from "../../storage/layout.js";
/** The schema version that brought typed steps. */
const STEPS_VERSION = 4;
import { createTestApp, type TestApp } from "../helpers/app.js";
import { flatFile, writeOneFileStore } from "../helpers/conference-store.js";
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
  const conference = app.app.conferences.primary.id;
  await app.app.close();
  // Version 3: the last before typed steps (storage/schema.ts, migration 3 → 4), one file holding the shared data and the conference's.
  const old = flatFile(readStoreFilesSync(app.dir), STEPS_VERSION - 1, conference);
  old.sessions = sessions;
  await writeOneFileStore(app.dir, old);
  return createTestApp({ dir: app.dir, ...options });
}
