// What the parts of the Telegram channel (api, sender, menus, updates, webhook) share: its deps, options and state.
import type { Api, Bot, Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { CommandLayer } from "../../../commands/router.js";
import type { Translate } from "../../lib/i18n.js";
import type { PlatformDeps } from "../shared/deps.js";
import type { UpdateGate } from "../shared/updates.js";

/** What the wiring hands the Telegram channel. */
export type TelegramDeps = PlatformDeps;

export interface TelegramChannelOptions {
  /** Fixed bot info: no getMe call on start (tests). */
  botInfo?: UserFromGetMe;
  /** Another command layer than the deps' (tests with commands of their own). */
  layer?: CommandLayer;
  /** Transformers installed below auto-retry, i.e. closest to the network (tests stub the Bot API). */
  transformers?: Transformer[];
  /** Long polling timeout in seconds (default 30). */
  pollingTimeout?: number;
  /** Milliseconds before "typing…" shows while a reply is prepared (default 800). */
  typingAfterMs?: number;
}

/** One run of the channel, as its parts see it. */
export interface TelegramContext {
  deps: TelegramDeps;
  options: TelegramChannelOptions;
  logger: Logger;
  token: string;
  /** The configured API root without its trailing slash (a local Bot API server), if any. */
  apiRoot?: string;
  bot: Bot;
  /** Conversation calls: with grammY's retries. */
  api: Api;
  /** Notices: without them, so a retry never bypasses the outbox's pace. */
  queueApi: Api;
  layer: CommandLayer;
  /** Every update once, by id, also after a restart. */
  gate: UpdateGate;
  /** Set by stop(): updates are left for the next process. */
  stopping: boolean;
  translator(language: string | undefined): Translate;
  /** An error's text for a log line, with the token masked. */
  logErr(err: unknown): string;
}
