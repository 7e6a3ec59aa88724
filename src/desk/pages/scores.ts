// Chỉ số CCHC: upload a table, check it as /nhapdiem does, confirm, publish; the ranking chart.
import type { AccountKey, ScoreTable } from "../../../storage/schema.js";
import { delegatesOf, publishScores, replaceScoreTable } from "../../domain/scores.js";
import { unitNameById } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime } from "../../lib/time.js";
import { buildRankingSvg } from "../../scores/chart.js";
import { importSummaryText, percentOf, refusalText, round2 } from "../../scores/format.js";
import { missingUnits, readScoreFile, resultMessages } from "../../scores/service.js";
import { MAX_TABLE_BYTES } from "../../scores/sheet.js";
import { type ParsedTable, TableRefused } from "../../scores/table.js";
import { type Desk, type DeskApp, field, Refused } from "../context.js";
import { type Html, html } from "../html.js";

/** How long an import preview waits for its confirmation. */
const PREVIEW_TTL_MS = 30 * 60_000;

export function registerScores(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, done, form, csrfInput } = desk;
  const previews = new Map<AccountKey, { id: string; table: ParsedTable; replaces: string | null; at: number }>();
  function scoresState(t: Translate): Html {
    const s = deps.store.data.scores;
    if (!s.current) return html`<p>${t("desk-scores-none")}</p>`;
    return html`<p>${t("desk-scores-current", { year: String(s.current.year), units: s.current.units.length, time: formatDateTime(t, s.current.importedAt) })}
      ${s.publishedAt ? t("desk-scores-published", { time: formatDateTime(t, s.publishedAt) }) : t("desk-scores-unpublished")}</p>`;
  }

  /** The ranking chart of the /xephang picture, as an SVG image (an <img> runs no script). */
  function rankingChart(t: Translate, table: ScoreTable, preview: boolean): string {
    const scheme = deps.conference.conf.scores?.classification.map((x) => x.label) ?? [];
    const extra = [...new Set(table.units.map((u) => u.classification))].filter((l) => !scheme.includes(l));
    const svg = buildRankingSvg({
      title: t("chart-title", { year: String(table.year) }),
      subtitle: t("chart-subtitle", { units: table.units.length, max: round2(table.units[0]?.max ?? 0) }),
      notes: [...(table.sample ? [t("chart-sample")] : []), ...(preview ? [t("chart-preview")] : [])],
      axisLabel: t("chart-axis"),
      rows: [...table.units]
        .sort((a, b) => a.rank - b.rank)
        .map((u) => ({ rank: u.rank, name: unitNameById(deps.conference, u.unitId), value: t("scores-number", { n: round2(u.total) }), percent: percentOf(u.total, u.max), classification: u.classification })),
      classes: [...scheme, ...extra],
    });
    return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
  }

  app.get("/chi-so", (c) => {
    const { t } = c.get("signed");
    const s = deps.store.data.scores;
    const csrf = csrfInput(c);
    const ranking = s.current
      ? html`<h2>${t("desk-scores-ranking")}</h2><p><img alt="${t("desk-scores-ranking")}" style="max-width:100%" src="${rankingChart(t, s.current, !s.publishedAt)}"></p><table><tbody>${[...s.current.units]
          .sort((a, b) => a.rank - b.rank)
          .map((u) => html`<tr><td>${u.rank}</td><td>${deps.conference.unit(u.unitId)?.name ?? u.unitId}</td><td>${u.total}/${u.max}</td><td>${u.classification}</td></tr>`)}</tbody></table>`
      : "";
    return render(
      c,
      t("desk-scores-title"),
      html`<h1>${t("desk-scores-title")}</h1>${scoresState(t)}
      <form method="post" action="${base}/chi-so/tai-len" enctype="multipart/form-data">${csrf}
        <label>${t("desk-scores-upload", { mb: MAX_TABLE_BYTES / 1_000_000 })}<br><input type="file" name="file" accept=".xlsx,.csv"></label>
        <button>${t("desk-scores-upload-button")}</button></form>
      ${s.current && !s.publishedAt ? html`<form method="post" action="${base}/chi-so/cong-bo">${csrf}<input type="hidden" name="importedAt" value="${s.current.importedAt}"><button>${t("desk-scores-publish")}</button></form>` : ""}
      ${ranking}`,
    );
  });

  app.post("/chi-so/tai-len", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) throw new Refused(400, "desk-bad-input");
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
    const current = deps.store.data.scores.current;
    const id = crypto.randomUUID();
    previews.set(account.key, { id, table, replaces: current?.importedAt ?? null, at: now().getTime() });
    const summary = [importSummaryText(t, table, (u) => deps.conference.unit(u)?.name ?? u, missingUnits(deps.conference, table))];
    if (current) summary.push(t("import-replaces", { year: String(current.year), units: current.units.length, time: formatDateTime(t, current.importedAt) }));
    summary.push(t(deps.store.data.scores.publishedAt ? "import-will-unpublish" : "import-stays-unpublished"));
    const csrf = csrfInput(c);
    return render(
      c,
      t("desk-scores-title"),
      html`<h1>${t("desk-scores-title")}</h1><div class="notice">${summary.join("\n")}</div>
      <form method="post" action="${base}/chi-so/xac-nhan">${csrf}<input type="hidden" name="preview" value="${id}"><button>${t("desk-scores-confirm")}</button></form>
      <form method="post" action="${base}/chi-so/huy">${csrf}<button>${t("desk-scores-cancel")}</button></form>`,
    );
  });

  app.post("/chi-so/xac-nhan", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const pending = previews.get(account.key);
    if (!pending || pending.id !== field(body, "preview") || now().getTime() - pending.at > PREVIEW_TTL_MS) throw new Refused(400, "desk-scores-preview-gone");
    const stored = await replaceScoreTable(deps.store, { table: pending.table, by: account.key, now: now(), expectedCurrent: pending.replaces });
    previews.delete(account.key);
    deps.logger.info({ by: account.key, year: stored.year, units: stored.units.length, sample: stored.sample }, "score table replaced at the desk");
    const lines = [t("import-done", { year: String(stored.year), units: stored.units.length })];
    if (pending.replaces) lines.push(t("import-done-kept"));
    lines.push(t("import-done-unpublished"));
    return done(c, t("desk-scores-title"), lines.join("\n"), `${base}/chi-so`);
  });

  app.post("/chi-so/huy", async (c) => {
    await form(c);
    const { t, account } = c.get("signed");
    previews.delete(account.key);
    return done(c, t("desk-scores-title"), t("import-cancelled"), `${base}/chi-so`);
  });

  app.post("/chi-so/cong-bo", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const published = await publishScores(deps.store, { by: account.key, now: now(), expectedImportedAt: field(body, "importedAt") });
    deps.logger.info({ by: account.key, year: published.year }, "scores published at the desk");
    const messages = resultMessages(deps, published);
    const sent = await desk.send(messages, { kind: "result", createdBy: account.key });
    const reached = delegatesOf(deps.store.data, published);
    const lines = [t("publish-done", { year: String(published.year) })];
    if (messages.length > 0) lines.push(t("publish-sent", { sent, accounts: messages.length, units: reached.size }));
    return done(c, t("desk-scores-title"), lines.join("\n"), `${base}/chi-so`);
  });
}
