// Tổng quan: the figures of /baocao and the deadlines, each linking to the page where one acts.
import { reportReplies } from "../../../commands/report.js";
import { formatDateTime } from "../../lib/time.js";
import { commandContext, type Desk, type DeskApp } from "../context.js";
import { html } from "../html.js";

export function registerOverview(app: DeskApp, desk: Desk): void {
  const { deps, base, render } = desk;
  app.get("/", (c) => {
    const { t } = c.get("signed");
    const report = reportReplies(commandContext(deps, c))
      .map((r) => (r.kind === "text" || r.kind === "choices" ? r.text : ""))
      .join("\n\n");
    const deadline = (kind: "rsvp" | "speech") => {
      const d = deps.conference.deadline(kind);
      return d ? formatDateTime(t, d) : t("desk-deadline-tba");
    };
    return render(
      c,
      t("desk-overview-title"),
      html`<h1>${t("desk-overview-title")}</h1>
      <div class="card"><h2>${t("desk-overview-deadlines")}</h2><ul>
        <li><a href="${base}/don-vi">${t("desk-deadline-rsvp", { time: deadline("rsvp") })}</a></li>
        <li><a href="${base}/tham-luan">${t("desk-deadline-speech", { time: deadline("speech") })}</a></li></ul></div>
      <pre class="report">${report}</pre>`,
    );
  });
}
