// A closed conference's pages, drawn for reading only. Every page of the desk is drawn through
// desk.render; when the conference shown is closed, render passes the page's body through here once:
// each form that posts a change is left out, and each link to a question before a change (the
// "Cấp mã mới", "Công bố" buttons of src/desk/confirm.ts), and one line at the top says why, with the
// way to the Hội nghị page. Reading stays: links, downloads, search and filter forms (GET). The
// Hội nghị page's own forms (work on another conference, read another, add one) stay: they change no
// closed conference. The refusal of a change on the server (409, pages/conferences.ts) stays the
// guarantee; this only spares the organizer a button that could only be refused.
import type { Translate } from "../lib/i18n.js";
import { formatDate } from "../lib/time.js";
import type { ConferenceChoice } from "../messages/types.js";
import { Html, html } from "./html.js";

/** The Hội nghị page, under the desk's base: the only place a change is taken while a closed conference is shown. */
export const CONFERENCES_PATH = "/hoi-nghi";

/** Whether a change at `target` (a path, or an address with its query) is taken while a closed conference is shown. */
export function changeAllowedOnClosed(base: string, target: string): boolean {
  const path = target.replace(/[?#].*$/, "");
  return path === `${base}${CONFERENCES_PATH}` || path.startsWith(`${base}${CONFERENCES_PATH}/`);
}

/**
 * The line at the top of a closed conference's pages: "Hội nghị “…” đã kết thúc ngày 20/6/2027: các
 * trang chỉ để xem, không sửa được." and the way to a running one.
 */
export function closedLine(t: Translate, base: string, shown: ConferenceChoice): Html {
  const text = shown.closedAt ? t("desk-closed-line", { title: shown.title, date: formatDate(t, shown.closedAt) }) : t("desk-closed-line-undated", { title: shown.title });
  return html`<p class="warn closed-line" role="note">${text} <a href="${base}${CONFERENCES_PATH}">${t("desk-closed-line-link")}</a></p>`;
}

/** A path of a question (confirmed(), as "/don-vi/:id/ma-moi") as a pattern of the addresses linking to it. */
function askPattern(base: string, path: string): RegExp {
  const escaped = `${base}${path}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:[A-Za-z_]\w*/g, "[^/?#]+");
  return new RegExp(`^${escaped}(?:[?#]|$)`);
}

// Forms never nest (HTML forbids it) and every value drawn is escaped (src/desk/html.ts: no raw "<" or
// ">" inside an attribute or a text), so a form runs from its tag to the first "</form>", a link to the first "</a>".
const FORM = /<form\b([^>]*)>[\s\S]*?<\/form>/gi;
const LINK = /<a\b[^>]*\bhref="([^"]*)"[^>]*>[\s\S]*?<\/a>/gi;
const ACTION = /\baction="([^"]*)"/i;
const POST = /\bmethod="post"/i;
/** A box, a paragraph or a list item that held only what was left out (one with no attribute but its class: never a script's hook). */
const EMPTY = /<(div|p|section|li)(?:\s+class="[^"]*")?>\s*<\/\1>/gi;

/**
 * The body without what leads to a change: forms posting elsewhere than the Hội nghị page, forms and
 * links leading to a question before a change (`asks`, the paths of confirmed()), and the boxes they leave empty.
 */
export function readOnlyBody(body: Html, base: string, asks: readonly string[]): Html {
  const patterns = asks.map((p) => askPattern(base, p));
  const leadsToChange = (target: string, posts: boolean) => {
    const address = target.replace(/&amp;/g, "&");
    if (changeAllowedOnClosed(base, address)) return false;
    return posts || patterns.some((p) => p.test(address));
  };
  let out = body.value
    .replace(FORM, (form, attrs: string) => (leadsToChange(ACTION.exec(attrs)?.[1] ?? "", POST.test(attrs)) ? "" : form))
    .replace(LINK, (link, href: string) => (leadsToChange(href, false) ? "" : link));
  for (let before = ""; before !== out; ) {
    before = out;
    out = out.replace(EMPTY, "");
  }
  return new Html(out);
}
