// Issue 25, the desk without a browser: what cannot be undone asks first (a GET only asks, a POST
// without confirm=1 only asks again), refusals speak of the web page and keep what was typed, the
// words of the desk ("vị trí", 84,25), and the JSON the live pages read.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleBytes } from "../scores/helpers.js";
import { Client, createDeskTest, type DeskTest } from "./helpers.js";

let d: DeskTest;
let c: Client;
beforeEach(async () => {
  d = await createDeskTest();
  c = new Client(d.root);
  expect((await c.open(await d.linkFrom(d.org))).status).toBe(303);
});
afterEach(async () => {
  await d.stop();
});

/** The text of a page without its tags, style and script, entities read back. */
const shown = (body: string) =>
  body
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** A chat command named in a sentence ("/dangky vang", "/congbo"): never on a desk page. */
const COMMAND = /(^|\s)\/[a-z]{3,}/;

async function importSample(): Promise<void> {
  const page = await c.get("/ban-to-chuc/chi-so");
  const upload = new FormData();
  upload.set("_csrf", c.csrf(page.body));
  upload.set("file", new File([new Uint8Array(sampleBytes())], "phong-tho-2023.sample.csv", { type: "text/csv" }));
  const preview = await c.post("/ban-to-chuc/chi-so/tai-len", upload);
  expect(shown(preview.body)).not.toMatch(COMMAND);
  const id = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1] as string;
  const done = await c.post("/ban-to-chuc/chi-so/xac-nhan", { _csrf: c.csrf(preview.body), preview: id });
  expect(shown(done.body)).toContain('Khi công bố, đồng chí bấm "Công bố kết quả" ở mục Chỉ số CCHC.');
  expect(shown(done.body)).not.toMatch(COMMAND);
}

describe("hỏi trước khi làm việc không lấy lại được", () => {
  it("a new invite code for Mường So: opening the question changes nothing, a POST without confirm only asks again, the confirmed POST voids the printed code", async () => {
    const old = await d.code("muong-so");
    const unit = await c.get("/ban-to-chuc/don-vi/muong-so");
    expect(unit.body).toContain('<a class="button" href="/ban-to-chuc/don-vi/muong-so/ma-moi">Cấp mã mới</a>');
    const ask = await c.get("/ban-to-chuc/don-vi/muong-so/ma-moi");
    expect(ask.status).toBe(200);
    expect(shown(ask.body)).toContain(`Mã mời đang dùng (${old}) — mã đã in trên giấy mời gửi đơn vị — sẽ không còn dùng được.`);
    expect(await d.code("muong-so")).toBe(old);
    const unconfirmed = await c.post("/ban-to-chuc/don-vi/muong-so/ma-moi", { _csrf: c.csrf(ask.body) });
    expect(shown(unconfirmed.body)).toContain("Việc này sẽ:");
    expect(await d.code("muong-so")).toBe(old);
    const done = await c.post("/ban-to-chuc/don-vi/muong-so/ma-moi", { _csrf: c.csrf(ask.body), confirm: "1" });
    expect(shown(done.body)).toContain("Đã cấp mã mời mới cho UBND xã Mường So; mã cũ không còn dùng được.");
    expect(await d.code("muong-so")).not.toBe(old);
  });

  it("revoking the code and removing an account ask first; the question names the account; nothing changes until confirmed", async () => {
    const a = await d.delegate("Mường So", "Máy cũ của xã");
    const invites = () => d.app.store.data.invites.filter((i) => !i.revokedAt).length;
    const before = invites();
    const revoke = await c.get("/ban-to-chuc/don-vi/muong-so/thu-hoi");
    await c.post("/ban-to-chuc/don-vi/muong-so/thu-hoi", { _csrf: c.csrf(revoke.body) });
    expect(invites()).toBe(before);
    const ask = await c.get(`/ban-to-chuc/don-vi/muong-so/go-tai-khoan?account=${encodeURIComponent(a.key)}`);
    expect(shown(ask.body)).toContain("Tài khoản Máy cũ của xã (Kênh thử) bị gỡ khỏi UBND xã Mường So và nhận tin báo");
    expect(ask.body).toContain(`name="account" value="${a.key}"`);
    await c.post("/ban-to-chuc/don-vi/muong-so/go-tai-khoan", { _csrf: c.csrf(ask.body), account: a.key });
    expect(d.app.store.data.accounts[a.key]?.unitId).toBe("muong-so");
    expect(d.sent.filter((s) => s.account === a.key)).toEqual([]);
    await c.post("/ban-to-chuc/don-vi/muong-so/go-tai-khoan", { _csrf: c.csrf(ask.body), account: a.key, confirm: "1" });
    expect(d.app.store.data.accounts[a.key]?.unitId).toBeUndefined();
    // The list of units shows each unit once: no row of 22 removal buttons.
    const list = await c.get("/ban-to-chuc/don-vi");
    expect(list.body).not.toContain("go-tai-khoan");
    expect(list.body).not.toContain("<select");
  });

  it("publishing asks first, naming who is messaged; the delegates hear nothing until it is confirmed", async () => {
    const ms = await d.delegate("Mường So", "Thư ký Mường So");
    await importSample();
    const scores = await c.get("/ban-to-chuc/chi-so");
    const link = /href="(\/ban-to-chuc\/chi-so\/cong-bo\?[^"]+)"/.exec(scores.body)?.[1]?.replace(/&amp;/g, "&") as string;
    const ask = await c.get(link);
    expect(shown(ask.body)).toContain("Công bố kết quả Chỉ số CCHC năm 2023 (17 đơn vị): bảng xếp hạng hiện trên trang công khai của Hội nghị.");
    expect(shown(ask.body)).toContain("1 tài khoản đại biểu của 1 đơn vị nhận ngay tin kết quả của đơn vị mình.");
    expect(shown(ask.body)).toContain("16 đơn vị chưa có đại biểu tham gia bot nên không nhận được tin: Thị trấn Phong Thổ, Khổng Lào");
    expect(shown(ask.body)).not.toMatch(COMMAND);
    const importedAt = /name="importedAt" value="([^"]+)"/.exec(ask.body)?.[1] as string;
    await c.post("/ban-to-chuc/chi-so/cong-bo", { _csrf: c.csrf(ask.body), importedAt });
    expect(d.app.store.data.scores.publishedAt).toBeUndefined();
    expect(d.sent.filter((s) => s.account === ms.key)).toEqual([]);
    const done = await c.post("/ban-to-chuc/chi-so/cong-bo", { _csrf: c.csrf(ask.body), importedAt, confirm: "1" });
    expect(shown(done.body)).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023.");
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("Ban tổ chức đã công bố kết quả"))).toBe(true);
    // Asked again once published: one sentence, nothing sent twice.
    const again = await c.get("/ban-to-chuc/chi-so/cong-bo");
    expect(again.status).toBe(409);
    expect(shown(again.body)).toContain("đã được công bố lúc");
  });

  it("changing the hall code asks first: the code on the screen and the posters stops working", async () => {
    await d.org.say("/datlich 01/05/2027 09:30 | Hội trường UBND huyện");
    const board = await c.get("/ban-to-chuc/diem-danh");
    await c.post("/ban-to-chuc/diem-danh/ma", { _csrf: c.csrf(board.body) });
    const code = d.app.store.data.checkinCode?.code as string;
    // The old form's "rotate" only leads to the question.
    const old = await c.post("/ban-to-chuc/diem-danh/ma", { _csrf: c.csrf(board.body), rotate: "1" });
    expect(old.headers.get("location")).toBe("/ban-to-chuc/diem-danh/doi-ma");
    const ask = await c.get("/ban-to-chuc/diem-danh/doi-ma");
    expect(shown(ask.body)).toContain(`Mã điểm danh ${code} — mã đang chiếu trong hội trường và in trên áp phích — sẽ không còn dùng được`);
    await c.post("/ban-to-chuc/diem-danh/doi-ma", { _csrf: c.csrf(ask.body) });
    expect(d.app.store.data.checkinCode?.code).toBe(code);
    await c.post("/ban-to-chuc/diem-danh/doi-ma", { _csrf: c.csrf(ask.body), confirm: "1" });
    expect(d.app.store.data.checkinCode?.code).not.toBe(code);
  });
});

describe("lời từ chối trên web", () => {
  it("an absence without a reason is refused in the page's words, on the unit's page, with the choices and the text as sent", async () => {
    const page = await c.get("/ban-to-chuc/don-vi/muong-so");
    const res = await c.post("/ban-to-chuc/don-vi/muong-so/tra-loi", { _csrf: c.csrf(page.body), seat: "cchc", status: "absent", text: "" });
    expect(res.status).toBe(400);
    expect(shown(res.body)).toContain('Đề nghị ghi lý do vắng mặt vào ô "Họ tên (chức vụ) hoặc lý do" (ví dụ: Đi công tác). Chưa có gì thay đổi.');
    expect(shown(res.body)).not.toMatch(COMMAND);
    expect(res.body).toContain('<option value="cchc" selected>');
    expect(res.body).toContain('<option value="absent" selected>');
    expect(d.app.store.data.rsvps).toEqual([]);
    // A substitute without a position: the name typed stays in the box.
    const sub = await c.post("/ban-to-chuc/don-vi/muong-so/tra-loi", { _csrf: c.csrf(page.body), seat: "chair", status: "substitute", text: "Lò Văn Thay" });
    expect(shown(sub.body)).toContain("Đề nghị ghi thêm chức vụ của Lò Văn Thay sau dấu phẩy");
    expect(sub.body).toContain('name="text" maxlength="600" size="40" value="Lò Văn Thay"');
  });

  it("a notice with 'the units' but none ticked comes back with its text, its choice and its time kept", async () => {
    const page = await c.get("/ban-to-chuc/thong-bao");
    const text = "Kính gửi các đơn vị: đề nghị gửi báo cáo trước ngày 15/6.";
    const res = await c.post("/ban-to-chuc/thong-bao/xem", { _csrf: c.csrf(page.body), text, audience: "donvi", time: "2027-04-20T08:00" });
    expect(res.status).toBe(400);
    expect(shown(res.body)).toContain('Đồng chí chọn "các đơn vị" nhưng chưa đánh dấu đơn vị nào.');
    expect(res.body).toContain(`>${text}</textarea>`);
    expect(res.body).toContain('value="donvi" checked');
    expect(res.body).toContain('value="2027-04-20T08:00"');
    expect(d.app.store.data.noticeDrafts).toEqual({});
  });

  it("a request for changes without a note is refused beside the buttons; an empty upload gets its own sentence; a refusal has the way back", async () => {
    const ms = await d.delegate("Mường So");
    await ms.say("/thamluan Nội dung ban đầu.");
    const page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    const empty = await c.post("/ban-to-chuc/tham-luan/muong-so/yeu-cau-sua", { _csrf: c.csrf(page.body), version: "1", note: "  " });
    expect(empty.status).toBe(400);
    expect(shown(empty.body)).toContain("Đề nghị ghi nội dung cần chỉnh sửa.");
    expect(empty.body).toContain("Chấp nhận");
    const upload = new FormData();
    upload.set("_csrf", c.csrf(page.body));
    upload.set("file", new File([], ""));
    const none = await c.post("/ban-to-chuc/chi-so/tai-len", upload);
    expect(none.status).toBe(400);
    expect(shown(none.body)).toContain("Đồng chí chưa chọn tệp bảng điểm, hoặc tệp đã chọn không có nội dung.");
    expect(shown(none.body)).not.toContain("Thông tin gửi lên chưa đúng");
    expect(none.body).toContain('<a href="/ban-to-chuc/chi-so">Quay lại</a>');
    const bad = await c.post("/ban-to-chuc/diem-danh/thay", { _csrf: c.csrf(page.body), unit: "muong-so", seat: "chair" });
    expect(shown(bad.body)).not.toMatch(COMMAND);
    expect(bad.body).toContain('<a href="/ban-to-chuc/diem-danh">Quay lại</a>');
  });
});

describe("lời và số của bàn làm việc", () => {
  it("says 'vị trí', writes 84,25, marks the page in the menu, and shows the earlier request's note beside the new version", async () => {
    const ms = await d.delegate("Mường So");
    await ms.say("/thamluan Bản thứ nhất.");
    let page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    await c.post("/ban-to-chuc/tham-luan/muong-so/yeu-cau-sua", { _csrf: c.csrf(page.body), version: "1", note: "Bổ sung số liệu năm 2023" });
    await ms.say("/thamluan Bản thứ hai, đã bổ sung.");
    page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    const text = shown(page.body);
    expect(text).toContain("Bản thứ hai, đã bổ sung.");
    expect(text).toMatch(/Ban tổ chức yêu cầu chỉnh sửa bản 1 lúc [^(]+\(Lò Thị Nội Vụ\) Bổ sung số liệu năm 2023/);
    expect(page.body).toContain('<a href="/ban-to-chuc/tham-luan" aria-current="page">Tham luận</a>');
    expect(page.body).toContain('<a class="skip" href="#main">');
    const unit = shown((await c.get("/ban-to-chuc/don-vi/muong-so")).body);
    expect(unit).toContain("Vị trí");
    expect(unit).not.toContain("Ghế");
    await importSample();
    const scores = shown((await c.get("/ban-to-chuc/chi-so")).body);
    expect(scores).toContain("84,25/100");
    expect(scores).not.toMatch(/\d\.\d\d\/100/);
  });

  it("the page of the message that told Mường So of an answer on behalf opens, named as what it is", async () => {
    await d.delegate("Mường So");
    const page = await c.get("/ban-to-chuc/don-vi/muong-so");
    await c.post("/ban-to-chuc/don-vi/muong-so/tra-loi", { _csrf: c.csrf(page.body), seat: "chair", status: "attend", text: "Lò Văn Mường" });
    await d.app.outbox.idle();
    const told = d.app.store.data.notices.find((n) => n.kind === "result");
    const res = await c.get(`/ban-to-chuc/thong-bao/${told?.id}`);
    expect(res.status).toBe(200);
    expect(shown(res.body)).toContain("Báo kết quả xử lý");
  });

  it("the live figures are JSON read without writing: the count, the arrivals, each unit's free seats", async () => {
    await d.org.say("/datlich 01/05/2027 09:30 | Hội trường UBND huyện");
    await d.org.say("/diemdanh Mường So 1");
    const res = await c.get("/ban-to-chuc/diem-danh/so-lieu");
    const live = JSON.parse(res.body) as { present: string; count: string; arrivals: string[]; units: Record<string, { free: string[]; count: string }>; code: string | null };
    expect(live.present).toMatch(/^Có mặt 1\/\d+$/);
    expect(live.arrivals[0]).toContain("Mường So — Chủ tịch UBND xã");
    expect(live.units["muong-so"]?.free).not.toContain("chair");
    expect(live.units["muong-so"]?.count).toBe("có mặt 1/4");
    expect(live.code).toBeNull();
    expect(d.app.store.data.checkinCode).toBeUndefined();
  });
});
