// A Message written in one language: its values that are messages themselves are written first.
import type { MessageArgs, Translate } from "../lib/i18n.js";
import type { Message, MessageArg } from "./types.js";

function value(t: Translate, arg: MessageArg): string | number {
  return typeof arg === "object" ? renderMessage(t, arg) : arg;
}

/** The key of a message made of lines (src/views/scores.ts linesMessage): `{ $head }`, a line break, `{ $tail }`, no words of its own. */
const LINES = "lines-join";

/** The message's text in the language of `t`; `extra` values (such as the conference's contact) fill what the message leaves out. */
export function renderMessage(t: Translate, message: Message, extra: MessageArgs = {}): string {
  if (message.key === LINES) return renderLines(t, message);
  const args = renderArgs(t, message);
  return t(message.key, hasAny(extra) ? { ...extra, ...args } : args);
}

function hasAny(values: MessageArgs): boolean {
  for (const k in values) if (Object.hasOwn(values, k)) return true;
  return false;
}

/**
 * A message of lines written line by line and joined once: the same text as the chain of
 * "lines-join" written level by level, where each level copied every line below it (a unit's
 * result of some forty lines made a hundred kilobytes of text to throw away, at every /diem).
 */
function renderLines(t: Translate, message: Message): string {
  const lines: string[] = [];
  let m: MessageArg | undefined = message;
  while (typeof m === "object" && m.key === LINES) {
    lines.push(line(t, m.args?.head ?? ""));
    m = m.args?.tail;
  }
  if (m !== undefined) lines.push(line(t, m));
  return lines.join("\n");
}

/** One line: a message written, a text as it is, a number as the language writes it. */
function line(t: Translate, arg: MessageArg): string {
  if (typeof arg === "string") return arg;
  return typeof arg === "object" ? renderMessage(t, arg) : t("lines-one", { line: arg });
}

/** The message's values in the language of `t` (those that are messages written out): for a refusal's UserError. */
export function renderArgs(t: Translate, message: Message): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  const given = message.args;
  for (const name in given) if (Object.hasOwn(given, name)) args[name] = value(t, given[name] as MessageArg);
  return args;
}

/** A message from a key and values (shorthand for actions and views). */
export function msg(key: string, args?: Record<string, MessageArg>): Message {
  return args ? { key, args } : { key };
}
