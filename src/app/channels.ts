// The channels `hoinghi start` runs, in this order, listed here rather than registered by their modules.
import { createTelegramChannel } from "../channels/telegram/channel.js";
import type { RunningChannel } from "../channels/running.js";
import { startZalo } from "../channels/zalo/channel.js";
import type { App } from "./app.js";


/** A channel starter: returns undefined when its token is not configured. */
export type ChannelStarter = (app: App) => Promise<RunningChannel | undefined>;

export interface ChannelEntry {
  name: "telegram" | "zalo";
  start: ChannelStarter;
}

/** Telegram when TELEGRAM_BOT_TOKEN is set, Zalo when ZALO_BOT_TOKEN is set; the console when neither is (main.ts). */
export const CHANNELS: readonly ChannelEntry[] = [
  {
    name: "telegram",
    async start(app) {
      if (!app.config.telegram) return undefined;
      const channel = createTelegramChannel(app);
      await channel.start();
      return channel;
    },
  },
  { name: "zalo", start: (app) => startZalo(app) },
];
