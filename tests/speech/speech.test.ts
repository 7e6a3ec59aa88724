// Assigned speeches as the plan has them: units submit, Ban tổ chức reads and reviews, units hear back; every version stays.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseReviewArgs, splitText } from "../../commands/speech.js";
import type { IncomingFile } from "../../src/messages/types.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { speechStatus } from "../../src/domain/speeches.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function fileOf(kind: "document" | "photo", name: string, mime: string, bytes: Buffer, announced = bytes.length): IncomingFile {
  return { kind, name, mime, size: announced, download: async () => bytes };
}

/** The organizer, known to the bot (an account exists once they have written). */
async function organizer(): Promise<Person> {
  const org = h.organizer();
  await org.say("/start");
  return org;
}

const snapshot = () => JSON.stringify(h.app.store.data);
const sentTo = (p: Person) => h.sent.filter((m) => m.account === p.key).map((m) => m.text);

describe("xã Mường So nộp tham luận, Ban tổ chức duyệt, xã nhận thông báo", () => {
  it("shows the topic, the deadline still to be announced and the status; the organizer reads and accepts; the commune is told", async () => {
    const org = await organizer();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    const info = await ms.say("/thamluan");
    expect(info).toContain("Tham luận của UBND xã Mường So");
    expect(info).toContain("Đề tài: tham luận về một số giải pháp về công tác chỉ đạo, điều hành để nâng cao chỉ số CCHC");
    expect(info).toContain("Hạn nộp: sẽ thông báo sau");
    expect(info).toContain("Trạng thái: chưa nộp.");
    expect(await ms.say("/huy")).toContain("Đã hủy");

    const saved = await ms.say("/thamluan Thưa Hội nghị, xã Mường So xin báo cáo một số giải pháp chỉ đạo, điều hành.");
    expect(saved).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    expect(sentTo(org).at(-1)).toContain("Tham luận mới: UBND xã Mường So đã nộp bản 1");
    expect(await ms.say("/speech")).toContain("Trạng thái: đã nộp bản 1");

    const list = await org.say("/duyet");
    expect(list).toContain("Mường So: đã nộp bản 1, chờ duyệt");
    expect(list).toContain("Bản Lang: chưa nộp");
    const n = /(\d+)\. Mường So/.exec(list)?.[1] as string;
    const read = await org.say(n);
    expect(read).toContain("Tham luận của UBND xã Mường So, bản 1/1");
    expect(read).toContain("Thưa Hội nghị, xã Mường So xin báo cáo");
    expect(read).toContain("1. Chấp nhận");
    expect(read).toContain("2. Yêu cầu chỉnh sửa");
    const accepted = await org.press(1);
    expect(accepted).toContain("Đã chấp nhận tham luận bản 1 của UBND xã Mường So");
    expect(accepted).toContain("Đã báo cho 1 tài khoản của đơn vị");
    expect(sentTo(ms).at(-1)).toContain("Ban tổ chức đã chấp nhận tham luận (bản 1) của UBND xã Mường So");
    expect(await ms.say("/thamluan")).toContain("Trạng thái: Ban tổ chức đã chấp nhận bản 1.");
    expect(speechStatus(h.app.store.data.speeches["muong-so"])).toBe("accepted");
  });
});

describe("Bản Lang: changes asked with a note, a second version, accepted", () => {
  it("keeps both versions and tells Bản Lang each time", async () => {
    const org = await organizer();
    const bl = await h.delegate("Bản Lang", "Chủ tịch xã Bản Lang");
    const colleague = await h.delegate("Bản Lang", "Công chức Văn phòng xã");
    await bl.say("/thamluan Chính quyền số ở xã Bản Lang: bản thảo đầu.");

    await org.say("/duyet ban lang");
    const asked = await org.press(2);
    expect(asked).toContain("Vui lòng gõ nội dung đề nghị UBND xã Bản Lang chỉnh sửa bản 1");
    const sent = await org.say("Đề nghị bổ sung số liệu hồ sơ trực tuyến năm 2023.");
    expect(sent).toContain("Đã gửi đề nghị chỉnh sửa bản 1 cho UBND xã Bản Lang");
    expect(sent).toContain("Đã báo cho 2 tài khoản");
    for (const p of [bl, colleague]) {
      const note = sentTo(p).at(-1) as string;
      expect(note).toContain("Ban tổ chức đề nghị UBND xã Bản Lang chỉnh sửa tham luận (bản 1)");
      expect(note).toContain("Đề nghị bổ sung số liệu hồ sơ trực tuyến năm 2023.");
    }
    expect(await bl.say("/thamluan")).toContain("Ban tổ chức đề nghị chỉnh sửa bản 1: “Đề nghị bổ sung số liệu hồ sơ trực tuyến năm 2023.”");
    // The organizer's free text no longer goes to the review.
    expect(await org.say("Cảm ơn")).toContain("Bot chỉ hiểu các lệnh");

    await bl.say("/huy");
    expect(await bl.say("/thamluan Chính quyền số ở xã Bản Lang: đã bổ sung số liệu năm 2023.")).toContain("bản 2");
    expect(await org.say("/duyet Bản Lang")).toContain("đã bổ sung số liệu năm 2023");
    expect(await org.say("/review ban-lang accept")).toContain("Đã chấp nhận tham luận bản 2 của UBND xã Bản Lang");
    expect(sentTo(bl).at(-1)).toContain("đã chấp nhận tham luận (bản 2)");

    const record = h.app.store.data.speeches["ban-lang"];
    expect(record?.versions.map((v) => [v.n, v.text])).toEqual([
      [1, "Chính quyền số ở xã Bản Lang: bản thảo đầu."],
      [2, "Chính quyền số ở xã Bản Lang: đã bổ sung số liệu năm 2023."],
    ]);
    expect(record?.reviews.map((r) => [r.version, r.decision])).toEqual([
      [1, "changes_requested"],
      [2, "accepted"],
    ]);
    expect(await bl.say("/thamluan")).toContain("Số bản đã nộp: 2");
    expect(await org.say("/duyet ban lang chap nhan")).toContain("đã được chấp nhận trước đó");
  });

  it("a note typed at once works too; a choice made before a newer version arrived is refused", async () => {
    const org = await organizer();
    const bl = await h.delegate("Bản Lang");
    await bl.say("/thamluan Bản 1.");
    await org.say("/duyet Bản Lang");
    await bl.say("/thamluan Bản 2, sửa trước khi được góp ý.");
    const before = snapshot();
    expect(await org.press(1)).toContain("đã nộp bản mới hơn (bản 2)");
    expect(snapshot()).toBe(before);
    expect(await org.say("/duyet Bản Lang sua Cần nêu rõ tỷ lệ hồ sơ trực tuyến")).toContain("Đã gửi đề nghị chỉnh sửa bản 2");
    expect(sentTo(bl).at(-1)).toContain("Cần nêu rõ tỷ lệ hồ sơ trực tuyến");

    // A note that is only a number is a note, not a pick from the choices shown with the speech.
    await bl.say("/thamluan Bản 3.");
    await org.say("/duyet Bản Lang");
    await org.press(2);
    expect(await org.say("1")).toContain("Đã gửi đề nghị chỉnh sửa bản 3");
    expect(h.app.store.data.speeches["ban-lang"]?.reviews.at(-1)).toMatchObject({ version: 3, decision: "changes_requested", note: "1" });
  });
});

describe("a speech over several messages", () => {
  it("collects the parts, acknowledges each, and joins them into one version at /xong", async () => {
    const org = await organizer();
    const vmc = await h.delegate("Vàng Ma Chải");
    await h.delegate("Vàng Ma Chải", "Đại biểu thứ hai");
    expect(await vmc.say("/thamluan")).toContain("gõ /xong");
    expect(await vmc.say("Phần mở đầu: tình hình cải cách hành chính của xã.")).toBe("Đã nhận phần 1. Gửi tiếp, hoặc gõ /xong khi đã gửi hết.");
    // A full-length Telegram message (4,096 characters) is one part, not a refusal.
    const long = "Khó khăn, vướng mắc; ".repeat(200).slice(0, 4095).trimEnd().padEnd(4096, ".");
    expect(await vmc.say(long)).toContain("Đã nhận phần 2");
    expect(await vmc.say("3")).toContain("Đã nhận phần 3");
    expect(await vmc.say("/thamluan")).toContain("đã nhận 3 phần");
    expect(await vmc.say("Kiến nghị, đề xuất.")).toContain("Đã nhận phần 4");
    const done = await vmc.say("/xong");
    expect(done).toContain("Đã nhận tham luận của UBND xã Vàng Ma Chải: bản 1");
    const v = h.app.store.data.speeches["vang-ma-chai"]?.versions[0];
    expect(v?.kind).toBe("text");
    expect(v?.text).toBe(["Phần mở đầu: tình hình cải cách hành chính của xã.", long, "3", "Kiến nghị, đề xuất."].join("\n\n"));
    expect(h.app.store.data.sessions[vmc.key]?.collecting).toBeUndefined();
    expect(await vmc.say("Thêm một câu")).toContain("Bot chỉ hiểu các lệnh");
    expect(sentTo(org).at(-1)).toContain("Vàng Ma Chải đã nộp bản 1");
    // The reviewer gets a long speech in pieces a chat message can hold.
    await org.say("/duyet vang ma chai");
    expect(org.last.filter((r) => r.kind === "text").length).toBeGreaterThan(1);
  });

  it("/huy drops the parts collected so far, and nothing is submitted", async () => {
    const tql = await h.delegate("Tung Qua Lìn");
    await tql.say("/thamluan");
    await tql.say("Một phần nháp.");
    expect(await tql.say("/huy")).toContain("Đã hủy");
    expect(await tql.say("/xong")).toContain("Chưa có nội dung nào để nộp");
    expect(h.app.store.data.speeches["tung-qua-lin"]).toBeUndefined();
  });
});

describe("a speech sent as a file", () => {
  it("stores a Word document as a version, on disk under DATA_DIR/files, and /duyet returns the same bytes", async () => {
    const org = await organizer();
    const tql = await h.delegate("Tung Qua Lìn");
    const bytes = Buffer.from("PK\u0003\u0004 tham luan Tung Qua Lin");
    const reply = await tql.say("/thamluan", { file: fileOf("document", "thamluan.docx", DOCX, bytes) });
    expect(reply).toContain("Đã nhận tham luận của UBND xã Tung Qua Lìn: bản 1 (tệp “thamluan.docx”)");
    const v = h.app.store.data.speeches["tung-qua-lin"]?.versions[0];
    expect(v?.kind).toBe("document");
    expect(v?.file).toMatchObject({ name: "thamluan.docx", mime: DOCX, size: bytes.length });
    expect(v?.file?.path).toMatch(/^files\/tung-qua-lin-v1-[0-9a-f]{8}\.docx$/);
    expect(await readFile(path.join(h.dir, v?.file?.path as string))).toEqual(bytes);
    expect(sentTo(org).at(-1)).toContain("tệp “thamluan.docx”");

    await org.say("/duyet Tung Qua Lin");
    const file = org.last.find((r) => r.kind === "file");
    expect(file?.kind === "file" && file.data.equals(bytes)).toBe(true);
    expect(file?.kind === "file" && file.caption).toContain("Tham luận của UBND xã Tung Qua Lìn, bản 1/1");
  });

  it("a document sent while collecting becomes its own version; the typed parts wait for /xong", async () => {
    const tql = await h.delegate("Tung Qua Lìn");
    await tql.say("/thamluan");
    await tql.say("Lời mở đầu.");
    const reply = await tql.say("", { file: fileOf("document", "ban-sua.pdf", "application/pdf", Buffer.from("%PDF-1.4")) });
    expect(reply).toContain("bản 1 (tệp “ban-sua.pdf”)");
    expect(reply).toContain("Phần đang soạn trước đó (1 phần) vẫn được giữ");
    expect(await tql.say("/xong")).toContain("bản 2 (văn bản");
    expect(h.app.store.data.speeches["tung-qua-lin"]?.versions.map((v) => v.kind)).toEqual(["document", "text"]);
  });

  it("photos of the pages gather into one version, shown page by page to the reviewer", async () => {
    const org = await organizer();
    const ms = await h.delegate("Mường So", "Đại biểu trên Zalo", { channel: "zalo" });
    const page = (i: number) => Buffer.from(`\u00ff\u00d8 trang ${i}`, "latin1");
    expect(await ms.say("/thamluan", { file: fileOf("photo", "", "image/jpeg", page(1)) })).toContain("Đã nhận ảnh trang 1");
    expect(await ms.say("", { file: fileOf("photo", "", "image/jpeg", page(2)) })).toContain("Đã nhận ảnh trang 2");
    expect(await ms.say("/xong")).toContain("bản 1 (2 ảnh trang)");
    const v = h.app.store.data.speeches["muong-so"]?.versions[0];
    expect(v?.kind).toBe("photo");
    expect(v?.pages?.length).toBe(2);
    expect(v?.file).toEqual(v?.pages?.[0]);
    await org.say("/duyet Mường So");
    const photos = org.last.filter((r) => r.kind === "photo");
    expect(photos.map((p) => p.kind === "photo" && p.data.toString("latin1"))).toEqual([page(1), page(2)].map((b) => b.toString("latin1")));
  });
});

describe("a unit without an assigned speech", () => {
  it("Nậm Xe is told so and pointed to /phatbieu", async () => {
    const nx = await h.delegate("Nậm Xe");
    const before = snapshot();
    expect(await nx.say("/thamluan")).toBe(
      "UBND xã Nậm Xe không được phân công tham luận tại hội nghị này; nếu muốn phát biểu ý kiến, vui lòng gõ /phatbieu kèm nội dung.",
    );
    expect(await nx.say("/thamluan Ý kiến của xã")).toContain("/phatbieu");
    expect(snapshot()).toBe(before);
    expect(await (await organizer()).say("/duyet Nậm Xe")).toContain("UBND xã Nậm Xe không được phân công tham luận");
  });
});

describe("the speech deadline", () => {
  it("is named in /thamluan once the start is set, and a submission after it is refused", async () => {
    const org = await organizer();
    await org.say("/datlich 20/06/2027 14:00 | Hội trường UBND huyện");
    const ms = await h.delegate("Mường So");
    expect(await ms.say("/thamluan")).toContain("Hạn nộp: 14 giờ 00, thứ Năm, ngày 17/6/2027");
    await ms.say("Phần đã gõ trước hạn.");
    h.clock.set("2027-06-17T07:01:00Z");
    const before = snapshot();
    const refusal = "Đã hết hạn nộp tham luận (14 giờ 00, thứ Năm, ngày 17/6/2027); nếu cần nộp bổ sung, vui lòng liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật).";
    expect(await ms.say("/thamluan Nộp muộn")).toBe(refusal);
    expect(await ms.say("/xong")).toBe(refusal);
    expect(await ms.say("/thamluan", { file: fileOf("document", "muon.docx", DOCX, Buffer.from("x")) })).toBe(refusal);
    expect(snapshot()).toBe(before);
    const info = await ms.say("/thamluan");
    expect(info).toContain("(đã hết hạn)");
    expect(info).toContain("Đã hết hạn nộp tham luận");
  });

  it("still lets a unit resubmit after the deadline when the organizers asked for changes", async () => {
    const org = await organizer();
    await org.say("/datlich 20/06/2027 14:00");
    const bl = await h.delegate("Bản Lang");
    await bl.say("/thamluan Bản đầu.");
    h.clock.set("2027-06-18T02:00:00Z");
    await org.say("/duyet Bản Lang sua Bổ sung số liệu");
    expect(await bl.say("/thamluan Bản đã sửa.")).toContain("bản 2");
    expect(await bl.say("/thamluan Thêm bản nữa.")).toContain("Đã hết hạn nộp tham luận");
  });
});

describe("bad input: one clear sentence, nothing changes", () => {
  it("refuses overlong, empty and misplaced submissions", async () => {
    const ms = await h.delegate("Mường So");
    const before = snapshot();
    expect(await ms.say(`/thamluan ${"x".repeat(50_001)}`)).toContain("Nội dung quá dài (tối đa 50.000 ký tự)");
    expect(await ms.say("/xong")).toBe("Chưa có nội dung nào để nộp; vui lòng gõ /thamluan rồi gửi nội dung tham luận trước khi gõ /xong.");
    // The parts of a speech are a conversation step now, not a hidden command one could type.
    expect(await ms.say("/thamluan_phan Một phần")).toBe("Không có lệnh /thamluan_phan. Gõ /trogiup để xem các lệnh.");
    expect(snapshot()).toBe(before);

    await ms.say("/thamluan");
    expect(await ms.say("/xong")).toContain("Chưa có nội dung nào để nộp");
    await ms.say("x".repeat(4000));
    const collecting = snapshot();
    for (let i = 0; i < 11; i++) expect(await ms.say("y".repeat(4000))).toContain(`Đã nhận phần ${i + 2}`);
    const full = snapshot();
    expect(await ms.say("z".repeat(4000))).toContain("Phần này làm tham luận vượt quá 50.000 ký tự");
    expect(snapshot()).toBe(full);
    expect(collecting).not.toBe(full);
    expect(await ms.say("/thamluan Bản khác")).toContain("Đồng chí đang soạn tham luận (12 phần chưa nộp)");
    expect(snapshot()).toBe(full);
    expect(h.app.store.data.speeches["muong-so"]).toBeUndefined();
  });

  it("refuses files of the wrong type, too large or empty", async () => {
    const ms = await h.delegate("Mường So");
    const before = snapshot();
    expect(await ms.say("/thamluan", { file: fileOf("document", "virus.exe", "application/x-msdownload", Buffer.from("MZ")) })).toContain(
      "Loại tệp này không được chấp nhận",
    );
    expect(await ms.say("/thamluan", { file: fileOf("document", "thamluan.zip", "application/octet-stream", Buffer.from("PK")) })).toBe(
      "Tệp tham luận cần là Word (.docx, .doc), PDF, ODT hoặc TXT, hoặc ảnh chụp các trang; vui lòng gửi lại đúng loại tệp.",
    );
    expect(await ms.say("/thamluan", { file: fileOf("document", "lon.pdf", "application/pdf", Buffer.from("x"), 11_000_000) })).toContain(
      "Tệp quá lớn (tối đa 10 MB)",
    );
    expect(await ms.say("/thamluan", { file: fileOf("document", "lon.pdf", "application/pdf", Buffer.alloc(10_000_001), 0) })).toContain(
      "Tệp quá lớn (tối đa 10 MB)",
    );
    expect(await ms.say("/thamluan", { file: fileOf("document", "rong.pdf", "application/pdf", Buffer.alloc(0)) })).toContain("Tệp không có nội dung");
    expect(snapshot()).toBe(before);
  });

  it("refuses /thamluan to a guest and to an organizer without a unit", async () => {
    const org = await organizer();
    const guest = h.person("Khách");
    await guest.say("/start");
    const before = snapshot();
    expect(await guest.say("/thamluan Nội dung")).toBe("Lệnh này dành cho đại biểu các đơn vị được mời. Vui lòng gõ /start kèm mã mời của đơn vị.");
    expect(await org.say("/thamluan Nội dung")).toBe(
      "Lệnh này dành cho đại biểu của đơn vị được phân công tham luận. Vui lòng gõ /start kèm mã mời của đơn vị.",
    );
    expect(await org.say("/xong")).toContain("Lệnh này dành cho đại biểu của đơn vị được phân công tham luận");
    expect(await guest.say("/duyet Bản Lang")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
    expect(snapshot()).toBe(before);
  });

  it("refuses a review of a unit with nothing submitted, not assigned, unknown, or with an overlong note", async () => {
    const org = await organizer();
    const bl = await h.delegate("Bản Lang");
    const before = snapshot();
    expect(await org.say("/duyet Mường So")).toBe("UBND xã Mường So chưa nộp tham luận nào, nên chưa có gì để duyệt.");
    expect(await org.say("/duyet Mường So chapnhan")).toContain("chưa nộp tham luận nào");
    expect(await org.say("/duyet Khổng Lào")).toContain("không được phân công tham luận");
    expect(await org.say("/duyet Muong Soo")).toContain("Có phải đồng chí muốn tìm: Mường So");
    expect(snapshot()).toBe(before);
    await bl.say("/thamluan Bản 1.");
    const submitted = snapshot();
    expect(await org.say(`/duyet Bản Lang sua ${"a".repeat(1001)}`)).toContain("quá dài (tối đa 1.000 ký tự)");
    expect(await org.say("/duyet Bản Lang v7 chapnhan")).toContain("đã nộp bản mới hơn (bản 1)");
    expect(snapshot()).toBe(submitted);
  });
});

describe("help", () => {
  it("lists /thamluan and /phatbieu for delegates and /duyet for organizers, not the inner steps", async () => {
    const help = await (await h.delegate("Bản Lang")).say("/trogiup");
    expect(help).toContain("/thamluan: Tham luận");
    expect(help).toContain("/phatbieu: Đăng ký phát biểu");
    expect(help).not.toContain("/thamluan_phan");
    expect(help).not.toContain("/duyet");
    expect(await (await organizer()).say("/help")).toContain("/duyet: Đọc và duyệt");
  });
});

describe("helpers", () => {
  it("reads review arguments as an organizer types or a choice writes them", () => {
    expect(parseReviewArgs("Bản Lang")).toEqual({ query: "Bản Lang", version: undefined, verb: undefined, note: "" });
    expect(parseReviewArgs("ban-lang v2 sua Cần bổ sung")).toEqual({ query: "ban-lang", version: 2, verb: "changes", note: "Cần bổ sung" });
    expect(parseReviewArgs("Văn phòng HĐND và UBND huyện chấp nhận")).toMatchObject({ query: "Văn phòng HĐND và UBND huyện", verb: "accept" });
    expect(parseReviewArgs("Mường So changes add the 2023 figures")).toMatchObject({ query: "Mường So", verb: "changes", note: "add the 2023 figures" });
  });

  it("splits a long text without losing a character", () => {
    const body = Array.from({ length: 400 }, (_, i) => `Đoạn ${i}: nội dung tham luận.`).join("\n");
    const pieces = splitText(body, 500);
    expect(pieces.every((p) => p.length <= 500)).toBe(true);
    expect(pieces.join("\n")).toBe(body);
  });
});
