// The `hoinghi` command line: start (default), chat, invites, validate, and the organizer tools.
// Every subcommand is a row of one table below; its arguments are parsed by node:util parseArgs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, parseEnv } from "node:util";
import { StoreFileCorrupt } from "../../storage/durable-file.js";
import { StoreInvalid, StoreLocked, StoreNotOurs } from "../../storage/store.js";
import type { StoreIssue } from "../../storage/validate.js";
import { ConferenceFileError } from "../conference/errors.js";
import { createI18n, type Translate } from "../lib/i18n.js";
import { type CliArgs, CliError, type CliIo, openApp, type SubcommandSpec } from "./cli-core.js";
import { consoleDeps } from "./channel-deps.js";
import { ConfigError, loadConfig } from "./config.js";
import { displayCode, ensureInvites, ORGANIZER_TARGET } from "../domain/identity.js";

// Kept for modules written before cli-core.ts existed; new code imports cli-core.js (no cycle).

/**
 * Every subcommand, by name. `start` is the default. A subcommand's own module (and the YAML parser,
 * the spreadsheet and document libraries it needs) is imported when it runs: `start` does not pay for them.
 */
export const SUBCOMMANDS: Readonly<Record<string, SubcommandSpec>> = {
  start: {
    usage: "cli-usage",
    async run(_args, io) {
      const { startAll } = await import("./main.js");
      return startAll(io);
    },
  },
  chat: {
    usage: "cli-usage",
    async run(_args, io) {
      const { runConsole } = await import("../channels/console/console.js");
      const app = await openApp(io);
      try {
        await runConsole(consoleDeps(app), { input: io.stdin, output: io.stdout });
      } finally {
        await app.close();
      }
      return 0;
    },
  },
  invites: {
    usage: "cli-usage",
    options: { json: { type: "boolean" } },
    async run(args, io, t) {
      // Beside the running bot: the bot issues the missing codes, a snapshot is read (src/app/cli-spool.ts).
      const { openWithCodes } = await import("./cli-spool.js");
      const app = await openWithCodes(io, t, true);
      try {
        const units = app.services.conference.units();
        const codes = await ensureInvites(app.store, [...units.map((u) => u.id), ORGANIZER_TARGET], app.services.clock.now());
        const rows = [
          ...units.map((u) => ({ unit: u.id, name: u.name, kind: u.kind as string })),
          { unit: ORGANIZER_TARGET, name: t("invites-organizer"), kind: "organizer" },
        ].map((r) => ({ ...r, code: displayCode(codes.get(r.unit)?.code ?? "") }));
        if (args.values.json) io.out(JSON.stringify(rows, null, 2));
        else {
          io.out(t("cli-invites-title"));
          for (const r of rows) io.out(`${r.code}  ${r.name}`);
        }
      } finally {
        await app.close();
      }
      return 0;
    },
  },
  validate: {
    usage: "cli-usage",
    maxPositionals: 1,
    async run(args, io, t) {
      const file = args.positionals[0];
      if (!file) throw new CliError(t("cli-missing-file"));
      const { loadConference } = await import("../conference/load.js");
      const conf = loadConference(path.resolve(file));
      io.out(t("conf-file-ok", { file, title: conf.title, units: conf.units.length, agenda: conf.agenda.length }));
      return 0;
    },
  },
  export: { usage: "cli-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-export.js").then((m) => m.exportSubcommand(args, io, t)) },
  invitations: {
    usage: "cli-usage",
    options: { date: { type: "string" } },
    maxPositionals: 1,
    run: (args, io, t) => import("./cli-documents.js").then((m) => m.invitationsSubcommand(args, io, t)),
  },
  "checkin-poster": {
    usage: "cli-usage",
    options: { a3: { type: "boolean" } },
    maxPositionals: 1,
    run: (args, io, t) => import("./cli-documents.js").then((m) => m.checkinPosterSubcommand(args, io, t)),
  },
  "sign-in-list": { usage: "cli-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-documents.js").then((m) => m.signInListSubcommand(args, io, t)) },
  "desk-link": { usage: "cli-usage", run: (args, io, t) => import("./cli-desk.js").then((m) => m.deskLinkSubcommand(args.positionals, io, t)) },
  broadcast: {
    usage: "cli-broadcast-usage",
    options: { to: { type: "string" }, at: { type: "string" } },
    maxPositionals: Number.POSITIVE_INFINITY,
    run: (args, io, t) => import("./cli-broadcast.js").then((m) => m.broadcastSubcommand(args, io, t)),
  },
  "import-scores": {
    usage: "cli-scores-usage",
    options: { publish: { type: "boolean" }, previous: { type: "boolean" } },
    maxPositionals: 1,
    run: (args, io, t) => import("./cli-scores.js").then((m) => m.importScores(args, io, t)),
  },
  init: {
    usage: "cli-init-usage",
    options: { "env-file": { type: "string" }, "telegram-api-root": { type: "string" }, "zalo-api-root": { type: "string" } },
    run: (args, io, t) => import("./cli-init.js").then((m) => m.initSubcommand(args, io, t)),
  },
  "score-template": { usage: "cli-scores-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-scores.js").then((m) => m.writeScoreTemplate(args, io, t)) },
  analysis: { usage: "cli-after-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-after.js").then((m) => m.analysisSubcommand(args, io, t)) },
  minutes: { usage: "cli-after-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-after.js").then((m) => m.minutesSubcommand(args, io, t)) },
  conclusions: { usage: "cli-conclusions-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-after.js").then((m) => m.conclusionsSubcommand(args, io, t)) },
  // ---- The conferences one bot serves (src/app/cli-conferences.ts) ----
  conference: {
    usage: "cli-conference-usage",
    options: { json: { type: "boolean" } },
    maxPositionals: 2,
    run: (args, io, t) => import("./cli-conferences.js").then((m) => m.conferenceSubcommand(args, io, t)),
  },
  // ---- Tasks after the conference (src/app/cli-tasks.ts) ----
  tasks: { usage: "task-cli-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-tasks.js").then((m) => m.tasksSheetSubcommand(args, io, t)) },
  "import-tasks": {
    usage: "task-cli-usage",
    options: { check: { type: "boolean" } },
    maxPositionals: 1,
    run: (args, io, t) => import("./cli-tasks.js").then((m) => m.importTasksSubcommand(args, io, t)),
  },
  "tasks-template": { usage: "task-cli-usage", maxPositionals: 1, run: (args, io, t) => import("./cli-tasks.js").then((m) => m.tasksTemplateSubcommand(args, io, t)) },
};

/**
 * Parses `argv` for one subcommand. An option it does not take, an option without its value, a
 * value given to a switch or a word too many is refused with one line and the usage.
 */
export function parseSubcommandArgs(name: string, spec: SubcommandSpec, argv: string[], t: Translate): CliArgs {
  const options = spec.options ?? {};
  const { values, positionals, tokens } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const refuse = (key: string, arg: string) => new CliError(`${t(key, { command: name, arg })} ${t(spec.usage)}`);
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const option = options[token.name];
    if (!option) throw refuse("cli-argument-unknown", token.rawName);
    if (option.type === "string" && token.value === undefined) throw refuse("cli-argument-needs-value", token.rawName);
    if (option.type === "boolean" && token.value !== undefined) throw refuse("cli-argument-no-value", token.rawName);
  }
  const max = spec.maxPositionals ?? 0;
  if (positionals.length > max) throw refuse("cli-argument-extra", positionals[max] as string);
  return { values: values as CliArgs["values"], positionals };
}

/** The one sentence that refuses a store with an invalid entry: where, and what is wrong there. */
export function storeRefusal(t: Translate, file: string, issue: StoreIssue): string {
  const p = issue.problem;
  const kind = (k: string) => t(`cli-store-kind-${k}`);
  const problem =
    p.kind === "type"
      ? p.received === "missing"
        ? t("cli-store-problem-missing", { expected: kind(p.expected) })
        : t("cli-store-problem-type", { expected: kind(p.expected), received: kind(p.received) })
      : p.kind === "value"
        ? t("cli-store-problem-value", { value: p.value, allowed: p.allowed.join(", ") })
        : p.kind === "time"
          ? t("cli-store-problem-time", { value: p.value })
          : t(`cli-store-problem-${p.kind}`);
  return t("cli-store-invalid", { file, path: issue.path, problem });
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const config = (() => {
    try {
      return loadConfig(io.env);
    } catch {
      return undefined;
    }
  })();
  const t = createI18n({ defaultLanguage: config?.defaultLanguage ?? "vi" }).forLanguage(config?.defaultLanguage ?? "vi");
  const [name = "start", ...rest] = argv;
  try {
    const spec = Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (!spec) throw new CliError(t("cli-unknown-command", { command: name }));
    return await spec.run(parseSubcommandArgs(name, spec, rest, t), io, t);
  } catch (err) {
    if (err instanceof CliError) io.err(err.message);
    else if (err instanceof ConferenceFileError) io.err(err.describe(t));
    else if (err instanceof ConfigError && err.key) io.err(t(err.key, err.args));
    else if (err instanceof ConfigError) io.err(t("cli-config-error", { detail: err.message.replace(/\n/g, "; ") }));
    else if (err instanceof StoreInvalid) io.err(storeRefusal(t, err.file, err.issue));
    else if (err instanceof StoreNotOurs) io.err(t("cli-store-not-ours", { file: err.file }));
    else if (err instanceof StoreFileCorrupt) io.err(t("cli-store-corrupt", { file: err.file, reason: err.reason }));
    else if (err instanceof StoreLocked) io.err(t("cli-store-locked", { file: err.file, pid: String(err.pid) }));
    else io.err(String((err as Error)?.message ?? err));
    return 1;
  }
}

/**
 * The environment with `.env` of the folder the command runs in (what `npx hoinghi init` writes)
 * under it: a variable already set (systemd's EnvironmentFile, a shell's export) wins. Without the
 * file, the environment as it is.
 */
export function withEnvFile(env: NodeJS.ProcessEnv, file = path.resolve(".env")): NodeJS.ProcessEnv {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return env;
  }
  return { ...parseEnv(text), ...env };
}

const isMain = process.argv[1] && /(?:cli\.[jt]s|hoinghi(?:\.js)?)$/.test(process.argv[1]);
if (isMain) {
  const io: CliIo = {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: withEnvFile(process.env),
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
