// The one validated configuration: read from the environment once, refused with a plain message.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** The project's root folder (where package.json, locales/ and conferences/ live), from src/ or dist/src/. */
export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "locales"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

export const DEFAULT_CONFERENCE = path.join(ROOT, "conferences", "phong-tho-2023.yaml");

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
    TELEGRAM_SEND_RATE: z.preprocess(blankToUndefined, z.coerce.number().positive().max(30).default(30)),
    PUBLIC_URL: z.preprocess(blankToUndefined, z.string().url().optional()),
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
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default("./data")),
    CONFERENCE_FILE: z.preprocess(blankToUndefined, z.string().default(DEFAULT_CONFERENCE)),
    ORGANIZER_IDS: z.preprocess(blankToUndefined, z.string().default("")),
    DEFAULT_LANGUAGE: z.preprocess(blankToUndefined, z.enum(["vi", "en"]).default("vi")),
    LOG_LEVEL: z.preprocess(
      blankToUndefined,
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ),
  })
  .superRefine((env, ctx) => {
    // A webhook without a secret would let anyone post updates: refuse to start instead.
    if (env.PUBLIC_URL && env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when PUBLIC_URL is set (webhook mode)" });
    if (env.PUBLIC_URL && env.ZALO_BOT_TOKEN && !env.ZALO_WEBHOOK_SECRET)
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "required when PUBLIC_URL is set (webhook mode), 8-256 characters" });
    for (const id of env.ORGANIZER_IDS.split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!/^(telegram|zalo|console):\S+$/.test(id))
        ctx.addIssue({ code: "custom", path: ["ORGANIZER_IDS"], message: `"${id}" is not channel:id (telegram:123, zalo:abc, console:name)` });
    }
  });

export interface AppConfig {
  telegram?: { token: string; apiRoot?: string; webhookSecret?: string; sendRate: number };
  zalo?: { token: string; apiRoot?: string; webhookSecret?: string; sendRate: number };
  publicUrl?: string;
  port: number;
  /** Where the HTTP server listens (HOST, default 127.0.0.1). */
  host: string;
  /** Where the organizers' desk listens (DESK_HOST, default 127.0.0.1). */
  deskHost: string;
  dataDir: string;
  conferenceFile: string;
  /** Account keys ("telegram:123") that are organizers by configuration. */
  organizerIds: Set<string>;
  defaultLanguage: "vi" | "en";
  logLevel: string;
}

/** The environment is wrong: one line per variable at fault. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Configuration error:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, sendRate: e.TELEGRAM_SEND_RATE }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? { token: e.ZALO_BOT_TOKEN, apiRoot: e.ZALO_API_ROOT, webhookSecret: e.ZALO_WEBHOOK_SECRET, sendRate: e.ZALO_SEND_RATE }
      : undefined,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    port: e.PORT,
    host: e.HOST,
    deskHost: e.DESK_HOST,
    dataDir: e.DATA_DIR,
    conferenceFile: e.CONFERENCE_FILE,
    organizerIds: new Set(e.ORGANIZER_IDS.split(",").map((s) => s.trim()).filter(Boolean)),
    defaultLanguage: e.DEFAULT_LANGUAGE,
    logLevel: e.LOG_LEVEL,
  };
}

/** Shows a secret by its first and last characters only, for logs. */
export function mask(secret: string | undefined): string {
  if (!secret) return "";
  if (secret.length <= 8) return "***";
  return `${secret.slice(0, 3)}…${secret.slice(-2)}`;
}
