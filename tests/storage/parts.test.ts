// The store in parts (issue 26): a change writes only the files it touched, all or nothing across a crash; a store of one file moves into the parts, its original kept.
import * as fs from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FileOps, realFileOps } from "../../storage/durable-file.js";
import { partFile, partOf } from "../../storage/partitions.js";
import { type Data, migrate, SCHEMA_VERSION } from "../../storage/schema.js";
import { openStore, StoreChangeUntracked } from "../../storage/store.js";
import { CONFERENCE, emptyFlat, openConferenceStore, withConference } from "../helpers/conference-store.js";
import { account, cleanupTempDirs, readJson, readStore, rsvp, tempDir } from "./helpers.js";

afterEach(cleanupTempDirs);

const AT = "2027-05-02T02:00:00.000Z";

/** A notice to the delegates of Mường So, as the outbox writes one. */
function notice(id: string): Data["notices"][number] {
  return { id, kind: "broadcast", text: "Kính gửi các đồng chí: lịch họp trù bị (DỮ LIỆU MẪU)", audience: "all", createdBy: "console:org-1", createdAt: AT, sendAt: AT, queuedAt: AT, ackable: true };
}

/** One change touching four files: an account's bucket, the conference's file (an RSVP), the notices, the notice's deliveries. */
function joinAnswerAndNotice(d: Data, n: number): void {
  const a = account(`muong-so-${n}`);
  d.accounts[a.key] = a;
  d.rsvps.push(rsvp(`ghe-${n}`));
  d.notices.push(notice(`N${n}`));
  d.deliveries.push({ noticeId: `N${n}`, account: a.key, state: "pending", attempts: 0 });
}

/** Real file operations, until the `after`-th step of the disk: then every step fails, as if the process had died there. */
function dyingOps(after: number): { ops: FileOps; steps: () => number } {
  let steps = 0;
  const step = () => {
    steps += 1;
    if (steps > after) throw Object.assign(new Error("killed"), { code: "EKILLED" });
  };
  const ops: FileOps = {
    ...realFileOps,
    open: (async (...args: Parameters<FileOps["open"]>) => {
      step();
      const handle = await realFileOps.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        step();
        await sync();
      };
      return handle;
    }) as FileOps["open"],
    rename: async (a, b) => {
      step();
      await realFileOps.rename(a, b);
    },
    copyFile: (async (...args: Parameters<FileOps["copyFile"]>) => {
      step();
      await realFileOps.copyFile(...args);
    }) as FileOps["copyFile"],
    unlink: async (f) => {
      step();
      await realFileOps.unlink(f);
    },
    syncDir: async (d) => {
      step();
      await realFileOps.syncDir(d);
    },
  };
  return { ops, steps: () => steps };
}

describe("a change writes only the files it touched", () => {
  it("a delegate's answer rewrites the conference's file; the main file, the accounts' buckets and the notices' deliveries stay as they were", async () => {
    const dir = await tempDir();
    const store = await openConferenceStore({ dir });
    await store.mutate((d) => {
      for (let n = 0; n < 20; n++) joinAnswerAndNotice(d, n);
    });
    const deliveriesFile = partFile(store.file, partOf("deliveries", "N3"));
    const bucket = partFile(store.file, partOf("accounts", "console:muong-so-3"));
    const conferenceFile = partFile(store.file, partOf("conferences", CONFERENCE));
    expect(conferenceFile).toBe(path.join(dir, "hoinghi.parts", "conferences", `${CONFERENCE}.json`));
    const before = [fs.statSync(deliveriesFile).mtimeMs, fs.statSync(bucket).mtimeMs, fs.statSync(store.file).mtimeMs, fs.statSync(conferenceFile).mtimeMs];
    await new Promise((r) => setTimeout(r, 20));
    await store.mutate((d) => void d.rsvps.push(rsvp("ghe-moi")));
    expect(fs.statSync(deliveriesFile).mtimeMs).toBe(before[0]);
    expect(fs.statSync(bucket).mtimeMs).toBe(before[1]);
    expect(fs.statSync(store.file).mtimeMs).toBe(before[2]);
    expect(fs.statSync(conferenceFile).mtimeMs).not.toBe(before[3]);
    expect((readJson(conferenceFile).conferences as Record<string, Data>)[CONFERENCE]?.rsvps.at(-1)?.seatId).toBe("ghe-moi");
    // A delivery sent changes its notice's file only.
    await store.mutate((d) => {
      const x = d.deliveries.find((y) => y.noticeId === "N3");
      if (x) x.state = "sent";
    });
    expect(fs.statSync(deliveriesFile).mtimeMs).not.toBe(before[0]);
    expect(fs.statSync(bucket).mtimeMs).toBe(before[1]);
    await store.close();
  });

  it("every collection changed through mutate() is found after reopening", async () => {
    const dir = await tempDir();
    const root = await openStore({ dir });
    const store = await withConference(root);
    await store.mutate((d) => joinAnswerAndNotice(d, 1));
    await store.mutate((d) => {
      const k = "console:muong-so-1";
      d.sessions[k] = { choices: { setId: "c1", steps: [{ kind: "rsvp.seat", seat: "ghe-1" }], offeredAt: AT } };
      (d.accounts[k] as Data["accounts"][string]).lastSeenAt = AT;
      d.failedCodes[k] = { count: 1 };
      d.schedule.place = "Hội trường UBND xã";
      d.invites.push({ code: "MUONGSO1", target: "muong-so", issuedAt: AT });
      d.noticeDrafts.D1 = { id: "D1", kind: "broadcast", text: "Nháp", createdBy: "console:org-1", createdAt: AT, updatedAt: AT };
      d.handledUpdates.telegram = [{ key: "1", at: AT }];
      d.tasks.list.push({ n: 1, unitId: "muong-so", content: "Số hóa hồ sơ", deadline: "2027-09-30", reportEvery: "none", assignedBy: "console:org-1", assignedAt: AT, reports: [], decisions: [] });
      (d.notices[0] as Data["notices"][number]).reportedAt = AT;
      const x = d.deliveries[0] as Data["deliveries"][number];
      x.state = "sent";
      x.ackAt = AT;
    });
    // A list shortened in place, and a record's entry removed.
    await store.mutate((d) => {
      d.rsvps.splice(0, 1);
      delete d.failedCodes["console:muong-so-1"];
    });
    const expected = structuredClone(root.data);
    await store.close();
    const again = await openStore({ dir });
    expect(again.data).toEqual(expected);
    expect(again.data.conferences[CONFERENCE]?.schedule.place).toBe("Hội trường UBND xã");
    await again.close();
  });

  it("reads the accounts back in the order they joined, though they are kept in 32 buckets", async () => {
    const dir = await tempDir();
    const store = await openStore({ dir });
    for (let n = 0; n < 40; n++) await store.mutate((d) => void (d.accounts[`console:don-vi-${n}`] = account(`don-vi-${n}`)));
    // One leaves and joins again: last now.
    await store.mutate((d) => void delete d.accounts["console:don-vi-3"]);
    await store.mutate((d) => void (d.accounts["console:don-vi-3"] = account("don-vi-3")));
    const order = Object.keys(store.data.accounts);
    expect(order.at(-1)).toBe("console:don-vi-3");
    await store.close();
    const again = await openStore({ dir });
    expect(Object.keys(again.data.accounts)).toEqual(order);
    expect(JSON.stringify(again.data)).toBe(JSON.stringify(store.data));
    await again.close();
  });

  it("a change made to the data outside mutate()'s argument is caught in tests, never silently lost", async () => {
    const dir = await tempDir();
    const store = await openConferenceStore({ dir });
    await store.mutate((d) => joinAnswerAndNotice(d, 1));
    const outside = store.data.accounts["console:muong-so-1"] as Data["accounts"][string];
    const change = store.mutate(() => {
      outside.displayName = "Đổi ngoài";
    });
    await expect(change).rejects.toBeInstanceOf(StoreChangeUntracked);
    await store.close();
  });
});

describe("a change of several files across a crash: all of it or none (issue 26, item 1)", () => {
  it("killed at each step of the disk in turn, the store opens with the whole change or without it", async () => {
    // How many steps the change takes when nothing dies.
    const probeDir = await tempDir();
    const probe = dyingOps(Number.POSITIVE_INFINITY);
    const s = await withConference(await openStore({ dir: probeDir, fileOps: probe.ops, verify: false }));
    const base = probe.steps();
    await s.mutate((d) => joinAnswerAndNotice(d, 2));
    const total = probe.steps() - base;
    await s.close();
    expect(total).toBeGreaterThan(8);

    const seen = { whole: 0, none: 0 };
    for (let after = 0; after < total; after++) {
      const dir = await tempDir();
      const first = await openConferenceStore({ dir });
      await first.mutate((d) => joinAnswerAndNotice(d, 1));
      await first.close();
      const dying = dyingOps(Number.POSITIVE_INFINITY);
      const store = await openConferenceStore({ dir, fileOps: dying.ops, verify: false });
      // The process "dies" `after` steps into the change: nothing it does afterwards reaches the disk.
      Object.assign(dying.ops, dyingOps(after).ops);
      await store.mutate((d) => joinAnswerAndNotice(d, 2)).catch(() => {});
      // A restart: the same folder opened again (this process holds the lock, so it is shared).
      const again = await openConferenceStore({ dir });
      const d = again.data;
      const has = [!!d.accounts["console:muong-so-2"], d.rsvps.some((r) => r.seatId === "ghe-2"), d.notices.some((n) => n.id === "N2"), d.deliveries.some((x) => x.noticeId === "N2")];
      expect(new Set(has).size, `killed after ${after} steps: ${has}`).toBe(1);
      expect(d.accounts["console:muong-so-1"]).toBeDefined();
      seen[has[0] ? "whole" : "none"] += 1;
      await again.close();
    }
    // Both outcomes happen: before the commit record is on disk none, after it the whole.
    expect(seen.whole).toBeGreaterThan(0);
    expect(seen.none).toBeGreaterThan(0);
  });
});

describe("a store of one file moves into its parts (schema version 9, and 10 since)", () => {
  it("keeps everything (the same data after reopening) and keeps the original as hoinghi.json.v8.bak", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "hoinghi.json");
    const old = { ...emptyFlat(), schemaVersion: 8 };
    for (let n = 0; n < 5; n++) joinAnswerAndNotice(old, n);
    old.sessions["console:muong-so-1"] = { awaiting: { step: { kind: "rsvp.name", seat: "ghe-1" }, prompt: "rsvp-ask-name", offeredAt: AT } };
    const text = JSON.stringify(old);
    await fsp.writeFile(file, text);
    const expected = migrate(JSON.parse(text), file);
    expect(expected.schemaVersion).toBe(SCHEMA_VERSION);

    const store = await openStore({ dir });
    expect(store.data).toEqual(expected);
    await store.close();
    expect(await fsp.readFile(`${file}.v8.bak`, "utf8")).toBe(text);
    // The main file holds no account, no notice, no delivery, no answer any more: they are in their parts.
    const main = readJson(file);
    expect(main.schemaVersion).toBe(SCHEMA_VERSION);
    expect(Object.keys(main)).not.toContain("accounts");
    expect(Object.keys(main)).not.toContain("deliveries");
    expect(Object.keys(main)).not.toContain("rsvps");
    expect(readStore(dir)).toEqual(expected);
    const again = await openStore({ dir });
    expect(again.writes).toBe(0);
    expect(again.data).toEqual(expected);
    await again.close();
  });
});
