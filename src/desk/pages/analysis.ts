// Phân tích: the district's weakest criteria and fields' averages, one unit's analysis (where it lost
// points, where the appraisal cut its self-assessment and why, what rose or fell), and the two
// documents: the analysis report and the draft minutes. Lists rather than wide tables: read on a phone.
// The same views as /diem and the documents (src/views/analysis.ts, src/views/minutes.ts). GETs only.
import { analysisDocx, analysisFileName } from "../../documents/analysis.js";
import { DOCX_MIME } from "../../documents/invitation-data.js";
import { minutesDocx, minutesFileName } from "../../documents/minutes.js";
import type { Translate } from "../../lib/i18n.js";
import { analysisReportView, analysisUnits, type CriterionAverage, type CriterionRow, districtAnalysis, unitAnalysis, type UnitAnalysisView } from "../../views/analysis.js";
import { minutesView } from "../../views/minutes.js";
import { markLines } from "../../scores/format.js";
import { type Desk, type DeskApp, type DeskContext, Refused } from "../context.js";
import { type Html, html } from "../html.js";

const n = (t: Translate, v: number) => t("scores-number", { n: v });

function averageItem(t: Translate, a: CriterionAverage): Html {
  return html`<li>${t("desk-analysis-average", { name: a.label, average: n(t, a.average), max: n(t, a.max), share: n(t, a.share), losing: a.losing, units: a.units })}</li>`;
}

function rowItem(t: Translate, key: string, r: CriterionRow): Html {
  const args = { name: r.label, lost: n(t, r.lost), final: n(t, r.final), max: n(t, r.max), cut: n(t, r.cut ?? 0), self: n(t, r.self ?? 0), appraised: n(t, r.appraised ?? 0), change: n(t, Math.abs(r.change ?? 0)), previous: n(t, r.previous ?? 0) };
  const note = r.note && key !== "report-fell-item" && key !== "report-rose-item" ? html`<br><em>${t("desk-analysis-note", { note: r.note })}</em>` : "";
  return html`<li>${t(key, args)}${note}</li>`;
}

function list(t: Translate, title: string, rows: CriterionRow[], key: string): Html | string {
  return rows.length === 0 ? "" : html`<h3>${t(title)}</h3><ul>${rows.map((r) => rowItem(t, key, r))}</ul>`;
}

function unitCard(t: Translate, u: UnitAnalysisView): Html {
  const all = html`<details><summary>${t("desk-analysis-all-rows")}</summary><ul>${u.rows.map(
    (r) => html`<li style="margin-left:${r.depth * 1.2}rem">${t("desk-analysis-row", { name: r.label, final: n(t, r.final), max: n(t, r.max) })}</li>`,
  )}</ul></details>`;
  return html`<section class="card"><h2>${t("desk-analysis-unit-head", { unit: u.unit, total: n(t, u.total), max: n(t, u.max), rank: u.rank, of: u.rankOf, label: u.classification })}</h2>
    ${u.lost.length === 0 ? html`<p>${t("report-unit-full")}</p>` : list(t, "desk-analysis-lost", u.lost, "report-lost-item")}
    ${list(t, "desk-analysis-cuts", u.cuts, "report-cut-item")}
    ${list(t, "desk-analysis-fell", u.fell, "report-fell-item")}
    ${list(t, "desk-analysis-rose", u.rose, "report-rose-item")}
    ${all}</section>`;
}

function analysisPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { deps, base, render } = desk;
  const { t } = c.get("signed");
  const data = deps.store.data;
  const district = districtAnalysis(data, "organizer");
  const chosen = c.req.query("don-vi");
  const units = analysisUnits(data, deps.conference, "organizer");
  if (chosen && !units.some((u) => u.unitId === chosen)) throw new Refused(404, "desk-not-found");
  const unit = chosen ? unitCard(t, unitAnalysis(data, deps.conference, "organizer", chosen)) : "";
  const title = t("desk-analysis-title", { year: String(district.year) });
  return render(
    c,
    title,
    html`<h1>${title}</h1>${markLines(t, district.marks).map((m) => html`<p class="refusal">${m}</p>`)}
    <p><a href="${base}/phan-tich/bao-cao.docx">${t("desk-analysis-report")}</a><br><a href="${base}/phan-tich/bien-ban.docx">${t("desk-analysis-minutes")}</a></p>
    <form method="get" action="${base}/phan-tich"><label>${t("desk-analysis-unit")}<br><select name="don-vi">${units.map(
      (u) => html`<option value="${u.unitId}"${u.unitId === chosen ? html` selected` : ""}>${u.rank}. ${u.name}</option>`,
    )}</select></label> <button>${t("desk-analysis-show")}</button></form>
    ${unit}
    <section class="card"><h2>${t("desk-analysis-weakest", { count: district.weakest.length })}</h2><ol>${district.weakest.map((a) => averageItem(t, a))}</ol></section>
    <section class="card"><h2>${t("desk-analysis-fields")}</h2><ul>${district.fields.map((a) => averageItem(t, a))}</ul></section>`,
  );
}

function attachment(c: DeskContext, name: string, data: Buffer): Response {
  return c.body(new Uint8Array(data), 200, { "Content-Type": DOCX_MIME, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(name)}` });
}

export function registerAnalysis(app: DeskApp, desk: Desk): void {
  const { deps } = desk;
  app.get("/phan-tich", (c) => analysisPage(desk, c));
  app.get("/phan-tich/bao-cao.docx", async (c) => {
    const { t } = c.get("signed");
    const view = analysisReportView(deps.store.data, deps.conference, "organizer");
    return attachment(c, analysisFileName(view.ranking.year), await analysisDocx(deps.conference.conf, view, t));
  });
  app.get("/phan-tich/bien-ban.docx", async (c) => {
    const { t } = c.get("signed");
    const view = minutesView(deps.conference, deps.store.data);
    return attachment(c, minutesFileName(deps.conference.conf.id), await minutesDocx(deps.conference.conf, view, t));
  });
}
