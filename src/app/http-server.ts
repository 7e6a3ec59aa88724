// The process's one HTTP server (Hono on @hono/node-server): the Telegram and Zalo webhooks, the file links, the organizers' desk.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import path from "node:path";
import { createAdaptorServer, type HttpBindings } from "@hono/node-server";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";
import type { Translate } from "../lib/i18n.js";
import type { App } from "./app.js";

/** Hono's environment here: the Node request and response are at hand (c.env.incoming). */
export type HttpEnv = { Bindings: HttpBindings };

/**
 * What a request may cost the process. A webhook body is a few kilobytes and arrives at once; a
 * client that sends its headers or body slowly (a byte at a time, 100 bytes every half second)
 * is cut off instead of holding a connection, and the number of open connections is capped.
 */
export interface HttpLimits {
  /** Time to receive the request headers (Node's headersTimeout). */
  headersTimeoutMs: number;
  /** Time to receive the whole request, headers and body (Node's requestTimeout). */
  requestTimeoutMs: number;
  /** Open connections at most; more are refused by closing them (Node's maxConnections). */
  maxConnections: number;
  /** Longest request body of a webhook, in bytes; a longer one answers 413. */
  maxBodyBytes: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 20_000,
  maxConnections: 256,
  maxBodyBytes: 1_000_000,
  keepAliveTimeoutMs: 5_000,
};

/** A webhook call as a channel sees it: no framework type, only what a handler needs. */
export interface WebhookRequest {
  /** A request header by name (case-insensitive); undefined when absent. */
  header(name: string): string | undefined;
  /** The body as received (UTF-8 text). */
  body: string;
  /** The peer's address, for logs. */
  from?: string;
}

/** What a webhook handler answers: the status and, optionally, a JSON body (default `{}`). */
export interface WebhookAnswer {
  status: number;
  json?: unknown;
  /** Close the connection with the answer (while stopping, so the server can close at once). */
  close?: boolean;
}

export type WebhookHandler = (req: WebhookRequest) => Promise<WebhookAnswer>;

/** A request handler mounted under /ban-to-chuc/ (the organizers' desk, built elsewhere). */
export type DeskHandler = (c: Context<HttpEnv>) => Response | Promise<Response>;

export interface HttpServer {
  /** The Hono app: routes are added before or after listen() (grammY's adapter is mounted on it). */
  readonly hono: Hono<HttpEnv>;
  /** The body cap of webhooks, for routes mounted directly on `hono`. */
  readonly limitBody: MiddlewareHandler<HttpEnv>;
  /** Routes POST `path` to a framework-free webhook handler, with the body cap. */
  webhook(path: string, handler: WebhookHandler): void;
  /** Hands /ban-to-chuc/ and everything under it to the desk (until then a page says it is coming). */
  desk(handler: DeskHandler): void;
  /** Starts listening (once); resolves with the port. */
  listen(): Promise<number>;
  /** Stops accepting, waits for the requests in hand, closes idle connections. */
  close(): Promise<void>;
  readonly server: Server;
  readonly limits: HttpLimits;
}

export const DESK_PATH = "/ban-to-chuc";

export interface HttpServerOptions {
  port: number;
  /** Where to listen (default 127.0.0.1). */
  host?: string;
  logger: Logger;
  limits?: Partial<HttpLimits>;
  /** Messages for the pages the server itself shows (the desk placeholder). */
  t?: Translate;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A plain Vietnamese page (no script), for the server's own answers. */
export function plainPage(title: string, body: string, lang = "vi"): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { logger } = options;
  const hono = new Hono<HttpEnv>();
  let deskHandler: DeskHandler | undefined;

  const limitBody = bodyLimit({ maxSize: limits.maxBodyBytes, onError: (c) => c.body(null, 413) });

  hono.onError((err, c) => {
    logger.error({ err: err.message, path: c.req.path }, "http handler failed");
    return c.body(null, 500);
  });
  hono.notFound((c) => c.body(null, 404));

  const deskPage = (c: Context<HttpEnv>) => {
    if (deskHandler) return deskHandler(c);
    const t = options.t;
    const title = t ? t("desk-coming-title") : "Ban tổ chức";
    const body = t ? t("desk-coming-body") : "";
    return c.html(plainPage(title, body), 200, { "cache-control": "no-store", "x-content-type-options": "nosniff" });
  };
  hono.all(DESK_PATH, (c) => c.redirect(`${DESK_PATH}/`, 301));
  hono.all(`${DESK_PATH}/*`, deskPage);

  const server = createAdaptorServer({
    fetch: hono.fetch,
    serverOptions: {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two time-outs above this often (30 s by default: far too coarse).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
    },
  }) as Server;
  server.maxConnections = limits.maxConnections;
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // Time-outs and malformed requests: Node answers 408/400 where it still can; nothing to log above debug.
    logger.debug({ code: err.code }, "http client error");
    if (socket.writable && !socket.writableEnded) socket.end(err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n" : "HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  let listening: Promise<number> | undefined;
  return {
    hono,
    limitBody,
    server,
    limits,
    webhook(path, handler) {
      hono.post(path, limitBody, async (c) => {
        const body = await c.req.text();
        const answer = await handler({ header: (name) => c.req.header(name), body, from: c.env?.incoming?.socket?.remoteAddress });
        if (answer.close) c.header("connection", "close");
        return c.json((answer.json ?? {}) as object, answer.status as 200);
      });
    },
    desk(handler) {
      deskHandler = handler;
    },
    listen() {
      listening ??= new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host ?? "127.0.0.1", () => {
          server.off("error", reject);
          const addr = server.address();
          resolve(typeof addr === "object" && addr ? addr.port : options.port);
        });
      });
      return listening;
    },
    close() {
      return new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      });
    },
  };
}

// --- one server per App ----------------------------------------------------------------------

const servers = new WeakMap<App, HttpServer>();

/**
 * The shared HTTP server of an App, on config.port and config.host: made and started once,
 * whoever asks first (a webhook, a file link, the desk). Resolves once it listens. The file
 * links are served from the start, so a link given before a restart works after it.
 */
export async function getHttpServer(app: App): Promise<HttpServer> {
  let server = servers.get(app);
  if (!server) {
    server = createHttpServer({
      port: app.config.port,
      host: app.config.host,
      logger: app.services.logger.child({ part: "http" }),
      t: app.services.i18n.forLanguage(app.config.defaultLanguage),
    });
    servers.set(app, server);
    routeFiles(app, server);
  }
  await server.listen();
  return server;
}

/** Closes the App's server if one was started (idempotent): at shutdown, after the channels stopped taking updates. */
export async function closeHttpServer(app: App): Promise<void> {
  const server = servers.get(app);
  if (!server) return;
  servers.delete(app);
  await server.close();
}

// --- file links ----------------------------------------------------------------------------

/** Where published files live: DATA_DIR/public. */
export function publicDir(app: App): string {
  return path.resolve(app.config.dataDir, "public");
}

// A random 128-bit prefix makes the link unguessable: files may hold what only one unit may see.
const SERVED = /^[0-9a-f]{32}(?:-[A-Za-z0-9._-]{1,100})?\.[a-z0-9]{1,8}$/;

const TYPES: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ics: "text/calendar; charset=utf-8",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
};

/**
 * Writes a generated file under DATA_DIR/public and returns its public link (PUBLIC_URL +
 * /files/<name>), for platforms that take a URL instead of bytes (Zalo's sendPhoto). Returns
 * undefined when PUBLIC_URL is not set: nothing could fetch the link.
 */
export async function publishFile(app: App, name: string, data: Buffer): Promise<string | undefined> {
  if (!app.config.publicUrl) return undefined;
  await getHttpServer(app);
  const ext = (path.extname(name).slice(1).toLowerCase() || "bin").replace(/[^a-z0-9]/g, "").slice(0, 8) || "bin";
  const stem = path
    .basename(name, path.extname(name))
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .replace(/^[-.]+|[-.]+$/g, "")
    .slice(0, 100);
  const served = `${randomBytes(16).toString("hex")}${stem ? `-${stem}` : ""}.${ext}`;
  const dir = publicDir(app);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, served), data);
  return `${app.config.publicUrl}/files/${served}`;
}

function routeFiles(app: App, server: HttpServer): void {
  server.hono.get("/files/:name", async (c) => {
    // Served names are plain ASCII: "%2e%2e" and the like simply do not match.
    const name = c.req.param("name");
    if (!SERVED.test(name)) return c.body(null, 404);
    let data: Buffer;
    try {
      data = await readFile(path.join(publicDir(app), name));
    } catch {
      return c.body(null, 404);
    }
    const ext = name.slice(name.lastIndexOf(".") + 1);
    const download = name[32] === "-" ? name.slice(33) : name;
    return c.body(new Uint8Array(data), 200, {
      "content-type": TYPES[ext] ?? "application/octet-stream",
      "content-length": String(data.length),
      "content-disposition": `${ext === "png" || ext === "jpg" ? "inline" : "attachment"}; filename="${download}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=86400",
    });
  });
}
