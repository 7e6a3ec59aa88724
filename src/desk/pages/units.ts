// Đơn vị: the list of units (answers, accounts, invite code at a glance), and one page per unit with
// its seats and answers, the answer on behalf, its accounts and its invite code. Removing an
// account, a new code and revoking the code each ask first (src/desk/confirm.ts): the code is
// printed on letters already sent.
import type { Account, RsvpAnswer, RsvpStatus } from "../../../storage/schema.js";
import { reissueInviteAction, removeAccountsAction, revokeInviteAction } from "../../actions/accounts.js";
import { answerSeatAction } from "../../actions/attendance.js";
import type { Unit } from "../../conference/schema.js";
import { answerOf } from "../../domain/attendance.js";
import { activeInvite, displayCode } from "../../domain/identity.js";
import { accountsOfUnit, unitAddress } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { renderMessage } from "../../messages/render.js";
import { notify } from "../../outbox/notify.js";
import { answerMessage } from "../../views/attendance.js";
import { confirmed } from "../confirm.js";
import { type Desk, type DeskApp, type DeskContext, deskActor, field, type FormBody, Refused } from "../context.js";
import { refusalOf } from "../errors.js";
import { type Html, html } from "../html.js";

/** An answer in words, as the chat writes it (src/views/attendance.ts). */
export const describeAnswer = (t: Translate, answer: RsvpAnswer | undefined) => renderMessage(t, answerMessage(answer));

const STATUSES: RsvpStatus[] = ["attend", "substitute", "absent"];

/** The list: each unit's name (a link to its page), how many seats answered, its accounts and its code. */
function listPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { deps, base } = desk;
  const { t } = c.get("signed");
  const data = deps.store.data;
  const rows = deps.conference.units().map((unit) => {
    const answered = unit.seats.filter((s) => answerOf(data, unit.id, s.id)).length;
    const invite = activeInvite(data, unit.id);
    return html`<tr id="${unit.id}"><td><a href="${base}/don-vi/${unit.id}">${unitAddress(unit)}</a></td>
      <td data-label="${t("desk-col-answered")}">${t("desk-units-answered", { answered, seats: unit.seats.length })}</td>
      <td data-label="${t("desk-col-accounts")}">${accountsOfUnit(data, unit.id).length}</td>
      <td data-label="${t("desk-col-code")}">${invite ? html`<code>${displayCode(invite.code)}</code>` : t("desk-no-code")}</td></tr>`;
  });
  return desk.render(
    c,
    t("desk-units-title"),
    html`<h1>${t("desk-units-title")}</h1><p>${t(desk.closedShown(c) ? "desk-units-hint-closed" : "desk-units-hint")}</p>
    <table class="cards"><thead><tr><th>${t("desk-col-unit")}</th><th>${t("desk-col-answered")}</th><th>${t("desk-col-accounts")}</th><th>${t("desk-col-code")}</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
}

/** The answer on behalf, with what was typed when it comes back refused. */
function answerForm(desk: Desk, c: DeskContext, unit: Unit, kept?: FormBody): Html {
  const { t } = c.get("signed");
  const was = (name: string) => (kept ? field(kept, name) : "");
  const option = (value: string, label: string, chosen: boolean) => html`<option value="${value}"${chosen ? html` selected` : ""}>${label}</option>`;
  return html`<form method="post" action="${desk.base}/don-vi/${unit.id}/tra-loi" class="card">${desk.csrfInput(c)}
    <h2>${t("desk-answer-on-behalf")}</h2>
    <label class="block">${t("desk-answer-seat")}<br><select name="seat">${unit.seats.map((s) => option(s.id, s.title, was("seat") === s.id))}</select></label>
    <label class="block">${t("desk-answer-status")}<br><select name="status">${STATUSES.map((s) => option(s, t(`desk-status-${s}`), was("status") === s))}</select></label>
    <label class="block">${t("desk-answer-text")}<br><input name="text" maxlength="600" size="40" value="${was("text")}"></label>
    <button>${t("desk-answer-on-behalf")}</button></form>`;
}

/** An account of the unit, with the way to remove it (a question first). */
function accountLine(desk: Desk, t: Translate, unit: Unit, a: Account): Html {
  const ask = `${desk.base}/don-vi/${unit.id}/go-tai-khoan?${new URLSearchParams({ account: a.key })}`;
  return html`<li>${a.displayName || t("desk-account-unnamed")} (${t(`notice-channel-${a.channel}`)}) <a class="button" href="${ask}">${t("desk-remove-account")}<span class="sr"> &mdash; ${a.displayName}</span></a></li>`;
}

/** One unit: its seats and answers, the answer on behalf, its accounts, its invite code. A refused answer comes back here with the refusal and the form as typed. */
function unitPage(desk: Desk, c: DeskContext, unit: Unit, refused?: { text: string; status: Refused["status"]; kept: FormBody }): Response | Promise<Response> {
  const { deps, base } = desk;
  const { t } = c.get("signed");
  const data = deps.store.data;
  const seats = unit.seats.map((s) => html`<tr><td>${s.title}</td><td>${describeAnswer(t, answerOf(data, unit.id, s.id))}</td></tr>`);
  const accounts = accountsOfUnit(data, unit.id).map((a) => accountLine(desk, t, unit, a));
  const invite = activeInvite(data, unit.id);
  return desk.render(
    c,
    unitAddress(unit),
    html`<p><a href="${base}/don-vi">${t("desk-units-all")}</a></p><h1>${unitAddress(unit)}</h1>
    ${refused ? html`<p class="refusal" role="alert">${refused.text}</p><p>${t("desk-refused-kept-here")}</p>` : ""}
    <table><thead><tr><th>${t("desk-col-seat")}</th><th>${t("desk-col-answer")}</th></tr></thead><tbody>${seats}</tbody></table>
    ${answerForm(desk, c, unit, refused?.kept)}
    <div class="card"><h2>${t("desk-col-accounts")}</h2>${accounts.length > 0 ? html`<ul class="plain">${accounts}</ul>` : html`<p>${t("desk-no-accounts")}</p>`}</div>
    <div class="card"><h2>${t("desk-col-code")}</h2><p>${invite ? html`<code>${displayCode(invite.code)}</code>` : t("desk-no-code")}</p>
      <p><a class="button" href="${base}/don-vi/${unit.id}/ma-moi">${t("desk-reissue")}</a>
      ${invite ? html` <a class="button" href="${base}/don-vi/${unit.id}/thu-hoi">${t("desk-revoke")}</a>` : ""}</p></div>`,
    { status: refused?.status ?? 200 },
  );
}

/** The unit's current code, as the questions name it. */
function currentCode(desk: Desk, t: Translate, unit: Unit): string {
  const invite = activeInvite(desk.deps.store.data, unit.id);
  return invite ? displayCode(invite.code) : t("desk-no-code");
}

function registerCodeQuestions(app: DeskApp, desk: Desk): void {
  const { deps, base, done, requireUnitId } = desk;
  const unitOf = (c: DeskContext) => requireUnitId(c.req.param("id") ?? "");
  confirmed(app, desk, "/don-vi/:id/ma-moi", {
    ask: (c) => {
      const { t } = c.get("signed");
      const unit = unitOf(c);
      const code = currentCode(desk, t, unit);
      return { title: t("desk-confirm-reissue-title", { unit: unitAddress(unit) }), lines: [t("desk-confirm-reissue", { code }), t("desk-confirm-reissue-after")], button: t("desk-reissue"), back: `${base}/don-vi/${unit.id}` };
    },
    run: async (c) => {
      const { t } = c.get("signed");
      const unit = unitOf(c);
      await reissueInviteAction(deps, deskActor(c), unit.id);
      return done(c, t("desk-units-title"), t("desk-code-reissued", { unit: unitAddress(unit) }), `${base}/don-vi/${unit.id}`);
    },
  });
  confirmed(app, desk, "/don-vi/:id/thu-hoi", {
    ask: (c) => {
      const { t } = c.get("signed");
      const unit = unitOf(c);
      return { title: t("desk-confirm-revoke-title", { unit: unitAddress(unit) }), lines: [t("desk-confirm-revoke", { code: currentCode(desk, t, unit) })], button: t("desk-revoke"), back: `${base}/don-vi/${unit.id}` };
    },
    run: async (c) => {
      const { t } = c.get("signed");
      const unit = unitOf(c);
      await revokeInviteAction(deps, deskActor(c), unit.id);
      return done(c, t("desk-units-title"), t("desk-code-revoked", { unit: unitAddress(unit) }), `${base}/don-vi/${unit.id}`);
    },
  });
}

function registerRemoval(app: DeskApp, desk: Desk): void {
  const { deps, base, done, requireUnitId } = desk;
  confirmed(app, desk, "/don-vi/:id/go-tai-khoan", {
    ask: (c, input) => {
      const { t } = c.get("signed");
      const unit = requireUnitId(c.req.param("id") ?? "");
      const account = deps.store.data.accounts[input("account")];
      // The rule itself (the account belongs to the unit) is the action's: here only what to name.
      if (!account) throw new Refused(404, "desk-not-found");
      const name = account.displayName || t("desk-account-unnamed");
      return {
        title: t("desk-confirm-remove-title"),
        lines: [t("desk-confirm-remove", { name, channel: t(`notice-channel-${account.channel}`), unit: unitAddress(unit) })],
        button: t("desk-remove-account"),
        back: `${base}/don-vi/${unit.id}`,
        fields: { account: account.key },
      };
    },
    run: async (c, body) => {
      const { t } = c.get("signed");
      const unit = requireUnitId(c.req.param("id") ?? "");
      // The rule and the person's message: src/actions/accounts.ts, as the chat's invites.remove step.
      const { result, notifications } = await removeAccountsAction(deps, deskActor(c), { unit, accounts: [field(body, "account")] });
      await notify(deps, notifications);
      const names = result.map((a) => a.displayName).join(", ");
      return done(c, t("desk-units-title"), t("desk-account-removed", { name: names, unit: unitAddress(unit) }), `${base}/don-vi/${unit.id}`);
    },
  });
}

export function registerUnits(app: DeskApp, desk: Desk): void {
  const { deps, base, done, form, requireUnitId } = desk;
  app.get("/don-vi", (c) => listPage(desk, c));
  app.get("/don-vi/:id", (c) => unitPage(desk, c, requireUnitId(c.req.param("id"))));

  app.post("/don-vi/:id/tra-loi", async (c) => {
    const body = await form(c);
    const { t } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    try {
      const seat = unit.seats.find((s) => s.id === field(body, "seat"));
      const status = field(body, "status") as RsvpStatus;
      if (!seat || !STATUSES.includes(status)) throw new Refused(400, "desk-bad-input");
      // The rule and the unit's message: src/actions/attendance.ts, as /dangky <đơn vị> … in the chat.
      const { result, notifications } = await answerSeatAction(deps, deskActor(c), { unit, seat, status, text: field(body, "text"), onBehalf: true });
      const told = (await notify(deps, notifications))[0] ?? 0;
      const said = t("desk-answered-done", { unit: unitAddress(unit), seat: seat.title, answer: describeAnswer(t, result.answer) });
      return done(c, unitAddress(unit), `${said}\n${told > 0 ? t("desk-told", { count: told }) : t("desk-told-none")}`, `${base}/don-vi/${unit.id}`);
    } catch (err) {
      const refused = refusalOf(t, err);
      if (!refused) throw err;
      return unitPage(desk, c, unit, { ...refused, kept: body });
    }
  });

  registerCodeQuestions(app, desk);
  registerRemoval(app, desk);
}
