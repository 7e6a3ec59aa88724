// The whole conference on the console channel: the story of steps.ts, with the one expected outcome.
import { afterAll, describe, expect, it } from "vitest";
import { createTestApp } from "../helpers/app.js";
import { consoleLink, type Driver } from "./driver.js";
import { EXPECTED, runConference, START } from "./steps.js";

let d: Driver | undefined;
afterAll(async () => {
  await d?.close();
});

describe("the whole conference on the console", () => {
  it("units join, answer, submit, are reviewed; time and place are announced, reminders fire, scores are published, the report and the export agree", { timeout: 120_000 }, async () => {
    d = consoleLink(await createTestApp({ now: START }));
    expect(await runConference(d)).toEqual(EXPECTED);
  });
});
