// What the wiring (src/app/channels.ts) hands a channel: the services it uses, by name, rather than the whole App.
import type { Logger } from "pino";
import type { CommandLayer } from "../../../commands/router.js";
import type { Store } from "../../../storage/store.js";
import type { I18n } from "../../lib/i18n.js";
import type { Clock } from "../../lib/time.js";
import type { ChannelNotifier } from "../../outbox/notifier.js";
import type { WebhookRoutes } from "./webhook.js";

/** What every channel is given. */
export interface ChannelDeps {
  store: Store;
  i18n: I18n;
  /** The app's clock: a channel reads the time from it, never from the machine. */
  clock: Clock;
  logger: Logger;
  /** The command layer that answers requests. */
  bot: CommandLayer;
  /** Where the channel registers its sender of notices. */
  senders: Pick<ChannelNotifier, "register">;
  defaultLanguage: string;
  /** Account keys that are organizers by configuration (ORGANIZER_IDS). */
  organizerIds: Set<string>;
}

/** A platform's settings, as the configuration gives them (TELEGRAM_* or ZALO_*). */
export interface PlatformSettings {
  token: string;
  apiRoot?: string;
  sendRate: number;
  /** Least milliseconds between two polls (Zalo). */
  pollIntervalMs?: number;
  mode: "polling" | "webhook";
  /** Always set in webhook mode (the configuration refuses otherwise). */
  webhookSecret?: string;
}

/** What a platform channel is given besides: its settings, and where its webhook goes. */
export interface PlatformDeps extends ChannelDeps {
  settings: PlatformSettings;
  /** PUBLIC_URL without a trailing slash, in webhook mode. */
  publicUrl?: string;
  /** The app's HTTP server, for the webhook route (it listens before channels start). */
  webhooks: WebhookRoutes;
}
