// What every `hoinghi` subcommand shares: the refusal, the terminal, the shape of a table entry, opening the app.
// A neutral module: cli.ts (the table) and the cli-*.ts (the subcommands) import it, never each other.
import type { ParseArgsConfig } from "node:util";
import type { Translate } from "../lib/i18n.js";
import { createLogger } from "../lib/logger.js";
import { type App, createApp } from "./app.js";
import { loadConfig } from "./config.js";

/** A one-line refusal: printed to stderr, exit code 1. */
export class CliError extends Error {}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

/** The options a subcommand takes, as `node:util` parseArgs describes them. */
export type CliOptions = NonNullable<ParseArgsConfig["options"]>;

/** A subcommand's arguments once parsed: option values by name, and the other words in order. */
export interface CliArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** One row of the subcommand table. */
export interface SubcommandSpec {
  /** Its options (parseArgs); any other `--option` is refused. */
  options?: CliOptions;
  /** How many words besides the options it takes at most (default none). */
  maxPositionals?: number;
  /** The message id of its usage line, shown with a refusal of its arguments. */
  usage: string;
  run(args: CliArgs, io: CliIo, t: Translate): Promise<number>;
}

/** Opens the app for a one-shot subcommand, quietly (logs only warnings). */
export async function openApp(io: CliIo, quiet = true): Promise<App> {
  const config = loadConfig(io.env);
  const logger = createLogger(quiet ? "warn" : config.logLevel);
  return createApp({ config, logger });
}

/** A refusal of the domain in the command line's words, where the chat's sentence says what to type in the chat. */
export function cliKey(key: string): string {
  return key === "conference-unknown" ? "cli-conference-unknown" : key;
}
