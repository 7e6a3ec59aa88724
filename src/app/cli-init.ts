// `npx hoinghi init`: the set-up of a real server in one step. Asks (in the configured language, Vietnamese by
// default) for the tokens, the public address, how updates arrive, the organizers and the data folder; checks each
// token with its platform (getMe) when it can; makes the webhook secrets; writes .env, readable by its owner only.
// Questions and answers go through the terminal, or a pipe: `printf '…\n…\n' | npx hoinghi init` answers them in order.
import { yesNo } from "../../commands/understand/readers.js";
import { randomBytes } from "node:crypto";
import { access, chmod, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { ZaloApiError, ZaloClient } from "../channels/zalo/client.js";
import type { Translate } from "../lib/i18n.js";
import type { CliArgs, CliIo } from "./cli-core.js";
import { CliError } from "./cli-core.js";
import { mask } from "./config.js";

const TELEGRAM_ROOT = "https://api.telegram.org";
/** How long a platform has to answer getMe before the token is written unchecked. */
const CHECK_TIMEOUT_MS = 10_000;
/** Wrong answers to one question before it is left empty. */
const TRIES = 3;

/** The answers, one line at a time, whether typed or piped; undefined once the input has ended. */
function lineReader(input: NodeJS.ReadableStream): { next(): Promise<string | undefined>; close(): void } {
  const rl = createInterface({ input, terminal: false });
  const lines: string[] = [];
  const waiting: Array<(line: string | undefined) => void> = [];
  let ended = false;
  // Every line is kept as it arrives: a pipe may deliver all the answers before the first question is asked.
  rl.on("line", (line) => {
    const w = waiting.shift();
    if (w) w(line);
    else lines.push(line);
  });
  rl.on("close", () => {
    ended = true;
    for (const w of waiting.splice(0)) w(undefined);
  });
  return {
    next: () => {
      if (lines.length > 0) return Promise.resolve(lines.shift());
      if (ended) return Promise.resolve(undefined);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close: () => rl.close(),
  };
}

interface Prompt {
  /** Writes the question and returns the answer, trimmed ("" for none, also when the input has ended). */
  ask(question: string): Promise<string>;
  say(line: string): void;
}

function prompter(io: CliIo, reader: ReturnType<typeof lineReader>): Prompt {
  // Typed answers end the line on the screen; piped ones do not echo, so the line is ended here.
  const echoed = (io.stdin as { isTTY?: boolean }).isTTY === true;
  return {
    async ask(question) {
      io.stdout.write(`${question}: `);
      const line = await reader.next();
      if (line === undefined || !echoed) io.stdout.write("\n");
      return (line ?? "").trim();
    },
    say: (line) => io.out(line),
  };
}

/** What the platform said of a token: its bot's name, a refusal, or no answer (a warning, not a failure). */
export type TokenCheck = { status: "ok"; name: string } | { status: "refused" } | { status: "unreachable"; detail: string };

/** Telegram's getMe at `apiRoot`; the token is in the URL, never in what is returned. */
export async function checkTelegramToken(token: string, apiRoot = TELEGRAM_ROOT, timeoutMs = CHECK_TIMEOUT_MS): Promise<TokenCheck> {
  try {
    const res = await fetch(`${apiRoot.replace(/\/+$/, "")}/bot${token}/getMe`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; result?: { username?: string } };
    if (body.ok && body.result?.username) return { status: "ok", name: body.result.username };
    if (res.status === 401 || res.status === 404 || body.ok === false) return { status: "refused" };
    return { status: "unreachable", detail: `HTTP ${res.status}` };
  } catch (err) {
    return { status: "unreachable", detail: networkDetail(err) };
  }
}

/** Zalo's getMe at `apiRoot` (the project's client, which masks the token in its errors). */
export async function checkZaloToken(token: string, apiRoot?: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<TokenCheck> {
  try {
    const me = await new ZaloClient({ token, apiRoot, timeoutMs }).getMe();
    return { status: "ok", name: me.account_name };
  } catch (err) {
    if (err instanceof ZaloApiError && [400, 401, 403, 404].includes(err.errorCode)) return { status: "refused" };
    return { status: "unreachable", detail: networkDetail(err) };
  }
}

/** A short reason, without anything of the request (the token is in its URL). */
function networkDetail(err: unknown): string {
  const e = err as { name?: string; code?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.code ?? e.name ?? "error";
}

interface Platform {
  name: "Telegram" | "Zalo";
  ask: string;
  /** The token's form: Telegram's `<digits>:<35 characters>`, Zalo's `<bot_id>:<secret>`. */
  form: RegExp;
  check(token: string): Promise<TokenCheck>;
}

/** Asks for one platform's token until it has the right form and the platform does not refuse it; "" to skip. */
async function askToken(p: Prompt, t: Translate, platform: Platform): Promise<{ token: string; name?: string } | undefined> {
  for (let i = 0; i < TRIES; i++) {
    const token = await p.ask(t(platform.ask));
    if (!token) return undefined;
    if (!platform.form.test(token)) {
      p.say(t("init-token-format", { platform: platform.name }));
      continue;
    }
    const checked = await platform.check(token);
    const shown = mask(token);
    if (checked.status === "refused") {
      p.say(t("init-token-refused", { platform: platform.name, token: shown }));
      continue;
    }
    if (checked.status === "ok") p.say(t("init-token-ok", { platform: platform.name, name: checked.name, token: shown }));
    else p.say(t("init-token-unchecked", { platform: platform.name, detail: checked.detail }));
    return { token, ...(checked.status === "ok" ? { name: checked.name } : {}) };
  }
  p.say(t("init-gave-up", { platform: platform.name }));
  return undefined;
}

/** Asks until `valid` accepts the answer (or it is empty); `refusal` tells what is wrong with one. */
async function askValid(p: Prompt, question: string, refusal: (answer: string) => string | undefined): Promise<string> {
  for (let i = 0; i < TRIES; i++) {
    const answer = await p.ask(question);
    const wrong = answer ? refusal(answer) : undefined;
    if (!wrong) return answer;
    p.say(wrong);
  }
  return "";
}

function publicUrlRefusal(t: Translate, answer: string): string | undefined {
  try {
    const url = new URL(answer);
    if ((url.protocol === "https:" || url.protocol === "http:") && url.pathname === "/" && !url.search) return undefined;
  } catch {
    // refused below
  }
  return t("init-url-bad", { url: answer });
}

function organizersRefusal(t: Translate, answer: string): string | undefined {
  const wrong = answer
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .find((id) => !/^(telegram|zalo|console):\S+$/.test(id));
  return wrong === undefined ? undefined : t("init-organizers-bad", { id: wrong });
}

/** A webhook secret: 32 random bytes, 43 characters of A-Z a-z 0-9 _ - (what both platforms accept). */
export const makeSecret = (): string => randomBytes(32).toString("base64url");

/** The answers, as the variables .env gets (in .env.example's order). */
export interface InitAnswers {
  telegram?: { token: string; name?: string; apiRoot?: string };
  zalo?: { token: string; name?: string; apiRoot?: string };
  publicUrl: string;
  updates: "polling" | "webhook";
  organizers: string;
  dataDir: string;
}

/** The .env text: only what was answered, plus the secrets made here. */
export function envText(a: InitAnswers, header: string): string {
  const lines: string[] = [`# ${header}`];
  const put = (name: string, value: string | undefined) => {
    if (value) lines.push(`${name}=${value}`);
  };
  if (a.telegram) {
    put("TELEGRAM_BOT_TOKEN", a.telegram.token);
    put("TELEGRAM_API_ROOT", a.telegram.apiRoot);
    put("TELEGRAM_UPDATES", a.updates);
    put("TELEGRAM_WEBHOOK_SECRET", makeSecret());
    put("TELEGRAM_BOT_USERNAME", a.telegram.name);
  }
  if (a.zalo) {
    put("ZALO_BOT_TOKEN", a.zalo.token);
    put("ZALO_API_ROOT", a.zalo.apiRoot);
    put("ZALO_UPDATES", a.updates);
    put("ZALO_WEBHOOK_SECRET", makeSecret());
  }
  put("PUBLIC_URL", a.publicUrl.replace(/\/+$/, ""));
  // Caddy (deploy/Caddyfile) on the same machine: its X-Forwarded-For / -Proto are believed.
  if (a.publicUrl) put("TRUST_PROXY", "loopback");
  put("DATA_DIR", a.dataDir);
  put("ORGANIZER_IDS", a.organizers.replace(/\s+/g, ""));
  return `${lines.join("\n")}\n`;
}

/** What was written, each value shown whole unless it is a token or a secret. */
function summary(text: string): string[] {
  return text
    .split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l))
    .map((l) => {
      const [name, value] = [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)];
      return /TOKEN|SECRET/.test(name) ? `  ${name}=${mask(value)}` : `  ${name}=${value}`;
    });
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The questions, in order; the tokens checked as they are given. */
async function askAll(p: Prompt, t: Translate, roots: { telegram?: string; zalo?: string }, dataDir: string): Promise<InitAnswers> {
  const telegram = await askToken(p, t, { name: "Telegram", ask: "init-ask-telegram", form: /^\d+:[A-Za-z0-9_-]{6,}$/, check: (token) => checkTelegramToken(token, roots.telegram) });
  const zalo = await askToken(p, t, { name: "Zalo", ask: "init-ask-zalo", form: /^[A-Za-z0-9_-]+:\S{6,}$/, check: (token) => checkZaloToken(token, roots.zalo) });
  const publicUrl = await askValid(p, t("init-ask-public-url"), (a) => publicUrlRefusal(t, a));
  if (publicUrl.startsWith("http:")) p.say(t("init-url-http"));
  let updates: InitAnswers["updates"] = "polling";
  if (publicUrl && (telegram || zalo)) {
    const chosen = await askValid(p, t("init-ask-updates"), (a) => (/^(webhook|polling)$/i.test(a) ? undefined : t("init-updates-bad")));
    updates = chosen.toLowerCase() === "polling" ? "polling" : "webhook";
  }
  const organizers = await askValid(p, t("init-ask-organizers"), (a) => organizersRefusal(t, a));
  const folder = (await p.ask(t("init-ask-data-dir", { default: dataDir }))) || dataDir;
  return {
    telegram: telegram && { ...telegram, apiRoot: roots.telegram },
    zalo: zalo && { ...zalo, apiRoot: roots.zalo },
    publicUrl,
    updates,
    organizers,
    dataDir: folder,
  };
}

export async function initSubcommand(args: CliArgs, io: CliIo, t: Translate): Promise<number> {
  const file = path.resolve(String(args.values["env-file"] ?? ".env"));
  const roots = {
    telegram: (args.values["telegram-api-root"] as string | undefined) ?? (io.env.TELEGRAM_API_ROOT || undefined),
    zalo: (args.values["zalo-api-root"] as string | undefined) ?? (io.env.ZALO_API_ROOT || undefined),
  };
  const reader = lineReader(io.stdin);
  const p = prompter(io, reader);
  try {
    p.say(t("init-intro", { file }));
    if (await exists(file)) {
      const answer = await p.ask(t("init-overwrite", { file }));
      // Read as the chat reads a yes ("có", "co", "ok", "y", "yes"…); anything else keeps the file.
      if (yesNo(answer) !== "yes") throw new CliError(t("init-kept", { file }));
    }
    const answers = await askAll(p, t, roots, io.env.DATA_DIR || "./data");
    const text = envText(answers, t("init-env-header"));
    // Created readable by its owner only; an existing file (overwrite confirmed) is narrowed to that too.
    await writeFile(file, text, { mode: 0o600 });
    await chmod(file, 0o600);
    p.say(t("init-written", { file }));
    for (const line of summary(text)) p.say(line);
    if (!answers.telegram && !answers.zalo) p.say(t("init-no-channel"));
    p.say(t("init-next"));
    return 0;
  } finally {
    reader.close();
  }
}
