// Every document the bot writes parses as XML, whatever people typed (issue 21, item 3): hostile names, answers, topics and places, generated, go into the sign-in list, the letters and the workbook, which are read back part by part.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileAnswering, illFormedParts } from "../documents/helpers.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { hostileText, show } from "./arbitraries.js";

// A fixed seed: the same inputs on every run. A longer hunt: XML_DOCUMENT_RUNS=200 XML_DOCUMENT_SEED=<n> npx vitest run tests/proof/documents-xml.test.ts
const RUNS = Number(process.env.XML_DOCUMENT_RUNS ?? 10);
const SEED = Number(process.env.XML_DOCUMENT_SEED ?? 2121);

let h: TestApp;
let org: Person;
beforeAll(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
});
afterAll(async () => {
  await h.close();
});

/** The parts of the file an organizer's command answers with that a strict XML reader refuses. */
async function problemsOf(command: string): Promise<string[]> {
  const file = await fileAnswering(org, command);
  return (await illFormedParts(file.data)).map((p) => `${command}: ${p}`);
}

describe("whatever a delegate is called and answers, and wherever organizers meet", () => {
  it("the sign-in list, the letters and the workbook parse as XML, every part of them", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({ displayName: hostileText, attend: fc.option(hostileText, { nil: undefined }), substitute: hostileText, position: hostileText, reason: hostileText, topic: hostileText, place: hostileText }),
        async (input) => {
          run++;
          const d = await h.delegate("Mường So", input.displayName, { userId: `hostile-${run}` });
          await d.say(input.attend === undefined ? "/dangky 1 thamdu" : `/dangky 1 thamdu ${input.attend}`);
          await d.say(`/dangky 2 thay ${input.substitute}, ${input.position}`);
          await d.say(`/dangky 3 vang ${input.reason}`);
          await d.say(`/phatbieu ${input.topic}`);
          await org.say(`/datlich 20/06/2027 08:00 | ${input.place}`);
          const problems = [...(await problemsOf("/danhsach")), ...(await problemsOf("/giaymoi")), ...(await problemsOf("/xuat"))];
          expect(problems, Object.entries(input).map(([k, v]) => `${k}=${show(v ?? "")}`).join(", ")).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
  }, 120_000);
});
