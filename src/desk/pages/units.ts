// Đơn vị: each unit's seats and answers, its accounts and its invite code; answers on behalf.
import type { RsvpAnswer, RsvpStatus } from "../../../storage/schema.js";
import { reissueInviteAction, removeAccountsAction, revokeInviteAction } from "../../actions/accounts.js";
import { answerSeatAction } from "../../actions/attendance.js";
import { answerOf } from "../../domain/attendance.js";
import { activeInvite, displayCode } from "../../domain/identity.js";
import { accountsOfUnit, unitAddress, unitName } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { renderMessage } from "../../messages/render.js";
import { answerMessage } from "../../views/attendance.js";
import { type Desk, type DeskApp, deskActor, field, Refused } from "../context.js";
import { notify } from "../../outbox/notify.js";
import { html } from "../html.js";

/** An answer in words, as the chat writes it (src/views/attendance.ts). */
const describe = (t: Translate, answer: RsvpAnswer | undefined) => renderMessage(t, answerMessage(answer));

const STATUSES: RsvpStatus[] = ["attend", "substitute", "absent"];

export function registerUnits(app: DeskApp, desk: Desk): void {
  const { deps, base, render, done, form, csrfInput, requireUnitId } = desk;
  app.get("/don-vi", (c) => {
    const { t } = c.get("signed");
    const data = deps.store.data;
    const csrf = csrfInput(c);
    const rows = deps.conference.units().map((unit) => {
      const seats = unit.seats.map((s) => html`<li>${s.title}: ${describe(t, answerOf(data, unit.id, s.id))}</li>`);
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
    const { t } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    const seat = unit.seats.find((s) => s.id === field(body, "seat"));
    const status = field(body, "status") as RsvpStatus;
    if (!seat || !STATUSES.includes(status)) throw new Refused(400, "desk-bad-input");
    // The rule and the unit's message: src/actions/attendance.ts, as /dangky <đơn vị> … in the chat.
    const { result, notifications } = await answerSeatAction(deps, deskActor(c), { unit, seat, status, text: field(body, "text"), onBehalf: true });
    const told = (await notify(deps, notifications))[0] ?? 0;
    const said = t("desk-answered-done", { unit: unitAddress(unit), seat: seat.title, answer: describe(t, result.answer) });
    return done(c, t("desk-units-title"), `${said}\n${told > 0 ? t("desk-told", { count: told }) : t("desk-told-none")}`, `${base}/don-vi#${unit.id}`);
  });

  app.post("/don-vi/:id/ma-moi", async (c) => {
    await form(c);
    const { t } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    await reissueInviteAction(deps, deskActor(c), unit.id);
    return done(c, t("desk-units-title"), t("desk-code-reissued", { unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });

  app.post("/don-vi/:id/thu-hoi", async (c) => {
    await form(c);
    const { t } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    await revokeInviteAction(deps, deskActor(c), unit.id);
    return done(c, t("desk-units-title"), t("desk-code-revoked", { unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });

  app.post("/don-vi/:id/go-tai-khoan", async (c) => {
    const body = await form(c);
    const { t } = c.get("signed");
    const unit = requireUnitId(c.req.param("id"));
    // The rule and the person's message: src/actions/accounts.ts, as the chat's invites.remove step.
    const { result, notifications } = await removeAccountsAction(deps, deskActor(c), { unit, accounts: [field(body, "account")] });
    await notify(deps, notifications);
    const names = result.map((a) => a.displayName).join(", ");
    return done(c, t("desk-units-title"), t("desk-account-removed", { name: names, unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });
}
