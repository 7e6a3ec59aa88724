// The chat's own contract: what a command handler is given and how a command is declared. The
// platform-neutral types (Request, Reply, Services…) are in src/messages/types.ts.
import type { Account, Role } from "../storage/schema.js";
import type { Unit } from "../src/conference/schema.js";
import type { Translate } from "../src/lib/i18n.js";
import type { Reply, Request, Services } from "../src/messages/types.js";

export interface CommandContext {
  req: Request;
  account: Account;
  role: Role;
  /** The delegate's unit (also set for an organizer who joined a unit). */
  unit?: Unit;
  /** The text after the command word, trimmed. */
  args: string;
  t: Translate;
  services: Services;
}

export type Handler = (ctx: CommandContext) => Promise<Reply[]>;

export interface CommandDef {
  /** Vietnamese command without diacritics, as Telegram allows: a–z, 0–9, _. */
  name: string;
  /** English aliases. */
  aliases: string[];
  /** Who may run it. */
  roles: Role[];
  /** Message key of the one-line description (help, Telegram menu). */
  describe: string;
  /** Works only for an account of a unit: left out of the help of an organizer who joined no unit. */
  needsUnit?: boolean;
  /** Longest argument text accepted (default 4,000 characters). */
  maxArgs?: number;
  /** Takes no arguments: text after it is refused with a sentence saying how to type it. */
  noArgs?: boolean;
  /** Which files the command takes, checked before any download. */
  accepts?: { kinds: Array<"document" | "photo">; mimes: string[]; maxBytes: number };
  /** Listed in help and menus (false for inner steps such as /danhan). */
  listed?: boolean;
  /** Typing it does not end a step that waits for free text (e.g. /xong while a speech is collected). */
  keepsAwaiting?: boolean;
  handler: Handler;
}
