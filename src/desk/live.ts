// The figures of the day, live: one JSON answer (GET, never writes) that the board, the reception
// and the hall screen fetch every few seconds, and the one small script that puts them in place.
// Pages work without it: the script only changes text, options and visibility of what is there.
import QRCode from "qrcode";
import { unitName } from "../domain/units.js";
import type { Translate } from "../lib/i18n.js";
import { formatTime } from "../lib/time.js";
import { type Arrival, attendanceView, checkinBoardView } from "../views/attendance.js";
import type { Desk, DeskApp } from "./context.js";
import { type Html, html } from "./html.js";
import { checkinPayload, telegramStartLink } from "../documents/links.js";

/** How often a page asks for the figures, in milliseconds. */
export const LIVE_EVERY_MS = 5000;

/** What the pages show of the day, as text, and which seats are still free in each unit. */
export interface LiveFigures {
  /** "Có mặt 3/77" */
  present: string;
  /** "3/77" */
  count: string;
  arrivals: string[];
  /** Per unit: "Mường So: 1/4" (the board), "có mặt 1/4" (the reception), the seats nobody has checked in for. */
  units: Record<string, { text: string; count: string; free: string[] }>;
  code: string | null;
  /** The QR code's image (asked with ?qr=1, for the hall screen). */
  qr?: string;
}

/** One arrival as the board and the screen write it: "09:01 — Mường So — Chủ tịch UBND xã — Lò Văn Mường". */
export function arrivalLine(t: Translate, a: Arrival): string {
  return [formatTime(t, a.at), unitName(a.unit), a.seat?.title, a.name].filter(Boolean).join(" — ");
}

export async function liveFigures(desk: Desk, t: Translate, withQr = false): Promise<LiveFigures> {
  const { deps } = desk;
  const data = deps.store.data;
  const board = checkinBoardView(deps.conference, data, desk.now());
  const units: LiveFigures["units"] = {};
  for (const u of attendanceView(deps.conference.conf, data).units) {
    units[u.unit.id] = {
      text: t("desk-board-unit", { unit: unitName(u.unit), present: u.present, expected: u.expected }),
      count: t("desk-reception-unit-count", { present: u.present, expected: u.expected }),
      free: u.seats.filter((s) => !s.checkin).map((s) => s.seat.id),
    };
  }
  const code = board.code?.code ?? null;
  return {
    present: t("desk-board-present", { present: board.present, expected: board.expected }),
    count: `${board.present}/${board.expected}`,
    arrivals: board.latest.map((a) => arrivalLine(t, a)),
    units,
    code,
    ...(withQr && code ? { qr: await qrImage(hallQr(deps, code)) } : {}),
  };
}

/** What the hall's QR code holds: the Telegram link that checks the person in (as the poster's), else the code itself. */
export function hallQr(deps: Desk["deps"], code: string): string {
  const bot = deps.config.links.telegramBot;
  return bot ? telegramStartLink(bot, checkinPayload(code)) : code;
}

const qrCache = new Map<string, string>();
/** The QR code of a text as a data: URL, made once per text (a screen asks every few seconds). */
export async function qrImage(text: string): Promise<string> {
  const found = qrCache.get(text);
  if (found) return found;
  const made = await QRCode.toDataURL(text, { margin: 1, width: 480, errorCorrectionLevel: "M" });
  if (qrCache.size > 20) qrCache.clear();
  qrCache.set(text, made);
  return made;
}

/** Where a live page's script asks for the figures. */
export function liveHook(desk: Desk, qr = false): Html {
  return html`<span hidden data-live-url="${desk.base}/diem-danh/so-lieu${qr ? "?qr=1" : ""}"></span>`;
}

export function registerLive(app: DeskApp, desk: Desk): void {
  app.get("/diem-danh/so-lieu", async (c) => c.json(await liveFigures(desk, c.get("signed").t, c.req.query("qr") === "1")));
}

/**
 * The script of the live pages. It reads the address in `data-live-url` (liveHook), asks for the figures every
 * LIVE_EVERY_MS and puts them in: [data-live=present|count|code|arrivals|qr], [data-live-unit=ID]
 * (a unit's count on the board), [data-live-unitcount=ID] (on the reception), select[data-live-free=ID] (drops seats checked in, keeps the one chosen),
 * [data-seat="unit/seat"] (a seat of the reception: marked checked in). It filters rows by
 * [data-live-search] as one types (folded: no case, no diacritics) and sends forms marked
 * data-live-post with fetch, showing the answer in [data-live=message].
 */
export const LIVE_SCRIPT = String.raw`(function () {
  var holder = document.querySelector("[data-live-url]");
  var url = holder && holder.getAttribute("data-live-url");
  if (!url || !window.fetch) return;
  function all(sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); }
  function fold(s) { return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[\u0111\u0110]/g, "d").toLowerCase().replace(/\s+/g, " ").trim(); }
  function setText(name, text) { all('[data-live="' + name + '"]').forEach(function (el) { if (el.textContent !== text) el.textContent = text; }); }
  function apply(f) {
    setText("present", f.present);
    setText("count", f.count);
    if (f.code) setText("code", f.code);
    all("[data-live-hascode]").forEach(function (el) { el.hidden = (el.getAttribute("data-live-hascode") === "1") !== Boolean(f.code); });
    if (f.qr) all('img[data-live="qr"]').forEach(function (img) { if (img.getAttribute("src") !== f.qr) img.setAttribute("src", f.qr); });
    all('[data-live="arrivals"]').forEach(function (list) {
      if (list.getAttribute("data-lines") === JSON.stringify(f.arrivals)) return;
      list.setAttribute("data-lines", JSON.stringify(f.arrivals));
      list.textContent = "";
      f.arrivals.forEach(function (line) { var li = document.createElement("li"); li.textContent = line; list.appendChild(li); });
    });
    all("[data-live-unit]").forEach(function (el) { var u = f.units[el.getAttribute("data-live-unit")]; if (u && el.textContent !== u.text) el.textContent = u.text; });
    all("[data-live-unitcount]").forEach(function (el) { var u = f.units[el.getAttribute("data-live-unitcount")]; if (u && el.textContent !== u.count) el.textContent = u.count; });
    all("select[data-live-free]").forEach(function (sel) {
      var u = f.units[sel.getAttribute("data-live-free")]; if (!u) return;
      Array.prototype.slice.call(sel.options).forEach(function (o) { if (u.free.indexOf(o.value) < 0) o.remove(); });
      var form = sel.form; if (form) form.hidden = sel.options.length === 0;
    });
    all("[data-seat]").forEach(function (row) {
      var p = row.getAttribute("data-seat").split("/"), u = f.units[p[0]];
      if (u) row.setAttribute("data-checked", u.free.indexOf(p[1]) < 0 ? "1" : "0");
    });
  }
  function refresh() {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (f) { if (f) apply(f); })
      .catch(function () {});
  }
  function filter(input) {
    var words = fold(input.value).split(" ").filter(Boolean);
    all("[data-search-group]").forEach(function (group) {
      var head = fold(group.getAttribute("data-search-group")), shown = 0;
      Array.prototype.slice.call(group.querySelectorAll("[data-search]")).forEach(function (row) {
        var text = head + " " + fold(row.getAttribute("data-search"));
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        row.hidden = !ok; if (ok) shown++;
      });
      group.hidden = shown === 0;
    });
    var none = document.querySelector('[data-live="none"]');
    if (none) none.hidden = all("[data-search-group]").some(function (g) { return !g.hidden; });
  }
  all("[data-live-search]").forEach(function (input) {
    input.addEventListener("input", function () { filter(input); });
    if (input.form) input.form.addEventListener("submit", function (e) { e.preventDefault(); filter(input); });
  });
  all("form[data-live-post]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var button = form.querySelector("button"); if (button) button.disabled = true;
      fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (answer) {
          var box = document.querySelector('[data-live="message"]');
          if (box) { box.textContent = answer.message; box.className = answer.ok ? "notice" : "refusal"; box.hidden = false; }
          if (answer.live) apply(answer.live);
        })
        .catch(function () { form.submit(); })
        .then(function () { if (button) button.disabled = false; });
    });
  });
  window.deskLive = { refresh: refresh };
  setInterval(refresh, ${LIVE_EVERY_MS});
})();`;
