// Signing in with a one-time link, the session every other page needs, and signing out.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountKey } from "../../storage/schema.js";
import { type DeskSessions, maskToken } from "../domain/desk-sessions.js";
import { roleOf } from "../domain/identity.js";
import { MAX_TABLE_BYTES } from "../scores/sheet.js";
import { accountOf, type Desk, type DeskApp, type DeskDeps, Refused } from "./context.js";
import { html, page, refusalPage } from "./html.js";

const COOKIE = "hoinghi_desk";
/** Longest body a form other than the score upload may send. */
const MAX_FORM_BYTES = 64_000;

function isOrganizer(deps: DeskDeps, key: AccountKey): boolean {
  const a = deps.store.data.accounts[key];
  return deps.config.organizerIds.has(key) || Boolean(a && roleOf(a, deps.config.organizerIds) === "organizer");
}

function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? "local";
}

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/** The sign-in pages, then the middleware that lets only a signed-in organizer further. */
export function registerSignIn(app: DeskApp, desk: Desk, sessions: DeskSessions): void {
  const { deps, base, now, plainT } = desk;

  const tooLarge = (c: Context) => {
    const t = plainT();
    return c.html(refusalPage(t, t("desk-too-large", { mb: MAX_TABLE_BYTES / 1_000_000 })), 413);
  };
  const limitUpload = bodyLimit({ maxSize: MAX_TABLE_BYTES + 64_000, onError: tooLarge });
  const limitForm = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLarge });

  /** The link's organizer, or the refusal (counted against the address). */
  function vetLink(c: Context, token: string): AccountKey {
    const address = clientAddress(c);
    if (sessions.limited(address, now())) throw new Refused(429, "desk-rate-limited");
    const checked = sessions.check(token, now());
    if (!checked.ok || !isOrganizer(deps, checked.account)) {
      sessions.recordFailure(address, now());
      deps.logger.info({ token: maskToken(token), reason: checked.ok ? "not-organizer" : checked.reason }, "desk sign-in refused");
      throw new Refused(checked.ok ? 403 : 400, checked.ok ? "desk-link-not-organizer" : `desk-link-${checked.reason}`);
    }
    return checked.account;
  }

  // Opening the link only asks to confirm: a chat app that fetches links for a preview must not use it up.
  app.get("/vao", (c) => {
    const token = c.req.query("t") ?? "";
    vetLink(c, token);
    const t = plainT();
    return c.html(
      page({
        t,
        title: t("desk-title"),
        body: html`<h1>${t("desk-title")}</h1><p>${t("desk-sign-in-confirm")}</p>
          <form method="post" action="${base}/vao"><input type="hidden" name="t" value="${token}"><button>${t("desk-sign-in-button")}</button></form>`,
      }),
      200,
      { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
    );
  });

  app.post("/vao", limitForm, async (c) => {
    const body = await c.req.parseBody();
    const token = typeof body.t === "string" ? body.t : "";
    vetLink(c, token);
    const redeemed = sessions.redeem(token, now());
    if (!redeemed.ok) throw new Refused(400, `desk-link-${redeemed.reason}`);
    setCookie(c, COOKIE, redeemed.session, { httpOnly: true, sameSite: "Strict", secure: isHttps(c), path: base, maxAge: 8 * 60 * 60 });
    deps.logger.info({ by: redeemed.account }, "desk signed in");
    return c.redirect(`${base}/`, 303);
  });

  // Every other page: an open session of an account that is an organizer now.
  app.use("*", async (c, next) => {
    const session = sessions.find(getCookie(c, COOKIE), now());
    if (!session || !isOrganizer(deps, session.account)) {
      const t = plainT();
      return c.html(refusalPage(t, t("desk-need-sign-in")), 401);
    }
    const account = accountOf(deps, session.account);
    c.set("signed", { session, account, t: deps.i18n.forLanguage(account.language) });
    c.header("Cache-Control", "no-store");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    if (c.req.method !== "POST") return next();
    // The body is counted as it arrives (a missing or false Content-Length does not get past it).
    const limit = new URL(c.req.url).pathname.endsWith("/chi-so/tai-len") ? limitUpload : limitForm;
    const refused = await limit(c, next);
    if (refused instanceof Response) return refused;
  });

  app.post("/thoat", async (c) => {
    await desk.form(c);
    sessions.close(getCookie(c, COOKIE));
    deleteCookie(c, COOKIE, { path: base });
    const t = c.get("signed").t;
    return c.html(page({ t, title: t("desk-signed-out"), body: html`<p class="notice">${t("desk-signed-out")}</p>` }));
  });
}
