// Asking before a change that cannot be taken back (a code voided, an account removed, results
// published): the page's button is a link to a question (GET, which only reads), and the question's
// button posts it with confirm=1. A POST without confirm=1 only asks again: nothing changes.
import type { Desk, DeskApp, DeskContext, FormBody } from "./context.js";
import { field, Refused } from "./context.js";
import { html } from "./html.js";
import { changeAllowedOnClosed } from "./readonly.js";

/** What the question says: what will happen, in sentences, and the button that does it. */
export interface Question {
  title: string;
  /** What will happen, one sentence each. */
  lines: string[];
  button: string;
  /** Where "Không, quay lại" leads. */
  back: string;
  /** Fields the answer carries (an account's key): read from the address on GET, from the form on POST. */
  fields?: Record<string, string>;
}

export interface Confirmed {
  /** The question, from the fields of the address (GET) or of the form (POST); refuses what does not exist. */
  ask(c: DeskContext, input: (name: string) => string): Question | Promise<Question>;
  /** Does it, once confirmed; `body` is the form read with its CSRF token checked. */
  run(c: DeskContext, body: FormBody): Promise<Response>;
}

async function questionPage(desk: Desk, c: DeskContext, q: Question): Promise<Response> {
  const { t } = c.get("signed");
  const hidden = Object.entries(q.fields ?? {}).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  return desk.render(
    c,
    q.title,
    html`<h1>${q.title}</h1><div class="warn"><p><strong>${t("desk-confirm-what")}</strong></p><ul>${q.lines.map((l) => html`<li>${l}</li>`)}</ul></div>
    <form method="post" action="${new URL(c.req.url).pathname}">${desk.csrfInput(c)}${hidden}<input type="hidden" name="confirm" value="1">
      <p><button class="danger">${q.button}</button> <a class="button" href="${q.back}">${t("desk-confirm-no")}</a></p></form>`,
  );
}

/**
 * GET `path`: the question; POST `path` with confirm=1: the change; POST without it: the question again.
 * On a closed conference the question is not asked (409, the change would be refused), and its pages draw no link to it (desk.asks).
 */
export function confirmed(app: DeskApp, desk: Desk, path: string, handler: Confirmed): void {
  desk.asks.push(path);
  app.get(path, async (c) => {
    if (desk.closedShown(c) && !changeAllowedOnClosed(desk.base, new URL(c.req.url).pathname)) throw new Refused(409, "desk-conference-closed");
    return questionPage(desk, c, await handler.ask(c, (name) => (c.req.query(name) ?? "").trim()));
  });
  app.post(path, async (c) => {
    const body = await desk.form(c);
    if (field(body, "confirm") !== "1") return questionPage(desk, c, await handler.ask(c, (name) => field(body, name)));
    return handler.run(c, body);
  });
}
