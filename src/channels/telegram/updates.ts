// One Telegram update, from polling or the webhook: taken once by id, mapped (update.ts), run, answered.
import type { Update } from "grammy/types";
import { accountKey, roleOf } from "../../domain/identity.js";
import { type GateTicket, typingWhile } from "../shared/index.js";
import { downloadFile } from "./api.js";
import type { TelegramContext } from "./context.js";
import type { Menus } from "./menus.js";
import type { TelegramSender } from "./sender.js";
import { type Incoming, toIncoming } from "./update.js";

/** Every update, from polling or the webhook: at most one run per update id, ever. */
export function createUpdateTaker(ctx: TelegramContext, sender: TelegramSender, menus: Menus): (update: Update) => Promise<void> {
  const { deps, logger, api, logErr } = ctx;
  const download = (fileId: string) => downloadFile(api, ctx.token, ctx.apiRoot, fileId);

  /** Shows "typing…" if a reply takes a while (a file or chart being made), until it is ready. */
  function typing<T>(chatId: number, work: Promise<T>): Promise<T> {
    return typingWhile(work, { afterMs: ctx.options.typingAfterMs ?? 800, everyMs: 4500, show: () => api.sendChatAction(chatId, "typing") });
  }

  /** A request through the command layer; a change is remembered before the replies go out. */
  async function request(incoming: Extract<Incoming, { kind: "request" }>, id: string, ticket: GateTicket): Promise<void> {
    const { req, chatId } = incoming;
    const changesBefore = deps.store.changes;
    const replies = await typing(chatId, ctx.layer.handle(req));
    // When the update changed something, it is remembered on disk before the replies go out: a
    // crash while sending must not run it twice. A read is remembered when it ends (batched).
    if (deps.store.changes !== changesBefore) await ticket.remember();
    const key = accountKey("telegram", req.userId);
    const account = deps.store.data.accounts[key];
    await sender.answer(chatId, key, replies, ctx.translator(account?.language ?? req.language), id);
    // Someone who just became an organizer (an organizer code) gets the organizer menu.
    if (account && roleOf(account, deps.organizerIds) === "organizer") await menus.setOrganizer(account.chatId, account.language);
  }

  async function handleOnce(update: Update, id: string, ticket: GateTicket): Promise<void> {
    const incoming: Incoming = toIncoming(update, { me: ctx.bot.botInfo, find: (n) => ctx.layer.find(n), download });
    const callbackId = "callbackId" in incoming ? incoming.callbackId : undefined;
    const pressAnswered = callbackId ? api.answerCallbackQuery(callbackId).catch((err) => logger.warn({ updateId: id, err: logErr(err) }, "callback not answered")) : undefined;
    try {
      if (incoming.kind === "ignore") {
        logger.debug({ updateId: id, reason: incoming.reason }, "update ignored");
        // A press outside a chat is still answered (the spinner stops): that is remembered.
        if (!callbackId) ticket.ignore();
      } else if (incoming.kind === "membership") {
        await sender.markReachable(incoming.account, incoming.reachable);
        logger.info({ account: incoming.account, reachable: incoming.reachable }, "bot membership changed");
      } else if (incoming.kind === "hint") {
        const key = `telegram:${incoming.chatId}`;
        const t = ctx.translator(deps.store.data.accounts[key]?.language ?? incoming.language);
        await sender.answer(incoming.chatId, key, [{ kind: "text", text: t(incoming.key) }], t, id);
      } else {
        await request(incoming, id, ticket);
      }
    } finally {
      await pressAnswered;
    }
  }

  return function take(update: Update): Promise<void> {
    const id = String(update.update_id);
    // While stopping, an update is left alone: it is not confirmed, so Telegram gives it again.
    if (ctx.stopping) return Promise.resolve();
    return ctx.gate
      .run(id, (ticket) => handleOnce(update, id, ticket))
      .then((outcome) => {
        if (outcome === "duplicate") logger.debug({ updateId: id }, "update already handled");
      });
  };
}
