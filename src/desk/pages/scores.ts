// Chỉ số CCHC: upload a table, check it as /nhapdiem does, confirm that preview (by its id), publish;
// the ranking and its chart. The same views and actions as the chat (src/views/scores.ts, src/actions/scores.ts).
import { cancelScoresAction, confirmScoresAction, previewScoresAction, publishScoresAction } from "../../actions/scores.js";
import { UserError } from "../../domain/errors.js";
import { unitNameById } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime } from "../../lib/time.js";
import { notify } from "../../outbox/notify.js";
import { previewText, rankingSvg, refusalText } from "../../scores/format.js";
import { readScoreFile } from "../../scores/service.js";
import { MAX_TABLE_BYTES } from "../../scores/sheet.js";
import { gridToXlsx, templateGrid } from "../../scores/template.js";
import { XLSX_MIME } from "../../documents/workbook.js";
import { type ParsedTable, TableRefused } from "../../scores/table.js";
import { type RankingView, rankingView, resultAudience } from "../../views/scores.js";
import { confirmed } from "../confirm.js";
import { type Desk, type DeskApp, type DeskContext, field, Refused } from "../context.js";
import { type Html, html } from "../html.js";

/** The ranking as a table: the same rows, totals and classifications as /xephang. */
export function rankingTable(t: Translate, view: RankingView): Html {
  return html`<table><thead><tr><th>${t("public-col-rank")}</th><th>${t("public-col-unit")}</th><th>${t("public-col-total")}</th><th>${t("public-col-class")}</th></tr></thead>
    <tbody>${view.rows.map(
      (r) => html`<tr><td>${r.rank}</td><td>${r.name}</td><td>${t("scores-number", { n: r.total })}/${t("scores-number", { n: r.max })}</td><td>${r.classification}</td></tr>`,
    )}</tbody></table>`;
}

/** A preview that is not this organizer's open one, told in the desk's words. */
async function ownPreview<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UserError && err.key === "import-nothing-pending") throw new Refused(400, "desk-scores-preview-gone");
    throw err;
  }
}

/** What is in force: the table imported, and whether it is published. */
function scoresState(deps: Desk["deps"], t: Translate): Html {
  const s = deps.store.data.scores;
  if (!s.current) return html`<p>${t("desk-scores-none")}</p>`;
  return html`<p>${t("desk-scores-current", { year: String(s.current.year), units: s.current.units.length, time: formatDateTime(t, s.current.importedAt) })}
    ${s.publishedAt ? t("desk-scores-published", { time: formatDateTime(t, s.publishedAt) }) : t("desk-scores-unpublished")}</p>`;
}

/** The page: the table in force, its publication, the upload form, the ranking and its chart. */
function scoresPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { deps, base, render, csrfInput } = desk;
  const { t } = c.get("signed");
  const s = deps.store.data.scores;
  const csrf = csrfInput(c);
  const view = s.current ? rankingView(deps.store.data, deps.conference, "organizer") : undefined;
  // The chart of the /xephang picture, as an SVG image (an <img> runs no script).
  const chart = view ? `data:image/svg+xml;base64,${Buffer.from(rankingSvg(t, view), "utf8").toString("base64")}` : "";
  const ranking = view ? html`<h2>${t("desk-scores-ranking")}</h2><p><img alt="${t("desk-scores-ranking")}" style="max-width:100%" src="${chart}"></p>${rankingTable(t, view)}` : "";
  return render(
    c,
    t("desk-scores-title"),
    html`<h1>${t("desk-scores-title")}</h1>${scoresState(deps, t)}
    <p><a href="${base}/chi-so/mau.xlsx">${t("desk-scores-template")}</a></p>
    <form method="post" action="${base}/chi-so/tai-len" enctype="multipart/form-data">${csrf}
      <label>${t("desk-scores-upload", { mb: MAX_TABLE_BYTES / 1_000_000 })}<br><input type="file" name="file" accept=".xlsx,.csv"></label>
      <button>${t("desk-scores-upload-button")}</button></form>
    ${s.current && !s.publishedAt ? html`<p><a class="button" href="${base}/chi-so/cong-bo?${new URLSearchParams({ importedAt: s.current.importedAt })}">${t("desk-scores-publish")}</a></p>` : ""}
    ${ranking}`,
  );
}

export function registerScores(app: DeskApp, desk: Desk): void {
  const { deps, base, render, done, form, csrfInput } = desk;
  app.get("/chi-so", (c) => scoresPage(desk, c));

  // The template, as /nhapdiem mau sends it: the conference's year and communes.
  app.get("/chi-so/mau.xlsx", async (c) => {
    const { t } = c.get("signed");
    const data = await gridToXlsx(await templateGrid(deps.conference.conf), t("template-sheet-name"));
    return c.body(new Uint8Array(data), 200, { "Content-Type": XLSX_MIME, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent("mau-bang-diem.xlsx")}` });
  });

  app.post("/chi-so/tai-len", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) throw new Refused(400, "desk-upload-empty");
    if (file.size > MAX_TABLE_BYTES) throw new Refused(413, "desk-too-large", { mb: MAX_TABLE_BYTES / 1_000_000 });
    const data = Buffer.from(await file.arrayBuffer());
    let table: ParsedTable;
    try {
      table = await readScoreFile(deps.conference, file.name, data);
    } catch (err) {
      if (!(err instanceof TableRefused)) throw err;
      deps.logger.info({ by: account.key, file: file.name, problems: err.problems.length }, "score table refused at the desk");
      return render(c, t("desk-scores-title"), html`<h1>${t("desk-scores-title")}</h1><p class="refusal">${refusalText(t, file.name, err)}</p><p><a href="${base}/chi-so">${t("desk-back")}</a></p>`, { status: 400 });
    }
    const { result: view } = await previewScoresAction(deps, account.key, { table, via: "desk" });
    const csrf = csrfInput(c);
    const id = view.preview.id;
    return render(
      c,
      t("desk-scores-title"),
      html`<h1>${t("desk-scores-title")}</h1><div class="notice">${previewText(t, view, (u) => unitNameById(deps.conference, u))}</div>
      <form method="post" action="${base}/chi-so/xac-nhan">${csrf}<input type="hidden" name="preview" value="${id}"><button>${t("desk-scores-confirm")}</button></form>
      <form method="post" action="${base}/chi-so/huy">${csrf}<input type="hidden" name="preview" value="${id}"><button>${t("desk-scores-cancel")}</button></form>`,
    );
  });

  app.post("/chi-so/xac-nhan", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const { result } = await ownPreview(() => confirmScoresAction(deps, account.key, { previewId: field(body, "preview") }));
    const lines = [t("import-done", { year: String(result.stored.year), units: result.stored.units.length })];
    if (result.replaced) lines.push(t("import-done-kept"));
    lines.push(t("import-done-unpublished"));
    return done(c, t("desk-scores-title"), lines.join("\n"), `${base}/chi-so`);
  });

  app.post("/chi-so/huy", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    await ownPreview(() => cancelScoresAction(deps, account.key, { previewId: field(body, "preview") }));
    return done(c, t("desk-scores-title"), t("import-cancelled"), `${base}/chi-so`);
  });

  // Publishing messages every delegate and opens the ranking to the public: it asks first, naming who hears it.
  confirmed(app, desk, "/chi-so/cong-bo", {
    ask: (c, input) => {
      const { t } = c.get("signed");
      const table = deps.store.data.scores.current;
      if (!table) throw new UserError("publish-no-table");
      const at = deps.store.data.scores.publishedAt;
      if (at) throw new Refused(409, "publish-already", { year: String(table.year), time: formatDateTime(t, at) });
      const audience = resultAudience(deps.store.data, deps.conference, table);
      const lines = [
        t("desk-confirm-publish", { year: String(table.year), units: table.units.length }),
        t("desk-confirm-publish-sent", { accounts: audience.accounts, units: audience.byUnit.size }),
        ...(audience.without.length > 0 ? [t("publish-units-without-delegates", { count: audience.without.length, units: audience.without.join(", ") })] : []),
        t("desk-confirm-publish-final"),
      ];
      return { title: t("desk-scores-publish"), lines, button: t("desk-scores-publish"), back: `${base}/chi-so`, fields: { importedAt: input("importedAt") } };
    },
    run: async (c, body) => {
      const { t, account } = c.get("signed");
      const published = await publishScoresAction(deps, account.key, { expectedImportedAt: field(body, "importedAt") });
      const sent = (await notify(deps, published.notifications)).reduce((a, b) => a + b, 0);
      const { table, audience } = published.result;
      const lines = [t("publish-done", { year: String(table.year) })];
      if (audience.accounts > 0) lines.push(t("publish-sent", { sent, accounts: audience.accounts, units: audience.byUnit.size }));
      return done(c, t("desk-scores-title"), lines.join("\n"), `${base}/chi-so`);
    },
  });
}
