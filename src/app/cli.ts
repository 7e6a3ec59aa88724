// The `hoinghi` command line: start (default), chat, invites, validate, and the organizer tools.
import path from "node:path";
import { displayCode, ensureInvites, ORGANIZER_TARGET } from "../../commands/identity.js";
import { StoreFileCorrupt } from "../../storage/durable-file.js";
import { StoreLocked } from "../../storage/store.js";
import { type App, createApp } from "./app.js";
import { broadcastSubcommand } from "./cli-broadcast.js";
import { ConferenceFileError, loadConference } from "../conference/load.js";
import { ConfigError, loadConfig } from "./config.js";
import { exportSubcommand } from "./cli-export.js";
import { createI18n, type Translate } from "../lib/i18n.js";
import { createLogger } from "../lib/logger.js";
import { importScores, writeScoreTemplate } from "./cli-scores.js";

/** A one-line refusal: printed to stderr, exit code 1. */
export class CliError extends Error {}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

export type Subcommand = (args: string[], io: CliIo, t: Translate) => Promise<number>;

/** Opens the app for a one-shot subcommand, quietly (logs only warnings). */
export async function openApp(io: CliIo, quiet = true): Promise<App> {
  const config = loadConfig(io.env);
  const logger = createLogger(quiet ? "warn" : config.logLevel);
  return createApp({ config, logger });
}

const subcommands = new Map<string, Subcommand>();

/** Feature modules add their subcommands (import-scores, export, broadcast). */
export function registerSubcommand(name: string, run: Subcommand): void {
  subcommands.set(name, run);
}

registerSubcommand("validate", async (args, io, t) => {
  const file = args[0];
  if (!file) throw new CliError(t("cli-missing-file"));
  const conf = loadConference(path.resolve(file));
  io.out(t("conf-file-ok", { file, title: conf.title, units: conf.units.length, agenda: conf.agenda.length }));
  return 0;
});

registerSubcommand("invites", async (args, io, t) => {
  const app = await openApp(io);
  try {
    const units = app.services.conference.units();
    const codes = await ensureInvites(app.store, [...units.map((u) => u.id), ORGANIZER_TARGET], app.services.clock.now());
    const rows = [...units.map((u) => ({ unit: u.id, name: u.name, kind: u.kind as string })), { unit: ORGANIZER_TARGET, name: t("invites-organizer"), kind: "organizer" }].map(
      (r) => ({ ...r, code: displayCode(codes.get(r.unit)?.code ?? "") }),
    );
    if (args.includes("--json")) io.out(JSON.stringify(rows, null, 2));
    else {
      io.out(t("cli-invites-title"));
      for (const r of rows) io.out(`${r.code}  ${r.name}`);
    }
  } finally {
    await app.close();
  }
  return 0;
});

registerSubcommand("chat", async (_args, io) => {
  const { runConsole } = await import("../channels/console/console.js");
  const app = await openApp(io);
  try {
    await runConsole(app, { input: io.stdin, output: io.stdout });
  } finally {
    await app.close();
  }
  return 0;
});

registerSubcommand("start", async (_args, io) => {
  const { startAll } = await import("./main.js");
  return startAll(io);
});

registerSubcommand("export", exportSubcommand);
registerSubcommand("broadcast", broadcastSubcommand);
registerSubcommand("import-scores", importScores);
registerSubcommand("score-template", writeScoreTemplate);
registerSubcommand("desk-link", (args, io, t) => import("./cli-desk.js").then((m) => m.deskLinkSubcommand(args, io, t)));

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const config = (() => {
    try {
      return loadConfig(io.env);
    } catch {
      return undefined;
    }
  })();
  const t = createI18n({ defaultLanguage: config?.defaultLanguage ?? "vi" }).forLanguage(config?.defaultLanguage ?? "vi");
  const [name = "start", ...args] = argv;
  const run = subcommands.get(name);
  try {
    if (!run) throw new CliError(t("cli-unknown-command", { command: name }));
    return await run(args, io, t);
  } catch (err) {
    if (err instanceof CliError) io.err(err.message);
    else if (err instanceof ConferenceFileError) io.err(err.describe(t));
    else if (err instanceof ConfigError) io.err(t("cli-config-error", { detail: err.message.replace(/\n/g, "; ") }));
    else if (err instanceof StoreFileCorrupt) io.err(t("cli-store-corrupt", { file: err.file, reason: err.reason }));
    else if (err instanceof StoreLocked) io.err(t("cli-store-locked", { file: err.file, pid: String(err.pid) }));
    else io.err(String((err as Error)?.message ?? err));
    return 1;
  }
}

const isMain = process.argv[1] && /(?:cli\.[jt]s|hoinghi(?:\.js)?)$/.test(process.argv[1]);
if (isMain) {
  const io: CliIo = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
