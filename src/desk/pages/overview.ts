// Tổng quan: the report view (src/views/report.ts, the same figures as /baocao) as a page, each
// figure a link to the page where one acts on it, and the deadlines.
import type { Unit } from "../../conference/schema.js";
import { unitName } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime } from "../../lib/time.js";
import { type ReportView, reportView } from "../../views/report.js";
import { taskCountsView } from "../../views/tasks.js";
import type { Desk, DeskApp } from "../context.js";
import { taskCountsCard } from "./tasks.js";
import { remedyCountsCard } from "./remedy.js";
import { remedyListView } from "../../views/remedy.js";
import { type Html, html } from "../html.js";

/** A figure and what it counts, linked to where one acts on it. */
const figure = (href: string, id: string, text: string) => html`<li><a id="${id}" href="${href}">${text}</a></li>`;

/** Units as links to their pages. */
function unitLinks(base: string, units: Unit[]): Html {
  return html`${units.map((u, i) => html`${i > 0 ? ", " : ""}<a href="${base}/don-vi/${u.id}">${unitName(u)}</a>`)}`;
}

function attendanceCard(t: Translate, base: string, r: ReportView): Html {
  const a = r.attendance;
  const tot = a.totals;
  return html`<div class="card"><h2>${t("desk-overview-attendance")}</h2><ul>
    ${figure(`${base}/don-vi`, "units", t("report-units", { units: tot.units, answered: tot.unitsAnswered, silent: a.silent.length }))}
    ${figure(`${base}/don-vi`, "seats", t("report-seats", { seats: tot.seats, attend: tot.attend, substitute: tot.substitute, absent: tot.absent, unanswered: tot.unanswered }))}
    ${figure(`${base}/diem-danh`, "present", t("report-present", { present: tot.present, expected: tot.expected }))}
    </ul>
    ${a.silent.length > 0 ? html`<p>${t("report-silent-title", { count: a.silent.length })}: ${unitLinks(base, a.silent)}</p>` : ""}
    ${a.partial.length > 0 ? html`<p>${t("desk-overview-partial", { count: a.partial.length })}: ${unitLinks(base, a.partial.map((u) => u.unit))}</p>` : ""}
    </div>`;
}

function workCard(t: Translate, base: string, r: ReportView): Html {
  const c = r.speeches.counts;
  return html`<div class="card"><h2>${t("desk-overview-work")}</h2><ul>
    ${figure(`${base}/tham-luan`, "speeches", t("report-speeches-total", { assigned: r.speeches.rows.length, accepted: c.accepted, submitted: c.submitted, changes: c.changes_requested, none: c.none }))}
    <li id="speakers">${t("report-speakers-total", { count: r.speakers.length })}</li>
    ${figure(`${base}/thong-bao`, "notices", t("desk-overview-notices", { count: r.notices }))}
    </ul></div>`;
}

export function registerOverview(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render } = desk;
  app.get("/", (c) => {
    const { t } = c.get("signed");
    const r = reportView(deps.conference, deps.store.data, now());
    const tasks = taskCountsView(deps.store.data, deps.conference, now());
    const plans = remedyListView(deps.store.data, deps.conference, now());
    const deadline = (d: Date | undefined) => (d ? formatDateTime(t, d) : t("desk-deadline-tba"));
    return render(
      c,
      t("desk-overview-title"),
      html`<h1>${t("desk-overview-title")}</h1>
      <p>${t("report-title", { time: formatDateTime(t, r.at) })}</p>
      <div class="card"><h2>${t("desk-overview-deadlines")}</h2><ul>
        <li><a href="${base}/don-vi">${t("desk-deadline-rsvp", { time: deadline(r.deadlines.rsvp) })}</a></li>
        <li><a href="${base}/tham-luan">${t("desk-deadline-speech", { time: deadline(r.deadlines.speech) })}</a></li></ul></div>
      ${attendanceCard(t, base, r)}
      ${workCard(t, base, r)}
      ${tasks.total > 0 ? taskCountsCard(t, base, tasks) : ""}
      ${plans.published ? remedyCountsCard(t, base, plans) : ""}`,
    );
  });
}
