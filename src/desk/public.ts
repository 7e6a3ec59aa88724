// The public page at "/": what anyone may read without signing in — title, time, place, agenda,
// documents, and the PAR ranking once published. Never a code, an embargoed score, a name or a phone.
import { Hono } from "hono";
import type { Services } from "../messages/types.js";
import { formatDateTime } from "../lib/time.js";
import { html, page, refusalPage } from "./html.js";

export function createPublicSite(deps: Pick<Services, "store" | "conference" | "i18n" | "config" | "logger">): Hono {
  const app = new Hono();
  const t = () => deps.i18n.forLanguage(deps.config.defaultLanguage);

  app.get("/", (c) => {
    const tt = t();
    const conf = deps.conference.conf;
    const when = deps.conference.schedule();
    const scores = deps.store.data.scores;
    // The ranking only once published: before that not even whether a table exists.
    const table = scores.current && scores.publishedAt ? scores.current : undefined;
    const ranking = table
      ? html`<h2>${tt("public-ranking", { year: String(table.year) })}</h2>
        ${table.sample ? html`<p>${tt("scores-sample-mark")}</p>` : ""}
        <table><thead><tr><th>${tt("public-col-rank")}</th><th>${tt("public-col-unit")}</th><th>${tt("public-col-total")}</th><th>${tt("public-col-class")}</th></tr></thead>
        <tbody>${[...table.units]
          .sort((a, b) => a.rank - b.rank)
          .map((u) => html`<tr><td>${u.rank}</td><td>${deps.conference.unit(u.unitId)?.name ?? u.unitId}</td><td>${u.total}/${u.max}</td><td>${u.classification}</td></tr>`)}</tbody></table>`
      : "";
    const body = html`<h1>${conf.title}</h1>
      <p>${tt("public-time", { time: when.start ? formatDateTime(tt, when.start) : tt("public-tba") })}</p>
      <p>${tt("public-place", { place: when.place ?? tt("public-tba") })}</p>
      <h2>${tt("public-agenda")}</h2><ol>${conf.agenda.map((a) => html`<li>${a.title}</li>`)}</ol>
      ${conf.documents.length > 0
        ? html`<h2>${tt("public-documents")}</h2><ul>${conf.documents.map(
            (d) => html`<li>${d.url && /^https?:\/\//.test(d.url) ? html`<a href="${d.url}" rel="noopener">${d.title}</a>` : d.title}${d.note ? html` — ${d.note}` : ""}</li>`,
          )}</ul>`
        : ""}
      ${ranking}`;
    return c.html(page({ t: tt, title: conf.title, body }));
  });

  app.notFound((c) => c.html(refusalPage(t(), t()("desk-not-found")), 404));
  return app;
}
