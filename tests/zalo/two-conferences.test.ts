// Two conferences on one Zalo bot (issue 26), on the fake in its "like the real service" mode: the
// chairman of Mường So, who joined in 2023, gets the 2025 invitation without a new code (its Word
// letter named, as Zalo carries no Word file without a public address), is asked once which
// conference, answers "2" and then works on 2025.
import { afterEach, describe, expect, it } from "vitest";
import { ID_2025, write2025 } from "../conferences/helpers.js";
import { readStoredFile } from "../../src/lib/files.js";
import type { ZaloUser } from "./fake-server.js";
import { startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

/** A person on the fake who sends a message (text, or an update such as a photo) and reads what the bot answered to it, once it polls again. */
function talker(test: ZaloTest, user: ZaloUser) {
  const { fake } = test;
  return async (message: string | Record<string, unknown>): Promise<string> => {
    const before = fake.textsTo(user.id).length;
    if (typeof message === "string") fake.say(user, message);
    else fake.queue(message);
    await fake.waitForMessages(user.id, before + 1, 15_000);
    await fake.waitFor(() => fake.polling === 1, 15_000);
    await test.channel.outbox.idle();
    return fake.textsTo(user.id).slice(before).join("\n\n");
  };
}

/** A Zalo user who joined Mường So for 2023, then received the 2025 letter (the 2025 conference added); `letter`: what it said. */
async function invitedToBoth(name: string) {
  const test = await startZaloTest({ fakeOptions: { real: true }, fullBot: true });
  z = test;
  const { fake, h } = test;
  const user = test.user(name);
  const say = talker(test, user);
  expect(await say(await h.code("muong-so"))).toContain("đại biểu của UBND xã Mường So");
  const before = fake.textsTo(user.id).length;
  await h.app.conferences.add(await write2025(h.dir), "console:org-1");
  await test.channel.outbox.idle();
  await fake.waitForMessages(user.id, before + 2, 15_000);
  return { fake, h, user, say, letter: fake.textsTo(user.id).slice(before).join("\n\n") };
}

describe("hai hội nghị trên Zalo", () => {
  it("chủ tịch xã Mường So nhận giấy mời năm 2025, được hỏi một lần hội nghị nào, gõ 2, rồi đăng ký cho năm 2025", { timeout: 60_000 }, async () => {
    const { h, say, letter } = await invitedToBoth("Lò Văn Hùng");
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

  it("ảnh trang tham luận gửi lúc bot hỏi hội nghị nào được giữ lại (cả khi địa chỉ ảnh trên Zalo đổi); xã gõ 2, ảnh thành trang của tham luận năm 2025", { timeout: 60_000 }, async () => {
    const { fake, h, user, say } = await invitedToBoth("Lò Văn Sáu");

    expect(await say("/thamluan")).toContain("Đồng chí đang được mời dự 2 hội nghị");
    const bytes = Buffer.from("\u00ff\u00d8 trang 1 Mường So", "latin1");
    const asked = await say(fake.photo(user, fake.hostFile("trang-1.jpg", bytes)));
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toMatch(/Bot đã giữ lại tệp “zalo-[A-Za-z0-9_-]+\.jpg” đồng chí vừa gửi/);
    // Nothing filed in either conference yet; the address now serves other bytes: the bot kept its own.
    expect(h.app.conferences.get(ID_2025)?.store.data.speeches["muong-so"]).toBeUndefined();
    expect(h.app.store.data.speeches["muong-so"]).toBeUndefined();
    fake.hostFile("trang-1.jpg", Buffer.from("het han"));

    const chosen = await say("2");
    expect(chosen).toContain("Từ nay bot hiểu các tin nhắn của đồng chí cho Hội nghị Chỉ số CCHC năm 2025");
    expect(chosen).toContain("Đã nhận ảnh trang 1");
    expect(await say("/xong")).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1 (1 ảnh trang)");
    const version = h.app.conferences.get(ID_2025)?.store.data.speeches["muong-so"]?.versions[0];
    expect(version?.pages).toHaveLength(1);
    expect(await readStoredFile(h.dir, version?.pages?.[0]?.path ?? "")).toEqual(bytes);
    expect(h.app.store.data.speeches["muong-so"]).toBeUndefined();
  });
});
