// Đơn vị: each unit's seats and answers, its accounts and its invite code; answers on behalf.
import { describeAnswer } from "../../../commands/rsvp.js";
import type { RsvpStatus } from "../../../storage/schema.js";
import { answerOf, answerSeat } from "../../domain/attendance.js";
import { removeFromUnit } from "../../domain/desk-actions.js";
import { activeInvite, displayCode, reissueInvite, revokeInvite } from "../../domain/identity.js";
import { accountsOfUnit, unitAddress, unitName } from "../../domain/units.js";
import { type Desk, type DeskApp, field, messagesTo, Refused } from "../context.js";
import { html } from "../html.js";

const STATUSES: RsvpStatus[] = ["attend", "substitute", "absent"];

export function registerUnits(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, done, form, csrfInput, requireUnitId } = desk;
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
    const told = await desk.send(
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
    if (person) await desk.send(messagesTo(deps, [person], (tt) => tt("desk-removed-told", { name: removed.displayName, unit: unitAddress(unit) })), { kind: "result", createdBy: account.key });
    return done(c, t("desk-units-title"), t("desk-account-removed", { name: removed.displayName, unit: unitAddress(unit) }), `${base}/don-vi#${unit.id}`);
  });
}
