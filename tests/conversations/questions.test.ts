// Common questions in free text (issue 12, item 10): one row of the keyword table, one test.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { understand } from "../../src/domain/questions.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
let guest: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  guest = h.person("Khách");
});
afterEach(async () => {
  await h.close();
});

/** The intent a delegate's words are read as (src/domain/questions.ts), or "none". */
const intentOf = (text: string) => {
  const u = understand(text, "delegate");
  return u.kind === "intent" ? u.intent.name : u.kind;
};

describe("ý định của câu hỏi", () => {
  it("a deadline names what it is for: hạn đăng ký, hạn nộp tham luận, hạn alone", () => {
    expect(intentOf("Hạn đăng ký là khi nào ạ?")).toBe("deadline.rsvp");
    expect(intentOf("thời hạn nộp tham luận")).toBe("deadline.speech");
    expect(intentOf("hạn là bao giờ")).toBe("deadline");
  });
  it("documents: tài liệu", () => expect(intentOf("Tài liệu hội nghị lấy ở đâu?")).toBe("documents"));
  it("where: ở đâu, địa điểm, hội trường", () => {
    expect(intentOf("họp ở đâu vậy")).toBe("where");
    expect(intentOf("Địa điểm tổ chức?")).toBe("where");
    expect(intentOf("hội trường nào")).toBe("where");
  });
  it("when: ngày, giờ, khi nào, mấy giờ", () => {
    expect(intentOf("cho hỏi hội nghị tổ chức ngày nào?")).toBe("when");
    expect(intentOf("Mấy giờ bắt đầu")).toBe("when");
    expect(intentOf("khi nào họp")).toBe("when");
  });
  it("rsvp: how to answer", () => {
    expect(intentOf("Làm sao để đăng ký?")).toBe("rsvp.how");
    expect(intentOf("xac nhan the nao")).toBe("rsvp.how");
  });
  it("anything else: nothing understood (a word inside another word does not count)", () => {
    expect(intentOf("Cảm ơn Ban tổ chức ạ")).toBe("none");
    expect(intentOf("Hàng hóa")).toBe("none");
  });
});

describe("hỏi bằng chữ thường", () => {
  it("'cho hỏi hội nghị tổ chức ngày nào?' is answered with the time and /chuongtrinh", async () => {
    expect(await guest.say("cho hỏi hội nghị tổ chức ngày nào?")).toBe("Thời gian: sẽ thông báo sau (dự kiến trong tháng 6/2024)\nXem đầy đủ chương trình: /chuongtrinh.");
    await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    expect(await guest.say("Mấy giờ họp ạ")).toContain("Thời gian: 8 giờ 00, Chủ nhật, ngày 20/6/2027");
    expect(await guest.say("họp ở đâu")).toContain("Địa điểm: Hội trường UBND huyện");
  });

  it("documents, deadlines and how to answer, each with its command", async () => {
    // Answered as /tailieu answers: the list itself.
    expect(await guest.say("tài liệu")).toContain("Tài liệu hội nghị:");
    expect(await guest.say("hạn là bao giờ")).toContain("Hạn xác nhận tham dự: tính theo giờ khai mạc, sẽ thông báo sau (gõ /dangky để trả lời).");
    expect(await guest.say("đăng ký thế nào")).toContain("trước hết gõ mã mời ghi trong giấy mời");
    const d = await h.delegate("Mường So");
    expect(await d.say("xác nhận thế nào")).toContain("gõ /dangky rồi chọn từng vị trí");
  });

  it("anything else: a guest is led to the invite code; a delegate keeps the short hint", async () => {
    expect(await guest.say("Cảm ơn")).toContain("vui lòng gõ mã mời in trên giấy mời của đơn vị");
    expect(await (await h.delegate("Mường So")).say("Cảm ơn")).toBe("Bot chỉ hiểu các lệnh. Gõ /trogiup để xem các lệnh đồng chí có thể dùng.");
  });
});
