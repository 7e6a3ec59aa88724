// A speech draft hears questions (issue 22, item 5): a question typed in the middle is answered and
// not stored, "gửi xong rồi" finishes, a photo sent at the choice step starts the new version with it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { IncomingFile } from "../../src/messages/types.js";
import { createTestApp, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const photo = (n: number): IncomingFile => {
  const bytes = Buffer.from(`\u00ff\u00d8 trang ${n}`, "latin1");
  return { kind: "photo", name: "", mime: "image/jpeg", size: bytes.length, download: async () => bytes };
};
const draftParts = (key: string) => h.app.store.data.sessions[key]?.collecting?.parts ?? [];
const versions = () => h.app.store.data.speeches["muong-so"]?.versions ?? [];

describe("xã Mường So soạn tham luận, giữa chừng hỏi hạn nộp", () => {
  it("'khi nao het han?' is answered (the speech deadline), not stored; 'gui xong roi' files the two parts", async () => {
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    await ms.say("/thamluan");
    expect(await ms.say("Phần 1: tình hình cải cách hành chính của xã.")).toContain("Đã nhận phần 1");
    const asked = await ms.say("khi nao het han?");
    expect(asked).toContain("Hạn");
    expect(asked).toContain("không được thêm vào bản tham luận");
    expect(draftParts(ms.key)).toHaveLength(1);
    expect(await ms.say("Phần 2: kiến nghị, đề xuất.")).toContain("Đã nhận phần 2");
    expect(await ms.say("gui xong roi")).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    expect(versions()[0]?.text).toBe("Phần 1: tình hình cải cách hành chính của xã.\n\nPhần 2: kiến nghị, đề xuất.");
  });

  it("a question the bot cannot answer is not lost either: one tap adds it to the draft", async () => {
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan");
    await ms.say("Kính thưa các đồng chí,");
    const said = await ms.say("Vậy làm sao để xã nâng điểm?");
    expect(said).toContain("Bot chưa trả lời được câu hỏi “Vậy làm sao để xã nâng điểm?”");
    expect(draftParts(ms.key)).toHaveLength(1);
    expect(await ms.press(1)).toContain("Đã thêm câu đó vào bản tham luận (phần 2)");
    expect(await ms.say("xong roi nhe")).toContain("bản 1");
    expect(versions()[0]?.text).toBe("Kính thưa các đồng chí,\n\nVậy làm sao để xã nâng điểm?");
  });

  it("a photo sent at the choice step (a version already submitted) starts the new version with it", async () => {
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan Bản thứ nhất của tham luận.");
    expect(await ms.say("/thamluan")).toContain("1. Nộp bản mới");
    expect(await ms.say("", { file: photo(1) })).toContain("Đã nhận ảnh trang 1");
    expect(await ms.say("", { file: photo(2) })).toContain("Đã nhận ảnh trang 2");
    expect(await ms.say("het")).toContain("bản 2");
    expect(versions().map((v) => v.kind)).toEqual(["text", "photo"]);
    expect(versions()[1]?.pages).toHaveLength(2);
  });

  it("at the choice step, words choose ('nop ban moi'), and words that choose nothing ask again", async () => {
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan Bản thứ nhất.");
    await ms.say("/thamluan");
    const again = await ms.say("cam on");
    expect(again).toContain("Bot chưa hiểu “cam on”.");
    expect(again).toContain("1. Nộp bản mới");
    expect(versions()).toHaveLength(1);
    expect(await ms.say("nop ban moi")).toContain("vui lòng gửi nội dung bản mới");
  });
});
