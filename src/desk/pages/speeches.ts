// Tham luận: each assigned unit's speech, the newest version beside the one before; accept or ask for changes.
import type { Context } from "hono";
import { statusLine } from "../../../commands/speech.js";
import type { SpeechVersion } from "../../../storage/schema.js";
import { acceptSpeech, latestVersion, requestChanges, speechStatus } from "../../domain/speeches.js";
import { accountsOfUnit, unitAddress } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime } from "../../lib/time.js";
import { type Desk, type DeskApp, type Env, field, messagesTo, Refused } from "../context.js";
import { type Html, html } from "../html.js";

export function registerSpeeches(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, done, form, csrfInput, requireUnitId } = desk;
  app.get("/tham-luan", (c) => {
    const { t } = c.get("signed");
    const items = deps.conference.conf.speeches.flatMap((s) => {
      const unit = deps.conference.unit(s.unit);
      if (!unit) return [];
      const record = deps.store.data.speeches[unit.id];
      return [html`<li><a href="${base}/tham-luan/${unit.id}">${unitAddress(unit)}</a> — ${statusLine(t, record)} — ${s.topic}</li>`];
    });
    return render(c, t("desk-speeches-title"), html`<h1>${t("desk-speeches-title")}</h1><ul>${items}</ul>`);
  });

  function versionBlock(t: Translate, unitId: string, v: SpeechVersion | undefined): Html {
    if (!v) return html`<p>${t("desk-speech-no-previous")}</p>`;
    const by = deps.store.data.accounts[v.by]?.displayName ?? v.by;
    const files = v.kind === "photo" ? (v.pages ?? (v.file ? [v.file] : [])) : v.file ? [v.file] : [];
    return html`<h3>${t("desk-speech-version", { n: v.n, time: formatDateTime(t, v.at), by })}</h3>
      ${files.length > 1 ? html`<p>${t("desk-speech-pages", { count: files.length })}</p>` : ""}
      ${files.map((f, i) => html`<p><a href="${base}/tham-luan/${unitId}/tep/${v.n}/${i}">${t("desk-speech-file", { name: f.name })}</a></p>`)}
      ${v.text ? html`<div class="speech">${v.text}</div>` : ""}`;
  }

  app.get("/tham-luan/:id", (c) => {
    const { t } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    const assignment = deps.conference.speechFor(unit.id);
    if (!assignment) throw new Refused(404, "desk-not-found");
    const record = deps.store.data.speeches[unit.id];
    const latest = latestVersion(record);
    const previous = latest ? record?.versions.filter((v) => v.n < latest.n).at(-1) : undefined;
    const status = speechStatus(record);
    const csrf = csrfInput(c);
    const actions =
      latest && status !== "none"
        ? html`<div class="card">
          ${status !== "accepted" ? html`<form method="post" action="${base}/tham-luan/${unit.id}/chap-nhan">${csrf}<input type="hidden" name="version" value="${latest.n}"><button>${t("desk-speech-accept")}</button></form>` : ""}
          <form method="post" action="${base}/tham-luan/${unit.id}/yeu-cau-sua">${csrf}<input type="hidden" name="version" value="${latest.n}">
            <label>${t("desk-speech-note")}<br><textarea name="note" rows="4" cols="50" maxlength="1000"></textarea></label><br>
            <button>${t("desk-speech-changes")}</button></form></div>`
        : "";
    return render(
      c,
      t("desk-speeches-title"),
      html`<h1>${unitAddress(unit)}</h1><p>${t("desk-speech-topic", { topic: assignment.topic })}</p>
      <p><strong>${statusLine(t, record)}</strong></p>
      ${latest
        ? html`<div class="pair"><section><h2>${t("desk-speech-latest")}</h2>${versionBlock(t, unit.id, latest)}</section>
          <section><h2>${t("desk-speech-previous")}</h2>${versionBlock(t, unit.id, previous)}</section></div>`
        : html`<p>${t("desk-speech-none")}</p>`}
      ${actions}`,
    );
  });

  app.get("/tham-luan/:id/tep/:n/:i", async (c) => {
    const unit = requireUnitId(c.req.param("id"));
    const v = deps.store.data.speeches[unit.id]?.versions.find((x) => String(x.n) === c.req.param("n"));
    const files = v ? (v.kind === "photo" ? (v.pages ?? (v.file ? [v.file] : [])) : v.file ? [v.file] : []) : [];
    const f = files[Number(c.req.param("i"))];
    if (!f || !/^\d+$/.test(c.req.param("i"))) throw new Refused(404, "desk-not-found");
    const { readStoredFile } = await import("../../lib/files.js");
    const data = await readStoredFile(deps.store.dir, f.path);
    return c.body(new Uint8Array(data), 200, {
      "Content-Type": f.mime || "application/octet-stream",
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      "X-Content-Type-Options": "nosniff",
    });
  });

  async function decide(c: Context<Env>, decision: "accepted" | "changes_requested") {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const unit = requireUnitId(c.req.param("id") ?? "");
    const version = Number(field(body, "version"));
    if (!Number.isInteger(version)) throw new Refused(400, "desk-bad-input");
    const note = field(body, "note");
    if (decision === "changes_requested" && !note) throw new Refused(400, "desk-speech-note-missing");
    const input = { unitId: unit.id, version, by: account.key, now: now() };
    const result = decision === "accepted" ? await acceptSpeech(deps, input) : await requestChanges(deps, { ...input, note });
    deps.logger.info({ unit: unit.id, version, decision, by: account.key }, "speech reviewed at the desk");
    const told = await desk.send(
      messagesTo(deps, accountsOfUnit(deps.store.data, unit.id), (tt) =>
        decision === "accepted"
          ? tt("speech-review-accepted", { unit: unitAddress(unit), n: version })
          : tt("speech-review-changes", { unit: unitAddress(unit), n: version, note }),
      ),
      result.notice,
    );
    const said = t(decision === "accepted" ? "review-accepted" : "review-changes-sent", { unit: unitAddress(unit), n: version });
    return done(c, t("desk-speeches-title"), `${said}\n${told > 0 ? t("review-told", { count: told }) : t("review-told-none")}`, `${base}/tham-luan/${unit.id}`);
  }
  app.post("/tham-luan/:id/chap-nhan", (c) => decide(c, "accepted"));
  app.post("/tham-luan/:id/yeu-cau-sua", (c) => decide(c, "changes_requested"));
}
