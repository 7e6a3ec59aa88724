// Kết luận: the Thông báo kết luận. The organizers write its parts (the opening and the tasks part are
// filled from the record), preview it, download it (whole or a unit's copy), send the draft to the
// units concerned for comments before a day, read the comments beside the draft, and issue it with its
// number and day after a question (src/desk/confirm.ts): then it is frozen, and every unit gets its
// copy with "Đã nhận". A comment a unit sent as files (through its upload page) is listed with
// them, each a download. The same views and actions as /ketluan (src/views/conclusions.ts,
// src/actions/conclusions.ts).
import { issueConclusionsAction, saveConclusionsAction, sendForCommentsAction } from "../../actions/conclusions.js";
import { type AdminDoc, type Block, placeDate } from "../../documents/admin-doc.js";
import { conclusionsCopies, conclusionsDoc, conclusionsDocx, conclusionsFileName } from "../../documents/conclusions.js";
import { DOCX_MIME } from "../../documents/invitation-data.js";
import { checkIssue, MAX_EXTRA_PARTS, STANDING_PARTS } from "../../domain/conclusions.js";
import { UserError } from "../../domain/errors.js";
import { dayText, parseDeadline } from "../../domain/tasks.js";
import { accountsOfUnit, unitName } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { formatDateTime, localDay } from "../../lib/time.js";
import { type CommentView, type ConclusionsStatusView, conclusionsDocView, conclusionsStatusView, type UnitReachView, unitsConcerned } from "../../views/conclusions.js";
import type { ConclusionsPart } from "../../../storage/schema.js";
import { confirmed } from "../confirm.js";
import { storedFileResponse } from "../download.js";
import { type Desk, type DeskApp, type DeskContext, field, type FormBodyAll } from "../context.js";
import { type Html, html } from "../html.js";

/** Free parts offered on the form beyond those written. */
const EMPTY_EXTRA = 1;

function docT(desk: Desk): Translate {
  return desk.deps.i18n.forLanguage(desk.deps.config.defaultLanguage);
}

function copies(desk: Desk) {
  const { deps } = desk;
  return conclusionsCopies(deps.conference.conf, docT(desk), (unitId) => conclusionsDocView(deps.conference, deps.store.data, unitId));
}

function stageLine(t: Translate, s: ConclusionsStatusView): string {
  if (s.issued) return t("desk-conclusions-stage-issued", { number: `${s.issued.number}/${s.issued.symbol}`, day: s.issued.dayText });
  if (s.consultation) return t("desk-conclusions-stage-comments", { deadline: s.consultation.deadlineText });
  return t("desk-conclusions-stage-draft");
}

/** The parts' form: the three standing parts, the free parts written and one more. */
function partsForm(c: DeskContext, desk: Desk, parts: ConclusionsPart[]): Html {
  const { t } = c.get("signed");
  const standing = STANDING_PARTS.map((key) => {
    const value = parts.find((p) => p.key === key)?.text ?? "";
    return html`<label class="block"><strong>${t(`conclusions-part-${key}`)}</strong><br><textarea name="${key}" rows="6" style="width:100%;font-family:inherit">${value}</textarea></label>`;
  });
  const extra = parts.filter((p) => p.key === "extra");
  const rows = [...extra, ...Array.from({ length: Math.min(EMPTY_EXTRA, MAX_EXTRA_PARTS - extra.length) }, () => ({ key: "extra" as const, title: "", text: "" }))];
  const extras = rows.map(
    (p, i) => html`<fieldset><legend>${t("desk-conclusions-extra", { n: i + 1 })}</legend>
      <label class="block">${t("desk-conclusions-extra-title")}<br><input name="extraTitle" value="${p.title ?? ""}" style="width:100%"></label>
      <label class="block">${t("desk-conclusions-extra-text")}<br><textarea name="extraText" rows="4" style="width:100%;font-family:inherit">${p.text}</textarea></label></fieldset>`,
  );
  return html`<form method="post" action="${desk.base}/ket-luan/luu">${desk.csrfInput(c)}<p class="muted">${t("desk-conclusions-parts-hint")}</p>
    ${standing}${extras}<p><button>${t("desk-conclusions-save")}</button></p></form>`;
}

/** A comment's files, each a download link with its size. */
function commentFiles(t: Translate, base: string, x: CommentView): Html {
  if (x.files.length === 0) return html``;
  const kb = (size: number) => Math.max(1, Math.round(size / 1000));
  return html`<ul>${x.files.map(
    (f, i) => html`<li><a href="${base}/ket-luan/gop-y/${x.n}/${i + 1}">${f.name}</a> <span class="muted">(${t("desk-conclusions-file-size", { kb: kb(f.size) })})</span></li>`,
  )}</ul>`;
}

function commentsList(t: Translate, s: ConclusionsStatusView, base: string): Html {
  if (s.comments.length === 0) return html`<p class="muted">${t("desk-conclusions-no-comments")}</p>`;
  return html`<ul>${s.comments.map(
    (x) =>
      html`<li><strong>${x.unit}</strong> <span class="muted">(${formatDateTime(t, x.at)}${x.late ? html`, ${t("desk-conclusions-late")}` : ""}${x.files.length > 0 ? html`, ${t("desk-conclusions-by-file")}` : ""})</span>${x.text ? html`<br>${x.text}` : ""}${commentFiles(t, base, x)}</li>`,
  )}</ul>`;
}

function reachTable(t: Translate, units: UnitReachView[]): Html {
  return html`<table class="cards"><thead><tr><th>${t("desk-conclusions-col-unit")}</th><th>${t("desk-conclusions-col-acked")}</th><th>${t("desk-conclusions-col-comments")}</th></tr></thead><tbody>${units.map(
    (u) => html`<tr><td>${u.unit}</td><td data-label="${t("desk-conclusions-col-acked")}">${t("desk-conclusions-acked", { acked: u.acked, accounts: u.accounts })}</td><td data-label="${t("desk-conclusions-col-comments")}">${u.comments}</td></tr>`,
  )}</tbody></table>`;
}

/** Send for comments: the units (those with tasks ticked) and the day. */
function askForm(c: DeskContext, desk: Desk, s: ConclusionsStatusView): Html {
  const { t } = c.get("signed");
  const { deps } = desk;
  const ticked = new Set(s.consultation?.units.map((u) => u.unitId) ?? unitsConcerned(deps.conference, deps.store.data));
  const boxes = deps.conference.units().map((u) => html`<label class="block"><input type="checkbox" name="unit" value="${u.id}"${ticked.has(u.id) ? html` checked` : ""}> ${unitName(u)}</label>`);
  return html`<section class="card"><h2>${t("desk-conclusions-ask")}</h2><form method="post" action="${desk.base}/ket-luan/gop-y">${desk.csrfInput(c)}
    <fieldset><legend>${t("desk-conclusions-ask-units")}</legend><div class="pair">${boxes}</div></fieldset>
    <label class="block">${t("desk-conclusions-ask-deadline")} <input type="date" name="deadline" value="${s.consultation?.deadline ?? ""}" required></label>
    <button>${t("desk-conclusions-ask-button")}</button></form></section>`;
}

/** Issue: the number and the day; the button leads to the question (a GET, which writes nothing). */
function issueForm(c: DeskContext, desk: Desk): Html {
  const { t } = c.get("signed");
  return html`<section class="card"><h2>${t("desk-conclusions-issue")}</h2><form method="get" action="${desk.base}/ket-luan/ban-hanh">
    <label>${t("desk-conclusions-issue-number")} <input name="number" size="8" required></label>
    <label>${t("desk-conclusions-issue-day")} <input type="date" name="day" value="${localDay(desk.now())}"></label>
    <button class="danger">${t("desk-conclusions-issue-button")}</button></form></section>`;
}

function downloads(c: DeskContext, desk: Desk): Html {
  const { t } = c.get("signed");
  const { base, deps } = desk;
  const units = deps.conference.units();
  return html`<p><a href="${base}/ket-luan/xem-truoc">${t("desk-conclusions-preview")}</a> &middot; <a href="${base}/ket-luan/thong-bao.docx">${t("desk-conclusions-download")}</a></p>
    <form method="get" action="${base}/ket-luan/thong-bao.docx"><label>${t("desk-conclusions-download-unit")} <select name="don-vi">${units.map((u) => html`<option value="${u.id}">${unitName(u)}</option>`)}</select></label>
    <button>${t("desk-conclusions-download")}</button></form>`;
}

function conclusionsPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { deps, render } = desk;
  const { t } = c.get("signed");
  const s = conclusionsStatusView(deps.conference, deps.store.data);
  const head = html`<h1>${t("desk-conclusions-title")}</h1><p class="notice">${stageLine(t, s)}</p>${downloads(c, desk)}`;
  if (s.issued) {
    return render(c, t("desk-conclusions-title"), html`${head}<section class="card"><h2>${t("desk-conclusions-reach")}</h2>${reachTable(t, s.issued.units)}</section>
      <section class="card"><h2>${t("desk-conclusions-comments")}</h2>${commentsList(t, s, desk.base)}</section>`);
  }
  return render(
    c,
    t("desk-conclusions-title"),
    html`${head}<div class="pair">${desk.forChanges(c, html`<section><h2>${t("desk-conclusions-edit")}</h2>${partsForm(c, desk, deps.store.data.conclusions.parts)}</section>`)}
      <section><h2>${t("desk-conclusions-comments")}</h2>${commentsList(t, s, desk.base)}${s.consultation ? reachTable(t, s.consultation.units) : ""}</section></div>
      ${desk.forChanges(c, html`${askForm(c, desk, s)}${issueForm(c, desk)}`)}`,
  );
}

// ---- The preview: the document's blocks as a page ----

function blockHtml(b: Block): Html {
  switch (b.kind) {
    case "heading":
      return html`<p><strong>${b.text}</strong></p>`;
    case "subheading":
      return html`<p style="text-indent:1.27cm"><strong>${b.text}</strong></p>`;
    case "text":
      return html`<p style="text-indent:1.27cm;text-align:justify">${b.italics ? html`<em>${b.text}</em>` : b.text}</p>`;
    case "list":
      return html`${b.items.map((i) => html`<p style="text-indent:1.27cm;text-align:justify">- ${i}</p>`)}`;
    default:
      return html``;
  }
}

function previewHtml(t: Translate, d: AdminDoc): Html {
  const signer = d.signers[0];
  return html`<article class="card" style="font-family:'Times New Roman',serif;max-width:48rem">
    <div class="pair"><div style="text-align:center">${(d.parentLines ?? []).map((l) => html`${l}<br>`)}${d.bodyLines.map((l) => html`<strong>${l}</strong><br>`)}${t("doc-number", { number: d.number || "...", symbol: d.symbol })}</div>
    <div style="text-align:center"><strong>${t("doc-national")}</strong><br><strong><u>${t("doc-motto")}</u></strong><br><em>${placeDate(t, d.place, d.issued)}</em></div></div>
    <p style="text-align:center"><strong>${d.kind}</strong><br><strong>${d.summary}</strong></p>${(d.marks ?? []).map((m) => html`<p style="text-align:center"><em>${m}</em></p>`)}
    ${d.body.map(blockHtml)}
    <div class="pair"><div><strong><em>${t("doc-recipients-title")}</em></strong><br>${(d.recipients ?? []).map((r) => html`- ${r}<br>`)}</div>
    <div style="text-align:center">${signer.onBehalf ? html`<strong>${signer.onBehalf}</strong><br>` : ""}<strong>${signer.title}</strong><br><br><br><strong>${signer.name}</strong></div></div></article>`;
}

// ---- Reading the forms ----

function partsOf(body: FormBodyAll): ConclusionsPart[] {
  const list = (name: string) => ([] as unknown[]).concat(body[name] ?? []).map((v) => (typeof v === "string" ? v : ""));
  const titles = list("extraTitle");
  const texts = list("extraText");
  return [
    ...STANDING_PARTS.map((key) => ({ key, text: field(body, key) })),
    ...titles.map((title, i) => ({ key: "extra" as const, title, text: texts[i] ?? "" })),
  ];
}

/** A day typed or picked ("2027-06-28", "28/6/2027"); `blank`: the day when nothing is given. */
function dayOf(text: string, now: Date, key: string, blank?: string): string {
  const day = text ? parseDeadline(text, now) : blank;
  if (!day) throw new UserError(key);
  return day;
}

function withoutText(without: string[]): { without: number; names: string } {
  return { without: without.length, names: without.join(", ") };
}

export function registerConclusions(app: DeskApp, desk: Desk): void {
  const { deps, base, done, form, now } = desk;
  app.get("/ket-luan", (c) => conclusionsPage(desk, c));

  app.get("/ket-luan/xem-truoc", (c) => {
    const { t } = c.get("signed");
    const unit = c.req.query("don-vi");
    const v = conclusionsDocView(deps.conference, deps.store.data, unit ? desk.requireUnitId(unit).id : undefined);
    const title = t("desk-conclusions-preview-title");
    return desk.render(c, title, html`<h1>${title}</h1><p><a href="${base}/ket-luan">${t("desk-back")}</a></p>${previewHtml(docT(desk), conclusionsDoc(deps.conference.conf, v, docT(desk)))}`);
  });

  app.get("/ket-luan/thong-bao.docx", async (c) => {
    const unit = c.req.query("don-vi");
    const v = conclusionsDocView(deps.conference, deps.store.data, unit ? desk.requireUnitId(unit).id : undefined);
    const data = await conclusionsDocx(deps.conference.conf, v, docT(desk));
    return c.body(new Uint8Array(data), 200, { "Content-Type": DOCX_MIME, "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(conclusionsFileName(v))}` });
  });

  // A file a unit sent as its comment (through its upload page): comment n, file i (from 1).
  app.get("/ket-luan/gop-y/:n/:i", (c) => {
    const comment = deps.store.data.conclusions.comments.find((x) => String(x.n) === c.req.param("n"));
    return storedFileResponse(c, deps.store.dir, comment?.files?.[Number(c.req.param("i")) - 1]);
  });

  app.post("/ket-luan/luu", async (c) => {
    const body = await form(c, true);
    const { t, account } = c.get("signed");
    await saveConclusionsAction(deps, account.key, { parts: partsOf(body) });
    return done(c, t("desk-conclusions-title"), t("desk-conclusions-saved"), `${base}/ket-luan`);
  });

  app.post("/ket-luan/gop-y", async (c) => {
    const body = await form(c, true);
    const { t, account } = c.get("signed");
    const units = ([] as unknown[]).concat(body.unit ?? []).filter((v): v is string => typeof v === "string");
    const deadline = dayOf(field(body, "deadline"), now(), "conclusions-bad-deadline");
    const { result } = await sendForCommentsAction(deps, account.key, { units, deadline }, copies(desk));
    const message = t("desk-conclusions-asked", { units: result.reached.units, deadline: dayText(deadline), ...withoutText(result.reached.without) });
    return done(c, t("desk-conclusions-title"), message, `${base}/ket-luan`);
  });

  confirmed(app, desk, "/ket-luan/ban-hanh", {
    ask: (c, input) => {
      const { t } = c.get("signed");
      const number = input("number");
      const day = dayOf(input("day"), now(), "conclusions-bad-day", localDay(now()));
      checkIssue(deps.store.data, { number, day, now: now() });
      const v = conclusionsDocView(deps.conference, deps.store.data);
      const reached = deps.conference.units().filter((u) => accountsOfUnit(deps.store.data, u.id).length > 0).length;
      const lines = [
        t("desk-conclusions-confirm-what", { number, symbol: v.symbol, day: dayText(day) }),
        t("desk-conclusions-confirm-sent", { units: reached }),
        t("desk-conclusions-confirm-final"),
      ];
      return { title: t("desk-conclusions-issue"), lines, button: t("desk-conclusions-issue"), back: `${base}/ket-luan`, fields: { number, day } };
    },
    run: async (c, body) => {
      const { t, account } = c.get("signed");
      const day = dayOf(field(body, "day"), now(), "conclusions-bad-day", localDay(now()));
      const { result } = await issueConclusionsAction(deps, account.key, { number: field(body, "number"), day }, copies(desk));
      const message = t("desk-conclusions-issued", { number: `${result.issued.number}/${result.issued.symbol}`, day: dayText(result.issued.day), units: result.reached.units, ...withoutText(result.reached.without) });
      return done(c, t("desk-conclusions-title"), message, `${base}/ket-luan`);
    },
  });
}
