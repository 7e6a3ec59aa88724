// Wires one process: config, conference file, store, messages, logger and the command layer.
import type { Logger } from "pino";
import { createConferenceRouter, type RoutedConference } from "../../commands/conference-router.js";
import type { CommandLayer } from "../../commands/router.js";
import type { Clock } from "../lib/time.js";
import type { Services } from "../messages/types.js";
import type { FileOps } from "../../storage/durable-file.js";
import { openSnapshot, openStore, type RootStore, type Store } from "../../storage/store.js";
import type { AppConfig } from "../config/types.js";
import type { Conference } from "../conference/schema.js";
import { CodeGuard } from "../domain/identity.js";
import { newConference } from "../domain/conferences.js";
import { loadConferenceCached } from "../conference/cached.js";
import { CACHE_DIR } from "../config/paths.js";
import type { StoreData } from "../../storage/schema.js";
import path from "node:path";
import { createI18n, type I18n } from "../lib/i18n.js";
import { type ConferenceContext, type Conferences, openConferences } from "./conferences.js";
import { createLogger } from "../lib/logger.js";
import { type ChannelNotifier, createNotifier } from "../outbox/notifier.js";
import { createOutbox, type Outbox } from "../outbox/worker.js";
import { systemClock } from "../lib/time.js";
import { createHttpService, type HttpService } from "./http-server.js";


export interface App {
  config: AppConfig;
  /** The services of the first conference (CONFERENCE_FILE): the channels' and a process of one conference's. */
  services: Services;
  /** Every conference's commands, each message given to the conference it concerns (commands/conference-router.ts). */
  bot: CommandLayer;
  /** The first conference's view of the store (shared data and its own). */
  store: Store;
  /** The whole store: what is shared, and every conference. */
  root: RootStore;
  /** Every conference of the bot, with its services. */
  conferences: Conferences;
  notifier: ChannelNotifier;
  /** The notices queue: Notifier.send, /thongbao and reminders go through it. */
  outbox: Outbox;
  /**
   * This process's HTTP side (src/app/http-server.ts): the one server, made at first ask and
   * listening once the wiring says so, and the file links handed to channels. Held here, on the
   * App, so two Apps in one process never share it.
   */
  http: HttpService;
  /** Closes the HTTP server if it listens, then finishes pending writes. */
  close(): Promise<void>;
}

export interface AppOptions {
  config: AppConfig;
  clock?: Clock;
  logger?: Logger;
  i18n?: I18n;
  /** An already loaded conference (tests); otherwise config.conferenceFile is read. */
  conference?: Conference;
  /** File operations of the store (tests simulate a failing disk). */
  fileOps?: FileOps;
  /**
   * Reads a snapshot of the store without its lock (storage/store.ts openSnapshot), for a command
   * that only reads while the bot holds the store: nothing can be changed, and the outbox is not
   * started (it would plan reminders and take in the bot's spool).
   */
  snapshot?: boolean;
}

/**
 * Builds every service of one process, each from the services it needs, passed by name: nothing
 * is found through a module-level list or a hidden map.
 */
export async function createApp(options: AppOptions): Promise<App> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const baseI18n = options.i18n ?? createI18n({ defaultLanguage: config.defaultLanguage });
  const clock = options.clock ?? systemClock;
  const primaryFile = path.resolve(config.conferenceFile);
  const primary = options.conference ?? (await loadConferenceCached(primaryFile, CACHE_DIR));
  // A store made now starts with its conference, in its first write.
  const seed = (d: StoreData) => {
    d.conferences[primary.id] = newConference({ id: primary.id, file: primaryFile, title: primary.short_title ?? primary.title }, undefined, clock.now());
  };
  const root = options.snapshot ? await openSnapshot({ dir: config.dataDir, fileOps: options.fileOps }) : await openStore({ dir: config.dataDir, fileOps: options.fileOps, seed });
  let outboxRef: Outbox | undefined;
  const outboxOf = () => {
    if (!outboxRef) throw new Error("outbox not made yet");
    return outboxRef;
  };
  let conferences: Conferences;
  try {
    conferences = await openConferences({ root, config, clock, logger, i18n: baseI18n, codeGuard: new CodeGuard(), outbox: outboxOf, readOnly: options.snapshot }, primary);
  } catch (err) {
    await root.close();
    throw err;
  }
  const first = conferences.primary;
  const { store, conference } = first;
  const notifier = createNotifier({ store, logger });
  // Each conference renders its own notices and plans its own reminders; the outbox knows no documents: the copies of the conclusions are handed in.
  const outbox = createOutbox({
    store,
    logger,
    clock,
    i18n: first.i18n,
    conference,
    config,
    notifier,
    conclusionsCopy: first.conclusionsCopy,
    // Each context is an OutboxConference as it is (its store, file, messages and copies of the conclusions).
    conferences: () => conferences.all(),
  });
  outboxRef = outbox;
  notifier.useQueue((messages, sendOptions) => outbox.send(messages, { conference: first.id, ...sendOptions }));
  const services = first.services;
  const routed = (c: ConferenceContext): RoutedConference => ({
    id: c.id,
    bot: c.bot,
    title: c.conference.conf.short_title ?? c.conference.conf.title,
    closed: () => c.conference.closed(),
    invites: (unitId) => Boolean(c.conference.unit(unitId)),
  });
  const bot = createConferenceRouter({
    root,
    primary: () => routed(conferences.primary),
    all: () => conferences.all().map(routed),
    organizerIds: config.organizerIds,
    clock,
    i18n: baseI18n,
    defaultLanguage: config.defaultLanguage,
  });
  if (!options.snapshot) outbox.start();
  // A conference file met for the first time at this start: the delegates who joined for earlier conferences get its giấy mời.
  if (!options.snapshot && conferences.addedAtStart) {
    const added = conferences.addedAtStart;
    await conferences.invite(added, "system").catch((err: Error) => logger.error({ err: err.message, conference: added }, "the new conference's letters could not be sent"));
  }
  const http = createHttpService({ config, services, store });
  return {
    config,
    services,
    bot,
    store,
    root,
    conferences,
    notifier,
    outbox,
    http,
    async close() {
      await http.close();
      await outbox.stop();
      await root.close();
    },
  };
}
