// What every page of the desk is given: the services, the signed-in organizer, and the few helpers
// each page uses to read a form and draw its answer. Built once by createDesk and passed down.
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type Actor, actorOf } from "../actions/actor.js";
import type { ConferenceChoice, Services } from "../messages/types.js";
import type { Account, AccountKey } from "../../storage/schema.js";
import type { Unit } from "../conference/schema.js";
import { type DeskSession, type DeskSessions, sameSecret } from "../domain/desk-sessions.js";
import type { Translate } from "../lib/i18n.js";
import { type ConferenceScope, conferenceScope, type Working } from "./current.js";
import { type Html, html, page } from "./html.js";
import { closedLine, readOnlyBody } from "./readonly.js";
import { deskTranslate } from "./words.js";

export const DESK_BASE = "/ban-to-chuc";

export interface DeskDeps extends Services {
  /** The sign-ins; made from DATA_DIR's key when absent. */
  sessions?: DeskSessions;
  /** Where the desk is mounted (default /ban-to-chuc). */
  base?: string;
}

export interface Signed {
  session: DeskSession;
  account: Account;
  t: Translate;
}

/** `signed`: the organizer (after the sign-in middleware); `form`: the form's fields once read (for the not-saved page). */
export type Env = { Variables: { signed: Signed; form?: FormBodyAll } };
export type DeskApp = Hono<Env>;
export type DeskContext = Context<Env>;
export type FormBody = Record<string, string | File>;
export type FormBodyAll = Record<string, string | string[] | File | File[]>;

/** A page that refuses with one sentence and a status, nothing changed. */
export class Refused extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 429,
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
  }
}

/** A page's status (a refused form is drawn again with 400) and its small script (live figures). */
export interface RenderExtra {
  status?: ContentfulStatusCode;
  script?: string;
}

/** What the pages share: the services, the mount point, and how a form is read and a page drawn. */
export interface Desk {
  /** The services of the conference the request acts on (src/desk/current.ts); those given outside a request. */
  deps: DeskDeps;
  /** Which conference a request acts on. */
  scope: ConferenceScope<DeskDeps>;
  base: string;
  now(): Date;
  /** The translation of a visitor who has not signed in (the default language). */
  plainT(): Translate;
  /** The form's fields, once its CSRF token is checked. */
  form(c: DeskContext): Promise<FormBody>;
  form(c: DeskContext, all: true): Promise<FormBodyAll>;
  /** A page in the desk's frame, for the organizer signed in. */
  render(c: DeskContext, title: string, body: Html, extra?: RenderExtra): Response | Promise<Response>;
  /** A short page saying what was done, with a link back. */
  done(c: DeskContext, title: string, message: string, back: string): Response | Promise<Response>;
  csrfInput(c: DeskContext): Html;
  /** The unit by its id, or a 404 page. */
  requireUnitId(id: string): Unit;
  /** The conference shown to the signed-in organizer, when it is closed (its pages are drawn for reading only, src/desk/readonly.ts). */
  closedShown(c: DeskContext): ConferenceChoice | undefined;
  /** A part of a page that only serves a change (a form's heading and hints): left out of a closed conference's pages. */
  forChanges(c: DeskContext, part: Html): Html;
  /** The paths of the questions before a change (confirmed(), src/desk/confirm.ts): a closed conference's pages draw no link to them. */
  asks: string[];
}

/** A field of a form, trimmed ("" when absent or a file). */
export function field(body: FormBody | FormBodyAll, name: string): string {
  const v = body[name];
  return typeof v === "string" ? v.trim() : "";
}

/**
 * A form's fields; a body that is not a form (a cut or malformed multipart, a wrong encoding) is
 * refused 400 with one sentence, not a failure of the page.
 */
export async function parseForm(c: Context, all = false): Promise<FormBodyAll> {
  try {
    return (await c.req.parseBody({ all })) as FormBodyAll;
  } catch {
    throw new Refused(400, "desk-bad-form");
  }
}

export function makeDesk(given: DeskDeps, base: string): Desk {
  const scope = conferenceScope(given);
  const deps = scope.deps;
  const now = () => deps.clock.now();
  const plainT = () => deskTranslate(deps.i18n, deps.config.defaultLanguage);

  async function form(c: DeskContext): Promise<FormBody>;
  async function form(c: DeskContext, all: true): Promise<FormBodyAll>;
  async function form(c: DeskContext, all = false): Promise<FormBodyAll> {
    const body = await parseForm(c, all);
    const token = body._csrf;
    if (typeof token !== "string" || !sameSecret(token, c.get("signed").session.csrf)) throw new Refused(403, "desk-csrf");
    c.set("form", body);
    return body;
  }
  const csrfInput = (c: DeskContext) => html`<input type="hidden" name="_csrf" value="${c.get("signed").session.csrf}">`;
  const asks: string[] = [];
  function render(c: DeskContext, title: string, body: Html, extra: RenderExtra = {}) {
    const { t, account, session } = c.get("signed");
    const label = account.displayName ? t("desk-signed-in", { name: account.displayName }) : t("desk-signed-in-organizers");
    const path = new URL(c.req.url).pathname;
    // Asked again, not the request's: a page that just changed the choice, or closed the conference, names it as it is now.
    const working = scope.resolve(c, account.key);
    const closed = working?.choice.status === "closed" ? working.choice : undefined;
    const banner = closed ? undefined : conferenceBanner(t, base, working);
    const shown = closed ? html`${closedLine(t, base, closed)}${readOnlyBody(body, base, asks)}` : body;
    return c.html(page({ t, title, base, path, who: { label, csrf: session.csrf }, ...(banner && { banner }), ...(extra.script ? { script: extra.script } : {}), body: shown }), extra.status ?? 200);
  }
  function closedShown(c: DeskContext): ConferenceChoice | undefined {
    // The request's conference, chosen once when it began (src/desk/current.ts); asked again only outside one.
    const choice = (scope.working() ?? scope.resolve(c, c.get("signed").account.key))?.choice;
    return choice?.status === "closed" ? choice : undefined;
  }
  const forChanges = (c: DeskContext, part: Html) => (closedShown(c) ? html`` : part);
  function done(c: DeskContext, title: string, message: string, back: string) {
    return render(c, title, html`<p class="notice">${message}</p><p><a href="${back}">${c.get("signed").t("desk-back")}</a></p>`);
  }
  function requireUnitId(id: string): Unit {
    const unit = deps.conference.unit(id);
    if (!unit) throw new Refused(404, "desk-not-found");
    return unit;
  }

  return { deps, scope, base, now, plainT, form, render, done, csrfInput, requireUnitId, closedShown, forChanges, asks };
}

/** The line under the menu naming the conference worked on, with the way to another: only when the bot serves several (a closed one has its own line, src/desk/readonly.ts). */
function conferenceBanner(t: Translate, base: string, w: Working | undefined): Html | undefined {
  if (!w?.several) return undefined;
  return html`<p class="conf-line">${t("desk-conference-banner", { title: w.choice.title })}
    <a href="${base}/hoi-nghi">${t("desk-conference-banner-link")}</a></p>`;
}

/**
 * The account behind a key. An organizer of ORGANIZER_IDS may have none stored yet: then it has no
 * name (never its id as one: the desk greets it as "Ban tổ chức", and nothing it records carries the id as a person's name).
 */
export function accountOf(deps: Services, key: AccountKey): Account {
  const found = deps.store.data.accounts[key];
  if (found) return found;
  const [channel = "console", ...rest] = key.split(":");
  const userId = rest.join(":");
  return { key, channel: channel as Account["channel"], userId, chatId: userId, displayName: "", language: deps.config.defaultLanguage };
}

/** The signed-in organizer, as the actions (src/actions/) take the one who acts. */
export function deskActor(c: DeskContext): Actor {
  return actorOf(c.get("signed").account, "organizer");
}
