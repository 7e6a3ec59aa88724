// The command layer's front door: a Request in, Replies out, the same for every channel.
import { randomBytes } from "node:crypto";
import { fold } from "../src/lib/text.js";
import { StoreWriteFailed } from "../storage/store.js";
import type { Role } from "../storage/schema.js";
import { accountKey, ensureAccount, roleOf } from "../src/domain/identity.js";
import { endAwaiting, rememberChoices } from "../src/domain/sessions.js";
import { type CommandContext, type CommandDef, type Reply, type Request, type Services, UserError } from "./types.js";

/** Longest message accepted, unless a command allows more. */
export const MAX_TEXT = 4000;

// Control characters other than tab and line breaks, and the Unicode bidi overrides that can
// disguise text: refused rather than silently stored.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

export interface ParsedCommand {
  name: string;
  /** The @bot part of "/cmd@bot", lower case, if present. */
  target?: string;
  args: string;
}

/** "/DangKy@hoinghi_bot thamdu" → { name: "dangky", target: "hoinghi_bot", args: "thamdu" }. */
export function parseCommand(text: string): ParsedCommand | undefined {
  const m = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { name: (m[1] as string).toLowerCase(), target: m[2]?.toLowerCase(), args: (m[3] ?? "").trim() };
}

/** Text in a form that compares without case or diacritics; one definition for the whole bot. */
export { fold };

export interface CommandLayer {
  readonly commands: CommandDef[];
  /** Handles one request; never throws. */
  handle(req: Request): Promise<Reply[]>;
  /** The listed commands a role may use, in menu order. */
  visible(role: Role): CommandDef[];
  find(name: string): CommandDef | undefined;
}

/** A def may also answer plain words (e.g. "đã nhận"); matched on folded text. */
export interface TextTrigger {
  matches(folded: string): boolean;
  command: string;
}

export function createCommandLayer(services: Services, defs: CommandDef[], triggers: TextTrigger[] = []): CommandLayer {
  const byName = new Map<string, CommandDef>();
  for (const d of defs) for (const n of [d.name, ...d.aliases]) byName.set(n, d);
  const { store, i18n, config, clock, logger } = services;

  function mayRun(def: CommandDef, role: Role): boolean {
    // An organizer may do what a guest may; a delegate too. Delegate-only commands need a unit.
    return def.roles.includes(role) || (role !== "guest" && def.roles.includes("guest"));
  }


  async function run(req: Request, line: string, viaChoice: boolean): Promise<Reply[]> {
    const now = clock.now();
    const account = await ensureAccount(store, req, now, config.defaultLanguage);
    const t = i18n.forLanguage(account.language);
    const role = roleOf(account, config.organizerIds);
    const key = account.key;
    const session = store.data.sessions[key];

    let commandLine = line;
    if (!viaChoice && /^\d{1,3}$/.test(line) && session?.choices) {
      const chosen = session.choices.commands[Number(line) - 1];
      if (!chosen) return [{ kind: "text", text: t("choice-out-of-range", { max: session.choices.commands.length }) }];
      commandLine = chosen;
    }

    const parsed = commandLine.startsWith("/") ? parseCommand(commandLine) : undefined;
    let def: CommandDef | undefined;
    let args = "";
    if (parsed) {
      def = byName.get(parsed.name);
      if (!def) return [{ kind: "text", text: t("unknown-command", { command: `/${parsed.name}` }) }];
      args = parsed.args;
    } else if (commandLine.startsWith("/")) {
      return [{ kind: "text", text: t("unknown-command", { command: commandLine.split(/\s/)[0] ?? "/" }) }];
    } else {
      const folded = fold(commandLine);
      const trigger = triggers.find((tr) => tr.matches(folded));
      const target = trigger?.command ?? session?.awaiting?.command;
      if (!target && req.file) return [{ kind: "text", text: t("file-not-expected") }];
      if (!target) return [{ kind: "text", text: t(commandLine.length === 0 ? "hint-empty" : "hint-free-text") }];
      const p = parseCommand(target);
      def = p && byName.get(p.name);
      if (!def || !p) return [{ kind: "text", text: t("hint-free-text") }];
      args = trigger ? p.args : [p.args, commandLine].filter(Boolean).join(" ");
    }

    if (!mayRun(def, role)) {
      const needs = def.roles.includes("delegate") ? "not-allowed-delegate" : "not-allowed-organizer";
      return [{ kind: "text", text: t(needs) }];
    }
    // A typed command the person may run ends the step that waited for free text; one refused for
    // the role changes nothing, like an unknown command.
    if (parsed && session?.awaiting && !def.keepsAwaiting) await endAwaiting(store, key);
    if (def.noArgs && args) return [{ kind: "text", text: t("error-no-args", { command: `/${def.name}` }) }];
    if (args.length > (def.maxArgs ?? MAX_TEXT)) {
      return [{ kind: "text", text: t("error-too-long", { max: def.maxArgs ?? MAX_TEXT }) }];
    }
    if (req.file) {
      const a = def.accepts;
      if (!a?.kinds.includes(req.file.kind)) return [{ kind: "text", text: t("file-not-expected") }];
      if (req.file.size > a.maxBytes) return [{ kind: "text", text: t("file-too-large", { mb: Math.round(a.maxBytes / 1e5) / 10 }) }];
      if (a.mimes.length > 0 && !a.mimes.includes(req.file.mime)) return [{ kind: "text", text: t("file-wrong-type") }];
    }

    const unitId = store.data.accounts[key]?.unitId;
    const ctx: CommandContext = {
      req,
      account: store.data.accounts[key] ?? account,
      role,
      unit: unitId ? services.conference.unit(unitId) : undefined,
      args,
      t,
      services,
    };
    const replies = await def.handler(ctx);

    // Remember the last numbered choices, so that typing a number (or pressing a button) runs one.
    const offered = [...replies].reverse().find((r) => r.kind === "choices");
    if (offered && offered.kind === "choices") {
      const setId = randomBytes(4).toString("hex");
      offered.setId = setId;
      const commands = offered.choices.map((c) => c.command);
      await rememberChoices(store, key, setId, commands, now);
    }
    return replies;
  }

  async function handle(req: Request): Promise<Reply[]> {
    const t0 = i18n.forLanguage(req.language ?? config.defaultLanguage);
    try {
      const text = (req.text ?? "").normalize("NFC").trim();
      if (CONTROL.test(text)) return [{ kind: "text", text: t0("error-control-chars") }];
      if (req.press) {
        const key = accountKey(req.channel, req.userId);
        const choices = store.data.sessions[key]?.choices;
        const command = choices?.setId === req.press.setId ? choices.commands[req.press.index - 1] : undefined;
        if (!command) return [{ kind: "text", text: t0("choice-stale") }];
        return await run(req, command, true);
      }
      const parsed = text.startsWith("/") ? parseCommand(text) : undefined;
      // Free text that answers a waiting step may be as long as that step's command allows (a
      // speech typed over several full-length messages).
      const awaited = text.startsWith("/") ? undefined : store.data.sessions[accountKey(req.channel, req.userId)]?.awaiting?.command;
      const limitName = parsed?.name ?? (awaited ? parseCommand(awaited)?.name : undefined);
      const limit = (limitName ? byName.get(limitName)?.maxArgs : undefined) ?? MAX_TEXT;
      if (text.length > Math.max(limit, MAX_TEXT) + 64) return [{ kind: "text", text: t0("error-too-long", { max: limit }) }];
      return await run(req, text, false);
    } catch (err) {
      if (err instanceof UserError) {
        const t = i18n.forLanguage(store.data.accounts[accountKey(req.channel, req.userId)]?.language ?? req.language);
        return [{ kind: "text", text: t(err.key, err.args) }];
      }
      if (err instanceof StoreWriteFailed) {
        logger.error({ err: err.message, updateId: req.updateId }, "store write failed");
        return [{ kind: "text", text: t0("error-not-saved") }];
      }
      logger.error({ err, updateId: req.updateId, channel: req.channel }, "command failed");
      return [{ kind: "text", text: t0("error-internal") }];
    }
  }

  return {
    commands: defs,
    handle,
    visible: (role) => defs.filter((d) => d.listed !== false && mayRun(d, role)),
    find: (name) => byName.get(name.toLowerCase()),
  };
}
