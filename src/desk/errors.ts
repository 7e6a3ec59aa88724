// Every refusal of the desk mapped to its HTTP status in one place: a page's own refusal, a rule of
// the domain, a table that could not be read; anything else is logged and answered 500.
import type { Context } from "hono";
import { UserError } from "../domain/errors.js";
import { Refusal, writeRefusal } from "../messages/refusal.js";
import { refusalText } from "../scores/format.js";
import { TableRefused } from "../scores/table.js";
import { refusalMessage } from "../views/notices.js";
import { type DeskApp, type DeskDeps, type Env, Refused } from "./context.js";
import { refusalPage } from "./html.js";

export function registerErrors(app: DeskApp, deps: DeskDeps, plainT: () => ReturnType<DeskDeps["i18n"]["forLanguage"]>): void {
  const tOf = (c: Context<Env>) => c.get("signed")?.t ?? plainT();
  app.onError((err, c) => {
    const t = tOf(c);
    if (err instanceof Refused) return c.html(refusalPage(t, t(err.key, err.args)), err.status);
    if (err instanceof TableRefused) return c.html(refusalPage(t, refusalText(t, "", err)), 400);
    if (err instanceof UserError) {
      // A notice's refusal carries a time or an audience: written in the reader's language, as every refusal.
      const m = refusalMessage(deps.conference, err);
      return c.html(refusalPage(t, writeRefusal(t, m ? new Refusal(m) : err)), 400);
    }
    deps.logger.error({ err: (err as Error).message, path: new URL(c.req.url).pathname }, "desk page failed");
    return c.html(refusalPage(t, t("error-internal")), 500);
  });
  app.notFound((c) => c.html(refusalPage(tOf(c), tOf(c)("desk-not-found")), 404));
}
