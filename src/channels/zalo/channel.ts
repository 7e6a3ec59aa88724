// The Zalo channel: long polling that paces itself or a webhook, each update answered once, replies sent the Zalo way.
import { roleOf } from "../../domain/identity.js";
import type { CommandLayer } from "../../../commands/router.js";
import type { Reply } from "../../../commands/types.js";
import { contactRef } from "../../../commands/contact.js";
import type { Translate } from "../../lib/i18n.js";
import type { Account } from "../../../storage/schema.js";
import type { App } from "../../app/app.js";
import type { RunningChannel } from "../running.js";
import { dropReceived, receivedUpdates, receiveUpdate } from "../../../storage/handled-updates.js";
import { type ChannelSender, DeliveryError, type SendAttempt } from "../../outbox/notifier.js";
import { createUpdateGate, secretMatches, typingWhile } from "../shared/index.js";
import { closeHttpServer, getHttpServer, publishFile } from "../../app/http-server.js";
import { cleanRequest } from "../../lib/text.js";
import { downloadZaloFile, ZaloApiError, ZaloClient, ZaloNetworkError } from "./client.js";
import { classifyFailure, isTimeout, ZaloOutbox } from "./outbox.js";
import { type ParsedUpdate, parseUpdate, type RenderDeps, renderReplies, toRequest, type ZaloOutgoing } from "./render.js";

/** Where the platform posts updates, under PUBLIC_URL. */
export const WEBHOOK_PATH = "/zalo/webhook";
/** Update keys remembered against redelivery (storage/handled-updates.ts). */
export { HANDLED_KEEP } from "../../../storage/handled-updates.js";
/** The handled-update memory's name for this channel. */
const CHANNEL = "zalo";
/** A photo whose sendPhoto timed out is not sent again to the same chat within this time. */
export const PHOTO_TIMEOUT_WINDOW_MS = 10 * 60 * 1000;

export interface ZaloChannelOptions {
  /** The command layer (default the app's); tests pass one with test-only commands. */
  bot?: CommandLayer;
  /** getUpdates' long-poll time in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /**
   * Least time between the starts of two polls (default 1 s): the platform answers at once while
   * its queue is not empty, and replays consumed updates; a long poll that waited needs no pause.
   */
  minPollIntervalMs?: number;
  /** Back-off of polling and of replies after a failure: doubles from initialMs to maxMs (default 1 s to 30 s). */
  backoff?: { initialMs: number; maxMs: number };
  /** Attempts for a reply that fails with a transient error (default 6). */
  sendAttempts?: number;
  /** Tries of the webhook clean-up before polling starts anyway (default 3). */
  webhookCleanupTries?: number;
  /**
   * Webhook: the update is kept on disk first (the inbox), then handled; the platform gets its 200
   * when the handling is done or after this long, whichever comes first (default 2 s), so a slow
   * command never makes it try again. What is kept is handled in order, also after a restart.
   */
  webhookAnswerWithinMs?: number;
  /** "Typing" is shown when handling takes longer than this (default 1 s). */
  typingAfterMs?: number;
  /** How long stop() waits for queued replies (default 10 s). */
  stopGraceMs?: number;
  /** Per-call time limit of the client (default 20 s; sendPhoto has its own, 150 s). */
  callTimeoutMs?: number;
  /** sendPhoto's time limit (default 150 s: the platform may fetch the picture before it answers). */
  photoTimeoutMs?: number;
  fetch?: typeof fetch;
}

/** What became of one update: handled, already handled, unusable, or passed over (a bot, a group already told). */
export type UpdateOutcome = "handled" | "duplicate" | "invalid" | "ignored";

/** A webhook answer, for whatever HTTP layer serves the path. */
export interface WebhookAnswer {
  status: number;
  body: string;
}

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface ZaloChannel extends RunningChannel {
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

function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof ZaloApiError) return { method: err.method, errorCode: err.errorCode, err: err.message };
  if (err instanceof ZaloNetworkError) return { method: err.method, err: err.message };
  return { err: (err as Error)?.message ?? String(err) };
}

/** What a failed notice message means to the outbox engine, which decides when to try again. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const message = (err as Error)?.message ?? String(err);
  const failure = classifyFailure(err);
  // Zalo gives no retry_after: the outbox's own back-off decides how long to wait.
  if (failure === "quota") return new DeliveryError("retry_after", message);
  return new DeliveryError(failure === "permanent" ? "permanent" : "transient", message);
}

/** The same failure, saying how many parts of the notice the platform accepted before it. */
function withPartsSent(err: DeliveryError, partsSent: number): DeliveryError {
  if (partsSent <= 0 || err.partsSent !== undefined) return err;
  return new DeliveryError(err.kind, err.message, err.retryAfter, partsSent, err.maybeDelivered);
}

/**
 * Starts the Zalo channel when ZALO_BOT_TOKEN is set: a webhook when PUBLIC_URL is set (with
 * ZALO_WEBHOOK_SECRET), long polling otherwise. Registers the "zalo" sender with the notifier.
 */
export async function startZalo(app: App, options: ZaloChannelOptions = {}): Promise<ZaloChannel | undefined> {
  const cfg = app.config.zalo;
  if (!cfg) return undefined;
  const { store, i18n, clock } = app.services;
  const logger = app.services.logger.child({ channel: "zalo" });
  const bot = options.bot ?? app.bot;
  const mode = cfg.mode;
  const t0 = i18n.forLanguage(app.config.defaultLanguage);
  if (cfg.mode === "webhook" && !cfg.webhookSecret) throw new Error(t0("zalo-secret-required"));

  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 30_000 };
  const client = new ZaloClient({ token: cfg.token, apiRoot: cfg.apiRoot, timeoutMs: options.callTimeoutMs, photoTimeoutMs: options.photoTimeoutMs, fetch: options.fetch });
  const outbox = new ZaloOutbox({
    rate: cfg.sendRate,
    backoff,
    maxAttempts: options.sendAttempts ?? 6,
    onGiveUp: (label, err, attempts) => logger.error({ to: label, attempts, ...errorFields(err) }, "zalo message given up"),
  });
  const typingAfterMs = options.typingAfterMs ?? 1000;
  const shutdown = new AbortController();
  let stopped = false;

  const gate = createUpdateGate({
    store,
    channel: CHANNEL,
    now: () => clock.now(),
    onRecordFailed: (key, err) => logger.error({ update: key, err: (err as Error)?.message }, "zalo update could not be recorded as handled"),
  });

  const translateFor = (userId: string) => i18n.forLanguage(store.data.accounts[`zalo:${userId}`]?.language ?? app.config.defaultLanguage);

  /** How a file reaches one Zalo user: a link of its own that expires (one day for organizers). */
  function filesFor(userId: string, t: Translate): Pick<RenderDeps, "publish" | "organizer" | "contact"> {
    const key = `zalo:${userId}`;
    const account = store.data.accounts[key];
    const organizer = account ? roleOf(account, app.config.organizerIds) === "organizer" : app.config.organizerIds.has(key);
    return {
      organizer,
      contact: contactRef(t, app.services.conference.conf),
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


  /** One call to the platform for one outgoing message. */
  function call(chatId: string, o: ZaloOutgoing): Promise<unknown> {
    if (o.method === "sendChatAction") return client.sendChatAction({ chat_id: chatId, action: o.action });
    if (o.method === "sendPhoto") return client.sendPhoto({ chat_id: chatId, photo: o.photo, ...(o.caption ? { caption: o.caption } : {}) });
    return client.sendMessage({ chat_id: chatId, text: o.text });
  }

  /** Queues one conversation reply; typing is best effort (one attempt, failure ignored); a photo that timed out is not sent again. */
  function enqueue(chatId: string, o: ZaloOutgoing): Promise<unknown> {
    const label = `${o.method} ${chatId}`;
    if (o.method === "sendChatAction") return outbox.enqueue({ label, maxAttempts: 1, run: () => call(chatId, o) }).catch(() => undefined);
    return outbox.enqueue({ label, noRetryOnTimeout: o.method === "sendPhoto", run: () => call(chatId, o) });
  }

  /**
   * Renders a conversation's replies and queues them. Awaited in the chat's order (a picture is
   * written first), so the next message's replies cannot overtake; the sending itself is not
   * awaited, and its failures are logged by the outbox.
   */
  async function deliver(chatId: string, replies: Reply[], userId: string): Promise<void> {
    try {
      const t = translateFor(userId);
      const outgoing = await renderReplies(replies, { t, ...filesFor(userId, t) });
      for (const o of outgoing) enqueue(chatId, o).catch(() => undefined);
    } catch (err) {
      logger.error({ err: (err as Error).message, chat: chatId }, "zalo replies could not be rendered");
    }
  }

  /** Photos of notices whose sendPhoto timed out, by chat and picture: the platform may have sent them. */
  const photoTimeouts = new Map<string, number>();

  // Notices and review results: ONE attempt per message, straight to the platform (never behind
  // conversation replies); the outbox engine (src/outbox/) paces them and decides on retries.
  // A notice rendered as several platform messages is several parts: the first `skipParts` were
  // accepted on earlier attempts and are not sent again; each accepted part is reported (onPart)
  // before the next, and a failure tells how many were accepted (DeliveryError.partsSent).
  const sender: ChannelSender = async (account: Account, replies: Reply[], attempt?: SendAttempt) => {
    const t = i18n.forLanguage(account.language);
    const outgoing = await renderReplies(replies, { t, ...filesFor(account.userId, t) });
    const skip = attempt?.skipParts ?? 0;
    let part = 0;
    for (const [i, o] of outgoing.entries()) {
      if (o.method === "sendChatAction") continue;
      part++;
      if (part <= skip) continue;
      const photoKey = o.method === "sendPhoto" ? `${account.chatId}|${i}|${replies.map((r) => ("name" in r ? r.name : r.text)).join("|")}` : "";
      if (photoKey) {
        const at = photoTimeouts.get(photoKey);
        if (at !== undefined && Date.now() - at < PHOTO_TIMEOUT_WINDOW_MS) {
          logger.warn({ account: account.key }, "zalo photo not sent again: its last sendPhoto timed out and may have arrived");
          await attempt?.onPart?.(part);
          continue;
        }
      }
      try {
        await call(account.chatId, o);
        if (photoKey) photoTimeouts.delete(photoKey);
      } catch (err) {
        if (photoKey && isTimeout(err)) {
          photoTimeouts.set(photoKey, Date.now());
          if (photoTimeouts.size > 1000) photoTimeouts.delete(photoTimeouts.keys().next().value as string);
        }
        throw withPartsSent(toDeliveryError(err), part - 1);
      }
      await attempt?.onPart?.(part);
    }
  };

  const chatQueues = new Map<string, Promise<unknown>>();

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

  /** The hint for what cannot be read, by kind: files and locations are "unsupported" on Zalo. */
  function hintFor(parsed: Extract<ParsedUpdate, { ok: true }>): string {
    return parsed.update.event_name === "message.unsupported.received" ? "zalo-unsupported-received" : "zalo-unsupported";
  }

  /** A message from a group (or any chat that is not private): told once per chat to write privately. */
  async function fromGroup(parsed: Extract<ParsedUpdate, { ok: true }>): Promise<UpdateOutcome> {
    const { chatId } = parsed;
    const key = `group:${chatId}`;
    if (gate.seen(key)) {
      logger.debug({ chat: chatId }, "zalo group message passed over (already told)");
      return "ignored";
    }
    const outcome = await gate.run(key, async (ticket) => {
      logger.info({ chat: chatId, chatType: parsed.update.message.chat.chat_type }, "zalo message from a group: told to write privately");
      await ticket.remember();
      await deliver(chatId, [{ kind: "text", text: i18n.forLanguage(app.config.defaultLanguage)("zalo-group-private-only") }], parsed.userId);
    });
    return outcome === "handled" ? "handled" : "ignored";
  }

  async function processUpdate(raw: unknown): Promise<UpdateOutcome> {
    const parsed = parseUpdate(raw);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, "zalo update ignored");
      return "invalid";
    }
    if (parsed.fromBot) {
      logger.debug({ update: parsed.key }, "zalo message from a bot ignored");
      return "ignored";
    }
    if (!parsed.private) return fromGroup(parsed);
    const { chatId, userId } = parsed;
    const outcome = await gate.run(
      parsed.handledKey,
      (ticket) =>
        inChatOrder(chatId, async () => {
          const t = translateFor(userId);
          const req = cleanRequest(toRequest(parsed, { fallbackName: t("zalo-unnamed"), download: (url) => downloadZaloFile(url, { fetch: options.fetch }) }));
          let replies: Reply[];
          const changesBefore = store.changes;
          if (!req) {
            // Stickers, voice, files and locations (which Zalo calls unsupported), unknown events.
            logger.info({ update: parsed.key, event: parsed.update.event_name }, "zalo message not understood");
            replies = [{ kind: "text", text: t(hintFor(parsed)) }];
          } else {
            replies = await typingWhile(bot.handle(req), { afterMs: typingAfterMs, show: () => enqueue(chatId, { method: "sendChatAction", action: "typing" }) });
          }
          // When the update changed something, it is remembered on disk before the replies go out: a
          // crash while sending must not run it twice. A read is remembered when it ends (batched).
          if (store.changes !== changesBefore) await ticket.remember();
          await deliver(chatId, replies, userId);
        }),
      // Keys written before chat ids were part of them.
      { aliases: [parsed.key] },
    );
    if (outcome === "duplicate") logger.debug({ update: parsed.key }, "zalo update already handled");
    return outcome;
  }

  /** Webhook updates kept in the inbox and being handled, by key: a copy posted meanwhile waits for the same run. */
  const inboxRuns = new Map<string, { recorded: Promise<void>; done: Promise<UpdateOutcome> }>();

  /** Keeps an update in the inbox (unless it is there already), then handles it; taken out once handled. */
  function accept(key: string, raw: unknown, alreadyKept = false): { recorded: Promise<void>; done: Promise<UpdateOutcome> } {
    const known = inboxRuns.get(key);
    if (known) return known;
    const recorded = alreadyKept ? Promise.resolve() : receiveUpdate(store, CHANNEL, key, raw, clock.now()).then(() => undefined);
    const done = recorded
      .then(() => processUpdate(raw))
      .then(async (outcome) => {
        // Passed over (a bot, a group already told): out of the inbox without being remembered.
        await dropReceived(store, CHANNEL, key).catch((err) => logger.error({ update: key, err: (err as Error).message }, "zalo inbox entry not removed"));
        return outcome;
      });
    const run = { recorded, done };
    inboxRuns.set(key, run);
    void done
      .catch((err) => {
        if (!alreadyKept) return; // the caller answers 500 for an update that could not be kept
        logger.error({ update: key, err: (err as Error)?.message }, "zalo update from the inbox failed");
      })
      .finally(() => {
        if (inboxRuns.get(key) === run) inboxRuns.delete(key);
      });
    return run;
  }

  const answer = (status: number): WebhookAnswer => ({ status, body: JSON.stringify({ ok: status === 200 }) });

  /** The webhook's look at the headers, before any of the body is read: stopping, or a missing or wrong secret. */
  function admitWebhook(header: (name: string) => string | undefined, from?: string): number | undefined {
    // After stop, a redelivery (if the platform makes one) will find the next process.
    if (stopped) return 503;
    const given = header("x-bot-api-secret-token");
    if (typeof given !== "string" || given.length === 0) {
      logger.warn({ from }, "zalo webhook without secret refused");
      return 401;
    }
    if (!secretMatches(given, cfg?.webhookSecret ?? "")) {
      logger.warn({ from }, "zalo webhook with a wrong secret refused");
      return 403;
    }
    return undefined;
  }

  /** A webhook body, once admitted and parsed: kept in the inbox, then answered 200 when handled or after a while. */
  async function takeWebhookBody(raw: unknown): Promise<number> {
    const parsed = parseUpdate(raw);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, "zalo update ignored");
      return 400;
    }
    if (gate.seen(parsed.handledKey) && !inboxRuns.has(parsed.handledKey)) {
      logger.debug({ update: parsed.key }, "zalo update already handled");
      return 200;
    }
    const run = accept(parsed.handledKey, raw);
    try {
      await run.recorded;
    } catch (err) {
      // Not kept: the platform may try again (whether it does is not documented).
      logger.error({ update: parsed.key, err: (err as Error).message }, "zalo webhook update could not be kept");
      return 500;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run.done.catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, options.webhookAnswerWithinMs ?? 2000)))]);
    clearTimeout(timer);
    return 200;
  }

  async function handleWebhook(body: Buffer | string, headers: WebhookHeaders, meta: { from?: string } = {}): Promise<WebhookAnswer> {
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const refused = admitWebhook(header, meta.from);
    if (refused) return answer(refused);
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.isBuffer(body) ? body.toString("utf8") : body);
    } catch {
      logger.warn({ bytes: body.length }, "zalo webhook body is not JSON");
      return answer(400);
    }
    return answer(await takeWebhookBody(raw));
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (ms <= 0 || shutdown.signal.aborted) return resolve();
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
  const nextDelay = (delay: number) => Math.min(backoff.maxMs, delay > 0 ? delay * 2 : backoff.initialMs);
  let me: string | undefined;
  try {
    const info = await client.getMe({ signal });
    me = info.account_name;
  } catch (err) {
    // A refused token will not get better by waiting: stop here with a clear message.
    if (err instanceof ZaloApiError && err.errorCode === 401) throw new Error(t0("zalo-token-refused", { token: client.maskedToken }));
    logger.warn(errorFields(err), "zalo getMe failed; continuing");
  }

  /**
   * Polling and a webhook exclude each other: a webhook left from an earlier run is removed. It
   * never blocks polling: getWebhookInfo first, deleteWebhook only when a URL is set, 404 (no
   * webhook, on the real service) is fine, and after a bounded number of tries polling starts anyway.
   */
  async function clearWebhook(): Promise<void> {
    const tries = Math.max(1, options.webhookCleanupTries ?? 3);
    let delay = 0;
    for (let attempt = 1; attempt <= tries && !stopped; attempt++) {
      try {
        const info = await client.getWebhookInfo({ signal });
        if (!info?.url) return;
        await client.deleteWebhook({ signal });
        logger.info("zalo webhook of an earlier run removed");
        return;
      } catch (err) {
        if (err instanceof ZaloApiError && err.errorCode === 404) return;
        if (stopped) return;
        if (attempt >= tries) {
          logger.warn({ ...errorFields(err), tries }, "zalo webhook clean-up failed; polling starts anyway");
          return;
        }
        delay = nextDelay(delay);
        logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo webhook clean-up failed");
        await sleep(delay);
      }
    }
  }

  let loop: Promise<void> | undefined;
  if (mode === "polling") {
    const pollTimeout = options.pollTimeoutSeconds ?? 30;
    const minInterval = options.minPollIntervalMs ?? cfg.pollIntervalMs ?? 1000;
    loop = (async () => {
      await clearWebhook();
      let delay = 0;
      while (!stopped) {
        const startedAt = Date.now();
        try {
          const updates = await client.getUpdates({ timeout: pollTimeout }, { signal });
          delay = 0;
          // No offset exists: what getUpdates returned is ours now, so it is handled even while stopping.
          for (const u of updates) {
            await processUpdate(u).catch((err) => logger.error({ err: (err as Error).message }, "zalo update failed"));
          }
          // A poll that came back at once (a queue, a replay, an immediate 408) waits out the interval.
          await sleep(minInterval - (Date.now() - startedAt));
        } catch (err) {
          if (stopped) break;
          delay = nextDelay(delay);
          logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo polling failed");
          await sleep(Math.max(delay, minInterval - (Date.now() - startedAt)));
          // A webhook is still set (the clean-up gave up, or someone set one): try to clear it again.
          if (err instanceof ZaloApiError && /webhook/i.test(err.description)) await clearWebhook();
        }
      }
    })();
    logger.info({ bot: me, tokenMasked: client.maskedToken, mode }, "zalo channel started");
  } else {
    const secret = cfg.webhookSecret;
    // What an earlier run kept and did not handle (it stopped or crashed): handled first, in order.
    const kept = receivedUpdates(store.data, CHANNEL);
    if (kept.length > 0) logger.info({ updates: kept.length }, "zalo updates kept by an earlier run handled now");
    for (const k of kept) accept(k.key, k.update, true);
    const server = await getHttpServer(app);
    // The secret check, the inbox and the dedupe are the channel's (handleWebhook); the server routes to it.
    server.webhook(WEBHOOK_PATH, {
      admit(call) {
        const refused = admitWebhook((name) => call.header(name), call.from);
        return refused ? { status: refused, json: { ok: false } } : undefined;
      },
      async handle(raw) {
        const status = await takeWebhookBody(raw);
        return { status, json: { ok: status === 200 } };
      },
    });
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
        delay = nextDelay(delay);
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
    handleWebhook,
    async stop() {
      if (stopped) return;
      stopped = true;
      shutdown.abort();
      await loop;
      while (inboxRuns.size > 0) await Promise.allSettled([...inboxRuns.values()].map((r) => r.done));
      await gate.settled();
      const left = await outbox.close(options.stopGraceMs ?? 10_000);
      if (left > 0) logger.error({ left }, "zalo messages not sent before shutdown");
      if (mode === "webhook") await closeHttpServer(app);
      logger.info("zalo channel stopped");
    },
  };
}
