// The command line beside the running bot. The bot holds the store (its lock); a command that only
// reads reads a snapshot of the store file instead (storage/store.ts openSnapshot), and a command
// that changes something hands the change to the bot through DATA_DIR/spool and waits for its result.
import { randomBytes } from "node:crypto";
import { StoreLocked } from "../../storage/store.js";
import type { AppConfig } from "../config/types.js";
import { UserError } from "../domain/errors.js";
import { activeInvite, ORGANIZER_TARGET } from "../domain/identity.js";
import type { Translate } from "../lib/i18n.js";
import { createLogger } from "../lib/logger.js";
import { systemClock } from "../lib/time.js";
import { removeSpooled, type SpoolRequest, stillWaiting, takeResult, writeRequest } from "../outbox/spool.js";
import { type App, createApp } from "./app.js";
import { CliError, type CliIo, cliKey, openApp } from "./cli-core.js";
import { loadConfig } from "./config.js";

/** How long the command line waits for the bot's result by default. */
export const SPOOL_WAIT_MS = 30_000;
/** How often it looks for the result. */
const POLL_MS = 150;

/** The app for a command that only reads: the store itself, or, while the bot holds it, a snapshot of its file. */
export async function openForReading(io: CliIo): Promise<{ app: App; besideBot: boolean }> {
  try {
    return { app: await openApp(io), besideBot: false };
  } catch (err) {
    if (!(err instanceof StoreLocked)) throw err;
    const config = loadConfig(io.env);
    return { app: await createApp({ config, logger: createLogger("warn"), snapshot: true }), besideBot: true };
  }
}

export type RequestBody = SpoolRequest extends infer R ? (R extends SpoolRequest ? Omit<R, "id" | "createdAt" | "createdBy"> : never) : never;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Hands `body` to the running bot and waits for its result: the lines it printed (a refusal is a
 * CliError with its lines). When no bot takes the request in `waitMs`, the request is withdrawn
 * and the refusal says what to do; when the bot took it but has not answered, it says where to look.
 */
export async function handToBot(config: Pick<AppConfig, "dataDir">, t: Translate, body: RequestBody, waitMs = SPOOL_WAIT_MS): Promise<string[]> {
  const id = `${systemClock.now().toISOString().replace(/\D/g, "").slice(0, 14)}-${randomBytes(4).toString("hex")}`;
  const request = { ...body, id, createdAt: systemClock.now().toISOString(), createdBy: "cli" } as SpoolRequest;
  const file = await writeRequest(config.dataDir, request);
  for (let waited = 0; waited < waitMs; waited += POLL_MS) {
    await sleep(POLL_MS);
    const result = await takeResult(config.dataDir, id);
    if (!result) continue;
    if (!result.ok) throw new CliError(result.lines.join("\n"));
    return result.lines;
  }
  const seconds = Math.round(waitMs / 1000);
  if (await stillWaiting(file)) {
    // Nobody took it: withdrawn, so that a bot started later does not do it unasked.
    await removeSpooled(file);
    throw new CliError(t("cli-spool-not-taken", { seconds }));
  }
  throw new CliError(t("cli-spool-no-answer", { seconds, id }));
}

/**
 * The app for a command that prints invite codes (the letters, the list of codes): while the bot
 * holds the store and some unit (or, with `organizers`, the organizers) has no code yet, the bot
 * issues the missing codes first, then a snapshot taken after it is read. Otherwise the store itself,
 * where the command issues them as it always did.
 */
export async function openWithCodes(io: CliIo, t: Translate, organizers: boolean): Promise<App> {
  const first = await openForReading(io);
  if (!first.besideBot) return first.app;
  const { store, conference } = first.app.services;
  const targets = [...conference.units().map((u) => u.id), ...(organizers ? [ORGANIZER_TARGET] : [])];
  const missing = targets.some((target) => !activeInvite(store.data, target));
  if (!missing) return first.app;
  await first.app.close();
  io.out(t("cli-spool-handing"));
  for (const line of await handToBot(first.app.config, t, { kind: "issue-codes", organizers })) io.out(line);
  return (await openForReading(io)).app;
}

/**
 * A change made here when no bot holds the store, or else handed to the running bot as `body`: `here`
 * makes it on the store and returns the lines to print (the bot's runner prints the same lines); a rule
 * of the domain refuses in one line, and nothing changes.
 */
export async function changeHereOrThroughBot(io: CliIo, t: Translate, body: RequestBody, here: (app: App) => Promise<string[]>): Promise<void> {
  const app = await openApp(io).catch((err: unknown) => {
    if (err instanceof StoreLocked) return undefined;
    throw err;
  });
  if (!app) {
    io.out(t("cli-spool-handing"));
    for (const line of await handToBot(loadConfig(io.env), t, body)) io.out(line);
    return;
  }
  try {
    for (const line of await here(app)) io.out(line);
  } catch (err) {
    if (err instanceof UserError) throw new CliError(t(cliKey(err.key), err.args));
    throw err;
  } finally {
    await app.close();
  }
}
