// Schema version 7 adds the conclusions (Thông báo kết luận): a store of version 6 (tasks assigned, the
// conference over, the day the program is upgraded) opens with nothing drafted yet, its tasks as they
// were, and its original kept; a conclusions record that is not one is refused at start-up.
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

const TASK = { n: 1, unitId: "muong-so", content: "Rà soát thủ tục hành chính", deadline: "2027-07-15", reportEvery: "none", assignedBy: "console:org-1", assignedAt: "2027-06-21T02:00:00.000Z", reports: [], decisions: [] };

/** A version-6 file: Mường So has a task, nothing of the conclusions exists. */
function version6(): Record<string, unknown> {
  const { conclusions: _none, ...rest } = emptyFlat();
  return { ...rest, schemaVersion: 6, tasks: { list: [TASK] } };
}

describe("schema version 7: the conclusions", () => {
  it("the migration 6 → 7 gives an empty draft and keeps the tasks", () => {
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    const data = migrate(structuredClone(version6()), "hoinghi.json");
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    // The one conference's own data is filed under a placeholder until the app gives it its id (version 10).
    const own = data.conferences[MIGRATED_CONFERENCE];
    expect(own?.conclusions).toEqual({ parts: [], comments: [] });
    expect(own?.tasks.list).toEqual([TASK]);
    expect(checkStore(data)).toBeUndefined();
  });

  it("a version-6 file on disk opens at the current version (7 brought the conclusions), written once, its original kept as hoinghi.json.v6.bak", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-conclusions-migration-"));
    dirs.push(dir);
    const file = path.join(dir, "hoinghi.json");
    const old = JSON.stringify(version6());
    await writeFile(file, old);
    const store = await openStore({ dir });
    try {
      const own = store.data.conferences[MIGRATED_CONFERENCE];
      expect(own?.conclusions.parts).toEqual([]);
      expect(own?.tasks.list[0]?.content).toBe("Rà soát thủ tục hành chính");
    } finally {
      await store.close();
    }
    expect(JSON.parse(await readFile(file, "utf8")).schemaVersion).toBe(SCHEMA_VERSION);
    expect(await readFile(`${file}.v6.bak`, "utf8")).toBe(old);
  });

  it("an issued record without its number, or a comment of an unknown way, is refused at start-up", () => {
    const record = { present: 60, invited: 68, unitsPresent: 20, units: 20, parts: [], tasks: [] };
    const issued = { number: "125", symbol: "TB-VP", day: "2027-06-25", at: "2027-06-25T02:00:00.000Z", by: "console:org-1", notices: {}, record };
    const conclusions = (value: unknown) => storeWith({ conclusions: value as never });
    expect(checkStore(conclusions({ parts: [], comments: [], issued }))).toBeUndefined();
    expect(checkStore(conclusions({ parts: [], comments: [], issued: { ...issued, number: "" } }))?.path).toBe(`${inConference()}.conclusions.issued.number`);
    const comment = { n: 1, unitId: "muong-so", text: "Đề nghị lùi hạn", by: "zalo:ms1", at: "2027-06-23T02:00:00.000Z", via: "fax" };
    expect(checkStore(conclusions({ parts: [], comments: [comment] }))?.path).toBe(`${inConference()}.conclusions.comments[0].via`);
  });
});
