// What a failed Bot API call means to the rest of the bot, and how to log it without the token.
import { GrammyError, HttpError } from "grammy";
import { DeliveryError } from "../../outbox/notifier.js";

/**
 * Maps a grammY error to the DeliveryError kinds a notices queue acts on: 429 → wait
 * `retry_after`; 403 (blocked, kicked, deactivated, never started) → the account is unreachable;
 * 5xx and network failures → try again later; any other refusal (400 chat not found, bad
 * request) → give up on this message.
 * See https://core.telegram.org/bots/api#making-requests and grammY's error classes.
 */
export function toDeliveryError(err: unknown, token?: string): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const text = errorText(err, token);
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return new DeliveryError("retry_after", text, err.parameters.retry_after ?? 1);
    if (err.error_code === 403) return new DeliveryError("blocked", text);
    if (err.error_code >= 500) return new DeliveryError("transient", text);
    return new DeliveryError("permanent", text);
  }
  if (err instanceof HttpError) return new DeliveryError("transient", text);
  return new DeliveryError("transient", text);
}

/** The person will not receive messages until they write to the bot again. */
export function isBlocked(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403;
}

/**
 * One line about an error, safe for logs: the token is cut out wherever it appears (a network
 * error may carry the request URL, which holds it).
 */
export function errorText(err: unknown, token?: string): string {
  const text =
    err instanceof GrammyError
      ? `${err.method}: ${err.error_code ?? "no error code"} ${err.description ?? "(no description)"}`
      : err instanceof Error
        ? `${err.name}: ${err.message}`
        : String(err);
  return token ? text.split(token).join("<token>") : text;
}
