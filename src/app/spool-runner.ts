// The running bot's side of DATA_DIR/spool: the requests the command line hands over while the bot
// holds the store (src/outbox/spool.ts), run one after another through the same code as the chat and
// the desk, each answered with a result file the command line is waiting for.
import { rename } from "node:fs/promises";
import { UserError } from "../domain/errors.js";
import { ensureInvites, ORGANIZER_TARGET } from "../domain/identity.js";
import { issueMissingCodesAction } from "../actions/letters.js";
import { commonArgs } from "../outbox/notify.js";
import { readRequests, removeSpooled, type SpoolRequest, type SpoolResult, writeResult } from "../outbox/spool.js";
import { TableRefused } from "../scores/table.js";
import { refusalText } from "../scores/format.js";
import type { Translate } from "../lib/i18n.js";
import type { App } from "./app.js";
import { CliError, cliKey } from "./cli-core.js";
import { CLI_ACTOR, keepOldTable, parseTable, storeTable } from "./cli-scores.js";
import { addHere, closeHere } from "./cli-conferences.js";
import { ConferenceFileError } from "../conference/errors.js";

/** How often the bot looks for requests. */
export const SPOOL_POLL_MS = 300;

/** Runs one request; returns the lines the command line prints. */
async function run(app: App, request: SpoolRequest, t: Translate): Promise<string[]> {
  const services = app.services;
  if (request.kind === "import-scores") {
    const previous = request.previous === true;
    const table = await parseTable(services.conference, request.name, Buffer.from(request.data, "base64"), t, previous);
    if (previous) return keepOldTable(services, table, t);
    const { lines } = await storeTable(services, table, request.publish, t);
    return lines;
  }
  // The running bot serves a conference added here at once: the same App.conferences as the chat's.
  if (request.kind === "conference-add") return addHere(app, request.file, t);
  if (request.kind === "conference-close") return closeHere(app, request.conference, t);
  const { result } = await issueMissingCodesAction(services, CLI_ACTOR);
  if (request.organizers) await ensureInvites(services.store, [ORGANIZER_TARGET], services.clock.now());
  return [t("cli-spool-codes-issued", { count: result.issued.length })];
}

/** A refusal in the lines of the command line: a table's problems, a rule of the domain; anything else is logged. */
function refusalLines(app: App, err: unknown, t: Translate, request: SpoolRequest): string[] | undefined {
  if (err instanceof CliError) return [err.message];
  if (err instanceof ConferenceFileError) return [err.describe(t)];
  if (err instanceof TableRefused) return [refusalText(t, request.kind === "import-scores" ? request.name : "", err)];
  if (err instanceof UserError) return [t(cliKey(err.key), { ...commonArgs(app.services, t), ...err.args })];
  return undefined;
}

/** Takes in every waiting request once: each is claimed (renamed) before it runs, so it never runs twice. */
export async function runSpooledRequests(app: App): Promise<number> {
  const { logger, i18n } = app.services;
  const t = i18n.forLanguage(app.config.defaultLanguage);
  const waiting = await readRequests(app.config.dataDir);
  for (const { file, request } of waiting) {
    const claimed = `${file}.taken`;
    try {
      await rename(file, claimed);
    } catch {
      continue;
    }
    let result: SpoolResult;
    try {
      result = { id: request.id, ok: true, lines: await run(app, request, t) };
      logger.info({ request: request.id, kind: request.kind }, "spooled request done");
    } catch (err) {
      const lines = refusalLines(app, err, t, request);
      if (!lines) logger.error({ request: request.id, kind: request.kind, err: (err as Error).message }, "spooled request failed");
      else logger.info({ request: request.id, kind: request.kind }, "spooled request refused");
      result = { id: request.id, ok: false, lines: lines ?? [t("cli-spool-failed")] };
    }
    await writeResult(app.config.dataDir, result);
    await removeSpooled(claimed);
  }
  return waiting.length;
}

/** Looks for requests every SPOOL_POLL_MS until stopped (one round at a time); stop() waits for the round under way. */
export function startSpoolRunner(app: App, pollMs = SPOOL_POLL_MS): { stop(): Promise<void> } {
  let round: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    round = round.then(() => (stopped ? 0 : runSpooledRequests(app))).catch((err: Error) => app.services.logger.error({ err: err.message }, "spool round failed"));
  }, pollMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await round;
    },
  };
}
