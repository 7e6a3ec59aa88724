// The whole conference on the console channel: the story of steps.ts, with the one expected outcome.
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { consoleLink, type Driver } from "./driver.js";
import { EXPECTED, runConference, START } from "./steps.js";
import { TASKS_EXPECTED, walkTasks } from "./tasks-steps.js";

let d: Driver | undefined;
afterAll(async () => {
  await d?.close();
});

describe("the whole conference on the console", () => {
  it("units join, answer, submit, are reviewed; time and place are announced, reminders fire, scores are published, the report and the export agree", { timeout: 120_000 }, async () => {
    d = consoleLink(await createTestApp({ now: START }));
    expect(await runConference(d)).toEqual(EXPECTED);
  });

  it("after the conference, a unit walks /nhiemvu: its task, a progress report, \"xong\"; the organizer accepts and the unit is told", { timeout: 60_000 }, async () => {
    if (!d) throw new Error("the conference did not start");
    expect(await walkTasks(d)).toEqual(TASKS_EXPECTED);
  });
});
