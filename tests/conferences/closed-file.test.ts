// A closed conference reads the copy of its file kept when it closed (DATA_DIR/conferences/<id>.closed.yaml),
// whatever becomes of the original, and still finds the 2025 reform's mapping it names (issue 26).
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONFERENCE, ROOT } from "../../src/config/paths.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe("hội nghị đã kết thúc đọc bản chép tệp hội nghị", () => {
  it("hội nghị Lai Châu 2025 kết thúc, tệp gốc bị xóa: khởi động lại vẫn mở được, vẫn đọc bảng đối chiếu xã cũ – mới", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { CONFERENCE_FILE: DEFAULT_CONFERENCE } });
    const dir = h.dir;
    // The province's file, copied where an organizer keeps it (its mapping path relative to the shipped samples).
    const own = path.join(dir, "lai-chau-2025.yaml");
    await writeFile(own, await readFile(path.join(ROOT, "conferences", "lai-chau-2025.yaml")));
    const added = await h.app.conferences.add(own, "console:org-1");
    expect(added.conference.id).toBe("lai-chau-2025");
    await h.app.conferences.close("lai-chau-2025", "console:org-1");
    const kept = path.join(dir, "conferences", "lai-chau-2025.closed.yaml");
    expect(await readFile(kept, "utf8")).toBe(await readFile(own, "utf8"));
    await h.app.close();
    await rm(own);

    h = await createTestApp({ now: "2027-05-02T02:00:00Z", dir, env: { CONFERENCE_FILE: DEFAULT_CONFERENCE } });
    const c = h.app.conferences.get("lai-chau-2025");
    expect(c?.conference.closed()).toBe(true);
    expect(c?.conference.file).toBe(kept);
    expect(c?.conference.reform?.units.length).toBeGreaterThan(0);
    expect(h.app.conferences.list().map((x) => [x.id, x.status])).toEqual([
      ["phong-tho-2023", "running"],
      ["lai-chau-2025", "closed"],
    ]);
  });
});
