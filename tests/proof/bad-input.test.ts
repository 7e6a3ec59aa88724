// Bad input, generated: every command, argument and file kind from guests, delegates and organizers on every channel gets one clear Vietnamese answer, and a refusal changes nothing.
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { CommandDef } from "../../commands/types.js";
import type { Reply, Request } from "../../src/messages/types.js";
import { renderReplies } from "../../src/channels/telegram/render.js";
import type { Data } from "../../storage/schema.js";
import { openStore } from "../../storage/store.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import {
  allKeys,
  badText,
  COMMAND_WORDS,
  DATE_PIECES,
  describeFile,
  type FileSpec,
  failedCodesProblem,
  fileSpec,
  incomingFile,
  isVietnamese,
  NOT_REFUSALS,
  REFUSAL_KEYS,
  REFUSAL_NAME,
  type RefusalCatalogue,
  refusalCatalogue,
  replyTexts,
  SAMPLE_CSV,
  sessionChangeProblem,
  show,
  stateWithoutSessions,
  UNIT_PIECES,
  unitSpelling,
} from "./arbitraries.js";
import { propertySeeds, seedFor } from "../helpers/seeds.js";

// Runs per property, tuned so that the file sends well over 300 generated inputs (about 900) in
// 15 to 20 seconds on two cores. A longer hunt: BAD_INPUT_RUNS=2000 BAD_INPUT_FLOWS=800 BAD_INPUT_FOCUSED=300 npx vitest run
// tests/proof/bad-input.test.ts; BAD_INPUT_STATS=<file> writes how often each answer came.
const GENERAL_RUNS = Number(process.env.BAD_INPUT_RUNS ?? 150);
const FLOW_RUNS = Number(process.env.BAD_INPUT_FLOWS ?? 50);
const FOCUSED_RUNS = Number(process.env.BAD_INPUT_FOCUSED ?? 30);
const PER_COMMAND_RUNS = Number(process.env.BAD_INPUT_PER_COMMAND ?? 4);
const MIN_INPUTS = 300;
// Fixed seeds, so that `npm test` sends the same inputs every time (`npm run explore` draws new
// ones; a failing run prints its seed: PROPERTY_SEED=<seed> replays it). The general property runs
// on each; -1458290446 found a delegate's refused organizer command answered with a speech draft's
// note after the refusal (issue 20).
const SEEDS = propertySeeds("bad-input", [20_230_620, -1_458_290_446]);
const SEED = SEEDS[0] as number;

// What the router refuses before it looks at the command (commands/router.ts), written out here so
// that the expected answer does not come from the code under test.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const MAX_TEXT = 4000;

type Role = "guest" | "delegate" | "organizer";

interface Someone {
  label: string;
  role: Role;
  language: "vi" | "en";
  person: Person;
}

type Step =
  | { kind: "command"; token: string; sep: string; args: string }
  | { kind: "text"; args: string }
  | { kind: "press"; index: number; stale: boolean };

interface Sent {
  replies: Reply[];
  /** The refusal key the answer is, if it is one. */
  refusal?: string;
  before: Data;
  after: Data;
}

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A new app with the planner's timer out of the way: reminders must not be planned between two snapshots. */
async function newApp(): Promise<TestApp> {
  const app = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  app.app.outbox.configure({ tickMs: 3_600_000 });
  return app;
}

const copy = (d: Data): Data => JSON.parse(JSON.stringify(d)) as Data;

/** Everyone who talks to the bot in the general property: each role on each channel, and one English guest. */
async function people(app: TestApp): Promise<Someone[]> {
  const list: Someone[] = [];
  for (const channel of ["console", "telegram", "zalo"] as const) {
    // Names as platforms give them: markup, emoji, very long.
    const name = { console: "Khách", telegram: "<b>Khách</b> & *_[]()", zalo: `🎉${"Ngườ\u0301i".repeat(60)}` }[channel];
    const guest = app.person(name, { channel, userId: channel === "telegram" ? "5001" : `guest-${channel}` });
    await guest.say("/start");
    list.push({ label: `guest on ${channel}`, role: "guest", language: "vi", person: guest });
    const delegate = await app.delegate("Mường So", channel === "zalo" ? "<i>Lò</i> & Văn *A*" : `Đại biểu Mường So (${channel})`, { channel, userId: channel === "telegram" ? "6001" : `muong-so-${channel}` });
    list.push({ label: `delegate of Mường So on ${channel}`, role: "delegate", language: "vi", person: delegate });
  }
  // A unit without an assigned speech.
  list.push({ label: "delegate of Nậm Xe on console", role: "delegate", language: "vi", person: await app.delegate("Nậm Xe") });
  for (const [channel, userId] of [
    ["console", "org-1"],
    ["telegram", "9001"],
    ["zalo", "org-zalo"],
  ] as const) {
    const organizer = app.person("Cán bộ Phòng Nội vụ", { channel, userId });
    await organizer.say("/start");
    list.push({ label: `organizer on ${channel}`, role: "organizer", language: "vi", person: organizer });
  }
  const english = app.person("Guest", { channel: "telegram", userId: "7001", language: "en" });
  await english.say("/start");
  list.push({ label: "English guest on telegram", role: "guest", language: "en", person: english });
  return list;
}

/**
 * Sends one message and checks what holds for every input: no crash, a non-empty answer, no
 * generic apology, a Vietnamese answer for a Vietnamese reader, text that renders as escaped HTML
 * on Telegram, and, when the answer is a refusal, no change beyond the person's own session.
 */
async function send(
  app: TestApp,
  who: Someone,
  catalogue: Record<"vi" | "en", RefusalCatalogue>,
  text: string,
  file?: FileSpec,
  press?: { press: Request["press"] } | { pressIndex: number },
): Promise<Sent> {
  const pressed = press ? ("pressIndex" in press ? ` pressed ${press.pressIndex}` : ` pressed ${JSON.stringify(press.press)}`) : "";
  const what = `${who.label} sent ${show(text)}${describeFile(file)}${pressed}`;
  await app.app.outbox.idle();
  const before = copy(app.app.store.data);
  const sentBefore = app.sent.length;
  let replies: Reply[];
  try {
    if (press && "pressIndex" in press) await who.person.press(press.pressIndex);
    else await who.person.say(text, { ...(file && { file: incomingFile(file) }), ...(press && { press: press.press }) });
    replies = who.person.last;
  } catch (err) {
    throw new Error(`handle threw for ${what}: ${(err as Error).stack}`);
  }
  await app.app.outbox.idle();
  const after = copy(app.app.store.data);
  const t = app.app.services.i18n.forLanguage(who.language);

  // 1. No crash, something to read.
  expect(replies.length, `no reply to ${what}`).toBeGreaterThan(0);
  for (const r of replies) {
    if (r.kind === "text" || r.kind === "choices") {
      expect(r.text.trim(), `empty reply to ${what}`).not.toBe("");
      expect(r.text, `generic apology for ${what}; logs: ${app.logs.filter((l) => l.includes('"level":50')).slice(-1)}`).not.toContain(t("error-internal"));
    }
    if (r.kind === "choices") for (const c of r.choices) expect(c.label.trim() && typeof c.step.kind === "string", `empty choice in the reply to ${what}`).toBeTruthy();
    if (r.kind === "file" || r.kind === "photo") expect(r.data.length, `empty file in the reply to ${what}`).toBeGreaterThan(0);
  }

  // Messages the step sent to others (a notice, a review, a reminder) hold to the same rules.
  for (const out of app.sent.slice(sentBefore)) {
    const reader = after.accounts[out.account];
    expect(out.replies.length, `an empty message to ${out.account} after ${what}`).toBeGreaterThan(0);
    for (const { text: said } of replyTexts(out.replies)) {
      if (said === undefined) continue;
      expect(said.trim(), `an empty message to ${out.account} after ${what}`).not.toBe("");
      if (reader?.language === "vi") expect(isVietnamese(said), `not Vietnamese to ${out.account}: ${show(said, 300)} after ${what}`).toBe(true);
    }
    expectEscaped(renderReplies(out.replies, app.app.services.i18n.forLanguage(reader?.language)), `the message to ${out.account} after ${what}`);
  }

  // 2. Vietnamese, for a Vietnamese reader. A speech shown back to a reviewer is the unit's own text.
  if (who.language === "vi") {
    const ownTexts = Object.values(after.speeches).flatMap((s) => s.versions.map((v) => v.text ?? ""));
    for (const { kind, text: said } of replyTexts(replies)) {
      if (said === undefined) continue;
      if (kind === "text" && ownTexts.some((own) => own.includes(said.trim()))) continue;
      expect(isVietnamese(said), `not Vietnamese: ${show(said, 300)} in the reply to ${what}`).toBe(true);
    }
  }

  // 3. Escaped on Telegram: no markup of the person's reaches parse_mode HTML; every piece fits.
  expectEscaped(renderReplies(replies, t), `the reply to ${what}`);

  // 4. A refusal changes nothing but the person's waiting step (and counts a wrong invite code).
  const refusal = catalogue[who.language].classify(replies);
  if (refusal) {
    const key = who.person.key;
    expect(stateWithoutSessions(after), `refusal ${refusal} changed the store for ${what}`).toBe(stateWithoutSessions(before));
    expect(sessionChangeProblem(before.sessions, after.sessions, key, refusal), `refusal ${refusal} for ${what}`).toBeUndefined();
    expect(failedCodesProblem(before.failedCodes, after.failedCodes, key), `refusal ${refusal} for ${what}`).toBeUndefined();
    if (refusal !== "code-wrong" && refusal !== "code-malformed" && refusal !== "code-not-right" && refusal !== "code-revoked") {
      expect(JSON.stringify(after.failedCodes), `refusal ${refusal} counted a wrong code for ${what}`).toBe(JSON.stringify(before.failedCodes));
    }
  }
  inputs += 1;
  if (process.env.BAD_INPUT_STATS) {
    const k = refusal ?? `ok: ${textOf(replies).slice(0, 40).replace(/\n/g, " ")}`;
    STATS.set(k, (STATS.get(k) ?? 0) + 1);
  }
  return { replies, refusal, before, after };
}
let inputs = 0;
const STATS = new Map<string, number>();
afterAll(() => {
  if (process.env.BAD_INPUT_STATS) writeFileSync(process.env.BAD_INPUT_STATS, [...STATS].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n}\t${k}`).join("\n"));
});

/** Telegram's HTML: no markup but the three entities the bot writes, every piece within Telegram's limits. */
function expectEscaped(outbound: ReturnType<typeof renderReplies>, what: string): void {
  for (const out of outbound) {
    const html = out.method === "sendMessage" ? out.html : (out.captionHtml ?? "");
    expect(/[<>]/.test(html), `unescaped < or > in ${what}: ${show(html, 300)}`).toBe(false);
    expect(/&(?!amp;|lt;|gt;)/.test(html), `unescaped & in ${what}: ${show(html, 300)}`).toBe(false);
    expect(html.length, `a piece longer than Telegram allows in ${what}`).toBeLessThanOrEqual(out.method === "sendMessage" ? 4096 : 1024);
  }
}

/** The store on disk loads and holds what the app holds. */
async function expectStoreReloads(app: TestApp): Promise<void> {
  await app.app.outbox.idle();
  await app.app.store.flush();
  // The lock is shared within one process: this is a second reader of the same file, as after a restart.
  const again = await openStore({ dir: app.dir });
  expect(JSON.stringify(again.data)).toBe(JSON.stringify(app.app.root.data));
}

function catalogues(app: TestApp): Record<"vi" | "en", RefusalCatalogue> {
  const i18n = app.app.services.i18n;
  return { vi: refusalCatalogue(i18n, "vi"), en: refusalCatalogue(i18n, "en") };
}

const textOf = (replies: Reply[]) => replyTexts(replies).map((r) => r.text ?? "").join("\n\n");

/** Imports the sample table through Telegram as an organizer; publishes it when asked. */
async function importSample(app: TestApp, publish: boolean): Promise<void> {
  const org = app.person("Cán bộ Phòng Nội vụ", { channel: "telegram", userId: "9001" });
  const data = await readFile(SAMPLE_CSV);
  const preview = await org.say("/nhapdiem", { file: { kind: "document", name: "bang-diem.csv", mime: "text/csv", size: data.length, download: async () => data } });
  expect(preview).toContain("Xác nhận thay thế bảng điểm?");
  expect(await org.say("/nhapdiem xacnhan")).toContain("Đã thay thế bảng điểm");
  if (publish) expect(await org.say("/congbo xacnhan")).toContain("Đã công bố kết quả");
  await app.app.outbox.idle();
}

describe("a counterexample the suite found", () => {
  it("an organizer command from a delegate who is being asked a name changes nothing: the question still waits", async () => {
    h = await newApp();
    const delegate = await h.delegate("Mường So");
    expect(await delegate.say("/dangky 1 thay ?")).toContain("Vui lòng gõ họ tên và chức vụ người dự thay");
    const before = JSON.stringify(h.app.store.data);
    expect(await delegate.say("/mamoi")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(JSON.stringify(h.app.store.data)).toBe(before);
    expect(await delegate.say("Lò Văn B, Phó Chủ tịch UBND xã")).toContain("Đã ghi nhận: UBND xã Mường So, vị trí Chủ tịch UBND xã: cử Lò Văn B (Phó Chủ tịch UBND xã) dự thay.");
  });
});

describe("the refusal catalogue", () => {
  it("takes every key named like a refusal, or says why not", () => {
    const named = allKeys("vi").filter((k) => REFUSAL_NAME.test(k));
    const unexplained = named.filter((k) => !REFUSAL_KEYS.includes(k) && !Object.keys(NOT_REFUSALS).some((prefix) => k === prefix || (prefix.endsWith("-") && k.startsWith(prefix))));
    expect(unexplained).toEqual([]);
    const en = new Set(allKeys("en"));
    expect(REFUSAL_KEYS.filter((k) => !en.has(k))).toEqual([]);
  });
});

/** One step of a conversation: a command with arguments, free text (a number, an answer), or a button press. */
function stepArbitrary(app: TestApp): fc.Arbitrary<{ step: Step; file: FileSpec | undefined }> {
  const names = app.app.bot.commands.flatMap((d) => [d.name, ...d.aliases]).filter(Boolean);
  const token = fc
    .tuple(fc.constantFrom(...names), fc.constantFrom("lower", "upper", "capital"), fc.constantFrom("", "", "", "@hoinghi_bot"))
    .map(([n, c, bot]) => `${c === "upper" ? n.toUpperCase() : c === "capital" ? n[0]?.toUpperCase() + n.slice(1) : n}${bot}`);
  const special = fc.constantFrom("đã nhận", "Đã nhận!", "/", "//", "/ datlich", "/đăngký", "/xyz", "/dang ky", "/thamluan_phan", "/DATLICH@hoinghi_bot 20/06/2027 14:00", "/xong", "/huy");
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 8, arbitrary: fc.record({ kind: fc.constant("command" as const), token, sep: fc.constantFrom(" ", " ", "\n", "  ", "\t", ""), args: badText }) },
    { weight: 2, arbitrary: badText.map((args) => ({ kind: "text" as const, args })) },
    { weight: 2, arbitrary: fc.constantFrom("1", "2", "3", "4", "0", "99", "007").map((args) => ({ kind: "text" as const, args })) },
    { weight: 1, arbitrary: special.map((args) => ({ kind: "text" as const, args })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("press" as const), index: fc.constantFrom(1, 2, 3, 0, -1, 99, 1.5, Number.NaN), stale: fc.boolean() }) },
  );
  return fc.record({ step, file: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fileSpec }) });
}

/**
 * Runs one step with every check of send(); for an organizer command from a guest or a delegate
 * (or a delegate command from a guest), also the exact sentence and no change at all. Returns
 * whether that exact check ran.
 */
async function runStep(app: TestApp, someone: Someone, catalogue: Record<"vi" | "en", RefusalCatalogue>, st: Step, file: FileSpec | undefined): Promise<boolean> {
  if (st.kind === "press") {
    const setId = st.stale ? "0badf00d" : undefined;
    await send(app, someone, catalogue, "", file, setId ? { press: { setId, index: st.index } } : { pressIndex: st.index });
    return false;
  }
  const text = st.kind === "command" ? (st.args ? `/${st.token}${st.sep}${st.args}` : `/${st.token}`) : st.args;
  const sent = await send(app, someone, catalogue, text, file);
  if (st.kind !== "command") return false;
  const def: CommandDef | undefined = st.sep || !st.args ? app.app.bot.find(st.token.replace(/@.*$/, "")) : undefined;
  if (!def || someone.role === "organizer") return false;
  const organizerOnly = !def.roles.includes("guest") && !def.roles.includes("delegate");
  const delegateOnly = !def.roles.includes("guest") && someone.role === "guest";
  if (!organizerOnly && !delegateOnly) return false;
  const typed = text.normalize("NFC").trim();
  if (CONTROL.test(typed) || typed.length > Math.max(def.maxArgs ?? MAX_TEXT, MAX_TEXT) + 64) return false;
  const t = app.app.services.i18n.forLanguage(someone.language);
  expect(textOf(sent.replies), `${someone.label} sent ${show(text)}`).toBe(t(organizerOnly ? "not-allowed-organizer" : "not-allowed-delegate"));
  expect(JSON.stringify(sent.after), `${someone.label} sent ${show(text)}: the store changed`).toBe(JSON.stringify(sent.before));
  return true;
}

// Before the conference, check-in hour on the day (RSVP closed), the day after.
const MOMENTS = ["2027-05-01T02:00:00Z", "2027-06-20T06:30:00Z", "2027-06-21T03:00:00Z"];

describe("any command, argument and file, from anyone on any channel", () => {
  for (const seed of SEEDS) it(`gets one clear Vietnamese answer; a refusal changes nothing; organizer commands refuse others exactly (seed ${seed})`, async () => {
    h = await newApp();
    const app = h;
    const who = await people(app);
    const catalogue = catalogues(app);
    const org = who.find((p) => p.role === "organizer") as Someone;
    expect(await org.person.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện")).toContain("Đã lưu");
    await importSample(app, false);

    // A short conversation of one person: later steps answer the choices or the question of earlier ones.
    const input = fc.record({
      who: fc.nat({ max: who.length - 1 }),
      steps: fc.array(stepArbitrary(app), { minLength: 1, maxLength: 3 }),
      moment: fc.nat({ max: MOMENTS.length - 1 }),
    });
    let exact = 0;
    await fc.assert(
      fc.asyncProperty(input, async ({ who: i, steps, moment }) => {
        const someone = who[i] as Someone;
        app.clock.set(MOMENTS[moment] as string);
        for (const { step, file } of steps) if (await runStep(app, someone, catalogue, step, file)) exact += 1;
      }),
      { numRuns: GENERAL_RUNS, seed },
    );
    expect(exact).toBeGreaterThan(0);
    await expectStoreReloads(app);
  }, 120_000);

  it("every command name and alias, with generated arguments and files, from each role", async () => {
    h = await newApp();
    const app = h;
    const who = await people(app);
    const catalogue = catalogues(app);
    const names = app.app.bot.commands.flatMap((d) => [d.name, ...d.aliases]).filter(Boolean);
    let exact = 0;
    for (const [index, name] of names.entries()) {
      const input = fc.record({
        who: fc.nat({ max: who.length - 1 }),
        args: badText,
        file: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fileSpec }),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ who: i, args, file }) => {
          if (await runStep(app, who[i] as Someone, catalogue, { kind: "command", token: name, sep: " ", args }, file)) exact += 1;
        }),
        { numRuns: PER_COMMAND_RUNS, seed: seedFor(SEED, index) },
      );
    }
    expect(exact).toBeGreaterThan(0);
    await expectStoreReloads(app);
  }, 120_000);

  it("a step begun properly (a notice, an answer, a speech, a review, an import) and continued with bad input", async () => {
    h = await newApp();
    const app = h;
    const who = await people(app);
    const catalogue = catalogues(app);
    const byLabel = (label: string) => who.find((p) => p.label === label) as Someone;
    const org = byLabel("organizer on console");
    const orgTelegram = byLabel("organizer on telegram");
    const delegate = byLabel("delegate of Mường So on console");
    const delegateZalo = byLabel("delegate of Mường So on zalo");
    const guest = byLabel("guest on telegram");
    // Something to review, to acknowledge and to publish.
    expect(await delegate.person.say("/thamluan Kính thưa Hội nghị, xã Mường So xin trình bày.")).toContain("Đã nhận tham luận");
    expect(await org.person.say("/thongbao tatca | Kính mời dự hội nghị")).toContain("Xem trước thông báo");
    expect(await org.person.say("1")).toContain("Đã xếp thông báo");
    await importSample(app, false);

    const begin = fc.constantFrom<[Someone, string]>(
      [org, "/thongbao Họp chuẩn bị hội nghị"],
      [org, "/thongbao"],
      [org, "/thongbao tatca | Nội dung thông báo"],
      [org, "/thongbao trangthai"],
      [org, "/duyet"],
      [org, "/duyet Mường So"],
      [org, "/duyet Mường So sua"],
      [org, "/nhacnho"],
      [org, "/congbo"],
      [org, "/mamoi"],
      [org, "/diemdanh"],
      [org, "/phatbieu"],
      [org, "/datlich 21/06/2027 08:00 | Hội trường UBND huyện"],
      [orgTelegram, "/nhapdiem"],
      [orgTelegram, "/congbo"],
      [delegate, "/dangky"],
      [delegate, "/dangky 1"],
      [delegate, "/dangky 2 thay ?"],
      [delegate, "/thamluan"],
      [delegate, "/phatbieu"],
      [delegate, "/phatbieu dangky"],
      [delegate, "/diem"],
      [delegateZalo, "đã nhận"],
      [delegateZalo, "/dangky vang ?"],
      [guest, "/diem"],
      [guest, "/start"],
    );
    const input = fc.record({ begin, steps: fc.array(stepArbitrary(app), { minLength: 1, maxLength: 4 }), moment: fc.nat({ max: MOMENTS.length - 1 }) });
    await fc.assert(
      fc.asyncProperty(input, async ({ begin: [someone, first], steps, moment }) => {
        app.clock.set(MOMENTS[moment] as string);
        await send(app, someone, catalogue, first);
        for (const { step, file } of steps) await runStep(app, someone, catalogue, step, file);
        // Leave no step half done for the next run.
        await send(app, someone, catalogue, "/huy");
      }),
      { numRuns: FLOW_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  }, 120_000);
});

describe("commands that change state: either done as typed, or refused with nothing changed", () => {
  it("/datlich by an organizer: saved with the place as typed, or refused", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    const org: Someone = { label: "organizer", role: "organizer", language: "vi", person: app.organizer() };
    await org.person.say("/start");
    const args = fc.oneof(
      fc.tuple(fc.constantFrom(...DATE_PIECES, ""), fc.constantFrom(" | ", "|", " ", ""), badText).map(([d, s, p]) => `${d}${s}${p}`),
      fc.tuple(fc.constantFrom(...DATE_PIECES), fc.constantFrom("", " | Hội trường UBND huyện", "|", " | <b>Hội trường</b> & *Nhà văn hóa*")).map(([d, p]) => d + p),
      badText,
    );
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const sent = await send(app, org, catalogue, `/datlich ${a}`);
        const reply = textOf(sent.replies);
        const typed = a.normalize("NFC").trim();
        if (sent.refusal || !typed) {
          expect(stateWithoutSessions(sent.after)).toBe(stateWithoutSessions(sent.before));
          return;
        }
        expect(reply, `/datlich ${show(a)}`).toMatch(/^Đã lưu thời gian, địa điểm hội nghị/);
        expect(sent.after.schedule.sequence).toBe(sent.before.schedule.sequence + 1);
        expect(sent.after.schedule.history.length).toBe(sent.before.schedule.history.length + 1);
        const place = typed.includes("|") ? typed.slice(typed.indexOf("|") + 1).trim() : "";
        if (place) {
          expect(sent.after.schedule.place).toBe(place);
          expect(reply).toContain(place);
        }
        if (sent.after.schedule.start) expect(Date.parse(sent.after.schedule.start)).toBeGreaterThan(app.clock.now().getTime());
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  });

  it("/dangky by a delegate: an answer written as typed, a menu, or a refusal with nothing written", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    const delegate: Someone = { label: "delegate of Mường So", role: "delegate", language: "vi", person: await app.delegate("Mường So") };
    const args = fc.oneof(
      fc
        .tuple(
          fc.constantFrom("", "1 ", "2 ", "4 ", "5 ", "0 ", "999 ", "chair ", "cchc ", "CHAIR "),
          fc.constantFrom("thamdu", "tham dự", "thay", "vang", "vắng mặt", "comat", "absent", "", "x", "?"),
          fc.constantFrom(" ", ""),
          fc.oneof(badText, fc.constantFrom("Lò Văn A", "Lò Văn A, Phó Chủ tịch UBND xã", ", Phó Chủ tịch", "Lò Văn A,", "Đi công tác")),
        )
        .map(([seat, verb, s, rest]) => `${seat}${verb}${s}${rest}`),
      badText,
    );
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const sent = await send(app, delegate, catalogue, `/dangky ${a}`);
        const reply = textOf(sent.replies);
        if (!reply.startsWith("Đã ghi nhận:")) {
          expect(JSON.stringify(sent.after.rsvps), `/dangky ${show(a)} → ${show(reply)}`).toBe(JSON.stringify(sent.before.rsvps));
          expect(stateWithoutSessions(sent.after), `/dangky ${show(a)} → ${show(reply)}`).toBe(stateWithoutSessions(sent.before));
          return;
        }
        expect(sent.after.rsvpHistory.length).toBe(sent.before.rsvpHistory.length + 1);
        const answer = sent.after.rsvpHistory.at(-1);
        expect(answer?.by).toBe(delegate.person.key);
        expect(answer?.at).toBe(app.clock.now().toISOString());
        // What was written is what was typed (or, for "attends" alone, the account's name).
        const typed = a.normalize("NFC");
        for (const field of [answer?.name, answer?.position, answer?.reason]) {
          if (field) expect(typed.includes(field) || field === "Đại biểu Mường So", `${show(field)} from ${show(a)}`).toBe(true);
        }
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  });

  it("/phatbieu by a delegate: a topic registered as typed, a withdrawal, or nothing changed", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    const delegate: Someone = { label: "delegate of Mường So", role: "delegate", language: "vi", person: await app.delegate("Mường So") };
    const args = fc.oneof(
      badText,
      fc.tuple(fc.constantFrom("rut", "rút", "withdraw", "dangky", "đăng ký", "register", "rut abcdef12", "rut 12345678", "rut x y"), fc.constantFrom("", " "), badText).map(([w, s, t]) => `${w}${s}${t}`),
    );
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const sent = await send(app, delegate, catalogue, `/phatbieu ${a}`);
        const reply = textOf(sent.replies);
        const active = (d: Data) => d.speakers.filter((s) => !s.withdrawnAt);
        if (reply.startsWith("Đã đăng ký phát biểu")) {
          expect(sent.after.speakers.length).toBe(sent.before.speakers.length + 1);
          const topic = sent.after.speakers.at(-1)?.topic ?? "";
          expect(topic.length).toBeGreaterThan(0);
          expect(topic.length).toBeLessThanOrEqual(500);
          expect(reply).toContain(topic);
        } else if (reply.startsWith("Đã rút đăng ký phát biểu")) {
          expect(sent.after.speakers.length).toBe(sent.before.speakers.length);
          expect(active(sent.after).length).toBe(active(sent.before).length - 1);
        } else {
          expect(stateWithoutSessions(sent.after), `/phatbieu ${show(a)} → ${show(reply)}`).toBe(stateWithoutSessions(sent.before));
        }
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  });

  it("/thamluan with any file: a version or a page kept byte for byte, or a refusal with nothing kept", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    const delegate: Someone = {
      label: "delegate of Mường So on telegram",
      role: "delegate",
      language: "vi",
      person: await app.delegate("Mường So", "Đại biểu Mường So", { channel: "telegram", userId: "6001" }),
    };
    const input = fc.record({ file: fileSpec, caption: fc.oneof(fc.constant(""), badText), next: fc.constantFrom("", "", "/xong", "/huy") });
    await fc.assert(
      fc.asyncProperty(input, async ({ file, caption, next }) => {
        const sent = await send(app, delegate, catalogue, caption ? `/thamluan ${caption}` : "/thamluan", file);
        const reply = textOf(sent.replies);
        const versions = (d: Data) => d.speeches["muong-so"]?.versions ?? [];
        const pages = (d: Data) => d.sessions[delegate.person.key]?.collecting?.pages ?? [];
        if (reply.startsWith("Đã nhận tham luận")) {
          expect(versions(sent.after).length).toBe(versions(sent.before).length + 1);
          const v = versions(sent.after).at(-1);
          expect(v?.kind).toBe("document");
          expect((await readFile(path.join(app.dir, v?.file?.path ?? ""))).equals(file.bytes)).toBe(true);
        } else if (reply.startsWith("Đã nhận ảnh trang")) {
          expect(pages(sent.after).length).toBe(pages(sent.before).length + 1);
          expect((await readFile(path.join(app.dir, pages(sent.after).at(-1)?.path ?? ""))).equals(file.bytes)).toBe(true);
          expect(stateWithoutSessions(sent.after)).toBe(stateWithoutSessions(sent.before));
        } else {
          expect(sent.refusal, `/thamluan ${show(caption)}${describeFile(file)} → ${show(reply)}`).toBeDefined();
        }
        if (next) {
          const done = await send(app, delegate, catalogue, next);
          if (textOf(done.replies).startsWith("Đã nhận tham luận")) {
            const v = versions(done.after).at(-1);
            expect(v?.pages?.length ?? 0).toBe(pages(done.before).length);
          }
        }
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  });

  it("/diem after publishing: any spelling of a unit's name finds it; anything else is refused, and nothing changes", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    await importSample(app, true);
    const guest: Someone = { label: "guest", role: "guest", language: "vi", person: app.person("Khách", { channel: "zalo" }) };
    await guest.person.say("/start");
    const delegate: Someone = { label: "delegate", role: "delegate", language: "vi", person: await app.delegate("Bản Lang") };
    const units = app.app.services.conference.units();
    const named = fc.nat({ max: units.length - 1 }).chain((i) => unitSpelling(units[i]?.name as string).map((typed) => ({ unit: units[i], typed })));
    const input = fc.record({
      asker: fc.boolean(),
      query: fc.oneof({ weight: 2, arbitrary: named }, { weight: 2, arbitrary: fc.oneof(badText, fc.constantFrom(...UNIT_PIECES)).map((typed) => ({ unit: undefined, typed })) }),
    });
    const scores = JSON.stringify(app.app.store.data.scores);
    await fc.assert(
      fc.asyncProperty(input, async ({ asker, query }) => {
        const someone = asker ? guest : delegate;
        const sent = await send(app, someone, catalogue, `/diem ${query.typed}`);
        const reply = textOf(sent.replies);
        expect(stateWithoutSessions(sent.after)).toBe(stateWithoutSessions(sent.before));
        expect(JSON.stringify(sent.after.scores)).toBe(scores);
        if (query.unit) {
          const names = [query.unit.name, query.unit.full_name].filter((n): n is string => Boolean(n));
          expect(names.some((n) => reply.includes(n)), `/diem ${show(query.typed)} should find ${query.unit.name}: ${show(reply)}`).toBe(true);
          expect(sent.refusal === undefined || sent.refusal === "score-unit-not-in-table", `/diem ${show(query.typed)} → ${show(reply)}`).toBe(true);
        }
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  });

  it("/mamoi by an organizer: a code issued or revoked for the unit named, or nothing changed", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    const org: Someone = { label: "organizer", role: "organizer", language: "vi", person: app.organizer() };
    await org.person.say("/start");
    const units = app.app.services.conference.units();
    const unitName = fc.oneof(
      fc.constantFrom(...UNIT_PIECES),
      badText,
      fc.nat({ max: units.length - 1 }).chain((i) => unitSpelling(units[i]?.name as string)),
    );
    const args = fc
      .tuple(fc.constantFrom("capmoi", "thuhoi", "new", "revoke", "CAPMOI", "", "xyz", ...COMMAND_WORDS.slice(0, 5)), fc.constantFrom(" ", "  ", ""), unitName)
      .map(([v, s, u]) => `${v}${s}${u}`);
    await fc.assert(
      fc.asyncProperty(args, async (a) => {
        const sent = await send(app, org, catalogue, `/mamoi ${a}`);
        const reply = textOf(sent.replies);
        const active = (d: Data) => d.invites.filter((i) => !i.revokedAt);
        if (reply.startsWith("Đã cấp mã mới cho")) {
          const issued = sent.after.invites.at(-1);
          expect(sent.after.invites.length).toBe(sent.before.invites.length + 1);
          expect(reply).toContain(`${issued?.code.slice(0, 5)}-${issued?.code.slice(5)}`);
          expect(active(sent.after).filter((i) => i.target === issued?.target)).toHaveLength(1);
        } else if (reply.startsWith("Đã thu hồi mã mời")) {
          expect(sent.after.invites.length).toBe(sent.before.invites.length);
          expect(active(sent.after).length).toBe(active(sent.before).length - 1);
        } else if (/^Tài khoản của .+ trên bot|chưa có tài khoản nào trên bot\.$/.test(reply)) {
          // "/mamoi <đơn vị>": the unit's accounts are listed, nothing changes (issue 12).
          expect(stateWithoutSessions(sent.after)).toBe(stateWithoutSessions(sent.before));
        } else if (reply.startsWith("Mã mời của các đơn vị")) {
          // The list issues the codes still missing, and only those.
          expect(sent.after.invites.slice(0, sent.before.invites.length)).toEqual(sent.before.invites);
          expect(new Set(active(sent.after).map((i) => i.target)).size).toBe(active(sent.after).length);
        } else {
          expect(sent.refusal, `/mamoi ${show(a)} → ${show(reply)}`).toBeDefined();
        }
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    await expectStoreReloads(app);
  });

  it("/nhapdiem with any file: a preview that replaces nothing until confirmed, or a refusal", async () => {
    h = await newApp();
    const app = h;
    const catalogue = catalogues(app);
    const org: Someone = { label: "organizer on telegram", role: "organizer", language: "vi", person: app.person("Cán bộ Phòng Nội vụ", { channel: "telegram", userId: "9001" }) };
    await org.person.say("/start");
    // The table in force and its publication; a preview is kept beside them (scores.previews) until confirmed.
    const tableOf = (d: Data) => JSON.stringify({ ...d.scores, previews: undefined });
    const scores = tableOf(app.app.store.data);
    const input = fc.record({ file: fileSpec.map((f) => ({ ...f, kind: "document" as const })), args: fc.oneof(fc.constant(""), badText) });
    await fc.assert(
      fc.asyncProperty(input, async ({ file, args }) => {
        const sent = await send(app, org, catalogue, args ? `/nhapdiem ${args}` : "/nhapdiem", file);
        const reply = textOf(sent.replies);
        expect(tableOf(sent.after)).toBe(scores);
        if (reply.includes("Xác nhận thay thế bảng điểm?")) {
          expect(sent.after.scores.previews?.some((p) => p.by === org.person.key)).toBe(true);
          const cancelled = await send(app, org, catalogue, "/nhapdiem huy");
          expect(textOf(cancelled.replies)).toContain("Đã hủy");
        } else {
          expect(sent.refusal, `/nhapdiem ${show(args)}${describeFile(file)} → ${show(reply)}`).toBeDefined();
          expect(stateWithoutSessions(sent.after)).toBe(stateWithoutSessions(sent.before));
        }
      }),
      { numRuns: FOCUSED_RUNS, seed: SEED },
    );
    expect(tableOf(app.app.store.data)).toBe(scores);
    await expectStoreReloads(app);
  });
});

describe("the whole run", () => {
  it(`sent at least ${MIN_INPUTS} generated inputs`, () => {
    expect(inputs).toBeGreaterThanOrEqual(MIN_INPUTS);
  });
});
