// A name or an answer holding characters XML cannot carry (U+FFFE, U+FFFF, other noncharacters) no longer breaks the sign-in list or the workbook (issue 21, item 3).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { fileAnswering, illFormedParts, readDocx } from "./helpers.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
  await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
});
afterEach(async () => {
  await h.close();
});

const fileOf = (command: string) => fileAnswering(org, command);

describe("a delegate whose name holds U+FFFE answers the invitation", () => {
  it("the sign-in list still opens, with the name as it reads, and so does the workbook", async () => {
    const ms = await h.delegate("Mường So", "Lò Văn\uFFFE Minh");
    expect(await ms.say("/dangky 1 thamdu")).toContain("Lò Văn Minh");
    await ms.say("/dangky 2 thay Tao Thị\uFFFF Hoa, Phó Chủ tịch\uFDD0 UBND xã");
    await ms.say("/dangky 3 vang Đi học lớp bồi dưỡng\u{10FFFE} tại tỉnh");
    // Nothing a reader cannot see was kept.
    expect(h.app.store.data.rsvps.map((r) => r.name ?? r.reason)).toEqual(["Lò Văn Minh", "Tao Thị Hoa", "Đi học lớp bồi dưỡng tại tỉnh"]);

    const list = await fileOf("/danhsach");
    expect(await illFormedParts(list.data)).toEqual([]);
    const { paragraphs } = await readDocx(list.data);
    expect(paragraphs).toContain("Lò Văn Minh");
    expect(paragraphs).toContain("Tao Thị Hoa (dự thay)");
    expect(paragraphs).toContain("Đi học lớp bồi dưỡng tại tỉnh");

    const workbook = await fileOf("/xuat");
    expect(await illFormedParts(workbook.data)).toEqual([]);
  });

  it("a name already in the store from before (hand-edited or kept from an older version) is left out of the documents, not written into them", async () => {
    const ms = await h.delegate("Mường So", "Lò Văn Minh");
    await ms.say("/dangky 1 thamdu");
    await h.app.store.mutate((d) => {
      const answer = d.rsvps[0];
      if (answer) answer.name = "Lò Văn\uFFFE Minh\uFFFF";
      const account = d.accounts[ms.key];
      if (account) account.displayName = "Lò\uFDD0 Văn Minh";
    });
    const list = await fileOf("/danhsach");
    expect(await illFormedParts(list.data)).toEqual([]);
    expect((await readDocx(list.data)).paragraphs).toContain("Lò Văn Minh");
    expect(await illFormedParts((await fileOf("/xuat")).data)).toEqual([]);
  });
});
