// The platform-neutral contracts at the bottom of the tree: a channel turns an update into a Request,
// whoever answers returns Replies, messages to others are Outgoing and go through a Notifier; the
// Services every layer above is handed are filled in by createApp (src/app/app.ts).
import type { Logger } from "pino";
import type { Store } from "../../storage/store.js";
import type { AccountKey, Channel, NoticeKind, StoredStep } from "../../storage/schema.js";
import type { ConferenceService } from "../conference/service.js";
import type { AppConfig } from "../config/types.js";
import type { CodeGuard } from "../domain/identity.js";
import type { NoticesPort } from "../domain/notices.js";
import type { I18n } from "../lib/i18n.js";
import type { Clock } from "../lib/time.js";

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
  /**
   * A press on a button: of numbered choices, the set it belongs to and the number (1-based); or of a
   * choice sent outside a conversation (a notice's "Đã nhận"), the step it carries, as the button
   * held it: unchecked until the router parses it (and takes only the kinds that may stand alone).
   */
  press?: { setId: string; index: number } | { step: unknown };
  /** The platform's update id, for logs. */
  updateId?: string;
}

/** One of numbered choices: what it says, and the conversation step choosing it takes (a typed value, commands/steps.ts). */
export interface Choice {
  label: string;
  step: StoredStep;
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
  /** The conference the notice belongs to (set by the conference's services; default: the bot's first). */
  conference?: string;
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
  /** The other conferences of this bot (src/app/conferences.ts): /hoinghi lists them and switches. Absent: this one alone. */
  conferences?: ConferencesPort;
}

/** A conference as a person may choose it. */
export interface ConferenceChoice {
  id: string;
  title: string;
  status: "running" | "closed";
  /** The one this person's messages act on now. */
  current: boolean;
  /** For the organizers' list (ConferencesPort.list): when it was added and closed (ISO), and its conference file. */
  addedAt?: string;
  closedAt?: string;
  file?: string;
}

/** The conferences of one bot, as chat and desk see them (built by src/app/conferences.ts). */
export interface ConferencesPort {
  /** The running conferences a person's messages may act on (an organizer: every one), and closed ones that invited their unit. */
  forAccount(key: AccountKey): ConferenceChoice[];
  /** From now on the person's messages act on conference `id` (a running one that concerns them). */
  choose(key: AccountKey, id: string): Promise<ConferenceChoice>;
  /** Closes a running conference for good (organizers; the chat and the desk confirm first). */
  close(id: string, by: AccountKey): Promise<ConferenceChoice>;
  /** The conference a person's messages and desk pages act on now (their choice, else the only one, else the first). */
  current(key: AccountKey): string;
  /** Every conference, running ones first (organizers' lists: the desk, the command line). */
  list(): ConferenceChoice[];
  /** A conference's services (the desk draws a page with the organizer's current conference). */
  services(id: string): Services | undefined;
  /**
   * Adds the conference of a conference file (YAML), running, and sends the delegates of the units it
   * invites their new giấy mời. Refused (UserError) for an id already served; ConferenceFileError for a wrong file.
   */
  add(file: string, by: AccountKey): Promise<{ conference: ConferenceChoice; told: string[]; without: string[] }>;
}

/** A sentence not yet written: a message key of locales/ and its values, rendered in each reader's language. */
export interface Message {
  key: string;
  args?: Record<string, MessageArg>;
}
/** A value of a message: plain, or a message of its own rendered in the same language (an answer's description). */
export type MessageArg = string | number | Message;

/** Who is told what after an action: the accounts, the message, and how the outbox files it. */
export interface Notification {
  to: AccountKey[];
  message: Message;
  options: SendOptions;
}

/** What an action returns: its result, and the notifications it implies (sent by src/outbox/notify.ts). */
export interface Done<T> {
  result: T;
  notifications: Notification[];
}
