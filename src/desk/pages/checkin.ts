// Điểm danh: the hall's board (refreshed), its code and QR code, check-in on behalf. The figures are
// the board view's (src/views/attendance.ts), as /diemdanh tinhhinh prints them; the changes are the
// actions' (src/actions/attendance.ts), as the chat makes them. Opening the board changes nothing:
// the hall code is issued by the button, never by reading the page.
import QRCode from "qrcode";
import { checkInOnBehalfAction, issueHallCodeAction } from "../../actions/attendance.js";
import { unitAddress, unitName } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { formatTime } from "../../lib/time.js";
import { type CheckinBoardView, checkinBoardView } from "../../views/attendance.js";
import { type Desk, type DeskApp, deskActor, field, Refused } from "../context.js";
import { type Html, html } from "../html.js";

/** The code in force with its QR code and the button that changes it; or "no code yet" and the button that issues one. */
async function codeBlock(t: Translate, board: CheckinBoardView, action: string, csrf: Html): Promise<Html> {
  if (!board.code) {
    return html`<p id="code">${t("desk-board-no-code")}</p>
      <form method="post" action="${action}">${csrf}<button>${t("desk-board-issue")}</button></form>`;
  }
  const code = board.code.code;
  const qr = await QRCode.toDataURL(code, { margin: 1, width: 280 });
  return html`<p id="code">${t("desk-board-code", { code })}</p><img alt="QR" src="${qr}"><p>${t("desk-board-code-hint", { code })}</p>
    <form method="post" action="${action}">${csrf}<input type="hidden" name="rotate" value="1"><button>${t("desk-board-rotate")}</button></form>`;
}

/** Units nobody has come from, and substitutes present: the same lists as /diemdanh tinhhinh. */
function listsBlock(t: Translate, board: CheckinBoardView): Html {
  const none = html`<li>${t("checkin-board-none")}</li>`;
  const nobody = board.nobody.map((u) => html`<li>${unitName(u)}</li>`);
  const substitutes = board.substitutes.map((x) => html`<li>${unitName(x.unit)}, ${x.seat.title}: ${x.name}</li>`);
  return html`<h2>${t("checkin-board-nobody-title", { count: board.nobody.length })}</h2><ul>${nobody.length > 0 ? nobody : none}</ul>
    <h2>${t("checkin-board-substitutes-title", { count: board.substitutes.length })}</h2><ul>${substitutes.length > 0 ? substitutes : none}</ul>`;
}

export function registerCheckin(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, done, form, csrfInput, requireUnitId } = desk;
  app.get("/diem-danh", async (c) => {
    const { t } = c.get("signed");
    const board = checkinBoardView(deps.conference, deps.store.data, now());
    const csrf = csrfInput(c);
    const arrivals = board.latest.map(
      (a) => html`<li>${formatTime(t, a.at)} &mdash; ${unitName(a.unit)}${a.seat ? html` &mdash; ${a.seat.title}` : ""}${a.name ? html` &mdash; ${a.name}` : ""}</li>`,
    );
    const units = board.units.map(
      (u) => html`<tr><td>${t("desk-board-unit", { unit: unitName(u.unit), present: u.present, expected: u.expected })}</td>
        <td>${u.free.length > 0 ? html`<form method="post" action="${base}/diem-danh/thay">${csrf}<input type="hidden" name="unit" value="${u.unit.id}"><select name="seat">${u.free.map((s) => html`<option value="${s.id}">${s.title}</option>`)}</select><button>${t("desk-board-checkin")}</button></form>` : ""}</td></tr>`,
    );
    return render(
      c,
      t("desk-board-title"),
      html`<div class="board"><h1>${t("desk-board-title")}</h1>
        <p class="big" id="present">${t("desk-board-present", { present: board.present, expected: board.expected })}</p>
        <p>${t("desk-board-expected-note", { unanswered: board.notAnswered })}</p>
        ${await codeBlock(t, board, `${base}/diem-danh/ma`, csrf)}
        <h2>${t("desk-board-arrivals")}</h2><ul>${arrivals}</ul></div>
        <table><tbody>${units}</tbody></table>
        ${listsBlock(t, board)}`,
      { refresh: 10 },
    );
  });

  // The hall code: issued when none is in force, or anew (rotate) — the same action as /diemdanh and /diemdanh moi.
  app.post("/diem-danh/ma", async (c) => {
    const body = await form(c);
    await issueHallCodeAction(deps, deskActor(c), field(body, "rotate") === "1");
    return c.redirect(`${base}/diem-danh`, 303);
  });

  app.post("/diem-danh/thay", async (c) => {
    const body = await form(c);
    const { t } = c.get("signed");
    const unit = requireUnitId(field(body, "unit"));
    const seat = unit.seats.find((s) => s.id === field(body, "seat"));
    if (!seat) throw new Refused(400, "desk-bad-input");
    const { result } = await checkInOnBehalfAction(deps, deskActor(c), { unit, seat });
    return done(c, t("desk-board-title"), t("desk-board-checked", { unit: unitAddress(unit), seat: result.seat.title }), `${base}/diem-danh`);
  });
}
