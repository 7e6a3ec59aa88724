// The whole conference on Zalo, against the fake Zalo Bot API server: the story of steps.ts, with the one expected outcome.
import { afterAll, describe, expect, it } from "vitest";
import type { Driver } from "./driver.js";
import { EXPECTED, runConference, START } from "./steps.js";
import { TASKS_EXPECTED, walkTasks } from "./tasks-steps.js";
import { startZaloDriver } from "./zalo-driver.js";

let d: Driver | undefined;
afterAll(async () => {
  await d?.close();
});

describe("the whole conference on Zalo (fake Bot API like the real service: replays, 404 without webhook; long polling)", () => {
  it("units join, answer by typed numbers, submit, are reviewed; time and place are announced ('đã nhận' typed), reminders fire; the score table and the workbook go through the console organizer (Zalo carries no documents); the report and the export agree", { timeout: 120_000 }, async () => {
    const zalo = await startZaloDriver(START);
    d = zalo;
    expect(await runConference(d)).toEqual(EXPECTED);
    // Every update the people sent came three times (consumed, then replayed twice), and was answered once.
    const given = zalo.fake.calls.filter((c) => c.method === "getUpdates" && c.status === 200).length;
    expect(given).toBeGreaterThan(30);
    expect(given % 3).toBe(0);
  });

  it("after the conference, a unit walks /nhiemvu: its task, a progress report, \"xong\"; the organizer accepts and the unit is told", { timeout: 60_000 }, async () => {
    if (!d) throw new Error("the conference did not start");
    expect(await walkTasks(d)).toEqual(TASKS_EXPECTED);
  });
});
