// What the whole-conference scenario needs of a channel: people who say, choose, acknowledge and send files, and what each received.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Reply, Request } from "../../src/messages/types.js";
import { consoleDeps } from "../../src/app/channel-deps.js";
import { renderForConsole } from "../../src/channels/console/console.js";
import type { Channel } from "../../storage/schema.js";
import type { TestApp } from "../helpers/app.js";

/** A file as a person received it (a workbook, a calendar). */
export interface ReceivedFile {
  name: string;
  data: Buffer;
}

/** Someone talking to the bot on one channel. */
export interface Someone {
  name: string;
  channel: Channel;
  userId: string;
  /** The store's account key. */
  key: string;
  /** Every message this person received, in order, as the channel showed it (plain text). */
  inbox: string[];
  files: ReceivedFile[];
}

export interface UploadedFile {
  name: string;
  mime: string;
  data: Buffer;
  /** Where it lies on disk (the Telegram stand-in for getFile serves it from there). */
  path?: string;
}

/**
 * One channel as people use it. Every call resolves once the bot has handled the message, its
 * replies have arrived, and every notice it queued has been delivered (the outbox is idle), so the
 * steps never wait on wall-clock time. Each returns the texts that person received meanwhile.
 */
export interface Driver {
  channel: Channel;
  h: TestApp;
  /** A person with a fresh id; `organizer` gives the id that ORGANIZER_IDS lists for this channel. */
  person(name: string, options?: { organizer?: boolean }): Someone;
  say(p: Someone, text: string): Promise<string>;
  /** Picks choice `n` of the last numbered choices: typed as a number, or pressed as a button on Telegram. */
  choose(p: Someone, n: number): Promise<string>;
  /** "Đã nhận" to the latest notice: the button under it on Telegram, the words elsewhere. */
  acknowledge(p: Someone): Promise<string>;
  /** Sends a document with a caption; undefined where the channel carries no documents (Zalo). */
  sendFile?: (p: Someone, file: UploadedFile, caption: string) => Promise<string>;
  /**
   * Where this channel cannot carry a file (Zalo), the organizer who does that part instead: a
   * console organizer on the same process and store.
   */
  fileDesk?: { driver: Driver; organizer: Someone };
  /** Waits until every queued notice went out, and collects what arrived. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Texts received since `from` (an inbox length), joined. */
export function since(p: Someone, from: number): string {
  return p.inbox.slice(from).join("\n\n");
}

/**
 * People on the console channel of an app: each line goes to the command layer as the console
 * channel sends it, replies and notices are rendered as the terminal shows them (files saved
 * under DATA_DIR/out, read back from there). The terminal chat has no way to attach a file, so
 * sendFile hands the file over on the request, as tests/scores do.
 */
export function consoleLink(h: TestApp): Driver {
  const people = new Map<string, Someone>();
  let counter = 0;
  // Notices to console accounts, rendered as the terminal prints them.
  h.app.notifier.register("console", async (account, replies) => {
    const p = people.get(account.key);
    if (p) await receive(p, replies);
  });

  async function receive(p: Someone, replies: Reply[]): Promise<void> {
    p.inbox.push(await renderForConsole(consoleDeps(h.app), replies));
    for (const r of replies) if (r.kind === "file" || r.kind === "photo") p.files.push({ name: r.name, data: await savedFile(r.name) });
  }

  /** The bytes the console saved for a file it printed (the path is in its line). */
  async function savedFile(name: string): Promise<Buffer> {
    return readFile(path.join(h.app.config.dataDir, "out", path.basename(name)));
  }

  async function send(p: Someone, extra: Partial<Request>): Promise<string> {
    const from = p.inbox.length;
    const replies = await h.app.bot.handle({ channel: "console", userId: p.userId, chatId: p.userId, displayName: p.name, text: "", ...extra });
    await receive(p, replies);
    await h.app.outbox.idle();
    return since(p, from);
  }

  const driver: Driver = {
    channel: "console",
    h,
    person(name, options = {}) {
      const userId = options.organizer ? "org-1" : `c${++counter}`;
      const p: Someone = { name, channel: "console", userId, key: `console:${userId}`, inbox: [], files: [] };
      people.set(p.key, p);
      return p;
    },
    say: (p, text) => send(p, { text }),
    choose: (p, n) => send(p, { text: String(n) }),
    acknowledge: (p) => send(p, { text: "đã nhận" }),
    sendFile: (p, file, caption) =>
      send(p, { text: caption, file: { kind: "document", name: file.name, mime: file.mime, size: file.data.length, download: async () => file.data } }),
    settle: () => h.app.outbox.idle(),
    close: () => h.close(),
  };
  return driver;
}
