// The conference a desk page acts on: the signed-in organizer's current one, the same choice as the
// chat's (/hoinghi; ConferencesPort.current), or a closed one they chose to read on the desk (kept in a
// cookie of the desk only: a closed conference is never anyone's working choice). Each request runs
// with that conference's services; `desk.deps` reads them, so every page draws and changes the
// conference chosen without knowing there are several. A visitor who has not signed in meets the
// services the desk was given (the first conference).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { AccountKey } from "../../storage/schema.js";
import type { ConferenceChoice, Services } from "../messages/types.js";

/** The cookie naming the closed conference an organizer reads on the desk. */
export const READING_COOKIE = "hoinghi_desk_doc";

/** The conference of a request: its choice (title, status) and its services. */
export interface Working {
  choice: ConferenceChoice;
  services: Services;
  /** Whether the bot serves more than one conference (the frame names the one shown only then). */
  several: boolean;
}

/** Keys of the desk itself, never a conference's. */
const OWN_KEYS: ReadonlySet<PropertyKey> = new Set(["sessions", "base"]);

export interface ConferenceScope<D extends Services = Services> {
  /** The services of the request's conference; those given outside a request (or before sign-in). */
  deps: D;
  /** The request's conference, once the organizer is signed in. */
  working(): Working | undefined;
  /** What a signed-in organizer works on: the closed one they read, else their current one. */
  resolve(c: Context, key: AccountKey): Working | undefined;
  /** Runs the rest of the request with `working`'s services. */
  run<T>(working: Working, next: () => Promise<T>): Promise<T>;
}

/** `given`: the desk's services (the first conference's, with the desk's own keys). */
export function conferenceScope<D extends Services>(given: D): ConferenceScope<D> {
  const als = new AsyncLocalStorage<Working>();
  const deps = new Proxy(given, {
    get(target, key, receiver) {
      const w = als.getStore();
      if (!w || OWN_KEYS.has(key) || !(key in w.services)) return Reflect.get(target, key, receiver);
      return Reflect.get(w.services, key);
    },
  });

  function resolve(c: Context, key: AccountKey): Working | undefined {
    const port = given.conferences;
    if (!port) return undefined;
    const all = port.list();
    const reading = getCookie(c, READING_COOKIE);
    const read = reading ? all.find((x) => x.id === reading && x.status === "closed") : undefined;
    const id = read?.id ?? port.current(key);
    const services = port.services(id);
    const choice = all.find((x) => x.id === id);
    if (!services || !choice) return undefined;
    return { choice: { ...choice, current: !read }, services, several: all.length > 1 };
  }

  return {
    deps,
    working: () => als.getStore(),
    resolve,
    run: (working, next) => als.run(working, next),
  };
}
