// The Zalo channel: long polling that paces itself or a webhook, each update answered once, replies sent the Zalo way.
// Its parts: sender.ts (replies, notices, files as links), updates.ts (one update), inbox.ts (the webhook's
// inbox on disk), polling.ts and webhook.ts (the two ways updates come in).
import type { Channel } from "../lifecycle.js";
import type { ChannelSender } from "../../outbox/notifier.js";
import { createUpdateGate } from "../shared/index.js";
import { ZaloApiError, ZaloClient } from "./client.js";
import { CHANNEL, type ZaloChannelOptions, type ZaloContext, type ZaloDeps } from "./context.js";
import { errorFields } from "./errors.js";
import { Inbox } from "./inbox.js";
import { ZaloOutbox } from "./outbox.js";
import { pollUntilStopped } from "./polling.js";
import { createZaloSender } from "./sender.js";
import { createUpdateHandler, type UpdateOutcome } from "./updates.js";
import { createZaloWebhook, WEBHOOK_PATH, type WebhookAnswer, type WebhookHeaders } from "./webhook.js";

/** Update keys remembered against redelivery (storage/handled-updates.ts). */

export interface ZaloChannel extends Channel {
  readonly mode: "polling" | "webhook";
  readonly client: ZaloClient;
  /** Conversation replies only. */
  readonly outbox: ZaloOutbox;
  /** The sender registered with the notifier: one attempt per message, else DeliveryError. */
  readonly sender: ChannelSender;
  /** Handles one update (a getUpdates item or a webhook body); resolves once it took effect. */
  processUpdate(raw: unknown): Promise<UpdateOutcome>;
  /** The webhook as a plain function: checks the secret, reads the body, handles the update. */
  handleWebhook(body: Buffer | string, headers: WebhookHeaders, meta?: { from?: string }): Promise<WebhookAnswer>;
}

function createContext(deps: ZaloDeps, options: ZaloChannelOptions): ZaloContext {
  const { settings } = deps;
  const logger = deps.logger.child({ channel: "zalo" });
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
  return {
    deps,
    options,
    logger,
    backoff,
    client: new ZaloClient({ token: settings.token, apiRoot: settings.apiRoot, timeoutMs: options.callTimeoutMs, photoTimeoutMs: options.photoTimeoutMs, fetch: options.fetch }),
    outbox: new ZaloOutbox({
      rate: settings.sendRate,
      backoff,
      maxAttempts: options.sendAttempts ?? 6,
      onGiveUp: (label, err, attempts) => logger.error({ to: label, attempts, ...errorFields(err) }, "zalo message given up"),
    }),
    gate: createUpdateGate({
      store: deps.store,
      channel: CHANNEL,
      now: () => deps.clock.now(),
      onRecordFailed: (key, err) => logger.error({ update: key, err: (err as Error)?.message }, "zalo update could not be recorded as handled"),
    }),
    shutdown: new AbortController(),
    stopped: false,
    translateFor: (userId) => deps.i18n.forLanguage(deps.store.data.accounts[`zalo:${userId}`]?.language ?? deps.defaultLanguage),
  };
}

/**
 * The Zalo channel (ZALO_BOT_TOKEN): a webhook when PUBLIC_URL is set (with ZALO_WEBHOOK_SECRET),
 * long polling otherwise. Made without I/O; start() connects and registers the "zalo" sender.
 */
export function createZaloChannel(deps: ZaloDeps, options: ZaloChannelOptions = {}): ZaloChannel {
  const t0 = deps.i18n.forLanguage(deps.defaultLanguage);
  const mode = deps.settings.mode;
  if (mode === "webhook" && !deps.settings.webhookSecret) throw new Error(t0("zalo-secret-required"));
  const ctx = createContext(deps, options);
  const { client, logger } = ctx;
  const sender = createZaloSender(ctx);
  const processUpdate = createUpdateHandler(ctx, sender);
  const inbox = new Inbox(ctx, processUpdate);
  const webhook = createZaloWebhook(ctx, inbox);
  let loop: Promise<void> | undefined;

  /** The bot's name, for the log; a refused token stops the start with a clear message. */
  async function whoAmI(): Promise<string | undefined> {
    try {
      return (await client.getMe({ signal: ctx.shutdown.signal })).account_name;
    } catch (err) {
      // A refused token will not get better by waiting: stop here with a clear message.
      if (err instanceof ZaloApiError && err.errorCode === 401) throw new Error(t0("zalo-token-refused", { token: client.maskedToken }));
      logger.warn(errorFields(err), "zalo getMe failed; continuing");
      return undefined;
    }
  }

  async function startWebhook(): Promise<void> {
    // What an earlier run kept and did not handle: handled first, in order.
    inbox.resume();
    // The secret check, the inbox and the dedupe are the channel's; the app's server routes to them.
    deps.webhooks.webhook(WEBHOOK_PATH, webhook.route);
    try {
      await webhook.register();
    } catch (err) {
      ctx.stopped = true;
      throw new Error(t0("zalo-webhook-refused", { detail: (err as Error).message }));
    }
  }

  return {
    name: "zalo",
    mode,
    client,
    outbox: ctx.outbox,
    sender: sender.notices,
    processUpdate,
    handleWebhook: webhook.handle,
    async start() {
      const me = await whoAmI();
      if (mode === "polling") loop = pollUntilStopped(ctx, processUpdate);
      else await startWebhook();
      logger.info({ bot: me, tokenMasked: client.maskedToken, mode, ...(mode === "webhook" ? { url: `${deps.publicUrl}${WEBHOOK_PATH}` } : {}) }, "zalo channel started");
      // Registered once the channel runs, so that a start-up that fails leaves no sender behind.
      deps.senders.register("zalo", sender.notices);
    },
    async stop() {
      if (ctx.stopped) return;
      ctx.stopped = true;
      ctx.shutdown.abort();
      await loop;
      await inbox.settled();
      await ctx.gate.settled();
      const left = await ctx.outbox.close(options.stopGraceMs ?? 10_000);
      if (left > 0) logger.error({ left }, "zalo messages not sent before shutdown");
      logger.info("zalo channel stopped");
    },
  };
}
