// Màn hình hội trường: the page an organizer opens on the projector. The whole screen, nothing to
// click, no menu and no organizer's name: the conference's name, the check-in code and its QR code
// large, the count and the latest arrivals, kept current by the live script (src/desk/live.ts).
import { html, Html } from "../html.js";
import type { Desk, DeskApp } from "../context.js";
import { arrivalLine, hallQr, LIVE_SCRIPT, liveHook, qrImage } from "../live.js";
import { checkinBoardView } from "../../views/attendance.js";

/**
 * Sized by the screen, not by the page: the code and the QR code take the left half, the count and
 * the arrivals the right, the title above; everything within one screen from 1366×768 to 1920×1080
 * (and a phone held upright stacks them).
 */
const HALL_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html,body{margin:0;height:100%;background:#fff;color:#111;font-family:system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
body{display:flex;flex-direction:column;overflow:hidden}
header{background:#8b1a1a;color:#fff;padding:1.2vh 2vw}
h1{margin:0;font-size:clamp(1rem,2.3vw,3rem);line-height:1.2;text-align:center}
main{flex:1;display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:2vw;padding:2vh 2vw;min-height:0}
section{display:flex;flex-direction:column;align-items:center;min-height:0;min-width:0}
.label{font-size:clamp(1rem,2.2vw,2.6rem);margin:0;color:#444}
.code{font-size:clamp(2rem,min(9vh,6.5vw),9rem);font-weight:800;letter-spacing:.12em;margin:0;font-family:"DejaVu Sans Mono",Consolas,monospace}
.qr{height:min(48vh,40vw);width:auto;aspect-ratio:1;image-rendering:pixelated}
.how{font-size:clamp(.9rem,min(2.6vh,1.6vw),2rem);margin:.6vh 0 0;text-align:center}
.count{font-size:clamp(3rem,min(22vh,13vw),20rem);font-weight:800;line-height:1;margin:0}
h2{font-size:clamp(1rem,2vw,2.4rem);margin:2vh 0 .5vh}
ol{list-style:none;margin:0;padding:0;width:100%;font-size:clamp(.9rem,min(2.8vh,1.7vw),2.2rem);overflow:hidden}
ol li{padding:.3vh 0;border-bottom:1px solid #ddd;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
[data-live-hascode]{width:100%;text-align:center}
.none{font-size:clamp(1.2rem,3vw,3rem);text-align:center}
@media (max-aspect-ratio:1/1){body{overflow:auto}main{grid-template-columns:minmax(0,1fr)}.qr{height:auto;width:min(80vw,60vh)}.code{font-size:12vw}.count{font-size:20vw}}
`;

export function registerHall(app: DeskApp, desk: Desk): void {
  const { deps, now } = desk;
  app.get("/man-hinh", async (c) => {
    const { t } = c.get("signed");
    const board = checkinBoardView(deps.conference, deps.store.data, now());
    const code = board.code?.code ?? "";
    const qr = code ? await qrImage(hallQr(deps, code)) : "";
    const conf = deps.conference.conf;
    const doc = html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${conf.short_title ?? conf.title}</title><style>${new Html(HALL_STYLE)}</style></head>
<body>${liveHook(desk, true)}<header><h1>${conf.title}</h1></header>
<main>
  <section aria-labelledby="code-label">
    <p class="label" id="code-label">${t("desk-hall-code-label")}</p>
    <div data-live-hascode="1"${code ? "" : html` hidden`}>
      <p class="code" data-live="code">${code}</p>
      <p style="text-align:center;margin:0"><img class="qr" data-live="qr" alt="${t("desk-hall-qr-alt")}" src="${qr || "data:,"}"></p>
      <p class="how">${deps.config.links.telegramBot ? t("desk-hall-how-telegram") : t("desk-hall-how-any")}</p>
      <p class="how">${t("desk-hall-how-zalo")}</p>
    </div>
    <p class="none" data-live-hascode="0"${code ? html` hidden` : ""}>${t("desk-hall-no-code")}</p>
  </section>
  <section aria-labelledby="count-label">
    <p class="label" id="count-label">${t("desk-hall-present")}</p>
    <p class="count" data-live="count">${board.present}/${board.expected}</p>
    <h2>${t("desk-board-arrivals")}</h2>
    <ol data-live="arrivals">${board.latest.map((a) => html`<li>${arrivalLine(t, a)}</li>`)}</ol>
  </section>
</main><script>${new Html(LIVE_SCRIPT)}</script></body></html>`;
    return c.html(doc.value);
  });
}
