// Plain words, measured (issue 22, item 8): every phrasing of the corpus (tests/fixtures/plain-words/*.tsv) is
// read as its expected understanding, and none of them, sent to the bot, changes the store wrongly: a question
// is answered, a request that needs a yes is asked, a misunderstood text is asked back — nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerUnderstandingOf, corpusFiles, loadCorpus, STEP_FILES, understandingOf } from "../../bench/words-corpus.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

const files = corpusFiles().filter((f) => !STEP_FILES.has(f));

describe("the corpus is understood", () => {
  it("has at least 300 phrasings besides the answers to the bot's own questions", () => {
    expect(files.flatMap(loadCorpus).length).toBeGreaterThanOrEqual(300);
  });
  for (const file of files) {
    describe(file, () => {
      it.each(loadCorpus(file).map((r) => [`${r.line}: ${r.role} "${r.typed}"`, r] as const))("%s", (_name, r) => {
        expect(understandingOf(r.typed, r.role)).toBe(r.expected);
      });
    });
  }
});

describe("the answers to the bot's own questions are understood (seats, attend / substitute / absent, names, the speech draft, the newcomer, yes / no)", () => {
  for (const file of STEP_FILES) {
    it.each(loadCorpus(file).map((r) => [`${file}:${r.line}: ${r.asked} — "${r.typed}"`, r] as const))("%s", (_name, r) => {
      expect(answerUnderstandingOf(r.asked, r.typed)).toBe(r.expected);
    });
  }
});

/** The store as a person would notice it: everything but the open conversations (choices offered, questions waiting). */
function stateOf(h: TestApp): string {
  const { sessions: _sessions, ...rest } = h.app.store.data;
  return JSON.stringify(rest);
}

describe("no phrasing changes the store wrongly", () => {
  let h: TestApp;
  let people: Record<string, Person>;
  beforeAll(async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    const organizer = h.organizer("Lò Thị Nội Vụ");
    // The hall code is issued once, before: an organizer's "điểm danh" shows it then and writes nothing.
    await organizer.say("/diemdanh");
    people = { organizer, delegate: await h.delegate("Mường So", "Lò Văn Hùng"), guest: h.person("Khách") };
  });
  afterAll(async () => {
    await h.close();
  });

  // Typed commands do what they say (/dangky 1 tham dự … saves an answer): only the words are checked here.
  const phrasings = files.flatMap(loadCorpus).filter((r) => !r.typed.startsWith("/") || !r.expected.startsWith("/"));
  it.each(phrasings.map((r) => [`${r.file}:${r.line} ${r.role} "${r.typed}" (${r.expected})`, r] as const))("%s", async (_name, r) => {
    const person = people[r.role] as Person;
    const before = stateOf(h);
    const said = await person.say(r.typed);
    expect(said.length, "every phrasing gets an answer").toBeGreaterThan(0);
    expect(stateOf(h)).toBe(before);
    // What was offered is closed, so that the next phrasing is read afresh.
    await person.say("/huy");
  });
});
