// What each channel is handed from the App: the services it uses, by name (src/channels/shared/deps.ts), never
// the App itself. Types only from the channels: the console's command (`hoinghi chat`) loads no platform with it.
import type { ConsoleDeps } from "../channels/console/console.js";
import type { ChannelDeps, PlatformDeps } from "../channels/shared/deps.js";
import type { ZaloDeps } from "../channels/zalo/context.js";
import type { App } from "./app.js";
import { unreadableAnswer } from "../../commands/upload-offer.js";

/** What every channel gets from the App. */
export function channelDeps(app: App): ChannelDeps {
  const { store, i18n, clock, logger } = app.services;
  return { store, i18n, clock, logger, bot: app.bot, senders: app.notifier, defaultLanguage: app.config.defaultLanguage, organizerIds: app.config.organizerIds };
}

function platformDeps(app: App, settings: PlatformDeps["settings"]): PlatformDeps {
  return { ...channelDeps(app), settings, publicUrl: app.config.publicUrl, webhooks: app.http };
}

/** The Telegram channel's deps; throws when TELEGRAM_BOT_TOKEN is not set. */
export function telegramDeps(app: App): PlatformDeps {
  if (!app.config.telegram) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  return platformDeps(app, app.config.telegram);
}

/** The Zalo channel's deps: besides, the file links (Zalo takes a picture's URL) and the conference's contact. */
export function zaloDeps(app: App): ZaloDeps {
  if (!app.config.zalo) throw new Error("ZALO_BOT_TOKEN is not set");
  return {
    ...platformDeps(app, app.config.zalo),
    files: app.http.files,
    conference: app.services.conference,
    telegramRuns: Boolean(app.config.telegram),
    answerUnreadable: (who) => unreadableAnswer(app.services, who),
  };
}

/** The console's deps: besides, where files are saved and the conference's units. */
export function consoleDeps(app: App): ConsoleDeps {
  return { ...channelDeps(app), dataDir: app.config.dataDir, conference: app.services.conference };
}

