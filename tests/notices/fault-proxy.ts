// An HTTP proxy in front of a Bot API emulator that injects the platform's failures: 429, 403, 500, 404 and dropped connections.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What to do with one call: pass it on, answer with an error, or drop the connection before the platform sees it. */
export type Decision = "pass" | "drop" | { status: number; body: Record<string, unknown> };

export interface FaultProxy {
  /** The API root to give the bot (TELEGRAM_API_ROOT / ZALO_API_ROOT). */
  readonly url: string;
  /** Calls the platform accepted (its answer had ok: true), by method, with their chat_id. */
  readonly accepted: Array<{ method: string; chat: string }>;
  /** Every call that reached the proxy: method and time (performance.now). */
  readonly calls: Array<{ method: string; at: number }>;
  readonly injected: Record<string, number>;
  close(): Promise<void>;
}

/** `decide` sees the method name (last path segment) and the JSON body of each POST. */
export async function startFaultProxy(target: string, decide: (method: string, body: Record<string, unknown>) => Decision): Promise<FaultProxy> {
  const upstream = new URL(target);
  const accepted: FaultProxy["accepted"] = [];
  const calls: FaultProxy["calls"] = [];
  const injected: Record<string, number> = {};
  const count = (k: string) => {
    injected[k] = (injected[k] ?? 0) + 1;
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const method = (req.url ?? "").split("?")[0]?.split("/").pop() ?? "";
      let body: Record<string, unknown> = {};
      if ((req.headers["content-type"] ?? "").includes("json") && raw.length > 0) {
        try {
          body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
        } catch {
          body = {};
        }
      }
      calls.push({ method, at: performance.now() });
      const decision = decide(method, body);
      if (decision === "drop") {
        count("drop");
        req.socket.destroy();
        return;
      }
      if (decision !== "pass") {
        count(String(decision.status));
        res.writeHead(decision.status, { "content-type": "application/json" }).end(JSON.stringify(decision.body));
        return;
      }
      const path = `${upstream.pathname.replace(/\/+$/, "")}${req.url ?? ""}`;
      const headers = { ...req.headers, host: upstream.host, "content-length": String(raw.length) };
      const up = request({ hostname: upstream.hostname, port: upstream.port, path, method: req.method, headers }, (ures) => {
        const parts: Buffer[] = [];
        ures.on("data", (c: Buffer) => parts.push(c));
        ures.on("end", () => {
          const answer = Buffer.concat(parts);
          try {
            if ((JSON.parse(answer.toString("utf8")) as { ok?: boolean }).ok) accepted.push({ method, chat: String(body.chat_id ?? "") });
          } catch {
            // Not JSON (a file): not a send.
          }
          res.writeHead(ures.statusCode ?? 502, ures.headers).end(answer);
        });
      });
      up.on("error", () => {
        res.writeHead(502).end();
      });
      up.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accepted,
    calls,
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
