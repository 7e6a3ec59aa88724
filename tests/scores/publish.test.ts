// Kết quả chưa công bố thì không lọt ra ngoài; Ban tổ chức công bố, mỗi xã, thị trấn nhận đúng kết quả của mình.
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { sampleBytes, sampleGrid, scoreStrings, sendTable } from "./helpers.js";
import { propertySeed } from "../helpers/seeds.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("scores-publish", 2023);

const EMBARGO = "Kết quả Chỉ số CCHC chưa được công bố. Kết quả sẽ có sau khi Ban tổ chức công bố tại hội nghị.";
const EMBARGO_EN = "The PAR index results have not been announced yet. They will be available once the organizers announce them at the conference.";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

async function importSample(): Promise<Person> {
  const org = h.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  expect(await org.say("1")).toContain("Đã thay thế bảng điểm");
  return org;
}

/** Vietnamese writing of a number: decimal comma. */
const vi = (n: number) => String(n).replace(".", ",");

describe("before /congbo", () => {
  it("answers every query of a guest, a delegate, Telegram and Zalo accounts with the one embargo sentence and no figure (property)", async () => {
    const askers: Person[] = [
      h.person("Khách"),
      await h.delegate("Mường So"),
      h.person("Khách Telegram", { channel: "telegram", userId: "555" }),
      await h.delegate("Bản Lang", "Đại biểu Telegram", { channel: "telegram", userId: "556" }),
      h.person("Khách Zalo", { channel: "zalo", userId: "z-1" }),
      await h.delegate("Nậm Xe", "Đại biểu Zalo", { channel: "zalo", userId: "z-2" }),
      h.person("Guest", { channel: "telegram", userId: "557", language: "en" }),
    ];
    const units = h.app.services.conference.units().flatMap((u) => [u.name, u.full_name ?? u.name, ...u.aliases]);
    const letters = [..."aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạềếểễệìíỏờởữựỳ 0123456789.,%-"];
    const query = fc.oneof(
      fc.constant(""),
      fc.constantFrom(...units, "muong so", "MƯỜNG SO", "UBND xã Mường So", "tt phong tho", "xep hang", "83,5", "1"),
      fc.string({ unit: fc.constantFrom(...letters), maxLength: 40 }),
    );
    const command = fc.constantFrom("/diem", "/score", "/xephang", "/ranking", "/diem@hoinghi_bot");
    const leaks = scoreStrings(sampleGrid());
    expect(leaks.length).toBeGreaterThan(50);

    const check = async (asker: Person) => {
      for (const r of asker.last) {
        expect(r.kind).toBe("text");
        const t = r.kind === "text" ? r.text : "";
        expect([EMBARGO, EMBARGO_EN]).toContain(t);
        for (const s of leaks) expect(t).not.toContain(s);
      }
    };
    // No table at all, then a table imported but not published: the same sentence both times.
    for (const asker of askers) {
      await asker.say("/diem Mường So");
      await check(asker);
    }
    await importSample();
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: askers.length - 1 }), command, query, async (who, cmd, q) => {
        const asker = askers[who] as Person;
        await asker.say(`${cmd} ${q}`.trim());
        expect(asker.last).toHaveLength(1);
        await check(asker);
      }),
      { numRuns: 250, seed: SEED },
    );
    // Nor does a guest's /diem without a unit start a question that could answer later.
    expect(h.app.store.data.sessions[(askers[0] as Person).key]?.awaiting).toBeUndefined();
    expect(h.sent).toEqual([]);
  });

  it("shows organizers a preview marked 'chưa công bố', in text and in the picture", async () => {
    const org = await importSample();
    const result = await org.say("/diem Mường So");
    expect(result).toMatch(/^\[DỮ LIỆU MẪU — không phải kết quả chính thức\]\n\[CHƯA CÔNG BỐ — bản xem trước, chỉ Ban tổ chức thấy\]\n/);
    expect(result).toContain("Tổng điểm: 83,5/100 điểm (83,5%)");
    const ranking = await org.say("/xephang");
    expect(ranking).toContain("[CHƯA CÔNG BỐ");
    const photo = org.last.find((r) => r.kind === "photo");
    expect(photo?.kind === "photo" && photo.caption).toContain("CHƯA CÔNG BỐ");
  });

  it("/congbo without a table says so, and is for organizers only", async () => {
    expect(await h.organizer().say("/congbo")).toBe("Chưa có bảng điểm để công bố. Dùng /nhapdiem để nhập bảng điểm trước.");
    await importSample();
    expect(await h.person("Khách").say("/congbo xacnhan")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(await (await h.delegate("Mường So")).say("/publish")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
  });
});

describe("/congbo", () => {
  it("asks to confirm; Hủy leaves the results unpublished", async () => {
    const org = await importSample();
    await h.delegate("Mường So");
    const asked = await org.say("/congbo");
    expect(asked).toContain("[DỮ LIỆU MẪU");
    expect(asked).toContain("Công bố kết quả Chỉ số CCHC năm 2023 (17 đơn vị)?");
    expect(asked).toContain("1 tài khoản đại biểu của 1 đơn vị sẽ nhận kết quả");
    expect(asked).toMatch(/1\. Xác nhận công bố\n2\. Hủy$/);
    expect(await org.press(2)).toBe("Đã hủy. Kết quả vẫn chưa công bố.");
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
    expect(h.sent).toEqual([]);
  });

  it("on confirmation publishes, and each commune's delegates receive exactly their own result, nobody else anything", async () => {
    const org = await importSample();
    const muongSo = [await h.delegate("Mường So", "Chủ tịch UBND xã Mường So"), await h.delegate("Mường So", "Công chức CCHC", { channel: "telegram", userId: "701" })];
    const banLang = await h.delegate("Bản Lang", "Đại biểu Bản Lang", { channel: "zalo", userId: "z-bl" });
    const town = await h.delegate("Thị trấn Phong Thổ");
    const agency = await h.delegate("Phòng Nội vụ");
    const guest = h.person("Khách");
    await guest.say("/start");

    await org.say("/congbo");
    const done = await org.say("1");
    expect(done).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023.");
    expect(done).toContain("Đã gửi kết quả tới 4/4 tài khoản đại biểu của 3 đơn vị.");
    expect(done).toContain("14 đơn vị chưa có đại biểu tham gia bot");
    expect(h.app.store.data.scores.publishedAt).toBe("2027-05-01T02:00:00.000Z");
    expect(h.app.store.data.scores.publishedBy).toBe(org.key);

    const byAccount = new Map<string, string[]>();
    for (const m of h.sent) byAccount.set(m.account, [...(byAccount.get(m.account) ?? []), m.text]);
    expect([...byAccount.keys()].sort()).toEqual([...muongSo.map((p) => p.key), banLang.key, town.key].sort());
    const titles = h.app.services.conference.units().map((u) => u.full_name ?? u.name);
    const expectOwn = async (p: Person, title: string) => {
      const texts = byAccount.get(p.key) ?? [];
      expect(texts).toHaveLength(1);
      const text = texts[0] as string;
      // The same text as /diem shows that unit, after one line saying the results are published.
      expect(text).toBe(`Ban tổ chức đã công bố kết quả Chỉ số CCHC năm 2023. Kết quả của đơn vị:\n\n${await p.say("/diem")}`);
      expect(text).toContain("[DỮ LIỆU MẪU");
      expect(text).toContain(`— ${title}`);
      for (const other of titles.filter((t) => t !== title)) expect(text).not.toContain(`— ${other}`);
    };
    for (const p of muongSo) await expectOwn(p, "UBND xã Mường So");
    await expectOwn(banLang, "UBND xã Bản Lang");
    await expectOwn(town, "UBND thị trấn Phong Thổ");
    expect(byAccount.has(agency.key)).toBe(false);
    expect(byAccount.has(guest.key)).toBe(false);
    expect(byAccount.get(muongSo[0]?.key ?? "")?.[0]).toContain("Tổng điểm: 83,5/100 điểm (83,5%)");
    expect(byAccount.get(town.key)?.[0]).toContain("Tổng điểm: 88/100 điểm (88%)");
  });

  it("makes /diem and /xephang public, with every figure equal to the table's", async () => {
    const org = await importSample();
    expect(await org.say("/congbo xacnhan")).toContain("Đã công bố");
    const guest = h.person("Khách", { channel: "zalo", userId: "z-guest" });
    const table = h.app.store.data.scores.current;
    for (const u of table?.units ?? []) {
      const unit = h.app.services.conference.unit(u.unitId);
      const reply = await guest.say(`/diem ${unit?.name}`);
      expect(reply).toContain(`— ${unit?.full_name}`);
      expect(reply).toContain(`Tổng điểm: ${vi(u.total)}/${u.max} điểm (${vi(u.total)}%)`);
      expect(reply).toContain(`Xếp hạng: ${u.rank}/17`);
      expect(reply).toContain(`Xếp loại: ${u.classification}`);
      for (const f of u.fields) expect(reply).toContain(`${f.id}. ${f.name}: ${vi(f.final)}/${f.max} (năm trước ${vi(f.previous as number)})`);
      expect(reply).not.toContain("CHƯA CÔNG BỐ");
    }
    const ranking = await guest.say("/xephang");
    for (const u of table?.units ?? []) expect(ranking).toContain(`${u.rank}. ${h.app.services.conference.unit(u.unitId)?.name}: ${vi(u.total)}/100 điểm, ${u.classification}`);
  });

  it("once published, says when and offers to send the results again", async () => {
    const org = await importSample();
    await h.delegate("Mường So");
    await org.say("/congbo xacnhan");
    expect(h.sent).toHaveLength(1);
    h.clock.advance(3_600_000);
    const again = await org.say("/congbo");
    expect(again).toContain("Kết quả Chỉ số CCHC năm 2023 đã được công bố lúc 9 giờ 00, thứ Bảy, ngày 1/5/2027.");
    expect(again).toMatch(/1\. Gửi lại kết quả cho các đơn vị\n2\. Đóng$/);
    expect(await org.say("1")).toContain("Đã gửi kết quả tới 1/1 tài khoản đại biểu của 1 đơn vị.");
    expect(h.sent).toHaveLength(2);
    expect(await org.say("/congbo xacnhan")).toBe("Kết quả đã được công bố lúc 9 giờ 00, thứ Bảy, ngày 1/5/2027.");
  });

  it("refuses to publish a table other than the one previewed", async () => {
    const org = await importSample();
    await org.say("/congbo");
    const other = h.person("Ban tổ chức 2", { channel: "telegram", userId: "9001" });
    h.clock.advance(60_000);
    await sendTable(other, sampleBytes(), "lan-hai.sample.csv");
    await other.say("1");
    expect(await org.say("1")).toBe("Bảng điểm đã thay đổi từ lúc xem trước. Vui lòng gõ /congbo để xem lại.");
    expect(h.app.store.data.scores.publishedAt).toBeUndefined();
  });
});
