// The process's one webhook and file server: created on first use per App, listening on config.port.
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { App } from "../app/app.js";
import { createHttpServer, type HttpServer } from "./http.js";

const servers = new WeakMap<App, HttpServer>();
const filesRouted = new WeakSet<HttpServer>();

/**
 * The shared HTTP server of an App: created and started once, whoever asks first (Telegram or
 * Zalo webhooks, served files). Resolves once it listens; `listen()` on it gives the port.
 */
export async function getHttpServer(app: App): Promise<HttpServer> {
  let server = servers.get(app);
  if (!server) {
    server = createHttpServer({ port: app.config.port, logger: app.services.logger });
    servers.set(app, server);
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
  const server = await getHttpServer(app);
  routeFiles(app, server);
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
  if (filesRouted.has(server)) return;
  filesRouted.add(server);
  server.route("GET", "/files/", async (req, res) => {
    // Served names are plain ASCII: no decoding, so "%2e%2e" and the like simply do not match.
    const name = ((req.url ?? "").split("?")[0] as string).slice("/files/".length);
    if (!SERVED.test(name)) {
      res.writeHead(404).end();
      return;
    }
    let data: Buffer;
    try {
      data = await readFile(path.join(publicDir(app), name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const ext = name.slice(name.lastIndexOf(".") + 1);
    const download = name[32] === "-" ? name.slice(33) : name;
    res
      .writeHead(200, {
        "content-type": TYPES[ext] ?? "application/octet-stream",
        "content-length": data.length,
        "content-disposition": `${ext === "png" || ext === "jpg" ? "inline" : "attachment"}; filename="${download}"`,
        "x-content-type-options": "nosniff",
        "cache-control": "private, max-age=86400",
      })
      .end(data);
  });
}
