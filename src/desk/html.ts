// The desk's HTML: escaping every value, and the frame each page is drawn in.
import type { Translate } from "../lib/i18n.js";

/** Escapes text for HTML content and quoted attributes. Every value a person typed goes through it. */
export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** HTML already escaped, marked so that it is not escaped twice. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A tagged template that escapes every interpolated value unless it is Html (or a list of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  if (v === undefined || v === null || v === false) return "";
  return esc(v);
}

const STYLE = `
*,*::before,*::after{box-sizing:border-box}
body{font-family:system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1a1a1a;background:#f6f6f4;line-height:1.45;overflow-wrap:break-word}
.skip{position:absolute;left:-999px;top:0;background:#fff;color:#000;padding:.5rem 1rem;z-index:9}.skip:focus{left:.5rem}
header{background:#8b1a1a;color:#fff;padding:.6rem 1rem}header a{color:#fff}
nav{display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin-top:.3rem;align-items:center}
nav a{display:inline-block;padding:.35rem 0}nav a[aria-current="page"]{font-weight:700;text-decoration-thickness:3px}
.conf-line{margin:.4rem 0 0;padding-top:.4rem;border-top:1px solid #b85c5c}.conf-line a{display:inline-block;padding:.35rem 0;margin-left:.4rem}
main{padding:1rem;max-width:72rem;margin:auto}
h1{font-size:1.6rem;margin:.4rem 0 .8rem}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}.card>h2:first-child{margin-top:0}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(18rem,100%),1fr));gap:1rem}
.speech{white-space:pre-wrap;overflow-wrap:break-word;background:#fff;border:1px solid #ddd;padding:.6rem;font-family:inherit}
.notice{background:#eef7ee;border-left:4px solid #2e7d32;padding:.5rem .8rem;white-space:pre-wrap}
.refusal{background:#fdeeee;border-left:4px solid #b71c1c;padding:.5rem .8rem;white-space:pre-wrap}
.warn{background:#fff6e0;border-left:4px solid #a15c00;padding:.5rem .8rem}
form.inline{display:inline}
button,.button{font-size:1rem;padding:.45rem .9rem;margin:.15rem 0;min-height:44px;cursor:pointer}
.button{display:inline-block;border:1px solid #767676;border-radius:3px;background:#efefef;color:#1a1a1a;text-decoration:none}
button.danger,.button.danger{background:#b71c1c;color:#fff;border:1px solid #7f0000}
textarea,input,select{max-width:100%;font-size:1rem}
select,input:not([type=checkbox]):not([type=radio]){min-height:44px;padding:.3rem .4rem}
textarea{width:40rem}
label.block{display:block;margin:.4rem 0}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.board{font-size:1.2rem}.board .big{font-size:3rem;font-weight:700;margin:.2rem 0}.board img{width:14rem;height:14rem}
.muted{color:#555}
fieldset{min-width:0}.unit-list{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:0 .8rem;margin:.3rem 0 0 1.6rem}.unit-list label{padding:.3rem 0}
ul.plain{list-style:none;padding:0}ul.plain>li{margin:.3rem 0}
ul.bots{display:flex;flex-wrap:wrap;gap:1.5rem}ul.bots img{display:block}
.reception-count{font-size:1.6rem;font-weight:700;margin:.2rem 0 .6rem}
.reception-search .row{display:flex;gap:.5rem;margin-top:.2rem}.reception-search input{flex:1;min-width:0;font-size:1.2rem}
.reception .unit{background:#fff;border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.2rem .8rem}
.reception .unit h2{font-size:1.15rem;margin:.5rem 0}
ul.seats{list-style:none;margin:0;padding:0}
ul.seats li{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.4rem .8rem;padding:.5rem 0;border-top:1px solid #eee}
ul.seats .who{flex:1 1 14rem}
ul.seats button{min-height:48px;min-width:9rem;font-size:1.1rem;background:#1b5e20;color:#fff;border:1px solid #0d3b10;border-radius:4px}
ul.seats .seat-done{color:#1b5e20;font-weight:700}
[data-checked="1"] .seat-go,[data-checked="0"] .seat-done{display:none}
[hidden]{display:none !important}
@media (max-width:40rem){
  main{padding:.6rem}
  .board{font-size:1.1rem}.board .big{font-size:2.4rem}
  table.cards thead{display:none}
  table.cards,table.cards tbody,table.cards tr,table.cards td,table.cards th{display:block;width:100%}
  table.cards tr{border:1px solid #ccc;margin:0 0 .6rem;background:#fff}
  table.cards td,table.cards th{border:0;border-bottom:1px solid #eee}
  table.cards td[data-label]{display:flex;justify-content:space-between;gap:1rem;text-align:left}
  table.cards td[data-label]::before{content:attr(data-label);font-weight:600}
}
`;

export interface Frame {
  t: Translate;
  title: string;
  /** The desk's base path ("/ban-to-chuc"); absent for pages outside the desk. */
  base?: string;
  /** How the signed-in organizer is greeted ("Đồng chí …", or "Ban tổ chức" without a name) and the CSRF token, for the nav and the sign-out form. */
  who?: { label: string; csrf: string };
  /** The path of the page shown, to mark its menu entry (aria-current). */
  path?: string;
  /** A line under the menu (the conference shown, when the bot serves several). */
  banner?: Html;
  /** A small script of the page (live figures); the page works without it. */
  script?: string;
  body: Html;
}

/** The menu: each section of the desk, the one shown marked for screen readers and the eye. */
const SECTIONS: Array<[string, string]> = [
  ["/", "desk-nav-overview"],
  ["/don-vi", "desk-nav-units"],
  ["/tham-luan", "desk-nav-speeches"],
  ["/chi-so", "desk-nav-scores"],
  ["/phan-tich", "desk-nav-analysis"],
  ["/diem-danh", "desk-nav-board"],
  ["/le-tan", "desk-nav-reception"],
  ["/tai-ve", "desk-nav-downloads"],
  ["/thong-bao", "desk-nav-notices"],
  ["/nhiem-vu", "desk-nav-tasks"],
  ["/ket-luan", "desk-nav-conclusions"],
  ["/khac-phuc", "desk-nav-remedy"],
  ["/hoi-nghi", "desk-nav-conferences"],
];

/** The section a path belongs to: the longest section path it starts with. */
function sectionOf(base: string, path: string): string {
  const rest = path.startsWith(base) ? path.slice(base.length) || "/" : path;
  const found = SECTIONS.filter(([p]) => p !== "/" && (rest === p || rest.startsWith(`${p}/`)));
  return found.at(-1)?.[0] ?? (rest === "/" ? "/" : "");
}

function menu(f: Frame): Html {
  if (!f.base || !f.who) return html``;
  const current = sectionOf(f.base, f.path ?? "");
  const links = SECTIONS.map(([p, key]) => html`<a href="${f.base}${p === "/" ? "/" : p}"${p === current ? html` aria-current="page"` : ""}>${f.t(key)}</a>`);
  return html`<nav aria-label="${f.t("desk-nav-label")}">${links}
    <span>${f.who.label}</span><form class="inline" method="post" action="${f.base}/thoat"><input type="hidden" name="_csrf" value="${f.who.csrf}"><button>${f.t("desk-sign-out")}</button></form>
  </nav>`;
}

export function page(f: Frame): string {
  const doc = html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${f.title}</title><style>${new Html(STYLE)}</style></head>
<body><a class="skip" href="#main">${f.t("desk-skip")}</a><header><strong>${f.base ? f.t("desk-title") : f.title}</strong>${menu(f)}${f.banner ?? ""}</header><main id="main" tabindex="-1">${f.body}</main>${f.script ? html`<script>${new Html(f.script)}</script>` : ""}</body></html>`;
  return doc.value;
}

/** A plain refusal page: one sentence, nothing else. */
export function refusalPage(t: Translate, message: string): string {
  return page({ t, title: t("desk-refused-title"), body: html`<h1>${t("desk-refused-title")}</h1><p class="refusal">${message}</p>` });
}
