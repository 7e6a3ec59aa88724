// The rules of the scores table in the domain core: who sees it, replacing, publishing, unpublishing, who hears a result.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { delegatesOf, type ParsedScoreTable, publishScores, replaceScoreTable, unpublishScores, visibleScores } from "../../src/domain/scores.js";
import { readScoreFile } from "../../src/scores/service.js";
import type { Role } from "../../storage/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes } from "../scores/helpers.js";

let h: TestApp;
let table: ParsedScoreTable;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  table = await readScoreFile(h.app.services.conference, "phong-tho-2023.sample.csv", sampleBytes());
});
afterEach(async () => {
  await h.close();
});

const ORG = "console:org-1";
const now = () => h.clock.now();
const store = () => h.app.store;
const snapshot = () => JSON.stringify(h.app.store.data);
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof UserError ? e.key : Promise.reject(e)));
const seenBy = (role: Role) => {
  try {
    const v = visibleScores(h.app.store.data, role);
    return v.published ? "published" : "preview";
  } catch (err) {
    if (err instanceof UserError) return err.key;
    throw err;
  }
};

describe("Ban tổ chức nhập bảng điểm Chỉ số CCHC, công bố tại hội nghị", () => {
  it("before publishing only organizers see the table (as a preview); after it everyone; unpublished, closed again", async () => {
    expect([seenBy("guest"), seenBy("delegate"), seenBy("organizer")]).toEqual(["scores-embargo", "scores-embargo", "scores-none"]);
    await replaceScoreTable(store(), { table, by: ORG, now: now() });
    expect([seenBy("guest"), seenBy("delegate"), seenBy("organizer")]).toEqual(["scores-embargo", "scores-embargo", "preview"]);
    const published = await publishScores(store(), { by: ORG, now: now() });
    expect(published.year).toBe(table.year);
    expect(h.app.store.data.scores).toMatchObject({ publishedAt: now().toISOString(), publishedBy: ORG });
    expect([seenBy("guest"), seenBy("delegate"), seenBy("organizer")]).toEqual(["published", "published", "published"]);
    await unpublishScores(store(), { by: ORG, now: now() });
    expect([seenBy("guest"), seenBy("delegate"), seenBy("organizer")]).toEqual(["scores-embargo", "scores-embargo", "preview"]);
    // The table is kept and may be published again.
    expect(await refusal(publishScores(store(), { by: ORG, now: now() }))).toBe("ok");
  });

  it("a new table replaces the old, keeps it among the previous tables, and is not published even if the old one was", async () => {
    const first = await replaceScoreTable(store(), { table, by: ORG, now: now() });
    await publishScores(store(), { by: ORG, now: now() });
    h.clock.advance(60_000);
    const second = await replaceScoreTable(store(), { table, by: "cli:hoinghi", now: now(), expectedCurrent: first.importedAt });
    expect(h.app.store.data.scores.current).toEqual(second);
    expect(h.app.store.data.scores.previousTables).toEqual([first]);
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
    expect(second).toMatchObject({ importedBy: "cli:hoinghi", importedAt: now().toISOString() });
  });

  it("refuses a stale preview, publishing twice or without a table, unpublishing what is not published; nothing changes", async () => {
    expect(await refusal(publishScores(store(), { by: ORG, now: now() }))).toBe("publish-no-table");
    expect(await refusal(unpublishScores(store(), { by: ORG, now: now() }))).toBe("publish-no-table");
    const first = await replaceScoreTable(store(), { table, by: ORG, now: now() });
    h.clock.advance(60_000);
    const before = snapshot();
    // Another import came between the preview and the confirmation.
    expect(await refusal(replaceScoreTable(store(), { table, by: ORG, now: now(), expectedCurrent: null }))).toBe("import-stale");
    expect(await refusal(publishScores(store(), { by: ORG, now: now(), expectedImportedAt: "2020-01-01T00:00:00.000Z" }))).toBe("publish-stale");
    expect(await refusal(unpublishScores(store(), { by: ORG, now: now() }))).toBe("publish-not-yet");
    expect(snapshot()).toBe(before);
    await publishScores(store(), { by: ORG, now: now(), expectedImportedAt: first.importedAt });
    const published = snapshot();
    expect(await refusal(publishScores(store(), { by: ORG, now: now() }))).toBe("publish-already-plain");
    expect(snapshot()).toBe(published);
  });

  it("each unit's result goes to every account of that unit, and to no one else", async () => {
    const ms1 = await h.delegate("Mường So", "Chủ tịch xã");
    const ms2 = await h.delegate("Mường So", "Văn phòng xã");
    const bl = await h.delegate("Bản Lang");
    h.organizer();
    const stored = await replaceScoreTable(store(), { table, by: ORG, now: now() });
    const byUnit = delegatesOf(h.app.store.data, stored);
    expect(byUnit.get("muong-so")?.sort()).toEqual([ms1.key, ms2.key].sort());
    expect(byUnit.get("ban-lang")).toEqual([bl.key]);
    expect([...byUnit.values()].flat()).not.toContain(ORG);
  });
});
