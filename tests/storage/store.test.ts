// Tests of the store: group commit, write failures, corrupt and old files, .bak, stale temp files.
import * as fs from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { StoreFileCorrupt } from "../../storage/durable-file.js";
import { emptyConferenceData, emptyData, MIGRATED_CONFERENCE, SCHEMA_VERSION, StoreVersionTooNew } from "../../storage/schema.js";
import { openStore, StoreWriteFailed } from "../../storage/store.js";
import { CONFERENCE, openConferenceStore } from "../helpers/conference-store.js";
import { account, cleanupTempDirs, flakyOps, invite, readJson, readStore, rsvp, tempDir } from "./helpers.js";

afterEach(cleanupTempDirs);

/** The invite codes of a store, in order: the main file's list these tests change. */
function codes(data: { invites: Array<{ code: string }> }): string[] {
  return data.invites.map((r) => r.code);
}

describe("group commit", () => {
  it("writes 1,000 concurrent changes in at most 10 writes, and all of them reach the file", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const before = store.writes;
    const ids = Array.from({ length: 1000 }, (_, i) => `MA${i}`);
    const onDiskWhenResolved: boolean[] = [];
    await Promise.all(
      ids.map((id, i) =>
        store
          .mutate((d) => {
            d.invites.push(invite(id));
            return id;
          })
          .then((got) => {
            expect(got).toBe(id);
            // A caller is answered only once its change is in the file (sampled: reads are slow).
            if (i % 50 === 0) onDiskWhenResolved.push(codes(readJson(store.file) as never).includes(id));
          }),
      ),
    );
    expect(store.writes - before).toBeLessThanOrEqual(10);
    expect(onDiskWhenResolved).toHaveLength(20);
    expect(onDiskWhenResolved.every(Boolean)).toBe(true);

    const again = await openStore({ dir });
    expect(codes(again.data).sort()).toEqual([...ids].sort());
  });

  it("batches changes that arrive while a write is under way", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    const before = store.writes;
    const pending: Promise<unknown>[] = [];
    // Ten waves in ten turns of the event loop: a wave lands in at most one write.
    for (let wave = 0; wave < 10; wave++) {
      for (let i = 0; i < 100; i++) {
        const a = account(`${wave}-${i}`);
        pending.push(
          store.mutate((d) => {
            d.accounts[a.key] = a;
          }),
        );
      }
      await nextTurn();
    }
    await Promise.all(pending);
    const writes = store.writes - before;
    expect(writes).toBeGreaterThanOrEqual(1);
    expect(writes).toBeLessThanOrEqual(10);
    const again = await openStore({ dir });
    expect(Object.keys(again.data.accounts)).toHaveLength(1000);
  });

  it("flush() waits for every change made so far", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    void store.mutate((d) => void d.invites.push(invite("a")));
    await store.flush();
    expect(codes(readJson(store.file) as never)).toEqual(["a"]);
  });
});

describe("a change that throws", () => {
  it("rejects with that error and causes no write", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.mutate((d) => void d.invites.push(invite("kept")));
    const before = store.writes;
    const bytes = await fsp.readFile(store.file);
    const boom = new Error("not allowed");
    await expect(
      store.mutate(() => {
        throw boom;
      }),
    ).rejects.toBe(boom);
    await store.flush();
    expect(store.writes).toBe(before);
    expect(await fsp.readFile(store.file)).toEqual(bytes);
    expect(codes(store.data)).toEqual(["kept"]);
  });

  it("reports an async change as a mistake instead of acknowledging it", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await expect(store.mutate(async () => 1)).rejects.toBeInstanceOf(TypeError);
  });

  it("fails the batch, undoes it and keeps working when the data cannot be serialized", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.mutate((d) => void d.invites.push(invite("good")));
    const bad = store.mutate((d) => {
      (d as unknown as Record<string, unknown>).oops = 1n; // JSON.stringify throws on a BigInt
    });
    await expect(bad).rejects.toBeInstanceOf(StoreWriteFailed);
    expect("oops" in store.data).toBe(false);
    await store.mutate((d) => void d.invites.push(invite("later")));
    expect(codes(readJson(store.file) as never)).toEqual(["good", "later"]);
  });
});

describe("a failing disk", () => {
  for (const step of ["open", "write", "sync"] as const) {
    it(`rejects every change of a write whose ${step} fails with ENOSPC, undoes them, and recovers`, async () => {
      const dir = await tempDir();
      const { ops, fail } = flakyOps();
      const store = await openStore({ dir, fileOps: ops });
      await store.mutate((d) => void d.invites.push(invite("good")));
      const goodBytes = await fsp.readFile(store.file);
      const writesBefore = store.writes;

      fail.step = step;
      fail.delayMs = 20;
      const first = ["x1", "x2", "x3"].map((id) => store.mutate((d) => void d.invites.push(invite(id))));
      // Changes made while the failing write is under way were applied on top of it: undone too.
      await new Promise((r) => setTimeout(r, 5));
      const during = store.mutate((d) => void d.invites.push(invite("x4")));
      const results = await Promise.allSettled([...first, during]);
      for (const r of results) {
        expect(r.status).toBe("rejected");
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreWriteFailed);
        expect(String((r as PromiseRejectedResult).reason.message)).toContain("ENOSPC");
      }
      expect(codes(store.data)).toEqual(["good"]);
      expect(await fsp.readFile(store.file)).toEqual(goodBytes);
      expect(store.writes).toBe(writesBefore);
      // The partial temp file is removed, giving back the space.
      expect(fs.existsSync(`${store.file}.tmp`)).toBe(false);

      fail.step = undefined;
      fail.delayMs = 0;
      await store.mutate((d) => void d.invites.push(invite("after")));
      const again = await openStore({ dir });
      expect(codes(again.data)).toEqual(["good", "after"]);
    });
  }

  it("undoes a failed first write back to the file as it was read (hand-edited: a byte order mark, indented)", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "hoinghi.json");
    const onDisk = { ...emptyData(), accounts: { "console:1": account("1") }, invites: [invite("kept")] };
    await fsp.writeFile(file, `\uFEFF${JSON.stringify(onDisk, null, 2)}\n`);
    const { ops, fail } = flakyOps();
    const store = await openStore({ dir, fileOps: ops });
    expect(store.writes).toBe(0);
    fail.step = "write";
    await expect(
      store.mutate((d) => {
        d.invites.push(invite("lost"));
        delete d.accounts["console:1"];
      }),
    ).rejects.toBeInstanceOf(StoreWriteFailed);
    expect(store.data).toEqual(onDisk);
    fail.step = undefined;
    await store.mutate((d) => void d.invites.push(invite("after")));
    expect(readStore(dir)).toEqual({ ...onDisk, invites: [invite("kept"), invite("after")] });
  });

  it("keeps changes made after a failed write out of the failure", async () => {
    const dir = await tempDir();
    const { ops, fail } = flakyOps();
    const store = await openStore({ dir, fileOps: ops });
    fail.step = "open";
    await expect(store.mutate((d) => void d.invites.push(invite("lost")))).rejects.toBeInstanceOf(StoreWriteFailed);
    fail.step = undefined;
    await expect(store.mutate((d) => void d.invites.push(invite("kept")))).resolves.toBeUndefined();
    expect(codes(readJson(store.file) as never)).toEqual(["kept"]);
  });
});

describe("a file that does not load", () => {
  async function expectLeftAlone(content: string | Buffer, check: (err: unknown) => void): Promise<void> {
    const dir = await tempDir();
    const file = path.join(dir, "hoinghi.json");
    const bak = `${file}.bak`;
    await fsp.writeFile(file, content);
    await fsp.writeFile(bak, '{"schemaVersion":1,"note":"older"}');
    const fileBytes = await fsp.readFile(file);
    const bakBytes = await fsp.readFile(bak);
    const err = await openStore({ dir }).then(
      () => undefined,
      (e: unknown) => e,
    );
    check(err);
    expect(await fsp.readFile(file)).toEqual(fileBytes);
    expect(await fsp.readFile(bak)).toEqual(bakBytes);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  }

  it("refuses garbage with StoreFileCorrupt naming the file, and leaves the file and .bak as they were", async () => {
    const garbage = Buffer.concat([Buffer.from('{"accounts": {"telegram:1": '), Buffer.from([0, 255, 13, 10, 7])]);
    await expectLeftAlone(garbage, (err) => {
      expect(err).toBeInstanceOf(StoreFileCorrupt);
      expect((err as Error).message).toContain(`${path.sep}hoinghi.json`);
      expect((err as StoreFileCorrupt).file).toMatch(/hoinghi\.json$/);
    });
  });

  it("refuses an empty file", async () => {
    await expectLeftAlone("", (err) => expect(err).toBeInstanceOf(StoreFileCorrupt));
  });

  for (const content of ["null", "[]", "42", '"text"']) {
    it(`refuses a file whose top level is ${content}`, async () => {
      await expectLeftAlone(content, (err) => expect(err).toBeInstanceOf(StoreFileCorrupt));
    });
  }

  it("refuses a collection of the wrong kind", async () => {
    await expectLeftAlone(JSON.stringify({ ...emptyData(), accounts: [] }), (err) => {
      expect(err).toBeInstanceOf(StoreFileCorrupt);
      expect((err as Error).message).toContain('"accounts"');
    });
  });

  it("refuses a schemaVersion that is not a version number", async () => {
    await expectLeftAlone(JSON.stringify({ ...emptyData(), schemaVersion: "1" }), (err) =>
      expect(err).toBeInstanceOf(StoreFileCorrupt),
    );
  });

  it("refuses a file from a newer program (schemaVersion 99)", async () => {
    await expectLeftAlone(JSON.stringify({ ...emptyData(), schemaVersion: 99 }), (err) => {
      expect(err).toBeInstanceOf(StoreVersionTooNew);
      expect((err as Error).message).toContain("99");
    });
  });
});

describe("migration", () => {
  it("brings a file without schemaVersion to the current version with every collection, and writes it", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "hoinghi.json");
    const old = JSON.stringify({ accounts: { "console:1": account("1") }, schedule: { place: "Hall A" } });
    await fsp.writeFile(file, old);
    const store = await openStore({ dir });
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
    // 2 since score previews, 3 since notice drafts became stored objects (scores.previews, Data.noticeDrafts), 4 since conversation steps are typed values, 5 since score fields carry the appraisal's note, 6 since tasks (Data.tasks), 7 since the conclusions (Data.conclusions), 8 since the remediation plans (Data.remedies), 9 since the store is kept in parts (storage/partitions.ts), 10 since each conference keeps its own data (Data.conferences).
    expect(SCHEMA_VERSION).toBe(10);
    for (const key of Object.keys(emptyData())) expect(store.data).toHaveProperty(key);
    expect(store.data.accounts["console:1"]?.displayName).toBe("Person 1");
    // The one conference's own collections, every one, under the placeholder the app renames at start.
    const own = store.data.conferences[MIGRATED_CONFERENCE];
    for (const key of Object.keys(emptyConferenceData())) expect(own).toHaveProperty(key);
    expect(own?.schedule).toEqual({ place: "Hall A", sequence: 0, history: [] });
    expect(own?.scores).toEqual({ previousTables: [] });
    expect(readJson(file).schemaVersion).toBe(SCHEMA_VERSION);
    // The version-0 file is kept as the backup.
    expect(await fsp.readFile(`${file}.bak`, "utf8")).toBe(old);
  });

  it("does not rewrite a current file at open", async () => {
    const dir = await tempDir();
    const first = await openConferenceStore({ dir });
    await first.mutate((d) => void d.invites.push(invite("a")));
    await first.mutate((d) => void d.rsvps.push(rsvp("a")));
    const second = await openStore({ dir });
    expect(second.writes).toBe(0);
    expect(second.data.conferences[CONFERENCE]?.rsvps).toEqual([rsvp("a")]);
  });
});

describe("files around the store", () => {
  it("creates a missing directory and an empty store", async () => {
    const dir = path.join(await tempDir(), "nested", "data");
    const store = await openStore({ dir });
    expect(readStore(dir)).toEqual(emptyData());
    await store.close();
  });

  it("keeps the previous good version in .bak", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.mutate((d) => void d.invites.push(invite("one")));
    const afterOne = await fsp.readFile(store.file, "utf8");
    await store.mutate((d) => void d.invites.push(invite("two")));
    expect(await fsp.readFile(`${store.file}.bak`, "utf8")).toBe(afterOne);
    expect(codes(readJson(store.file) as never)).toEqual(["one", "two"]);
  });

  it("removes a stale temp file at open", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    await store.mutate((d) => void d.invites.push(invite("one")));
    await fsp.writeFile(`${store.file}.tmp`, '{"half a wri');
    const again = await openStore({ dir });
    expect(fs.existsSync(`${store.file}.tmp`)).toBe(false);
    expect(codes(again.data)).toEqual(["one"]);
  });
});
