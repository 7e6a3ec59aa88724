// What a channel's webhook is to the HTTP server that serves it: no framework type, and an order the server keeps.
//
// The server calls `admit` with the headers only; an answer from it refuses the call before a byte of
// the body is read (a missing or wrong secret, a channel that is stopping). Only then is the body read,
// up to the server's limit (413 beyond it, the reading stopped there), and parsed as JSON (400 when it is
// not, logged once as a warning). `handle` gets the parsed body.

/** A webhook call as the channel sees it before its body is read. */
export interface WebhookCall {
  /** A request header by name (case-insensitive); undefined when absent. */
  header(name: string): string | undefined;
  /** The peer's address, for logs. */
  from?: string;
}

/** What a webhook answers: the status and, optionally, a JSON body (default `{}`). */
export interface WebhookAnswer {
  status: number;
  json?: unknown;
  /** Close the connection with the answer (a refusal, or while stopping so the server can close at once). */
  close?: boolean;
}

export interface WebhookRoute {
  /** Looks at the headers only: an answer refuses the call, and its body is never read. */
  admit(call: WebhookCall): WebhookAnswer | undefined;
  /** The body, read within the limit and parsed as JSON, of a call `admit` let through. */
  handle(body: unknown, call: WebhookCall): Promise<WebhookAnswer>;
}

/** Where a channel mounts its webhook: the app's HTTP server, handed to the channel by the wiring. */
export interface WebhookRoutes {
  /** Routes POST `path` to `route`, with the server's body limit. */
  webhook(path: string, route: WebhookRoute): void;
}
