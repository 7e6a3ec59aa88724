// The scenario's people on Zalo: users of the fake Zalo Bot API server in its "like the real service" mode, the bot long-polling it.
import { startZalo } from "../../src/app/channels.js";
import { createTestApp } from "../helpers/app.js";
import { type FakeZalo, startFakeZalo, type ZaloUser } from "../zalo/fake-server.js";
import { consoleLink, type Driver, type Someone, since } from "./driver.js";

/** The organizer's Zalo id, as ORGANIZER_IDS lists it in tests/helpers/app.ts. */
const ORGANIZER_ID = "org-zalo";

/**
 * Starts the fake, an app on a temp DATA_DIR and the Zalo channel polling the fake. Zalo carries
 * no documents either way, so the score table and the workbook go through a console organizer on
 * the same process and store (`fileDesk`).
 */
export async function startZaloDriver(now: string): Promise<Driver & { fake: FakeZalo }> {
  // Like the real service: every consumed update comes back on the next two polls, no webhook is 404.
  const fake = await startFakeZalo({ real: true });
  const h = await createTestApp({ now, env: { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url, ZALO_SEND_RATE: "50" } });
  const channel = await startZalo(h.app, { pollTimeoutSeconds: 1, minPollIntervalMs: 10, backoff: { initialMs: 20, maxMs: 200 }, stopGraceMs: 5000 });
  if (!channel) throw new Error("Zalo channel did not start");
  await fake.waitFor(() => fake.polling === 1);

  const users = new Map<string, { p: Someone; user: ZaloUser; seen: number }>();
  let counter = 0;

  async function collect(): Promise<void> {
    await h.app.outbox.idle();
    await channel?.outbox.idle();
    for (const u of users.values()) {
      const texts = fake.textsTo(u.user.id);
      for (const t of texts.slice(u.seen)) u.p.inbox.push(t);
      u.seen = texts.length;
    }
  }

  async function say(p: Someone, text: string): Promise<string> {
    const u = users.get(p.key);
    if (!u) throw new Error(`no Zalo user for ${p.name}`);
    const from = p.inbox.length;
    fake.say(u.user, text);
    // The channel handles what one getUpdates returned before it asks again: once a new long poll
    // is held, the message and its two replays have been taken and its replies queued.
    await fake.waitFor(() => fake.polling === 1, 15_000);
    await collect();
    return since(p, from);
  }

  const desk = consoleLink(h);
  const driver: Driver & { fake: FakeZalo } = {
    fake,
    channel: "zalo",
    h,
    person(name, options = {}) {
      const id = options.organizer ? ORGANIZER_ID : `zu${(++counter).toString(16).padStart(4, "0")}b81c`;
      const p: Someone = { name, channel: "zalo", userId: id, key: `zalo:${id}`, inbox: [], files: [] };
      users.set(p.key, { p, user: { id, name }, seen: 0 });
      return p;
    },
    say,
    choose: (p, n) => say(p, String(n)),
    acknowledge: (p) => say(p, "đã nhận"),
    fileDesk: { driver: desk, organizer: desk.person("Cán bộ Phòng Nội vụ (máy chủ)", { organizer: true }) },
    settle: collect,
    async close() {
      await channel?.stop();
      await h.close();
      await fake.close();
    },
  };
  return driver;
}
