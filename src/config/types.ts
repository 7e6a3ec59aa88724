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

/** A platform polled for updates: no webhook, so no secret. */
export interface PollingPlatform extends PlatformBase {
  mode: "polling";
  webhookSecret?: never;
}

/** A platform that posts updates to PUBLIC_URL: the secret it must present is always there. */
export interface WebhookPlatform extends PlatformBase {
  mode: "webhook";
  webhookSecret: string;
}

export type PlatformConfig = PollingPlatform | WebhookPlatform;

/** Without PUBLIC_URL: every platform polls. */
export interface PollingConfig extends ConfigBase {
  mode: "polling";
  publicUrl?: never;
  telegram?: PollingPlatform;
  zalo?: PollingPlatform;
}

/** With PUBLIC_URL: every platform configured takes webhooks there, each with its secret. */
export interface WebhookConfig extends ConfigBase {
  mode: "webhook";
  /** Without a trailing slash. */
  publicUrl: string;
  telegram?: WebhookPlatform;
  zalo?: WebhookPlatform;
}

/** The configuration: the webhook secret of a platform exists exactly in webhook mode. */
export type AppConfig = PollingConfig | WebhookConfig;

/** The environment is wrong: one line per variable at fault. */
