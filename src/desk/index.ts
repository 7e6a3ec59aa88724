// The organizers' desk: a Hono sub-app mounted under /ban-to-chuc/. Every page is server-rendered
// Vietnamese, works without JavaScript, and every change goes through the domain core and reaches
// the chat the way the same change typed as a command does.
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import QRCode from "qrcode";
import { buildCalendar } from "../../commands/calendar.js";
import { attendanceListInput, DOCX_MIME, makeInvitations, posterInput } from "../../commands/documents.js";
import { buildWorkbook, workbookName, XLSX_MIME } from "../../commands/export.js";
import { audienceLabel, MAX_NOTICE_TEXT, noticeCommands, noticeSummaryLines } from "../../commands/notices.js";
import { describeAnswer } from "../../commands/rsvp.js";
import { reportReplies } from "../../commands/report.js";
import type { CommandContext, Outgoing, Reply, Services } from "../../commands/types.js";
import type { Account, AccountKey, RsvpStatus, ScoreTable, SpeechVersion } from "../../storage/schema.js";
import type { Unit } from "../conference/schema.js";
import { answerOf, answerSeat, checkinRows, summarize } from "../domain/attendance.js";
import { checkInOnBehalf, removeFromUnit } from "../domain/desk-actions.js";
import { type DeskSession, DeskSessions, deskKey, maskToken, sameSecret } from "../domain/desk-sessions.js";
import { UserError } from "../domain/errors.js";
import { activeInvite, displayCode, reissueInvite, revokeInvite, roleOf } from "../domain/identity.js";
import { hallCode } from "../domain/attendance.js";
import { statusLine } from "../../commands/speech.js";
import { ackState, type Audience, LISTED_KINDS, resolveAudience } from "../domain/notices.js";
import { acceptSpeech, latestVersion, requestChanges, speechStatus } from "../domain/speeches.js";
import { delegatesOf, publishScores, replaceScoreTable } from "../domain/scores.js";
import { accountsOfUnit, unitAddress, unitName, unitNameById } from "../domain/units.js";
import type { Translate } from "../lib/i18n.js";
import { formatDateTime, formatTime, local } from "../lib/time.js";
import { buildRankingSvg } from "../scores/chart.js";
import { importSummaryText, percentOf, refusalText, round2 } from "../scores/format.js";
import { missingUnits, readScoreFile, resultMessages } from "../scores/service.js";
import { MAX_TABLE_BYTES } from "../scores/sheet.js";
import { type ParsedTable, TableRefused } from "../scores/table.js";
import { type Html, html, page, refusalPage } from "./html.js";

export const DESK_BASE = "/ban-to-chuc";
const COOKIE = "hoinghi_desk";
const STATUSES: RsvpStatus[] = ["attend", "substitute", "absent"];
/** Longest body a form other than the score upload may send. */
const MAX_FORM_BYTES = 64_000;
/** How long an import preview waits for its confirmation. */
const PREVIEW_TTL_MS = 30 * 60_000;

export interface DeskDeps extends Services {
  /** The sign-ins; made from DATA_DIR's key when absent. */
  sessions?: DeskSessions;
  /** Where the desk is mounted (default /ban-to-chuc). */
  base?: string;
}

interface Signed {
  session: DeskSession;
  account: Account;
  t: Translate;
}

type Env = { Variables: { signed: Signed } };

/** A page that refuses with one sentence and a status, nothing changed. */
class Refused extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 429,
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

function accountOf(deps: Services, key: AccountKey): Account {
  const found = deps.store.data.accounts[key];
  if (found) return found;
  const [channel = "console", ...rest] = key.split(":");
  const userId = rest.join(":");
  return { key, channel: channel as Account["channel"], userId, chatId: userId, displayName: key, language: deps.config.defaultLanguage };
}

function isOrganizer(deps: Services, key: AccountKey): boolean {
  const a = deps.store.data.accounts[key];
  return deps.config.organizerIds.has(key) || Boolean(a && roleOf(a, deps.config.organizerIds) === "organizer");
}

function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** One message per account, each in that account's language (as the commands send them). */
function messagesTo(deps: Services, accounts: Account[], build: (t: Translate) => string): Outgoing[] {
  return accounts.map((a) => ({ account: a.key, replies: [{ kind: "text", text: build(deps.i18n.forLanguage(a.language)) }] }));
}

async function send(deps: Services, messages: Outgoing[], options: Parameters<Services["notifier"]["send"]>[1]): Promise<number> {
  if (messages.length === 0) return 0;
  try {
    return await deps.notifier.send(messages, options);
  } catch (err) {
    deps.logger.warn({ err: (err as Error).message }, "desk notice not sent");
    return 0;
  }
}

export function createDesk(deps: DeskDeps): Hono<Env> {
  const base = deps.base ?? DESK_BASE;
  const sessions = deps.sessions ?? new DeskSessions(deskKey(deps.store.dir), { dataDir: deps.store.dir });
  const previews = new Map<AccountKey, { id: string; table: ParsedTable; replaces: string | null; at: number }>();
  const now = () => deps.clock.now();
  const plainT = () => deps.i18n.forLanguage(deps.config.defaultLanguage);
  const app = new Hono<Env>();

  app.onError((err, c) => {
    const t = c.get("signed")?.t ?? plainT();
    if (err instanceof Refused) return c.html(refusalPage(t, t(err.key, err.args)), err.status);
    if (err instanceof TableRefused) return c.html(refusalPage(t, refusalText(t, "", err)), 400);
    if (err instanceof UserError) return c.html(refusalPage(t, t(err.key, err.args)), 400);
    deps.logger.error({ err: (err as Error).message, path: new URL(c.req.url).pathname }, "desk page failed");
    return c.html(refusalPage(t, t("error-internal")), 500);
  });
  app.notFound((c) => c.html(refusalPage(c.get("signed")?.t ?? plainT(), (c.get("signed")?.t ?? plainT())("desk-not-found")), 404));

  // ---- Signing in and out ----

  const tooLarge = (c: Context) => {
    const t = plainT();
    return c.html(refusalPage(t, t("desk-too-large", { mb: MAX_TABLE_BYTES / 1_000_000 })), 413);
  };
  const limitUpload = bodyLimit({ maxSize: MAX_TABLE_BYTES + 64_000, onError: tooLarge });
  const limitForm = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLarge });

  /** The link's organizer, or the refusal (counted against the address). */
  function vetLink(c: Context, token: string): AccountKey {
    const address = clientAddress(c);
    if (sessions.limited(address, now())) throw new Refused(429, "desk-rate-limited");
    const checked = sessions.check(token, now());
    if (!checked.ok || !isOrganizer(deps, checked.account)) {
      sessions.recordFailure(address, now());
      deps.logger.info({ token: maskToken(token), reason: checked.ok ? "not-organizer" : checked.reason }, "desk sign-in refused");
      throw new Refused(checked.ok ? 403 : 400, checked.ok ? "desk-link-not-organizer" : `desk-link-${checked.reason}`);
    }
    return checked.account;
  }

  // Opening the link only asks to confirm: a chat app that fetches links for a preview must not use it up.
  app.get("/vao", (c) => {
    const token = c.req.query("t") ?? "";
    vetLink(c, token);
    const t = plainT();
    return c.html(
      page({
        t,
        title: t("desk-title"),
        body: html`<h1>${t("desk-title")}</h1><p>${t("desk-sign-in-confirm")}</p>
          <form method="post" action="${base}/vao"><input type="hidden" name="t" value="${token}"><button>${t("desk-sign-in-button")}</button></form>`,
      }),
      200,
      { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    );
  });

  app.post("/vao", limitForm, async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.t === "string" ? body.t : "";
    vetLink(c, token);
    const redeemed = sessions.redeem(token, now());
    if (!redeemed.ok) throw new Refused(400, `desk-link-${redeemed.reason}`);
    setCookie(c, COOKIE, redeemed.session, { httpOnly: true, sameSite: "Strict", secure: isHttps(c), path: base, maxAge: 8 * 60 * 60 });
    deps.logger.info({ by: redeemed.account }, "desk signed in");
    return c.redirect(`${base}/`, 303);
  });

  // Every other page: an open session of an account that is an organizer now.
  app.use("*", async (c, next) => {
    const session = sessions.find(getCookie(c, COOKIE), now());
    if (!session || !isOrganizer(deps, session.account)) {
      const t = plainT();
      return c.html(refusalPage(t, t("desk-need-sign-in")), 401);
    }
    const account = accountOf(deps, session.account);
    c.set("signed", { session, account, t: deps.i18n.forLanguage(account.language) });
    c.header("Cache-Control", "no-store");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    if (c.req.method !== "POST") return next();
    // The body is counted as it arrives (a missing or false Content-Length does not get past it).
    const limit = new URL(c.req.url).pathname.endsWith("/chi-so/tai-len") ? limitUpload : limitForm;
    const refused = await limit(c, next);
    if (refused instanceof Response) return refused;
  });

  /** The form's fields, once its CSRF token is checked. */
  async function form(c: Context<Env>): Promise<Record<string, string | File>>;
  async function form(c: Context<Env>, all: true): Promise<Record<string, string | string[] | File | File[]>>;
  async function form(c: Context<Env>, all = false): Promise<Record<string, string | string[] | File | File[]>> {
    const body = (await c.req.parseBody({ all })) as Record<string, string | File>;
    const token = body._csrf;
    if (typeof token !== "string" || !sameSecret(token, c.get("signed").session.csrf)) throw new Refused(403, "desk-csrf");
    return body;
  }
  const field = (body: Record<string, string | File>, name: string): string => {
    const v = body[name];
    return typeof v === "string" ? v.trim() : "";
  };
  const csrfInput = (c: Context<Env>) => html`<input type="hidden" name="_csrf" value="${c.get("signed").session.csrf}">`;

  function render(c: Context<Env>, title: string, body: Html, extra: { refresh?: number; status?: 200 | 400 } = {}) {
    const { t, account, session } = c.get("signed");
    return c.html(page({ t, title, base, who: { name: account.displayName, csrf: session.csrf }, ...(extra.refresh ? { refresh: extra.refresh } : {}), body }), extra.status ?? 200);
  }
  function done(c: Context<Env>, title: string, message: string, back: string) {
    return render(c, title, html`<p class="notice">${message}</p><p><a href="${back}">${c.get("signed").t("desk-back")}</a></p>`);
  }
  function commandContext(c: Context<Env>): CommandContext {
    const { account, t } = c.get("signed");
    const req = { channel: account.channel, userId: account.userId, chatId: account.chatId, displayName: account.displayName, text: "" };
    return { req, account, role: "organizer", args: "", t, services: deps };
  }
  function requireUnitId(id: string): Unit {
    const unit = deps.conference.unit(id);
    if (!unit) throw new Refused(404, "desk-not-found");
    return unit;
  }

  app.post("/thoat", async (c) => {
    await form(c);
    sessions.close(getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: base });
    const t = c.get("signed").t;
    return c.html(page({ t, title: t("desk-signed-out"), body: html`<p class="notice">${t("desk-signed-out")}</p>` }));
  });

  // ---- Tổng quan ----

  app.get("/", (c) => {
    const { t } = c.get("signed");
    const report = reportReplies(commandContext(c))
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

  // ---- Đơn vị ----

  app.get("/don-vi", (c) => {
    const { t } = c.get("signed");
    const data = deps.store.data;
    const csrf = csrfInput(c);
    const rows = deps.conference.units().map((unit) => {
      const seats = unit.seats.map((s) => html`<li>${s.title}: ${describeAnswer({ t }, answerOf(data, unit.id, s.id))}</li>`);
      const accounts = accountsOfUnit(data, unit.id).map(
        (a) =>
          html`<li>${a.displayName} (${a.channel}) <form class="inline" method="post" action="${base}/don-vi/${unit.id}/go-tai-khoan">${csrf}<input type="hidden" name="account" value="${a.key}"><button>${t("desk-remove-account")}</button></form></li>`,
      );
      const invite = activeInvite(data, unit.id);
      return html`<tr id="${unit.id}"><td><strong>${unitName(unit)}</strong><br>${unitAddress(unit)}</td>
        <td><ul>${seats}</ul>
          <form method="post" action="${base}/don-vi/${unit.id}/tra-loi">${csrf}
            <label>${t("desk-answer-seat")} <select name="seat">${unit.seats.map((s) => html`<option value="${s.id}">${s.title}</option>`)}</select></label>
            <label>${t("desk-answer-status")} <select name="status">${STATUSES.map((s) => html`<option value="${s}">${t(`desk-status-${s}`)}</option>`)}</select></label>
            <label>${t("desk-answer-text")} <input name="text" maxlength="600"></label>
            <button>${t("desk-answer-on-behalf")}</button></form></td>
        <td>${accounts.length > 0 ? html`<ul>${accounts}</ul>` : t("desk-no-accounts")}</td>
        <td>${invite ? html`<code>${displayCode(invite.code)}</code>` : t("desk-no-code")}
          <form method="post" action="${base}/don-vi/${unit.id}/ma-moi">${csrf}<button>${t("desk-reissue")}</button></form>
          <form method="post" action="${base}/don-vi/${unit.id}/thu-hoi">${csrf}<button>${t("desk-revoke")}</button></form></td></tr>`;
    });
    return render(
      c,
      t("desk-units-title"),
      html`<h1>${t("desk-units-title")}</h1><table><thead><tr><th>${t("desk-col-unit")}</th><th>${t("desk-col-seats")}</th><th>${t("desk-col-accounts")}</th><th>${t("desk-col-code")}</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  });

  app.post("/don-vi/:id/tra-loi", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    const seat = unit.seats.find((s) => s.id === field(body, "seat"));
    const status = field(body, "status") as RsvpStatus;
    if (!seat || !STATUSES.includes(status)) throw new Refused(400, "desk-bad-input");
    const saved = await answerSeat(deps.store, {
      unit,
      seat,
      status,
      text: field(body, "text"),
      by: { key: account.key, displayName: account.displayName, unitId: account.unitId, role: "organizer" },
      onBehalf: true,
      deadline: deps.conference.deadline("rsvp"),
      now: now(),
    });
    deps.logger.info({ by: account.key, unit: unit.id, seat: seat.id, status }, "rsvp answered on behalf at the desk");
    const told = await send(
      deps,
      messagesTo(deps, accountsOfUnit(deps.store.data, unit.id), (tt) =>
        tt("desk-rsvp-told", { unit: unitAddress(unit), seat: seat.title, answer: describeAnswer({ t: tt }, saved.answer) }),
      ),
      { kind: "result", createdBy: account.key },
    );
    const said = t("desk-answered-done", { unit: unitAddress(unit), seat: seat.title, answer: describeAnswer({ t }, saved.answer) });
    return done(c, t("desk-units-title"), `${said}\n${told > 0 ? t("desk-told", { count: told }) : t("desk-told-none")}`, `${base}/don-vi#${unit.id}`);
  });

  app.post("/don-vi/:id/ma-moi", async (c) => {
    await form(c);
    const { t, account } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    await reissueInvite(deps.store, unit.id, now());
    deps.logger.info({ by: account.key, unit: unit.id }, "invite code reissued at the desk");
    return done(c, t("desk-units-title"), t("desk-code-reissued", { unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });

  app.post("/don-vi/:id/thu-hoi", async (c) => {
    await form(c);
    const { t, account } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    const revoked = await revokeInvite(deps.store, unit.id, now());
    deps.logger.info({ by: account.key, unit: unit.id, revoked }, "invite code revoked at the desk");
    return done(c, t("desk-units-title"), t(revoked ? "desk-code-revoked" : "desk-code-none", { unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });

  app.post("/don-vi/:id/go-tai-khoan", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    const removed = await removeFromUnit(deps.store, { unitId: unit.id, account: field(body, "account"), role: "organizer" });
    deps.logger.info({ by: account.key, unit: unit.id, account: field(body, "account") }, "account removed from its unit at the desk");
    const person = deps.store.data.accounts[field(body, "account")];
    if (person) await send(deps, messagesTo(deps, [person], (tt) => tt("desk-removed-told", { name: removed.displayName, unit: unitAddress(unit) })), { kind: "result", createdBy: account.key });
    return done(c, t("desk-units-title"), t("desk-account-removed", { name: removed.displayName, unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });

  // ---- Tham luận ----

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
    const { readStoredFile } = await import("../lib/files.js");
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
    const told = await send(
      deps,
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

  // ---- Chỉ số CCHC ----

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
    const sent = await send(deps, messages, { kind: "result", createdBy: account.key });
    const reached = delegatesOf(deps.store.data, published);
    const lines = [t("publish-done", { year: String(published.year) })];
    if (messages.length > 0) lines.push(t("publish-sent", { sent, accounts: messages.length, units: reached.size }));
    return done(c, t("desk-scores-title"), lines.join("\n"), `${base}/chi-so`);
  });

  // ---- Điểm danh ----

  app.get("/diem-danh", async (c) => {
    const { t, account } = c.get("signed");
    const code = (await hallCode(deps.store, account.key, now(), false)).code.code;
    const data = deps.store.data;
    const sum = summarize(deps.conference.conf, data);
    // Expected: every invited seat not answered "absent" (a seat still unanswered may yet come).
    const coming = (u: (typeof sum.units)[number]) => u.seats.filter((s) => s.answer?.status !== "absent").length;
    const expected = sum.units.reduce((n, u) => n + coming(u), 0);
    const qr = code ? await QRCode.toDataURL(code, { margin: 1, width: 280 }) : undefined;
    const csrf = csrfInput(c);
    const arrivals = checkinRows(deps.conference.conf, data)
      .slice(-8)
      .reverse()
      .map((r) => html`<li>${formatTime(t, r.checkin.at)} — ${unitName(r.unit)}${r.seat ? html` — ${r.seat.title}` : ""}</li>`);
    const units = sum.units.map((u) => {
      const present = data.checkins.filter((ch) => ch.unitId === u.unit.id).length;
      const free = u.seats.filter((s) => !s.checkin);
      return html`<tr><td>${t("desk-board-unit", { unit: unitName(u.unit), present, expected: coming(u) })}</td>
        <td>${free.length > 0 ? html`<form method="post" action="${base}/diem-danh/thay">${csrf}<input type="hidden" name="unit" value="${u.unit.id}"><select name="seat">${free.map((s) => html`<option value="${s.seat.id}">${s.seat.title}</option>`)}</select><button>${t("desk-board-checkin")}</button></form>` : ""}</td></tr>`;
    });
    return render(
      c,
      t("desk-board-title"),
      html`<div class="board"><h1>${t("desk-board-title")}</h1>
        <p class="big" id="present">${t("desk-board-present", { present: sum.totals.checkedIn, expected })}</p>
        ${code ? html`<p>${t("desk-board-code", { code })}</p><img alt="QR" src="${qr}"><p>${t("desk-board-code-hint", { code })}</p>` : ""}
        <h2>${t("desk-board-arrivals")}</h2><ul>${arrivals}</ul></div>
        <table><tbody>${units}</tbody></table>`,
      { refresh: 10 },
    );
  });

  app.post("/diem-danh/thay", async (c) => {
    const body = await form(c);
    const { t, account } = c.get("signed");
    const unit = requireUnitId(field(body, "unit"));
    const { seat } = await checkInOnBehalf(deps.store, { unit, seatId: field(body, "seat"), role: "organizer", schedule: deps.conference.schedule(), now: now() });
    deps.logger.info({ by: account.key, unit: unit.id, seat: seat.id }, "checked in on behalf at the desk");
    return done(c, t("desk-board-title"), t("desk-board-checked", { unit: unitAddress(unit), seat: seat.title }), `${base}/diem-danh`);
  });

  // ---- Tải về ----

  /** What may be downloaded, by the name in the address; a file that cannot be made yet (no time set) is not listed. */
  type Download = { name: string; mime: string; data: Buffer };
  const downloads: Record<string, { label: string; build: (t: Translate) => Promise<Download | undefined> }> = {
    "bang-tong-hop.xlsx": {
      label: "desk-download-workbook",
      build: async (t) => ({ name: workbookName(deps.conference.conf, now()), mime: XLSX_MIME, data: await buildWorkbook(deps.store.data, deps.conference.conf, t, now()) }),
    },
    "lich-hoi-nghi.ics": {
      label: "desk-download-ics",
      build: async (t) => {
        const ics = await buildCalendar({ t, services: deps });
        return ics === undefined ? undefined : { name: "hoi-nghi.ics", mime: "text/calendar; charset=utf-8", data: Buffer.from(ics, "utf8") };
      },
    },
    // The same builders as /giaymoi, /danhsach and /diemdanh poster.
    "giay-moi.docx": {
      label: "desk-download-letters",
      build: async (t) => {
        const made = await makeInvitations(deps, t, false);
        return { name: made.all.name, mime: DOCX_MIME, data: made.all.data };
      },
    },
    "danh-sach-dai-bieu.docx": {
      label: "desk-download-list",
      build: async (t) => {
        const input = attendanceListInput(deps, t);
        const { attendanceListDocx } = await import("../documents/attendance-list.js");
        const name = `danh-sach-dai-bieu-${deps.conference.conf.id}-${local(now()).format("YYYYMMDD-HHmm")}.docx`;
        return { name, mime: DOCX_MIME, data: await attendanceListDocx(input, t) };
      },
    },
    "ap-phich-diem-danh.png": {
      label: "desk-download-poster",
      build: async (t) => {
        if (!deps.store.data.checkinCode) return undefined;
        const input = posterInput(deps, t);
        const { posterPng } = await import("../documents/poster.js");
        return { name: `diem-danh-${input.code}.png`, mime: "image/png", data: await posterPng(input) };
      },
    },
  };

  /** Whether a file can be made now: the .ics needs a time, the poster a hall code (the board issues it). */
  const canMake = (name: string) =>
    (name !== "lich-hoi-nghi.ics" || Boolean(deps.conference.schedule().start)) && (name !== "ap-phich-diem-danh.png" || Boolean(deps.store.data.checkinCode));

  app.get("/tai-ve", (c) => {
    const { t } = c.get("signed");
    const ready = Object.entries(downloads).filter(([name]) => canMake(name));
    return render(
      c,
      t("desk-downloads-title"),
      html`<h1>${t("desk-downloads-title")}</h1><ul>${ready.map(([name, d]) => html`<li><a href="${base}/tai-ve/${name}">${t(d.label)}</a></li>`)}</ul>`,
    );
  });

  app.get("/tai-ve/:name", async (c) => {
    const { t } = c.get("signed");
    // Only the names listed above: nothing typed in the address ever reaches the file system.
    const d = Object.hasOwn(downloads, c.req.param("name")) ? downloads[c.req.param("name")] : undefined;
    if (!d) throw new Refused(404, "desk-not-found");
    const file = await d.build(t);
    if (!file) throw new Refused(404, "desk-not-found");
    return c.body(new Uint8Array(file.data), 200, {
      "Content-Type": file.mime,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  });

  // ---- Thông báo ----
  // Every step runs the very commands of /thongbao (its preview, confirmation, status, resend and
  // retry), as the organizer who is signed in: the desk holds no rule of its own about notices.

  /** The audiences offered, by the word /thongbao reads; "donvi" takes the units ticked below it. */
  const AUDIENCES: Array<[string, Audience]> = [
    ["tatca", { kind: "all" }],
    ["xa", { kind: "communes" }],
    ["coquan", { kind: "agencies" }],
    ["chuatraloi", { kind: "no_rsvp" }],
    ["chuanop", { kind: "no_speech" }],
  ];
  /** A choice the commands offer, as the desk's form that does the same: the command, the desk's address. */
  const NOTICE_ACTIONS: Record<string, string> = { tbgui: "gui", tbhuy: "huy", tbguilai: "gui-lai", tbguiloi: "gui-loi" };
  const NOTICE_ID = /^[a-z0-9]{6}$/;

  async function runNoticeCommand(c: Context<Env>, name: string, args: string): Promise<Reply[]> {
    const def = noticeCommands.find((d) => d.name === name);
    if (!def) throw new Refused(404, "desk-not-found");
    return def.handler({ ...commandContext(c), args });
  }

  /** The commands' answer as a page: its text, and each choice it offers as a button posting the same step. */
  function noticeReplies(c: Context<Env>, replies: Reply[], extra: Html | string = ""): Response | Promise<Response> {
    const { t } = c.get("signed");
    const csrf = csrfInput(c);
    const parts = replies.map((r) => {
      if (r.kind !== "text" && r.kind !== "choices") return html``;
      const buttons =
        r.kind === "choices"
          ? r.choices.map((o) => {
              const [cmd = "", id = ""] = o.command.replace(/^\//, "").split(/\s+/);
              if (cmd === "tbluc") {
                return html`<form method="post" action="${base}/thong-bao/luc">${csrf}<input type="hidden" name="id" value="${id}">
                  <label>${o.label} <input type="datetime-local" name="time"></label><button>${t("desk-notices-set-time")}</button></form>`;
              }
              const action = NOTICE_ACTIONS[cmd];
              return action ? html`<form method="post" action="${base}/thong-bao/${action}">${csrf}<input type="hidden" name="id" value="${id}"><button>${o.label}</button></form>` : html``;
            })
          : [];
      return html`<div class="notice">${r.text}</div>${buttons}`;
    });
    return render(c, t("desk-nav-notices"), html`<h1>${t("desk-nav-notices")}</h1>${parts}${extra}<p><a href="${base}/thong-bao">${t("desk-back")}</a></p>`);
  }

  /** "2027-06-20T07:30" from the browser's picker as organizers type it ("07:30 20/06/2027"); anything else as typed. */
  function typedTime(raw: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(raw);
    if (m) return `${m[4]}:${m[5]} ${m[3]}/${m[2]}/${m[1]}`;
    if (/[|;]/.test(raw)) throw new Refused(400, "desk-bad-input");
    return raw;
  }

  function noticeId(body: Record<string, string | string[] | File | File[]>): string {
    const id = field(body as Record<string, string | File>, "id");
    if (!NOTICE_ID.test(id)) throw new Refused(400, "desk-bad-input");
    return id;
  }

  app.get("/thong-bao", (c) => {
    const { t } = c.get("signed");
    const data = deps.store.data;
    const csrf = csrfInput(c);
    const ctx = { t, services: deps };
    const options = AUDIENCES.map(([word, a], i) => {
      const count = resolveAudience(deps.conference, data, a).accounts.length;
      return html`<li><label><input type="radio" name="audience" value="${word}"${i === 0 ? html` checked` : ""}> ${t("notice-audience-choice", { audience: audienceLabel(ctx, a), count })}</label></li>`;
    });
    const units = deps.conference
      .units()
      .map((u) => html`<label class="unit"><input type="checkbox" name="units" value="${u.id}"> ${unitName(u)}</label> `);
    const list = data.notices
      .filter((n) => LISTED_KINDS.has(n.kind))
      .slice(-20)
      .reverse()
      .flatMap((n) => noticeSummaryLines({ ...data, notices: [n] } as typeof data, t).map((line) => html`<li><a href="${base}/thong-bao/${n.id}">${line}</a></li>`));
    return render(
      c,
      t("desk-nav-notices"),
      html`<h1>${t("desk-nav-notices")}</h1>
      <form method="post" action="${base}/thong-bao/xem" class="card">${csrf}
        <label>${t("desk-notices-text", { max: MAX_NOTICE_TEXT })}<br><textarea name="text" rows="6" cols="60" maxlength="${MAX_NOTICE_TEXT}"></textarea></label>
        <fieldset><legend>${t("desk-notices-audience")}</legend><ul>${options}
          <li><label><input type="radio" name="audience" value="donvi"> ${t("notice-audience-choice-units")}</label><br>${units}</li></ul></fieldset>
        <label>${t("desk-notices-when")} <input type="datetime-local" name="time"></label>
        <p><button>${t("desk-notices-preview")}</button></p></form>
      <h2>${t("desk-notices-sent")}</h2>${list.length > 0 ? html`<ul>${list}</ul>` : html`<p>${t("notice-status-none")}</p>`}`,
    );
  });

  app.post("/thong-bao/xem", async (c) => {
    const body = await form(c, true);
    const word = field(body as Record<string, string | File>, "audience");
    if (word !== "donvi" && !AUDIENCES.some(([w]) => w === word)) throw new Refused(400, "desk-bad-input");
    const ticked = ([] as unknown[]).concat(body.units ?? []).filter((u): u is string => typeof u === "string");
    if (word === "donvi") {
      if (ticked.length === 0) throw new UserError("notice-units-missing");
      for (const id of ticked) requireUnitId(id);
    }
    const time = field(body as Record<string, string | File>, "time");
    // The /thongbao option words; "at" is the ASCII form of "lúc" that the parser takes too (commands/notices.ts).
    const options = [word === "donvi" ? `donvi ${ticked.join(", ")}` : word, ...(time ? [`at ${typedTime(time)}`] : [])];
    const text = field(body as Record<string, string | File>, "text");
    if (!text) throw new UserError("notice-empty");
    return noticeReplies(c, await runNoticeCommand(c, "thongbao", `${options.join("; ")} | ${text}`));
  });

  app.post("/thong-bao/luc", async (c) => {
    const body = await form(c, true);
    const id = noticeId(body);
    const time = field(body as Record<string, string | File>, "time");
    if (!time) throw new Refused(400, "desk-bad-input");
    return noticeReplies(c, await runNoticeCommand(c, "tbluc", `${id} ${typedTime(time)}`));
  });

  for (const [command, action] of Object.entries(NOTICE_ACTIONS)) {
    app.post(`/thong-bao/${action}`, async (c) => {
      const id = noticeId(await form(c, true));
      const replies = await runNoticeCommand(c, command, id);
      deps.logger.info({ by: c.get("signed").account.key, notice: id, step: command }, "notice step at the desk");
      return noticeReplies(c, replies);
    });
  }

  app.get("/thong-bao/:id", async (c) => {
    const { t } = c.get("signed");
    const id = c.req.param("id");
    if (!NOTICE_ID.test(id)) throw new Refused(404, "desk-not-found");
    const replies = await runNoticeCommand(c, "thongbao", `trangthai ${id}`);
    // Who acknowledged, by name (the chat shows who has not).
    const data = deps.store.data;
    const acked = ackState(data, id).acked.map((k) => {
      const a = data.accounts[k];
      const unit = a?.unitId ? unitNameById(deps.conference, a.unitId) : "";
      return html`<li>${[unit, a?.displayName ?? k].filter(Boolean).join(": ")}</li>`;
    });
    const extra = acked.length > 0 ? html`<h2>${t("desk-notices-acked")}</h2><ul>${acked}</ul>` : "";
    return noticeReplies(c, replies, extra);
  });

  return app;
}
