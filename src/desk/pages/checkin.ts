// Điểm danh: the hall's board (refreshed), its code and QR code, check-in on behalf.
import QRCode from "qrcode";
import { checkinRows, hallCode, summarize } from "../../domain/attendance.js";
import { checkInOnBehalf } from "../../domain/desk-actions.js";
import { unitAddress, unitName } from "../../domain/units.js";
import { formatTime } from "../../lib/time.js";
import { type Desk, type DeskApp, field } from "../context.js";
import { html } from "../html.js";

export function registerCheckin(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, done, form, csrfInput, requireUnitId } = desk;
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
}
