// The whole conference on Telegram, against the Bot API emulator: the story of steps.ts, with the one expected outcome.
import { afterAll, describe, expect, it } from "vitest";
import type { Driver } from "./driver.js";
import { EXPECTED, runConference, START } from "./steps.js";
import { TASKS_EXPECTED, walkTasks } from "./tasks-steps.js";
import { startTelegramDriver, TOKEN } from "./telegram-driver.js";

let d: Driver | undefined;
afterAll(async () => {
  if (!d) return;
  expect(d.h.logs.join("\n")).not.toContain(TOKEN);
  await d.close();
});

describe("the whole conference on Telegram (telegram-test-api)", () => {
  it("units join, answer (a button for a numbered choice), submit, are reviewed; time and place are announced ('Đã nhận' by its button), reminders fire, scores are published, the report and the export agree", { timeout: 120_000 }, async () => {
    d = await startTelegramDriver(START);
    // Telegram's one message a second per chat would make the story wait on the clock; the pace
    // overall (30 a second) stays as in production.
    d.h.app.outbox.configure({ limits: { telegram: { chatGapMs: 20 } } });
    expect(await runConference(d)).toEqual(EXPECTED);
  });

  it("after the conference, a unit walks /nhiemvu: its task, a progress report, \"xong\"; the organizer accepts and the unit is told", { timeout: 60_000 }, async () => {
    if (!d) throw new Error("the conference did not start");
    expect(await walkTasks(d)).toEqual(TASKS_EXPECTED);
  });
});
