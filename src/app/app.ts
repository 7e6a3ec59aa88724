// Wires one process: config, conference file, store, messages, logger and the command layer.
import path from "node:path";
import type { Logger } from "pino";
import { createBot } from "../../commands/index.js";
import type { CommandLayer } from "../../commands/router.js";
import type { Clock } from "../lib/time.js";
import type { Services } from "../messages/types.js";
import type { FileOps } from "../../storage/durable-file.js";
import { openSnapshot, openStore, type Store } from "../../storage/store.js";
import type { AppConfig } from "../config/types.js";
import { CACHE_DIR } from "../config/paths.js";
import { loadConferenceCached } from "../conference/cached.js";
import type { Conference } from "../conference/schema.js";
import { createConferenceService } from "../conference/service.js";
import { CodeGuard } from "../domain/identity.js";
import { createI18n, type I18n, withDefaultArgs } from "../lib/i18n.js";
import { localUnitKinds } from "../domain/units.js";
import { createLogger } from "../lib/logger.js";
import { type ChannelNotifier, createNotifier } from "../outbox/notifier.js";
import { createOutbox, type Outbox } from "../outbox/worker.js";
import { systemClock } from "../lib/time.js";
import { createHttpService, type HttpService } from "./http-server.js";


export interface App {
  config: AppConfig;
  services: Services;
  bot: CommandLayer;
  store: Store;
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
  const conferenceFile = path.resolve(config.conferenceFile);
  const conf = options.conference ?? (await loadConferenceCached(conferenceFile, CACHE_DIR));
  const store = options.snapshot ? await openSnapshot({ dir: config.dataDir, fileOps: options.fileOps }) : await openStore({ dir: config.dataDir, fileOps: options.fileOps });
  const conference = createConferenceService({ conf, file: conferenceFile, store });
  // "các xã, thị trấn" of a district, "các xã, phường" of a province after 2025: from the units the conference invites.
  const i18n = withDefaultArgs(baseI18n, (t) => ({ localUnits: localUnitKinds(conference).map((k) => t(`local-units-${k}`)).join(", "), bodyLevel: t(`level-${conf.level}`) }));
  const notifier = createNotifier({ store, logger });
  // Each unit's copy of the conclusions, for the notices a stop left unfiled (the outbox knows no documents).
  const conclusionsCopy = async (unitId: string) => {
    const [{ conclusionsCopies }, { conclusionsDocView }] = await Promise.all([import("../documents/conclusions.js"), import("../views/conclusions.js")]);
    return conclusionsCopies(conference.conf, i18n.forLanguage(config.defaultLanguage), (id) => conclusionsDocView(conference, store.data, id))(unitId);
  };
  const outbox = createOutbox({ store, logger, clock, i18n, conference, config, notifier, conclusionsCopy });
  notifier.useQueue(outbox.send);
  // The outbox is the notices port and the queue behind Notifier.send; both are passed explicitly.
  const services: Services = { store, conference, clock, logger, i18n, config, notifier, notices: outbox, codeGuard: new CodeGuard(), scheduleAcks: new Map() };
  const bot = createBot(services);
  if (!options.snapshot) outbox.start();
  const http = createHttpService({ config, services, store });
  return {
    config,
    services,
    bot,
    store,
    notifier,
    outbox,
    http,
    async close() {
      await http.close();
      await outbox.stop();
      await store.close();
    },
  };
}
