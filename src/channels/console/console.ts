// The console channel: a terminal chat on the same commands, for trying the bot on any machine.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as readline from "node:readline";
import type { Reply, Request } from "../../messages/types.js";
import { assumeConsoleRole } from "../../domain/identity.js";
import type { ConferenceService } from "../../conference/service.js";
import { cleanRequest } from "../../lib/text.js";
import type { Translate } from "../../lib/i18n.js";
import type { Channel } from "../lifecycle.js";
import type { ChannelDeps } from "../shared/deps.js";

/** What the wiring hands the console: besides, where files are saved and the conference's units. */
export interface ConsoleDeps extends ChannelDeps {
  /** Files and pictures are saved under DATA_DIR/out. */
  dataDir: string;
  conference: Pick<ConferenceService, "unit" | "findUnit">;
}

/** What renderForConsole needs. */
export type ConsoleRenderDeps = Pick<ConsoleDeps, "i18n" | "defaultLanguage" | "dataDir">;

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Skip the role question: start as this role (scripts, tests). */
  role?: "guest" | "delegate" | "organizer";
  /** With role "delegate": the unit (as typed, matched like everywhere else). */
  unit?: string;
}

/** Renders replies as plain text; files and pictures are saved under DATA_DIR/out. */
export async function renderForConsole(deps: ConsoleRenderDeps, replies: Reply[]): Promise<string> {
  const t = deps.i18n.forLanguage(deps.defaultLanguage);
  const out: string[] = [];
  for (const r of replies) {
    if (r.kind === "text") out.push(r.text);
    else if (r.kind === "choices") out.push(`${r.text}\n${r.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join("\n")}\n${t("console-choose-number")}`);
    else {
      const dir = path.resolve(deps.dataDir, "out");
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, path.basename(r.name));
      await writeFile(file, r.data);
      out.push([r.caption, t("console-file-saved", { file })].filter(Boolean).join("\n"));
    }
  }
  return out.join("\n\n");
}

/** The console account of a role; a delegate account is bound to its unit, an organizer marked as such. */
async function becomeRole(deps: ConsoleDeps, role: "guest" | "delegate" | "organizer", unitId?: string): Promise<{ userId: string; name: string }> {
  const userId = role === "delegate" ? `delegate-${unitId}` : role;
  const t = deps.i18n.forLanguage(deps.defaultLanguage);
  const unit = unitId ? deps.conference.unit(unitId) : undefined;
  const name = role === "delegate" ? t("console-name-delegate", { unit: unit?.name ?? "" }) : t(`console-name-${role}`);
  await assumeConsoleRole(deps.store, { userId, name, language: deps.defaultLanguage, role, unitId, now: deps.clock.now() });
  return { userId, name };
}

export interface ConsoleChannel extends Channel {
  /** Resolves once the person typed :thoat or the input ended. */
  readonly finished: Promise<void>;
}

/** One terminal chat: its lines, how it prints and asks, and the role it was started as (until :vai). */
interface ConsoleSession {
  deps: ConsoleDeps;
  options: ConsoleOptions;
  t: Translate;
  print(s: string): void;
  lines: AsyncIterator<string>;
  ask(question: string): Promise<string | undefined>;
  role: ConsoleOptions["role"];
}

type Me = { userId: string; name: string };

async function chooseUnit(session: ConsoleSession): Promise<Me | undefined> {
  const { deps, t, print } = session;
  for (;;) {
    const q = await session.ask(t("console-ask-unit"));
    if (q === undefined) return undefined;
    const found = deps.conference.findUnit(q);
    if (found.unit) return becomeRole(deps, "delegate", found.unit.id);
    print(
      found.suggestions.length > 0
        ? t("unit-unknown-suggest", { query: q, suggestions: found.suggestions.map((u) => u.name).join(", ") })
        : t("console-unit-unknown", { query: q }),
    );
  }
}

async function chooseRole(session: ConsoleSession): Promise<Me | undefined> {
  const { deps, options, t, print, role } = session;
  if (role) {
    const unitId = role === "delegate" ? deps.conference.findUnit(options.unit ?? "").unit?.id : undefined;
    if (role === "delegate" && !unitId) {
      print(t("console-unit-unknown", { query: options.unit ?? "" }));
      return undefined;
    }
    return becomeRole(deps, role, unitId);
  }
  for (;;) {
    const answer = await session.ask(t("console-choose-role"));
    if (answer === undefined) return undefined;
    if (answer === "1") return becomeRole(deps, "guest");
    if (answer === "3") return becomeRole(deps, "organizer");
    if (answer === "2") return chooseUnit(session);
    print(t("choice-out-of-range", { max: 3 }));
  }
}

async function converse(session: ConsoleSession): Promise<void> {
  const { deps, t, print, lines } = session;
  print(t("console-welcome"));
  let me = await chooseRole(session);
  if (!me) return;
  print(t("console-you-are", { name: me.name }));
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    const line = String(next.value);
    const trimmed = line.trim();
    if (trimmed === ":thoat" || trimmed === ":quit") break;
    if (trimmed === ":vai" || trimmed === ":role") {
      session.role = undefined;
      me = await chooseRole(session);
      if (!me) break;
      print(t("console-you-are", { name: me.name }));
      continue;
    }
    const req: Request = cleanRequest({ channel: "console", userId: me.userId, chatId: me.userId, displayName: me.name, text: line });
    const replies = await deps.bot.handle(req);
    print(await renderForConsole(deps, replies));
    print("");
  }
}

/** The console as a channel: start() begins the chat (and registers the "console" sender), stop() ends it. */
export function createConsoleChannel(deps: ConsoleDeps, options: ConsoleOptions): ConsoleChannel {
  const t = deps.i18n.forLanguage(deps.defaultLanguage);
  const rl = readline.createInterface({ input: options.input, terminal: false });
  const print = (s: string) => options.output.write(`${s}\n`);
  const lines = rl[Symbol.asyncIterator]();
  let done: () => void = () => {};
  let fail: (err: unknown) => void = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    done = resolve;
    fail = reject;
  });
  let chat: Promise<void> | undefined;
  const ask = async (question: string): Promise<string | undefined> => {
    print(question);
    const next = await lines.next();
    return next.done ? undefined : String(next.value).trim();
  };
  const session: ConsoleSession = { deps, options, t, print, lines, ask, role: options.role };

  return {
    name: "console",
    finished,
    async start() {
      // Notices to console accounts appear in the same terminal, marked with whom they are for.
      deps.senders.register("console", async (account, replies) => {
        print(`\n${t("console-incoming", { name: account.displayName })}\n${await renderForConsole(deps, replies)}\n`);
      });
      chat = converse(session)
        .finally(() => rl.close())
        .then(done, fail);
    },
    async stop() {
      rl.close();
      await chat;
    },
  };
}

/** Runs the chat until the input ends or the person types :thoat. */
export async function runConsole(deps: ConsoleDeps, options: ConsoleOptions): Promise<void> {
  const channel = createConsoleChannel(deps, options);
  await channel.start();
  try {
    await channel.finished;
  } finally {
    await channel.stop();
  }
}
