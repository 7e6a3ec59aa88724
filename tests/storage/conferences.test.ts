// The store of many conferences (schema version 10): the people shared, each conference's answers in a
// file of its own. Phong Thổ's 2023 store, kept by the program of one conference, opens with everything
// it held; a commune's answer to one conference writes that conference's file only; a bad entry in a
// conference's file stops start-up naming that file; a closed conference is read, never changed.
import * as fs from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import type { CliIo } from "../../src/app/cli-core.js";
import { closeConference } from "../../src/domain/conferences.js";
import { ConferenceClosed, conferenceStore } from "../../storage/conference-view.js";
import { readStoreFilesSync } from "../../storage/layout.js";
import { allParts, contentOf, partFile, partsDir } from "../../storage/partitions.js";
import { type Data, MIGRATED_CONFERENCE, SCHEMA_VERSION, type StoreData } from "../../storage/schema.js";
import { openStore, StoreInvalid } from "../../storage/store.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { conferenceFile, flatFile, ownOf, sharedOf, withConference } from "../helpers/conference-store.js";
import { account, cleanupTempDirs, readJson, rsvp, tempDir } from "./helpers.js";

const PHONG_THO = "phong-tho-2023";
const LAI_CHAU = "lai-chau-2025";

let apps: TestApp[] = [];
afterEach(async () => {
  for (const h of apps.splice(0).reverse()) await h.close();
  await cleanupTempDirs();
});

/**
 * Puts `flat` in `dir` as the program of one conference (version 9) kept it: hoinghi.json with the
 * conference's data and the small shared collections, the accounts, sessions, notices and deliveries
 * in hoinghi.parts. Whatever the folder held before is replaced. Returns the main file's text.
 */
async function writeVersion9(dir: string, flat: Record<string, unknown>): Promise<string> {
  const file = path.join(dir, "hoinghi.json");
  await fsp.rm(partsDir(file), { recursive: true, force: true });
  const data = flat as unknown as StoreData;
  let mainText = "";
  for (const [part, content] of contentOf(data, allParts(data))) {
    if (!content) continue;
    const target = partFile(file, part);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const text = JSON.stringify(content);
    await fsp.writeFile(target, text);
    if (target === file) mainText = text;
  }
  return mainText;
}

/** Every file of the store folder, by its path under `dir`. */
function filesIn(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()).sort();
}

describe("Phong Thổ's store of one conference (version 9) becomes the store of many (version 10)", () => {
  it("keeps everything, keeps the original as hoinghi.json.v9.bak, and files the conference under its id at the next start", async () => {
    const dir = await tempDir();
    // The 2023 conference as the program of one conference served it: communes joined and answered, a notice went out.
    const before = await createTestApp({ dir, env: { CONFERENCE_FILE: "conferences/phong-tho-2023.yaml" } });
    apps.push(before);
    const ms = await before.delegate("Mường So", "Lò Văn Sáu");
    await ms.say("/dangky 1 thamdu Lò Văn Sáu");
    await ms.say("/dangky 2 vang Đi công tác tỉnh");
    const bl = await before.delegate("Bản Lang", "Lò Thị Hoa");
    await bl.say("/dangky 1 thay Lò Văn Bình, Phó Chủ tịch UBND xã");
    const org = before.organizer();
    await org.say("/thongbao tatca | Kính gửi các đồng chí: lịch họp trù bị (DỮ LIỆU MẪU)");
    await org.say("1");
    await before.app.outbox.idle();
    await before.app.close();
    apps = [];

    // The same data as version 9 wrote it: one conference, no conference tags.
    const flat = flatFile(readStoreFilesSync(dir), 9, PHONG_THO) as unknown as Data;
    for (const n of flat.notices) delete n.conference;
    for (const d of Object.values(flat.noticeDrafts)) delete d.conference;
    expect(flat.rsvps.length).toBe(3);
    expect(flat.notices.length).toBeGreaterThan(0);
    const mainText = await writeVersion9(dir, flat as unknown as Record<string, unknown>);
    expect(JSON.parse(mainText).rsvps).toHaveLength(3);
    expect(fs.existsSync(path.join(dir, "hoinghi.parts", "conferences"))).toBe(false);

    // Opened by this program: version 10, everything kept (under the placeholder until the app names it), the original kept.
    const root = await openStore({ dir });
    expect(root.data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(flatFile(root.data, 9, MIGRATED_CONFERENCE)).toEqual(flat);
    await root.close();
    expect(await fsp.readFile(path.join(dir, "hoinghi.json.v9.bak"), "utf8")).toBe(mainText);
    expect(Object.keys(readJson(path.join(dir, "hoinghi.json")))).not.toContain("rsvps");
    expect(filesIn(path.join(dir, "hoinghi.parts", "conferences"))).toEqual([`${MIGRATED_CONFERENCE}.json`]);

    // The bot starts with the conference file: the data is Phong Thổ 2023's, in its own file.
    const after = await createTestApp({ dir, env: { CONFERENCE_FILE: "conferences/phong-tho-2023.yaml" } });
    apps.push(after);
    const data = after.app.root.data;
    expect(Object.keys(data.conferences)).toEqual([PHONG_THO]);
    expect(ownOf(data, PHONG_THO)).toEqual(ownOf(root.data, MIGRATED_CONFERENCE));
    expect(data.conferences[PHONG_THO]?.status).toBe("running");
    expect(sharedOf(data).accounts).toEqual(flat.accounts);
    const files = filesIn(path.join(dir, "hoinghi.parts", "conferences"));
    expect(files).toEqual([`${PHONG_THO}.json`]);
    expect(readStoreFilesSync(dir).conferences[PHONG_THO]?.rsvps).toHaveLength(3);
    // Every notice sent before belongs to Phong Thổ 2023.
    expect(data.notices.length).toBeGreaterThanOrEqual(flat.notices.length);
    expect(data.notices.map((n) => n.conference)).toEqual(data.notices.map(() => PHONG_THO));

    // Mường So's answers, given before the upgrade, are still what /dangky shows.
    const msAgain = after.person("Lò Văn Sáu", { userId: ms.userId });
    const shown = await msAgain.say("/dangky");
    expect(shown).toContain("Xác nhận tham dự của UBND xã Mường So:");
    expect(shown).toContain("1. Chủ tịch UBND xã: tham dự, Lò Văn Sáu");
    expect(shown).toContain("2. Công chức làm nhiệm vụ công tác CCHC: vắng mặt (lý do: Đi công tác tỉnh)");
  });
});

/** A store with Phong Thổ 2023 and Lai Châu 2025, a delegate of each, each with one answer. */
async function twoConferences(dir: string) {
  const root = await openStore({ dir });
  const phongTho = await withConference(root, PHONG_THO);
  const laiChau = await withConference(root, LAI_CHAU);
  await phongTho.mutate((d) => {
    d.accounts["console:muong-so"] = account("muong-so");
    d.rsvps.push({ ...rsvp("chair"), unitId: "muong-so", name: "Lò Văn Sáu" });
  });
  await laiChau.mutate((d) => {
    d.accounts["console:phong-tho"] = account("phong-tho");
    d.rsvps.push({ ...rsvp("chair"), unitId: "phong-tho", name: "Tẩn Thị Mai" });
  });
  return { root, phongTho, laiChau };
}

describe("two conferences in one store: an answer writes its conference's file only", () => {
  it("xã Mường So answers Phong Thổ 2023: Phong Thổ's file changes; Lai Châu's, the accounts and the main file stay byte for byte", async () => {
    const dir = await tempDir();
    const { root, phongTho, laiChau } = await twoConferences(dir);
    const phongThoFile = conferenceFile(root.file, PHONG_THO);
    const laiChauFile = conferenceFile(root.file, LAI_CHAU);
    const accountsDir = path.join(dir, "hoinghi.parts", "accounts");
    const others = [laiChauFile, root.file, ...fs.readdirSync(accountsDir).map((f) => path.join(accountsDir, f))];
    const bytes = (f: string) => fs.readFileSync(f, "utf8");
    const before = new Map(others.map((f) => [f, { text: bytes(f), mtime: fs.statSync(f).mtimeMs }]));
    const phongThoBefore = bytes(phongThoFile);
    await new Promise((r) => setTimeout(r, 20));

    await phongTho.mutate((d) => void d.rsvps.push({ ...rsvp("cchc"), unitId: "muong-so", status: "absent", reason: "Đi công tác tỉnh" }));

    expect(bytes(phongThoFile)).not.toBe(phongThoBefore);
    for (const [f, was] of before) {
      expect(bytes(f), f).toBe(was.text);
      expect(fs.statSync(f).mtimeMs, f).toBe(was.mtime);
    }
    // Each conference sees its own answers, and the people of both.
    expect(phongTho.data.rsvps.map((r) => r.seatId)).toEqual(["chair", "cchc"]);
    expect(laiChau.data.rsvps.map((r) => `${r.unitId}/${r.seatId}`)).toEqual(["phong-tho/chair"]);
    expect(Object.keys(laiChau.data.accounts).sort()).toEqual(["console:muong-so", "console:phong-tho"]);
    await root.close();
    const again = await openStore({ dir });
    expect(again.data.conferences[PHONG_THO]?.rsvps).toHaveLength(2);
    expect(again.data.conferences[LAI_CHAU]?.rsvps).toHaveLength(1);
    await again.close();
  });
});

describe("a bad entry in a conference's file stops start-up, naming that file", () => {
  for (const id of [LAI_CHAU, "cchc2026"]) {
    it(`an answer of an unknown kind in ${id}'s file: StoreInvalid names hoinghi.parts/conferences/${id}.json, every file left as it was`, async () => {
      const dir = await tempDir();
      const root = await openStore({ dir });
      await (await withConference(root, PHONG_THO)).mutate((d) => void d.rsvps.push(rsvp("chair")));
      await (await withConference(root, id)).mutate((d) => void d.rsvps.push(rsvp("chair")));
      await root.close();
      const file = conferenceFile(path.join(dir, "hoinghi.json"), id);
      expect(file).toBe(path.join(dir, "hoinghi.parts", "conferences", `${id}.json`));
      const onDisk = readJson(file) as { conferences: Record<string, { rsvps: Array<Record<string, unknown>> }> };
      const entry = onDisk.conferences[id];
      if (entry?.rsvps[0]) entry.rsvps[0].status = "maybe";
      await fsp.writeFile(file, JSON.stringify(onDisk));
      const all = filesIn(dir);
      const texts = all.map((f) => fs.readFileSync(path.join(dir, f), "utf8"));

      const err = await openStore({ dir }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreInvalid);
      expect((err as StoreInvalid).file).toBe(file);
      expect((err as StoreInvalid).issue.path).toBe(`conferences${/^[a-z_]\w*$/.test(id) ? `.${id}` : `[${JSON.stringify(id)}]`}.rsvps[0].status`);

      // `hoinghi start` says it in one sentence, naming the file.
      const lines: string[] = [];
      const io: CliIo = { out: () => {}, err: (l) => lines.push(l), env: { DATA_DIR: dir, LOG_LEVEL: "silent" }, stdin: process.stdin, stdout: process.stdout };
      expect(await runCli(["start"], io)).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`Bot chưa khởi động được vì tệp dữ liệu ${file} có mục không hợp lệ`);
      expect(filesIn(dir)).toEqual(all);
      expect(all.map((f) => fs.readFileSync(path.join(dir, f), "utf8"))).toEqual(texts);
    });
  }
});

describe("a bad answer in a store of version 9 stops start-up naming hoinghi.json, where it was read from", () => {
  it("the answer is moved to the conference's entry by the migration, but the file named is the one to correct", async () => {
    const dir = await tempDir();
    const root = await openStore({ dir });
    await (await withConference(root, PHONG_THO)).mutate((d) => void d.rsvps.push(rsvp("chair")));
    await root.close();
    const flat = flatFile(readStoreFilesSync(dir), 9, PHONG_THO) as unknown as Data;
    (flat.rsvps[0] as unknown as Record<string, unknown>).status = "maybe";
    const mainText = await writeVersion9(dir, flat as unknown as Record<string, unknown>);
    const err = await openStore({ dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreInvalid);
    expect((err as StoreInvalid).file).toBe(path.join(dir, "hoinghi.json"));
    expect((err as StoreInvalid).issue.path).toBe(`conferences.${MIGRATED_CONFERENCE}.rsvps[0].status`);
    expect(await fsp.readFile(path.join(dir, "hoinghi.json"), "utf8")).toBe(mainText);
    expect(fs.existsSync(path.join(dir, "hoinghi.json.v9.bak"))).toBe(false);
  });
});

describe("a closed conference is read, never changed", () => {
  it("Phong Thổ 2023 closed: a write to its answers is refused and changes nothing; the people, shared, can still be changed through it", async () => {
    const dir = await tempDir();
    const { root, phongTho } = await twoConferences(dir);
    await closeConference(root, PHONG_THO, "console:org-1", new Date("2027-07-01T02:00:00Z"), path.join(dir, "conferences", `${PHONG_THO}.closed.yaml`));
    const file = conferenceFile(root.file, PHONG_THO);
    const fileBefore = fs.readFileSync(file, "utf8");
    const dataBefore = JSON.stringify(root.data);
    const writesBefore = root.writes;

    const late = { ...rsvp("cchc"), unitId: "muong-so", status: "absent" as const, reason: "Đi công tác tỉnh" };
    await expect(phongTho.mutate((d) => void d.rsvps.push(late))).rejects.toBeInstanceOf(ConferenceClosed);
    await expect(
      phongTho.mutate((d) => {
        const answer = d.rsvps[0];
        if (answer) answer.name = "Người khác";
      }),
    ).rejects.toBeInstanceOf(ConferenceClosed);
    await expect(phongTho.mutate((d) => void (d.schedule.place = "Hội trường mới"))).rejects.toBeInstanceOf(ConferenceClosed);
    await expect(phongTho.mutate((d) => void (d.checkinCode = { code: "4821", issuedAt: "2027-07-01T02:00:00.000Z", by: "console:org-1" }))).rejects.toBeInstanceOf(ConferenceClosed);
    await root.flush();
    expect(JSON.stringify(root.data)).toBe(dataBefore);
    expect(root.writes).toBe(writesBefore);
    expect(fs.readFileSync(file, "utf8")).toBe(fileBefore);
    // Still read as it was.
    expect(phongTho.data.rsvps.map((r) => r.name)).toEqual(["Lò Văn Sáu"]);

    // A person of the closed conference is seen again: shared data, written through its view; its file untouched.
    await phongTho.mutate((d) => {
      const a = d.accounts["console:muong-so"];
      if (a) a.lastSeenAt = "2027-07-02T02:00:00.000Z";
    });
    expect(root.data.accounts["console:muong-so"]?.lastSeenAt).toBe("2027-07-02T02:00:00.000Z");
    expect(fs.readFileSync(file, "utf8")).toBe(fileBefore);
    // The other conference, running, still takes answers.
    await expect(conferenceStore(root, LAI_CHAU).mutate((d) => void d.rsvps.push({ ...rsvp("cchc"), unitId: "phong-tho" }))).resolves.toBeUndefined();
    await root.close();
  });
});
