// Every refusal of the desk mapped to its HTTP status in one place: a page's own refusal, a rule of
// the domain, a table that could not be read, a change the store could not write (503, the form
// kept); anything else is logged and answered 500.
import type { Context } from "hono";
import { StoreWriteFailed } from "../../storage/store.js";
import { UserError } from "../domain/errors.js";
import { writeRefusal } from "../messages/refusal.js";
import { refusalText } from "../scores/format.js";
import { TableRefused } from "../scores/table.js";
import { type Desk, type DeskApp, type Env, Refused } from "./context.js";
import { type Html, html, refusalPage } from "./html.js";

/** Fields shown again for the organizer to edit; the others (choices, ids) ride along hidden. */
const TYPED = new Set(["text"]);

/**
 * The form just refused, to send again as it was: what the organizer typed in a text box, the
 * choices as hidden fields. None for a form that carried a file (a browser cannot be handed one back).
 */
function retryForm(c: Context<Env>, desk: Desk): Html {
  const body = c.get("form");
  const signed = c.get("signed");
  if (!body || !signed) return html``;
  const pairs = Object.entries(body).flatMap(([name, v]) => ([] as unknown[]).concat(v).map((x) => [name, x] as const));
  if (pairs.some(([, v]) => typeof v !== "string")) return html``;
  const { t } = signed;
  const fields = pairs
    .filter(([name]) => name !== "_csrf")
    .map(([name, v]) => (TYPED.has(name) ? html`<p><textarea name="${name}" rows="6" cols="60">${v}</textarea></p>` : html`<input type="hidden" name="${name}" value="${v}">`));
  return html`<p>${t("desk-not-saved-kept")}</p>
    <form method="post" action="${new URL(c.req.url).pathname}">${desk.csrfInput(c)}${fields}<button>${t("desk-retry")}</button></form>`;
}

export function registerErrors(app: DeskApp, desk: Desk): void {
  const { deps, plainT } = desk;
  const tOf = (c: Context<Env>) => c.get("signed")?.t ?? plainT();
  app.onError((err, c) => {
    const t = tOf(c);
    if (err instanceof Refused) return c.html(refusalPage(t, t(err.key, err.args)), err.status);
    if (err instanceof TableRefused) return c.html(refusalPage(t, refusalText(t, "", err)), 400);
    if (err instanceof UserError) return c.html(refusalPage(t, writeRefusal(t, err)), 400);
    const path = new URL(c.req.url).pathname;
    if (err instanceof StoreWriteFailed) {
      // The store undid the change in memory: nothing changed, and the organizer is told so, once logged.
      deps.logger.error({ err: err.message, path, by: c.get("signed")?.account.key }, "desk change not saved");
      if (!c.get("signed")) return c.html(refusalPage(t, t("desk-not-saved")), 503);
      return desk.render(c, t("desk-refused-title"), html`<h1>${t("desk-refused-title")}</h1><p class="refusal">${t("desk-not-saved")}</p>${retryForm(c, desk)}`, { status: 503 });
    }
    deps.logger.error({ err: (err as Error).message, path }, "desk page failed");
    return c.html(refusalPage(t, t("error-internal")), 500);
  });
  app.notFound((c) => c.html(refusalPage(tOf(c), tOf(c)("desk-not-found")), 404));
}
