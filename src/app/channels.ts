// The channels `hoinghi start` runs, in this order, listed here rather than registered by their modules, each made
// from what channel-deps.ts takes out of the App for it.
import type { Channel } from "../channels/lifecycle.js";
import { createTelegramChannel, type TelegramChannel } from "../channels/telegram/channel.js";
import type { TelegramChannelOptions } from "../channels/telegram/context.js";
import { createZaloChannel, type ZaloChannel } from "../channels/zalo/channel.js";
import type { ZaloChannelOptions } from "../channels/zalo/context.js";
import type { Logger } from "pino";
import type { AppConfig } from "../config/types.js";
import type { App } from "./app.js";
import { telegramDeps, zaloDeps } from "./channel-deps.js";


/** The Telegram channel of an App, made (not started). */
export function telegramChannel(app: App, options?: TelegramChannelOptions): TelegramChannel {
  return createTelegramChannel(telegramDeps(app), options);
}

/** The Zalo channel of an App, made (not started). */
export function zaloChannel(app: App, options?: ZaloChannelOptions): ZaloChannel {
  return createZaloChannel(zaloDeps(app), options);
}

/**
 * The Zalo channel of an App, made and started, as `hoinghi start` would (the server listening
 * before a webhook is registered); undefined when ZALO_BOT_TOKEN is not set.
 */
export async function startZalo(app: App, options?: ZaloChannelOptions): Promise<ZaloChannel | undefined> {
  if (!app.config.zalo) return undefined;
  const channel = zaloChannel(app, options);
  if (channel.mode === "webhook") await app.http.listen();
  await channel.start();
  return channel;
}

export interface ChannelEntry {
  name: "telegram" | "zalo";
  /** The channel, made (not started); undefined when its token is not configured. */
  create(app: App): Channel | undefined;
}

/** Telegram when TELEGRAM_BOT_TOKEN is set, Zalo when ZALO_BOT_TOKEN is set; the console when neither is (main.ts). */
export const CHANNELS: readonly ChannelEntry[] = [
  { name: "telegram", create: (app) => (app.config.telegram ? telegramChannel(app) : undefined) },
  { name: "zalo", create: (app) => (app.config.zalo ? zaloChannel(app) : undefined) },
];

/**
 * What the start-up log says once about how the platforms were configured: a webhook kept from a
 * deployment of before (PUBLIC_URL with the secret, no TELEGRAM_UPDATES / ZALO_UPDATES), which
 * should now be said explicitly; and, without PUBLIC_URL, that files and pictures cannot reach Zalo.
 */
export function logUpdateModes(config: AppConfig, logger: Pick<Logger, "info" | "warn">): void {
  for (const [name, platform] of [["TELEGRAM", config.telegram], ["ZALO", config.zalo]] as const) {
    if (platform?.mode === "webhook" && platform.modeInferred)
      logger.warn(
        { setting: `${name}_UPDATES` },
        `${name}_UPDATES is not set: webhooks kept because PUBLIC_URL and ${name}_WEBHOOK_SECRET are set; PUBLIC_URL alone no longer means webhooks, write ${name}_UPDATES=webhook in .env to keep them`,
      );
  }
  if (!config.publicUrl && config.zalo) logger.warn("PUBLIC_URL is not set: pictures and files cannot reach Zalo users (they get the text), and the desk opens only on this machine");
}
