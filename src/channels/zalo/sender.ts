// Zalo's way out: conversation replies through the paced outbox, notices one attempt per part, files as links.
import { contactRef } from "../../../commands/contact.js";
import type { Reply } from "../../messages/types.js";
import type { Account } from "../../../storage/schema.js";
import { roleOf } from "../../domain/identity.js";
import type { Translate } from "../../lib/i18n.js";
import type { Clock } from "../../lib/time.js";
import type { ChannelSender, SendAttempt } from "../../outbox/notifier.js";
import type { ZaloContext } from "./context.js";
import { toDeliveryError, withPartsSent } from "./errors.js";
import { isTimeout } from "./outbox.js";
import { type RenderDeps, renderReplies, type ZaloOutgoing } from "./render.js";

/** A photo whose sendPhoto timed out is not sent again to the same chat within this time. */
export const PHOTO_TIMEOUT_WINDOW_MS = 10 * 60 * 1000;

/**
 * Photos of notices whose sendPhoto timed out, by chat and picture, with when (on the app's clock):
 * the platform may have sent them, so they are not sent again within the window. The oldest go
 * first past 1,000.
 */
export class PhotoTimeouts {
  readonly #at = new Map<string, number>();
  constructor(readonly clock: Clock) {}

  /** Whether this photo timed out less than the window ago. */
  recent(key: string): boolean {
    const at = this.#at.get(key);
    return at !== undefined && this.clock.now().getTime() - at < PHOTO_TIMEOUT_WINDOW_MS;
  }

  timedOut(key: string): void {
    this.#at.set(key, this.clock.now().getTime());
    if (this.#at.size > 1000) this.#at.delete(this.#at.keys().next().value as string);
  }

  sent(key: string): void {
    this.#at.delete(key);
  }
}

export interface ZaloSender {
  /** Renders a conversation's replies and queues them, in the chat's order; sending is not awaited. */
  deliver(chatId: string, replies: Reply[], userId: string): Promise<void>;
  /** Queues one conversation message (typing is best effort). */
  enqueue(chatId: string, o: ZaloOutgoing): Promise<unknown>;
  /** What the notifier calls for notices and review results. */
  notices: ChannelSender;
}

/** How a file reaches one Zalo user: a link of its own that expires (one day for organizers). */
function filesFor(ctx: ZaloContext, userId: string, t: Translate): Pick<RenderDeps, "publish" | "organizer" | "contact" | "telegramRuns" | "remindNoAddress"> {
  const { deps, logger } = ctx;
  const key = `zalo:${userId}`;
  const account = deps.store.data.accounts[key];
  const organizer = account ? roleOf(account, deps.organizerIds) === "organizer" : deps.organizerIds.has(key);
  return {
    organizer,
    contact: contactRef(t, deps.conference.conf),
    telegramRuns: deps.telegramRuns === true,
    remindNoAddress: () => organizer && deps.files.remindNoAddress(key),
    async publish(name: string, data: Buffer): Promise<string | undefined> {
      try {
        return await deps.files.publish(name, data, { account: key, organizer });
      } catch (err) {
        logger.error({ err: (err as Error).message, file: name }, "zalo could not publish a file");
        return undefined;
      }
    },
  };
}

/** One call to the platform for one outgoing message. */
function call(client: ZaloContext["client"], chatId: string, o: ZaloOutgoing): Promise<unknown> {
  if (o.method === "sendChatAction") return client.sendChatAction({ chat_id: chatId, action: o.action });
  if (o.method === "sendPhoto") return client.sendPhoto({ chat_id: chatId, photo: o.photo, ...(o.caption ? { caption: o.caption } : {}) });
  return client.sendMessage({ chat_id: chatId, text: o.text });
}

export function createZaloSender(ctx: ZaloContext): ZaloSender {
  const { deps, client, outbox, logger } = ctx;
  const photoTimeouts = new PhotoTimeouts(deps.clock);

  /** Queues one conversation reply; typing is best effort (one attempt, failure ignored); a photo that timed out is not sent again. */
  function enqueue(chatId: string, o: ZaloOutgoing): Promise<unknown> {
    const label = `${o.method} ${chatId}`;
    if (o.method === "sendChatAction") return outbox.enqueue({ label, maxAttempts: 1, run: () => call(client, chatId, o) }).catch(() => undefined);
    return outbox.enqueue({ label, noRetryOnTimeout: o.method === "sendPhoto", run: () => call(client, chatId, o) });
  }

  /**
   * Renders a conversation's replies and queues them. Awaited in the chat's order (a picture is
   * written first), so the next message's replies cannot overtake; the sending itself is not
   * awaited, and its failures are logged by the outbox.
   */
  async function deliver(chatId: string, replies: Reply[], userId: string): Promise<void> {
    try {
      const t = ctx.translateFor(userId);
      const outgoing = await renderReplies(replies, { t, ...filesFor(ctx, userId, t) });
      for (const o of outgoing) enqueue(chatId, o).catch(() => undefined);
    } catch (err) {
      logger.error({ err: (err as Error).message, chat: chatId }, "zalo replies could not be rendered");
    }
  }

  /** One part of a notice: a photo that timed out within the window is counted as sent, not sent again. */
  async function sendPart(account: Account, o: ZaloOutgoing, photoKey: string): Promise<void> {
    if (photoKey && photoTimeouts.recent(photoKey)) {
      logger.warn({ account: account.key }, "zalo photo not sent again: its last sendPhoto timed out and may have arrived");
      return;
    }
    try {
      await call(client, account.chatId, o);
      if (photoKey) photoTimeouts.sent(photoKey);
    } catch (err) {
      if (photoKey && isTimeout(err)) photoTimeouts.timedOut(photoKey);
      throw err;
    }
  }

  // Notices and review results: ONE attempt per message, straight to the platform (never behind
  // conversation replies); the outbox engine (src/outbox/) paces them and decides on retries.
  // A notice rendered as several platform messages is several parts: the first `skipParts` were
  // accepted on earlier attempts and are not sent again; each accepted part is reported (onPart)
  // before the next, and a failure tells how many were accepted (DeliveryError.partsSent).
  const notices: ChannelSender = async (account: Account, replies: Reply[], attempt?: SendAttempt) => {
    const t = deps.i18n.forLanguage(account.language);
    const outgoing = await renderReplies(replies, { t, ...filesFor(ctx, account.userId, t) });
    const skip = attempt?.skipParts ?? 0;
    let part = 0;
    for (const [i, o] of outgoing.entries()) {
      if (o.method === "sendChatAction") continue;
      part++;
      if (part <= skip) continue;
      const photoKey = o.method === "sendPhoto" ? `${account.chatId}|${i}|${replies.map((r) => ("name" in r ? r.name : r.text)).join("|")}` : "";
      try {
        await sendPart(account, o, photoKey);
      } catch (err) {
        throw withPartsSent(toDeliveryError(err), part - 1);
      }
      await attempt?.onPart?.(part);
    }
  };

  return { deliver, enqueue, notices };
}
