// The command layer's front door: a Request in, Replies out, the same for every channel.
import { ConferenceClosed } from "../storage/conference-view.js";
import { randomBytes } from "node:crypto";
import { fold, REFUSED_CONTROLS } from "../src/lib/text.js";
import { writeRefusal } from "../src/messages/refusal.js";
import { StoreWriteFailed } from "../storage/store.js";
import type { Account, AccountKey, Role, Session } from "../storage/schema.js";
import type { Translate } from "../src/lib/i18n.js";
import { accountKey, ensureAccount, isCodeShaped, isNearCode, roleOf } from "../src/domain/identity.js";
import { choiceByWords, endAwaiting, offerChoices, promptOpen } from "../src/domain/sessions.js";
import { contactRef } from "./contact.js";
import { offer, parseStep, STANDALONE_KINDS, type Step, type StepHandler, type StepOf, type StepTable } from "./steps.js";
import type { Unit } from "../src/conference/schema.js";
import type { CommandContext, CommandDef, Handler } from "./types.js";
import type { Reply, Request, Services } from "../src/messages/types.js";
import { UserError } from "../src/domain/errors.js";
import { NotAnAnswer } from "./understand/not-an-answer.js";
import { answersYesNo, readYesNo } from "./understand/confirm.js";

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

/** Who typed plain words, for the plan of what they mean. */
export interface WordsInput {
  role: Role;
  account: Account;
  unit?: Unit;
  t: Translate;
  services: Services;
}

/**
 * How plain words are answered: a command run with all its checks (`args` its arguments), or `run`
 * under that command's checks (a question's answer beside the command that owns the subject).
 */
export interface WordsPlan {
  command: string;
  args?: string;
  run?: Handler;
}

/** What plain words mean (commands/understand/intents.ts over src/domain/questions.ts). */
export interface Understander {
  /** Free text: its plan, a "did you mean" to answer with (numbered choices of intents), or undefined (not understood). */
  read(text: string, input: WordsInput): WordsPlan | Reply | undefined;
  /** An intent chosen from a "did you mean". */
  chosen(step: StepOf<"words.intent">, input: WordsInput): WordsPlan;
  /** A command's arguments in words that mean another of its intents ("/diemdanh thay Mường So"). */
  args(command: string, args: string, input: WordsInput): WordsPlan | undefined;
}

/** What a command layer answers besides its commands. */
export interface LayerOptions {
  /** Plain words that run a command ("đã nhận"). */
  triggers?: TextTrigger[];
  /** Plain words: questions and requests in a person's own words. */
  understand?: Understander;
  /** The one dispatch table of conversation steps (commands/index.ts); without it, only the router's own steps run. */
  steps?: StepTable;
}

/** What every stage of a layer reads: the services, the commands by name, and what else the layer answers. */
interface Layer {
  services: Services;
  defs: CommandDef[];
  byName: Map<string, CommandDef>;
  triggers: TextTrigger[];
  understand?: Understander;
  steps?: StepTable;
}

/** One message on its way through the layer: who wrote, and what they were in the middle of when it came. */
interface Turn {
  layer: Layer;
  req: Request;
  account: Account;
  key: AccountKey;
  role: Role;
  t: Translate;
  now: Date;
  /** The step waiting for free text, unless it was left 30 minutes (then `expired`; a speech being collected never expires). */
  awaiting?: Session["awaiting"];
  expired: boolean;
  /** The numbered choices last offered. */
  offered?: Session["choices"];
}

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

export function createCommandLayer(services: Services, defs: CommandDef[], options: LayerOptions = {}): CommandLayer {
  const byName = new Map<string, CommandDef>();
  for (const d of defs) for (const n of [d.name, ...d.aliases]) byName.set(n, d);
  const layer: Layer = { services, defs, byName, triggers: options.triggers ?? [], understand: options.understand, steps: options.steps };
  return {
    commands: defs,
    handle: async (req) => (await answer(layer, req)).replies,
    answer: (req) => answer(layer, req),
    visible: (role) => defs.filter((d) => d.listed !== false && mayRun(d, role)),
    find: (name) => byName.get(name.toLowerCase()),
  };
}

/** A refusal: one sentence, nothing done (a layer around this one adds nothing to it). */
const refusal = (text: string): Answer => ({ replies: [{ kind: "text", text }], refused: true });

/**
 * The way of one message, in order: (1) a button press takes the step of the choice it belongs to;
 * typed text: (2) a number or the words of a choice take that choice's step, (3) the step is checked
 * and dispatched through the one table, (4) a text beginning with "/" is a command, (5) other text is
 * a trigger's ("đã nhận", which answers even while a question waits) or else the answer to the step
 * waiting for free text, (6) else a bare invite code, else a question. Every way into a command
 * passes the same checks (`runChecked`).
 */
async function answer(layer: Layer, req: Request): Promise<Answer> {
  const { i18n, config } = layer.services;
  const t0 = i18n.forLanguage(req.language ?? config.defaultLanguage);
  try {
    const text = (req.text ?? "").normalize("NFC").trim();
    // Control characters and bidi overrides that can disguise text: refused rather than silently stored.
    if (REFUSED_CONTROLS.test(text)) return refusal(t0("error-control-chars"));
    if (req.press) return await pressed(layer, req, req.press, t0);
    const tooLong = lengthRefusal(layer, req, text, t0);
    if (tooLong) return tooLong;
    const turn = await begin(layer, req);
    return (await chosenByText(turn, text)) ?? (text.startsWith("/") ? await command(turn, text) : await freeText(turn, text));
  } catch (err) {
    return failed(layer, req, err, t0);
  }
}

/** Who wrote and what they were in the middle of; the account is made on first contact. */
async function begin(layer: Layer, req: Request): Promise<Turn> {
  const { store, clock, config, i18n } = layer.services;
  const now = clock.now();
  const account = await ensureAccount(store, req, now, config.defaultLanguage);
  const session = store.data.sessions[account.key];
  // A question left open 30 minutes closes quietly (a speech being collected stays: /xong or /huy
  // ends it). It is ignored from now on, and removed only once a command runs: a message refused
  // (unknown, not allowed, too long) changes nothing in the store.
  const expired = Boolean(session?.awaiting && !session.collecting && !promptOpen(session.awaiting.offeredAt, now));
  return {
    layer,
    req,
    account,
    key: account.key,
    role: roleOf(account, config.organizerIds),
    t: i18n.forLanguage(account.language),
    now,
    awaiting: expired ? undefined : session?.awaiting,
    expired,
    offered: session?.choices,
  };
}

// ---- 1. A button ----

/**
 * A press runs the step of its choice while that set of choices is the one last offered; an older one
 * is stale. A button that carries its step (a choice sent outside a conversation) runs it if its kind
 * may stand alone (STANDALONE_KINDS); any other is stale.
 */
async function pressed(layer: Layer, req: Request, press: NonNullable<Request["press"]>, t0: Translate): Promise<Answer> {
  if ("step" in press) {
    const step = parseStep(press.step);
    if (!step || !STANDALONE_KINDS.has(step.kind)) return refusal(t0("choice-stale"));
    return takeStep(await begin(layer, req), step, "", "chosen");
  }
  const choices = layer.services.store.data.sessions[accountKey(req.channel, req.userId)]?.choices;
  const step = choices?.setId === press.setId ? choices.steps[press.index - 1] : undefined;
  if (!step) return refusal(t0("choice-stale"));
  return takeStep(await begin(layer, req), step, "", "chosen");
}

// ---- 2. A choice typed: its number, or its words ----

/** "2", or "tham du" for "Tham dự": the chosen step taken; undefined when the text chooses nothing. */
async function chosenByText(turn: Turn, line: string): Promise<Answer | undefined> {
  const { offered, awaiting } = turn;
  if (!offered) return undefined;
  // The newer of the two answers plain text when both are open; at the same moment, the choices.
  const choicesFirst = !awaiting || offered.offeredAt >= awaiting.offeredAt;
  if (/^\d{1,3}$/.test(line) && choicesFirst) {
    const step = offered.steps[Number(line) - 1];
    if (!step) return refusal(turn.t("choice-out-of-range", { max: offered.steps.length }));
    return takeStep(turn, step, "", "chosen");
  }
  if (line.startsWith("/") || !offered.labels || !choicesFirst || !promptOpen(offered.offeredAt, turn.now)) return undefined;
  const index = choiceByWords(offered.labels, line);
  const step = index === undefined ? undefined : offered.steps[index];
  return step ? takeStep(turn, step, "", "chosen") : undefined;
}

// ---- 3. A step: checked against its schema, then its handler in the one table ----

/**
 * Takes a step kept in the store: chosen (`typed` is "") or answered with free text. A step this
 * program does not know, or whose values are not of its kind's shape, is stale and changes nothing.
 */
async function takeStep(turn: Turn, stored: unknown, typed: string, how: "chosen" | "answered"): Promise<Answer> {
  const { byName, steps } = turn.layer;
  const step = parseStep(stored);
  if (!step) return refusal(turn.t("choice-stale"));
  if (step.kind === "command.suggested") {
    const def = byName.get(step.name);
    return def ? runChecked(turn, def, step.args, true, def.handler) : refusal(turn.t("choice-stale"));
  }
  if (step.kind === "words.yesno") return yesNoAnswered(turn, step, typed);
  // A choice taken closes the yes/no question about it (a command that keeps its question keeps this one too).
  if (how === "chosen" && turn.awaiting) await endAwaiting(turn.layer.services.store, turn.key, "words.yesno");
  if (step.kind === "words.intent") {
    const understood = turn.layer.understand;
    return understood ? runPlan(turn, understood.chosen(step, wordsInput(turn)), true) : refusal(turn.t("choice-stale"));
  }
  const handler: StepHandler | undefined = steps?.[step.kind];
  const def = handler && byName.get(handler.command);
  if (!handler || !def) return refusal(turn.t("choice-stale"));
  return runChecked(turn, def, typed, how === "chosen", (ctx) => handler.run(ctx, step, typed));
}

/** A yes/no question answered in words: the step of that answer, taken as if chosen; other words ask again; a closed question is plain words. */
async function yesNoAnswered(turn: Turn, step: StepOf<"words.yesno">, typed: string): Promise<Answer> {
  const read = readYesNo(step, typed, turn.offered?.steps);
  if (read.kind === "take") return takeStep(turn, read.step, "", "chosen");
  const again = read.kind === "unclear" ? offeredAgain(turn, turn.t("yesno-again")) : undefined;
  if (again) throw new NotAnAnswer(typed, [again]);
  await endAwaiting(turn.layer.services.store, turn.key, "words.yesno");
  return freeText({ ...turn, awaiting: undefined }, typed);
}

// ---- 4. A command ----

/**
 * "/dangky thamdu", "/dang ky", "/diem danh 233VCA", "/datlịch 20/06": the longest command the first
 * words make (so "/diem danh X" is /diemdanh, not /diem "danh X"), then its arguments, which may be
 * words of another of its intents ("/diemdanh thay Mường So"); an unknown one gets the closest as choices.
 */
async function command(turn: Turn, line: string): Promise<Answer> {
  const { byName, understand } = turn.layer;
  const parsed = resolveCommand(byName, line) ?? parseCommand(line);
  const def = parsed && byName.get(parsed.name);
  if (!parsed || !def) {
    const [first = "/", ...rest] = line.split(/\s+/);
    const typed = parsed ? `/${parsed.name}` : first;
    return { replies: await remember(turn, unknownCommand(turn, typed, parsed ? parsed.args : rest.join(" "))), refused: true };
  }
  const inWords = understand?.args(def.name, parsed.args, wordsInput(turn));
  if (inWords) return runPlan(turn, inWords, true);
  return runChecked(turn, def, parsed.args, true, def.handler);
}

/** The plan of plain words, run under its command's checks. */
async function runPlan(turn: Turn, plan: WordsPlan, typedCommand: boolean): Promise<Answer> {
  const def = turn.layer.byName.get(plan.command);
  if (!def) return refusal(turn.t("hint-free-text"));
  return runChecked(turn, def, plan.args ?? "", typedCommand, plan.run ?? def.handler);
}

/** Who typed, for the plan of their words. */
function wordsInput(turn: Turn): WordsInput {
  const { services } = turn.layer;
  const unitId = turn.account.unitId;
  return { role: turn.role, account: turn.account, unit: unitId ? services.conference.unit(unitId) : undefined, t: turn.t, services };
}

/** A command line the bot holds (a trigger's, "/start" for a bare code, a question's) with `extra` text after its own arguments. */
async function runLine(turn: Turn, line: string, extra: string): Promise<Answer> {
  const p = parseCommand(line);
  const def = p && turn.layer.byName.get(p.name);
  if (!def || !p) return refusal(turn.t("hint-free-text"));
  return runChecked(turn, def, [p.args, extra].filter(Boolean).join(" "), false, def.handler);
}

// ---- 5, 6. Free text: a trigger, the answer to the waiting step, a bare invite code, a question ----

async function freeText(turn: Turn, line: string): Promise<Answer> {
  const { triggers, understand } = turn.layer;
  // "ok" answers the yes/no question just asked before it acknowledges a notice.
  const trigger = answersYesNo(turn.awaiting?.step, line) ? undefined : triggers.find((tr) => tr.matches(fold(line)));
  if (trigger) return runLine(turn, trigger.command, "");
  if (turn.awaiting) return takeStep(turn, turn.awaiting.step, line, "answered").catch((err) => notUnderstood(turn, line, err));
  if (turn.req.file) return refusal(turn.t("file-not-expected"));
  if (line.length === 0) return refusal(turn.t("hint-empty"));
  // Plain words: what they mean is run as its command would be, or asked back ("did you mean"), never guessed.
  const read = understand?.read(line, wordsInput(turn));
  // A bare invite code from an account of no unit: taken as /start CODE ("tai lieu hop" has ten letters, but words).
  if (!turn.account.unitId && isCodeShaped(line) && (!read || !("command" in read))) return runLine(turn, "/start", line);
  if (!read) return notUnderstood(turn, line);
  return understood(turn, read);
}

/** Plain words understood: run as their command, or the "did you mean" asked. */
async function understood(turn: Turn, read: WordsPlan | Reply): Promise<Answer> {
  if ("command" in read) return runPlan(turn, read, false);
  return { replies: await remember(turn, [read]), refused: false };
}

/**
 * Text that answers nothing open. The waiting step did not understand it (`err`, a NotAnAnswer: it
 * saved nothing): a question of its own (plain words the recogniser reads) is answered and the step
 * stays open; otherwise the bot says what it did not understand and asks the open question again.
 * Without a waiting step: the numbered choices still open are shown again; a person of no unit is led
 * to the invite code (a code one character off is told so, through /start and its guessing limits);
 * else the short hint.
 */
async function notUnderstood(turn: Turn, line: string, err?: unknown): Promise<Answer> {
  const { t } = turn;
  if (err !== undefined) {
    if (!(err instanceof NotAnAnswer)) throw err;
    const read = line ? turn.layer.understand?.read(line, wordsInput(turn)) : undefined;
    // A question it answers; one whose command refuses (scores not yet published…) was not answered.
    const answered = read ? await understood(turn, read).catch((e) => (e instanceof UserError ? undefined : Promise.reject(e))) : undefined;
    if (answered && !answered.refused) return { replies: [...answered.replies, ...(err.afterAnswer ?? [])], refused: false };
    const replies = [{ kind: "text", text: t(err.sentence, { text: line.slice(0, 80) }) } as Reply, ...err.question];
    return { replies: await remember(turn, replies), refused: true };
  }
  if (turn.role === "guest" && isNearCode(line)) return runLine(turn, "/start", line);
  if (turn.role === "guest") return refusal(t("newcomer-type-code"));
  const again = offeredAgain(turn, t("answer-not-understood-choose", { text: line.slice(0, 80) }));
  if (!again) return refusal(t("hint-free-text"));
  return { replies: await remember(turn, [again]), refused: true };
}

/** The numbered choices still open, offered again under `lead`; none when they are closed or stale. */
function offeredAgain(turn: Turn, lead: string): Reply | undefined {
  const { offered } = turn;
  const steps = offered && promptOpen(offered.offeredAt, turn.now) ? offered.steps.map(parseStep) : [];
  const labels = offered?.labels;
  if (!labels || steps.length === 0 || steps.some((s) => !s)) return undefined;
  return { kind: "choices", text: lead, choices: steps.map((s, i) => offer(labels[i] ?? "", s as Step)) };
}

// ---- What every way into a command passes ----

/**
 * The command's checks (role, arguments, file), then `invoke` (the command's handler, or a step's
 * that continues it). `typedCommand`: a command typed or chosen ends the step that waited for free
 * text (unless the command keeps it); one refused for the role changes nothing, like an unknown command.
 */
async function runChecked(turn: Turn, def: CommandDef, args: string, typedCommand: boolean, invoke: Handler): Promise<Answer> {
  const { t, key } = turn;
  const { services } = turn.layer;
  const { store } = services;
  if (!mayRun(def, turn.role)) return refusal(t(def.roles.includes("delegate") ? "not-allowed-delegate" : "not-allowed-organizer"));
  if (typedCommand && turn.awaiting && !def.keepsAwaiting) await endAwaiting(store, key);
  const refused = argumentsRefusal(turn, def, args);
  if (refused) return refusal(refused);
  if (turn.expired) await endAwaiting(store, key);
  const unitId = store.data.accounts[key]?.unitId;
  const ctx: CommandContext = {
    req: turn.req,
    account: store.data.accounts[key] ?? turn.account,
    role: turn.role,
    unit: unitId ? services.conference.unit(unitId) : undefined,
    args,
    t,
    services,
  };
  return { replies: await remember(turn, await invoke(ctx)), refused: false };
}

/** What a command refuses before it runs: arguments it takes none of, too long, a file it does not take. */
function argumentsRefusal(turn: Turn, def: CommandDef, args: string): string | undefined {
  const { t } = turn;
  if (def.noArgs && args) return t("error-no-args", { command: `/${def.name}` });
  if (args.length > (def.maxArgs ?? MAX_TEXT)) return t("error-too-long", { max: def.maxArgs ?? MAX_TEXT });
  const file = turn.req.file;
  if (!file) return undefined;
  const a = def.accepts;
  if (!a?.kinds.includes(file.kind)) return t("file-not-expected");
  if (file.size > a.maxBytes) return t("file-too-large", { mb: Math.round(a.maxBytes / 1e5) / 10 });
  if (a.mimes.length > 0 && !a.mimes.includes(file.mime)) return t("file-wrong-type");
  return undefined;
}

/** Remembers the last numbered choices of the replies (their steps and words), so that a number, the words or a button take one. */
async function remember(turn: Turn, replies: Reply[]): Promise<Reply[]> {
  const offered = [...replies].reverse().find((r) => r.kind === "choices");
  if (offered?.kind === "choices") {
    const setId = randomBytes(4).toString("hex");
    offered.setId = setId;
    const labels = offered.choices.map((c) => c.label);
    await offerChoices(turn.layer.services.store, turn.key, setId, offered.choices.map((c) => c.step), labels, turn.now);
  }
  return replies;
}

// ---- Helpers of the stages ----

function mayRun(def: CommandDef, role: Role): boolean {
  // An organizer may do what a guest may; a delegate too. Delegate-only commands need a unit.
  return def.roles.includes(role) || (role !== "guest" && def.roles.includes("guest"));
}

/**
 * "/chuong trinh", "/diem danh 233VCA", "/datlịch 20/06": the command whose name the first words make
 * once folded and joined, the longest first (three words, then two, then one).
 */
export function resolveCommand(byName: { has(name: string): boolean }, line: string): ParsedCommand | undefined {
  const body = line.replace(/^\//, "").trim();
  const words = body.split(/\s+/).filter(Boolean);
  const target = /@([A-Za-z0-9_]+)/.exec(words[0] ?? "")?.[1]?.toLowerCase();
  // "/diem@hoinghi_bot danh": the bot's name ends the command's words.
  const most = words[0]?.includes("@") ? 1 : Math.min(3, words.length);
  for (let k = most; k >= 1; k--) {
    const joined = fold(words.slice(0, k).join("")).replace(/@.*$/, "");
    if (/^[a-z0-9_]+$/.test(joined) && byName.has(joined)) {
      return { name: joined, ...(target && { target }), args: skipWords(body, k) };
    }
  }
  return undefined;
}

/** An unknown command: the closest commands the person may use, as numbered choices (none close: the usual sentence). */
function unknownCommand(turn: Turn, typed: string, args: string): Reply[] {
  const { t } = turn;
  const word = fold(typed.replace(/^\//, "")).replace(/\s/g, "");
  const close = closestCommands(word, turn.layer.defs.filter((d) => d.listed !== false && mayRun(d, turn.role)));
  if (close.length === 0) return [{ kind: "text", text: t("unknown-command", { command: typed }) }];
  const suggested = close.map((d) => offer(`/${d.name}: ${t(d.describe)}`, { kind: "command.suggested", name: d.name, args } satisfies Step));
  return [{ kind: "choices", text: t("unknown-command-suggest", { command: typed }), choices: suggested }];
}

/** The command whose length limit applies to the text: the one typed, or the one the waiting step continues. */
function limitOf(layer: Layer, req: Request, text: string): number {
  const typed = text.startsWith("/") ? parseCommand(text)?.name : undefined;
  const awaited = text.startsWith("/") ? undefined : layer.services.store.data.sessions[accountKey(req.channel, req.userId)]?.awaiting?.step;
  const name = typed ?? (awaited ? commandOfStep(layer, awaited) : undefined);
  return (name ? layer.byName.get(name)?.maxArgs : undefined) ?? MAX_TEXT;
}

/** The command a stored step continues, if it is a step this program knows. */
function commandOfStep(layer: Layer, stored: unknown): string | undefined {
  const step = parseStep(stored);
  if (!step) return undefined;
  if (step.kind === "command.suggested") return step.name;
  if (step.kind === "words.intent" || step.kind === "words.yesno") return undefined;
  return layer.steps?.[step.kind].command;
}

/** Free text that answers a waiting step may be as long as that step's command allows (a speech typed over several full-length messages). */
function lengthRefusal(layer: Layer, req: Request, text: string, t0: Translate): Answer | undefined {
  const limit = limitOf(layer, req, text);
  return text.length > Math.max(limit, MAX_TEXT) + 64 ? refusal(t0("error-too-long", { max: limit })) : undefined;
}

/** A refusal in the person's words; a store that cannot be written or a fault, one sentence each. */
function failed(layer: Layer, req: Request, err: unknown, t0: Translate): Answer {
  const { services } = layer;
  const { store, i18n, logger } = services;
  if (err instanceof UserError) {
    const t = i18n.forLanguage(store.data.accounts[accountKey(req.channel, req.userId)]?.language ?? req.language);
    return refusal(writeRefusal(t, err, { contact: contactRef(t, services.conference.conf) }));
  }
  if (err instanceof ConferenceClosed) {
    return refusal(t0("conference-closed-readonly", { title: services.conference.conf.short_title ?? services.conference.conf.title }));
  }
  if (err instanceof StoreWriteFailed) {
    logger.error({ err: err.message, updateId: req.updateId }, "store write failed");
    return refusal(t0("error-not-saved"));
  }
  logger.error({ err, updateId: req.updateId, channel: req.channel }, "command failed");
  return refusal(t0("error-internal", { contact: contactRef(t0, services.conference.conf) }));
}

