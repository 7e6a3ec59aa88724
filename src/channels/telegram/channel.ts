// The Telegram channel: a grammY bot that feeds the command layer and shows its replies, by polling or webhook.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot, BotError, HttpError, InputFile, type Transformer } from "grammy";
import type { BotCommand, LanguageCode, Update, UserFromGetMe } from "grammy/types";
import { accountKey, roleOf } from "../../../commands/identity.js";
import type { CommandLayer } from "../../../commands/router.js";
import type { Reply } from "../../../commands/types.js";
import type { Account, Role } from "../../../storage/schema.js";
import type { App } from "../../app/app.js";
import type { Translate } from "../../lib/i18n.js";
import type { RunningChannel } from "../running.js";
import { type ChannelSender, DeliveryError, type ProgressSender, type SendAttempt } from "../../outbox/notifier.js";
import { closeHttpServer, getHttpServer } from "../../app/http-server.js";
import type { WebhookRoute } from "../shared/webhook.js";
import { updateProblem } from "./shape.js";
import { setReachable } from "../../domain/reachability.js";
import { createUpdateGate, type GateTicket, secretMatches, typingWhile } from "../shared/index.js";
import { errorText, isBlocked, toDeliveryError } from "./errors.js";
import { escapeHtml, renderReplies } from "./render.js";
import { type Incoming, toIncoming } from "./update.js";
import { clip } from "../../lib/text.js";

/** Where Telegram posts updates in webhook mode (PUBLIC_URL + this path). */
export const WEBHOOK_PATH = "/telegram/webhook";

/** The updates the bot asks for: messages, button presses, and being blocked or removed. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "my_chat_member"] as const;

/** Handled update ids kept in the store: far more than Telegram ever redelivers (storage/handled-updates.ts). */
export { HANDLED_KEEP } from "../../../storage/handled-updates.js";
export { secretMatches } from "../shared/index.js";

/**
 * Longest wait for an update's handling before the webhook answers 200 anyway (Telegram gives up
 * after about a minute and would send the update again); the handling goes on, and a resend of
 * the same update is recognised.
 */
const WEBHOOK_WAIT_MS = 50_000;

/** Bot API servers hand out files of at most 20 MB through getFile. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;

/** Auto-retry: a few attempts, never a wait longer than this many seconds (then the caller decides). */
const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 30 };

export interface TelegramChannelOptions {
  /** Fixed bot info: no getMe call on start (tests). */
  botInfo?: UserFromGetMe;
  /** Another command layer than the app's (tests with commands of their own). */
  layer?: CommandLayer;
  /** Transformers installed below auto-retry, i.e. closest to the network (tests stub the Bot API). */
  transformers?: Transformer[];
  /** Long polling timeout in seconds (default 30). */
  pollingTimeout?: number;
  /** Milliseconds before "typing…" shows while a reply is prepared (default 800). */
  typingAfterMs?: number;
}

export interface TelegramChannel extends RunningChannel {
  readonly bot: Bot;
  readonly mode: "polling" | "webhook";
  /** Starts polling, or routes the webhook and registers it with Telegram. */
  start(): Promise<void>;
  /** Stops taking updates, finishes the ones in hand. */
  stop(): Promise<void>;
  /** Sets the command menus: by language, for groups, and for every organizer's chat. */
  setMenus(): Promise<void>;
  /** Sends replies to an account outside a conversation (what the notifier calls). */
  readonly sender: ChannelSender;
}

/**
 * Network failures are retried a couple of times, briefly; auto-retry is told to rethrow them
 * since it would otherwise retry them forever. getUpdates is left to grammY's polling loop.
 */
const retryNetwork: Transformer = async (prev, method, payload, signal) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      if (!(err instanceof HttpError) || method === "getUpdates" || signal?.aborted || attempt >= 2) throw err;
      await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
    }
  }
};

export function createTelegramChannel(app: App, options: TelegramChannelOptions = {}): TelegramChannel {
  const tg = app.config.telegram;
  if (!tg) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const { token } = tg;
  const apiRoot = tg.apiRoot?.replace(/\/+$/, "");
  const { store, i18n, config, clock } = app.services;
  const logger = app.services.logger.child({ channel: "telegram" });
  const layer = options.layer ?? app.bot;
  const mode = tg.mode;

  const bot = new Bot(token, { botInfo: options.botInfo, client: apiRoot ? { apiRoot } : undefined });
  bot.api.config.use(...(options.transformers ?? []), autoRetry({ ...RETRY, rethrowHttpErrors: true }), retryNetwork);
  const api = bot.api;
  // The notices queue paces and retries its own sends (retry_after, back-off, bounded attempts):
  // its messages go through an Api without grammY's retries, so a retry never bypasses the pace.
  const queueApi = new Api(token, apiRoot ? { apiRoot } : undefined);
  if (options.transformers?.length) queueApi.config.use(...options.transformers);

  let stopping = false;
  let polling: Promise<void> | undefined;
  /** Every update once, by id, also after a restart: a webhook resend of one in hand waits for it. */
  const gate = createUpdateGate({
    store,
    channel: "telegram",
    now: () => clock.now(),
    onRecordFailed: (id, err) => logger.error({ updateId: id, err: logErr(err) }, "update id not recorded"),
  });
  /** Chats that already show the organizer menu. */
  const organizerMenus = new Set<string>();

  const translator = (language: string | undefined): Translate => i18n.forLanguage(language ?? config.defaultLanguage);
  const logErr = (err: unknown) => errorText(err, token);

  // --- files -------------------------------------------------------------------------------

  async function download(fileId: string): Promise<Buffer> {
    const file = await api.getFile(fileId);
    if (!file.file_path) throw new Error("getFile gave no file_path");
    if ((file.file_size ?? 0) > MAX_DOWNLOAD) throw new Error("file larger than the Bot API serves");
    // A local Bot API server started with --local gives a path on its own disk instead of a link.
    if (apiRoot && path.isAbsolute(file.file_path)) return readFile(file.file_path);
    const url = `${apiRoot ?? "https://api.telegram.org"}/file/bot${token}/${file.file_path}`;
    let res: Response;
    try {
      res = await fetch(url);
    } catch {
      // Not the cause's text: it may hold the URL, and the URL holds the token.
      throw new Error("file download failed: network error");
    }
    if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
    if (Number(res.headers.get("content-length") ?? 0) > MAX_DOWNLOAD) throw new Error("file larger than the Bot API serves");
    const data = Buffer.from(await res.arrayBuffer());
    if (data.length > MAX_DOWNLOAD) throw new Error("file larger than the Bot API serves");
    return data;
  }

  // --- sending -----------------------------------------------------------------------------

  /** Shows replies in a chat, in order; throws the first Bot API error. */
  async function deliver(chatId: number | string, replies: Reply[], t: Translate, via: Api = api, attempt?: SendAttempt, progress?: { accepted: number }): Promise<void> {
    const api = via;
    const skip = attempt?.skipParts ?? 0;
    let part = 0;
    for (const o of renderReplies(replies, t)) {
      // Each rendered message is one part: those accepted on earlier attempts are not sent again.
      part++;
      if (part <= skip) {
        if (progress) progress.accepted = part;
        continue;
      }
      if (o.method === "sendMessage") {
        await api.sendMessage(chatId, o.html, { parse_mode: "HTML", reply_markup: o.keyboard });
      } else if (o.method === "sendDocument") {
        await api.sendChatAction(chatId, "upload_document").catch(() => {});
        await api.sendDocument(chatId, new InputFile(o.data, o.name), { caption: o.captionHtml, parse_mode: o.captionHtml ? "HTML" : undefined });
      } else {
        await api.sendChatAction(chatId, "upload_photo").catch(() => {});
        await api.sendPhoto(chatId, new InputFile(o.data, o.name), { caption: o.captionHtml, parse_mode: o.captionHtml ? "HTML" : undefined });
      }
      if (progress) progress.accepted = part;
      await attempt?.onPart?.(part);
    }
  }

  async function markReachable(key: string, reachable: boolean): Promise<void> {
    await setReachable(store, key, reachable, clock.now());
  }

  /** Replies in a conversation: a failure is logged (the change itself is already kept). */
  async function answer(chatId: number, key: string, replies: Reply[], t: Translate, updateId: string): Promise<void> {
    try {
      await deliver(chatId, replies, t);
    } catch (err) {
      if (isBlocked(err)) {
        logger.info({ account: key, updateId }, "reply refused: bot blocked or removed; account marked unreachable");
        await markReachable(key, false).catch((e) => logger.error({ err: logErr(e) }, "could not mark account unreachable"));
      } else logger.warn({ account: key, updateId, err: logErr(err) }, "reply not delivered");
    }
  }

  const sender: ChannelSender = async (account: Account, replies: Reply[], attempt?: SendAttempt) => {
    const progress = { accepted: 0 };
    try {
      await deliver(account.chatId, replies, translator(account.language), queueApi, attempt, progress);
    } catch (err) {
      let failure = toDeliveryError(err, token);
      if (progress.accepted > 0 && failure.partsSent === undefined) {
        failure = new DeliveryError(failure.kind, failure.message, failure.retryAfter, progress.accepted, failure.maybeDelivered);
      }
      if (failure.kind === "blocked") {
        await markReachable(account.key, false).catch((e) => logger.error({ account: account.key, err: logErr(e) }, "could not mark account unreachable"));
      }
      throw failure;
    }
  };

  /** Progress messages being edited, by key: the chat and the message to edit. */
  const progressMessages = new Map<string, { chatId: string; messageId: number }>();

  /** Progress of a long send: one message, edited as the count goes up (Telegram users expect that). */
  const progress: ProgressSender = async (account, key, textValue) => {
    const html = escapeHtml(textValue);
    const shown = progressMessages.get(key);
    try {
      if (shown && shown.chatId === account.chatId) {
        await queueApi.editMessageText(account.chatId, shown.messageId, html, { parse_mode: "HTML" });
        return;
      }
      const sent = await queueApi.sendMessage(account.chatId, html, { parse_mode: "HTML" });
      progressMessages.set(key, { chatId: account.chatId, messageId: sent.message_id });
      // Only the latest sends are followed; an old key is forgotten rather than kept forever.
      if (progressMessages.size > 100) progressMessages.delete(progressMessages.keys().next().value as string);
    } catch (err) {
      throw toDeliveryError(err, token);
    }
  };

  // --- menus -------------------------------------------------------------------------------

  function menu(role: Role, t: Translate): BotCommand[] {
    return layer
      .visible(role)
      .filter((d) => /^[a-z0-9_]{1,32}$/.test(d.name))
      .map((d) => ({ command: d.name, description: clip(t(d.describe), 256) }));
  }

  async function setCommands(commands: BotCommand[], other: Parameters<typeof api.setMyCommands>[1], what: string): Promise<boolean> {
    try {
      await api.setMyCommands(commands, other);
      return true;
    } catch (err) {
      logger.warn({ menu: what, err: logErr(err) }, "could not set the command menu");
      return false;
    }
  }

  async function setOrganizerMenu(chatId: string, language: string | undefined): Promise<void> {
    if (organizerMenus.has(chatId)) return;
    organizerMenus.add(chatId);
    const ok = await setCommands(menu("organizer", translator(language)), { scope: { type: "chat", chat_id: Number(chatId) } }, "organizer chat");
    if (!ok) organizerMenus.delete(chatId);
  }

  async function setMenus(): Promise<void> {
    // The default menu (private chats) lists what a delegate may do, since nearly everyone who
    // writes is one; a guest who picks a delegate command is told to join first. Groups get the
    // public commands only (see update.ts). The default language needs no language_code.
    // The menus do not depend on one another: asked for at once, a start waits one round trip to
    // Telegram for all of them rather than one per menu.
    const calls: Promise<unknown>[] = [];
    for (const language of [config.defaultLanguage, ...i18n.languages.filter((l) => l !== config.defaultLanguage)]) {
      const t = translator(language);
      const language_code = language === config.defaultLanguage ? undefined : (language as LanguageCode);
      calls.push(setCommands(menu("delegate", t), { language_code }, `default ${language}`));
      calls.push(setCommands(menu("guest", t), { scope: { type: "all_group_chats" }, language_code }, `groups ${language}`));
    }
    const organizers = new Map<string, string | undefined>();
    for (const id of config.organizerIds) if (id.startsWith("telegram:")) organizers.set(id.slice("telegram:".length), undefined);
    for (const a of Object.values(store.data.accounts)) {
      if (a.channel === "telegram" && roleOf(a, config.organizerIds) === "organizer") organizers.set(a.chatId, a.language);
    }
    for (const [chatId, language] of organizers) if (/^-?\d+$/.test(chatId)) calls.push(setOrganizerMenu(chatId, language));
    await Promise.all(calls);
  }

  // --- updates -----------------------------------------------------------------------------

  /** Shows "typing…" if a reply takes a while (a file or chart being made), until it is ready. */
  function typing<T>(chatId: number, work: Promise<T>): Promise<T> {
    return typingWhile(work, { afterMs: options.typingAfterMs ?? 800, everyMs: 4500, show: () => api.sendChatAction(chatId, "typing") });
  }

  async function handleOnce(update: Update, id: string, ticket: GateTicket): Promise<void> {
    const remember = () => ticket.remember();
    const incoming: Incoming = toIncoming(update, { me: bot.botInfo, find: (n) => layer.find(n), download });
    const callbackId = "callbackId" in incoming ? incoming.callbackId : undefined;
    const pressAnswered = callbackId
      ? api.answerCallbackQuery(callbackId).catch((err) => logger.warn({ updateId: id, err: logErr(err) }, "callback not answered"))
      : undefined;
    try {
      if (incoming.kind === "ignore") {
        logger.debug({ updateId: id, reason: incoming.reason }, "update ignored");
        // A press outside a chat is still answered (the spinner stops): that is remembered.
        if (!callbackId) ticket.ignore();
      } else if (incoming.kind === "membership") {
        await markReachable(incoming.account, incoming.reachable);
        logger.info({ account: incoming.account, reachable: incoming.reachable }, "bot membership changed");
      } else if (incoming.kind === "hint") {
        const key = `telegram:${incoming.chatId}`;
        const t = translator(store.data.accounts[key]?.language ?? incoming.language);
        await answer(incoming.chatId, key, [{ kind: "text", text: t(incoming.key) }], t, id);
      } else {
        const { req, chatId } = incoming;
        const changesBefore = store.changes;
        const replies = await typing(chatId, layer.handle(req));
        // When the update changed something, it is remembered on disk before the replies go out: a
        // crash while sending must not run it twice. A read is remembered when it ends (batched).
        if (store.changes !== changesBefore) await remember();
        const key = accountKey("telegram", req.userId);
        const account = store.data.accounts[key];
        await answer(chatId, key, replies, translator(account?.language ?? req.language), id);
        // Someone who just became an organizer (an organizer code) gets the organizer menu.
        if (account && roleOf(account, config.organizerIds) === "organizer") await setOrganizerMenu(account.chatId, account.language);
      }
    } finally {
      await pressAnswered;
    }
  }

  /** Every update, from polling or the webhook: at most one run per update id, ever. */
  function take(update: Update): Promise<void> {
    const id = String(update.update_id);
    // While stopping, an update is left alone: it is not confirmed, so Telegram gives it again.
    if (stopping) return Promise.resolve();
    return gate
      .run(id, (ticket) => handleOnce(update, id, ticket))
      .then((outcome) => {
        if (outcome === "duplicate") logger.debug({ updateId: id }, "update already handled");
      });
  }

  bot.use(async (ctx) => {
    await take(ctx.update);
  });
  bot.catch((err) => {
    logger.error({ updateId: err.ctx?.update?.update_id, err: logErr(err.error) }, "update failed");
  });

  // --- webhook -----------------------------------------------------------------------------

  /**
   * The webhook route on the one HTTP server. On the headers alone: the secret, in constant time
   * (401, logged), and 503 while stopping so Telegram gives the update to the next process. Then,
   * on the body the server read within its limit: 400 to a body that is no update (logged once),
   * else the update is handled; the 200 goes out once it was handled and answered, or after
   * WEBHOOK_WAIT_MS while the handling goes on (a resend of it is recognised).
   */
  function webhookRoute(secret: string): WebhookRoute {
    return {
      admit(call) {
        if (!secretMatches(call.header("x-telegram-bot-api-secret-token"), secret)) {
          logger.warn("webhook call without the right secret refused");
          return { status: 401 };
        }
        if (stopping) return { status: 503, close: true };
        return undefined;
      },
      async handle(body, call) {
        const problem = updateProblem(body);
        if (problem) {
          logger.warn({ problem, from: call.from }, "webhook body is not an update");
          return { status: 400 };
        }
        const update = body as Update;
        const handled = bot.handleUpdate(update).then(
          () => 200,
          (err: unknown) => {
            logger.error({ updateId: update.update_id, err: logErr(err instanceof BotError ? err.error : err) }, "update failed");
            return 500;
          },
        );
        let timer: NodeJS.Timeout | undefined;
        const status = await Promise.race([handled, new Promise<number>((r) => (timer = setTimeout(() => r(200), WEBHOOK_WAIT_MS)))]);
        clearTimeout(timer);
        // While stopping, the connection is closed with the answer so the server can close at once.
        return { status, close: stopping };
      },
    };
  }

  // --- lifecycle ---------------------------------------------------------------------------

  async function start(): Promise<void> {
    app.notifier.register("telegram", sender, { progress });
    await bot.init();
    await setMenus();
    if (mode === "webhook") {
      // The config already refuses this; without a secret anyone could post updates.
      if (!tg?.webhookSecret) throw new Error("TELEGRAM_WEBHOOK_SECRET is required in webhook mode");
      (await getHttpServer(app)).webhook(WEBHOOK_PATH, webhookRoute(tg.webhookSecret));
      await api.setWebhook(`${config.publicUrl}${WEBHOOK_PATH}`, {
        secret_token: tg?.webhookSecret,
        allowed_updates: [...ALLOWED_UPDATES],
        drop_pending_updates: false,
      });
      logger.info({ bot: bot.botInfo.username, mode, path: WEBHOOK_PATH }, "telegram channel started");
      return;
    }
    await new Promise<void>((resolve, reject) => {
      polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          drop_pending_updates: false,
          timeout: options.pollingTimeout ?? 30,
          onStart: () => resolve(),
        })
        .catch((err) => {
          logger.error({ err: logErr(err) }, "telegram polling stopped");
          reject(err);
        });
    });
    logger.info({ bot: bot.botInfo.username, mode }, "telegram channel started");
  }

  async function stop(): Promise<void> {
    if (stopping) return;
    stopping = true;
    if (mode === "polling" && bot.isRunning()) {
      await bot.stop().catch((err) => logger.warn({ err: logErr(err) }, "could not confirm the last update"));
    }
    await polling?.catch(() => {});
    await gate.settled();
    if (mode === "webhook") await closeHttpServer(app);
    logger.info("telegram channel stopped");
  }

  return { name: "telegram", bot, mode, start, stop, setMenus, sender };
}
