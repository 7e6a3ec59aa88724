// Sends messages to other accounts through whichever channel each account lives on.
import type { Logger } from "pino";
import type { Notifier, Outgoing, Reply, SendOptions } from "../messages/types.js";
import type { Account, Channel } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";

/**
 * Why ONE attempt failed, as the platforms say it, so the outbox can decide: wait for the platform's
 * limit (`retry_after`, the whole lane pauses), stop sending to that account (`blocked`), try this
 * delivery again later on its own back-off (`transient`) or give up at once (`permanent`).
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: "retry_after" | "blocked" | "transient" | "permanent",
    message: string,
    /** Seconds to wait, for retry_after. */
    readonly retryAfter?: number,
    /** Platform messages of this attempt that were accepted before it failed (counted from the first, skipped ones included). */
    readonly partsSent?: number,
    /**
     * The platform may have accepted the message although no answer came (a photo whose send timed
     * out while the platform fetched it): the outbox does not try again within its window.
     */
    readonly maybeDelivered?: boolean,
  ) {
    super(message);
  }
}

/** How the outbox asks for one attempt of a delivery. */
export interface SendAttempt {
  /**
   * Platform messages already accepted on earlier attempts: the channel skips that many of the
   * messages it renders (a long text split in two, a file then its text), so no part reaches a
   * person twice.
   */
  skipParts?: number;
  /**
   * Called after each platform message is accepted, with how many are accepted so far (skipped
   * ones included); the channel awaits it before the next part (the outbox records it durably).
   */
  onPart?: (partsSent: number) => Promise<void> | void;
}

/**
 * How a channel delivers replies to one account outside of a conversation: ONE attempt, no retry,
 * no pacing of its own (the outbox alone paces and retries notices, on every channel). Resolves
 * once the platform accepted every message; throws DeliveryError otherwise. A channel that splits
 * replies into several platform messages honours `skipParts` and reports `onPart`.
 */
export type ChannelSender = (account: Account, replies: Reply[], attempt?: SendAttempt) => Promise<void>;

/**
 * Shows `text` as the progress of a long task (`key`): the first call sends a message, later calls
 * edit that message in place, where the platform can (Telegram). Channels without it get new lines.
 */
export type ProgressSender = (account: Account, key: string, text: string) => Promise<void>;

export interface ChannelNotifier extends Notifier {
  register(channel: Channel, sender: ChannelSender, options?: { progress?: ProgressSender }): void;
  /** The progress sender a channel registered, if it can edit a message in place. */
  progress(channel: Channel): ProgressSender | undefined;
  /** The sender a channel registered, if any. */
  sender(channel: Channel): ChannelSender | undefined;
  /** Told of every channel registered, before and after (the outbox starts that channel's lane). */
  onRegister(listener: (channel: Channel) => void): void;
  /** From now on send() goes through this queue (the outbox, src/outbox/) instead of straight out. */
  useQueue(send: Notifier["send"]): void;
}

export function createNotifier(deps: { store: Store; logger: Logger }): ChannelNotifier {
  const senders = new Map<Channel, ChannelSender>();
  const progressSenders = new Map<Channel, ProgressSender>();
  const listeners: Array<(channel: Channel) => void> = [];
  let queue: Notifier["send"] | undefined;
  return {
    register(channel, sender, options) {
      senders.set(channel, sender);
      if (options?.progress) progressSenders.set(channel, options.progress);
      else progressSenders.delete(channel);
      for (const l of listeners) l(channel);
    },
    sender: (channel) => senders.get(channel),
    progress: (channel) => progressSenders.get(channel),
    onRegister(listener) {
      listeners.push(listener);
      for (const channel of senders.keys()) listener(channel);
    },
    useQueue(send) {
      queue = send;
    },
    async send(messages: Outgoing[], options?: SendOptions) {
      if (queue) return queue(messages, options);
      let sent = 0;
      for (const m of messages) {
        const account = deps.store.data.accounts[m.account];
        const sender = account && senders.get(account.channel);
        if (!account || !sender || account.unreachableSince) continue;
        try {
          await sender(account, m.replies);
          sent += 1;
        } catch (err) {
          deps.logger.warn({ account: m.account, err: (err as Error).message }, "direct message failed");
        }
      }
      return sent;
    },
  };
}
