// The command layer's front door: a Request in, Replies out, the same for every channel.
import { randomBytes } from "node:crypto";
import { fold, REFUSED_CONTROLS } from "../src/lib/text.js";
import { writeRefusal } from "../src/messages/refusal.js";
import { StoreWriteFailed } from "../storage/store.js";
import type { Account, Role } from "../storage/schema.js";
import type { Translate } from "../src/lib/i18n.js";
import { accountKey, ensureAccount, isCodeShaped, roleOf } from "../src/domain/identity.js";
import { choiceByWords, endAwaiting, promptOpen, rememberChoices } from "../src/domain/sessions.js";
import { contactRef } from "./contact.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { Reply, Request, Services } from "../src/messages/types.js";
import { UserError } from "../src/domain/errors.js";

/** Longest message accepted, unless a command allows more. */
export const MAX_TEXT = 4000;


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

/**
 * What the layer answered. A refusal is one sentence saying why the command typed was not run
 * (not allowed, unknown, too long, a UserError…): nothing was done, and nothing may be added to it.
 */
export interface Answer {
  replies: Reply[];
  refused: boolean;
}

export interface CommandLayer {
  readonly commands: CommandDef[];
  /** Handles one request; never throws. */
  handle(req: Request): Promise<Reply[]>;
  /** handle(), telling a refusal from an answer (for layers that wrap this one). */
  answer(req: Request): Promise<Answer>;
  /** The listed commands a role may use, in menu order. */
  visible(role: Role): CommandDef[];
  find(name: string): CommandDef | undefined;
}

/** A def may also answer plain words (e.g. "đã nhận"); matched on folded text. */
export interface TextTrigger {
  matches(folded: string): boolean;
  command: string;
}

/** Answers a free question ("hội nghị tổ chức ngày nào?"), or undefined to keep the short hint. */
export type QuestionAnswerer = (q: { text: string; role: Role; account: Account; t: Translate; services: Services }) => Promise<Reply[] | undefined> | Reply[] | undefined;

// The text after the first n words, keeping the person's own spacing inside it.
function skipWords(text: string, n: number): string {
  let rest = text;
  for (let i = 0; i < n; i++) rest = rest.replace(/^\S+\s*/, "");
  return rest.trim();
}

/** Edit distance, for "did you mean" (short words only). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] as number;
      row[j] = Math.min(cur + 1, (row[j - 1] as number) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] as number;
}

/** Up to three commands whose name or alias is within two edits of `word` (or begins with it), closest first. */
export function closestCommands(word: string, defs: CommandDef[]): CommandDef[] {
  if (word.length < 2) return [];
  const scored = defs
    .map((d) => {
      const names = [d.name, ...d.aliases];
      const best = Math.min(...names.map((n) => (n.startsWith(word) && word.length >= 3 ? 0.5 : editDistance(word, n))));
      return { d, best };
    })
    .filter((x) => x.best <= Math.min(2, Math.max(1, Math.floor(word.length / 3))))
    .sort((a, b) => a.best - b.best);
  return scored.slice(0, 3).map((x) => x.d);
}

export function createCommandLayer(
  services: Services,
  defs: CommandDef[],
  triggers: TextTrigger[] = [],
  questionAnswer?: QuestionAnswerer,
): CommandLayer {
  const byName = new Map<string, CommandDef>();
  for (const d of defs) for (const n of [d.name, ...d.aliases]) byName.set(n, d);
  const { store, i18n, config, clock, logger } = services;

  function mayRun(def: CommandDef, role: Role): boolean {
    // An organizer may do what a guest may; a delegate too. Delegate-only commands need a unit.
    return def.roles.includes(role) || (role !== "guest" && def.roles.includes("guest"));
  }


  /** "/chuong trinh", "/datlịch 20/06": the command whose name the first words make once folded and joined. */
  function forgivingCommand(line: string): ParsedCommand | undefined {
    const words = line.slice(1).trim().split(/\s+/).filter(Boolean);
    for (let k = Math.min(3, words.length); k >= 1; k--) {
      const joined = fold(words.slice(0, k).join("")).replace(/@.*$/, "");
      if (/^[a-z0-9_]+$/.test(joined) && byName.has(joined)) {
        return { name: joined, args: skipWords(line.slice(1).trim(), k) };
      }
    }
    return undefined;
  }

  /** An unknown command: the closest commands the person may use, as numbered choices (none close: the usual sentence). */
  function unknownCommand(t: (k: string, a?: Record<string, string | number>) => string, role: Role, typed: string, args: string): Reply[] {
    const word = fold(typed.replace(/^\//, "")).replace(/\s/g, "");
    const close = closestCommands(word, defs.filter((d) => d.listed !== false && mayRun(d, role)));
    if (close.length === 0) return [{ kind: "text", text: t("unknown-command", { command: typed }) }];
    return [
      {
        kind: "choices",
        text: t("unknown-command-suggest", { command: typed }),
        choices: close.map((d) => ({ label: `/${d.name}: ${t(d.describe)}`, command: [`/${d.name}`, args].filter(Boolean).join(" ") })),
      },
    ];
  }

  /** Remembers the last numbered choices of the replies, so that typing a number, its words or pressing a button runs one. */
  async function remember(key: string, replies: Reply[], now: Date): Promise<Reply[]> {
    const offer = [...replies].reverse().find((r) => r.kind === "choices");
    if (offer && offer.kind === "choices") {
      const setId = randomBytes(4).toString("hex");
      offer.setId = setId;
      const commands = offer.choices.map((c) => c.command);
      await rememberChoices(store, key, setId, commands, now, offer.choices.map((c) => c.label));
    }
    return replies;
  }

  const refusal = (text: string): Answer => ({ replies: [{ kind: "text", text }], refused: true });

  async function run(req: Request, line: string, viaChoice: boolean): Promise<Answer> {
    const now = clock.now();
    const account = await ensureAccount(store, req, now, config.defaultLanguage);
    const t = i18n.forLanguage(account.language);
    const role = roleOf(account, config.organizerIds);
    const key = account.key;
    const session = store.data.sessions[key];
    // A question left open 30 minutes closes quietly (a speech being collected stays: /xong or /huy
    // ends it). It is ignored from now on, and removed only once a command runs: a message refused
    // below (unknown, not allowed, too long) changes nothing in the store.
    const expired = Boolean(session?.awaiting && !session.collecting && !promptOpen(session.awaiting.offeredAt, now));
    const awaiting = expired ? undefined : session?.awaiting;
    const offered = session?.choices;
    // The newer of the two answers plain text when both are open; at the same moment, the choices.
    const choicesFirst = offered !== undefined && (!awaiting || offered.offeredAt >= awaiting.offeredAt);

    let commandLine = line;
    if (!viaChoice && /^\d{1,3}$/.test(line) && offered && (choicesFirst || !awaiting)) {
      const chosen = offered.commands[Number(line) - 1];
      if (!chosen) return refusal(t("choice-out-of-range", { max: offered.commands.length }));
      commandLine = chosen;
    } else if (!viaChoice && !line.startsWith("/") && offered?.labels && choicesFirst && promptOpen(offered.offeredAt, now)) {
      // "tham du", "vang", "co", "khong": the words of a choice choose it.
      const index = choiceByWords(offered.labels, line);
      if (index !== undefined) commandLine = offered.commands[index] as string;
    }

    let parsed = commandLine.startsWith("/") ? parseCommand(commandLine) : undefined;
    if (commandLine.startsWith("/") && (!parsed || !byName.has(parsed.name))) parsed = forgivingCommand(commandLine) ?? parsed;
    let def: CommandDef | undefined;
    let args = "";
    if (parsed) {
      def = byName.get(parsed.name);
      if (!def) return { replies: await remember(key, unknownCommand(t, role, `/${parsed.name}`, parsed.args), now), refused: true };
      args = parsed.args;
    } else if (commandLine.startsWith("/")) {
      const [first = "/", ...rest] = commandLine.split(/\s+/);
      return { replies: await remember(key, unknownCommand(t, role, first, rest.join(" ")), now), refused: true };
    } else {
      const folded = fold(commandLine);
      const trigger = triggers.find((tr) => tr.matches(folded));
      let target = trigger?.command ?? awaiting?.command;
      // A bare invite code from an account of no unit: taken as /start CODE.
      if (!target && !account.unitId && isCodeShaped(commandLine)) target = "/start";
      if (!target && req.file) return refusal(t("file-not-expected"));
      if (!target) {
        if (commandLine.length === 0) return refusal(t("hint-empty"));
        const answer = questionAnswer ? await questionAnswer({ text: commandLine, role, account, t, services }) : undefined;
        return answer ? { replies: answer, refused: false } : refusal(t("hint-free-text"));
      }
      const p = parseCommand(target);
      def = p && byName.get(p.name);
      if (!def || !p) return refusal(t("hint-free-text"));
      args = trigger ? p.args : [p.args, commandLine].filter(Boolean).join(" ");
    }

    if (!mayRun(def, role)) {
      const needs = def.roles.includes("delegate") ? "not-allowed-delegate" : "not-allowed-organizer";
      return refusal(t(needs));
    }
    // A typed command the person may run ends the step that waited for free text; one refused for
    // the role changes nothing, like an unknown command.
    if (parsed && awaiting && !def.keepsAwaiting) await endAwaiting(store, key);
    if (def.noArgs && args) return refusal(t("error-no-args", { command: `/${def.name}` }));
    if (args.length > (def.maxArgs ?? MAX_TEXT)) return refusal(t("error-too-long", { max: def.maxArgs ?? MAX_TEXT }));
    if (req.file) {
      const a = def.accepts;
      if (!a?.kinds.includes(req.file.kind)) return refusal(t("file-not-expected"));
      if (req.file.size > a.maxBytes) return refusal(t("file-too-large", { mb: Math.round(a.maxBytes / 1e5) / 10 }));
      if (a.mimes.length > 0 && !a.mimes.includes(req.file.mime)) return refusal(t("file-wrong-type"));
    }

    if (expired) await endAwaiting(store, key);
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
    return { replies: await remember(key, replies, now), refused: false };
  }

  async function answer(req: Request): Promise<Answer> {
    const t0 = i18n.forLanguage(req.language ?? config.defaultLanguage);
    try {
      const text = (req.text ?? "").normalize("NFC").trim();
      // Control characters and bidi overrides that can disguise text: refused rather than silently stored.
      if (REFUSED_CONTROLS.test(text)) return refusal(t0("error-control-chars"));
      if (req.press) {
        const key = accountKey(req.channel, req.userId);
        const choices = store.data.sessions[key]?.choices;
        const command = choices?.setId === req.press.setId ? choices.commands[req.press.index - 1] : undefined;
        if (!command) return refusal(t0("choice-stale"));
        return await run(req, command, true);
      }
      const parsed = text.startsWith("/") ? parseCommand(text) : undefined;
      // Free text that answers a waiting step may be as long as that step's command allows (a
      // speech typed over several full-length messages).
      const awaited = text.startsWith("/") ? undefined : store.data.sessions[accountKey(req.channel, req.userId)]?.awaiting?.command;
      const limitName = parsed?.name ?? (awaited ? parseCommand(awaited)?.name : undefined);
      const limit = (limitName ? byName.get(limitName)?.maxArgs : undefined) ?? MAX_TEXT;
      if (text.length > Math.max(limit, MAX_TEXT) + 64) return refusal(t0("error-too-long", { max: limit }));
      return await run(req, text, false);
    } catch (err) {
      if (err instanceof UserError) {
        const t = i18n.forLanguage(store.data.accounts[accountKey(req.channel, req.userId)]?.language ?? req.language);
        return refusal(writeRefusal(t, err, { contact: contactRef(t, services.conference.conf) }));
      }
      if (err instanceof StoreWriteFailed) {
        logger.error({ err: err.message, updateId: req.updateId }, "store write failed");
        return refusal(t0("error-not-saved"));
      }
      logger.error({ err, updateId: req.updateId, channel: req.channel }, "command failed");
      return refusal(t0("error-internal", { contact: contactRef(t0, services.conference.conf) }));
    }
  }

  return {
    commands: defs,
    handle: async (req) => (await answer(req)).replies,
    answer,
    visible: (role) => defs.filter((d) => d.listed !== false && mayRun(d, role)),
    find: (name) => byName.get(name.toLowerCase()),
  };
}
