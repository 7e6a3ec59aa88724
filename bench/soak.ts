// `npm run soak [-- --minutes 5 | --seconds 60]` (issue 16 item 10): the bot under load, faults and kills.
//
// On loopback only: the Telegram emulator (telegram-test-api) and the Zalo fake, each behind a fault
// proxy that answers 429/500/403 and drops connections at random. Delegates join, answer (/dangky),
// submit (/thamluan) and check in (/diemdanh); two organizers change the schedule (/datlich) and
// broadcast (/thongbao) at the same time; the bot (`bin/hoinghi.js start`) is killed with SIGKILL at
// random moments and restarted. An organizer also works at the desk (/ban-to-chuc/, bench/soak-desk.ts):
// signs in with `hoinghi desk-link`, answers on behalf, uploads the sample score table and publishes
// it. At the end it checks and prints: every acknowledged change stored (the desk's too),
// every delivery sent once (a duplicate only for a delivery in flight at a kill, counted), every
// final count equal to the store, no crash but the kills, peak RSS. Exit code 1 when a check fails.
// Every loop is bounded in count and time.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import { DEFAULT_CONFERENCE, ROOT } from "../src/config/paths.js";
import { loadConference } from "../src/conference/load.js";
import { conferenceView } from "../storage/conference-view.js";
import type { Data } from "../storage/schema.js";
import { type Decision, type FaultProxy, startFaultProxy } from "../tests/notices/fault-proxy.js";
import { freePort } from "../tests/helpers/net.js";
import { commandEntities } from "../tests/telegram/helpers.js";
import { deskLeg } from "./soak-desk.js";
import { type FakeZalo, startFakeZalo } from "../tests/zalo/fake-server.js";
import { readStoreFilesSync } from "../storage/layout.js";

// --- arguments ------------------------------------------------------------------------------

function durationMs(argv: string[]): number {
  const at = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(argv[i + 1]);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
    return n;
  };
  const seconds = at("--seconds");
  if (seconds !== undefined) return seconds * 1000;
  return (at("--minutes") ?? 5) * 60_000;
}

const DURATION_MS = durationMs(process.argv.slice(2));
const TG_TOKEN = "7100001:AAHsoak-token-never-printed_abcdefghij";
const ORGANIZERS = [9101, 9102];
const TG_DELEGATES = 8;
const ZALO_DELEGATES = 8;
/** How long a person waits for the bot's answer before giving up on that attempt (a kill, a fault). */
const REPLY_WAIT_MS = 15_000;
/** After the load: how long the bot gets to finish every delivery and report. */
const SETTLE_MS = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rand = (a: number, b: number) => a + Math.random() * (b - a);
const pad = (n: number) => String(n).padStart(2, "0");
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(`[soak ${elapsed()}] ${line}\n`);

/** "dd/mm/yyyy HH:MM" in Vietnam's time (UTC+7), `fromNowMin` minutes from now. */
function vnTime(fromNowMin: number): string {
  const d = new Date(Date.now() + fromNowMin * 60_000 + 7 * 3600_000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

// --- faults ---------------------------------------------------------------------------------

const SENDS = new Set(["sendMessage", "sendPhoto", "sendDocument", "sendChatAction", "editMessageText"]);
const organizerChats = new Set(ORGANIZERS.map(String));

function faults(platform: "telegram" | "zalo") {
  return (method: string, body: Record<string, unknown>): Decision => {
    const r = Math.random();
    const chat = String(body.chat_id ?? "");
    if (SENDS.has(method)) {
      if (r < 0.04)
        return platform === "telegram"
          ? { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } } }
          : { status: 429, body: { ok: false, error_code: 429, description: "Too many requests" } };
      if (r < 0.07) return { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
      // A 403 (blocked) is final for that chat: rare, and never on the organizers' chats (their reports are checked).
      if (r < 0.072 && !organizerChats.has(chat)) return { status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" } };
      if (r < 0.09) return "drop";
      return "pass";
    }
    if (method === "getUpdates") {
      if (r < 0.03) return { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
      if (r < 0.05) return "drop";
    }
    return "pass";
  };
}

// --- people ---------------------------------------------------------------------------------

interface Person {
  key: string;
  /** Sends a text; resolves with the first new message matching `want` (or undefined after the wait). */
  ask(text: string, want: RegExp): Promise<string | undefined>;
  /** Every message the bot sent to this person so far. */
  inbox(): string[];
}

function telegramPeople(tg: TelegramServer) {
  const inboxes = new Map<number, string[]>();
  let polling = true;
  const api = tg.config.apiURL;
  const poll = (async () => {
    // Bounded: ends when stopped; the emulator keeps bot messages 60 s, read every 100 ms.
    while (polling) {
      for (const chatId of inboxes.keys()) {
        try {
          const res = await fetch(`${api}/getUpdates`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: TG_TOKEN, chatId }) });
          const json = (await res.json()) as { result: Array<{ message: { text?: string; caption?: string } }> };
          for (const u of json.result) inboxes.get(chatId)?.push(u.message.text ?? u.message.caption ?? "");
        } catch {
          // The emulator is local; a failed read is retried on the next round.
        }
      }
      await sleep(100);
    }
  })();
  const person = (userId: number, firstName: string): Person => {
    inboxes.set(userId, []);
    const client = tg.getClient(TG_TOKEN, { userId, chatId: userId, firstName, timeout: 1000 });
    const inbox = () => inboxes.get(userId) ?? [];
    return {
      key: `telegram:${userId}`,
      inbox,
      async ask(text, want) {
        const from = inbox().length;
        await client.sendMessage(client.makeMessage(text, { entities: commandEntities(text) }));
        return waitIn(inbox, from, want);
      },
    };
  };
  return {
    person,
    async stop() {
      polling = false;
      await poll;
    },
  };
}

function zaloPerson(fake: FakeZalo, id: string, name: string): Person {
  const inbox = () => fake.textsTo(id);
  return {
    key: `zalo:${id}`,
    inbox,
    async ask(text, want) {
      const from = inbox().length;
      fake.say({ id, name }, text);
      return waitIn(inbox, from, want);
    },
  };
}

async function waitIn(inbox: () => string[], from: number, want: RegExp): Promise<string | undefined> {
  const until = Date.now() + REPLY_WAIT_MS;
  while (Date.now() < until) {
    const found = inbox().slice(from).find((m) => want.test(m));
    if (found) return found;
    await sleep(50);
  }
  return undefined;
}

// --- the bot process ------------------------------------------------------------------------

interface Bot {
  kills: number;
  crashes: string[];
  peakRssKb: number;
  /** Deliveries ("notice|account") found in flight in the store file right after each kill. */
  inFlightAtKills: Map<string, number>;
  killNow(): Promise<void>;
  /** Resolves once the process last started polls both platforms (bounded: 90 s). */
  waitUp(): Promise<boolean>;
  stop(): Promise<number | null>;
}

function startBot(dir: string, env: Record<string, string>, polledSince: (since: number) => boolean): Bot {
  let proc: ChildProcess | undefined;
  let launchedAt = 0;
  let stopping = false;
  let killing = false;
  let stderrTail = "";
  const bot: Bot = {
    kills: 0,
    crashes: [],
    peakRssKb: 0,
    inFlightAtKills: new Map(),
    async killNow() {
      if (!proc || proc.exitCode !== null) return;
      const p = proc;
      killing = true;
      const gone = new Promise((r) => p.once("exit", r));
      p.kill("SIGKILL");
      await gone;
      bot.kills += 1;
      try {
        const data = readStoreFilesSync(dir);
        for (const d of data.deliveries) {
          if (d.state === "pending" && d.attemptAt) {
            const k = `${d.noticeId}|${d.account}`;
            bot.inFlightAtKills.set(k, (bot.inFlightAtKills.get(k) ?? 0) + 1);
          }
        }
      } catch {
        // Not written yet.
      }
      killing = false;
      await sleep(200);
      launch();
    },
    async waitUp() {
      const until = Date.now() + 90_000;
      while (Date.now() < until) {
        if (polledSince(launchedAt)) return true;
        await sleep(100);
      }
      return false;
    },
    async stop() {
      stopping = true;
      const p = proc;
      if (!p || p.exitCode !== null) return p?.exitCode ?? null;
      const exited = new Promise<number | null>((r) => p.once("exit", (code) => r(code)));
      p.kill("SIGTERM");
      const guard = setTimeout(() => p.kill("SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(guard);
      return code;
    },
  };
  const launch = () => {
    launchedAt = performance.now();
    const p = spawn(process.execPath, [path.join(ROOT, "bin", "hoinghi.js"), "start"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, PORT: "0", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    proc = p;
    p.stderr?.on("data", (c: Buffer) => {
      stderrTail = (stderrTail + c.toString()).slice(-4000);
    });
    p.once("exit", (code, signal) => {
      if (killing || stopping) return;
      bot.crashes.push(`exit ${code ?? signal} at ${elapsed()}: ${stderrTail.slice(-600)}`);
      // A crash is counted and the bot restarted, as an operator's supervisor would.
      if (bot.crashes.length < 5) setTimeout(launch, 500);
    });
  };
  launch();
  const rss = setInterval(() => {
    const pid = proc?.pid;
    if (!pid || proc?.exitCode !== null) return;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) bot.peakRssKb = Math.max(bot.peakRssKb, Number(m[1]));
    } catch {
      // The process just ended.
    }
  }, 250);
  rss.unref();
  return bot;
}

// --- the run --------------------------------------------------------------------------------

interface Attempt {
  who: string;
  what: "rsvp" | "speech" | "checkin" | "schedule";
  unit?: string;
  value: string;
  sentAt: number;
  ackAt?: number;
}

async function invites(dir: string): Promise<Array<{ unit: string; name: string; kind: string; code: string }>> {
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn(process.execPath, [path.join(ROOT, "bin", "hoinghi.js"), "invites", "--json"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATA_DIR: dir, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let s = "";
    p.stdout?.on("data", (c: Buffer) => (s += c.toString()));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve(s) : reject(new Error(`hoinghi invites exited ${code}`))));
  });
  return JSON.parse(out) as Array<{ unit: string; name: string; kind: string; code: string }>;
}

async function main(): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-soak-"));
  const tg = new TelegramServer({ port: await freePort(), host: "127.0.0.1", storeTimeout: 600 });
  await tg.start();
  const zalo = await startFakeZalo();
  const proxies: FaultProxy[] = [await startFaultProxy(tg.config.apiURL, faults("telegram")), await startFaultProxy(zalo.url, faults("zalo"))];
  const [tgProxy, zaloProxy] = proxies as [FaultProxy, FaultProxy];
  const people = telegramPeople(tg);
  let bot: Bot | undefined;
  try {
    say(`${DURATION_MS / 1000} s of load; data in ${dir}`);
    const rows = (await invites(dir)).filter((r) => r.kind !== "organizer");
    // The units assigned a speech first (only they may /thamluan), then the others, one account each.
    const speakers = new Set(loadConference(DEFAULT_CONFERENCE).speeches.map((x) => x.unit));
    const units = [...rows.filter((r) => speakers.has(r.unit)), ...rows.filter((r) => !speakers.has(r.unit))].slice(0, TG_DELEGATES + ZALO_DELEGATES);
    // A fixed port (the desk's address must survive a restart).
    const port = await freePort();
    const organizerIds = ORGANIZERS.map((id) => `telegram:${id}`).join(",");
    const conference = loadConference(DEFAULT_CONFERENCE);
    const used = new Set(units.map((u) => u.unit));
    // The desk answers for units no delegate of the soak joins (their seats are the desk's alone).
    const deskUnits = conference.units
      .filter((u) => !used.has(u.id))
      .slice(0, 4)
      .map((u) => ({ unit: u.id, seat: u.seats[0]?.id ?? "" }));
    const desk = deskLeg({ port, env: { DATA_DIR: dir, PORT: String(port), ORGANIZER_IDS: organizerIds }, units: deskUnits });
    bot = startBot(dir, {
      PORT: String(port),
      TELEGRAM_BOT_TOKEN: TG_TOKEN,
      TELEGRAM_API_ROOT: tgProxy.url,
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zaloProxy.url,
      ZALO_SEND_RATE: "20",
      ORGANIZER_IDS: organizerIds,
    }, (since) => tgProxy.calls.some((c) => c.method === "getUpdates" && c.at > since) && zaloProxy.calls.some((c) => c.method === "getUpdates" && c.at > since));
    const running = bot;
    if (!(await running.waitUp())) throw new Error("the bot did not start polling within 90 s");
    say("the bot polls both platforms; load starts");

    const delegates = units.map((u, i) =>
      i < TG_DELEGATES ? { unit: u, p: people.person(2000 + i, `Đại biểu ${i + 1}`) } : { unit: u, p: zaloPerson(zalo, `zsoak-${i}`, `Đại biểu ${i + 1}`) },
    );
    const organizers = ORGANIZERS.map((id, i) => people.person(id, `Ban tổ chức ${i + 1}`));
    const attempts: Attempt[] = [];
    const notices: Array<{ id: string; token: string; by: Person }> = [];
    let checkinCode: string | undefined;
    // The first check-in that did not end "done" is shown once, so a refusal by the rules is seen.
    let refusalShown = false;
    let noticesTried = 0;
    let serial = 0;

    // The first schedule, so that answers are open (the deadline is a day before the start).
    const loadEnds = Date.now() + DURATION_MS;
    const checkinPhase = Date.now() + DURATION_MS * 0.75;
    /** One change as a person makes it; `then`: the answer to a question the bot asks first (a confirmation). */
    const record = async (a: Omit<Attempt, "sentAt">, p: Person, text: string, want: RegExp, then?: { asked: RegExp; answer: string }) => {
      const at: Attempt = { ...a, sentAt: Date.now() };
      attempts.push(at);
      let got = await p.ask(text, then ? new RegExp(`${want.source}|${then.asked.source}`) : want);
      if (got && then && !want.test(got)) got = await p.ask(then.answer, want);
      if (got) at.ackAt = Date.now();
      return got;
    };

    const organizerLoop = async (o: Person, idx: number) => {
      for (let round = 0; round < 10_000 && Date.now() < loadEnds; round++) {
        const n = ++serial;
        const late = Date.now() >= checkinPhase;
        // Before the check-in phase the conference is 5 days away (answers and speeches open: deadlines 24 h and 3 days before); then it starts within the hour.
        const when = late ? vnTime(20 + Math.floor(rand(0, 25))) : vnTime(5 * 24 * 60 + Math.floor(rand(0, 600)));
        const place = `Hội trường số ${n}`;
        // A start within the hour puts the deadlines in the past: the bot asks first, the organizer keeps it.
        await record({ who: o.key, what: "schedule", value: place }, o, `/datlich ${when} | ${place}`, /Đã lưu thời gian, địa điểm/, { asked: /Xin lưu ý trước khi lưu/, answer: "vẫn lưu" });
        if (late) {
          const code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec((await o.ask("/diemdanh", /Mã điểm danh tại hội trường/)) ?? "")?.[1];
          if (code) checkinCode = code;
        }
        if (round % 2 === idx % 2) {
          noticesTried += 1;
          const token = `TB-${n}-${Math.random().toString(36).slice(2, 7)}`;
          const preview = await o.ask(`/thongbao tatca | Kính gửi các đồng chí đại biểu: thông báo ${token}. Trân trọng.`, /Số tài khoản nhận/);
          if (preview) {
            const queued = await o.ask("1", /Đã xếp thông báo (\w{6})/);
            const id = queued ? /Đã xếp thông báo (\w{6})/.exec(queued)?.[1] : undefined;
            if (id) notices.push({ id, token, by: o });
          }
        }
        await sleep(rand(500, 2500));
      }
    };

    const delegateLoop = async (d: (typeof delegates)[number], i: number) => {
      // Joining: retried (a kill or a fault may eat the first try).
      for (let t = 0; t < 8 && Date.now() < loadEnds; t++) {
        if (await d.p.ask(`/start ${d.unit.code}`, new RegExp(d.unit.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))) break;
      }
      let checkedIn = false;
      for (let round = 0; round < 10_000 && Date.now() < loadEnds; round++) {
        const n = ++serial;
        if (Date.now() >= checkinPhase) {
          if (!checkedIn && checkinCode) {
            const got = await record({ who: d.p.key, what: "checkin", unit: d.unit.unit, value: checkinCode }, d.p, `/diemdanh ${checkinCode}`, /Đã điểm danh|Bạn đã điểm danh/);
            if (got) checkedIn = true;
            else if (!refusalShown) {
              refusalShown = true;
              say(`a check-in not answered as done; the last reply: ${JSON.stringify(d.p.inbox().at(-1)?.slice(0, 200))}`);
            }
          }
        } else if (speakers.has(d.unit.unit) && (round + i) % 3 === 0) {
          const text = `Thưa Hội nghị, ${d.unit.name} xin báo cáo tham luận số ${n} về cải cách hành chính.`;
          await record({ who: d.p.key, what: "speech", unit: d.unit.unit, value: text }, d.p, `/thamluan ${text}`, /Đã nhận tham luận|Đã ghi nhận tham luận/);
        } else {
          const reason = `Đi công tác đợt số ${n}`;
          // Seat 2 (every unit used here has two or more): seat 1 stays free for this person's check-in later,
          // since a seat answered absent is refused at the door.
          await record({ who: d.p.key, what: "rsvp", unit: d.unit.unit, value: reason }, d.p, `/dangky 2 vang ${reason}`, new RegExp(`Đã ghi nhận:.*số ${n}\\b`));
        }
        await sleep(rand(300, 1500));
      }
    };

    const killer = (async () => {
      for (let k = 0; k < 1000; k++) {
        // A kill at a random moment of a running bot: 3 to 10 s after it polls again.
        await running.waitUp();
        await sleep(rand(3000, 10_000));
        if (Date.now() >= loadEnds - 3000) break;
        await running.killNow();
        say(`SIGKILL ${running.kills}`);
      }
    })();

    // The first organizer sets a schedule before delegates start (answers need one).
    await sleep(1000);
    await Promise.all([...organizers.map(organizerLoop), ...delegates.map(delegateLoop), desk.run(loadEnds), killer]);
    say(`load over: ${attempts.length} changes tried, ${notices.length} notices queued; waiting for the bot to finish`);

    // --- settle: every delivery final and reported, bounded ---
    // The store as the conference sees it: the shared data with its own (answers, speeches, check-ins, time and place).
    const storeNow = async (): Promise<Data | undefined> => {
      try {
        return conferenceView(readStoreFilesSync(dir), conference.id);
      } catch {
        return undefined;
      }
    };
    const settleUntil = Date.now() + SETTLE_MS;
    let data = await storeNow();
    while (Date.now() < settleUntil) {
      data = await storeNow();
      const pending = data?.deliveries.filter((d) => d.state === "pending").length ?? 1;
      const unreported = notices.filter((n) => !n.by.inbox().some((m) => m.includes(`Đã gửi xong thông báo ${n.id}`))).length;
      if (pending === 0 && unreported === 0) break;
      await sleep(500);
    }
    await sleep(1500);
    const exitCode = await running.stop();
    data = await storeNow();
    if (!data) throw new Error("no store file");
    await people.stop();

    // --- checks ---
    const failures: string[] = [];
    // 1. Every acknowledged change is stored (or replaced by a later change of the same person / a concurrent organizer).
    const lost: string[] = [];
    const byWhat = (what: Attempt["what"]) => attempts.filter((a) => a.what === what);
    const candidates = (list: Attempt[]) => {
      const acked = list.filter((a) => a.ackAt !== undefined).sort((a, b) => (a.ackAt ?? 0) - (b.ackAt ?? 0));
      const last = acked.at(-1);
      if (!last) return undefined;
      // Not candidates: the changes acknowledged before the last acknowledged one was even sent.
      return list.filter((a) => !(a.ackAt !== undefined && a.ackAt < last.sentAt)).map((a) => a.value);
    };
    for (const d of delegates) {
      const mine = (what: Attempt["what"]) => byWhat(what).filter((a) => a.who === d.p.key);
      const rsvp = candidates(mine("rsvp"));
      if (rsvp) {
        const stored = data.rsvps.find((r) => r.unitId === d.unit.unit && r.by === d.p.key)?.reason;
        if (!stored || !rsvp.includes(stored)) lost.push(`${d.p.key} /dangky: stored ${stored ?? "nothing"}`);
      }
      const versions = new Set((data.speeches[d.unit.unit]?.versions ?? []).map((v) => v.text));
      for (const a of mine("speech").filter((x) => x.ackAt)) if (!versions.has(a.value)) lost.push(`${d.p.key} /thamluan "${a.value.slice(0, 40)}…"`);
      if (mine("checkin").some((a) => a.ackAt) && !data.checkins.some((c) => c.by === d.p.key)) lost.push(`${d.p.key} /diemdanh`);
    }
    const places = candidates(byWhat("schedule"));
    if (places && !places.includes(data.schedule.place ?? "")) lost.push(`/datlich: stored ${data.schedule.place}`);
    const ackedCount = attempts.filter((a) => a.ackAt).length;
    lost.push(...desk.check(data));
    if (lost.length) failures.push(`acknowledged changes lost: ${lost.length}\n  ${lost.slice(0, 10).join("\n  ")}`);
    // The desk was reachable at all: an organizer signed in and an answer went through (a lock-out would stop both).
    if (desk.signIns === 0 || !desk.attempts.some((a) => a.what === "answer" && a.ackAt)) failures.push(`the desk leg did nothing: ${desk.summary()}`);

    // 2. Every delivery sent once; a second copy only for a delivery in flight at a kill.
    const inboxOf = new Map<string, string[]>();
    for (const d of delegates) inboxOf.set(d.p.key, d.p.inbox());
    for (const o of organizers) inboxOf.set(o.key, o.inbox());
    let duplicates = 0;
    let excess = 0;
    let sentNotReceived = 0;
    let deliveries = 0;
    for (const n of notices) {
      for (const d of data.deliveries.filter((x) => x.noticeId === n.id)) {
        deliveries += 1;
        const copies = (inboxOf.get(d.account) ?? []).filter((m) => m.includes(n.token)).length;
        const allowed = 1 + (bot.inFlightAtKills.get(`${n.id}|${d.account}`) ?? 0);
        if (copies > 1) duplicates += copies - 1;
        if (copies > allowed) excess += copies - allowed;
        if (d.state === "sent" && copies === 0) sentNotReceived += 1;
      }
    }
    if (excess > 0) failures.push(`${excess} copies beyond the in-flight bound`);
    if (sentNotReceived > 0) failures.push(`${sentNotReceived} deliveries stored as sent but never received`);

    // 3. Every final count equals the store (the last report or correction of each notice).
    let countsTrue = 0;
    const wrong: string[] = [];
    for (const n of notices) {
      const reports = n.by.inbox().filter((m) => m.includes(`thông báo ${n.id}:`) && /gửi được \d+/.test(m) && /Đã gửi xong|Cập nhật/.test(m));
      const last = reports.at(-1);
      const mine = data.deliveries.filter((x) => x.noticeId === n.id);
      const sent = mine.filter((x) => x.state === "sent").length;
      const reported = last ? Number(/gửi được (\d+)/.exec(last)?.[1]) : undefined;
      if (mine.some((x) => x.state === "pending")) wrong.push(`${n.id}: still pending in the store`);
      else if (reported === undefined) wrong.push(`${n.id}: no final count`);
      else if (reported !== sent) wrong.push(`${n.id}: told ${reported} sent, store ${sent}`);
      else countsTrue += 1;
    }
    if (wrong.length) failures.push(`final counts not equal to the store: ${wrong.length}\n  ${wrong.slice(0, 10).join("\n  ")}`);

    // 4. No crash but the kills; a clean stop at the end.
    if (bot.crashes.length) failures.push(`process crashes: ${bot.crashes.length}\n  ${bot.crashes.join("\n  ")}`);
    if (exitCode !== 0) failures.push(`the final SIGTERM ended with exit code ${exitCode}`);

    const injected = (p: FaultProxy) =>
      Object.entries(p.injected)
        .map(([k, v]) => `${k}×${v}`)
        .join(" ");
    say("results");
    const lines = [
      `duration of load:        ${DURATION_MS / 1000} s`,
      `SIGKILLs:                ${bot.kills}`,
      `faults injected:         Telegram ${injected(tgProxy) || "none"}; Zalo ${injected(zaloProxy) || "none"}`,
      `changes tried / acked:   ${attempts.length} / ${ackedCount} (${(["rsvp", "speech", "checkin", "schedule"] as const).map((w) => `${w} ${byWhat(w).filter((a) => a.ackAt).length}/${byWhat(w).length}`).join(", ")}; the others were cut by a kill or a fault, or refused)`,
      `desk:                    ${desk.summary()}`,
      `acknowledged lost:       ${lost.length}`,
      `notices queued / tried:  ${notices.length} / ${noticesTried}; deliveries ${deliveries}`,
      `duplicates:              ${duplicates} (in flight at a kill: ${bot.inFlightAtKills.size}; beyond that bound: ${excess})`,
      `sent but not received:   ${sentNotReceived}`,
      `final counts true:       ${countsTrue} / ${notices.length}`,
      `process crashes:         ${bot.crashes.length}`,
      `peak RSS:                ${(bot.peakRssKb / 1024).toFixed(1)} MB`,
    ];
    for (const l of lines) process.stdout.write(`  ${l}\n`);
    if (failures.length) {
      process.stdout.write(`SOAK FAILED:\n- ${failures.join("\n- ")}\n`);
      return 1;
    }
    process.stdout.write("SOAK PASSED\n");
    return 0;
  } finally {
    await bot?.stop().catch(() => undefined);
    await people.stop().catch(() => undefined);
    for (const p of proxies) await p.close();
    await zalo.close();
    await tg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`soak: ${(err as Error).stack ?? err}\n`);
    process.exitCode = 1;
  },
);
