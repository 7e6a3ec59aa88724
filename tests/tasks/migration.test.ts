// Schema version 6 adds the tasks: a store of version 5 (a conference running the day the program is
// upgraded) opens with an empty task list, its other contents as they were, and its original kept.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATED_CONFERENCE, migrate, SCHEMA_VERSION } from "../../storage/schema.js";
import { openStore } from "../../storage/store.js";
import { checkStore } from "../../storage/validate.js";
import { emptyFlat, inConference, storeWith } from "../helpers/conference-store.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** A version-5 file: what the bot wrote before tasks existed. */
function version5(): Record<string, unknown> {
  const { tasks: _none, remedies: _later, ...rest } = emptyFlat();
  return {
    ...rest,
    schemaVersion: 5,
    accounts: { "zalo:ms1": { key: "zalo:ms1", channel: "zalo", userId: "ms1", chatId: "ms1", displayName: "Lò Văn Hùng", language: "vi", unitId: "muong-so" } },
    notices: [{ id: "abc123", kind: "chase", text: "Nhắc", audience: "units:muong-so", createdBy: "console:org-1", createdAt: "2027-06-01T01:00:00.000Z", sendAt: "2027-06-01T01:00:00.000Z", ackable: true }],
  };
}

describe("schema version 6: tasks", () => {
  it("the migration 5 → 6 gives an empty task list and keeps everything else", () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(6);
    const old = version5();
    const data = migrate(structuredClone(old), "hoinghi.json");
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    // The one conference's own data is filed under a placeholder until the app gives it its id (version 10).
    expect(data.conferences[MIGRATED_CONFERENCE]?.tasks).toEqual({ list: [] });
    expect(data.accounts).toEqual(old.accounts);
    expect(data.notices).toEqual(old.notices);
    expect(checkStore(data)).toBeUndefined();
  });

  it("a version-5 file on disk opens at the current version, written once, its original kept as hoinghi.json.v5.bak", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-tasks-migration-"));
    dirs.push(dir);
    const file = path.join(dir, "hoinghi.json");
    const old = JSON.stringify(version5());
    await writeFile(file, old);
    const store = await openStore({ dir });
    try {
      expect(store.data.conferences[MIGRATED_CONFERENCE]?.tasks.list).toEqual([]);
      expect(store.data.accounts["zalo:ms1"]?.unitId).toBe("muong-so");
    } finally {
      await store.close();
    }
    expect(JSON.parse(await readFile(file, "utf8")).schemaVersion).toBe(SCHEMA_VERSION);
    expect(await readFile(`${file}.v5.bak`, "utf8")).toBe(old);
  });

  it("a task with a typed state, an unknown report kind or a deadline that is no day is refused at start-up", () => {
    const task = { n: 1, unitId: "muong-so", content: "Rà soát", deadline: "2027-07-15", reportEvery: "none" as const, assignedBy: "console:org-1", assignedAt: "2027-06-21T02:00:00.000Z", reports: [], decisions: [] };
    const tasks = (list: unknown[]) => storeWith({ tasks: { list: list as never } });
    expect(checkStore(tasks([task]))).toBeUndefined();
    expect(checkStore(tasks([{ ...task, deadline: "15/7/2027" }]))?.path).toBe(`${inConference()}.tasks.list[0].deadline`);
    expect(checkStore(tasks([{ ...task, reports: [{ n: 1, kind: "maybe", by: "x", at: "2027-06-21T02:00:00.000Z" }] }]))?.path).toBe(`${inConference()}.tasks.list[0].reports[0].kind`);
  });
});
