// The speech's confirmations answered in words (issue 22, item 1): "đúng rồi", "ok", "có" confirm the
// withdrawal or the new version that replaces an accepted one; "không", "thôi" keep things as they are;
// other words ask again and change nothing; once the question is answered, a later "ok" is not a yes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const record = () => h.app.store.data.speeches["muong-so"];
const withdrawn = () => (record()?.withdrawals ?? []).map((w) => w.version);

/** Xã Mường So has submitted version 1 and asked to withdraw it. */
async function askedToWithdraw(): Promise<Person> {
  const ms = await h.delegate("Mường So", "Lò Văn Sáu");
  await ms.say("/thamluan Cải cách hành chính ở xã Mường So.");
  expect(await ms.say("/thamluan rut")).toContain("1. Rút bản 1");
  return ms;
}

describe("xã Mường So trả lời câu hỏi rút tham luận bằng lời", () => {
  it.each(["dung roi", "ok", "có", "vâng ạ", "dong y"])("'%s' withdraws version 1", async (typed) => {
    const ms = await askedToWithdraw();
    expect(await ms.say(typed)).toContain("Đã rút tham luận bản 1 của UBND xã Mường So");
    expect(withdrawn()).toEqual([1]);
  });

  it.each(["khong", "thoi", "không phải", "ko"])("'%s' keeps version 1", async (typed) => {
    const ms = await askedToWithdraw();
    expect(await ms.say(typed)).toContain("Đã giữ nguyên tham luận bản 1");
    expect(withdrawn()).toEqual([]);
  });

  it("words that are neither ask again with the choices, and change nothing; then 'ok' withdraws", async () => {
    const ms = await askedToWithdraw();
    const again = await ms.say("de em xem lai da");
    expect(again).toContain("Bot chưa hiểu “de em xem lai da”");
    expect(again).toContain("trả lời “có” hoặc “không”");
    expect(again).toContain("1. Rút bản 1");
    expect(withdrawn()).toEqual([]);
    expect(await ms.say("ok")).toContain("Đã rút tham luận bản 1");
    expect(withdrawn()).toEqual([1]);
  });

  it("a question typed meanwhile is answered, and the question stays open", async () => {
    const ms = await askedToWithdraw();
    const answered = await ms.say("hop o dau vay");
    expect(answered).not.toContain("Đã rút");
    expect(withdrawn()).toEqual([]);
    expect(await ms.say("dung")).toContain("Đã rút tham luận bản 1");
  });

  it("once answered by its number, a later 'ok' is no longer a yes", async () => {
    const ms = await askedToWithdraw();
    expect(await ms.say("2")).toContain("Đã giữ nguyên tham luận bản 1");
    expect(await ms.say("ok")).not.toContain("Đã rút");
    expect(withdrawn()).toEqual([]);
    expect(record()?.versions).toHaveLength(1);
  });
});

describe("xã Mường So nộp bản mới thay bản đã được chấp nhận, trả lời bằng lời", () => {
  async function askedToReplace(): Promise<Person> {
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan Cải cách hành chính ở xã Mường So.");
    expect(await h.organizer().say("/duyet Mường So chapnhan")).toContain("Đã chấp nhận tham luận bản 1");
    await ms.say("/thamluan");
    expect(await ms.say("1")).toContain("Đồng chí có muốn nộp bản mới không?");
    return ms;
  }

  it("'co' asks for the new version's text; it replaces version 1 once sent", async () => {
    const ms = await askedToReplace();
    expect(await ms.say("co")).toContain("vui lòng gửi nội dung bản mới");
    await ms.say("Cải cách hành chính ở xã Mường So, bổ sung số liệu.");
    expect(await ms.say("xong")).toContain("bản 2");
    expect(record()?.versions).toHaveLength(2);
  });

  it("'thoi' keeps the accepted version", async () => {
    const ms = await askedToReplace();
    expect(await ms.say("thoi")).toContain("Đã giữ nguyên bản 1 đã được Ban tổ chức chấp nhận");
    expect(record()?.versions).toHaveLength(1);
    expect(h.app.store.data.sessions[ms.key]?.collecting).toBeUndefined();
  });
});
