// What the one HTTP server serves besides webhooks and file links: the organizers' desk under
// /ban-to-chuc/, the public page at /, and the personal upload pages under /nop-tep/. Their modules
// (pages, QR codes, spreadsheets) load at their first request, so the first answer in chat does not
// wait for them. `hoinghi start` mounts them; tests mount them the same way.
import { Hono } from "hono";
import { DeskSessions, deskKey } from "../domain/desk-sessions.js";
import { UPLOAD_PATH } from "../domain/upload-links.js";
import type { App } from "./app.js";
import type { HttpServer } from "./http-server.js";

/** Lazily made sub-app: built at its first request, then reused. */
function lazy(make: () => Promise<Hono>): (req: Request, env: unknown) => Promise<Response> {
  let made: Promise<Hono> | undefined;
  return async (req, env) => {
    made ??= make();
    return (await made).fetch(req, env);
  };
}

/** Mounts the desk, the public page and the upload pages on `server`; the sign-in sessions (and DATA_DIR's desk key) are made now. */
export function mountSites(app: App, server: HttpServer, sessions: DeskSessions = new DeskSessions(deskKey(app.store.dir), { dataDir: app.store.dir })): void {
  const desk = lazy(() => import("../desk/index.js").then(({ createDesk, DESK_BASE }) => new Hono().route(`${DESK_BASE}/`, createDesk({ ...app.services, sessions }))));
  server.desk((c) => desk(c.req.raw, c.env));
  const site = lazy(() => import("../desk/public.js").then(({ createPublicSite }) => createPublicSite(app.services)));
  server.hono.get("/", (c) => site(c.req.raw, c.env));
  const upload = lazy(() => import("../desk/upload.js").then(({ createUploadSite }) => new Hono().route(UPLOAD_PATH, createUploadSite(app.services))));
  server.hono.all(`${UPLOAD_PATH}/*`, (c) => upload(c.req.raw, c.env));
}
