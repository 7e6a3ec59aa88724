// Zalo by long polling: a webhook left from an earlier run cleared first, then polls paced and backed off.
import { nextDelay, pause } from "../shared/pause.js";
import { ZaloApiError } from "./client.js";
import type { ZaloContext } from "./context.js";
import { errorFields } from "./errors.js";
import type { UpdateOutcome } from "./updates.js";

/**
 * Polling and a webhook exclude each other: a webhook left from an earlier run is removed. It
 * never blocks polling: getWebhookInfo first, deleteWebhook only when a URL is set, 404 (no
 * webhook, on the real service) is fine, and after a bounded number of tries polling starts anyway.
 */
export async function clearWebhook(ctx: ZaloContext): Promise<void> {
  const { client, logger } = ctx;
  const signal = ctx.shutdown.signal;
  const tries = Math.max(1, ctx.options.webhookCleanupTries ?? 3);
  let delay = 0;
  for (let attempt = 1; attempt <= tries && !ctx.stopped; attempt++) {
    try {
      const info = await client.getWebhookInfo({ signal });
      if (!info?.url) return;
      await client.deleteWebhook({ signal });
      logger.info("zalo webhook of an earlier run removed");
      return;
    } catch (err) {
      if (err instanceof ZaloApiError && err.errorCode === 404) return;
      if (ctx.stopped) return;
      if (attempt >= tries) {
        logger.warn({ ...errorFields(err), tries }, "zalo webhook clean-up failed; polling starts anyway");
        return;
      }
      delay = nextDelay(ctx.backoff, delay);
      logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo webhook clean-up failed");
      await pause(delay, signal);
    }
  }
}

/**
 * Polls until stopped. A poll starts no sooner than the least interval after the one before
 * started (a timer set when a poll starts, not a reading of the clock): a long poll that waited
 * goes on at once, one that came back at once (a queue, a replay, an immediate 408) waits it out.
 * No offset exists: what getUpdates returned is ours, so it is handled even while stopping.
 */
export async function pollUntilStopped(ctx: ZaloContext, processUpdate: (raw: unknown) => Promise<UpdateOutcome>): Promise<void> {
  const { client, logger } = ctx;
  const signal = ctx.shutdown.signal;
  const pollTimeout = ctx.options.pollTimeoutSeconds ?? 30;
  const minInterval = ctx.options.minPollIntervalMs ?? ctx.deps.settings.pollIntervalMs ?? 1000;
  await clearWebhook(ctx);
  let delay = 0;
  while (!ctx.stopped) {
    const paced = pause(minInterval, signal);
    try {
      const updates = await client.getUpdates({ timeout: pollTimeout }, { signal });
      delay = 0;
      for (const u of updates) {
        await processUpdate(u).catch((err) => logger.error({ err: (err as Error).message }, "zalo update failed"));
      }
      await paced;
    } catch (err) {
      if (ctx.stopped) break;
      delay = nextDelay(ctx.backoff, delay);
      logger.warn({ ...errorFields(err), retryInMs: delay }, "zalo polling failed");
      await Promise.all([paced, pause(delay, signal)]);
      // A webhook is still set (the clean-up gave up, or someone set one): try to clear it again.
      if (err instanceof ZaloApiError && /webhook/i.test(err.description)) await clearWebhook(ctx);
    }
  }
}
