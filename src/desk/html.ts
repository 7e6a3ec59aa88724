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
body{font-family:system-ui,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1a1a1a;background:#f6f6f4;line-height:1.45}
header{background:#8b1a1a;color:#fff;padding:.6rem 1rem}header a{color:#fff}
nav{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin-top:.3rem;align-items:center}
main{padding:1rem;max-width:72rem;margin:auto}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
.card{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.8rem 1rem;margin:.8rem 0}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.speech{white-space:pre-wrap;overflow-wrap:break-word;background:#fff;border:1px solid #ddd;padding:.6rem;font-family:inherit}
.notice{background:#eef7ee;border-left:4px solid #2e7d32;padding:.5rem .8rem;white-space:pre-wrap}
.refusal{background:#fdeeee;border-left:4px solid #b71c1c;padding:.5rem .8rem;white-space:pre-wrap}
form.inline{display:inline}button{font-size:1rem;padding:.3rem .8rem;margin:.15rem 0}
.board{font-size:2rem}.board .big{font-size:5rem;font-weight:700}.board img{width:14rem;height:14rem}
textarea,input,select{max-width:100%;box-sizing:border-box}
@media (max-width:40rem){td,th{display:block;width:auto}.board{font-size:1.2rem}.board .big{font-size:2.6rem}}
`;

export interface Frame {
  t: Translate;
  title: string;
  /** The desk's base path ("/ban-to-chuc"); absent for pages outside the desk. */
  base?: string;
  /** How the signed-in organizer is greeted ("Đồng chí …", or "Ban tổ chức" without a name) and the CSRF token, for the nav and the sign-out form. */
  who?: { label: string; csrf: string };
  /** Seconds after which the page reloads itself (the board). */
  refresh?: number;
  body: Html;
}

export function page(f: Frame): string {
  const nav =
    f.base && f.who
      ? html`<nav>
        <a href="${f.base}/">${f.t("desk-nav-overview")}</a>
        <a href="${f.base}/don-vi">${f.t("desk-nav-units")}</a>
        <a href="${f.base}/tham-luan">${f.t("desk-nav-speeches")}</a>
        <a href="${f.base}/chi-so">${f.t("desk-nav-scores")}</a>
        <a href="${f.base}/phan-tich">${f.t("desk-nav-analysis")}</a>
        <a href="${f.base}/diem-danh">${f.t("desk-nav-board")}</a>
        <a href="${f.base}/tai-ve">${f.t("desk-nav-downloads")}</a>
        <a href="${f.base}/thong-bao">${f.t("desk-nav-notices")}</a>
        <a href="${f.base}/nhiem-vu">${f.t("desk-nav-tasks")}</a>
        <span>${f.who.label}</span><form class="inline" method="post" action="${f.base}/thoat"><input type="hidden" name="_csrf" value="${f.who.csrf}"><button>${f.t("desk-sign-out")}</button></form>
      </nav>`
      : html``;
  const doc = html`<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${f.refresh ? html`<meta http-equiv="refresh" content="${f.refresh}">` : ""}
<title>${f.title}</title><style>${new Html(STYLE)}</style></head>
<body><header><strong>${f.base ? f.t("desk-title") : f.title}</strong>${nav}</header><main>${f.body}</main></body></html>`;
  return doc.value;
}

/** A plain refusal page: one sentence, nothing else. */
export function refusalPage(t: Translate, message: string): string {
  return page({ t, title: t("desk-refused-title"), body: html`<h1>${t("desk-refused-title")}</h1><p class="refusal">${message}</p>` });
}
