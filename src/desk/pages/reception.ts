// Lễ tân: the reception desk on the day, on a tablet or a phone. Type a unit or a person (without
// diacritics if need be), one tap checks a seat in. Without JavaScript it is a search form (GET) and
// one form per seat (POST, then back to the same search); with it the list filters as one types,
// a tap posts with fetch and gets JSON, and the figures come live (src/desk/live.ts). The rule and
// its refusals are the chat's (checkInOnBehalfAction, as /diemdanh Mường So 2).
import { checkInOnBehalfAction } from "../../actions/attendance.js";
import type { Seat, Unit } from "../../conference/schema.js";
import { accountsOfUnit, unitAddress, unitName } from "../../domain/units.js";
import type { Translate } from "../../lib/i18n.js";
import { fold } from "../../lib/text.js";
import { formatTime } from "../../lib/time.js";
import type { SeatRow } from "../../domain/attendance.js";
import { attendanceView, checkinBoardView } from "../../views/attendance.js";
import { type Desk, type DeskApp, type DeskContext, deskActor, field, Refused } from "../context.js";
import { refusalOf, wantsJson } from "../errors.js";
import { type Html, html } from "../html.js";
import { LIVE_SCRIPT, liveFigures, liveHook } from "../live.js";
import { describeAnswer } from "./units.js";

/** Whether every word of the query is in the text (both folded). */
function matches(words: string[], text: string): boolean {
  const folded = fold(text);
  return words.every((w) => folded.includes(w));
}

/** One seat: who answered for it, and either "checked in at …" or the button (the script swaps them as the figures come). */
function seatRow(desk: Desk, c: DeskContext, s: SeatRow, query: string, shown: boolean): Html {
  const { t } = c.get("signed");
  const { unit, seat } = s;
  return html`<li data-search="${seat.title} ${s.answer?.name ?? ""}" data-seat="${unit.id}/${seat.id}" data-checked="${s.checkin ? "1" : "0"}"${shown ? "" : html` hidden`}>
    <span class="who"><strong>${seat.title}</strong><br><span class="muted">${describeAnswer(t, s.answer)}</span></span>
    <span class="seat-done">${s.checkin ? t("desk-reception-checked-at", { time: formatTime(t, s.checkin.at) }) : t("desk-reception-checked")}</span>
    <form class="seat-go" method="post" action="${desk.base}/le-tan/diem-danh" data-live-post>${desk.csrfInput(c)}
      <input type="hidden" name="unit" value="${unit.id}"><input type="hidden" name="seat" value="${seat.id}"><input type="hidden" name="q" value="${query}">
      <button>${t("desk-reception-checkin")}<span class="sr"> &mdash; ${seat.title}, ${unitAddress(unit)}</span></button></form></li>`;
}

/** Every unit with its seats; those not matching the query hidden (the HTML attribute: it works without the script). */
function unitBlocks(desk: Desk, c: DeskContext, query: string): { blocks: Html[]; found: number } {
  const { t } = c.get("signed");
  const data = desk.deps.store.data;
  const words = fold(query).split(" ").filter(Boolean);
  let found = 0;
  const blocks = attendanceView(desk.deps.conference.conf, data).units.map((u) => {
    const head = [unitAddress(u.unit), unitName(u.unit), ...accountsOfUnit(data, u.unit.id).map((a) => a.displayName)].join(" ");
    const rows = u.seats.map((s) => {
      const shown = matches(words, `${head} ${s.seat.title} ${s.answer?.name ?? ""}`);
      if (shown) found += 1;
      return { s, shown };
    });
    const any = rows.some((r) => r.shown);
    return html`<section class="unit" data-search-group="${head}"${any ? "" : html` hidden`}>
      <h2>${unitAddress(u.unit)} <span class="muted" data-live-unitcount="${u.unit.id}">${t("desk-reception-unit-count", { present: u.present, expected: u.expected })}</span></h2>
      <ul class="seats">${rows.map((r) => seatRow(desk, c, r.s, query, r.shown))}</ul></section>`;
  });
  return { blocks, found };
}

/** The seat named in the address after a check-in without the script ("muong-so/chair"), if it is checked in. */
function justChecked(desk: Desk, t: Translate, done: string): string {
  const [unitId = "", seatId = ""] = done.split("/");
  const unit = desk.deps.conference.unit(unitId);
  const seat = unit?.seats.find((s) => s.id === seatId);
  const checked = desk.deps.store.data.checkins.some((x) => x.unitId === unitId && x.seatId === seatId);
  return unit && seat && checked ? checkedText(t, unit, seat) : "";
}

const checkedText = (t: Translate, unit: Unit, seat: Seat) => t("desk-board-checked", { unit: unitAddress(unit), seat: seat.title });

function receptionPage(desk: Desk, c: DeskContext): Response | Promise<Response> {
  const { t } = c.get("signed");
  const query = (c.req.query("q") ?? "").trim().slice(0, 100);
  const said = justChecked(desk, t, c.req.query("da") ?? "");
  const board = checkinBoardView(desk.deps.conference, desk.deps.store.data, desk.now());
  const { blocks, found } = unitBlocks(desk, c, query);
  return desk.render(
    c,
    t("desk-reception-title"),
    html`${liveHook(desk)}<h1>${t("desk-reception-title")}</h1>
    <p class="reception-count" data-live="present">${t("desk-board-present", { present: board.present, expected: board.expected })}</p>
    <form method="get" action="${desk.base}/le-tan" role="search" class="reception-search">
      <label for="q">${t("desk-reception-search")}</label>
      <span class="row"><input id="q" name="q" type="search" value="${query}" autocomplete="off" data-live-search><button>${t("desk-reception-search-button")}</button></span></form>
    <p data-live="message" role="status" aria-live="polite" class="${said ? "notice" : ""}"${said ? "" : html` hidden`}>${said}</p>
    <p data-live="none"${found > 0 ? html` hidden` : ""}>${t("desk-reception-none")}</p>
    <div class="reception">${blocks}</div>`,
    { script: LIVE_SCRIPT },
  );
}

export function registerReception(app: DeskApp, desk: Desk): void {
  const { deps, base, form, requireUnitId } = desk;
  app.get("/le-tan", (c) => receptionPage(desk, c));

  // One tap: the seat checked in. Asked with fetch (Accept: application/json) the answer is JSON
  // with the figures; from the plain form, back to the same search with the sentence. A refusal before
  // this handler (a closed conference's 409, a stale CSRF token) is JSON too (errors.ts).
  app.post("/le-tan/diem-danh", async (c) => {
    const body = await form(c);
    const { t } = c.get("signed");
    const json = wantsJson(c);
    try {
      const unit = requireUnitId(field(body, "unit"));
      const seat = unit.seats.find((s) => s.id === field(body, "seat"));
      if (!seat) throw new Refused(400, "desk-bad-input");
      await checkInOnBehalfAction(deps, deskActor(c), { unit, seat });
      if (!json) return c.redirect(`${base}/le-tan?${new URLSearchParams({ q: field(body, "q"), da: `${unit.id}/${seat.id}` })}`, 303);
      return c.json({ ok: true, message: checkedText(t, unit, seat), live: await liveFigures(desk, t) });
    } catch (err) {
      const refused = json ? refusalOf(t, err) : undefined;
      if (!refused) throw err;
      return c.json({ ok: false, message: refused.text, live: await liveFigures(desk, t) }, refused.status);
    }
  });
}
