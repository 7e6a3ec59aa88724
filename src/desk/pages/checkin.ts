// Điểm danh: the hall's board (refreshed), its code and QR code, check-in on behalf. The figures are
// the board view's (src/views/attendance.ts), as /diemdanh tinhhinh prints them; the changes are the
// actions' (src/actions/attendance.ts), as the chat makes them. Opening the board changes nothing:
// the hall code is issued by the button, never by reading the page.
import { checkInOnBehalfAction, issueHallCodeAction } from "../../actions/attendance.js";
import { unitAddress, unitName } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { type CheckinBoardView, checkinBoardView } from "../../views/attendance.js";
import { type Desk, type DeskApp, type DeskContext, deskActor, field, Refused } from "../context.js";
import { confirmed } from "../confirm.js";
import { type Html, html } from "../html.js";
import { arrivalLine, hallQr, LIVE_SCRIPT, liveHook, qrImage } from "../live.js";

/** The code in force with its QR code and the button that changes it (after a question); or "no code yet" and the button that issues one (nothing on a closed conference). */
async function codeBlock(desk: Desk, c: DeskContext, board: CheckinBoardView, csrf: Html): Promise<Html> {
  const { base, deps } = desk;
  const { t } = c.get("signed");
  if (!board.code) {
    return desk.forChanges(c, html`<p id="code">${t("desk-board-no-code")}</p>
      <form method="post" action="${base}/diem-danh/ma">${csrf}<button>${t("desk-board-issue")}</button></form>`);
  }
  const code = board.code.code;
  const qr = await qrImage(hallQr(deps, code));
  return html`<p id="code">${t("desk-board-code", { code })}</p><img alt="${t("desk-hall-qr-alt")}" src="${qr}"><p>${t("desk-board-code-hint", { code })}</p>
    <p><a class="button" href="${base}/diem-danh/doi-ma">${t("desk-board-rotate")}</a></p>`;
}

/** Units nobody has come from, and substitutes present: the same lists as /diemdanh tinhhinh. */
function listsBlock(t: Translate, board: CheckinBoardView): Html {
  const none = html`<li>${t("checkin-board-none")}</li>`;
  const nobody = board.nobody.map((u) => html`<li>${unitName(u)}</li>`);
  const substitutes = board.substitutes.map((x) => html`<li>${unitName(x.unit)}, ${x.seat.title}: ${x.name}</li>`);
  return html`<h2>${t("checkin-board-nobody-title", { count: board.nobody.length })}</h2><ul>${nobody.length > 0 ? nobody : none}</ul>
    <h2>${t("checkin-board-substitutes-title", { count: board.substitutes.length })}</h2><ul>${substitutes.length > 0 ? substitutes : none}</ul>`;
}

/** Each unit's count, with its free seats to check in on behalf (a labelled list; the script drops a seat once taken, keeping the one chosen); only the counts on a closed conference. */
function unitsTable(desk: Desk, c: DeskContext, board: CheckinBoardView, csrf: Html): Html {
  const { t } = c.get("signed");
  const changes = !desk.closedShown(c);
  const rows = board.units.map((u) => {
    const id = `seat-${u.unit.id}`;
    const form =
      u.free.length > 0
        ? html`<form method="post" action="${desk.base}/diem-danh/thay">${csrf}<input type="hidden" name="unit" value="${u.unit.id}">
          <label class="sr" for="${id}">${t("desk-board-seat-label", { unit: unitAddress(u.unit) })}</label>
          <select id="${id}" name="seat" data-live-free="${u.unit.id}">${u.free.map((s) => html`<option value="${s.id}">${s.title}</option>`)}</select>
          <button>${t("desk-board-checkin")}<span class="sr"> &mdash; ${unitAddress(u.unit)}</span></button></form>`
        : "";
    return html`<tr><td data-live-unit="${u.unit.id}">${t("desk-board-unit", { unit: unitName(u.unit), present: u.present, expected: u.expected })}</td>${changes ? html`<td>${form}</td>` : ""}</tr>`;
  });
  return html`<table class="cards"><thead><tr><th>${t("desk-col-unit")}</th>${changes ? html`<th>${t("desk-board-checkin")}</th>` : ""}</tr></thead><tbody>${rows}</tbody></table>`;
}

export function registerCheckin(app: DeskApp, desk: Desk): void {
  const { deps, base, now, render, done, form, csrfInput, requireUnitId } = desk;
  app.get("/diem-danh", async (c) => {
    const { t } = c.get("signed");
    const board = checkinBoardView(deps.conference, deps.store.data, now());
    const csrf = csrfInput(c);
    return render(
      c,
      t("desk-board-title"),
      html`${liveHook(desk)}<div class="board"><h1>${t("desk-board-title")}</h1>
        <p class="big" data-live="present" id="present">${t("desk-board-present", { present: board.present, expected: board.expected })}</p>
        <p>${t("desk-board-expected-note", { unanswered: board.notAnswered })}</p></div>
        <p><a class="button" href="${base}/le-tan">${t("desk-nav-reception")}</a> <a class="button" href="${base}/man-hinh">${t("desk-hall-open")}</a></p>
        <div class="board">${await codeBlock(desk, c, board, csrf)}
        <h2>${t("desk-board-arrivals")}</h2><ul data-live="arrivals">${board.latest.map((a) => html`<li>${arrivalLine(t, a)}</li>`)}</ul></div>
        ${unitsTable(desk, c, board, csrf)}
        ${listsBlock(t, board)}`,
      { script: LIVE_SCRIPT },
    );
  });

  // The hall code: issued when none is in force — the same action as /diemdanh. Changing it asks first (below).
  app.post("/diem-danh/ma", async (c) => {
    const body = await form(c);
    if (field(body, "rotate") === "1") return c.redirect(`${base}/diem-danh/doi-ma`, 303);
    await issueHallCodeAction(deps, deskActor(c), false);
    return c.redirect(`${base}/diem-danh`, 303);
  });

  // A new code (as /diemdanh moi): the code on the screen and on posters printed stops working, so it asks first.
  confirmed(app, desk, "/diem-danh/doi-ma", {
    ask: (c) => {
      const { t } = c.get("signed");
      const code = deps.store.data.checkinCode?.code;
      if (!code) throw new Refused(404, "desk-board-no-code-to-rotate");
      return { title: t("desk-board-rotate"), lines: [t("desk-confirm-rotate", { code })], button: t("desk-confirm-rotate-button"), back: `${base}/diem-danh` };
    },
    run: async (c) => {
      await issueHallCodeAction(deps, deskActor(c), true);
      return c.redirect(`${base}/diem-danh`, 303);
    },
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
