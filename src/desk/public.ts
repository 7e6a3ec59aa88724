// The public page at "/": what anyone may read without signing in — title, time, place, agenda,
// documents, and the PAR ranking once published. Never a code, an embargoed score, a name or a phone.
import { Hono } from "hono";
import type { Services } from "../messages/types.js";
import { formatDateTime } from "../lib/time.js";
import { publicRankingView } from "../views/scores.js";
import { type Html, html, page, refusalPage } from "./html.js";
import { qrImage } from "./live.js";
import { rankingTable } from "./pages/scores.js";
import { deskTranslate } from "./words.js";

export function createPublicSite(deps: Pick<Services, "store" | "conference" | "i18n" | "config" | "logger">): Hono {
  const app = new Hono();
  const t = () => deskTranslate(deps.i18n, deps.config.defaultLanguage);

  /** Where a delegate finds the bot: each configured link with its QR code (a phone scans it from the screen). */
  async function botBlock(tt: ReturnType<typeof t>): Promise<Html | string> {
    const { telegramBot, zaloBot } = deps.config.links;
    const bots = [
      ...(telegramBot ? [{ name: tt("public-bot-telegram"), url: `https://t.me/${telegramBot}` }] : []),
      ...(zaloBot && /^https?:\/\//.test(zaloBot) ? [{ name: tt("public-bot-zalo"), url: zaloBot }] : []),
    ];
    if (bots.length === 0) return "";
    const items = await Promise.all(
      bots.map(async (b) => html`<li class="bot"><img src="${await qrImage(b.url)}" alt="${tt("public-bot-qr", { name: b.name })}" width="160" height="160"><br>
        <a href="${b.url}" rel="noopener">${b.name}</a></li>`),
    );
    return html`<h2>${tt("public-bot-title")}</h2><p>${tt("public-bot-hint")}</p><ul class="plain bots">${items}</ul>`;
  }

  app.get("/", async (c) => {
    const tt = t();
    const conf = deps.conference.conf;
    const when = deps.conference.schedule();
    // The ranking only once published: before that not even whether a table exists.
    const view = publicRankingView(deps.store.data, deps.conference);
    const ranking = view
      ? html`<h2>${tt("public-ranking", { year: String(view.year) })}</h2>
        ${view.marks.sample ? html`<p>${tt("scores-sample-mark")}</p>` : ""}
        ${rankingTable(tt, view)}`
      : "";
    const body = html`<h1>${conf.title}</h1>
      <p>${tt("public-time", { time: when.start ? formatDateTime(tt, when.start) : tt("public-tba") })}</p>
      <p>${tt("public-place", { place: when.place ?? tt("public-tba") })}</p>
      <h2>${tt("public-agenda")}</h2><ol>${conf.agenda.map((a) => html`<li>${a.title}</li>`)}</ol>
      ${conf.documents.length > 0
        ? html`<h2>${tt("public-documents")}</h2><ul>${conf.documents.map(
            (d) => html`<li>${d.url && /^https?:\/\//.test(d.url) ? html`<a href="${d.url}" rel="noopener">${d.title}</a>` : d.title}${d.note ? html` &mdash; ${d.note}` : ""}</li>`,
          )}</ul>`
        : ""}
      ${await botBlock(tt)}
      ${ranking}`;
    return c.html(page({ t: tt, title: conf.short_title ?? conf.title, body }));
  });

  app.notFound((c) => c.html(refusalPage(t(), t()("desk-not-found")), 404));
  return app;
}
