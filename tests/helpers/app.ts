// A whole app on a temp folder with a fake clock and captured logs, and people who talk to it.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Reply, Request } from "../../src/messages/types.js";
import type { FileOps } from "../../storage/durable-file.js";
import { type App, createApp } from "../../src/app/app.js";
import { loadConfig } from "../../src/app/config.js";
import { createCapturingLogger } from "../../src/lib/logger.js";
import { fakeClock } from "../../src/lib/time.js";
import type { Channel } from "../../storage/schema.js";
import { displayCode, ensureInvites, ORGANIZER_TARGET } from "../../src/domain/identity.js";

export interface Person {
  channel: Channel;
  userId: string;
  /** Sends a message; returns all reply texts joined (choices with their numbered labels). */
  say(text: string, extra?: Partial<Request>): Promise<string>;
  /** The replies of the last message. */
  last: Reply[];
  /** Presses button `index` (1-based) of the last numbered choices. */
  press(index: number): Promise<string>;
  key: string;
}

export function replyText(replies: Reply[]): string {
  return replies
    .map((r) => {
      if (r.kind === "text") return r.text;
      if (r.kind === "choices") return `${r.text}\n${r.choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n")}`;
      return `[${r.kind} ${r.name}]${r.caption ? ` ${r.caption}` : ""}`;
    })
    .join("\n\n");
}

export interface TestApp {
  app: App;
  clock: ReturnType<typeof fakeClock>;
  logs: string[];
  dir: string;
  /** Messages the app sent to other accounts (any channel), in order. */
  sent: Array<{ account: string; text: string; replies: Reply[] }>;
  person(name: string, options?: { channel?: Channel; userId?: string; language?: string }): Person;
  /** A person who has joined `unit` with its invite code. */
  delegate(unit: string, name?: string, options?: { channel?: Channel; userId?: string }): Promise<Person>;
  /** A person listed in ORGANIZER_IDS. */
  organizer(name?: string): Person;
  /** The active invite code of a unit (by id) or of the organizers. */
  code(target: string): Promise<string>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(
  options: { now?: string; env?: Record<string, string>; dir?: string; fileOps?: FileOps } = {},
): Promise<TestApp> {
  const dir = options.dir ?? (await mkdtemp(path.join(tmpdir(), "hoinghi-test-")));
  const config = loadConfig({ DATA_DIR: dir, ORGANIZER_IDS: "console:org-1,telegram:9001,zalo:org-zalo", LOG_LEVEL: "debug",
    // Tests that set a time (often Sunday 20/06/2027) for other reasons save it at once; tests/schedule turns the /datlich checks on.
    SCHEDULE_CHECKS: "off",
    ...options.env });
  const clock = fakeClock(options.now ?? "2027-05-01T02:00:00Z");
  const { logger, lines } = createCapturingLogger();
  const app = await createApp({ config, clock, logger, fileOps: options.fileOps });
  const sent: TestApp["sent"] = [];
  for (const channel of ["console", "telegram", "zalo"] as const) {
    app.notifier.register(channel, async (account, replies) => {
      sent.push({ account: account.key, text: replyText(replies), replies });
    });
  }

  function person(name: string, opts: { channel?: Channel; userId?: string; language?: string } = {}): Person {
    const channel = opts.channel ?? "console";
    const userId = opts.userId ?? `u${++counter}`;
    const p: Person = {
      channel,
      userId,
      key: `${channel}:${userId}`,
      last: [],
      async say(text, extra) {
        const replies = await app.bot.handle({ channel, userId, chatId: userId, displayName: name, language: opts.language, text, ...extra });
        p.last = replies;
        return replyText(replies);
      },
      async press(index) {
        const set = [...p.last].reverse().find((r) => r.kind === "choices");
        const setId = set?.kind === "choices" ? (set.setId ?? "none") : "none";
        const replies = await app.bot.handle({ channel, userId, chatId: userId, displayName: name, text: "", press: { setId, index } });
        p.last = replies;
        return replyText(replies);
      },
    };
    return p;
  }

  async function code(target: string): Promise<string> {
    const codes = await ensureInvites(app.store, [target], clock.now());
    return displayCode(codes.get(target)?.code ?? "");
  }

  return {
    app,
    clock,
    logs: lines,
    dir,
    sent,
    person,
    async delegate(unit, name = `Đại biểu ${unit}`, opts = {}) {
      const found = app.services.conference.findUnit(unit);
      if (!found.unit) throw new Error(`no unit ${unit}`);
      const p = person(name, opts);
      const reply = await p.say(`/start ${await code(found.unit.id)}`);
      if (!reply.includes(found.unit.full_name ?? found.unit.name)) throw new Error(`join failed: ${reply}`);
      return p;
    },
    organizer(name = "Cán bộ Phòng Nội vụ") {
      return person(name, { channel: "console", userId: "org-1" });
    },
    code: (target) => code(target === "organizer" ? ORGANIZER_TARGET : target),
    async close() {
      await app.close();
      // Suite-wide security check: no test's log may carry a token, a webhook secret or an invite code.
      const secrets = [
        config.telegram?.token,
        config.telegram?.webhookSecret,
        config.zalo?.token,
        config.zalo?.webhookSecret,
        ...app.store.data.invites.flatMap((i) => [i.code, displayCode(i.code)]),
      ].filter((s): s is string => Boolean(s));
      const leaked = secrets.filter((secret) => lines.some((line) => line.includes(secret)));
      if (!options.dir) await rm(dir, { recursive: true, force: true });
      if (leaked.length > 0) throw new Error(`a log line carries a secret (${leaked.map((s) => `${s.slice(0, 2)}…`).join(", ")})`);
    },
  };
}
