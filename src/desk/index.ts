// The organizers' desk: a Hono sub-app mounted under /ban-to-chuc/. Every page is server-rendered
// Vietnamese and works without JavaScript. This file only assembles it: the sign-in and its
// middleware (signin.ts), the conference each request acts on (current.ts, pages/conferences.ts), the refusals mapped to statuses (errors.ts), one module per page (pages/).
import { Hono } from "hono";
import { DeskSessions, deskKey } from "../domain/desk-sessions.js";
import { DESK_BASE, type DeskDeps, type Env, makeDesk } from "./context.js";
import { registerErrors } from "./errors.js";
import { registerAnalysis } from "./pages/analysis.js";
import { registerLive } from "./live.js";
import { registerCheckin } from "./pages/checkin.js";
import { registerConclusions } from "./pages/conclusions.js";
import { registerConferences, registerConferenceScope } from "./pages/conferences.js";
import { registerDownloads } from "./pages/downloads.js";
import { registerHall } from "./pages/hall.js";
import { registerNotices } from "./pages/notices.js";
import { registerOverview } from "./pages/overview.js";
import { registerReception } from "./pages/reception.js";
import { registerRemedy } from "./pages/remedy.js";
import { registerScores } from "./pages/scores.js";
import { registerSpeeches } from "./pages/speeches.js";
import { registerTasks } from "./pages/tasks.js";
import { registerUnits } from "./pages/units.js";
import { registerSignIn } from "./signin.js";

export { DESK_BASE, type DeskDeps } from "./context.js";

export function createDesk(deps: DeskDeps): Hono<Env> {
  const desk = makeDesk(deps, deps.base ?? DESK_BASE);
  const sessions = deps.sessions ?? new DeskSessions(deskKey(deps.store.dir), { dataDir: deps.store.dir });
  const app = new Hono<Env>();
  registerErrors(app, desk);
  registerSignIn(app, desk, sessions);
  registerConferenceScope(app, desk);
  for (const register of [registerOverview, registerUnits, registerSpeeches, registerScores, registerAnalysis, registerCheckin, registerLive, registerReception, registerHall, registerDownloads, registerNotices, registerTasks, registerConclusions, registerRemedy, registerConferences]) {
    register(app, desk);
  }
  return app;
}
