// One Zalo update, from polling or the inbox: parsed, taken once, run in its chat's order, answered.
import type { Reply } from "../../messages/types.js";
import { cleanRequest } from "../../lib/text.js";
import { typingWhile } from "../shared/index.js";
import { downloadZaloFile } from "./client.js";
import type { ZaloContext } from "./context.js";
import { type ParsedUpdate, parseUpdate, toRequest } from "./render.js";
import type { ZaloSender } from "./sender.js";

/** What became of one update: handled, already handled, unusable, or passed over (a bot, a group already told). */
export type UpdateOutcome = "handled" | "duplicate" | "invalid" | "ignored";

type Parsed = Extract<ParsedUpdate, { ok: true }>;

/**
 * Each chat's updates one after another, so replies keep the order of the messages; a chat's
 * entry goes once its last update is done.
 */
export class ChatQueues {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const before = this.#tails.get(chatId) ?? Promise.resolve();
    const next = before.then(work, work);
    const tail = next.catch(() => undefined);
    this.#tails.set(chatId, tail);
    void tail.then(() => {
      if (this.#tails.get(chatId) === tail) this.#tails.delete(chatId);
    });
    return next;
  }
}

/** The hint for what cannot be read, by kind: files and locations are "unsupported" on Zalo. */
function hintFor(parsed: Parsed): string {
  return parsed.update.event_name === "message.unsupported.received" ? "zalo-unsupported-received" : "zalo-unsupported";
}

export function createUpdateHandler(ctx: ZaloContext, sender: ZaloSender): (raw: unknown) => Promise<UpdateOutcome> {
  const { deps, gate, logger } = ctx;
  const bot = ctx.options.bot ?? deps.bot;
  const typingAfterMs = ctx.options.typingAfterMs ?? 1000;
  const chats = new ChatQueues();

  /** A message from a group (or any chat that is not private): told once per chat to write privately. */
  async function fromGroup(parsed: Parsed): Promise<UpdateOutcome> {
    const { chatId } = parsed;
    const key = `group:${chatId}`;
    if (gate.seen(key)) {
      logger.debug({ chat: chatId }, "zalo group message passed over (already told)");
      return "ignored";
    }
    const outcome = await gate.run(key, async (ticket) => {
      logger.info({ chat: chatId, chatType: parsed.update.message.chat.chat_type }, "zalo message from a group: told to write privately");
      await ticket.remember();
      await sender.deliver(chatId, [{ kind: "text", text: deps.i18n.forLanguage(deps.defaultLanguage)("zalo-group-private-only") }], parsed.userId);
    });
    return outcome === "handled" ? "handled" : "ignored";
  }

  /** A private message: through the command layer (or a hint when it cannot be read), then answered. */
  async function fromPerson(parsed: Parsed, remember: () => Promise<void>): Promise<void> {
    const { chatId, userId } = parsed;
    const t = ctx.translateFor(userId);
    const req = cleanRequest(toRequest(parsed, { fallbackName: t("zalo-unnamed"), download: (url) => downloadZaloFile(url, { fetch: ctx.options.fetch }) }));
    let replies: Reply[];
    const changesBefore = deps.store.changes;
    if (!req) {
      // Stickers, voice, files and locations (which Zalo calls unsupported), unknown events.
      logger.info({ update: parsed.key, event: parsed.update.event_name }, "zalo message not understood");
      // A file sent in the chat: the person's upload link when the unit has a speech to hand in.
      const offered = hintFor(parsed) === "zalo-unsupported-received" ? deps.answerUnreadable?.({ channel: "zalo", userId }) : undefined;
      replies = offered ?? [{ kind: "text", text: t(hintFor(parsed)) }];
    } else {
      replies = await typingWhile(bot.handle(req), { afterMs: typingAfterMs, show: () => sender.enqueue(chatId, { method: "sendChatAction", action: "typing" }) });
    }
    // When the update changed something, it is remembered on disk before the replies go out: a
    // crash while sending must not run it twice. A read is remembered when it ends (batched).
    if (deps.store.changes !== changesBefore) await remember();
    await sender.deliver(chatId, replies, userId);
  }

  return async function processUpdate(raw: unknown): Promise<UpdateOutcome> {
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
    const outcome = await gate.run(
      parsed.handledKey,
      (ticket) => chats.run(parsed.chatId, () => fromPerson(parsed, () => ticket.remember())),
      // Keys written before chat ids were part of them.
      { aliases: [parsed.key] },
    );
    if (outcome === "duplicate") logger.debug({ update: parsed.key }, "zalo update already handled");
    return outcome;
  };
}
