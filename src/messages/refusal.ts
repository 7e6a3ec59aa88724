// A refusal whose values are sentences of their own (a time, an answer): an action throws it with a
// Message, and each interface writes it in its reader's language. Plain values stay on UserError's
// args, so a reader that knows only UserError still gets the key and those.
import { UserError } from "../domain/errors.js";
import type { MessageArgs, Translate } from "../lib/i18n.js";
import { renderMessage } from "./render.js";
import type { Message } from "./types.js";

export class Refusal extends UserError {
  constructor(readonly refusal: Message) {
    const plain: Record<string, string | number> = {};
    for (const [name, arg] of Object.entries(refusal.args ?? {})) if (typeof arg !== "object") plain[name] = arg;
    super(refusal.key, plain);
  }
}

/** The text of any refusal in the language of `t` (`extra` fills what it leaves out, such as the contact). */
export function writeRefusal(t: Translate, err: UserError, extra: MessageArgs = {}): string {
  return err instanceof Refusal ? renderMessage(t, err.refusal, extra) : t(err.key, { ...extra, ...err.args });
}
