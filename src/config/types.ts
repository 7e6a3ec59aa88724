// The configuration's shape, at the bottom of the tree (src/app/config.ts reads it from the
// environment): each layer takes the slice it needs.

/** What every mode shares. */
export interface ConfigBase {
  port: number;
  /** Where the HTTP server listens (HOST, default 127.0.0.1). */
  host: string;
  /** Where the organizers' desk listens (DESK_HOST, default 127.0.0.1). */
  deskHost: string;
  /** TRUST_PROXY: the reverse proxies ("loopback" and/or addresses) whose X-Forwarded-For / -Proto are believed; empty: none. */
  trustProxy: string[];
  dataDir: string;
  conferenceFile: string;
  /** Account keys ("telegram:123") that are organizers by configuration. */
  organizerIds: Set<string>;
  /** For printed links and QR codes (giấy mời, poster): the Telegram bot's @username and the Zalo bot's link. */
  links: { telegramBot?: string; zaloBot?: string };
  defaultLanguage: "vi" | "en";
  logLevel: string;
  /** /datlich asks to confirm a risky start (night, weekend, holiday, deadlines in the past); SCHEDULE_CHECKS=off for scripted setups. */
  scheduleChecks: boolean;
  /** UPLOAD_LINK_SECRET: the key personal upload links are signed with; derived from DATA_DIR's desk key when absent. */
  uploadSecret?: string;
}

export interface PlatformBase {
  token: string;
  apiRoot?: string;
  sendRate: number;
  /** Zalo: least milliseconds between two polls (ZALO_POLL_INTERVAL_MS; the channel's default 1 s when unset). */
  pollIntervalMs?: number;
}

/** How a platform's updates arrive: TELEGRAM_UPDATES / ZALO_UPDATES, chosen apart from PUBLIC_URL. */
export type UpdatesMode = "polling" | "webhook";

/** A platform polled for updates: no webhook, so no secret. */
export interface PollingPlatform extends PlatformBase {
  mode: "polling";
  webhookSecret?: never;
}

/** A platform that posts updates to PUBLIC_URL: the secret it must present is always there. */
export interface WebhookPlatform extends PlatformBase {
  mode: "webhook";
  webhookSecret: string;
  /**
   * The mode was not set (TELEGRAM_UPDATES / ZALO_UPDATES) but kept from before, when PUBLIC_URL
   * with the platform's secret meant webhooks: the start-up log says so once.
   */
  modeInferred?: boolean;
}

export type PlatformConfig = PollingPlatform | WebhookPlatform;

/**
 * The configuration. PUBLIC_URL is the address of file links, the desk's sign-in links and the
 * public page, whatever the platforms do; each platform polls or takes webhooks by its own setting
 * (a webhook platform exists only when PUBLIC_URL is set: the configuration refuses otherwise).
 */
export interface AppConfig extends ConfigBase {
  /** PUBLIC_URL without a trailing slash; undefined when the bot has no public address. */
  publicUrl?: string;
  telegram?: PlatformConfig;
  zalo?: PlatformConfig;
}

