// Signing in with a one-time link, the session every other page needs, and signing out.
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AccountKey } from "../../storage/schema.js";
import { type DeskSessions, deskTargetPath, maskToken } from "../domain/desk-sessions.js";
import { roleOf } from "../domain/identity.js";
import { MAX_TABLE_BYTES } from "../scores/sheet.js";
import { allowedHosts, clientOf, hostName } from "../lib/proxy.js";
import { accountOf, type Desk, type DeskApp, type DeskDeps, parseForm, Refused } from "./context.js";
import { html, page, refusalPage } from "./html.js";
import { MAX_CONFERENCE_FILE_BYTES } from "./pages/conferences.js";
import { deskTranslate } from "./words.js";

const COOKIE = "hoinghi_desk";
/** Longest body a form other than the score upload may send. */
const MAX_FORM_BYTES = 64_000;

function isOrganizer(deps: DeskDeps, key: AccountKey): boolean {
  const a = deps.store.data.accounts[key];
  return deps.config.organizerIds.has(key) || Boolean(a && roleOf(a, deps.config.organizerIds) === "organizer");
}

/** The client's address and scheme: from the proxy's headers only when the socket is a proxy named in TRUST_PROXY. */
function origin(c: Context, deps: DeskDeps): { address: string; https: boolean } {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  const facts = {
    socket: incoming?.socket?.remoteAddress,
    forwardedFor: c.req.header("x-forwarded-for"),
    forwardedProto: c.req.header("x-forwarded-proto"),
    urlProtocol: new URL(c.req.url).protocol,
  };
  return clientOf(facts, deps.config.trustProxy ?? []);
}

/** The sign-in pages, then the middleware that lets only a signed-in organizer further. */
export function registerSignIn(app: DeskApp, desk: Desk, sessions: DeskSessions): void {
  registerHostCheck(app, desk);
  registerLinks(app, desk, sessions);
  registerSessionGate(app, desk, sessions);
}

function registerHostCheck(app: DeskApp, desk: Desk): void {
  const { deps, plainT } = desk;
  const hosts = allowedHosts({ publicUrl: deps.config.publicUrl, deskHost: deps.config.deskHost });
  // Only the desk's own names: a Host of some other site (a rebinding page, a stray proxy) is refused first.
  app.use("*", async (c, next) => {
    if (!hosts.has(hostName(new URL(c.req.url).host))) {
      const t = plainT();
      return c.html(refusalPage(t, t("desk-wrong-host")), 421);
    }
    await next();
  });
}

/** The one-time links: opening one asks to confirm, the confirmation signs in. */
function registerLinks(app: DeskApp, desk: Desk, sessions: DeskSessions): void {
  const { deps, base, now, plainT } = desk;
  const limitForm = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLarge(plainT, MAX_TABLE_BYTES) });
  const signedIn = (c: Context) => {
    const session = sessions.find(getCookie(c, COOKIE), now());
    return Boolean(session && isOrganizer(deps, session.account));
  };

  /**
   * The link's organizer; "signed-in" for a link just used by a browser that holds a session (a
   * double click); or the refusal. The signature is looked at first: a good link never meets the
   * slow-down, which counts only refused attempts (per link, per account, per address).
   */
  function vetLink(c: Context, token: string): AccountKey | { signedIn: string } {
    const checked = sessions.check(token, now());
    if (checked.ok && isOrganizer(deps, checked.account)) return checked.account;
    if (!checked.ok && checked.reason === "just-used") {
      // The page the link leads to is read from its signed body (the link was good a moment ago).
      if (signedIn(c)) return { signedIn: `${base}${deskTargetPath(sessions.targetOf(token))}` };
      deps.logger.info({ token: maskToken(token) }, "desk sign-in link presented again just after its use");
      throw new Refused(409, "desk-link-just-used");
    }
    const keys = sessions.failureKeys(token, origin(c, deps).address);
    const over = sessions.limited(keys, now());
    sessions.recordFailure(keys, now());
    // Over the limit: answered shortly and not logged again (the limit was logged when reached).
    if (over) throw new Refused(429, "desk-rate-limited");
    const reason = checked.ok ? "not-organizer" : checked.reason;
    deps.logger.info({ token: maskToken(token), reason, limitReached: sessions.limited(keys, now()) || undefined }, "desk sign-in refused");
    throw new Refused(checked.ok ? 403 : 400, checked.ok ? "desk-link-not-organizer" : `desk-link-${reason}`);
  }

  // Opening the link only asks to confirm: a chat app that fetches links for a preview must not use it up.
  app.get("/vao", (c) => {
    const token = c.req.query("t") ?? "";
    const vetted = vetLink(c, token);
    if (typeof vetted === "object") return c.redirect(vetted.signedIn, 303);
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
    const body = await parseForm(c);
    const token = typeof body.t === "string" ? body.t : "";
    const vetted = vetLink(c, token);
    if (typeof vetted === "object") return c.redirect(vetted.signedIn, 303);
    const redeemed = sessions.redeem(token, now());
    // Two presses at the same moment: the second finds the link used a moment ago.
    if (!redeemed.ok) throw new Refused(redeemed.reason === "just-used" ? 409 : 400, `desk-link-${redeemed.reason}`);
    const secure = origin(c, deps).https;
    setCookie(c, COOKIE, redeemed.session, { httpOnly: true, sameSite: "Strict", secure, path: base, maxAge: 8 * 60 * 60 });
    deps.logger.info({ by: redeemed.account, page: redeemed.target }, "desk signed in");
    // Straight to the page the link was asked for (/nhapdiem → Chỉ số CCHC): a name of a fixed list, never an address.
    return c.redirect(`${base}${deskTargetPath(redeemed.target)}`, 303);
  });
}

/** Every other page needs an open session of an organizer; its body is counted as it arrives. */
function registerSessionGate(app: DeskApp, desk: Desk, sessions: DeskSessions): void {
  const { deps, base, now, plainT } = desk;
  const limitUpload = bodyLimit({ maxSize: MAX_TABLE_BYTES + 64_000, onError: tooLarge(plainT, MAX_TABLE_BYTES) });
  const limitConference = bodyLimit({ maxSize: MAX_CONFERENCE_FILE_BYTES + 64_000, onError: tooLarge(plainT, MAX_CONFERENCE_FILE_BYTES) });
  const limitForm = bodyLimit({ maxSize: MAX_FORM_BYTES, onError: tooLarge(plainT, MAX_TABLE_BYTES) });
  // Every other page: an open session of an account that is an organizer now.
  app.use("*", async (c, next) => {
    const session = sessions.find(getCookie(c, COOKIE), now());
    if (!session || !isOrganizer(deps, session.account)) {
      const t = plainT();
      return c.html(refusalPage(t, t("desk-need-sign-in")), 401);
    }
    const account = accountOf(deps, session.account);
    c.set("signed", { session, account, t: deskTranslate(deps.i18n, account.language) });
    c.header("Cache-Control", "no-store");
    c.header("X-Frame-Options", "DENY");
    c.header("Referrer-Policy", "no-referrer");
    if (c.req.method !== "POST") return next();
    // The body is counted as it arrives (a missing or false Content-Length does not get past it).
    const pathname = new URL(c.req.url).pathname;
    const limit = pathname.endsWith("/chi-so/tai-len") ? limitUpload : pathname.endsWith("/hoi-nghi/them") ? limitConference : limitForm;
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

/** The refusal of a body over its limit. */
const tooLarge = (plainT: Desk["plainT"], bytes: number) => (c: Context) => {
  const t = plainT();
  return c.html(refusalPage(t, t("desk-too-large", { mb: bytes / 1_000_000 })), 413);
};
