// Kế hoạch khắc phục: every commune with its plan's state and the deadline, a reminder to those
// without one; a unit's plan (latest version beside the previous, the request for changes answered),
// accept or ask for changes, and its measures ticked to become tasks with a deadline. The same views
// and actions as /khacphuc (src/views/remedy.ts, src/actions/remedy.ts).
import { measuresToTasksAction, remindRemedyAction, reviewRemedyAction } from "../../actions/remedy.js";
import { requireRemedyUnit } from "../../domain/remedy.js";
import { dayText, parseDeadline } from "../../domain/tasks.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime } from "../../lib/time.js";
import { renderMessage } from "../../messages/render.js";
import { notify } from "../../outbox/notify.js";
import { statusLine } from "../../speeches/format.js";
import { headingMessages, type RemedyListView, type RemedyPlanView, remedyListView, remedyMissing, remedyPlanView } from "../../views/remedy.js";
import { versionFiles, type VersionView } from "../../views/speeches.js";
import type { TaskReportEvery } from "../../../storage/schema.js";
import { type Desk, type DeskApp, type DeskContext, field, type FormBodyAll, Refused } from "../context.js";
import { refusalOf } from "../errors.js";
import { storedFileResponse } from "../download.js";
import { type Html, html } from "../html.js";

const PATH = "/khac-phuc";

/** The counts per state, linked to the page (the overview shows the same card). */
export function remedyCountsCard(t: Translate, base: string, list: RemedyListView): Html {
  const c = list.counts;
  return html`<div class="card"><h2>${t("desk-remedy-counts", { total: list.total })}</h2>
    <p><a id="remedy-counts" href="${base}${PATH}">${t("remedy-counts", { total: list.total, submitted: c.submitted, changes: c.changes_requested, accepted: c.accepted, none: c.none })}</a></p>
    ${list.deadline ? html`<p>${t(list.passed ? "remedy-deadline-line-over" : "remedy-deadline-line", { deadline: formatDateTime(t, list.deadline) })}</p>` : ""}</div>`;
}

function statusCell(t: Translate, s: RemedyListView["rows"][number]["status"]): string {
  return statusLine(t, s).replace(/^[^:]*:\s*/, "");
}

function listPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { deps, base, render, now, csrfInput } = desk;
  const { t } = c.get("signed");
  const list = remedyListView(deps.store.data, deps.conference, now());
  if (!list.published) return render(c, t("desk-remedy-title"), html`<h1>${t("desk-remedy-title")}</h1><p>${t("remedy-not-yet")}</p>`);
  const missing = remedyMissing(list).length;
  const rows = list.rows.map(
    (r) => html`<tr><td><a href="${base}${PATH}/${r.unitId}">${r.name}</a></td><td>${statusCell(t, r.status)}</td><td>${r.status.at ? formatDateTime(t, r.status.at) : html`&mdash;`}</td></tr>`,
  );
  return render(
    c,
    t("desk-remedy-title"),
    html`<h1>${t("desk-remedy-title")}</h1>${remedyCountsCard(t, base, list)}
    ${missing > 0 && !list.passed ? html`<form method="post" action="${base}${PATH}/nhac">${csrfInput(c)}<button>${t("remedy-choice-remind", { count: missing })}</button></form>` : ""}
    <table class="cards"><thead><tr><th>${t("desk-remedy-col-unit")}</th><th>${t("desk-remedy-col-status")}</th><th>${t("desk-remedy-col-at")}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

function versionBlock(t: Translate, base: string, unitId: string, v: VersionView | undefined): Html {
  if (!v) return html`<p>${t("desk-speech-no-previous")}</p>`;
  return html`<h3>${t("desk-speech-version", { n: v.n, time: formatDateTime(t, v.at), by: v.by })}</h3>
    ${v.files.map((f, i) => html`<p><a href="${base}${PATH}/${unitId}/tep/${v.n}/${i}">${t("desk-speech-file", { name: f.name })}</a></p>`)}
    ${v.text ? html`<div class="speech">${v.text}</div>` : ""}`;
}

/** Accept, ask for changes with a note; a refused request comes back with its sentence and the note as typed. */
function reviewForms(desk: Desk, c: DeskContext, view: RemedyPlanView, refused?: { text: string; note: string }): Html {
  const { t } = c.get("signed");
  const latest = view.latest;
  if (!latest || !view.reviewable) return html``;
  const action = `${desk.base}${PATH}/${view.unitId}`;
  const hidden = html`${desk.csrfInput(c)}<input type="hidden" name="version" value="${latest.n}">`;
  return html`<div class="card">${refused ? html`<p class="refusal" role="alert">${refused.text}</p>` : ""}
    ${view.status.status !== "accepted" ? html`<form method="post" action="${action}/chap-nhan">${hidden}<button>${t("desk-speech-accept")}</button></form>` : ""}
    <form method="post" action="${action}/yeu-cau-sua">${hidden}<label class="block">${t("desk-speech-note")}<br><textarea name="note" rows="4" maxlength="1000">${refused?.note ?? ""}</textarea></label>
    <button>${t("desk-speech-changes")}</button></form></div>`;
}

/** The measures read from the latest version, each ticked to become a task (those already tasks say which). */
function measuresForm(desk: Desk, c: DeskContext, view: RemedyPlanView): Html {
  const { t } = c.get("signed");
  if (!view.latest) return html``;
  if (view.measures.length === 0) return html`<p>${t("remedy-measures-none-read")}</p>`;
  const items = view.measures.map((m) =>
    m.task !== undefined
      ? html`<li>${m.text}${m.criterion ? html` &mdash; ${t("desk-remedy-criterion", { code: m.criterion })}` : ""} <strong>(${t("desk-remedy-tasked", { n: m.task })})</strong></li>`
      : html`<li><label><input type="checkbox" name="measure" value="${m.n}"> ${m.text}${m.criterion ? html` &mdash; ${t("desk-remedy-criterion", { code: m.criterion })}` : ""}</label></li>`,
  );
  return html`<h2>${t("remedy-measures-title", { count: view.measures.length })}</h2>
    <form method="post" action="${desk.base}${PATH}/${view.unitId}/giao">${desk.csrfInput(c)}<input type="hidden" name="version" value="${view.latest.n}">
    <ul class="plain">${items}</ul>
    <label>${t("task-sheet-col-deadline")} <input type="date" name="deadline" required></label>
    <label>${t("desk-tasks-col-every")} <select name="every">${(["none", "weekly", "monthly"] as const).map((e) => html`<option value="${e}">${t(`task-every-${e}`)}</option>`)}</select></label>
    <button>${t("desk-remedy-make-tasks")}</button></form>`;
}

function planPage(desk: Desk, c: DeskContext, unitId: string, refused?: { text: string; note: string; status: Refused["status"] }) {
  const { deps, base, render, now } = desk;
  const { t } = c.get("signed");
  requireRemedyUnit(deps.store.data, deps.conference, desk.requireUnitId(unitId).id);
  const view = remedyPlanView(deps.store.data, deps.conference, unitId, now());
  const headings = headingMessages(view.headings).map((m) => html`<li>${renderMessage(t, m).replace(/^- /, "")}</li>`);
  const deadline = view.deadline ? t(view.passed ? "remedy-deadline-line-over" : "remedy-deadline-line", { deadline: formatDateTime(t, view.deadline) }) : t("remedy-deadline-line-none");
  return render(
    c,
    t("desk-remedy-title"),
    html`<p><a href="${base}${PATH}">${t("desk-remedy-all")}</a></p><h1>${t("remedy-title", { unit: view.unit })}</h1><p>${deadline}</p>
    ${headings.length > 0 ? html`<p>${t("remedy-headings-title")}</p><ul>${headings}</ul>` : ""}
    <p><strong>${statusLine(t, view.status)}</strong></p>
    ${view.latest
      ? html`<div class="pair"><section><h2>${t("desk-speech-latest")}</h2>${versionBlock(t, base, unitId, view.latest)}</section>
        <section><h2>${t("desk-speech-previous")}</h2>${versionBlock(t, base, unitId, view.previous)}</section></div>`
      : html`<p>${t("desk-remedy-none")}</p>`}
    ${reviewForms(desk, c, view, refused)}${desk.forChanges(c, measuresForm(desk, c, view))}`,
    { status: refused?.status ?? 200 },
  );
}

/** The measures ticked, the deadline and how often the unit reports, as the action takes them. */
function tasksInput(body: FormBodyAll, now: Date): { measures: number[]; deadline: string; reportEvery: TaskReportEvery } {
  const measures = ([] as unknown[]).concat(body.measure ?? []).map((v) => Number(v));
  const deadline = parseDeadline(field(body, "deadline"), now);
  if (!deadline) throw new Refused(400, "desk-remedy-deadline-missing");
  const every = field(body, "every");
  return { measures, deadline, reportEvery: every === "weekly" || every === "monthly" ? every : "none" };
}

export function registerRemedy(app: DeskApp, desk: Desk): void {
  const { deps, base, done, form, now } = desk;
  app.get(PATH, (c) => listPage(desk, c));
  app.get(`${PATH}/:id`, (c) => planPage(desk, c, c.req.param("id")));

  app.get(`${PATH}/:id/tep/:n/:i`, async (c) => {
    const unit = desk.requireUnitId(c.req.param("id"));
    const v = deps.store.data.remedies.plans[unit.id]?.versions.find((x) => String(x.n) === c.req.param("n"));
    const f = v && /^\d+$/.test(c.req.param("i")) ? versionFiles(v)[Number(c.req.param("i"))] : undefined;
    return storedFileResponse(c, deps.store.dir, f);
  });

  async function decide(c: DeskContext, decision: "accepted" | "changes_requested") {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const unitId = desk.requireUnitId(c.req.param("id") ?? "").id;
    const version = Number(field(body, "version"));
    const note = field(body, "note");
    let reviewed: Awaited<ReturnType<typeof reviewRemedyAction>>;
    try {
      if (!Number.isInteger(version)) throw new Refused(400, "desk-bad-input");
      reviewed = await reviewRemedyAction(deps, account.key, { unitId, version, decision, ...(note && { note }) });
    } catch (err) {
      const refused = refusalOf(t, err);
      if (!refused) throw err;
      return planPage(desk, c, unitId, { ...refused, note });
    }
    const [told = 0] = await notify(deps, reviewed.notifications);
    const unit = remedyPlanView(deps.store.data, deps.conference, unitId, now()).unit;
    const said = t(decision === "accepted" ? "remedy-accepted" : "remedy-changes-sent", { unit, n: version });
    return done(c, t("desk-remedy-title"), `${said}\n${told > 0 ? t("review-told", { count: told }) : t("review-told-none")}`, `${base}${PATH}/${unitId}`);
  }
  app.post(`${PATH}/:id/chap-nhan`, (c) => decide(c, "accepted"));
  app.post(`${PATH}/:id/yeu-cau-sua`, (c) => decide(c, "changes_requested"));

  app.post(`${PATH}/:id/giao`, async (c) => {
    const body = await form(c, true);
    const { t, account } = c.get("signed");
    const unitId = desk.requireUnitId(c.req.param("id") ?? "").id;
    const input = { unitId, version: Number(field(body, "version")), ...tasksInput(body, now()), source: "desk" as const };
    const result = await measuresToTasksAction(deps, account.key, input);
    const [sent = 0] = await notify(deps, result.notifications);
    const unit = remedyPlanView(deps.store.data, deps.conference, unitId, now()).unit;
    const lines = result.result.map((task) => t("remedy-task-made", { n: task.n, content: task.content, criterion: task.criterion ?? "none" }));
    const said = t("remedy-tasks-done", { count: result.result.length, unit, deadline: dayText(input.deadline), sent });
    return done(c, t("desk-remedy-title"), [said, ...lines].join("\n"), `${base}${PATH}/${unitId}`);
  });

  app.post(`${PATH}/nhac`, async (c) => {
    await form(c);
    const { t, account } = c.get("signed");
    const result = await remindRemedyAction(deps, account.key);
    if (result.result.units.length === 0) return done(c, t("desk-remedy-title"), t("remedy-remind-nobody"), `${base}${PATH}`);
    const sent = (await notify(deps, result.notifications)).reduce((a, b) => a + b, 0);
    return done(c, t("desk-remedy-title"), t("remedy-remind-sent", { units: result.notifications.length, accounts: sent }), `${base}${PATH}`);
  });
}
