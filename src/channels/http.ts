// One HTTP server for the process: the Telegram and Zalo webhooks and generated files share it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "pino";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>;

export interface HttpServer {
  /** Adds a route; `path` is matched exactly, or as a prefix when it ends with "/". */
  route(method: "GET" | "POST", path: string, handler: RouteHandler): void;
  /** Starts listening (once); resolves with the port. */
  listen(): Promise<number>;
  /** Stops accepting, waits for requests in hand. */
  close(): Promise<void>;
  readonly server: Server;
}

/** Bodies beyond this are refused: no update or upload through a webhook is that large. */
const MAX_BODY = 1_000_000;

export function createHttpServer(options: { port: number; host?: string; logger: Logger }): HttpServer {
  const routes: Array<{ method: string; path: string; handler: RouteHandler }> = [];
  let listening: Promise<number> | undefined;
  const server = createServer((req, res) => {
    const url = (req.url ?? "/").split("?")[0] as string;
    const route = routes.find((r) => r.method === req.method && (r.path === url || (r.path.endsWith("/") && url.startsWith(r.path))));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => {
      if (res.writableEnded) return;
      route.handler(req, res, Buffer.concat(chunks)).catch((err) => {
        options.logger.error({ err, path: url }, "http handler failed");
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  return {
    server,
    route(method, path, handler) {
      routes.push({ method, path, handler });
    },
    listen() {
      listening ??= new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host ?? "0.0.0.0", () => {
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
        server.closeIdleConnections?.();
      });
    },
  };
}
