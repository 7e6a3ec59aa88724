// Thông báo: write a notice, preview its audience, send or schedule it; the list of notices and each
// notice's status. Every step is an action of src/actions/notices.ts (the one /thongbao calls), and
// every page draws a view of src/views/notices.ts: the buttons come from the view's "what can be
// done" flags. A draft written here is a stored draft of its own id, beside any open in the chat.
import type { Context } from "hono";
import {
  cancelNoticeAction,
  draftNoticeAction,
  MAX_NOTICE_TEXT,
  resendNoticeAction,
  retryNoticeAction,
  scheduleNoticeAction,
  sendNoticeAction,
} from "../../actions/notices.js";
import { UserError } from "../../domain/errors.js";
import { type Audience, openDraft } from "../../domain/notices.js";
import { unitName } from "../../domain/units.js";
import { shorten } from "../../lib/text.js";
import { formatDateTime, parseLocalDateTime } from "../../lib/time.js";
import { renderMessage } from "../../messages/render.js";
import { noticeBody } from "../../outbox/render.js";
import { noticeLine } from "../../outbox/summary.js";
import { type AccountLine, AUDIENCE_OPTIONS, audienceOptions, CHANNELS, draftPreview, noticeList, noticeStatus, openDrafts } from "../../views/notices.js";
import type { NoticeDraft } from "../../../storage/schema.js";
import { type Desk, type DeskApp, type Env, field, type FormBodyAll, Refused } from "../context.js";
import { refusalOf } from "../errors.js";
import { type Html, html } from "../html.js";

const NOTICE_ID = /^[a-z0-9]{6}$/;

/** "2027-06-20T07:30" from the browser's picker, in Việt Nam's time. */
function pickedTime(raw: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(raw);
  const when = m ? parseLocalDateTime(`${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}`) : undefined;
  if (!when) throw new Refused(400, "desk-bad-input");
  return when;
}

function noticeId(body: FormBodyAll): string {
  const id = field(body, "id");
  if (!NOTICE_ID.test(id)) throw new Refused(400, "desk-bad-input");
  return id;
}

/** The audience the form picked: a word of the list, or the units ticked under "donvi". */
function pickedAudience(desk: Desk, body: FormBodyAll): Audience {
  const word = field(body, "audience");
  if (word === "donvi") {
    const ticked = ([] as unknown[]).concat(body.units ?? []).filter((u): u is string => typeof u === "string");
    if (ticked.length === 0) throw new UserError("notice-units-missing");
    return { kind: "units", unitIds: [...new Set(ticked.map((id) => desk.requireUnitId(id).id))] };
  }
  const found = AUDIENCE_OPTIONS.find(([w]) => w === word);
  if (!found) throw new Refused(400, "desk-bad-input");
  return found[1];
}

const who = (a: AccountLine) => [a.unit, a.name].filter(Boolean).join(": ");

/** A button posting one step about notice `id`. */
function step(desk: Desk, c: Context<Env>, action: string, id: string, label: string): Html {
  return html`<form method="post" action="${desk.base}/thong-bao/${action}" class="inline">${desk.csrfInput(c)}<input type="hidden" name="id" value="${id}"><button>${label}</button></form> `;
}

/** A page of Thông báo, with its heading and the way back. */
function page(desk: Desk, c: Context<Env>, body: Html): Response | Promise<Response> {
  const { t } = c.get("signed");
  return desk.render(c, t("desk-nav-notices"), html`<h1>${t("desk-nav-notices")}</h1>${body}<p><a href="${desk.base}/thong-bao">${t("desk-back")}</a></p>`);
}

/** A draft's preview: the words, who it reaches per channel, when; send, set a time, or drop it. */
function previewPage(desk: Desk, c: Context<Env>, draft: NoticeDraft): Response | Promise<Response> {
  const { t } = c.get("signed");
  const p = draftPreview(desk.deps.store.data, desk.deps.conference, draft);
  const title = desk.deps.conference.conf.short_title ?? desk.deps.conference.conf.title;
  const r = p.recipients;
  const when = draft.sendAt ? formatDateTime(t, draft.sendAt) : undefined;
  const facts = [
    draft.file ? t("notice-preview-file", { name: draft.file.name }) : "",
    t("notice-preview-audience", { audience: renderMessage(t, p.audienceName) }),
    t("notice-preview-count", { total: r.total, telegram: r.byChannel.telegram, zalo: r.byChannel.zalo, console: r.byChannel.console }),
    p.unitsWithoutAccount.length > 0 ? t("notice-preview-no-account", { count: p.unitsWithoutAccount.length, units: p.unitsWithoutAccount.join(", ") }) : "",
    p.unreachable > 0 ? t("notice-preview-unreachable", { count: p.unreachable }) : "",
    when ? t("notice-preview-when-later", { time: when }) : t("notice-preview-when-now"),
    t("notice-preview-expiry", { minutes: p.ttlMinutes }),
  ].filter(Boolean);
  const csrf = desk.csrfInput(c);
  return page(
    desk,
    c,
    html`<h2>${t("notice-preview-title", { id: draft.id })}</h2>
    <div class="speech">${draft.kind === "broadcast" ? draft.text : noticeBody(draft, t, title)}</div>
    <ul>${facts.map((f) => html`<li>${f}</li>`)}</ul>
    ${p.can.send ? step(desk, c, "gui", draft.id, when ? t("notice-choice-send-later", { time: when }) : t("notice-choice-send")) : ""}
    ${p.can.cancel ? step(desk, c, "huy", draft.id, t("notice-choice-cancel")) : ""}
    ${
      p.can.schedule
        ? html`<form method="post" action="${desk.base}/thong-bao/luc">${csrf}<input type="hidden" name="id" value="${draft.id}">
        <label class="block">${t("notice-choice-schedule")}<br><input type="datetime-local" name="time"></label><button>${t("desk-notices-set-time")}</button></form>`
        : ""
    }`,
  );
}

/** A notice's status: counts per channel, who acknowledged and who has not, what was parked, and the buttons its flags allow. */
function statusPage(desk: Desk, c: Context<Env>, id: string): Response | Promise<Response> {
  const { t } = c.get("signed");
  const s = noticeStatus(desk.deps.store.data, desk.deps.conference, desk.deps.clock.now(), id);
  const channels = CHANNELS.filter((ch) => s.counts.byChannel[ch].total > 0);
  const cols = ["sent", "failed", "unreachable", "pending", "acked"] as const;
  const counts = html`<table class="cards"><thead><tr><th>${t("desk-notices-col-channel")}</th>${cols.map((k) => html`<th class="n">${t(`desk-notices-col-${k}`)}</th>`)}</tr></thead>
    <tbody>${channels.map((ch) => {
      const x = s.counts.byChannel[ch];
      return html`<tr><th scope="row">${t(`notice-channel-${ch}`)}</th>${cols.map((k) => html`<td class="n" data-label="${t(`desk-notices-col-${k}`)}">${x[k]}</td>`)}</tr>`;
    })}</tbody></table>`;
  const people = (title: string, list: AccountLine[]) =>
    list.length > 0 ? html`<h2>${title}</h2><ul>${list.map((a) => html`<li>${who(a)} (${t(`notice-channel-${a.channel}`)})</li>`)}</ul>` : "";
  const ack = s.ack
    ? html`<p>${t("notice-status-acked", { acked: s.ack.acked.length, sent: s.counts.sent })}</p>
      ${people(t("desk-notices-acked"), s.ack.acked)}${people(t("notice-status-not-acked", { count: s.ack.missing.length }), s.ack.missing)}`
    : "";
  const parked =
    s.parked.length > 0
      ? html`<h2>${t("outbox-parked-title", { count: s.parked.length })}</h2>
        <ul>${s.parked.map((x) => html`<li>${t("desk-notices-parked-line", { who: who(x), channel: t(`notice-channel-${x.channel}`), reason: x.reason })}</li>`)}</ul>`
      : "";
  return page(
    desk,
    c,
    html`<p class="notice">${noticeLine(t, s.item)}</p>${channels.length > 0 ? counts : ""}
    ${s.scheduledFor ? html`<p>${t("notice-preview-when-later", { time: formatDateTime(t, s.scheduledFor) })}</p>` : ""}
    ${ack}${parked}
    <p>${s.can.cancel ? step(desk, c, "huy", id, t("notice-choice-cancel-scheduled")) : ""}
    ${s.can.resend > 0 ? step(desk, c, "gui-lai", id, t("notice-choice-resend", { count: s.can.resend })) : ""}
    ${s.can.retry > 0 ? step(desk, c, "gui-loi", id, t("outbox-choice-retry-parked", { count: s.can.retry })) : ""}</p>`,
  );
}

/** A form refused, to draw again: the sentence, its status, what was typed and chosen. */
interface Kept {
  text: string;
  status: Refused["status"];
  body: FormBodyAll;
}

/** Write a notice (text, audience, time), the organizer's open drafts, and the notices so far; after a refusal, the form as it was sent. */
function indexPage(desk: Desk, c: Context<Env>, kept?: Kept): Response | Promise<Response> {
  const { t } = c.get("signed");
  const data = desk.deps.store.data;
  const was = (name: string) => (kept ? field(kept.body, name) : "");
  const ticked = new Set(kept ? ([] as unknown[]).concat(kept.body.units ?? []).filter((u): u is string => typeof u === "string") : []);
  const chosen = (word: string, i: number) => (kept ? was("audience") === word : i === 0);
  const options = audienceOptions(data, desk.deps.conference).map(
    (o, i) =>
      html`<li><label><input type="radio" name="audience" value="${o.word}"${chosen(o.word, i) ? html` checked` : ""}> ${t("notice-audience-choice", { audience: renderMessage(t, o.name), count: o.count })}</label></li>`,
  );
  const units = desk.deps.conference
    .units()
    .map((u) => html`<label class="unit"><input type="checkbox" name="units" value="${u.id}"${ticked.has(u.id) ? html` checked` : ""}> ${unitName(u)}</label>`);
  // Newest first, the last twenty.
  const list = noticeList(data, { limit: 20, conference: desk.deps.conference.id })
    .reverse()
    .map((n) => html`<li><a href="${desk.base}/thong-bao/${n.id}">${noticeLine(t, n)}</a></li>`);
  const drafts = openDrafts(data, c.get("signed").account.key, desk.deps.clock.now()).map(
    (d) => html`<li><a href="${desk.base}/thong-bao/ban-nhap/${d.id}">${t("desk-notices-draft-line", { id: d.id, text: shorten(d.text.replace(/\s+/g, " "), 60), time: formatDateTime(t, d.updatedAt) })}</a></li>`,
  );
  return desk.render(
    c,
    t("desk-nav-notices"),
    html`<h1>${t("desk-nav-notices")}</h1>${drafts.length > 0 ? html`<h2>${t("desk-notices-drafts")}</h2><ul>${drafts}</ul>` : ""}
    <form method="post" action="${desk.base}/thong-bao/xem" class="card">${desk.csrfInput(c)}
      ${kept ? html`<p class="refusal" role="alert">${kept.text}</p><p>${t("desk-refused-kept-here")}</p>` : ""}
      <label class="block">${t("desk-notices-text", { max: MAX_NOTICE_TEXT })}<br><textarea name="text" rows="6" maxlength="${MAX_NOTICE_TEXT}">${was("text")}</textarea></label>
      <fieldset><legend>${t("desk-notices-audience")}</legend><ul class="plain">${options}
        <li><label><input type="radio" name="audience" value="donvi"${was("audience") === "donvi" ? html` checked` : ""}> ${t("notice-audience-choice-units")}</label><div class="unit-list">${units}</div></li></ul></fieldset>
      <label class="block">${t("desk-notices-when")}<br><input type="datetime-local" name="time" value="${was("time")}"></label>
      <p><button>${t("desk-notices-preview")}</button></p></form>
    <h2>${t("desk-notices-sent")}</h2>${list.length > 0 ? html`<ul>${list}</ul>` : html`<p>${t("notice-status-none")}</p>`}`,
    { status: kept?.status ?? 200 },
  );
}

export function registerNotices(app: DeskApp, desk: Desk): void {
  const { deps, form } = desk;
  const organizer = (c: Context<Env>) => ({ key: c.get("signed").account.key });

  app.get("/thong-bao", (c) => indexPage(desk, c));

  app.post("/thong-bao/xem", async (c) => {
    const body = await form(c, true);
    try {
      const audience = pickedAudience(desk, body);
      const time = field(body, "time");
      const { result } = await draftNoticeAction(deps, organizer(c), { text: field(body, "text"), audience, ...(time && { sendAt: pickedTime(time) }) });
      return previewPage(desk, c, result);
    } catch (err) {
      const refused = refusalOf(c.get("signed").t, err);
      if (!refused) throw err;
      return indexPage(desk, c, { ...refused, body });
    }
  });

  app.post("/thong-bao/luc", async (c) => {
    const body = await form(c, true);
    const id = noticeId(body);
    const time = field(body, "time");
    if (!time) throw new Refused(400, "desk-bad-input");
    const { result } = await scheduleNoticeAction(deps, organizer(c), id, pickedTime(time));
    return previewPage(desk, c, result);
  });

  app.post("/thong-bao/gui", async (c) => {
    const { t } = c.get("signed");
    const { result } = await sendNoticeAction(deps, organizer(c), noticeId(await form(c, true)));
    const id = result.notice.id;
    const said = result.sendAt
      ? t("notice-scheduled", { id, time: formatDateTime(t, result.sendAt), count: result.deliveries })
      : t("notice-queued", { id, count: result.deliveries });
    const unreachable = result.unreachable > 0 ? html`<p>${t("notice-preview-unreachable", { count: result.unreachable })}</p>` : "";
    return page(desk, c, html`<p class="notice">${said}</p>${unreachable}<p><a href="${desk.base}/thong-bao/${id}">${id}</a></p>`);
  });

  app.post("/thong-bao/huy", async (c) => {
    const { t } = c.get("signed");
    const { result } = await cancelNoticeAction(deps, organizer(c), noticeId(await form(c, true)));
    const key = result.was === "draft" ? "notice-cancelled" : "notice-cancelled-scheduled";
    return page(desk, c, html`<p class="notice">${t(key, { id: result.id })}</p>`);
  });

  app.post("/thong-bao/gui-lai", async (c) => {
    const { result } = await resendNoticeAction(deps, organizer(c), noticeId(await form(c, true)));
    return previewPage(desk, c, result);
  });

  app.post("/thong-bao/gui-loi", async (c) => {
    const { t } = c.get("signed");
    const { result } = await retryNoticeAction(deps, organizer(c), noticeId(await form(c, true)));
    return page(desk, c, html`<p class="notice">${t("outbox-retry-queued", { count: result.count, id: result.id })}</p>`);
  });

  app.get("/thong-bao/ban-nhap/:id", (c) => {
    const id = c.req.param("id");
    if (!NOTICE_ID.test(id)) throw new Refused(404, "desk-not-found");
    return previewPage(desk, c, openDraft(deps.store.data, id, c.get("signed").account.key, deps.clock.now()));
  });

  app.get("/thong-bao/:id", (c) => {
    const id = c.req.param("id");
    if (!NOTICE_ID.test(id)) throw new Refused(404, "desk-not-found");
    return statusPage(desk, c, id);
  });
}
