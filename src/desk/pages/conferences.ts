// Hội nghị: every conference the bot serves (running ones first), the one the desk shows marked; working
// with another (the same choice as the chat's /hoinghi), reading a closed one, closing one (asked
// first), adding one by uploading its conference file. Also the gate every page passes: a request runs
// with its conference's services (src/desk/current.ts), and a closed conference refuses any change.
import { randomUUID } from "node:crypto";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { deleteCookie, setCookie } from "hono/cookie";
import { ConferenceFileError } from "../../conference/errors.js";
import { loadConference } from "../../conference/load.js";
import { ConferenceExists } from "../../domain/conferences.js";
import { UserError } from "../../domain/errors.js";
import { unitName } from "../../domain/units.js";
import { openTaskCount } from "../../views/tasks.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDate } from "../../lib/time.js";
import type { ConferenceChoice, ConferencesPort } from "../../messages/types.js";
import type { AccountKey } from "../../../storage/schema.js";
import { confirmed } from "../confirm.js";
import { type Desk, type DeskApp, type DeskContext, field, Refused } from "../context.js";
import { READING_COOKIE } from "../current.js";
import { type Html, html } from "../html.js";
import { CONFERENCES_PATH, changeAllowedOnClosed } from "../readonly.js";

/** The largest conference file the desk takes (a province's file with a hundred units is about 100 KB). */
export const MAX_CONFERENCE_FILE_BYTES = 1_000_000;

const PATH = CONFERENCES_PATH;

/** Every request of a signed-in organizer runs with its conference; a closed one refuses every change but the choice of another. */
export function registerConferenceScope(app: DeskApp, desk: Desk): void {
  app.use("*", async (c, next) => {
    const signed = c.get("signed");
    const working = signed ? desk.scope.resolve(c, signed.account.key) : undefined;
    if (!working) return next();
    return desk.scope.run(working, async () => {
      const here = new URL(c.req.url).pathname;
      if (c.req.method === "POST" && working.choice.status === "closed" && !changeAllowedOnClosed(desk.base, here)) {
        throw new Refused(409, "desk-conference-closed");
      }
      await next();
    });
  });
}

/** The port, or the conference the desk was given alone (a desk built without the list of conferences). */
function conferences(desk: Desk): ConferenceChoice[] {
  const port = desk.deps.conferences;
  if (port) return port.list();
  const conf = desk.deps.conference.conf;
  return [{ id: conf.id, title: conf.short_title ?? conf.title, status: "running", current: true }];
}

function portOf(desk: Desk): ConferencesPort {
  const port = desk.deps.conferences;
  if (!port) throw new Refused(404, "desk-not-found");
  return port;
}

/** The conference of a form's or an address's `id`, or a 404 page. */
function named(desk: Desk, id: string): ConferenceChoice {
  const found = conferences(desk).find((x) => x.id === id);
  if (!found) throw new Refused(404, "desk-not-found");
  return found;
}

/** What a card shows of a conference: its status, its dates, its file. */
function facts(t: Translate, x: ConferenceChoice): Html {
  const line = (label: string, value: Html | string) => html`<li><span class="muted">${label}:</span> ${value}</li>`;
  return html`<ul class="plain">
    ${line(t("desk-conference-status"), t(x.status === "closed" ? "desk-conference-status-closed" : "desk-conference-status-running"))}
    ${x.addedAt ? line(t("desk-conference-added-at"), formatDate(t, x.addedAt)) : ""}
    ${x.closedAt ? line(t("desk-conference-closed-at"), formatDate(t, x.closedAt)) : ""}
    ${x.file ? line(t("desk-conference-file"), html`<code class="path">${x.file}</code>`) : ""}
    ${line(t("desk-conference-id"), html`<code>${x.id}</code>`)}</ul>`;
}

/** A conference's card: shown (marked) or not, and what can be done with it. */
function card(desk: Desk, c: DeskContext, x: ConferenceChoice, shown: boolean): Html {
  const { t } = c.get("signed");
  const base = desk.base;
  const closed = x.status === "closed";
  const mark = shown ? html`<p class="conf-mark"><strong>${t(closed ? "desk-conference-mark-reading" : "desk-conference-mark-current")}</strong></p>` : "";
  const post = (action: string, label: string) =>
    html`<form class="inline" method="post" action="${base}${PATH}/${action}">${desk.csrfInput(c)}<input type="hidden" name="id" value="${x.id}"><button>${label}<span class="sr"> &mdash; ${x.title}</span></button></form>`;
  const actions = [
    ...(!shown && !closed ? [post("chon", t("desk-conference-work"))] : []),
    ...(!shown && closed ? [post("xem", t("desk-conference-read"))] : []),
    ...(!closed ? [html`<a class="button danger" href="${base}${PATH}/ket-thuc?${new URLSearchParams({ id: x.id })}">${t("desk-conference-close")}<span class="sr"> &mdash; ${x.title}</span></a>`] : []),
  ];
  return html`<section class="card conf${shown ? " shown" : ""}" id="hn-${x.id}" aria-labelledby="hn-${x.id}-title">
    <h2 id="hn-${x.id}-title">${x.title}</h2>${mark}${facts(t, x)}${actions.length > 0 ? html`<p class="actions">${actions}</p>` : ""}</section>`;
}

function addForm(desk: Desk, c: DeskContext): Html {
  const { t } = c.get("signed");
  return html`<section class="card" aria-labelledby="hn-add"><h2 id="hn-add">${t("desk-conference-add-title")}</h2><p>${t("desk-conference-add-hint")}</p>
    <form method="post" action="${desk.base}${PATH}/them" enctype="multipart/form-data">${desk.csrfInput(c)}
      <label class="block">${t("desk-conference-add-file", { mb: MAX_CONFERENCE_FILE_BYTES / 1_000_000 })}<br><input type="file" name="file" accept=".yaml,.yml"></label>
      <button>${t("desk-conference-add-button")}</button></form></section>`;
}

function listPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { t } = c.get("signed");
  const all = conferences(desk);
  const shownId = desk.scope.working()?.choice.id ?? desk.deps.conference.id;
  const style = html`<style>.conf.shown{border-left:6px solid #8b1a1a}.conf-mark{margin:.2rem 0}code.path{overflow-wrap:anywhere}.conf .actions{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}.conf .actions button,.conf .actions .button{margin:0}</style>`;
  return desk.render(
    c,
    t("desk-conference-title"),
    html`${style}<h1>${t("desk-conference-title")}</h1><p>${t("desk-conference-hint", { count: all.length })}</p>
    ${all.map((x) => card(desk, c, x, x.id === shownId))}${desk.deps.conferences ? addForm(desk, c) : ""}`,
  );
}

/**
 * The uploaded file, checked by the conference loader in a file of its own beside where it is kept, then
 * kept as DATA_DIR/conferences/<id>.yaml. Refused with the loader's sentence (naming the uploaded file),
 * or when its id, or the place it would take, is a conference's already; nothing is kept then.
 */
async function keepUpload(desk: Desk, t: Translate, file: File, served: ConferenceChoice[]): Promise<string> {
  const dir = path.join(desk.deps.config.dataDir, "conferences");
  await fsp.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.tai-len-${randomUUID()}.yaml`);
  await fsp.writeFile(temp, Buffer.from(await file.arrayBuffer()));
  try {
    let id: string;
    try {
      id = loadConference(temp).id;
    } catch (err) {
      if (!(err instanceof ConferenceFileError)) throw err;
      const named = new ConferenceFileError(err.issues.map((i) => ({ ...i, file: path.basename(file.name) })));
      throw new Refused(400, "desk-conference-file-refused", { sentence: named.describe(t) });
    }
    const kept = path.join(dir, `${id}.yaml`);
    const taken = served.find((x) => x.id === id || (x.file !== undefined && path.resolve(x.file) === kept));
    if (taken) throw new ConferenceExists("conference-exists", { id: taken.id, title: taken.title });
    await fsp.rename(temp, kept);
    return kept;
  } finally {
    await fsp.rm(temp, { force: true });
  }
}

/** Adds the conference of the uploaded file and says how many units' delegates were sent their new giấy mời. */
async function addUploaded(desk: Desk, c: DeskContext, file: File): Promise<Response> {
  const { t, account } = c.get("signed");
  const port = portOf(desk);
  const kept = await keepUpload(desk, t, file, port.list());
  const added = await add(port, kept, account.key);
  desk.deps.logger.info({ conference: added.conference.id, by: account.key, told: added.told.length, without: added.without.length }, "conference added at the desk");
  const conference = port.services(added.conference.id)?.conference;
  const names = added.without.map((u) => {
    const unit = conference?.unit(u);
    return unit ? unitName(unit) : u;
  });
  const lines = [
    t("desk-conference-added", { title: added.conference.title }),
    t("desk-conference-added-told", { count: added.told.length }),
    ...(names.length > 0 ? [t("desk-conference-added-without", { count: names.length, units: names.join(", ") })] : []),
    t("desk-conference-added-next"),
  ];
  return desk.done(c, t("desk-conference-title"), lines.join("\n"), `${desk.base}${PATH}`);
}

/** port.add; a file it refused is not kept (the conference was not added). */
async function add(port: ConferencesPort, file: string, by: AccountKey) {
  try {
    return await port.add(file, by);
  } catch (err) {
    if (!port.list().some((x) => x.file !== undefined && path.resolve(x.file) === file)) await fsp.rm(file, { force: true });
    throw err;
  }
}

export function registerConferences(app: DeskApp, desk: Desk): void {
  const { base } = desk;
  app.get(PATH, (c) => listPage(desk, c));

  // The same choice as the chat's: from now on the organizer's desk and messages act on it.
  app.post(`${PATH}/chon`, async (c) => {
    const body = await desk.form(c);
    const { t, account } = c.get("signed");
    const chosen = await portOf(desk).choose(account.key, named(desk, field(body, "id")).id);
    deleteCookie(c, READING_COOKIE, { path: base });
    return desk.done(c, t("desk-conference-title"), t("conference-chosen", { title: chosen.title }), `${base}/`);
  });

  // A closed conference read on the desk: the chat's choice stays as it was.
  app.post(`${PATH}/xem`, async (c) => {
    const body = await desk.form(c);
    const x = named(desk, field(body, "id"));
    if (x.status !== "closed") throw new UserError("conference-unknown", { id: x.id });
    setCookie(c, READING_COOKIE, x.id, { httpOnly: true, sameSite: "Strict", path: base, maxAge: 8 * 60 * 60 });
    return c.redirect(`${base}/`, 303);
  });

  confirmed(app, desk, `${PATH}/ket-thuc`, {
    ask(c, input) {
      const { t } = c.get("signed");
      const x = named(desk, input("id"));
      if (x.status === "closed") throw new UserError("conference-already-closed", { title: x.title });
      const its = portOf(desk).services(x.id);
      const open = its ? openTaskCount(its.store.data, its.conference, desk.now()) : 0;
      return {
        title: t("desk-conference-close-title", { title: x.title }),
        lines: [
          t("desk-conference-close-line-read"),
          t("desk-conference-close-line-never"),
          ...(open > 0 ? [t("conference-close-open-tasks", { count: open })] : []),
          t("desk-conference-close-line-others"),
        ],
        button: t("desk-conference-close"),
        back: `${base}${PATH}`,
        fields: { id: x.id },
      };
    },
    async run(c, body) {
      const { t, account } = c.get("signed");
      const x = named(desk, field(body, "id"));
      const closed = await portOf(desk).close(x.id, account.key);
      desk.deps.logger.info({ conference: x.id, by: account.key }, "conference closed at the desk");
      return desk.done(c, t("desk-conference-title"), t("conference-closed", { title: closed.title }), `${base}${PATH}`);
    },
  });

  app.post(`${PATH}/them`, async (c) => {
    const body = await desk.form(c);
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) throw new Refused(400, "desk-conference-add-empty");
    if (!/\.ya?ml$/i.test(file.name)) throw new Refused(400, "desk-conference-add-type");
    if (file.size > MAX_CONFERENCE_FILE_BYTES) throw new Refused(413, "desk-too-large", { mb: MAX_CONFERENCE_FILE_BYTES / 1_000_000 });
    return addUploaded(desk, c, file);
  });
}
