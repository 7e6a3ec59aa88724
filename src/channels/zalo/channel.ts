// The Zalo channel: long polling or a webhook, each update handled exactly once, replies sent the Zalo way.
import { createHash, timingSafeEqual } from "node:crypto";
import { roleOf } from "../../../commands/identity.js";
import type { CommandLayer } from "../../../commands/router.js";
import type { Reply } from "../../../commands/types.js";
import type { Account } from "../../../storage/schema.js";
import type { App } from "../../app/app.js";
import type { RunningChannel } from "../running.js";
import { type ChannelSender, DeliveryError } from "../../outbox/notifier.js";
import { closeHttpServer, getHttpServer, publishFile, type WebhookAnswer, type WebhookHandler } from "../../app/http-server.js";
import { downloadZaloFile, ZaloApiError, ZaloClient, ZaloNetworkError } from "./client.js";
import { cleanRequest } from "../../lib/text.js";
import { classifyFailure, ZaloOutbox } from "./outbox.js";
import { parseUpdate, type RenderDeps, renderReplies, toRequest, type ZaloOutgoing } from "./render.js";

/** Where the platform posts updates, under PUBLIC_URL. */
export const WEBHOOK_PATH = "/zalo/webhook";
/** Update keys remembered against redelivery (newest kept): days of traffic for one conference. */
export const HANDLED_KEEP = 5000;
/** handledUpdates' key for this channel. */
const STORE_KEY = "zalo";

export interface ZaloChannelOptions {
  /** The command layer (default the app's); tests pass one with test-only commands. */
  bot?: CommandLayer;
  /** getUpdates' long-poll time in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /** Back-off of polling and sending after a failure: doubles from initialMs to maxMs (default 1 s to 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  /** Attempts for a reply that fails with a transient error (default 6); a 429 is retried until it passes. */
  sendAttempts?: number;
  /** "Typing" is shown when handling takes longer than this (default 1 s). */
  typingAfterMs?: number;
  /** How long stop() waits for queued replies (default 10 s). */
  stopGraceMs?: number;
  /** Per-call time limit of the client (default 20 s). */
  callTimeoutMs?: number;
  fetch?: typeof fetch;
}

export type UpdateOutcome = "handled" | "duplicate" | "invalid";

export interface ZaloChannel extends RunningChannel {
  readonly mode: "polling" | "webhook";
  readonly client: ZaloClient;
  readonly outbox: ZaloOutbox;
  /** The sender registered with the notifier: resolves once Zalo took every message, else DeliveryError. */
  readonly sender: ChannelSender;
  /** Handles one update (a getUpdates item or a webhook body); resolves once it took effect. */
  processUpdate(raw: unknown): Promise<UpdateOutcome>;
}

/** Compares in constant time; hashing first hides the length of the secret too. */
function sameSecret(given: string, secret: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(secret, "utf8").digest();
  return timingSafeEqual(a, b);
}

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof ZaloApiError) return { method: err.method, errorCode: err.errorCode, err: err.message };
  if (err instanceof ZaloNetworkError) return { method: err.method, err: err.message };
  return { err: (err as Error)?.message ?? String(err) };
}

/**
 * Starts the Zalo channel when ZALO_BOT_TOKEN is set: a webhook when PUBLIC_URL is set (with
 * ZALO_WEBHOOK_SECRET), long polling otherwise. Registers the "zalo" sender with the notifier.
 */
export async function startZalo(app: App, options: ZaloChannelOptions = {}): Promise<ZaloChannel | undefined> {
  const cfg = app.config.zalo;
  if (!cfg) return undefined;
  const { store, i18n } = app.services;
  const logger = app.services.logger.child({ channel: "zalo" });
  const bot = options.bot ?? app.bot;
  const mode = cfg.mode;
  const t0 = i18n.forLanguage(app.config.defaultLanguage);
  if (cfg.mode === "webhook" && !cfg.webhookSecret) throw new Error(t0("zalo-secret-required"));

  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
  const client = new ZaloClient({ token: cfg.token, apiRoot: cfg.apiRoot, timeoutMs: options.callTimeoutMs, fetch: options.fetch });
  const outbox = new ZaloOutbox({
    rate: cfg.sendRate,
    backoff,
    maxAttempts: options.sendAttempts ?? 6,
    onGiveUp: (label, err, attempts) => logger.error({ to: label, attempts, ...errorFields(err) }, "zalo message given up"),
  });
  const typingAfterMs = options.typingAfterMs ?? 1000;
  const shutdown = new AbortController();
  let stopped = false;

  const translateFor = (userId: string) => i18n.forLanguage(store.data.accounts[`zalo:${userId}`]?.language ?? app.config.defaultLanguage);

  /** How a file reaches one Zalo user: a link of its own that expires (one day for organizers). */
  function filesFor(userId: string): Pick<RenderDeps, "publish" | "organizer"> {
    const key = `zalo:${userId}`;
    const account = store.data.accounts[key];
    const organizer = account ? roleOf(account, app.config.organizerIds) === "organizer" : app.config.organizerIds.has(key);
    return {
      organizer,
      async publish(name: string, data: Buffer): Promise<string | undefined> {
        try {
          return await publishFile(app, name, data, { account: key, organizer });
        } catch (err) {
          logger.error({ err: (err as Error).message, file: name }, "zalo could not publish a file");
          return undefined;
        }
      },
    };
  }

  /** Queues one outgoing call for a chat; typing is best effort (one attempt, failure ignored). */
  function enqueue(chatId: string, o: ZaloOutgoing, limits: { maxAttempts?: number; maxQuotaAttempts?: number } = {}): Promise<unknown> {
    const label = `${o.method} ${chatId}`;
    if (o.method === "sendChatAction") {
      return outbox.enqueue({ label, maxAttempts: 1, maxQuotaAttempts: 1, run: () => client.sendChatAction({ chat_id: chatId, action: o.action }) }).catch(() => undefined);
    }
    if (o.method === "sendPhoto") {
      return outbox.enqueue({ label, ...limits, run: () => client.sendPhoto({ chat_id: chatId, photo: o.photo, ...(o.caption ? { caption: o.caption } : {}) }) });
    }
    return outbox.enqueue({ label, ...limits, run: () => client.sendMessage({ chat_id: chatId, text: o.text }) });
  }

  /**
   * Renders a conversation's replies and queues them. Awaited in the chat's order (a picture is
   * written first), so the next message's replies cannot overtake; the sending itself is not
   * awaited, and its failures are logged by the outbox.
   */
  async function deliver(chatId: string, replies: Reply[], userId: string): Promise<void> {
    try {
      const outgoing = await renderReplies(replies, { t: translateFor(userId), ...filesFor(userId) });
      for (const o of outgoing) enqueue(chatId, o).catch(() => undefined);
    } catch (err) {
      logger.error({ err: (err as Error).message, chat: chatId }, "zalo replies could not be rendered");
    }
  }

  // Notices and review results for Zalo accounts go through the same queue and rate. A notices
  // queue retries on its own, so a message is tried a few times here, then the error is mapped.
  const sender: ChannelSender = async (account: Account, replies: Reply[]) => {
    const outgoing = await renderReplies(replies, { t: i18n.forLanguage(account.language), ...filesFor(account.userId) });
    for (const o of outgoing) {
      try {
        await enqueue(account.chatId, o, { maxAttempts: 3, maxQuotaAttempts: 3 });
      } catch (err) {
        const failure = classifyFailure(err);
        const message = (err as Error).message;
        if (failure === "quota") throw new DeliveryError("retry_after", message, Math.max(1, outbox.backoffSeconds));
        throw new DeliveryError(failure === "permanent" ? "permanent" : "transient", message);
      }
    }
  };

  // Exactly-once effect: a key is checked before handling and recorded after, in the store.
  const inFlight = new Map<string, Promise<void>>();
  const chatQueues = new Map<string, Promise<unknown>>();

  function isHandled(key: string): boolean {
    return store.data.handledUpdates[STORE_KEY]?.includes(key) ?? false;
  }

  async function remember(key: string): Promise<void> {
    await store.mutate((d) => {
      const list = d.handledUpdates[STORE_KEY] ?? [];
      list.push(key);
      if (list.length > HANDLED_KEEP) list.splice(0, list.length - HANDLED_KEEP);
      d.handledUpdates[STORE_KEY] = list;
    });
  }

  /** Runs one chat's updates one after another, so replies keep the order of the messages. */
  function inChatOrder<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const before = chatQueues.get(chatId) ?? Promise.resolve();
    const next = before.then(work, work);
    const tail = next.catch(() => undefined);
    chatQueues.set(chatId, tail);
    void tail.then(() => {
      if (chatQueues.get(chatId) === tail) chatQueues.delete(chatId);
    });
    return next;
  }

  async function processUpdate(raw: unknown): Promise<UpdateOutcome> {
    const parsed = parseUpdate(raw);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, "zalo update ignored");
      return "invalid";
    }
    const { key, chatId, userId } = parsed;
    if (isHandled(key)) {
      logger.debug({ update: key }, "zalo update already handled");
      return "duplicate";
    }
    const running = inFlight.get(key);
    if (running) {
      await running;
      return "duplicate";
    }
    const work = inChatOrder(chatId, async () => {
      if (isHandled(key)) return;
      const t = translateFor(userId);
      const req = cleanRequest(toRequest(parsed, { fallbackName: t("zalo-unnamed"), download: (url) => downloadZaloFile(url, { fetch: options.fetch }) }));
      let replies: Reply[];
      const changesBefore = store.changes;
      if (!req) {
        // Stickers, voice, anything Zalo calls unsupported, and event names not known yet.
        logger.info({ update: key, event: parsed.update.event_name }, "zalo message not understood");
        replies = [{ kind: "text", text: t("zalo-unsupported") }];
      } else {
        const typing = setTimeout(() => void enqueue(chatId, { method: "sendChatAction", action: "typing" }), typingAfterMs);
        try {
          replies = await bot.handle(req);
        } finally {
          clearTimeout(typing);
        }
      }
      try {
        // An update that changed nothing (a read) has no effect to repeat: no disk write for it.
        if (store.changes !== changesBefore) await remember(key);
      } catch (err) {
        // The command ran; its own write failed too in all likelihood, and it told the person so.
        logger.error({ update: key, err: (err as Error).message }, "zalo update could not be recorded as handled");
      }
      await deliver(chatId, replies, userId);
    });
    inFlight.set(key, work);
    try {
      await work;
    } finally {
      inFlight.delete(key);
    }
    return "handled";
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      shutdown.signal.addEventListener("abort", done, { once: true });
      function done() {
        clearTimeout(timer);
        shutdown.signal.removeEventListener("abort", done);
        resolve();
      }
    });
  }

  const signal = shutdown.signal;
  let me: string | undefined;
  try {
    const info = await client.getMe({ signal });
    me = info.account_name;
  } catch (err) {
    // A refused token will not get better by waiting: stop here with a clear message.
    if (err instanceof ZaloApiError && err.errorCode === 401) throw new Error(t0("zalo-token-refused", { token: client.maskedToken }));
    logger.warn(errorFields(err), "zalo getMe failed; continuing");
  }

  let loop: Promise<void> | undefined;
  if (mode === "polling") {
    const pollTimeout = options.pollTimeoutSeconds ?? 30;
    loop = (async () => {
      let delay = 0;
      let webhookCleared = false;
      while (!stopped) {
        try {
          // Polling and a webhook exclude each other: clear one left from an earlier webhook run.
          if (!webhookCleared) {
            await client.deleteWebhook({ signal });
            webhookCleared = true;
          }
          const updates = await client.getUpdates({ timeout: pollTimeout }, { signal });
          delay = 0;
          // No offset exists: what getUpdates returned is ours now, so it is handled even while stopping.
          for (const u of updates) {
            await processUpdate(u).catch((err) => logger.error({ err: (err as Error).message }, "zalo update failed"));
          }
        } catch (err) {
          if (stopped) break;
          delay = Math.min(backoff.maxMs, delay > 0 ? delay * 2 : backoff.initialMs);
          logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo polling failed");
          await sleep(delay);
        }
      }
    })();
    logger.info({ bot: me, tokenMasked: client.maskedToken, mode }, "zalo channel started");
  } else {
    const secret = cfg.webhookSecret ?? "";
    // The webhook handler: the secret check and the dedupe are the channel's; the HTTP server routes to it.
    const handleWebhook: WebhookHandler = async (req) => {
      const answer = (status: number): WebhookAnswer => ({ status, json: { ok: status === 200 } });
      // After stop, a redelivery (if the platform makes one) will find the next process.
      if (stopped) return answer(503);
      const given = req.header("x-bot-api-secret-token");
      if (typeof given !== "string" || given.length === 0) {
        logger.warn({ from: req.from }, "zalo webhook without secret refused");
        return answer(401);
      }
      if (!sameSecret(given, secret)) {
        logger.warn({ from: req.from }, "zalo webhook with a wrong secret refused");
        return answer(403);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(req.body);
      } catch {
        logger.warn({ bytes: req.body.length }, "zalo webhook body is not JSON");
        return answer(400);
      }
      const outcome = await processUpdate(raw);
      return answer(outcome === "invalid" ? 400 : 200);
    };
    const server = await getHttpServer(app);
    server.webhook(WEBHOOK_PATH, handleWebhook);
    const url = `${app.config.publicUrl}${WEBHOOK_PATH}`;
    let delay = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await client.setWebhook({ url, secret_token: secret }, { signal });
        break;
      } catch (err) {
        // A refusal (bad URL, bad secret) is final; an outage or a quota gets a few tries.
        const final = (err instanceof ZaloApiError && err.errorCode !== 429 && err.errorCode < 500) || attempt >= 5;
        if (final) {
          stopped = true;
          await closeHttpServer(app);
          throw new Error(t0("zalo-webhook-refused", { detail: (err as Error).message }));
        }
        delay = Math.min(backoff.maxMs, delay > 0 ? delay * 2 : backoff.initialMs);
        logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo setWebhook failed");
        await sleep(delay);
      }
    }
    logger.info({ bot: me, tokenMasked: client.maskedToken, mode, url }, "zalo channel started");
  }

  // Registered once the channel runs, so that a start-up that fails leaves no sender behind.
  app.notifier.register("zalo", sender);
  return {
    name: "zalo",
    mode,
    client,
    outbox,
    sender,
    processUpdate,
    async stop() {
      if (stopped) return;
      stopped = true;
      shutdown.abort();
      await loop;
      await Promise.allSettled([...inFlight.values()]);
      const left = await outbox.close(options.stopGraceMs ?? 10_000);
      if (left > 0) logger.error({ left }, "zalo messages not sent before shutdown");
      if (mode === "webhook") await closeHttpServer(app);
      logger.info("zalo channel stopped");
    },
  };
}
