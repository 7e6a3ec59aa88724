// The rules of voluntary speaking in the domain core: register, withdraw, one speaking order.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../src/domain/errors.js";
import { activeSpeakers, MAX_TOPIC, registerSpeaker, type SpeakerDeps, speakersOfUnit, speakingPosition, withdrawSpeaker } from "../../src/domain/speakers.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
let deps: SpeakerDeps;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  deps = h.app.services;
});
afterEach(async () => {
  await h.close();
});

const now = () => h.clock.now();
const snapshot = () => JSON.stringify(h.app.store.data);
const register = (unitId: string, topic: string) => registerSpeaker(deps, { unitId, topic, by: `console:${unitId}`, now: now() });
const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof UserError ? e.key : Promise.reject(e)));

describe("xã Mường So và xã Bản Lang đăng ký phát biểu tham luận tại hội nghị", () => {
  it("the speaking order is the order of registration; a withdrawal takes one out and the rest move up", async () => {
    const first = await register("muong-so", "Kinh nghiệm số hóa hồ sơ một cửa");
    h.clock.advance(60_000);
    const second = await register("ban-lang", "Chính quyền số ở xã Bản Lang");
    h.clock.advance(60_000);
    const third = await register("muong-so", "Đào tạo công chức");
    expect([first.position, second.position, third.position]).toEqual([1, 2, 3]);
    expect(activeSpeakers(h.app.store.data).map((s) => s.topic)).toEqual([
      "Kinh nghiệm số hóa hồ sơ một cửa",
      "Chính quyền số ở xã Bản Lang",
      "Đào tạo công chức",
    ]);

    const withdrawn = await withdrawSpeaker(deps, { unitId: "muong-so", id: first.speaker.id, by: "console:muong-so", now: now() });
    expect(withdrawn.withdrawnAt).toBe(now().toISOString());
    expect(speakingPosition(h.app.store.data, second.speaker.id)).toBe(1);
    expect(speakingPosition(h.app.store.data, first.speaker.id)).toBe(0);
    expect(speakersOfUnit(h.app.store.data, "muong-so").map((s) => s.topic)).toEqual(["Đào tạo công chức"]);
    // The entry stays, marked withdrawn.
    expect(h.app.store.data.speakers).toHaveLength(3);
  });

  it("without an id a unit withdraws its latest registration", async () => {
    await register("muong-so", "Một");
    await register("muong-so", "Hai");
    const withdrawn = await withdrawSpeaker(deps, { unitId: "muong-so", by: "console:muong-so", now: now() });
    expect(withdrawn.topic).toBe("Hai");
  });

  it("the same topic twice is refused (case and diacritics aside), but a withdrawn topic may be registered again", async () => {
    const entry = await register("muong-so", "Chính quyền số");
    const before = snapshot();
    expect(await refusal(register("muong-so", "chinh quyen so"))).toBe("speak-duplicate");
    expect(snapshot()).toBe(before);
    // Another unit may speak on the same topic.
    expect(await refusal(register("ban-lang", "Chính quyền số"))).toBe("ok");
    await withdrawSpeaker(deps, { unitId: "muong-so", id: entry.speaker.id, by: "console:muong-so", now: now() });
    expect(await refusal(register("muong-so", "Chính quyền số"))).toBe("ok");
  });

  it("refuses a topic too long, and withdrawing what the unit does not have; nothing changes", async () => {
    const other = await register("ban-lang", "Của xã Bản Lang");
    const before = snapshot();
    expect(await refusal(register("muong-so", "x".repeat(MAX_TOPIC + 1)))).toBe("speak-too-long");
    expect(await refusal(withdrawSpeaker(deps, { unitId: "muong-so", by: "console:muong-so", now: now() }))).toBe("speak-nothing-to-withdraw");
    // A unit cannot withdraw another unit's registration.
    expect(await refusal(withdrawSpeaker(deps, { unitId: "muong-so", id: other.speaker.id, by: "console:muong-so", now: now() }))).toBe("speak-not-found");
    expect(snapshot()).toBe(before);
  });
});
