// Telegram by webhook: the secret on the headers, the body checked as an update, the 200 once it was handled.
import { BotError } from "grammy";
import type { Update } from "grammy/types";
import { secretMatches } from "../shared/index.js";
import type { WebhookRoute } from "../shared/webhook.js";
import type { TelegramContext } from "./context.js";
import { updateProblem } from "./shape.js";

/** Where Telegram posts updates in webhook mode (PUBLIC_URL + this path). */
export const WEBHOOK_PATH = "/telegram/webhook";

/**
 * Longest wait for an update's handling before the webhook answers 200 anyway (Telegram gives up
 * after about a minute and would send the update again); the handling goes on, and a resend of
 * the same update is recognised.
 */
const WEBHOOK_WAIT_MS = 50_000;

/**
 * The webhook route on the one HTTP server. On the headers alone: the secret, in constant time
 * (401, logged), and 503 while stopping so Telegram gives the update to the next process. Then,
 * on the body the server read within its limit: 400 to a body that is no update (logged once),
 * else the update is handled; the 200 goes out once it was handled and answered, or after
 * WEBHOOK_WAIT_MS while the handling goes on.
 */
export function webhookRoute(ctx: TelegramContext, secret: string): WebhookRoute {
  const { logger } = ctx;
  return {
    admit(call) {
      if (!secretMatches(call.header("x-telegram-bot-api-secret-token"), secret)) {
        logger.warn("webhook call without the right secret refused");
        return { status: 401 };
      }
      if (ctx.stopping) return { status: 503, close: true };
      return undefined;
    },
    async handle(body, call) {
      const problem = updateProblem(body);
      if (problem) {
        logger.warn({ problem, from: call.from }, "webhook body is not an update");
        return { status: 400 };
      }
      const update = body as Update;
      const handled = ctx.bot.handleUpdate(update).then(
        () => 200,
        (err: unknown) => {
          logger.error({ updateId: update.update_id, err: ctx.logErr(err instanceof BotError ? err.error : err) }, "update failed");
          return 500;
        },
      );
      let timer: NodeJS.Timeout | undefined;
      const status = await Promise.race([handled, new Promise<number>((r) => (timer = setTimeout(() => r(200), WEBHOOK_WAIT_MS)))]);
      clearTimeout(timer);
      // While stopping, the connection is closed with the answer so the server can close at once.
      return { status, close: ctx.stopping };
    },
  };
}
