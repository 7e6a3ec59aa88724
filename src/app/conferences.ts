// The conferences of one process: each with its own services (its view of the store, its file, its
// messages) and its own command layer, over the one store, outbox and channels. Built by createApp;
// nothing here is found through a module-level list.
import * as fsp from "node:fs/promises";
import path from "node:path";
import type { Logger } from "pino";
import { createBot } from "../../commands/index.js";
import type { CommandLayer } from "../../commands/router.js";
import { conferenceStore } from "../../storage/conference-view.js";
import { emptyConferenceData, MIGRATED_CONFERENCE } from "../../storage/schema.js";
import type { RootStore, Store } from "../../storage/store.js";
import { CACHE_DIR } from "../config/paths.js";
import type { AppConfig } from "../config/types.js";
import { loadConferenceCached } from "../conference/cached.js";
import type { Conference } from "../conference/schema.js";
import { type ConferenceService, createConferenceService } from "../conference/service.js";
import { addConference, adoptMigrated, chooseConference, closeConference, ConferenceUnknown, concerning, conferenceList, markTold, refreshConference } from "../domain/conferences.js";
import { type CodeGuard, roleOf } from "../domain/identity.js";
import { localUnitKinds } from "../domain/units.js";
import type { NoticesPort } from "../domain/notices.js";
import { type I18n, withDefaultArgs } from "../lib/i18n.js";
import type { Clock } from "../lib/time.js";
import type { ConferenceChoice, ConferencesPort, Notifier, Services } from "../messages/types.js";
import type { Outbox } from "../outbox/worker.js";
import type { AccountKey } from "../../storage/schema.js";
import { tellInvitedAction } from "../actions/conferences.js";

/** One conference with everything that serves it. */
export interface ConferenceContext {
  id: string;
  conference: ConferenceService;
  store: Store;
  services: Services;
  bot: CommandLayer;
  i18n: I18n;
  /** Each unit's copy of the issued conclusions (the outbox's repair of notices a stop left unfiled). */
  conclusionsCopy: (unitId: string) => Promise<{ name: string; data: Buffer }>;
}

export interface ConferencesDeps {
  root: RootStore;
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  i18n: I18n;
  codeGuard: CodeGuard;
  /** The outbox, once made (the contexts' notices go through it; it renders with the contexts). */
  outbox: () => Outbox;
  /** Read only: nothing is added or adopted (a snapshot for the command line). */
  readOnly?: boolean;
}

export interface Conferences extends ConferencesPort {
  /** The conference of CONFERENCE_FILE: what a process of one conference serves, and what a newcomer meets first. */
  readonly primary: ConferenceContext;
  get(id: string): ConferenceContext | undefined;
  all(): ConferenceContext[];
  running(): ConferenceContext[];
  /** The conference of CONFERENCE_FILE when this start added it (its delegates, if any, are to be told). */
  readonly addedAtStart?: string;
  /** Sends the delegates of conference `id`'s units not told yet their giấy mời (once per unit). */
  invite(id: string, by: AccountKey): Promise<{ told: string[]; without: string[] }>;
}

/** The conference files of closed conferences, kept as they were (DATA_DIR/conferences/<id>.closed.yaml). */
export function frozenPath(dataDir: string, id: string): string {
  return path.join(dataDir, "conferences", `${id}.closed.yaml`);
}

/**
 * Opens every conference of the store, and the one of CONFERENCE_FILE (added on first start; a store of
 * one conference, migrated, is given its id). A running conference whose file cannot be read stops the
 * start, with the file's name (loadConferenceCached says what is wrong in it).
 */
export async function openConferences(deps: ConferencesDeps, preloaded?: Conference): Promise<Conferences> {
  const { root, config, clock, logger } = deps;
  const primaryFile = path.resolve(config.conferenceFile);
  const primaryConf = preloaded ?? (await loadConferenceCached(primaryFile, CACHE_DIR));
  const now = clock.now();
  let addedNow: string | undefined;
  if (deps.readOnly) {
    // A snapshot: what is not in the store yet is seen as empty, in memory only.
    const d = root.data;
    if (!d.conferences[primaryConf.id]) {
      const migrated = d.conferences[MIGRATED_CONFERENCE];
      d.conferences[primaryConf.id] = { ...(migrated ?? emptyConferenceData()), id: primaryConf.id, file: primaryFile, title: primaryConf.short_title ?? primaryConf.title, status: "running", addedAt: now.toISOString() };
    }
  } else {
    const input = { id: primaryConf.id, file: primaryFile, title: primaryConf.short_title ?? primaryConf.title };
    if (await adoptMigrated(root, input, now)) logger.info({ conference: input.id }, "the store's one conference is now filed under its id");
    if (!root.data.conferences[input.id]) {
      await addConference(root, input, undefined, now);
      addedNow = input.id;
    } else await refreshConference(root, input.id, input);
  }
  const contexts = new Map<string, ConferenceContext>();
  // Filled in below: the services of each conference hold this object, the whole port once built.
  const port = {} as Conferences;

  function make(conf: Conference, file: string): ConferenceContext {
    const id = conf.id;
    const store = conferenceStore(root, id);
    const conference = createConferenceService({ conf, file, store, closed: () => root.data.conferences[id]?.status === "closed" });
    // "các xã, thị trấn" of a district, "các xã, phường" of a province after 2025: from the units the conference invites.
    const i18n = withDefaultArgs(deps.i18n, (t) => ({ localUnits: localUnitKinds(conference).map((k) => t(`local-units-${k}`)).join(", "), bodyLevel: t(`level-${conf.level}`) }));
    const notices: NoticesPort = {
      create: (input) => deps.outbox().create({ ...input, conference: id }),
      createAndWait: (input) => deps.outbox().createAndWait({ ...input, conference: id }),
      kick: () => deps.outbox().kick(),
    };
    const notifier: Notifier = { send: (messages, options) => deps.outbox().send(messages, { ...options, conference: id }) };
    const services: Services = { store, conference, clock, logger, i18n, config, notifier, notices, codeGuard: deps.codeGuard, scheduleAcks: new Map(), conferences: port };
    const conclusionsCopy = async (unitId: string) => {
      const [{ conclusionsCopies }, { conclusionsDocView }] = await Promise.all([import("../documents/conclusions.js"), import("../views/conclusions.js")]);
      return conclusionsCopies(conference.conf, i18n.forLanguage(config.defaultLanguage), (u) => conclusionsDocView(conference, store.data, u))(unitId);
    };
    return { id, conference, store, services, bot: createBot(services), i18n, conclusionsCopy };
  }

  const choice = (c: ConferenceContext, current?: string): ConferenceChoice => ({
    id: c.id,
    title: c.conference.conf.short_title ?? c.conference.conf.title,
    status: c.conference.closed() ? "closed" : "running",
    current: c.id === current,
  });
  const running = () => [...contexts.values()].filter((c) => !c.conference.closed());
  const invites = (c: ConferenceContext, unitId: string) => Boolean(c.conference.unit(unitId));

  Object.assign(port, {
    forAccount(key: AccountKey): ConferenceChoice[] {
      const { account, organizer, ids } = concernedOf(key);
      const current = currentFor(key, ids);
      const open = ids.map((id) => contexts.get(id) as ConferenceContext);
      const closed = [...contexts.values()].filter((c) => c.conference.closed() && (organizer || (account?.unitId !== undefined && invites(c, account.unitId))));
      return [...open, ...closed].map((c) => choice(c, current));
    },
    async choose(key: AccountKey, id: string): Promise<ConferenceChoice> {
      const c = contexts.get(id);
      const offered = port.forAccount(key).find((x) => x.id === id && x.status === "running");
      if (!c || !offered) throw new ConferenceUnknown("conference-unknown", { id });
      await chooseConference(root, key, id);
      return choice(c, id);
    },
    async close(id: string, by: AccountKey): Promise<ConferenceChoice> {
      const c = contexts.get(id);
      if (!c) throw new ConferenceUnknown("conference-unknown", { id });
      const frozen = frozenPath(config.dataDir, id);
      await fsp.mkdir(path.dirname(frozen), { recursive: true });
      // The file as it is now, kept for good: the closed conference reads it, whatever becomes of the original.
      if (!c.conference.closed()) await fsp.copyFile(c.conference.file, frozen);
      await closeConference(root, id, by, clock.now(), frozen);
      logger.info({ conference: id }, "conference closed");
      return choice(c);
    },
  });

  /** A person, whether an organizer, and the running conferences that concern them. */
  function concernedOf(key: AccountKey) {
    const account = root.data.accounts[key];
    const organizer = account ? roleOf(account, config.organizerIds) === "organizer" : config.organizerIds.has(key);
    return { account, organizer, ids: concerning(running().map((c) => ({ id: c.id, invites: (u) => invites(c, u) })), account, organizer) };
  }

  /** The conference a person's messages act on among `ids`: their choice, or the only one. */
  function currentFor(key: string, ids: string[]): string | undefined {
    const chosen = root.data.accounts[key]?.conference;
    if (chosen && ids.includes(chosen)) return chosen;
    return ids.length === 1 ? ids[0] : undefined;
  }

  // A closed conference reads the copy of its file kept when it closed, whatever CONFERENCE_FILE says now.
  const primaryRecord = root.data.conferences[primaryConf.id];
  const primary = primaryRecord?.status === "closed" && primaryRecord.frozenFile ? make(await loadConferenceCached(primaryRecord.frozenFile, CACHE_DIR), primaryRecord.frozenFile) : make(primaryConf, primaryFile);
  contexts.set(primary.id, primary);
  for (const record of Object.values(root.data.conferences)) {
    if (contexts.has(record.id) || record.id === MIGRATED_CONFERENCE) continue;
    const file = record.status === "closed" && record.frozenFile ? record.frozenFile : record.file;
    const conf = await loadConferenceCached(file, CACHE_DIR);
    contexts.set(record.id, make(conf, file));
  }

  /** Each unit's giấy mời of conference `c`, for the notice that tells its delegates (the letters of every unit made once per call). */
  function letterMaker(c: ConferenceContext) {
    let made: Promise<Map<string, { name: string; data: Buffer }>> | undefined;
    return async (unitId: string) => {
      made ??= (async () => {
        const [{ invitationFiles }, { lettersView }] = await Promise.all([import("../documents/invitation-data.js"), import("../views/letters.js")]);
        const view = lettersView(c.store.data, c.conference, config.links, clock.now());
        const files = await invitationFiles(c.conference, config.links, view, c.i18n.forLanguage(config.defaultLanguage), true);
        return new Map(files.units.map((u) => [u.unitId, { name: u.name, data: u.data }] as const));
      })();
      const letter = (await made).get(unitId);
      if (!letter) throw new Error(`no letter for ${unitId}`);
      return letter;
    };
  }

  async function invite(id: string, by: AccountKey) {
    const c = contexts.get(id);
    if (!c || c.conference.closed()) throw new ConferenceUnknown("conference-unknown", { id });
    // The units told have delegates, who joined with the unit's code: their letters carry that same code.
    const { result } = await tellInvitedAction(c.services, { told: root.data.conferences[id]?.told ?? [], letter: letterMaker(c) }, by);
    await markTold(root, id, result.units);
    return { told: result.units, without: result.without };
  }

  return Object.assign(port, {
    primary,
    ...(addedNow && { addedAtStart: addedNow }),
    get: (id: string) => contexts.get(id),
    all: () => [...contexts.values()],
    running,
    invite,
    current(key: AccountKey): string {
      const { ids } = concernedOf(key);
      return currentFor(key, ids) ?? (ids.includes(primary.id) ? primary.id : (ids[0] ?? primary.id));
    },
    list(): ConferenceChoice[] {
      return conferenceList(root.data).flatMap((s) => {
        const c = contexts.get(s.id);
        return c ? [{ ...choice(c), addedAt: s.addedAt, file: s.file, ...(s.closedAt && { closedAt: s.closedAt }) }] : [];
      });
    },
    services: (id: string) => contexts.get(id)?.services,
    async add(file: string, by: AccountKey) {
      const resolved = path.resolve(file);
      const conf = await loadConferenceCached(resolved, CACHE_DIR);
      await addConference(root, { id: conf.id, file: resolved, title: conf.short_title ?? conf.title }, by, clock.now());
      const c = make(conf, resolved);
      contexts.set(c.id, c);
      logger.info({ conference: c.id }, "conference added");
      const { told, without } = await invite(c.id, by);
      return { conference: choice(c), told, without };
    },
  });
}

