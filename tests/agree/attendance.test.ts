// The desk and the chat agree on attendance (issue 20, items 1, 2, 5, 6, 7): for one state, the board
// of /diemdanh tinhhinh and of the desk, the desk's overview, /baocao and the sign-in list print the
// same present/expected; a check-in on behalf follows one rule from either side; a unit, or a person
// removed from it, reads the same message whichever side acted; the desk records no organizer's id
// as a person; reading the board writes nothing.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deskKey, issueSignInToken } from "../../src/domain/desk-sessions.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { readDocx } from "../documents/helpers.js";
import type { Person } from "../helpers/app.js";

let d: DeskTest;
let desk: Client;
/** Signs in anew (a desk session lasts 8 hours: after the clock jumps to the day, the organizer signs in again). */
async function signIn(): Promise<void> {
  desk = new Client(d.root);
  expect((await desk.open(await d.linkFrom(d.org))).status).toBe(303);
}

/** The day of the conference, 7 giờ 30: check-in is open. */
async function conferenceMorning(): Promise<void> {
  d.clock.set("2027-06-20T00:30:00Z");
  await signIn();
}

beforeEach(async () => {
  d = await createDeskTest({ now: "2027-05-01T02:00:00Z" });
  await signIn();
});
afterEach(async () => {
  await d.stop();
});

/** "present/expected" as each interface prints it. */
const pair = (text: string, re: RegExp) => {
  const m = re.exec(text);
  if (!m) throw new Error(`no figure in: ${text.slice(0, 400)}`);
  return `${m[1]}/${m[2]}`;
};

async function figures(): Promise<Record<string, string>> {
  const chatBoard = await d.org.say("/diemdanh tinhhinh");
  const deskBoard = (await desk.get("/ban-to-chuc/diem-danh")).body;
  const overview = (await desk.get("/ban-to-chuc/")).body;
  const report = await d.org.say("/baocao");
  await d.org.say("/danhsach");
  const file = d.org.last[0];
  if (file?.kind !== "file") throw new Error("no sign-in list");
  const list = (await readDocx(file.data)).paragraphs;
  const listUnit = list[list.indexOf("Mường So") + 1] as string;
  return {
    "/diemdanh tinhhinh": pair(chatBoard, /Có mặt: (\d+)\/(\d+) đại biểu dự kiến/),
    "bảng điểm danh": pair(deskBoard, /id="present">Có mặt (\d+)\/(\d+)</),
    "tổng quan": pair(overview, /id="present"[^>]*>Có mặt: (\d+)\/(\d+)/),
    "/baocao": pair(report, /Có mặt: (\d+)\/(\d+) đại biểu dự kiến/),
    "danh sách (chú thích)": pair(file.caption ?? "", /có mặt (\d+)\/(\d+)/),
    "danh sách (đầu trang)": pair(list.join("\n"), /Có mặt: (\d+)\/(\d+) đại biểu dự kiến/),
    "Mường So, trò chuyện": pair(chatBoard, /- Mường So: (\d+)\/(\d+)/),
    "Mường So, bàn làm việc": pair(deskBoard, /<td[^>]*>Mường So: (\d+)\/(\d+)/),
    "Mường So, danh sách": pair(listUnit, /^(\d+)\/(\d+)$/),
  };
}

const same = (f: Record<string, string>, value: string, unit: string) =>
  expect(f).toEqual({
    "/diemdanh tinhhinh": value,
    "bảng điểm danh": value,
    "tổng quan": value,
    "/baocao": value,
    "danh sách (chú thích)": value,
    "danh sách (đầu trang)": value,
    "Mường So, trò chuyện": unit,
    "Mường So, bàn làm việc": unit,
    "Mường So, danh sách": unit,
  });

describe("một trạng thái, một con số (mục 1)", () => {
  it("Mường So trả lời vị trí 1 tham dự, chưa ai điểm danh; rồi bảy vị trí có mặt: trò chuyện, bàn làm việc, tổng quan, /baocao và danh sách ký tên cùng một số", async () => {
    await d.org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const ms = await d.delegate("Mường So", "Thư ký Mường So");
    await ms.say("/dangky 1 thamdu Lò Văn Hùng");
    // 77 invited seats, none reported absent: all are expected.
    same(await figures(), "0/77", "0/4");

    await conferenceMorning();
    for (const [unit, seat] of [["Mường So", 1], ["Mường So", 2], ["Dào San", 1], ["Dào San", 2], ["Nậm Xe", 1], ["Sì Lở Lầu", 1], ["Bản Lang", 1]] as const) {
      expect(await d.org.say(`/diemdanh ${unit} ${seat}`)).toContain("Đã điểm danh thay");
    }
    same(await figures(), "7/77", "2/4");
  });

  it("the overview is the report as a page: figures that link to where one acts, no chat text", async () => {
    const overview = (await desk.get("/ban-to-chuc/")).body;
    expect(overview).not.toContain("<pre");
    expect(overview).toMatch(/<a id="units" href="\/ban-to-chuc\/don-vi">Đơn vị được mời: 22/);
    expect(overview).toMatch(/<a id="present" href="\/ban-to-chuc\/diem-danh">Có mặt: 0\/77/);
    expect(overview).toMatch(/<a id="speeches" href="\/ban-to-chuc\/tham-luan">Tham luận: /);
    expect(overview).toMatch(/<a id="notices" href="\/ban-to-chuc\/thong-bao">/);
  });
});

describe("điểm danh thay: một quy tắc (mục 2)", () => {
  it("a month before the conference both sides refuse with the same sentence and store nothing; on the day both record, and a taken seat is refused alike", async () => {
    await d.org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    const chat = await d.org.say("/diemdanh Mường So 2");
    const board = await desk.get("/ban-to-chuc/diem-danh");
    const page = await desk.post("/ban-to-chuc/diem-danh/thay", { _csrf: desk.csrf(board.body), unit: "muong-so", seat: "cchc" });
    expect(page.status).toBe(400);
    expect(chat).toBe("Chưa đến giờ điểm danh; Ban tổ chức điểm danh thay trong thời gian điểm danh, từ 7 giờ 00, Chủ nhật, ngày 20/6/2027.");
    expect(page.body).toContain(chat);
    expect(d.app.store.data.checkins).toEqual([]);

    await conferenceMorning();
    const open = await desk.get("/ban-to-chuc/diem-danh");
    expect(await d.org.say("/diemdanh Mường So 2")).toContain("Đã điểm danh thay: UBND xã Mường So, vị trí Công chức làm nhiệm vụ công tác CCHC");
    const done = await desk.post("/ban-to-chuc/diem-danh/thay", { _csrf: desk.csrf(open.body), unit: "muong-so", seat: "chair" });
    expect(done.body).toContain("Đã điểm danh thay cho UBND xã Mường So, Chủ tịch UBND xã");
    // Both recorded alike: under the organizer, as on behalf.
    expect(d.app.store.data.checkins).toEqual([
      { unitId: "muong-so", seatId: "cchc", by: d.org.key, at: "2027-06-20T00:30:00.000Z", onBehalf: true },
      { unitId: "muong-so", seatId: "chair", by: d.org.key, at: "2027-06-20T00:30:00.000Z", onBehalf: true },
    ]);
    const taken = await d.org.say("/diemdanh Mường So 1");
    const takenPage = await desk.post("/ban-to-chuc/diem-danh/thay", { _csrf: desk.csrf(open.body), unit: "muong-so", seat: "cchc" });
    expect(taken).toBe("Vị trí Chủ tịch UBND xã của UBND xã Mường So đã được điểm danh lúc 7 giờ 30 (chưa đăng ký tên); không ghi thêm.");
    expect(takenPage.status).toBe(400);
    expect(takenPage.body).toContain("Vị trí Công chức làm nhiệm vụ công tác CCHC của UBND xã Mường So đã được điểm danh lúc 7 giờ 30 (chưa đăng ký tên); không ghi thêm.");
  });
});

describe("một việc, một lời báo (mục 5)", () => {
  const toldTo = (p: Person) => d.sent.filter((m) => m.account === p.key).map((m) => m.text);

  it("an answer recorded on behalf tells the unit the same text from the chat and from the desk", async () => {
    const ms = await d.delegate("Mường So", "Thư ký Mường So");
    await d.org.say("/dangky Mường So 2 vang Ốm");
    const page = await desk.get("/ban-to-chuc/don-vi");
    await desk.post("/ban-to-chuc/don-vi/muong-so/tra-loi", { _csrf: desk.csrf(page.body), seat: "cchc", status: "absent", text: "Ốm" });
    const [fromChat, fromDesk] = toldTo(ms);
    expect(fromChat).toBe(
      "Kính gửi UBND xã Mường So: Ban tổ chức (đồng chí Lò Thị Nội Vụ) đã ghi thay câu trả lời cho vị trí Công chức làm nhiệm vụ công tác CCHC: vắng mặt (lý do: Ốm). Nếu chưa đúng, đề nghị đơn vị báo lại Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật). Trân trọng!",
    );
    expect(fromDesk).toBe(fromChat);
  });

  it("removing an account tells the person the same text from either side, naming the conference's contact", async () => {
    // Another conference's contact: the message must name it, not a name written in the locale file.
    d.app.services.conference.conf.contact = { name: "Văn phòng HĐND và UBND huyện", position: "", phone: "0213 3876 543" };
    const a = await d.delegate("Mường So", "Máy cũ thứ nhất");
    const b = await d.delegate("Mường So", "Máy cũ thứ hai");
    // The chat: the unit's accounts, then "Gỡ tài khoản số 1" (a typed step, invites.remove).
    expect(await d.org.say("/mamoi Mường So")).toContain("2. Gỡ tài khoản số 2: Máy cũ thứ hai");
    await d.org.say("1");
    const page = await desk.get("/ban-to-chuc/don-vi");
    const removed = await desk.post("/ban-to-chuc/don-vi/muong-so/go-tai-khoan", { _csrf: desk.csrf(page.body), account: b.key, confirm: "1" });
    expect(removed.body).toContain("Đã gỡ tài khoản Máy cũ thứ hai khỏi UBND xã Mường So");
    const expected =
      "Kính gửi đồng chí: Ban tổ chức đã gỡ tài khoản của đồng chí khỏi UBND xã Mường So. Nếu có nhầm lẫn hoặc cần tham gia lại, đề nghị đồng chí liên hệ Ban tổ chức (Văn phòng HĐND và UBND huyện, điện thoại: 0213 3876 543) để được cấp mã mời. Trân trọng!";
    expect(toldTo(a)).toEqual([expected]);
    expect(toldTo(b)).toEqual([expected]);
    // Removing it again is refused alike: the account no longer belongs to the unit.
    expect(await d.org.say("2")).toContain("Tài khoản này không còn thuộc UBND xã Mường So");
    const again = await desk.post("/ban-to-chuc/don-vi/muong-so/go-tai-khoan", { _csrf: desk.csrf(page.body), account: a.key, confirm: "1" });
    expect(again.status).toBe(400);
    expect(again.body).toContain("Tài khoản này không còn thuộc UBND xã Mường So");
  });
});

describe("không lấy mã tài khoản làm tên người (mục 6)", () => {
  it("an organizer known only by id answers 'Tham dự' with no name: no name stored, as in the chat; greeted as Ban tổ chức", async () => {
    const token = issueSignInToken(deskKey(d.dir), "telegram:9001", d.clock.now());
    const bare = new Client(d.root);
    expect((await bare.open(`/ban-to-chuc/vao?t=${encodeURIComponent(token)}`)).status).toBe(303);
    const page = await bare.get("/ban-to-chuc/don-vi");
    expect(page.body).toContain("<span>Ban tổ chức</span>");
    expect(page.body).not.toContain("telegram:9001");
    await bare.post("/ban-to-chuc/don-vi/muong-so/tra-loi", { _csrf: bare.csrf(page.body), seat: "chair", status: "attend", text: "" });
    await d.org.say("/dangky Dào San 1 thamdu");
    const answers = d.app.store.data.rsvps.map(({ unitId, seatId, status, name, onBehalf }) => ({ unitId, seatId, status, name, onBehalf }));
    expect(answers).toEqual([
      { unitId: "muong-so", seatId: "chair", status: "attend", name: undefined, onBehalf: true },
      { unitId: "dao-san", seatId: "chair", status: "attend", name: undefined, onBehalf: true },
    ]);
    expect((await bare.get("/ban-to-chuc/don-vi/muong-so")).body).toContain("<td>Chủ tịch UBND xã</td><td>tham dự (chưa ghi họ tên)</td>");
    const report = await d.org.say("/baocao");
    expect(report).toContain("- Mường So (1/4): (chưa ghi họ tên)");
    expect(report).not.toContain("telegram:9001");
  });
});

describe("đọc không ghi (mục 7, phần mã điểm danh)", () => {
  it("opening the board leaves the store file as it was; the button issues the code", async () => {
    await d.org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    await d.app.store.flush();
    const file = path.join(d.dir, "hoinghi.json");
    const before = await readFile(file);
    const board = await desk.get("/ban-to-chuc/diem-danh");
    expect(board.body).toContain("Chưa có mã điểm danh");
    await desk.get("/ban-to-chuc/");
    await desk.get("/ban-to-chuc/tai-ve");
    await d.app.store.flush();
    expect((await readFile(file)).equals(before)).toBe(true);
    await desk.post("/ban-to-chuc/diem-danh/ma", { _csrf: desk.csrf(board.body) });
    const code = d.app.store.data.checkinCode?.code as string;
    expect((await desk.get("/ban-to-chuc/diem-danh")).body).toContain(`Mã điểm danh: ${code}`);
    // The chat's /diemdanh shows the same code; it does not issue another.
    expect(await d.org.say("/diemdanh")).toContain(`Mã điểm danh tại hội trường: ${code}`);
  });
});
