// The Telegram channel: a grammY bot that feeds the command layer and shows its replies, by polling or webhook.
// Its parts: api.ts (the bot, retries, downloads), sender.ts (replies, notices, progress), menus.ts,
// updates.ts (one update, once) and webhook.ts (the route on the app's HTTP server).
import type { Bot } from "grammy";
import type { Channel } from "../lifecycle.js";
import type { ChannelSender } from "../../outbox/notifier.js";
import { createUpdateGate } from "../shared/index.js";
import { createApis } from "./api.js";
import type { TelegramChannelOptions, TelegramContext, TelegramDeps } from "./context.js";
import { errorText } from "./errors.js";
import { createMenus } from "./menus.js";
import { createTelegramSender } from "./sender.js";
import { createUpdateTaker } from "./updates.js";
import { WEBHOOK_PATH, webhookRoute } from "./webhook.js";

/** Handled update ids kept in the store: far more than Telegram ever redelivers (storage/handled-updates.ts). */

/** The updates the bot asks for: messages, button presses, and being blocked or removed. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

export interface TelegramChannel extends Channel {
  readonly bot: Bot;
  readonly mode: "polling" | "webhook";
  /** Sets the command menus: by language, for groups, and for every organizer's chat. */
  setMenus(): Promise<void>;
  /** Sends replies to an account outside a conversation (what the notifier calls). */
  readonly sender: ChannelSender;
}

function createContext(deps: TelegramDeps, options: TelegramChannelOptions): TelegramContext {
  const { token } = deps.settings;
  const apiRoot = deps.settings.apiRoot?.replace(/\/+$/, "");
  const logger = deps.logger.child({ channel: "telegram" });
  const { bot, queueApi } = createApis(token, apiRoot, options);
  const logErr = (err: unknown) => errorText(err, token);
  return {
    deps,
    options,
    logger,
    token,
    apiRoot,
    bot,
    api: bot.api,
    queueApi,
    layer: options.layer ?? deps.bot,
    gate: createUpdateGate({
      store: deps.store,
      channel: "telegram",
      now: () => deps.clock.now(),
      onRecordFailed: (id, err) => logger.error({ updateId: id, err: logErr(err) }, "update id not recorded"),
    }),
    stopping: false,
    translator: (language) => deps.i18n.forLanguage(language ?? deps.defaultLanguage),
    logErr,
  };
}

/** The Telegram channel (TELEGRAM_BOT_TOKEN): made without I/O; start() connects, polls or routes the webhook. */
export function createTelegramChannel(deps: TelegramDeps, options: TelegramChannelOptions = {}): TelegramChannel {
  const ctx = createContext(deps, options);
  const { bot, logger, logErr } = ctx;
  const mode = deps.settings.mode;
  const sender = createTelegramSender(ctx);
  const menus = createMenus(ctx);
  const take = createUpdateTaker(ctx, sender, menus);
  let polling: Promise<void> | undefined;

  bot.use(async (c) => {
    await take(c.update);
  });
  bot.catch((err) => {
    logger.error({ updateId: err.ctx?.update?.update_id, err: logErr(err.error) }, "update failed");
  });

  async function startWebhook(): Promise<void> {
    const secret = deps.settings.webhookSecret;
    // The config already refuses this; without a secret anyone could post updates.
    if (!secret) throw new Error("TELEGRAM_WEBHOOK_SECRET is required in webhook mode");
    deps.webhooks.webhook(WEBHOOK_PATH, webhookRoute(ctx, secret));
    await ctx.api.setWebhook(`${deps.publicUrl}${WEBHOOK_PATH}`, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
  }

  function startPolling(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      polling = bot
        .start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false, timeout: options.pollingTimeout ?? 30, onStart: () => resolve() })
        .catch((err) => {
          logger.error({ err: logErr(err) }, "telegram polling stopped");
          reject(err);
        });
    });
  }

  return {
    name: "telegram",
    bot,
    mode,
    sender: sender.notices,
    setMenus: menus.setAll,
    async start() {
      deps.senders.register("telegram", sender.notices, { progress: sender.progress });
      await bot.init();
      await menus.setAll();
      if (mode === "webhook") await startWebhook();
      else await startPolling();
      logger.info({ bot: bot.botInfo.username, mode, ...(mode === "webhook" ? { path: WEBHOOK_PATH } : {}) }, "telegram channel started");
    },
    async stop() {
      if (ctx.stopping) return;
      ctx.stopping = true;
      if (mode === "polling" && bot.isRunning()) {
        await bot.stop().catch((err) => logger.warn({ err: logErr(err) }, "could not confirm the last update"));
      }
      await polling?.catch(() => {});
      await ctx.gate.settled();
      logger.info("telegram channel stopped");
    },
  };
}
