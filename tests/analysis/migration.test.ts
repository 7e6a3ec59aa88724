// The store's version 5: score fields may carry the appraisal's note. A version-4 file of a running
// conference (its table imported and published) opens with every figure kept; a note is checked as text.
import * as fsp from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MIGRATED_CONFERENCE, SCHEMA_VERSION, type ScoreTable } from "../../storage/schema.js";
import { openStore, StoreInvalid } from "../../storage/store.js";
import { emptyFlat } from "../helpers/conference-store.js";
import { cleanupTempDirs, readJson, tempDir } from "../storage/helpers.js";

afterEach(cleanupTempDirs);

function table(fieldExtra: Record<string, unknown> = {}): ScoreTable {
  return {
    year: 2023,
    importedAt: "2024-06-10T02:00:00.000Z",
    importedBy: "console:org-1",
    source: "phong-tho-2023.sample.csv",
    sample: true,
    units: [
      {
        unitId: "muong-so",
        total: 12,
        max: 14,
        rank: 1,
        rankOf: 1,
        classification: "Khá",
        fields: [
          {
            id: "3",
            name: "Cải cách thủ tục hành chính",
            max: 14,
            self: 13.25,
            appraised: 12,
            final: 12,
            previous: 11,
            children: [{ id: "3.1", name: "Công khai thủ tục hành chính", max: 14, self: 13.25, appraised: 12, final: 12, ...fieldExtra }],
          },
        ],
      },
    ],
  };
}

async function storeFile(content: unknown): Promise<{ dir: string; file: string }> {
  const dir = await tempDir();
  const file = path.join(dir, "hoinghi.json");
  await fsp.writeFile(file, JSON.stringify(content));
  return { dir, file };
}

describe("version 4 → 5: the appraisal's notes", () => {
  it("a version-4 store with a published table opens at the current version (5 brought the notes), every score as it was, and is written back so", async () => {
    const old = { ...emptyFlat(), schemaVersion: 4, scores: { current: table(), previousTables: [table()], publishedAt: "2024-06-20T03:00:00.000Z", publishedBy: "console:org-1" } };
    const { dir, file } = await storeFile(old);
    const store = await openStore({ dir });
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(7);
    expect(store.data.schemaVersion).toBe(SCHEMA_VERSION);
    // The one conference's own data is filed under a placeholder until the app gives it its id (version 10).
    const scores = store.data.conferences[MIGRATED_CONFERENCE]?.scores;
    expect(scores?.current).toEqual(table());
    expect(scores?.previousTables).toEqual([table()]);
    expect(scores?.publishedAt).toBe("2024-06-20T03:00:00.000Z");
    await store.close();
    expect(readJson(file).schemaVersion).toBe(SCHEMA_VERSION);
    // The version-4 original is kept beside it.
    expect(JSON.parse(await fsp.readFile(`${file}.v4.bak`, "utf8")).schemaVersion).toBe(4);
  });

  it("a note a version-4 file holds that is not text (typed by hand) goes; a text note stays", async () => {
    const bad = { ...emptyFlat(), schemaVersion: 4, scores: { current: table({ note: 42 }), previousTables: [], previews: [{ id: "p1", by: "console:org-1", via: "chat", table: table({ note: "Thiếu hồ sơ" }), replaces: null, at: "2024-06-10T02:00:00.000Z" }] } };
    const { dir } = await storeFile(bad);
    const store = await openStore({ dir });
    const scores = store.data.conferences[MIGRATED_CONFERENCE]?.scores;
    const criterion = scores?.current?.units[0]?.fields[0]?.children?.[0];
    expect(criterion).toBeDefined();
    expect(criterion).not.toHaveProperty("note");
    expect(scores?.previews?.[0]?.table.units[0]?.fields[0]?.children?.[0]?.note).toBe("Thiếu hồ sơ");
    await store.close();
  });

  it("a version-5 file whose note is not text is refused at start-up, the file untouched", async () => {
    const broken = { ...emptyFlat(), schemaVersion: 5, scores: { current: table({ note: ["không phải chữ"] }), previousTables: [] } };
    const { dir, file } = await storeFile(broken);
    const before = await fsp.readFile(file, "utf8");
    await expect(openStore({ dir })).rejects.toBeInstanceOf(StoreInvalid);
    expect(await fsp.readFile(file, "utf8")).toBe(before);
  });
});
