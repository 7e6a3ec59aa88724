// Bad input at the new slots of issue 12 (speech drafts, withdrawal, the /datlich confirmation): every generated answer
// gets one clear Vietnamese sentence or does exactly what it says, the prompt stays open on a wrong answer, and nothing
// half-done is stored.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { writable } from "../../src/lib/text.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { awaitingKind } from "../../src/domain/sessions.js";
import { badText, DATE_PIECES, isVietnamese, refusalCatalogue, show } from "./arbitraries.js";
import { propertySeed } from "../helpers/seeds.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("new-slots", 12012);

const RUNS = Number(process.env.BAD_INPUT_FOCUSED ?? 30);
const NOW = "2027-05-01T02:00:00Z";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const speeches = (app: TestApp) => JSON.stringify(app.app.store.data.speeches);
const schedule = (app: TestApp) => JSON.stringify(app.app.store.data.schedule);

describe("the speech draft slot", () => {
  it("any message while a draft is open: a part kept as typed, the end of the draft, or one sentence with nothing changed", async () => {
    h = await createTestApp({ now: NOW });
    const app = h;
    const ms: Person = await app.delegate("Mường So");
    await fc.assert(
      fc.asyncProperty(fc.array(badText, { minLength: 1, maxLength: 4 }), async (messages) => {
        // "Nộp bản mới": the next messages are the text of a version.
        expect(await ms.say("/thamluan moi")).toContain("xong");
        for (const m of messages) {
          const before = [...(app.app.store.data.sessions[ms.key]?.collecting?.parts ?? [])];
          const versions = app.app.store.data.speeches["muong-so"]?.versions.length ?? 0;
          const reply = await ms.say(m);
          const after = app.app.store.data.sessions[ms.key]?.collecting?.parts ?? [];
          const nowVersions = app.app.store.data.speeches["muong-so"]?.versions.length ?? 0;
          expect(isVietnamese(reply), `${show(m)} → ${show(reply)}`).toBe(true);
          expect(reply).not.toContain("Đã xảy ra lỗi");
          if (/Đã nhận phần (\d+)/.test(reply)) {
            // Kept as typed, through the one text filter (no noncharacter, lone surrogate or bidi control).
            expect(after, `${show(m)} → ${show(reply)}`).toEqual([...before, writable(m.normalize("NFC").trim())]);
          } else if (nowVersions > versions) {
            // Only a message ending in "xong" submits; the version never contains that word as its last line.
            expect(reply).toContain("Đã nhận tham luận");
            const text = app.app.store.data.speeches["muong-so"]?.versions.at(-1)?.text ?? "";
            expect(/(^|\n)\s*\/?xong\W*$/i.test(text), show(text)).toBe(false);
          } else {
            // A refusal, an answer of another command, or a hint: the draft is as it was.
            expect(after, `${show(m)} → ${show(reply)}`).toEqual(before);
            expect(nowVersions).toBe(versions);
          }
        }
        await ms.say("/huy");
        expect(app.app.store.data.sessions[ms.key]?.collecting).toBeUndefined();
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it("any answer to 'rút bản 1?': withdrawn only by choosing 'Rút bản 1', otherwise the speech is unchanged", async () => {
    h = await createTestApp({ now: NOW });
    const app = h;
    const bl: Person = await app.delegate("Bản Lang");
    await bl.say("/thamluan Bản đầu của xã Bản Lang.");
    await fc.assert(
      fc.asyncProperty(badText, async (answer) => {
        expect(await bl.say("/thamluan rut")).toContain("1. Rút bản");
        const before = speeches(app);
        const reply = await bl.say(answer);
        expect(isVietnamese(reply), `${show(answer)} → ${show(reply)}`).toBe(true);
        if (answer.trim() === "1") {
          expect(reply).toContain("Đã rút tham luận");
          // Back to a version waiting for review, for the next run.
          await bl.say(`/thamluan Bản mới sau khi rút.`);
        } else {
          expect(speeches(app).length, `${show(answer)} → ${show(reply)}`).toBeGreaterThanOrEqual(before.length);
          expect(app.app.store.data.speeches["ban-lang"]?.withdrawals?.length ?? 0).toBe(
            JSON.parse(before)["ban-lang"]?.withdrawals?.length ?? 0,
          );
        }
        await bl.say("/huy");
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});

describe("the /datlich confirmation slot", () => {
  it("any time typed: saved at once, asked with 'Vẫn lưu'/'Sửa lại' and nothing saved, or refused with nothing saved", async () => {
    h = await createTestApp({ now: NOW, env: { SCHEDULE_CHECKS: "on" } });
    const app = h;
    const catalogue = refusalCatalogue(app.app.services.i18n, "vi");
    const org = app.organizer();
    await org.say("/start");
    const times = fc.oneof(fc.constantFrom(...DATE_PIECES), badText, fc.constantFrom("18/6 8:00", "20/6/2027 2h", "2/9/2027 8 giờ 30", "21/6/2027 8h", "22/6 19 giờ"));
    await fc.assert(
      fc.asyncProperty(times, badText, async (when, answer) => {
        const before = schedule(app);
        const reply = await org.say(`/datlich ${when}`);
        expect(isVietnamese(reply), `${show(when)} → ${show(reply)}`).toBe(true);
        if (org.last.at(-1)?.kind === "choices" && reply.includes("1. Vẫn lưu")) {
          expect(schedule(app), show(when)).toBe(before);
          expect(reply).toContain("2. Sửa lại");
          // Sửa lại, then any answer: either a new time (saved or asked again) or one sentence with the prompt still open.
          expect(await org.say("2")).toContain("gõ lại thời gian");
          const fixed = await org.say(answer);
          expect(isVietnamese(fixed), `${show(answer)} → ${show(fixed)}`).toBe(true);
          if (catalogue.classify(org.last)) {
            expect(awaitingKind(app.app.store.data.sessions[org.key]), show(answer)).toBe(answer.trim().startsWith("/") ? undefined : "schedule.redo");
          }
        } else if (catalogue.classify(org.last)) {
          expect(schedule(app), `${show(when)} → ${show(reply)}`).toBe(before);
        }
        await org.say("/huy");
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
