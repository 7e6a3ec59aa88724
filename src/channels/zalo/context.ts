// What the parts of the Zalo channel (sender, updates, inbox, polling, webhook) share: its deps, options and named state.
import type { Logger } from "pino";
import type { Conference } from "../../conference/schema.js";
import type { Translate } from "../../lib/i18n.js";
import type { FileLinkService } from "../../messages/files.js";
import type { Reply } from "../../messages/types.js";
import type { PlatformDeps } from "../shared/deps.js";
import type { Backoff } from "../shared/pause.js";
import type { UpdateGate } from "../shared/updates.js";
import type { ZaloClient } from "./client.js";
import type { ZaloOutbox } from "./outbox.js";

/** What the wiring hands the Zalo channel. */
export interface ZaloDeps extends PlatformDeps {
  /** Files reach Zalo users as links (the platform takes a picture's URL, no documents). */
  files: FileLinkService;
  /** The conference's contact, named in the hint beside a file that has no link. */
  conference: { readonly conf: Pick<Conference, "contact"> };
  /**
   * What to answer a file sent in the chat (which Zalo passes on without its content): the wiring's
   * answer (the person's upload link), or undefined for the usual hint.
   */
  answerUnreadable?: (who: { channel: "zalo"; userId: string }) => Reply[] | undefined;
  /** The Telegram channel runs beside this one (TELEGRAM_BOT_TOKEN): only then may a Zalo user be sent there. */
  telegramRuns?: boolean;
}

export interface ZaloChannelOptions {
  /** The command layer (default the deps'); tests pass one with test-only commands. */
  bot?: ZaloDeps["bot"];
  /** getUpdates' long-poll time in seconds (default 30). */
  pollTimeoutSeconds?: number;
  /**
   * Least time between the starts of two polls (default 1 s): the platform answers at once while
   * its queue is not empty, and replays consumed updates; a long poll that waited needs no pause.
   */
  minPollIntervalMs?: number;
  /** Back-off of polling and of replies after a failure: doubles from initialMs to maxMs (default 1 s to 30 s). */
  backoff?: Backoff;
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

/** The handled-update memory's name for this channel (storage/handled-updates.ts). */
export const CHANNEL = "zalo";

/** One run of the channel, as its parts see it. */
export interface ZaloContext {
  deps: ZaloDeps;
  options: ZaloChannelOptions;
  logger: Logger;
  client: ZaloClient;
  /** Conversation replies, paced. */
  outbox: ZaloOutbox;
  /** Every update once, also after a restart. */
  gate: UpdateGate;
  backoff: Backoff;
  /** Aborted by stop(): waits are cut short and calls in flight given up. */
  shutdown: AbortController;
  /** Set by stop(), or by a start that failed: no update is taken any more. */
  stopped: boolean;
  /** The messages in a Zalo user's language. */
  translateFor(userId: string): Translate;
}
