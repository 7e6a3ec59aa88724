// Nhiệm vụ: the tasks assigned after the conference as a table (filtered by unit and state), the counts
// per state, a form assigning several at once (one row each), accept / return buttons on a "done"
// report, a sheet uploaded and previewed before anything is added, the tracking sheet to download.
// The same views and actions as /nhiemvu (src/views/tasks.ts, src/actions/tasks.ts).
import { assignTasksAction, cancelTasksAction, confirmTasksAction, decideTaskAction, previewTasksAction } from "../../actions/tasks.js";
import { buildTasksSheet, TASKS_SHEET_MIME, tasksSheetName } from "../../documents/tasks-sheet.js";
import { readTaskFile, TaskSheetRefused, taskTemplate } from "../../documents/tasks-import.js";
import { taskPreviewText, taskRefusalText } from "../../documents/tasks-text.js";
import { parseDeadline, TASK_STATES, type TaskState } from "../../domain/tasks.js";
import { requireUnit, unitName } from "../../domain/units.js";
import type { ConferenceService } from "../../conference/service.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDate } from "../../lib/time.js";
import { renderMessage } from "../../messages/render.js";
import { notify } from "../../outbox/notify.js";
import { MAX_TABLE_BYTES } from "../../scores/sheet.js";
import { weakestCriteria } from "../../views/task-criteria.js";
import { changeMessage, type TaskCountsView, taskCountsView, type TaskView, taskView, tasksView, trackingSheetView } from "../../views/tasks.js";
import type { NewTask } from "../../../storage/schema.js";
import { type Desk, type DeskApp, type DeskContext, field, type FormBodyAll, Refused } from "../context.js";
import { storedFileResponse } from "../download.js";
import { type Html, html } from "../html.js";

/** Rows of the assigning form. */
const FORM_ROWS = 5;

/** The counts per state, each a link to the table filtered by it (the overview shows the same). */
export function taskCountsCard(t: Translate, base: string, c: TaskCountsView): Html {
  return html`<div class="card"><h2>${t("desk-tasks-counts", { count: c.total })}</h2><ul>
    ${TASK_STATES.map((s) => html`<li><a id="tasks-${s}" href="${base}/nhiem-vu?trangthai=${s}">${t(`task-state-${s}`)}: ${c.byState[s]}</a></li>`)}
    </ul>${c.awaiting.length > 0 ? html`<p>${t("desk-tasks-awaiting", { count: c.awaiting.length })}</p>` : ""}</div>`;
}

function decisionForms(c: DeskContext, desk: Desk, v: TaskView): Html {
  if (!v.pending) return html``;
  const { t } = c.get("signed");
  const csrf = desk.csrfInput(c);
  const hidden = html`${csrf}<input type="hidden" name="n" value="${v.n}"><input type="hidden" name="report" value="${v.pending.n}">`;
  return html`<form method="post" action="${desk.base}/nhiem-vu/quyet-dinh">${hidden}<input type="hidden" name="decision" value="accepted"><button>${t("task-choice-accept")}</button></form>
    <form method="post" action="${desk.base}/nhiem-vu/quyet-dinh">${hidden}<input type="hidden" name="decision" value="returned">
      <label>${t("desk-tasks-note")}<br><textarea name="note" rows="2" cols="30" required></textarea></label><br><button>${t("task-choice-return")}</button></form>`;
}

/** One task's row: the last report in words, the criterion's change where a later table exists. */
function taskRow(c: DeskContext, desk: Desk, v: TaskView): Html {
  const { t } = c.get("signed");
  const last = v.reports.at(-1);
  const report = last
    ? html`${formatDate(t, last.at)}: ${last.text ?? ""}${last.files?.length ? html` (${t("desk-tasks-files", { count: last.files.length })})` : ""}`
    : html`&mdash;`;
  const evidence = v.reports.flatMap((r) => (r.files ?? []).map((f, i) => html`<a href="${desk.base}/nhiem-vu/${v.n}/tep/${r.n}/${i}">${f.name}</a>`));
  const files = evidence.length > 0 ? html`<br>${t("desk-tasks-evidence")} ${evidence.map((a, i) => html`${i > 0 ? ", " : ""}${a}`)}` : "";
  const criterion = v.criterion ? html`${v.criterion}${v.change ? html`<br><strong>${renderMessage(t, changeMessage(v.change))}</strong>` : ""}` : html`&mdash;`;
  return html`<tr id="nv-${v.n}"><td data-label="${t("desk-tasks-col-n")}">${v.n}</td><td data-label="${t("task-sheet-col-unit")}">${v.unit}${v.supporting.length > 0 ? html`<br><small>${t("desk-tasks-col-supporting")}: ${v.supporting.join(", ")}</small>` : ""}</td><td>${v.content}${v.expected ? html`<br><em>${v.expected}</em>` : ""}</td>
    <td data-label="${t("task-sheet-col-criterion")}">${criterion}</td><td data-label="${t("task-sheet-col-deadline")}">${v.deadlineText}</td>
    <td data-label="${t("task-sheet-col-state")}">${t(`task-state-${v.state}`)}${v.pending ? html`<br>${t("task-sheet-pending")}` : ""}</td>
    <td>${report}${files}${v.returned ? html`<br>${t("task-sheet-returned", { note: v.returned.note })}` : ""}</td>
    <td>${decisionForms(c, desk, v)}</td></tr>`;
}

/** The filters (a GET form: bookmarkable, writes nothing). */
function filters(c: DeskContext, desk: Desk, unitId: string, state: string): Html {
  const { t } = c.get("signed");
  const units = desk.deps.conference.units();
  return html`<form method="get" action="${desk.base}/nhiem-vu"><label>${t("desk-tasks-filter-unit")} <select name="donvi"><option value="">${t("desk-tasks-all")}</option>
    ${units.map((u) => html`<option value="${u.id}"${u.id === unitId ? html` selected` : ""}>${unitName(u)}</option>`)}</select></label>
    <label>${t("desk-tasks-filter-state")} <select name="trangthai"><option value="">${t("desk-tasks-all")}</option>
    ${TASK_STATES.map((s) => html`<option value="${s}"${s === state ? html` selected` : ""}>${t(`task-state-${s}`)}</option>`)}</select></label>
    <button>${t("desk-tasks-filter")}</button></form>`;
}

/** Several tasks at once, one row each (a row left without content is skipped); the weakest criteria listed under it. */
function assignForm(c: DeskContext, desk: Desk): Html {
  const { t } = c.get("signed");
  const { deps, base } = desk;
  const units = deps.conference.units();
  const options = html`<option value=""></option>${units.map((u) => html`<option value="${u.id}">${unitName(u)}</option>`)}`;
  const every = html`${(["none", "weekly", "monthly"] as const).map((e) => html`<option value="${e}">${t(`task-every-${e}`)}</option>`)}`;
  const row = (i: number) => html`<tr><th scope="row">${t("desk-tasks-row", { n: i + 1 })}</th><td><select name="unit" aria-label="${t("task-sheet-col-unit")}">${options}</select></td>
    <td><textarea name="content" rows="2" aria-label="${t("task-sheet-col-content")}" placeholder="${t("task-sheet-col-content")}"></textarea></td>
    <td><input name="criterion" size="6" aria-label="${t("task-sheet-col-criterion")}" placeholder="${t("task-sheet-col-criterion")}"></td><td><input name="deadline" type="date" aria-label="${t("task-sheet-col-deadline")}"></td>
    <td><input name="expected" size="16" aria-label="${t("task-sheet-col-result")}" placeholder="${t("task-sheet-col-result")}"></td>
    <td><input name="supporting" size="16" aria-label="${t("desk-tasks-col-supporting")}" placeholder="${t("desk-tasks-col-supporting")}"></td>
    <td><select name="every" aria-label="${t("desk-tasks-col-every")}">${every}</select></td></tr>`;
  const hints = units.flatMap((u) => {
    const weak = weakestCriteria(deps.store.data, u.id);
    return weak.length > 0 ? [html`<li>${unitName(u)}: ${weak.map((w) => `${w.code} (${w.final}/${w.max})`).join(", ")}</li>`] : [];
  });
  return html`<h2>${t("desk-tasks-assign")}</h2><form method="post" action="${base}/nhiem-vu/giao">${desk.csrfInput(c)}
    <table class="cards form-rows"><thead><tr><th>#</th><th>${t("task-sheet-col-unit")}</th><th>${t("task-sheet-col-content")}</th><th>${t("task-sheet-col-criterion")}</th><th>${t("task-sheet-col-deadline")}</th><th>${t("task-sheet-col-result")}</th><th>${t("desk-tasks-col-supporting")}</th><th>${t("desk-tasks-col-every")}</th></tr></thead>
    <tbody>${Array.from({ length: FORM_ROWS }, (_, i) => row(i))}</tbody></table><button>${t("desk-tasks-assign-button")}</button></form>
    ${hints.length > 0 ? html`<details><summary>${t("desk-tasks-weakest")}</summary><ul>${hints}</ul></details>` : ""}`;
}

function tasksPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { deps, base, render, now, csrfInput } = desk;
  const { t } = c.get("signed");
  const unitId = c.req.query("donvi") ?? "";
  const stateParam = c.req.query("trangthai") ?? "";
  const state = (TASK_STATES as readonly string[]).includes(stateParam) ? (stateParam as TaskState) : undefined;
  const views = tasksView(deps.store.data, deps.conference, now(), { ...(unitId && { unitId }), ...(state && { state }) });
  const table = views.length === 0
    ? html`<p>${t("desk-tasks-none")}</p>`
    : html`<table class="cards"><thead><tr><th>${t("desk-tasks-col-n")}</th><th>${t("task-sheet-col-unit")}</th><th>${t("task-sheet-col-content")}</th><th>${t("task-sheet-col-criterion")}</th><th>${t("task-sheet-col-deadline")}</th><th>${t("task-sheet-col-state")}</th><th>${t("desk-tasks-col-report")}</th><th></th></tr></thead>
      <tbody>${views.map((v) => taskRow(c, desk, v))}</tbody></table>`;
  return render(
    c,
    t("desk-tasks-title"),
    html`<h1>${t("desk-tasks-title")}</h1>${taskCountsCard(t, base, taskCountsView(deps.store.data, deps.conference, now()))}
    <p><a href="${base}/nhiem-vu/bang-theo-doi.xlsx">${t("desk-tasks-download")}</a> &middot; <a href="${base}/nhiem-vu/mau.xlsx">${t("desk-tasks-template")}</a></p>
    ${filters(c, desk, unitId, state ?? "")}${table}${desk.forChanges(c, html`${assignForm(c, desk)}
    <h2>${t("desk-tasks-import")}</h2><form method="post" action="${base}/nhiem-vu/tai-len" enctype="multipart/form-data">${csrfInput(c)}
      <label>${t("desk-tasks-upload", { mb: MAX_TABLE_BYTES / 1_000_000 })}<br><input type="file" name="file" accept=".xlsx,.csv"></label> <button>${t("desk-scores-upload-button")}</button></form>`)}`,
  );
}

/** The rows of the assigning form that hold a task; a row with content but no unit or no day is refused. */
function formTasks(conference: ConferenceService, body: FormBodyAll, now: Date): NewTask[] {
  const list = (name: string) => ([] as unknown[]).concat(body[name] ?? []).map((v) => (typeof v === "string" ? v.trim() : ""));
  const [units, contents, criteria, deadlines, expected, supporting, every] = ["unit", "content", "criterion", "deadline", "expected", "supporting", "every"].map(list) as [
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
    string[],
  ];
  const tasks: NewTask[] = [];
  contents.forEach((content, i) => {
    if (!content) return;
    const deadline = parseDeadline(deadlines[i] ?? "", now);
    if (!units[i] || !deadline) throw new Refused(400, "desk-tasks-row-incomplete", { row: i + 1 });
    const criterion = criteria[i] ?? "";
    const helpers = (supporting[i] ?? "").split(/[,;]/).flatMap((name) => (name.trim() ? [requireUnit(conference, name.trim()).id] : []));
    const reportEvery = every[i] === "weekly" || every[i] === "monthly" ? every[i] : "none";
    tasks.push({ unitId: units[i] as string, content, ...(criterion && { criterion }), deadline, ...(expected[i] && { expected: expected[i] }), ...(helpers.length > 0 && { supporting: helpers }), reportEvery });
  });
  if (tasks.length === 0) throw new Refused(400, "desk-tasks-row-none");
  return tasks;
}

export function registerTasks(app: DeskApp, desk: Desk): void {
  const { deps, base, render, done, form, csrfInput, now } = desk;
  app.get("/nhiem-vu", (c) => tasksPage(desk, c));

  app.get("/nhiem-vu/bang-theo-doi.xlsx", async (c) => {
    const { t } = c.get("signed");
    const at = now();
    const data = await buildTasksSheet(trackingSheetView(deps.store.data, deps.conference, at), t);
    return c.body(new Uint8Array(data), 200, { "Content-Type": TASKS_SHEET_MIME, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(tasksSheetName(deps.conference.conf.id, at))}` });
  });

  app.get("/nhiem-vu/mau.xlsx", async (c) => {
    const { t } = c.get("signed");
    const suggestions = deps.conference.units().flatMap((u) => {
      const weak = weakestCriteria(deps.store.data, u.id);
      return weak.length > 0 ? [{ unit: unitName(u), criteria: weak.map((w) => `${w.code}. ${w.name} (${w.final}/${w.max})`).join("; ") }] : [];
    });
    return c.body(new Uint8Array(await taskTemplate(t, suggestions)), 200, { "Content-Type": TASKS_SHEET_MIME, "Content-Disposition": `attachment; filename="mau-giao-nhiem-vu.xlsx"` });
  });

  app.get("/nhiem-vu/:n/tep/:r/:i", async (c) => {
    const task = deps.store.data.tasks.list.find((x) => String(x.n) === c.req.param("n"));
    const report = task?.reports.find((r) => String(r.n) === c.req.param("r"));
    const f = report && /^\d+$/.test(c.req.param("i")) ? report.files?.[Number(c.req.param("i"))] : undefined;
    return storedFileResponse(c, deps.store.dir, f);
  });

  app.post("/nhiem-vu/giao", async (c) => {
    const body = await form(c, true);
    const { t, account } = c.get("signed");
    const result = await assignTasksAction(deps, account.key, { tasks: formTasks(deps.conference, body, now()), source: "desk" });
    await notify(deps, result.notifications);
    return done(c, t("desk-tasks-title"), t("desk-tasks-assigned", { count: result.result.length, numbers: result.result.map((x) => x.n).join(", ") }), `${base}/nhiem-vu`);
  });

  app.post("/nhiem-vu/quyet-dinh", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const decision = field(body, "decision") === "accepted" ? "accepted" : "returned";
    const n = Number(field(body, "n"));
    const result = await decideTaskAction(deps, account.key, { n, report: Number(field(body, "report")), decision, note: field(body, "note") });
    const sent = (await notify(deps, result.notifications)).reduce((a, b) => a + b, 0);
    const v = taskView(deps.store.data, deps.conference, result.result.task, now());
    const key = decision === "accepted" ? "task-accepted-done" : "task-returned-done";
    return done(c, t("desk-tasks-title"), t(key, { n, unit: v.unitAddress, state: t(`task-state-${v.state}`), sent }), `${base}/nhiem-vu#nv-${n}`);
  });

  app.post("/nhiem-vu/tai-len", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) throw new Refused(400, "desk-bad-input");
    if (file.size > MAX_TABLE_BYTES) throw new Refused(413, "desk-too-large", { mb: MAX_TABLE_BYTES / 1_000_000 });
    let tasks: NewTask[];
    try {
      tasks = await readTaskFile(deps.conference, file.name, Buffer.from(await file.arrayBuffer()), now());
    } catch (err) {
      if (!(err instanceof TaskSheetRefused)) throw err;
      return render(c, t("desk-tasks-title"), html`<h1>${t("desk-tasks-title")}</h1><p class="refusal">${taskRefusalText(t, file.name, err)}</p><p><a href="${base}/nhiem-vu">${t("desk-back")}</a></p>`, { status: 400 });
    }
    const { result: view } = await previewTasksAction(deps, account.key, { tasks, via: "desk", source: file.name });
    const hidden = html`${csrfInput(c)}<input type="hidden" name="preview" value="${view.id}">`;
    return render(
      c,
      t("desk-tasks-title"),
      html`<h1>${t("desk-tasks-title")}</h1><div class="notice">${taskPreviewText(t, view)}</div>
      ${view.adds > 0 ? html`<form method="post" action="${base}/nhiem-vu/xac-nhan">${hidden}<button>${t("desk-tasks-confirm", { count: view.adds })}</button></form>` : ""}
      <form method="post" action="${base}/nhiem-vu/huy">${hidden}<button>${t("desk-scores-cancel")}</button></form>`,
    );
  });

  app.post("/nhiem-vu/xac-nhan", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const result = await confirmTasksAction(deps, account.key, { previewId: field(body, "preview") });
    await notify(deps, result.notifications);
    return done(c, t("desk-tasks-title"), t("desk-tasks-assigned", { count: result.result.length, numbers: result.result.map((x) => x.n).join(", ") }), `${base}/nhiem-vu`);
  });

  app.post("/nhiem-vu/huy", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    await cancelTasksAction(deps, account.key, { previewId: field(body, "preview") });
    return done(c, t("desk-tasks-title"), t("desk-tasks-import-cancelled"), `${base}/nhiem-vu`);
  });
}
