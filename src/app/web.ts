// The pages of the one HTTP server besides webhooks and file links: the organizers' desk under /ban-to-chuc/
// and the public page at /, on the same domain services as the chat. `hoinghi start` mounts them; so does the
// deploy test (tests/deploy/caddy.test.ts), behind Caddy.
import { Hono } from "hono";
import { DeskSessions, deskKey } from "../domain/desk-sessions.js";
import type { App } from "./app.js";
import type { HttpServer } from "./http-server.js";

/**
 * Mounts the desk and the public page on `server`. Their modules (pages, QR codes, spreadsheets) load
 * at their first request, so the first answer in chat does not wait for them; the sign-in sessions
 * (and DATA_DIR's desk key) are made now.
 */
export function mountWeb(app: App, server: HttpServer): void {
  const sessions = new DeskSessions(deskKey(app.store.dir), { dataDir: app.store.dir });
  let desk: Promise<Hono> | undefined;
  server.desk(async (c) => {
    desk ??= import("../desk/index.js").then(({ createDesk, DESK_BASE }) => new Hono().route(`${DESK_BASE}/`, createDesk({ ...app.services, sessions })));
    return (await desk).fetch(c.req.raw, c.env);
  });
  let site: Promise<Hono> | undefined;
  server.hono.get("/", async (c) => {
    site ??= import("../desk/public.js").then(({ createPublicSite }) => createPublicSite(app.services));
    return (await site).fetch(c.req.raw, c.env);
  });
}
