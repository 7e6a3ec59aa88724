// The one validated configuration: read from the environment once, refused with a plain message.
import { DEFAULT_CONFERENCE } from "../config/paths.js";
import type { AppConfig, ConfigBase, PlatformBase, PlatformConfig, UpdatesMode } from "../config/types.js";
// A namespace import, as zod advises: the bundle (scripts/bundle.mjs) then leaves out what is not used, such as its 50 locales.
import * as z from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());

const Env = z
  .object({
    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: z.preprocess(blankToUndefined, z.string().url().optional()),
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "1-256 characters of A-Z a-z 0-9 _ -").optional(),
    ),
    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_ROOT: z.preprocess(blankToUndefined, z.string().url().optional()),
    ZALO_WEBHOOK_SECRET: z.preprocess(blankToUndefined, z.string().min(8).max(256).optional()),
    ZALO_SEND_RATE: z.preprocess(blankToUndefined, z.coerce.number().positive().max(100).default(5)),
    ZALO_POLL_INTERVAL_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(60_000).optional()),
    TELEGRAM_SEND_RATE: z.preprocess(blankToUndefined, z.coerce.number().positive().max(30).default(30)),
    PUBLIC_URL: z.preprocess(blankToUndefined, z.string().url().optional()),
    // How each platform's updates arrive: polling (no public address needed) or webhook (PUBLIC_URL and the secret).
    TELEGRAM_UPDATES: z.preprocess(blankToUndefined, z.enum(["polling", "webhook"]).optional()),
    ZALO_UPDATES: z.preprocess(blankToUndefined, z.enum(["polling", "webhook"]).optional()),
    PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(8080)),
    // Where the HTTP server listens: loopback unless the operator says otherwise (0.0.0.0 in a container).
    HOST: z.preprocess(
      blankToUndefined,
      z.string().regex(/^(?:[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/, "an address or host name, e.g. 127.0.0.1 or 0.0.0.0").default("127.0.0.1"),
    ),
    // Where the organizers' desk listens: loopback unless the operator says otherwise.
    DESK_HOST: z.preprocess(
      blankToUndefined,
      z.string().regex(/^(?:[A-Za-z0-9.-]{1,253}|[0-9A-Fa-f:.]{2,45})$/, "an address or host name, e.g. 127.0.0.1 or 0.0.0.0").default("127.0.0.1"),
    ),
    // The reverse proxy whose X-Forwarded-For / X-Forwarded-Proto are believed: none by default.
    TRUST_PROXY: z.preprocess(blankToUndefined, z.string().default("")),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
    CONFERENCE_FILE: z.preprocess(blankToUndefined, z.string().default(DEFAULT_CONFERENCE)),
    ORGANIZER_IDS: z.preprocess(blankToUndefined, z.string().default("")),
    TELEGRAM_BOT_USERNAME: z.preprocess(blankToUndefined, z.string().regex(/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/, "a Telegram bot username (letters, digits, _)").optional()),
    ZALO_BOT_LINK: z.preprocess(blankToUndefined, z.string().url().optional()),
    DEFAULT_LANGUAGE: z.preprocess(blankToUndefined, z.enum(["vi", "en"]).default("vi")),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
    SCHEDULE_CHECKS: z.preprocess(blankToUndefined, z.enum(["on", "off"]).default("on")),
    // The key of personal upload links (a file handed in from a phone): long enough not to be guessed.
    UPLOAD_LINK_SECRET: z.preprocess(blankToUndefined, z.string().min(32, "at least 32 characters (e.g. openssl rand -base64 32)").optional()),
  })
  .superRefine((env, ctx) => {
    for (const entry of proxyList(env.TRUST_PROXY)) {
      if (entry !== "loopback" && !/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i.test(entry))
        ctx.addIssue({ code: "custom", path: ["TRUST_PROXY"], message: `"${entry}" is not "loopback" or an IP address (e.g. TRUST_PROXY=loopback or TRUST_PROXY=10.0.0.2,10.0.0.3)` });
    }
    for (const id of env.ORGANIZER_IDS.split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!/^(telegram|zalo|console):\S+$/.test(id))
        ctx.addIssue({ code: "custom", path: ["ORGANIZER_IDS"], message: `"${id}" is not channel:id (telegram:123, zalo:abc, console:name)` });
    }
  });

/** TRUST_PROXY's entries: "loopback" and addresses, comma separated. */
function proxyList(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * The environment is wrong. `message` has one line per variable at fault (English, for logs); a
 * refusal a person must act on also carries its message key, so the command line says it in one
 * Vietnamese sentence.
 */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly key?: string,
    readonly args?: Record<string, string>,
  ) {
    super(message);
  }
}

type Env = z.infer<typeof Env>;

/**
 * How one platform gets its updates. Set: TELEGRAM_UPDATES / ZALO_UPDATES. Not set: polling, except
 * where PUBLIC_URL and the platform's secret are both set (what meant webhooks before the setting
 * existed), which keeps webhooks and is marked so that the start-up log says it once. Webhook mode
 * without PUBLIC_URL or without the secret is refused: anyone could post updates, or nothing could.
 */
function platformMode(
  e: Env,
  base: PlatformBase,
  p: { updates: "TELEGRAM_UPDATES" | "ZALO_UPDATES"; secretName: "TELEGRAM_WEBHOOK_SECRET" | "ZALO_WEBHOOK_SECRET" },
): PlatformConfig {
  const chosen: UpdatesMode | undefined = e[p.updates];
  const secret = e[p.secretName];
  const inferred = chosen === undefined && Boolean(e.PUBLIC_URL && secret);
  if (chosen !== "webhook" && !inferred) return { ...base, mode: "polling" };
  if (!e.PUBLIC_URL)
    throw new ConfigError(`Configuration error:\n${p.updates}: webhook needs PUBLIC_URL`, "config-webhook-needs-url", { updates: p.updates });
  if (!secret)
    throw new ConfigError(`Configuration error:\n${p.secretName}: required when ${p.updates}=webhook`, "config-webhook-needs-secret", { updates: p.updates, secret: p.secretName });
  return { ...base, mode: "webhook", webhookSecret: secret, ...(inferred ? { modeInferred: true } : {}) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configuration error:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const base: ConfigBase = {
    port: e.PORT,
    host: e.HOST,
    deskHost: e.DESK_HOST,
    trustProxy: proxyList(e.TRUST_PROXY),
    dataDir: e.DATA_DIR,
    conferenceFile: e.CONFERENCE_FILE,
    organizerIds: new Set(e.ORGANIZER_IDS.split(",").map((s) => s.trim()).filter(Boolean)),
    links: { telegramBot: e.TELEGRAM_BOT_USERNAME?.replace(/^@/, ""), zaloBot: e.ZALO_BOT_LINK },
    defaultLanguage: e.DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
    scheduleChecks: e.SCHEDULE_CHECKS !== "off",
    ...(e.UPLOAD_LINK_SECRET ? { uploadSecret: e.UPLOAD_LINK_SECRET } : {}),
  };
  const telegram = e.TELEGRAM_BOT_TOKEN
    ? platformMode(e, { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, sendRate: e.TELEGRAM_SEND_RATE }, { updates: "TELEGRAM_UPDATES", secretName: "TELEGRAM_WEBHOOK_SECRET" })
    : undefined;
  const zalo = e.ZALO_BOT_TOKEN
    ? platformMode(
        e,
        { token: e.ZALO_BOT_TOKEN, apiRoot: e.ZALO_API_ROOT, sendRate: e.ZALO_SEND_RATE, pollIntervalMs: e.ZALO_POLL_INTERVAL_MS },
        { updates: "ZALO_UPDATES", secretName: "ZALO_WEBHOOK_SECRET" },
      )
    : undefined;
  return { ...base, ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL.replace(/\/+$/, "") } : {}), telegram, zalo };
}

/** Shows a secret by its first and last characters only, for logs. */
export function mask(secret: string | undefined): string {
  if (!secret) return "";
  if (secret.length <= 8) return "***";
  return `${secret.slice(0, 3)}…${secret.slice(-2)}`;
}
