// A store is valid whole or refused: one schema for every entry at start-up, the file untouched, originals kept before a migration.
import * as fs from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { StoreFileCorrupt } from "../../storage/durable-file.js";
import { conferenceStore } from "../../storage/conference-view.js";
import { type Data, emptyData, MIGRATED_CONFERENCE, SCHEMA_VERSION, type StoreData } from "../../storage/schema.js";
import { openStore, StoreInvalid, StoreNotOurs } from "../../storage/store.js";
import { checkStore, firstStoreIssue, formatPath, storeSchema } from "../../storage/validate.js";
import { emptyFlat, inConference, storeOf, withConference, withOwn } from "../helpers/conference-store.js";
import { account, cleanupTempDirs, invite, readJson, readStore, rsvp, tempDir } from "./helpers.js";
import { propertySeed } from "../helpers/seeds.js";
import type { CliIo } from "../../src/app/cli-core.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("storage-validation", 1000003);

afterEach(cleanupTempDirs);

/** One conference's Data with one entry in every collection (shared and its own), as the program writes them. */
function fullFlat(): Data {
  const at = "2027-06-01T02:00:00.000Z";
  const d = emptyFlat();
  const a = account("900");
  d.accounts[a.key] = { ...a, organizer: true, lastSeenAt: at };
  d.invites.push({ code: "MUONGSO1", target: "muong-so", issuedAt: at }, { code: "OLD", target: "organizer", issuedAt: at, revokedAt: at });
  d.failedCodes[a.key] = { count: 2, blockedUntil: at };
  d.schedule = { start: at, place: "Hội trường UBND huyện", sequence: 1, history: [{ at, by: a.key, before: {}, after: { start: at, place: "Hội trường UBND huyện" } }] };
  d.rsvps.push(rsvp("s1"), { ...rsvp("s2"), status: "absent", reason: "Đi công tác" });
  d.rsvpHistory.push(rsvp("s1"));
  d.speeches["muong-so"] = {
    unitId: "muong-so",
    versions: [
      { n: 1, kind: "text", text: "Kính thưa …", by: a.key, at },
      { n: 2, kind: "photo", file: { name: "p1.jpg", mime: "image/jpeg", size: 10, path: "files/p1.jpg" }, pages: [{ name: "p1.jpg", mime: "image/jpeg", size: 10, path: "files/p1.jpg" }], by: a.key, at },
    ],
    reviews: [{ version: 1, decision: "changes_requested", note: "Bổ sung số liệu", by: a.key, at }],
  };
  d.speakers.push({ id: "sp1", unitId: "muong-so", topic: "Chuyển đổi số", by: a.key, at, withdrawnAt: at });
  d.checkins.push({ unitId: "muong-so", seatId: "s1", by: a.key, at });
  d.checkinCode = { code: "4821", issuedAt: at, by: a.key };
  d.scores.current = {
    year: 2023,
    importedAt: at,
    importedBy: a.key,
    source: "bang-diem.xlsx",
    sample: false,
    units: [{ unitId: "muong-so", total: 80.5, max: 100, rank: 1, rankOf: 17, classification: "Tốt", fields: [{ id: "1", name: "Công tác chỉ đạo", max: 10, final: 9, children: [{ id: "1.1", name: "Kế hoạch", max: 2, final: 2 }] }] }],
  };
  d.notices.push({ id: "N1", kind: "chase", text: "Kính gửi …", audience: "all", createdBy: a.key, createdAt: at, sendAt: at, ackable: true, replies: [{ kind: "text", text: "x" }, { kind: "choices", text: "y", choices: [{ label: "1", step: { kind: "command.suggested", name: "dangky", args: "" } }] }], data: { time: at } });
  d.deliveries.push({ noticeId: "N1", account: a.key, state: "sent", attempts: 1, sentAt: at, ackAt: at });
  // A notice preview is a stored draft since schema version 2 (no longer a session's pendingConfirm).
  d.sessions[a.key] = { choices: { setId: "c1", steps: [{ kind: "rsvp.seat", seat: "chair" }], offeredAt: at } };
  d.noticeDrafts.N2 = { id: "N2", kind: "broadcast", text: "x", audience: "all", createdBy: a.key, createdAt: at, updatedAt: at };
  d.handledUpdates.telegram = ["1", "2"];
  return d;
}

/** A store with one entry in every collection, as the program writes them: the shared ones, and a conference's. */
function fullData(): StoreData {
  return storeOf(fullFlat());
}

/** `, <path>: <said>` of the refusal's sentence, as a pattern (the path as it is, `said` a pattern). */
function sentenceAt(issuePath: string, said: string): RegExp {
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`, ${literal(issuePath)}: ${said}`);
}

/** Where the conference's own collections are checked: `conferences["phong-tho-2023"]`. */
const OWN = inConference();

/** Every file under `dir` with its bytes. */
function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isFile()) out[name] = fs.readFileSync(file, "utf8");
  }
  return out;
}

async function writeStore(content: unknown): Promise<{ dir: string; file: string; bytes: Buffer }> {
  const dir = await tempDir();
  const file = path.join(dir, "hoinghi.json");
  await fsp.writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
  return { dir, file, bytes: await fsp.readFile(file) };
}

/** `hoinghi start` on that folder: the exit code and what it printed to stderr. */
async function start(dir: string): Promise<{ code: number; err: string[] }> {
  const err: string[] = [];
  const io: CliIo = { out: () => {}, err: (l) => err.push(l), env: { DATA_DIR: dir, LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
  return { code: await runCli(["start"], io), err };
}

async function expectRefusedUntouched(content: unknown, sentence: RegExp): Promise<unknown> {
  const { dir, file, bytes } = await writeStore(content);
  const { code, err } = await start(dir);
  expect(code).toBe(1);
  expect(err).toHaveLength(1);
  expect(err[0]).toMatch(sentence);
  // One sentence, no stack trace.
  expect(err[0]).not.toMatch(/\n|at .*\.ts:\d+|TypeError|Cannot read/);
  expect(await fsp.readFile(file)).toEqual(bytes);
  expect(fs.readdirSync(dir).sort()).toEqual(["hoinghi.json"]);
  return openStore({ dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe("a store that is not ours is refused, never rewritten (issue 16, 7)", () => {
  it("{} does not start the bot and stays {}", async () => {
    const err = await expectRefusedUntouched({}, /^Bot chưa khởi động được vì tệp .*hoinghi\.json không phải tệp dữ liệu của bot .*tệp được giữ nguyên/);
    expect(err).toBeInstanceOf(StoreNotOurs);
    expect(err).toBeInstanceOf(StoreFileCorrupt);
  });

  it("an unrelated JSON object (a package.json put there by mistake) is refused the same way", async () => {
    const err = await expectRefusedUntouched({ name: "hoinghi-bot", version: "0.1.0", scripts: { start: "node x" } }, /không phải tệp dữ liệu của bot/);
    expect(err).toBeInstanceOf(StoreNotOurs);
  });
});

describe("the first invalid entry refuses start-up with its path, in one Vietnamese sentence (issue 16, 7)", () => {
  it("deliveries: [null]", async () => {
    const err = await expectRefusedUntouched(
      { ...emptyData(), deliveries: [null] },
      /^Bot chưa khởi động được vì tệp dữ liệu .*hoinghi\.json có mục không hợp lệ, deliveries\[0\]: cần một đối tượng nhưng tệp ghi null; tệp được giữ nguyên, đồng chí vui lòng sửa mục này hoặc khôi phục bản sao lưu rồi chạy lại\.$/,
    );
    expect(err).toBeInstanceOf(StoreInvalid);
    expect((err as StoreInvalid).issue.path).toBe("deliveries[0]");
    expect((err as Error).message).toContain("deliveries[0]: ");
  });

  it('accounts: {"telegram:900": null}', async () => {
    const err = await expectRefusedUntouched({ ...emptyData(), accounts: { "telegram:900": null } }, /có mục không hợp lệ, accounts\["telegram:900"\]: cần một đối tượng nhưng tệp ghi null;/);
    expect((err as StoreInvalid).issue.path).toBe('accounts["telegram:900"]');
  });

  it("invites: [null], which used to start and then fail every /start CODE", async () => {
    await expectRefusedUntouched({ ...emptyData(), invites: [{ code: "ABC", target: "muong-so", issuedAt: "2027-01-01T00:00:00Z" }, null] }, /, invites\[1\]: cần một đối tượng nhưng tệp ghi null;/);
  });

  it('handledUpdates.telegram: "abc", which used to start with duplicate detection silently off', async () => {
    await expectRefusedUntouched({ ...emptyData(), handledUpdates: { telegram: "abc" } }, /, handledUpdates\.telegram: cần một danh sách nhưng tệp ghi một chuỗi ký tự;/);
  });

  it("an entry deep inside a collection: a delivery state no program writes, a missing field, a negative count", async () => {
    const d = fullData();
    await expectRefusedUntouched({ ...d, deliveries: [{ ...d.deliveries[0], state: "done" }] }, /, deliveries\[0\]\.state: giá trị "done" không thuộc các giá trị được phép \(pending, sent, failed, unreachable, skipped\);/);
    const { key: _key, ...noKey } = d.accounts["console:900"] as Data["accounts"][string];
    await expectRefusedUntouched({ ...d, accounts: { "console:900": noKey } }, /, accounts\["console:900"\]\.key: thiếu mục này \(cần một chuỗi ký tự\);/);
    const own = fullFlat();
    await expectRefusedUntouched(withOwn(d, { schedule: { ...own.schedule, sequence: -1 } }), sentenceAt(`${OWN}.schedule.sequence`, "không được là số âm;"));
    await expectRefusedUntouched(
      withOwn(d, { scores: { ...own.scores, current: { ...own.scores.current, units: [{ ...own.scores.current?.units[0], fields: [{ id: "1", name: "x", max: 10, final: "9" }] }] } } }),
      sentenceAt(`${OWN}.scores.current.units[0].fields[0].final`, "cần một số nhưng tệp ghi một chuỗi ký tự;"),
    );
  });

  it("a version-0 file with an invalid entry is refused before its migration: nothing written, no backup made", async () => {
    const { deliveries: _d, schemaVersion: _v, ...rest } = emptyData();
    await expectRefusedUntouched({ ...rest, deliveries: [null] }, /, deliveries\[0\]: cần một đối tượng/);
  });

  it("says the same in English for an English-speaking operator", async () => {
    const { dir } = await writeStore({ ...emptyData(), deliveries: [null] });
    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (l) => err.push(l), env: { DATA_DIR: dir, LOG_LEVEL: "silent", DEFAULT_LANGUAGE: "en" }, stdin: process.stdin, stdout: process.stdout };
    expect(await runCli(["start"], io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^The bot did not start because the data file .* has an invalid entry, deliveries\[0\]: an object expected but the file has null; the file was left as it is/)]);
  });
});

describe("a store is valid whole, times included (issue 21, item 4)", () => {
  it('a hand-edited sendAt: "banana" refuses start-up with its path, instead of sending a broadcast meant for 2030 at once', async () => {
    const d = fullData();
    const err = await expectRefusedUntouched(
      { ...d, notices: [{ ...d.notices[0], sendAt: "banana" }] },
      /có mục không hợp lệ, notices\[0\]\.sendAt: cần một thời điểm theo ISO 8601 \(ví dụ 2027-06-20T07:00:00\.000Z\) nhưng tệp ghi "banana"; tệp được giữ nguyên/,
    );
    expect(err).toBeInstanceOf(StoreInvalid);
    expect((err as StoreInvalid).issue.path).toBe("notices[0].sendAt");
  });

  it('schedule.start: "20/06/2030 14:00" refuses start-up with its path, instead of showing the time as to be announced', async () => {
    const d = fullData();
    const err = await expectRefusedUntouched(
      withOwn(d, { schedule: { ...fullFlat().schedule, start: "20/06/2030 14:00" } }),
      sentenceAt(`${OWN}.schedule.start`, 'cần một thời điểm theo ISO 8601 .* nhưng tệp ghi "20/06/2030 14:00";'),
    );
    expect((err as StoreInvalid).issue.path).toBe(`${OWN}.schedule.start`);
  });

  it("every time field is checked, deep or optional: a day that does not exist, a time without its zone, an empty string", async () => {
    const d = fullData();
    const delivery = d.deliveries[0] as Data["deliveries"][number];
    await expectRefusedUntouched({ ...d, deliveries: [{ ...delivery, ackAt: "2027-02-29T08:00:00Z" }] }, /, deliveries\[0\]\.ackAt: cần một thời điểm/);
    const own = fullFlat();
    await expectRefusedUntouched(withOwn(d, { schedule: { ...own.schedule, history: [{ ...own.schedule.history[0], at: "2027-06-20T14:00:00" }] } }), sentenceAt(`${OWN}.schedule.history[0].at`, "cần một thời điểm"));
    await expectRefusedUntouched(withOwn(d, { checkinCode: { ...own.checkinCode, issuedAt: "" } }), sentenceAt(`${OWN}.checkinCode.issuedAt`, 'cần một thời điểm .* nhưng tệp ghi ""'));
  });

  it("times as the program writes them, and with a zone offset, open", async () => {
    const d = fullFlat();
    d.schedule.start = "2027-06-20T14:00:00+07:00";
    expect(checkStore(storeOf(d))).toBeUndefined();
    expect(checkStore(fullData())).toBeUndefined();
  });

  it("says the same in English", async () => {
    const { dir } = await writeStore(withOwn(fullData(), { schedule: { ...fullFlat().schedule, start: "banana" } }));
    const err: string[] = [];
    const io: CliIo = { out: () => {}, err: (l) => err.push(l), env: { DATA_DIR: dir, LOG_LEVEL: "silent", DEFAULT_LANGUAGE: "en" }, stdin: process.stdin, stdout: process.stdout };
    expect(await runCli(["start"], io)).toBe(1);
    expect(err).toEqual([expect.stringMatching(/ has an invalid entry, conferences\["phong-tho-2023"\]\.schedule\.start: an ISO 8601 time expected \(for example 2027-06-20T07:00:00\.000Z\) but the file has "banana"; the file was left as it is/)]);
  });
});

describe("a valid store opens as it is", () => {
  it("one entry in every collection, as the program writes them, passes the schema and is not rewritten", async () => {
    expect(checkStore(fullData())).toBeUndefined();
    const { dir } = await writeStore(fullData());
    // Opened once, the file of one piece is put in its parts; opened again, nothing is written.
    await (await openStore({ dir })).close();
    const before = filesOf(dir);
    const store = await openStore({ dir });
    expect(store.writes).toBe(0);
    expect(store.data.deliveries[0]?.state).toBe("sent");
    expect(store.data).toEqual(fullData());
    await store.close();
    expect(filesOf(dir)).toEqual(before);
  });

  it("a field the schema does not know (added by newer code) passes and is kept", async () => {
    const d = fullData() as StoreData & { desk?: unknown };
    const withExtra = { ...d, desk: { opened: true }, deliveries: [{ ...d.deliveries[0], parts: [{ n: 1, sentAt: "x" }] }] };
    const { dir } = await writeStore(withExtra);
    const store = await withConference(await openStore({ dir }));
    await store.mutate((data) => void data.rsvps.push(rsvp("s9")));
    await store.close();
    const onDisk = readStore(dir) as unknown as Record<string, unknown>;
    expect(onDisk.desk).toEqual({ opened: true });
    expect((onDisk.deliveries as Array<Record<string, unknown>>)[0]?.parts).toEqual([{ n: 1, sentAt: "x" }]);
  });

  it("paths read as a person would write them", () => {
    expect(formatPath(["deliveries", 0])).toBe("deliveries[0]");
    expect(formatPath(["accounts", "telegram:900", "key"])).toBe('accounts["telegram:900"].key');
    expect(formatPath(["handledUpdates", "telegram"])).toBe("handledUpdates.telegram");
    expect(formatPath([])).toBe("(the whole file)");
  });
});

/** Every place in `value`: the path to each object, list and value inside it. */
function placesIn(value: unknown, path: PropertyKey[] = [], out: PropertyKey[][] = []): PropertyKey[][] {
  out.push(path);
  if (typeof value === "object" && value !== null) for (const [k, v] of Object.entries(value)) placesIn(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  return out;
}

describe("entry by entry, the store is checked as a parse of the whole would check it", () => {
  /** fullData with more entries in the large collections, so that an edit can land before, among or after them. */
  function largerData(): StoreData {
    const d = fullFlat();
    for (let i = 0; i < 5; i++) {
      const a = account(String(1000 + i));
      d.accounts[a.key] = a;
      d.rsvps.push(rsvp(`seat-${i}`));
      d.deliveries.push({ noticeId: "N1", account: a.key, state: "pending", attempts: 0 });
    }
    d.handledUpdates.zalo = [{ key: "m1", at: "2027-06-01T02:00:00.000Z" }, "m2"];
    return storeOf(d);
  }

  it("reports the same first issue, at the same path, as StoreSchema.safeParse, whatever is broken and wherever", () => {
    const places = placesIn(largerData());
    const edit = fc.record({
      at: fc.nat({ max: places.length - 1 }),
      // A value of any JSON kind, or the entry taken away.
      value: fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const d = largerData() as unknown as Record<PropertyKey, unknown>;
        for (const { at, value } of edits) {
          const path = places[at] as PropertyKey[];
          if (path.length === 0) continue;
          let parent: unknown = d;
          for (const part of path.slice(0, -1)) parent = typeof parent === "object" && parent !== null ? (parent as Record<PropertyKey, unknown>)[part] : undefined;
          if (typeof parent !== "object" || parent === null) continue;
          const last = path[path.length - 1] as PropertyKey;
          if (value === undefined && !Array.isArray(parent)) delete (parent as Record<PropertyKey, unknown>)[last];
          else (parent as Record<PropertyKey, unknown>)[last] = value ?? null;
        }
        expect(firstStoreIssue(d)).toEqual(storeSchema().safeParse(d).error?.issues[0]);
      }),
      { numRuns: 2000, seed: SEED },
    );
    // 2,000 whole-store parses: well under 30 s on an idle machine, 70–90 s at a load average of 19 on two
    // cores (measured, any seed); the wall-clock limit must not turn a busy machine into a red run.
  }, 180_000);

  it("and for what is not a store at all: null, a list, a string, an object with odd keys", () => {
    // As a file holds them: JSON.parse makes "__proto__" an own key, which zod passes over.
    const oddKeys = JSON.parse('{"__proto__": null, "constructor": 5}');
    for (const d of [null, [], "x", 7, {}, { ...emptyData(), accounts: oddKeys }, { ...emptyData(), accounts: [] }]) {
      expect(firstStoreIssue(d)).toEqual(storeSchema().safeParse(d).error?.issues[0]);
    }
  });
});

describe("before a migration the original is kept as hoinghi.json.v<N>.bak, for good", () => {
  it("a version-0 file is kept byte for byte as .v0.bak, which later writes never touch", async () => {
    const old = JSON.stringify({ accounts: { "console:1": account("1") }, rsvps: [rsvp("a")] });
    const { dir, file } = await writeStore(old);
    const root = await openStore({ dir });
    // Brought to the current version (score previews, then notice drafts, became stored objects; then typed steps; then the conference's own data in its file).
    expect(root.data.schemaVersion).toBe(SCHEMA_VERSION);
    const store = conferenceStore(root, MIGRATED_CONFERENCE);
    for (const seat of ["b", "c", "d"]) {
      await store.mutate((d) => void d.rsvps.push(rsvp(seat)));
      await store.mutate((d) => void d.invites.push(invite(seat)));
    }
    await store.close();
    expect(await fsp.readFile(`${file}.v0.bak`, "utf8")).toBe(old);
    // The ordinary .bak has moved on with the writes; the original is still there.
    expect(await fsp.readFile(`${file}.bak`, "utf8")).not.toBe(old);
    expect((readJson(file).invites as unknown[]).length).toBe(3);
    expect(readStore(dir).conferences[MIGRATED_CONFERENCE]?.rsvps).toHaveLength(4);
  });

  it("a second, different version-0 original does not replace the first: it is kept beside it", async () => {
    const first = JSON.stringify({ rsvps: [rsvp("a")] });
    const { dir, file } = await writeStore(first);
    await (await openStore({ dir })).close();
    const second = JSON.stringify({ rsvps: [rsvp("z")] });
    await fsp.writeFile(file, second);
    await (await openStore({ dir })).close();
    expect(await fsp.readFile(`${file}.v0.bak`, "utf8")).toBe(first);
    expect(await fsp.readFile(`${file}.v0.2.bak`, "utf8")).toBe(second);
  });

  it("a current file is never copied to a version backup", async () => {
    const { dir, file } = await writeStore(fullData());
    await (await openStore({ dir })).close();
    expect(fs.existsSync(`${file}.v2.bak`)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".v")).length).toBe(0);
  });
});
