// Sends messages to other accounts through whichever channel each account lives on.
import type { Logger } from "pino";
import type { Notifier, Outgoing, Reply, SendOptions } from "../../commands/types.js";
import type { Account, Channel } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";

/**
 * Why a send failed, as the platforms say it, so a queue can decide: wait (`retry_after`), stop
 * sending to that account (`blocked`), try again later (`transient`) or give up (`permanent`).
 */
export class DeliveryError extends Error {
  constructor(
    readonly kind: "retry_after" | "blocked" | "transient" | "permanent",
    message: string,
    /** Seconds to wait, for retry_after. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/**
 * How a channel delivers replies to one account outside of a conversation. Resolves once the
 * platform accepted every message; throws DeliveryError otherwise.
 */
export type ChannelSender = (account: Account, replies: Reply[]) => Promise<void>;

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
