// Zalo by webhook: the secret on the headers, the update kept in the inbox, the 200 once handled or after a while.
import { secretMatches } from "../shared/index.js";
import { nextDelay, pause } from "../shared/pause.js";
import type { WebhookRoute } from "../shared/webhook.js";
import { ZaloApiError } from "./client.js";
import type { ZaloContext } from "./context.js";
import { errorFields } from "./errors.js";
import type { Inbox } from "./inbox.js";
import { parseUpdate } from "./render.js";

/** Where the platform posts updates, under PUBLIC_URL. */
export const WEBHOOK_PATH = "/zalo/webhook";

/** A webhook answer, for whatever HTTP layer serves the path. */
export interface WebhookAnswer {
  status: number;
  body: string;
}

export type WebhookHeaders = Record<string, string | string[] | undefined>;

export interface ZaloWebhook {
  /** The route the app's HTTP server serves. */
  route: WebhookRoute;
  /** The same steps as a plain function: checks the secret, reads the body, handles the update. */
  handle(body: Buffer | string, headers: WebhookHeaders, meta?: { from?: string }): Promise<WebhookAnswer>;
  /** Tells the platform where to post (setWebhook), a few tries for an outage; a refusal is final. */
  register(): Promise<void>;
}

const answer = (status: number): WebhookAnswer => ({ status, body: JSON.stringify({ ok: status === 200 }) });

export function createZaloWebhook(ctx: ZaloContext, inbox: Inbox): ZaloWebhook {
  const { logger, gate, deps } = ctx;

  /** The headers, before any of the body is read: stopping, or a missing or wrong secret. */
  function admit(header: (name: string) => string | undefined, from?: string): number | undefined {
    // After stop, a redelivery (if the platform makes one) will find the next process.
    if (ctx.stopped) return 503;
    const given = header("x-bot-api-secret-token");
    if (typeof given !== "string" || given.length === 0) {
      logger.warn({ from }, "zalo webhook without secret refused");
      return 401;
    }
    if (!secretMatches(given, deps.settings.webhookSecret ?? "")) {
      logger.warn({ from }, "zalo webhook with a wrong secret refused");
      return 403;
    }
    return undefined;
  }

  /** A body admitted and parsed: kept in the inbox, then 200 once handled or after webhookAnswerWithinMs. */
  async function take(raw: unknown): Promise<number> {
    const parsed = parseUpdate(raw);
    if (!parsed.ok) {
      logger.warn({ problem: parsed.problem }, "zalo update ignored");
      return 400;
    }
    if (gate.seen(parsed.handledKey) && !inbox.has(parsed.handledKey)) {
      logger.debug({ update: parsed.key }, "zalo update already handled");
      return 200;
    }
    const run = inbox.accept(parsed.handledKey, raw);
    try {
      await run.recorded;
    } catch (err) {
      // Not kept: the platform may try again (whether it does is not documented).
      logger.error({ update: parsed.key, err: (err as Error).message }, "zalo webhook update could not be kept");
      return 500;
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([run.done.catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, ctx.options.webhookAnswerWithinMs ?? 2000)))]);
    clearTimeout(timer);
    return 200;
  }

  async function handle(body: Buffer | string, headers: WebhookHeaders, meta: { from?: string } = {}): Promise<WebhookAnswer> {
    const refused = admit((name) => [headers[name]].flat()[0], meta.from);
    if (refused) return answer(refused);
    let raw: unknown;
    try {
      raw = JSON.parse(Buffer.isBuffer(body) ? body.toString("utf8") : body);
    } catch {
      logger.warn({ bytes: body.length }, "zalo webhook body is not JSON");
      return answer(400);
    }
    return answer(await take(raw));
  }

  const route: WebhookRoute = {
    admit(call) {
      const refused = admit((name) => call.header(name), call.from);
      return refused ? { status: refused, json: { ok: false } } : undefined;
    },
    async handle(raw) {
      const status = await take(raw);
      return { status, json: { ok: status === 200 } };
    },
  };

  return { route, handle, register: () => registerWebhook(ctx) };
}

/** setWebhook at PUBLIC_URL: a refusal (bad URL, bad secret) is final, an outage or a quota gets a few tries. */
async function registerWebhook(ctx: ZaloContext): Promise<void> {
  const { deps, logger } = ctx;
  const url = `${deps.publicUrl}${WEBHOOK_PATH}`;
  let delay = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.client.setWebhook({ url, secret_token: deps.settings.webhookSecret ?? "" }, { signal: ctx.shutdown.signal });
      return;
    } catch (err) {
      // A refusal (bad URL, bad secret) is final; an outage or a quota gets a few tries.
      const final = (err instanceof ZaloApiError && err.errorCode !== 429 && err.errorCode < 500) || attempt >= 5;
      if (final) throw err;
      delay = nextDelay(ctx.backoff, delay);
      logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo setWebhook failed");
      await pause(delay, ctx.shutdown.signal);
    }
  }
}
