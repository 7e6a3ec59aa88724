// Tham luận: each assigned unit's speech, the newest version beside the one before; accept or ask for changes.
// What it shows is src/views/speeches.ts, what a review does src/actions/speeches.ts (as /duyet in the chat).
import type { Context } from "hono";
import { reviewSpeechAction } from "../../actions/speeches.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime } from "../../lib/time.js";
import { notify } from "../../outbox/notify.js";
import { statusLine } from "../../speeches/format.js";
import { speechesView, type SpeechView, speechView, versionFiles, type VersionView } from "../../views/speeches.js";
import type { Unit } from "../../conference/schema.js";
import { refusalOf } from "../errors.js";
import { unitAddress } from "../../domain/units.js";
import { type Desk, type DeskApp, type Env, field, Refused } from "../context.js";
import { type Html, html } from "../html.js";

export function registerSpeeches(app: DeskApp, desk: Desk): void {
  const { deps, base, render, done, form, csrfInput, requireUnitId } = desk;
  app.get("/tham-luan", (c) => {
    const { t } = c.get("signed");
    const items = speechesView(deps.store.data, deps.conference).map(
      (s) => html`<li><a href="${base}/tham-luan/${s.unitId}">${s.unit}</a> &mdash; ${statusLine(t, s.status)} &mdash; ${s.topic}</li>`,
    );
    return render(c, t("desk-speeches-title"), html`<h1>${t("desk-speeches-title")}</h1><ul>${items}</ul>`);
  });

  /** The organizers' request for changes on version `n`, if they made one: read beside the version that answers it. */
  function requestOn(t: Translate, unitId: string, n: number): Html {
    const review = deps.store.data.speeches[unitId]?.reviews.filter((r) => r.version === n && r.decision === "changes_requested").at(-1);
    if (!review) return html``;
    const by = deps.store.data.accounts[review.by]?.displayName;
    return html`<div class="warn"><p><strong>${t("desk-speech-request", { n, time: formatDateTime(t, review.at) })}</strong>${by ? html` (${by})` : ""}</p>
      <div class="speech">${review.note ?? ""}</div></div>`;
  }

  function versionBlock(t: Translate, unitId: string, v: VersionView | undefined): Html {
    if (!v) return html`<p>${t("desk-speech-no-previous")}</p>`;
    const { by, files } = v;
    return html`<h3>${t("desk-speech-version", { n: v.n, time: formatDateTime(t, v.at), by })}</h3>
      ${files.length > 1 ? html`<p>${t("desk-speech-pages", { count: files.length })}</p>` : ""}
      ${files.map((f, i) => html`<p><a href="${base}/tham-luan/${unitId}/tep/${v.n}/${i}">${t("desk-speech-file", { name: f.name })}</a></p>`)}
      ${v.text ? html`<div class="speech">${v.text}</div>` : ""}
      ${requestOn(t, unitId, v.n)}`;
  }

  /** The review's two buttons; a refused request comes back with its refusal and the note as typed. */
  function reviewForms(c: Context<Env>, unit: Unit, view: SpeechView, refused?: { text: string; note: string }): Html {
    const { t } = c.get("signed");
    const { latest } = view;
    if (!latest || view.status.status === "none") return html``;
    const csrf = csrfInput(c);
    return html`<div class="card">
      ${refused ? html`<p class="refusal" role="alert">${refused.text}</p>` : ""}
      ${view.status.status !== "accepted" ? html`<form method="post" action="${base}/tham-luan/${unit.id}/chap-nhan">${csrf}<input type="hidden" name="version" value="${latest.n}"><button>${t("desk-speech-accept")}</button></form>` : ""}
      <form method="post" action="${base}/tham-luan/${unit.id}/yeu-cau-sua">${csrf}<input type="hidden" name="version" value="${latest.n}">
        <label class="block">${t("desk-speech-note")}<br><textarea name="note" rows="4" maxlength="1000">${refused?.note ?? ""}</textarea></label>
        <button>${t("desk-speech-changes")}</button></form></div>`;
  }

  function speechPage(c: Context<Env>, unit: Unit, refused?: { text: string; note: string; status: Refused["status"] }) {
    const { t } = c.get("signed");
    if (!deps.conference.speechFor(unit.id)) throw new Refused(404, "desk-not-found");
    const view = speechView(deps.store.data, deps.conference, unit);
    const { latest, previous } = view;
    return render(
      c,
      t("desk-speeches-title"),
      html`<p><a href="${base}/tham-luan">${t("desk-speeches-all")}</a></p><h1>${view.unit}</h1><p>${t("desk-speech-topic", { topic: view.topic })}</p>
      <p><strong>${statusLine(t, view.status)}</strong></p>
      ${latest
        ? html`<div class="pair"><section><h2>${t("desk-speech-latest")}</h2>${versionBlock(t, unit.id, latest)}</section>
          <section><h2>${t("desk-speech-previous")}</h2>${versionBlock(t, unit.id, previous)}</section></div>`
        : html`<p>${t("desk-speech-none")}</p>`}
      ${reviewForms(c, unit, view, refused)}`,
      { status: refused?.status ?? 200 },
    );
  }

  app.get("/tham-luan/:id", (c) => speechPage(c, requireUnitId(c.req.param("id"))));

  app.get("/tham-luan/:id/tep/:n/:i", async (c) => {
    const unit = requireUnitId(c.req.param("id"));
    const v = deps.store.data.speeches[unit.id]?.versions.find((x) => String(x.n) === c.req.param("n"));
    const files = v ? versionFiles(v) : [];
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
    let reviewed: Awaited<ReturnType<typeof reviewSpeechAction>>;
    try {
      if (decision === "changes_requested" && !note) throw new Refused(400, "desk-speech-note-missing");
      reviewed = await reviewSpeechAction(deps, account.key, { unitId: unit.id, version, decision, ...(note ? { note } : {}) });
    } catch (err) {
      const refused = refusalOf(t, err);
      if (!refused) throw err;
      return speechPage(c, unit, { ...refused, note });
    }
    const [told = 0] = await notify(deps, reviewed.notifications);
    const said = t(decision === "accepted" ? "review-accepted" : "review-changes-sent", { unit: unitAddress(unit), n: version });
    return done(c, t("desk-speeches-title"), `${said}\n${told > 0 ? t("review-told", { count: told }) : t("review-told-none")}`, `${base}/tham-luan/${unit.id}`);
  }
  app.post("/tham-luan/:id/chap-nhan", (c) => decide(c, "accepted"));
  app.post("/tham-luan/:id/yeu-cau-sua", (c) => decide(c, "changes_requested"));
}
