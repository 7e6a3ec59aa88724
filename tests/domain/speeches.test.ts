// The speech rules of the domain core: every transition and its refusals, the draft, and what a review files.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setSchedule } from "../../src/domain/schedule.js";
import {
  acceptSpeech,
  addDraftPage,
  addDraftPart,
  draftOf,
  isWithdrawn,
  MAX_REVIEW_NOTE,
  MAX_SPEECH_CHARS,
  maySubmit,
  openDraft,
  requestChanges,
  SpeechClosed,
  type SpeechDeps,
  type SpeechStatus,
  speechStatus,
  submitDocument,
  submitDraft,
  submitText,
  withdrawSpeech,
} from "../../src/domain/speeches.js";
import { UserError } from "../../src/domain/errors.js";
import type { SpeechRecord } from "../../storage/schema.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
let deps: SpeechDeps;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  deps = h.app.services;
});
afterEach(async () => {
  await h.close();
});

const MS = "muong-so";
const DELEGATE = "console:lo-van-sau";
const ORG = "console:org-1";
const now = () => h.clock.now();
const record = (): SpeechRecord | undefined => h.app.store.data.speeches[MS];
const status = (): SpeechStatus => speechStatus(record());
const snapshot = () => JSON.stringify(h.app.store.data);
const file = (name: string) => ({ name, mime: "application/pdf", size: 3, path: `files/${name}` });

/** The conference starts on 20/6/2027 at 14:00 (local): speeches are due three days before, 17/6 at 14:00. */
async function setStart(): Promise<void> {
  await setSchedule(deps, { start: new Date("2027-06-20T07:00:00Z"), by: ORG, now: now() });
}
const AFTER_DEADLINE = "2027-06-17T07:01:00Z";

/** Refusal key of a domain call, or "ok". */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "ok";
  } catch (err) {
    if (err instanceof UserError) return err.key;
    throw err;
  }
}

const steps = {
  submit: () => submitText(deps, { unitId: MS, by: DELEGATE, now: now(), text: "Thưa Hội nghị, xã Mường So xin báo cáo." }),
  accept: () => acceptSpeech(deps, { unitId: MS, version: record()?.versions.length ?? 0, by: ORG, now: now() }),
  changes: () => requestChanges(deps, { unitId: MS, version: record()?.versions.length ?? 0, by: ORG, now: now(), note: "Bổ sung số liệu năm 2023." }),
  withdraw: () => withdrawSpeech(deps, { unitId: MS, by: DELEGATE, now: now() }),
  lateClock: async () => h.clock.set(AFTER_DEADLINE),
};
type Step = keyof typeof steps;

describe("every transition of a speech, and its refusals", () => {
  // Each row: the history so far, then one action; what the action gives and where the speech stands after.
  const table: Array<{ story: string; before: Step[]; action: Step; gives: string; after: SpeechStatus }> = [
    { story: "a unit with nothing submits: waiting for review", before: [], action: "submit", gives: "ok", after: "submitted" },
    { story: "the organizers accept a submitted speech", before: ["submit"], action: "accept", gives: "ok", after: "accepted" },
    { story: "the organizers ask for changes to a submitted speech", before: ["submit"], action: "changes", gives: "ok", after: "changes_requested" },
    { story: "an accepted speech may still be replaced before the deadline (back to review)", before: ["submit", "accept"], action: "submit", gives: "ok", after: "submitted" },
    { story: "a speech sent back for changes is submitted again", before: ["submit", "changes"], action: "submit", gives: "ok", after: "submitted" },
    { story: "an accepted speech is not accepted twice", before: ["submit", "accept"], action: "accept", gives: "review-already-accepted", after: "accepted" },
    { story: "changes may still be asked of an accepted speech", before: ["submit", "accept"], action: "changes", gives: "ok", after: "changes_requested" },
    { story: "nothing to review before a submission", before: [], action: "accept", gives: "review-nothing", after: "none" },
    { story: "nothing to send back before a submission", before: [], action: "changes", gives: "review-nothing", after: "none" },
    { story: "a unit withdraws its speech: it counts as nothing submitted", before: ["submit"], action: "withdraw", gives: "ok", after: "none" },
    { story: "an accepted speech may be withdrawn before the deadline", before: ["submit", "accept"], action: "withdraw", gives: "ok", after: "none" },
    { story: "nothing to withdraw before a submission", before: [], action: "withdraw", gives: "speech-nothing-to-withdraw", after: "none" },
    { story: "a withdrawn speech is not withdrawn twice", before: ["submit", "withdraw"], action: "withdraw", gives: "speech-nothing-to-withdraw", after: "none" },
    { story: "a withdrawn speech cannot be reviewed", before: ["submit", "withdraw"], action: "accept", gives: "review-nothing", after: "none" },
    { story: "after a withdrawal a new version counts again", before: ["submit", "withdraw"], action: "submit", gives: "ok", after: "submitted" },
    { story: "after the deadline a first submission is refused", before: ["lateClock"], action: "submit", gives: "speech-deadline-passed", after: "none" },
    { story: "after the deadline an accepted speech is no longer replaced", before: ["submit", "accept", "lateClock"], action: "submit", gives: "speech-deadline-passed", after: "accepted" },
    { story: "after the deadline a speech sent back for changes may still be resubmitted", before: ["submit", "changes", "lateClock"], action: "submit", gives: "ok", after: "submitted" },
    { story: "after the deadline a speech is no longer withdrawn", before: ["submit", "lateClock"], action: "withdraw", gives: "speech-deadline-passed", after: "submitted" },
    { story: "after the deadline the organizers still review", before: ["submit", "lateClock"], action: "accept", gives: "ok", after: "accepted" },
  ];

  for (const row of table) {
    it(row.story, async () => {
      await setStart();
      for (const step of row.before) expect(await outcome(steps[step])).toBe("ok");
      const before = snapshot();
      const gives = await outcome(steps[row.action]);
      expect(gives).toBe(row.gives);
      expect(status()).toBe(row.after);
      // A refusal changes nothing at all.
      if (gives !== "ok") expect(snapshot()).toBe(before);
    });
  }
});

describe("the rules as written", () => {
  it("maySubmit: open without a deadline or before it; after it only for a speech sent back for changes", () => {
    const deadline = new Date("2027-06-17T07:00:00Z");
    const before = new Date("2027-06-17T06:59:00Z");
    const after = new Date("2027-06-17T07:01:00Z");
    const v = { n: 1, kind: "text" as const, text: "x", by: DELEGATE, at: "2027-05-01T02:00:00.000Z" };
    const accepted: SpeechRecord = { unitId: MS, versions: [v], reviews: [{ version: 1, decision: "accepted", by: ORG, at: v.at }] };
    const changes: SpeechRecord = { unitId: MS, versions: [v], reviews: [{ version: 1, decision: "changes_requested", note: "n", by: ORG, at: v.at }] };
    expect(maySubmit(undefined, undefined, after)).toBe(true);
    expect(maySubmit(accepted, deadline, before)).toBe(true);
    expect(maySubmit(accepted, deadline, after)).toBe(false);
    expect(maySubmit(undefined, deadline, after)).toBe(false);
    expect(maySubmit(changes, deadline, after)).toBe(true);
  });

  it("tham luận đã được chấp nhận vẫn được thay trước hạn: the new version is kept beside the old and goes back to review", async () => {
    await setStart();
    await steps.submit();
    await steps.accept();
    const v2 = await submitText(deps, { unitId: MS, by: DELEGATE, now: now(), text: "Bản thay thế, bổ sung số liệu." });
    expect(v2.n).toBe(2);
    expect(record()?.versions.map((v) => v.text)).toEqual(["Thưa Hội nghị, xã Mường So xin báo cáo.", "Bản thay thế, bổ sung số liệu."]);
    expect(status()).toBe("submitted");
  });

  it("a closed deadline is refused with the deadline itself, for the handler to say in the person's words", async () => {
    await setStart();
    h.clock.set(AFTER_DEADLINE);
    const err = await steps.submit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SpeechClosed);
    expect((err as SpeechClosed).deadline.toISOString()).toBe("2027-06-17T07:00:00.000Z");
  });

  it("refuses an empty text, one too long, a note too long, and a review of a version that is no longer the latest", async () => {
    expect(await outcome(() => submitText(deps, { unitId: MS, by: DELEGATE, now: now(), text: "  " }))).toBe("speech-empty");
    expect(await outcome(() => submitText(deps, { unitId: MS, by: DELEGATE, now: now(), text: "x".repeat(MAX_SPEECH_CHARS + 1) }))).toBe("speech-too-long");
    await steps.submit();
    await steps.submit();
    expect(await outcome(() => acceptSpeech(deps, { unitId: MS, version: 1, by: ORG, now: now() }))).toBe("review-stale");
    const note = "x".repeat(MAX_REVIEW_NOTE + 1);
    expect(await outcome(() => requestChanges(deps, { unitId: MS, version: 2, by: ORG, now: now(), note }))).toBe("review-note-too-long");
    expect(status()).toBe("submitted");
  });

  it("a review result is to be filed as a review notice by the organizer who gave it", async () => {
    await steps.submit();
    const result = await acceptSpeech(deps, { unitId: MS, version: 1, by: ORG, now: now() });
    expect(result.notice).toEqual({ kind: "review", createdBy: ORG });
    expect(result.review).toMatchObject({ version: 1, decision: "accepted", by: ORG });
  });

  it("every refusal of the speech rules has its sentence in Vietnamese and English", async () => {
    const keys = new Set<string>();
    const collect = async (run: () => Promise<unknown>) => {
      const key = await outcome(run);
      if (key !== "ok") keys.add(key);
    };
    await collect(steps.withdraw);
    await collect(steps.accept);
    await collect(() => submitText(deps, { unitId: MS, by: DELEGATE, now: now(), text: "" }));
    await collect(() => addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "x" }));
    await collect(() => submitDraft(deps, { unitId: MS, by: DELEGATE, now: now() }));
    await setStart();
    h.clock.set(AFTER_DEADLINE);
    await collect(steps.submit);
    expect(keys.size).toBe(6);
    for (const language of ["vi", "en"]) {
      const t = h.app.services.i18n.forLanguage(language);
      for (const key of keys) expect(t(key, { unit: "UBND xã Mường So", deadline: "17/6/2027", n: 1, id: MS, max: 1, length: 1 })).not.toBe("");
    }
    expect(h.app.services.i18n.forLanguage("vi")("speech-nothing-to-withdraw", { unit: "UBND xã Mường So" })).toBe(
      "UBND xã Mường So chưa nộp tham luận nào (hoặc đã rút), nên không có gì để rút.",
    );
  });

  it("a withdrawal keeps every version (append-only) and is itself recorded", async () => {
    await steps.submit();
    await steps.withdraw();
    expect(record()?.versions.length).toBe(1);
    expect(record()?.withdrawals).toEqual([{ version: 1, by: DELEGATE, at: now().toISOString() }]);
    expect(isWithdrawn(record())).toBe(true);
  });
});

describe("a speech collected over several messages", () => {
  it("parts typed one by one become one text version, joined as paragraphs; the draft ends", async () => {
    await openDraft(deps, { by: DELEGATE, now: now() });
    expect(await addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "Phần một." })).toBe(1);
    expect(await addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "Phần hai." })).toBe(2);
    const v = await submitDraft(deps, { unitId: MS, by: DELEGATE, now: now() });
    expect(v).toMatchObject({ n: 1, kind: "text", text: "Phần một.\n\nPhần hai.", by: DELEGATE });
    expect(draftOf(h.app.store.data, DELEGATE)).toBeUndefined();
  });

  it("photos of pages become one photo version with every page in order, captions as its text", async () => {
    expect(await addDraftPage(deps, { unitId: MS, by: DELEGATE, now: now(), page: file("trang-1.jpg"), caption: "Trang đầu" })).toBe(1);
    expect(await addDraftPage(deps, { unitId: MS, by: DELEGATE, now: now(), page: file("trang-2.jpg") })).toBe(2);
    const v = await submitDraft(deps, { unitId: MS, by: DELEGATE, now: now() });
    expect(v.kind).toBe("photo");
    expect(v.pages?.map((p) => p.name)).toEqual(["trang-1.jpg", "trang-2.jpg"]);
    expect(v.file?.name).toBe("trang-1.jpg");
    expect(v.text).toBe("Trang đầu");
  });

  it("a document is a whole speech at once; parts typed before it stay for later", async () => {
    await openDraft(deps, { by: DELEGATE, now: now() });
    await addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "Phần đã gõ." });
    const v = await submitDocument(deps, { unitId: MS, by: DELEGATE, now: now(), file: file("tham-luan.pdf") });
    expect(v).toMatchObject({ n: 1, kind: "document", file: { name: "tham-luan.pdf" } });
    expect(draftOf(h.app.store.data, DELEGATE)?.parts).toEqual(["Phần đã gõ."]);
  });

  it("an empty draft ends once a text version is in", async () => {
    await openDraft(deps, { by: DELEGATE, now: now() });
    await steps.submit();
    expect(draftOf(h.app.store.data, DELEGATE)).toBeUndefined();
  });

  it("refuses a part without a draft, an empty part, a part that makes the text too long, and /xong with nothing collected; nothing changes", async () => {
    expect(await outcome(() => addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "x" }))).toBe("speech-not-collecting");
    expect(await outcome(() => submitDraft(deps, { unitId: MS, by: DELEGATE, now: now() }))).toBe("speech-nothing-collected");
    await openDraft(deps, { by: DELEGATE, now: now() });
    await addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "x".repeat(MAX_SPEECH_CHARS - 10) });
    const before = snapshot();
    expect(await outcome(() => addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "" }))).toBe("speech-part-empty");
    expect(await outcome(() => addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "y".repeat(20) }))).toBe("speech-part-too-long");
    expect(await outcome(() => addDraftPage(deps, { unitId: MS, by: DELEGATE, now: now(), page: file("p.jpg"), caption: "y".repeat(20) }))).toBe(
      "speech-part-too-long",
    );
    expect(snapshot()).toBe(before);
  });

  it("after the deadline neither a part nor a page nor the draft is taken", async () => {
    await setStart();
    await openDraft(deps, { by: DELEGATE, now: now() });
    await addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "Phần trước hạn." });
    h.clock.set(AFTER_DEADLINE);
    const before = snapshot();
    expect(await outcome(() => addDraftPart(deps, { unitId: MS, by: DELEGATE, now: now(), part: "Muộn." }))).toBe("speech-deadline-passed");
    expect(await outcome(() => addDraftPage(deps, { unitId: MS, by: DELEGATE, now: now(), page: file("p.jpg") }))).toBe("speech-deadline-passed");
    expect(await outcome(() => submitDraft(deps, { unitId: MS, by: DELEGATE, now: now() }))).toBe("speech-deadline-passed");
    expect(snapshot()).toBe(before);
  });
});

describe("xã Mường So nộp tham luận, Ban tổ chức đề nghị sửa, xã nhận thông báo", () => {
  it("the request for changes reaches the commune and is filed as a review notice by the organizer who sent it", async () => {
    const org = h.organizer();
    await org.say("/start");
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    await ms.say("/thamluan Thưa Hội nghị, xã Mường So xin báo cáo một số giải pháp.");
    const sent = await org.say("/duyet muong-so v1 sua Đề nghị bổ sung số liệu năm 2023.");
    expect(sent).toContain("Đã gửi đề nghị chỉnh sửa bản 1 cho UBND xã Mường So");
    expect(h.sent.filter((m) => m.account === ms.key).at(-1)?.text).toContain("Đề nghị bổ sung số liệu năm 2023.");
    const review = h.app.store.data.notices.filter((n) => n.kind === "review");
    expect(review).toHaveLength(1);
    expect(review[0]?.createdBy).toBe(org.key);
    expect(h.app.store.data.deliveries.filter((d) => d.noticeId === review[0]?.id).map((d) => d.account)).toEqual([ms.key]);
    // The organizers' own "new version" message is not a review.
    expect(h.app.store.data.notices.some((n) => n.kind === "review" && n.createdBy === "system")).toBe(false);
  });
});
