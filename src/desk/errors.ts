// Every refusal of the desk mapped to its HTTP status in one place: a page's own refusal, a rule of
// the domain, a table that could not be read, a change the store could not write (503, the form
// kept); anything else is logged and answered 500.
import type { Context } from "hono";
import { ConferenceClosed } from "../../storage/conference-view.js";
import { StoreWriteFailed } from "../../storage/store.js";
import { UserError } from "../domain/errors.js";
import { writeRefusal } from "../messages/refusal.js";
import { refusalText } from "../scores/format.js";
import { TableRefused } from "../scores/table.js";
import { type Desk, type DeskApp, type Env, Refused } from "./context.js";
import { type Html, html, refusalPage } from "./html.js";
import type { Translate } from "../lib/i18n.js";

/** Fields shown again for the organizer to edit; the others (choices, ids) ride along hidden. */
const TYPED = new Set(["text", "note"]);

/**
 * The form just refused, to send again as it was: what the organizer typed in a text box, the
 * choices as hidden fields. None for a form that carried a file (a browser cannot be handed one back),
 * and none after a refusal when nothing was typed (sending it again would be refused again).
 */
function retryForm(c: Context<Env>, desk: Desk, mode: "not-saved" | "refused"): Html {
  const body = c.get("form");
  const signed = c.get("signed");
  if (!body || !signed) return html``;
  const pairs = Object.entries(body).flatMap(([name, v]) => ([] as unknown[]).concat(v).map((x) => [name, x] as const));
  if (pairs.some(([, v]) => typeof v !== "string")) return html``;
  if (mode === "refused" && !pairs.some(([name]) => TYPED.has(name))) return html``;
  const { t } = signed;
  const fields = pairs
    .filter(([name]) => name !== "_csrf")
    .map(([name, v]) =>
      TYPED.has(name) ? html`<label class="block">${t("desk-kept-label")}<br><textarea name="${name}" rows="6">${v}</textarea></label>` : html`<input type="hidden" name="${name}" value="${v}">`,
    );
  return html`<p>${t(mode === "not-saved" ? "desk-not-saved-kept" : "desk-refused-kept")}</p>
    <form method="post" action="${new URL(c.req.url).pathname}">${desk.csrfInput(c)}${fields}<button>${t(mode === "not-saved" ? "desk-retry" : "desk-send-again")}</button></form>`;
}

/** The sentence and status of a refusal, in the reader's language; undefined for a failure that is not one. */
export function refusalOf(t: Translate, err: unknown): { status: Refused["status"]; text: string } | undefined {
  if (err instanceof Refused) return { status: err.status, text: t(err.key, err.args) };
  if (err instanceof TableRefused) return { status: 400, text: refusalText(t, "", err) };
  if (err instanceof UserError) return { status: 400, text: writeRefusal(t, err) };
  // A change reached a closed conference's data (the desk refuses its forms before; this is the backstop): nothing was changed.
  if (err instanceof ConferenceClosed) return { status: 409, text: t("desk-conference-closed") };
  return undefined;
}

/** Where "Quay lại" leads from a form's answer: the page the form is on (its action without the last step). */
export function backOf(desk: Desk, path: string): string {
  const up = path.replace(/\/[^/]*$/, "");
  return up.length > desk.base.length ? up : `${desk.base}/`;
}

/** A refusal in the desk's frame for a signed-in organizer: the sentence, the form kept, the way back. */
function refusedPage(c: Context<Env>, desk: Desk, status: Refused["status"] | 503, text: string): Response | Promise<Response> {
  const { t } = c.get("signed");
  const post = c.req.method === "POST";
  const kept = post ? retryForm(c, desk, status === 503 ? "not-saved" : "refused") : html``;
  const back = post ? backOf(desk, new URL(c.req.url).pathname) : `${desk.base}/`;
  const body = html`<h1>${t("desk-refused-title")}</h1><p class="refusal" role="alert">${text}</p>${kept}<p><a href="${back}">${t("desk-back")}</a></p>`;
  return desk.render(c, t("desk-refused-title"), body, { status });
}

/** Whether the request asked for JSON (the reception's script, the live figures): its refusals are answered in JSON. */
export function wantsJson(c: Context): boolean {
  return (c.req.header("accept") ?? "").includes("application/json");
}

/** A refusal as the desk's scripts read it: { ok: false, message } with the status, the sentence the page would show. */
export function jsonRefusal(c: Context, status: Refused["status"] | 500 | 503, message: string): Response {
  return c.json({ ok: false, message }, status);
}

export function registerErrors(app: DeskApp, desk: Desk): void {
  const { deps, plainT } = desk;
  const tOf = (c: Context<Env>) => c.get("signed")?.t ?? plainT();
  app.onError((err, c) => {
    const t = tOf(c);
    const refused = refusalOf(t, err);
    if (refused && wantsJson(c)) return jsonRefusal(c, refused.status, refused.text);
    if (refused) return c.get("signed") ? refusedPage(c, desk, refused.status, refused.text) : c.html(refusalPage(t, refused.text), refused.status);
    const path = new URL(c.req.url).pathname;
    if (err instanceof StoreWriteFailed) {
      // The store undid the change in memory: nothing changed, and the organizer is told so, once logged.
      deps.logger.error({ err: err.message, path, by: c.get("signed")?.account.key }, "desk change not saved");
      if (wantsJson(c)) return jsonRefusal(c, 503, t("desk-not-saved"));
      if (!c.get("signed")) return c.html(refusalPage(t, t("desk-not-saved")), 503);
      return refusedPage(c, desk, 503, t("desk-not-saved"));
    }
    deps.logger.error({ err: (err as Error).message, path }, "desk page failed");
    if (wantsJson(c)) return jsonRefusal(c, 500, t("error-internal"));
    return c.html(refusalPage(t, t("error-internal")), 500);
  });
  app.notFound((c) => (wantsJson(c) ? jsonRefusal(c, 404, tOf(c)("desk-not-found")) : c.html(refusalPage(tOf(c), tOf(c)("desk-not-found")), 404)));
}
