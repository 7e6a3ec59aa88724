// A Message written in one language: its values that are messages themselves are written first.
import type { MessageArgs, Translate } from "../lib/i18n.js";
import type { Message, MessageArg } from "./types.js";

function value(t: Translate, arg: MessageArg): string | number {
  return typeof arg === "object" ? renderMessage(t, arg) : arg;
}

/** The message's text in the language of `t`; `extra` values (such as the conference's contact) fill what the message leaves out. */
export function renderMessage(t: Translate, message: Message, extra: MessageArgs = {}): string {
  return t(message.key, { ...extra, ...renderArgs(t, message) });
}

/** The message's values in the language of `t` (those that are messages written out): for a refusal's UserError. */
export function renderArgs(t: Translate, message: Message): Record<string, string | number> {
  const args: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(message.args ?? {})) args[name] = value(t, arg);
  return args;
}

/** A message from a key and values (shorthand for actions and views). */
export function msg(key: string, args?: Record<string, MessageArg>): Message {
  return args ? { key, args } : { key };
}
