// Telegram's way out: replies in a conversation, notices one part at a time, and a long send's progress edited in place.
import { type Api, InputFile } from "grammy";
import type { Reply } from "../../messages/types.js";
import type { Account } from "../../../storage/schema.js";
import { setReachable } from "../../domain/reachability.js";
import type { Translate } from "../../lib/i18n.js";
import { type ChannelSender, DeliveryError, type ProgressSender, type SendAttempt } from "../../outbox/notifier.js";
import type { TelegramContext } from "./context.js";
import { isBlocked, toDeliveryError } from "./errors.js";
import { escapeHtml, renderReplies } from "./render.js";

export interface TelegramSender {
  /** Replies in a conversation: a failure is logged (the change itself is already kept). */
  answer(chatId: number, key: string, replies: Reply[], t: Translate, updateId: string): Promise<void>;
  /** Marks an account reachable or not (blocked, removed, allowed back). */
  markReachable(key: string, reachable: boolean): Promise<void>;
  /** What the notifier calls for notices. */
  notices: ChannelSender;
  /** Progress of a long send. */
  progress: ProgressSender;
}

/** Shows replies in a chat, in order; throws the first Bot API error. Parts accepted earlier are skipped. */
async function deliver(api: Api, chatId: number | string, replies: Reply[], t: Translate, attempt?: SendAttempt, progress?: { accepted: number }): Promise<void> {
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

/**
 * The progress messages being edited, by key: the chat and the message. Only the latest sends are
 * followed; past 100 the oldest key is forgotten rather than kept forever.
 */
class ProgressMessages {
  readonly #shown = new Map<string, { chatId: string; messageId: number }>();
  get(key: string) {
    return this.#shown.get(key);
  }
  set(key: string, chatId: string, messageId: number): void {
    this.#shown.set(key, { chatId, messageId });
    if (this.#shown.size > 100) this.#shown.delete(this.#shown.keys().next().value as string);
  }
}

export function createTelegramSender(ctx: TelegramContext): TelegramSender {
  const { deps, logger, logErr, queueApi, token } = ctx;

  async function markReachable(key: string, reachable: boolean): Promise<void> {
    await setReachable(deps.store, key, reachable, deps.clock.now());
  }

  async function answer(chatId: number, key: string, replies: Reply[], t: Translate, updateId: string): Promise<void> {
    try {
      await deliver(ctx.api, chatId, replies, t);
    } catch (err) {
      if (isBlocked(err)) {
        logger.info({ account: key, updateId }, "reply refused: bot blocked or removed; account marked unreachable");
        await markReachable(key, false).catch((e) => logger.error({ err: logErr(e) }, "could not mark account unreachable"));
      } else logger.warn({ account: key, updateId, err: logErr(err) }, "reply not delivered");
    }
  }

  const notices: ChannelSender = async (account: Account, replies: Reply[], attempt?: SendAttempt) => {
    const progress = { accepted: 0 };
    try {
      await deliver(queueApi, account.chatId, replies, ctx.translator(account.language), attempt, progress);
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

  const progressMessages = new ProgressMessages();
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
      progressMessages.set(key, account.chatId, sent.message_id);
    } catch (err) {
      throw toDeliveryError(err, token);
    }
  };

  return { answer, markReachable, notices, progress };
}
