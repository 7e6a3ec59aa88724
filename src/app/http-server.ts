// The process's one HTTP server (Hono on @hono/node-server): the Telegram and Zalo webhooks, the file links, the organizers' desk.
import { readFile } from "node:fs/promises";
import { createServer, type RequestListener, type Server } from "node:http";
import type { HttpBindings } from "@hono/node-server";
import { type Context, Hono } from "hono";
import type { Logger } from "pino";
import { FileLinks, LINK_TTL_MS, ORGANIZER_LINK_TTL_MS, referencedFiles, sweepReceivedFiles } from "../lib/files.js";
import type { Translate } from "../lib/i18n.js";
import type { Services } from "../messages/types.js";
import type { FileLinkService } from "../messages/files.js";
import type { Store } from "../../storage/store.js";
import type { AppConfig } from "../config/types.js";
import type { WebhookAnswer, WebhookCall, WebhookRoute, WebhookRoutes } from "../channels/shared/webhook.js";
import { readCapped } from "../lib/body.js";

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

/** A request handler mounted under /ban-to-chuc/ (the organizers' desk, built elsewhere). */
export type DeskHandler = (c: Context<HttpEnv>) => Response | Promise<Response>;

export interface HttpServer extends WebhookRoutes {
  /** The Hono app: routes are added before or after listen() (grammY's adapter is mounted on it). */
  readonly hono: Hono<HttpEnv>;
  /**
   * Routes POST `path` to a channel's webhook: the headers are shown to `route.admit` before the
   * body is read; the body is read up to the cap (413 beyond it) and parsed (400 when not JSON).
   */
  webhook(path: string, route: WebhookRoute): void;
  /** Hands /ban-to-chuc/ and everything under it to the desk (until then a page says it is coming). */
  desk(handler: DeskHandler): void;
  /** Starts listening (once, on HOST and, when it is elsewhere, DESK_HOST, on one port); resolves with the port. */
  listen(): Promise<number>;
  /** The desk's address once listening ("http://127.0.0.1:8080/ban-to-chuc/"). */
  deskUrl(): string;
  /** Stops accepting, waits for the requests in hand, closes idle connections. */
  close(): Promise<void>;
  readonly server: Server;
  readonly limits: HttpLimits;
}

export const DESK_PATH = "/ban-to-chuc";

export interface HttpServerOptions {
  port: number;
  /** Where the webhooks and file links listen (HOST, default 127.0.0.1). */
  host?: string;
  /** Where the desk listens (DESK_HOST, default 127.0.0.1). */
  deskHost?: string;
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

const WILDCARDS = new Set(["0.0.0.0", "::", "[::]"]);
const LOOPBACK = new Set(["127.0.0.1", "::1"]);

/**
 * The addresses to listen on for HOST and DESK_HOST, on one port: one listener when they are the
 * same or one of them is a wildcard (0.0.0.0, ::) — a second socket on the same port would be
 * refused —, two otherwise (e.g. HOST=10.0.0.5 for the proxy, DESK_HOST=127.0.0.1).
 */
export function listenAddresses(host: string, deskHost: string): string[] {
  const wildcard = [host, deskHost].find((h) => WILDCARDS.has(h));
  if (wildcard) return [wildcard];
  return host === deskHost ? [host] : [host, deskHost];
}

/**
 * Whether a connection that arrived on `local` (the socket's own address) is for `wanted`:
 * a wildcard takes every connection; an IP only the connections made to it; "localhost" the
 * loopback ones; another host name every connection (it cannot be compared without a lookup).
 */
export function arrivedOn(local: string | undefined, wanted: string): boolean {
  if (WILDCARDS.has(wanted)) return true;
  const addr = (local ?? "").replace(/^::ffff:/i, "");
  if (wanted === "localhost") return LOOPBACK.has(addr);
  if (!/^[0-9.]+$/.test(wanted) && !wanted.includes(":")) return true;
  return addr === wanted.replace(/^\[|\]$/g, "");
}

/** One webhook call, in the order that costs an outsider nothing: headers, then a capped read, then JSON. */
async function serveWebhook(c: Context<HttpEnv>, route: WebhookRoute, maxBytes: number, logger: Logger): Promise<Response> {
  const reply = (a: WebhookAnswer) => {
    if (a.close) c.header("connection", "close");
    return c.json((a.json ?? {}) as object, a.status as 200);
  };
  const incoming = c.env?.incoming;
  const call: WebhookCall = { header: (name) => c.req.header(name), from: incoming?.socket?.remoteAddress };
  const refused = route.admit(call);
  // Refused on its headers: the body is never read, and the connection goes with the answer.
  if (refused) return reply({ ...refused, close: true });
  const declared = Number(c.req.header("content-length") ?? 0);
  if (declared > maxBytes) return reply({ status: 413, close: true });
  let body: Buffer | "too-large";
  try {
    body = incoming ? await readCapped(incoming, maxBytes) : Buffer.from(await c.req.arrayBuffer());
  } catch (err) {
    // The client went away mid-body: nobody is left to answer.
    logger.debug({ path: c.req.path, err: (err as Error).message }, "webhook body not received whole");
    return reply({ status: 400, close: true });
  }
  if (body === "too-large" || body.length > maxBytes) return reply({ status: 413, close: true });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    logger.warn({ path: c.req.path, bytes: body.length, from: call.from }, "webhook body is not JSON");
    return reply({ status: 400 });
  }
  return reply(await route.handle(parsed, call));
}

/**
 * The Hono app: the desk answers only on DESK_HOST, everything else only on HOST; /ban-to-chuc/
 * goes to the desk's handler once given (a page says it is coming until then).
 */
function createHono(options: HttpServerOptions, host: string, deskHost: string, deskHandler: () => DeskHandler | undefined): Hono<HttpEnv> {
  const { logger } = options;
  const hono = new Hono<HttpEnv>();
  // A connection that arrived on the other address (a wildcard listener, or the second listener) is told 404.
  const isDesk = (p: string) => p === DESK_PATH || p.startsWith(`${DESK_PATH}/`);
  hono.use("*", async (c, next) => {
    const local = c.env?.incoming?.socket?.localAddress;
    if (!arrivedOn(local, isDesk(c.req.path) ? deskHost : host)) return c.body(null, 404);
    await next();
  });

  hono.onError((err, c) => {
    logger.error({ err: err.message, path: c.req.path }, "http handler failed");
    return c.body(null, 500);
  });
  hono.notFound((c) => c.body(null, 404));

  const deskPage = (c: Context<HttpEnv>) => {
    const handler = deskHandler();
    if (handler) return handler(c);
    const t = options.t;
    const title = t ? t("desk-coming-title") : "";
    const body = t ? t("desk-coming-body") : "";
    return c.html(plainPage(title, body), 200, { "cache-control": "no-store", "x-content-type-options": "nosniff" });
  };
  hono.all(DESK_PATH, (c) => c.redirect(`${DESK_PATH}/`, 301));
  hono.all(`${DESK_PATH}/*`, deskPage);
  return hono;
}

/**
 * Node's request listener for `hono`. @hono/node-server (Node's request to Hono's and back) is
 * loaded at the first request, not at start: loading it makes Node load its fetch implementation
 * (undici) too, ~35 ms a polling bot need not wait for.
 */
function lazyListener(hono: Hono<HttpEnv>, logger: Logger): RequestListener {
  let adaptor: Promise<RequestListener> | undefined;
  return (req, res) => {
    adaptor ??= import("@hono/node-server").then(({ getRequestListener }) => getRequestListener(hono.fetch));
    adaptor.then(
      (listener) => listener(req, res),
      (err: Error) => {
        logger.error({ err: err.message }, "http adaptor could not be loaded");
        res.writeHead(500).end();
      },
    );
  };
}

/** What @hono/node-server's createAdaptorServer does, with its request listener loaded on demand, and the limits. */
function makeNodeServer(limits: HttpLimits, logger: Logger, onRequest: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // Node checks the two time-outs above this often (30 s by default: far too coarse).
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4))),
    },
    onRequest,
  );
  server.maxConnections = limits.maxConnections;
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    // Time-outs and malformed requests: Node answers 408/400 where it still can; nothing to log above debug.
    logger.debug({ code: err.code }, "http client error");
    const status =
      err.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : err.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
    if (socket.writable && !socket.writableEnded) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    else socket.destroy();
  });
  return server;
}

function listenOn(s: Server, port: number, address: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    s.once("error", reject);
    s.listen(port, address, () => {
      s.off("error", reject);
      const addr = s.address();
      resolve(typeof addr === "object" && addr ? addr.port : port);
    });
  });
}

function closeOne(s: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!s.listening) return resolve();
    s.close(() => resolve());
    s.closeIdleConnections();
  });
}

/** Listens on every address, on one port: PORT=0 makes the first listener pick a free port, and the second (DESK_HOST) take the same. */
async function listenAll(servers: Server[], addresses: string[], port: number, bound: (port: number) => void): Promise<number> {
  const boundPort = await listenOn(servers[0] as Server, port, addresses[0] as string);
  bound(boundPort);
  try {
    for (let i = 1; i < servers.length; i++) await listenOn(servers[i] as Server, boundPort, addresses[i] as string);
  } catch (err) {
    await Promise.all(servers.map(closeOne));
    throw err;
  }
  return boundPort;
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const limits: HttpLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const { logger } = options;
  const host = options.host ?? "127.0.0.1";
  const deskHost = options.deskHost ?? host;
  let deskHandler: DeskHandler | undefined;
  const hono = createHono(options, host, deskHost, () => deskHandler);
  const onRequest = lazyListener(hono, logger);
  const addresses = listenAddresses(host, deskHost);
  const servers = addresses.map(() => makeNodeServer(limits, logger, onRequest));
  const server = servers[0] as Server;

  let listening: Promise<number> | undefined;
  let boundPort = options.port;
  return {
    hono,
    server,
    limits,
    webhook(path, route) {
      hono.post(path, (c) => serveWebhook(c, route, limits.maxBodyBytes, logger));
    },
    desk(handler) {
      deskHandler = handler;
    },
    listen() {
      listening ??= listenAll(servers, addresses, options.port, (port) => {
        boundPort = port;
      });
      return listening;
    },
    deskUrl() {
      const shown = WILDCARDS.has(deskHost) ? "127.0.0.1" : deskHost;
      return `http://${shown.includes(":") && !shown.startsWith("[") ? `[${shown}]` : shown}:${boundPort}${DESK_PATH}/`;
    },
    async close() {
      await Promise.all(servers.map(closeOne));
    },
  };
}

// --- the App's HTTP side ----------------------------------------------------------------------

/** An organizer without a public address is reminded of the fix at most this often. */
export const NO_ADDRESS_REMINDER_MS = 24 * 3600_000;

/**
 * Whom was reminded that the bot has no public address, and when (on the app's clock). Kept in
 * memory, not in the store: a restart may remind once more that day, which costs one message, while
 * a store field would cost a schema version and a migration for a reminder nobody looks up.
 */
function noAddressReminders(now: () => Date): (account: string) => boolean {
  const told = new Map<string, number>();
  return (account) => {
    const at = now().getTime();
    const last = told.get(account);
    if (last !== undefined && at - last < NO_ADDRESS_REMINDER_MS) return false;
    told.set(account, at);
    return true;
  };
}

/** How often the files folder is tidied while the server runs. */
const SWEEP_EVERY_MS = 3600_000;

/** What the HTTP side needs to be made (createApp hands it over). */
export interface HttpServiceDeps {
  config: AppConfig;
  services: Pick<Services, "logger" | "i18n" | "clock">;
  store: Store;
}

/**
 * The App's HTTP side, made by createApp: the one server (webhooks, file links, the desk) and the
 * generated files with their links. Nothing here listens until the wiring calls listen(); publishing
 * a file writes it and its link, and starts nothing.
 */
export interface HttpService extends WebhookRoutes {
  /** The server: made at first ask, listening once listen() was called. */
  readonly server: HttpServer;
  /** The App's generated files and their links (DATA_DIR/public), on the App's clock. */
  readonly links: FileLinks;
  /** What a channel is given to turn a file into a link. */
  readonly files: FileLinkService;
  /** Starts listening (once) and the hourly tidy-up of the files folder; resolves once it listens. */
  listen(): Promise<HttpServer>;
  /** Removes expired and unreferenced files (generated and received); logged, never thrown. */
  tidy(): Promise<void>;
  /** Closes the server if it listens, and waits for a tidy-up under way (idempotent): at shutdown, after the channels stopped. */
  close(): Promise<void>;
}

/** The App's server, with the file links served from the start (a link given before a restart works after it). */
function makeAppServer(app: HttpServiceDeps, links: () => FileLinks): HttpServer {
  const { config } = app;
  const server = createHttpServer({
    port: config.port,
    host: config.host,
    deskHost: config.deskHost,
    logger: app.services.logger.child({ part: "http" }),
    t: app.services.i18n.forLanguage(config.defaultLanguage),
  });
  routeFiles(server, links(), app.services.i18n.forLanguage(config.defaultLanguage));
  return server;
}

/** Removes expired and unreferenced files (generated and received); logged, never thrown. */
async function tidyFiles(app: HttpServiceDeps, links: () => FileLinks): Promise<void> {
  const { config, store } = app;
  const logger = app.services.logger;
  try {
    const generated = await links().sweep();
    const received = await sweepReceivedFiles(config.dataDir, referencedFiles(store.data));
    if (generated + received > 0) logger.info({ generated, received }, "files no longer needed removed");
  } catch (err) {
    logger.warn({ err: (err as Error).message }, "files folder could not be tidied");
  }
}

export function createHttpService(app: HttpServiceDeps): HttpService {
  const { config } = app;
  let made: HttpServer | undefined;
  let links: FileLinks | undefined;
  let sweep: NodeJS.Timeout | undefined;
  /** The tidy-up under way, awaited at close so nothing writes under DATA_DIR afterwards. */
  let tidying: Promise<void> = Promise.resolve();
  let closed = false;

  const getLinks = () => {
    links ??= new FileLinks({ dataDir: config.dataDir, now: () => app.services.clock.now() });
    return links;
  };
  const getServer = () => {
    made ??= makeAppServer(app, getLinks);
    return made;
  };
  // One tidy-up at a time, each after the one before.
  const queueTidy = () => {
    tidying = tidying.then(() => tidyFiles(app, getLinks));
  };
  const remind = noAddressReminders(() => app.services.clock.now());

  return {
    get server() {
      return getServer();
    },
    get links() {
      return getLinks();
    },
    files: {
      async publish(name, data, to) {
        if (!config.publicUrl) return undefined;
        const tail = await getLinks().publish(name, data, { audience: to.account, ttlMs: to.organizer ? ORGANIZER_LINK_TTL_MS : LINK_TTL_MS });
        return `${config.publicUrl}/files/${tail}`;
      },
      remindNoAddress: (account) => !config.publicUrl && remind(account),
    },
    webhook(path, route) {
      getServer().webhook(path, route);
    },
    async listen() {
      if (closed) throw new Error("the HTTP server was closed");
      const server = getServer();
      await server.listen();
      if (!sweep) {
        queueTidy();
        sweep = setInterval(queueTidy, SWEEP_EVERY_MS);
        sweep.unref();
      }
      return server;
    },
    tidy: () => {
      queueTidy();
      return tidying;
    },
    async close() {
      closed = true;
      clearInterval(sweep);
      await made?.close();
      await tidying;
    },
  };
}

function routeFiles(server: HttpServer, links: FileLinks, t: Translate): void {
  const page = (c: Context<HttpEnv>, status: 404 | 410) =>
    c.html(plainPage(t(status === 410 ? "files-link-expired-title" : "files-link-unknown-title"), t(status === 410 ? "files-link-expired-body" : "files-link-unknown-body")), status, {
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
  // Only /files/<token>-<name>: "/files/" itself (a listing) and anything with a slash are 404.
  server.hono.get("/files/:name", async (c) => {
    // The raw tail, not decoded: "%2e%2e%2f" and the like never match a link.
    const raw = c.req.path.slice("/files/".length);
    const found = await links.lookup(raw);
    if (found.status !== 200) return page(c, found.status);
    const data = await readFile(found.path);
    return c.body(new Uint8Array(data), 200, {
      "content-type": found.type,
      "content-length": String(data.length),
      "content-disposition": found.disposition,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "referrer-policy": "no-referrer",
      "cache-control": `private, max-age=${Math.min(86400, found.maxAgeSeconds)}`,
    });
  });
}
