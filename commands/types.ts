// The platform-neutral contract: a channel turns an update into a Request; a handler returns Replies.
import type { Clock } from "../src/lib/time.js";
import type { Logger } from "pino";
import type { ConferenceService } from "../src/conference/service.js";
import type { AppConfig } from "../src/app/config.js";
import type { NoticesPort } from "../src/domain/notices.js";
import type { I18n, Translate } from "../src/lib/i18n.js";
import type { Store } from "../storage/store.js";
import type { Account, AccountKey, Channel, NoticeKind, Role } from "../storage/schema.js";
import type { Unit } from "../src/conference/schema.js";
import type { CodeGuard } from "../src/domain/identity.js";

/** A file a person sent. Channels fill name, mime and size before anything is downloaded. */
export interface IncomingFile {
  kind: "document" | "photo";
  name: string;
  mime: string;
  /** Bytes, as the platform announced them (0 when unknown). */
  size: number;
  /** A URL the platform gave (Zalo photos), kept as a reference when the bytes are not needed. */
  url?: string;
  download(): Promise<Buffer>;
}

export interface Request {
  channel: Channel;
  /** The person's platform id. */
  userId: string;
  /** Where the answer goes. */
  chatId: string;
  displayName: string;
  /** The platform's language code of the person ("vi", "en"), if known. */
  language?: string;
  /** What the person typed (a caption for a file); may be empty. */
  text: string;
  file?: IncomingFile;
  /** A press on a button of a numbered choice: the set it belongs to and the number (1-based). */
  press?: { setId: string; index: number };
  /** The platform's update id, for logs. */
  updateId?: string;
}

export interface Choice {
  label: string;
  /** The command line that choosing runs, as if typed ("/dangky thamdu"). */
  command: string;
}

/** What a handler answers; each channel renders it its own way. Text is plain: channels escape it. */
export type Reply =
  | { kind: "text"; text: string }
  | { kind: "choices"; text: string; choices: Choice[]; setId?: string }
  | { kind: "file"; name: string; mime: string; data: Buffer; caption?: string }
  | { kind: "photo"; name: string; data: Buffer; caption?: string };

/** A message to another account than the one that asked (a review result, a notice). */
export interface Outgoing {
  account: AccountKey;
  replies: Reply[];
}

/** How a notice handed to Notifier.send is filed in the outbox (kind, author, "Đã nhận" choice). */
export interface SendOptions {
  /** Default "result". */
  kind?: NoticeKind;
  /** The organizer it comes from, if any (default "system"). */
  createdBy?: AccountKey;
  /** Adds the "Đã nhận" choice and counts acknowledgements (default false). */
  ackable?: boolean;
}

/**
 * Sends messages to other accounts through the persistent outbox: each call is queued as notices
 * and deliveries in the store, then sent at each platform's rate.
 */
export interface Notifier {
  /**
   * Resolves once every delivery of this call had its first attempt; returns how many were accepted
   * by the platforms (accounts blocked, unknown, or on a channel not running are not counted).
   */
  send(messages: Outgoing[], options?: SendOptions): Promise<number>;
}

/** The clock every service reads (tests pass a fake one): it lives with the time helpers. */
export type { Clock } from "../src/lib/time.js";

export interface Services {
  store: Store;
  conference: ConferenceService;
  clock: Clock;
  logger: Logger;
  i18n: I18n;
  config: AppConfig;
  notifier: Notifier;
  /** The bot-wide slow-down on wrong invite codes (src/domain/identity.ts); made on first use if absent. */
  codeGuard?: CodeGuard;
  /** In this process: the schedule sequence each /datlich acknowledgement was built at (commands/schedule.ts). */
  scheduleAcks?: Map<number, number>;
  /** The notices port (the outbox): /thongbao, /nhacnho and change alerts file their notices through it. */
  notices: NoticesPort;
}

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

// The UserError family lives in the domain core; re-exported while handlers move over.
export { BadArguments, DeadlinePassed, NotAllowed, UnknownUnit, UserError } from "../src/domain/errors.js";
