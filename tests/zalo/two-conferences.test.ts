// Two conferences on one Zalo bot (issue 26), on the fake in its "like the real service" mode: the
// chairman of Mường So, who joined in 2023, gets the 2025 invitation without a new code (its Word
// letter named, as Zalo carries no Word file without a public address), is asked once which
// conference, answers "2" and then works on 2025.
import { afterEach, describe, expect, it } from "vitest";
import { ID_2025, write2025 } from "../conferences/helpers.js";
import { startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

describe("hai hội nghị trên Zalo", () => {
  it("chủ tịch xã Mường So nhận giấy mời năm 2025, được hỏi một lần hội nghị nào, gõ 2, rồi đăng ký cho năm 2025", { timeout: 60_000 }, async () => {
    z = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
    const { fake, h } = z;
    const user = z.user("Lò Văn Hùng");
    const say = async (text: string): Promise<string> => {
      const before = fake.textsTo(user.id).length;
      fake.say(user, text);
      await fake.waitForMessages(user.id, before + 1, 15_000);
      await fake.waitFor(() => fake.polling === 1, 15_000);
      await (z as ZaloTest).channel.outbox.idle();
      return fake.textsTo(user.id).slice(before).join("\n\n");
    };
    expect(await say(await h.code("muong-so"))).toContain("đại biểu của UBND xã Mường So");

    const before = fake.textsTo(user.id).length;
    await h.app.conferences.add(await write2025(h.dir), "console:org-1");
    await z.channel.outbox.idle();
    await fake.waitForMessages(user.id, before + 2, 15_000);
    const letter = fake.textsTo(user.id).slice(before).join("\n\n");
    expect(letter).toContain("trân trọng kính mời UBND xã Mường So dự Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ năm 2025");
    expect(letter).toContain("không cần nhập lại mã mời");
    expect(letter).toContain("giay-moi-muong-so.docx");

    const asked = await say("/dangky");
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toContain("2. Hội nghị Chỉ số CCHC năm 2025");
    const chosen = await say("2");
    expect(chosen).toContain("Từ nay bot hiểu các tin nhắn của đồng chí cho Hội nghị Chỉ số CCHC năm 2025");
    expect(chosen).toContain("Chủ tịch UBND xã");
    await say("chu tich xa");
    expect(await say("toi di")).toContain("Chủ tịch UBND xã: tham dự, Lò Văn Hùng.");
    expect(h.app.conferences.get(ID_2025)?.store.data.rsvps.map((r) => [r.unitId, r.seatId, r.status])).toEqual([["muong-so", "chair", "attend"]]);
    expect(h.app.store.data.rsvps).toEqual([]);
  });
});
