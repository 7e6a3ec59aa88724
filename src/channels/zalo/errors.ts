// Zalo failures as log fields and as what the outbox engine understands.
import { DeliveryError } from "../../outbox/notifier.js";
import { ZaloApiError, ZaloNetworkError } from "./client.js";
import { classifyFailure } from "./outbox.js";

/** A failure's fields for a log line (never the token: the client's errors carry none). */
export function errorFields(err: unknown): Record<string, unknown> {
  if (err instanceof ZaloApiError) return { method: err.method, errorCode: err.errorCode, err: err.message };
  if (err instanceof ZaloNetworkError) return { method: err.method, err: err.message };
  return { err: (err as Error)?.message ?? String(err) };
}

/** What a failed notice message means to the outbox engine, which decides when to try again. */
export function toDeliveryError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  const message = (err as Error)?.message ?? String(err);
  const failure = classifyFailure(err);
  // Zalo gives no retry_after: the outbox's own back-off decides how long to wait.
  if (failure === "quota") return new DeliveryError("retry_after", message);
  return new DeliveryError(failure === "permanent" ? "permanent" : "transient", message);
}

/** The same failure, saying how many parts of the notice the platform accepted before it. */
export function withPartsSent(err: DeliveryError, partsSent: number): DeliveryError {
  if (partsSent <= 0 || err.partsSent !== undefined) return err;
  return new DeliveryError(err.kind, err.message, err.retryAfter, partsSent, err.maybeDelivered);
}
