// The organizers' desk over HTTP (no browser): signing in from the chat, every refusal, and every
// change reaching the chat as the same change typed as a command.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/app/cli.js";
import { issueSignInToken, deskKey } from "../../src/domain/desk-sessions.js";
import { sampleBytes } from "../scores/helpers.js";
import { Client, createDeskTest, type DeskTest } from "./helpers.js";

let d: DeskTest;
beforeEach(async () => {
  d = await createDeskTest();
});
afterEach(async () => {
  await d.stop();
});

async function signedIn(): Promise<Client> {
  const c = new Client(d.root);
  const res = await c.open(await d.linkFrom(d.org));
  expect(res.status).toBe(303);
  return c;
}

describe("đăng nhập bằng liên kết từ cuộc trò chuyện", () => {
  it("an organizer types /web, opens the link once and lands on the overview", async () => {
    const reply = await d.org.say("/web");
    expect(reply).toContain("Kính gửi đồng chí Lò Thị Nội Vụ");
    expect(reply).toContain("hiệu lực 10 phút");
    const link = await d.linkFrom(d.org);
    const c = new Client(d.root);
    // Opening the link (as a chat app's link preview would) does not use it up.
    const shown = await c.get(link);
    expect(shown.status).toBe(200);
    expect(shown.body).toContain("Vào bàn làm việc");
    expect(shown.headers.get("set-cookie")).toBeNull();
    expect((await new Client(d.root).get(link)).status).toBe(200);
    const res = await c.open(link);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/ban-to-chuc/");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).toMatch(/Path=\/ban-to-chuc/);
    expect(cookie).not.toMatch(/Secure/);
    const overview = await c.get("/ban-to-chuc/");
    expect(overview.status).toBe(200);
    expect(overview.body).toContain("Tổng quan");
    expect(overview.body).toContain("Hạn xác nhận tham dự");
    expect(overview.body).toContain("Đồng chí Lò Thị Nội Vụ");
    // The same link a second time: refused, no new session (just after its use, the page says it was used a moment ago).
    const again = await new Client(d.root).get(link);
    expect(again.status).toBe(409);
    expect(again.body).toContain("vừa được dùng");
    expect(again.headers.get("set-cookie")).toBeNull();
    d.clock.advance(3 * 60_000);
    const later = await new Client(d.root).get(link);
    expect(later.status).toBe(400);
    expect(later.body).toContain("đã được dùng");
  });

  it("the cookie is Secure when the desk is reached over https", async () => {
    const link = await d.linkFrom(d.org);
    const token = decodeURIComponent(link.split("t=")[1] as string);
    const res = await d.root.request("https://127.0.0.1/ban-to-chuc/vao", { method: "POST", body: new URLSearchParams({ t: token }) });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("a delegate cannot ask for a link", async () => {
    const ms = await d.delegate("Mường So");
    expect(await ms.say("/web")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
  });

  it("refuses a forged link, an expired link and a link of a non-organizer, with a plain page", async () => {
    const link = await d.linkFrom(d.org);
    const forged = await new Client(d.root).get(`${link.slice(0, -3)}abc`);
    expect(forged.status).toBe(400);
    expect(forged.body).toContain("Liên kết đăng nhập không hợp lệ");
    d.clock.advance(10 * 60_000 + 1);
    const expired = await new Client(d.root).get(link);
    expect(expired.status).toBe(400);
    expect(expired.body).toContain("đã hết hiệu lực");
    const ms = await d.delegate("Mường So");
    const token = issueSignInToken(deskKey(d.dir), ms.key, d.clock.now());
    const notOrganizer = await new Client(d.root).get(`/ban-to-chuc/vao?t=${encodeURIComponent(token)}`);
    expect(notOrganizer.status).toBe(403);
    expect(notOrganizer.body).toContain("không thuộc Ban tổ chức");
  });

  it("slows down bad links after ten failed sign-ins, never a good link", async () => {
    for (let i = 0; i < 10; i++) expect((await new Client(d.root).get(`/ban-to-chuc/vao?t=x${i}.y`)).status).toBe(400);
    expect((await new Client(d.root).get("/ban-to-chuc/vao?t=x.y")).status).toBe(429);
    const res = await new Client(d.root).get(await d.linkFrom(d.org));
    expect(res.status).toBe(200);
  });

  it("hoinghi desk-link prints a link for the first organizer of ORGANIZER_IDS that opens the desk", async () => {
    // The command line signs with the real clock.
    d.clock.set(new Date());
    const out: string[] = [];
    const code = await runCli(["desk-link"], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      env: { DATA_DIR: d.dir, ORGANIZER_IDS: "console:org-1,telegram:9001" },
      stdin: process.stdin,
      stdout: process.stdout,
    });
    expect(code).toBe(0);
    expect(out[0]).toContain("console:org-1");
    const link = /\/ban-to-chuc\/vao\?t=\S+/.exec(out[1] ?? "")?.[0] as string;
    const c = new Client(d.root);
    expect((await c.open(link)).status).toBe(303);
    expect((await c.get("/ban-to-chuc/")).status).toBe(200);
  });

  it("never logs a whole link token", async () => {
    const link = await d.linkFrom(d.org);
    await new Client(d.root).open(link);
    const token = decodeURIComponent(link.split("t=")[1] as string);
    expect(d.logs.some((l) => l.includes(token) || l.includes(token.slice(0, 30)))).toBe(false);
  });
});

describe("phiên làm việc", () => {
  it("nothing before sign-in: no name, no code, no figure", async () => {
    await d.delegate("Mường So", "Lò Văn Bí Mật");
    const code = await d.code("muong-so");
    for (const path of ["/ban-to-chuc/", "/ban-to-chuc/don-vi", "/ban-to-chuc/diem-danh", "/ban-to-chuc/tai-ve/bang-tong-hop.xlsx"]) {
      const res = await new Client(d.root).get(path);
      expect(res.status).toBe(401);
      expect(res.body).toContain("chưa đăng nhập");
      expect(res.body).not.toContain("Lò Văn Bí Mật");
      expect(res.body).not.toContain(code);
    }
  });

  it("an expired session and a non-organizer's session are refused; sign-out ends the session", async () => {
    const c = await signedIn();
    d.clock.advance(8 * 60 * 60_000 + 1);
    expect((await c.get("/ban-to-chuc/")).status).toBe(401);

    const ms = await d.delegate("Mường So");
    const { token } = d.sessions.open(ms.key, d.clock.now());
    const delegate = new Client(d.root);
    delegate.cookie = `hoinghi_desk=${token}`;
    const refused = await delegate.get("/ban-to-chuc/don-vi");
    expect(refused.status).toBe(401);

    const again = await signedIn();
    const page = await again.get("/ban-to-chuc/");
    const out = await again.post("/ban-to-chuc/thoat", { _csrf: again.csrf(page.body) });
    expect(out.body).toContain("đã đăng xuất");
    const kept = new Client(d.root);
    kept.cookie = (await signedIn()).cookie;
    expect((await kept.get("/ban-to-chuc/")).status).toBe(200);
  });

  it("a form without its CSRF token changes nothing", async () => {
    const c = await signedIn();
    const before = await d.code("muong-so");
    const res = await c.post("/ban-to-chuc/don-vi/muong-so/ma-moi", {});
    expect(res.status).toBe(403);
    expect(res.body).toContain("chưa có gì thay đổi");
    const wrong = await c.post("/ban-to-chuc/don-vi/muong-so/ma-moi", { _csrf: "x".repeat(32) });
    expect(wrong.status).toBe(403);
    expect(await d.code("muong-so")).toBe(before);
  });
});

describe("đơn vị", () => {
  it("answers on behalf of a unit, escapes what was typed, and the unit is told", async () => {
    const ms = await d.delegate("Mường So");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/don-vi");
    const res = await c.post("/ban-to-chuc/don-vi/muong-so/tra-loi", {
      _csrf: c.csrf(page.body),
      seat: "chair",
      status: "attend",
      text: "<script>alert(1)</script>, Chủ tịch",
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain("Đã ghi trả lời của UBND xã Mường So");
    expect(res.body).not.toContain("<script>alert");
    expect(res.body).toContain("&lt;script&gt;");
    const told = d.sent.filter((s) => s.account === ms.key).map((s) => s.text);
    // The same text /dangky Mường So … sends from the chat (src/actions/attendance.ts).
    expect(told.join("\n")).toContain("Kính gửi UBND xã Mường So: Ban tổ chức (đồng chí Lò Thị Nội Vụ) đã ghi thay câu trả lời cho vị trí Chủ tịch UBND xã");
    const units = await c.get("/ban-to-chuc/don-vi");
    expect(units.body).not.toContain("<script>alert");
    expect(await ms.say("/dangky")).toContain("tham dự, <script>alert(1)</script>");
  });

  it("re-issues and revokes a code, and removes an account from its unit, each after the question", async () => {
    const ms = await d.delegate("Mường So", "Lò Văn Cũ");
    const old = await d.code("muong-so");
    const c = await signedIn();
    let page = await c.get("/ban-to-chuc/don-vi/muong-so");
    expect(page.body).toContain(old);
    const ask = await c.get("/ban-to-chuc/don-vi/muong-so/ma-moi");
    expect(ask.body).toContain(`Mã mời đang dùng (${old}) — mã đã in trên giấy mời gửi đơn vị — sẽ không còn dùng được.`);
    const re = await c.post("/ban-to-chuc/don-vi/muong-so/ma-moi", { _csrf: c.csrf(ask.body), confirm: "1" });
    expect(re.body).toContain("Đã cấp mã mời mới cho UBND xã Mường So");
    expect(await d.code("muong-so")).not.toBe(old);
    page = await c.get("/ban-to-chuc/don-vi/muong-so");
    const rv = await c.post("/ban-to-chuc/don-vi/muong-so/thu-hoi", { _csrf: c.csrf(page.body), confirm: "1" });
    expect(rv.body).toContain("Đã thu hồi mã mời của UBND xã Mường So");
    const rm = await c.post("/ban-to-chuc/don-vi/muong-so/go-tai-khoan", { _csrf: c.csrf(page.body), account: ms.key, confirm: "1" });
    expect(rm.body).toContain("Đã gỡ tài khoản Lò Văn Cũ khỏi UBND xã Mường So");
    expect(d.app.store.data.accounts[ms.key]?.unitId).toBeUndefined();
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("đã gỡ tài khoản"))).toBe(true);
  });
});

describe("tham luận", () => {
  it("shows the latest version beside the previous one; accepting tells the unit in its chat", async () => {
    const ms = await d.delegate("Mường So");
    await ms.say("/thamluan Bản thứ nhất <b>đậm</b>.");
    await ms.say("/thamluan Bản thứ hai, đã sửa.");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    expect(page.body).toContain("Bản thứ hai, đã sửa.");
    expect(page.body).toContain("Bản thứ nhất &lt;b&gt;đậm&lt;/b&gt;.");
    const res = await c.post("/ban-to-chuc/tham-luan/muong-so/chap-nhan", { _csrf: c.csrf(page.body), version: "2" });
    expect(res.body).toContain("Đã chấp nhận tham luận bản 2 của UBND xã Mường So");
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("Ban tổ chức đã chấp nhận tham luận (bản 2)"))).toBe(true);
    expect(await ms.say("/thamluan")).toContain("Ban tổ chức đã chấp nhận bản 2");
    const notice = d.app.store.data.notices.at(-1);
    expect(notice?.kind).toBe("review");
    expect(notice?.createdBy).toBe(d.org.key);
  });

  it("asking for changes needs a note, and the unit reads the note", async () => {
    const ms = await d.delegate("Mường So");
    await ms.say("/thamluan Nội dung ban đầu.");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    const empty = await c.post("/ban-to-chuc/tham-luan/muong-so/yeu-cau-sua", { _csrf: c.csrf(page.body), version: "1", note: "" });
    expect(empty.status).toBe(400);
    const res = await c.post("/ban-to-chuc/tham-luan/muong-so/yeu-cau-sua", { _csrf: c.csrf(page.body), version: "1", note: "Bổ sung số liệu năm 2023" });
    expect(res.status).toBe(200);
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("Bổ sung số liệu năm 2023"))).toBe(true);
  });
});

describe("chỉ số CCHC", () => {
  it("uploads the sample, previews it, confirms and publishes; the delegate's /diem shows it", async () => {
    const ms = await d.delegate("Mường So");
    expect(await ms.say("/diem")).toContain("chưa được công bố");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/chi-so");
    const upload = new FormData();
    upload.set("_csrf", c.csrf(page.body));
    upload.set("file", new File([new Uint8Array(sampleBytes())], "phong-tho-2023.sample.csv", { type: "text/csv" }));
    const preview = await c.post("/ban-to-chuc/chi-so/tai-len", upload);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain("Xác nhận nhập bảng điểm");
    expect(d.app.store.data.scores.current).toBeUndefined();
    const id = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1] as string;
    const confirmed = await c.post("/ban-to-chuc/chi-so/xac-nhan", { _csrf: c.csrf(page.body), preview: id });
    expect(confirmed.status).toBe(200);
    expect(d.app.store.data.scores.current?.units.length).toBeGreaterThan(0);
    const again = await c.post("/ban-to-chuc/chi-so/xac-nhan", { _csrf: c.csrf(page.body), preview: id });
    expect(again.status).toBe(400);
    // Not published yet: the public page shows no ranking.
    expect((await new Client(d.root).get("/")).body).not.toContain("Kết quả Chỉ số CCHC");
    const scores = await c.get("/ban-to-chuc/chi-so");
    expect(scores.body).toContain('src="data:image/svg+xml;base64,');
    const question = await c.get(/href="(\/ban-to-chuc\/chi-so\/cong-bo\?[^"]+)"/.exec(scores.body)?.[1]?.replace(/&amp;/g, "&") as string);
    expect(question.body).toContain("1 tài khoản đại biểu của 1 đơn vị nhận ngay tin kết quả của đơn vị mình.");
    const importedAt = /name="importedAt" value="([^"]+)"/.exec(question.body)?.[1] as string;
    const published = await c.post("/ban-to-chuc/chi-so/cong-bo", { _csrf: c.csrf(page.body), importedAt, confirm: "1" });
    expect(published.body).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023");
    expect(d.sent.some((s) => s.account === ms.key && s.text.includes("Ban tổ chức đã công bố kết quả Chỉ số CCHC năm 2023"))).toBe(true);
    expect(await ms.say("/diem")).toContain("CHỈ SỐ CCHC NĂM 2023 — UBND xã Mường So");
    const pub = await new Client(d.root).get("/");
    expect(pub.body).toContain("Kết quả Chỉ số CCHC năm 2023");
    expect(pub.body).toContain("Mường So");
  });

  it("refuses a wrong file type and an oversized upload, nothing changed", async () => {
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/chi-so");
    const pdf = new FormData();
    pdf.set("_csrf", c.csrf(page.body));
    pdf.set("file", new File([new Uint8Array(Buffer.from("%PDF-1.4"))], "bang-diem.pdf", { type: "application/pdf" }));
    const wrong = await c.post("/ban-to-chuc/chi-so/tai-len", pdf);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain("bang-diem.pdf");
    const big = new FormData();
    big.set("_csrf", c.csrf(page.body));
    big.set("file", new File([new Uint8Array(6_000_000)], "bang-diem.csv", { type: "text/csv" }));
    const tooBig = await c.post("/ban-to-chuc/chi-so/tai-len", big);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toContain("Tệp quá lớn (tối đa 5 MB)");
    expect(d.app.store.data.scores.current).toBeUndefined();
    const longForm = await c.post("/ban-to-chuc/don-vi/muong-so/tra-loi", { _csrf: c.csrf(page.body), seat: "chair", status: "absent", text: "x".repeat(70_000) });
    expect(longForm.status).toBe(413);
    expect(d.app.store.data.rsvps).toHaveLength(0);
  });
});

describe("điểm danh và tải về", () => {
  it("the board counts a check-in made on Zalo, and checks a seat in on behalf", async () => {
    await d.org.say("/datlich 01/05/2027 09:30 | Hội trường UBND huyện");
    const zalo = await d.delegate("Mường So", "Đại biểu Zalo", { channel: "zalo" });
    await d.delegate("Dào San");
    const c = await signedIn();
    const empty = await c.get("/ban-to-chuc/diem-danh");
    // Reading the board issues nothing: the code comes from the button.
    expect(empty.body).toContain("Chưa có mã điểm danh");
    expect(d.app.store.data.checkinCode).toBeUndefined();
    const issued = await c.post("/ban-to-chuc/diem-danh/ma", { _csrf: c.csrf(empty.body) });
    expect(issued.status).toBe(303);
    const before = await c.get("/ban-to-chuc/diem-danh");
    expect(before.body).toContain("Có mặt 0/");
    // No reload every few seconds (it lost a seat chosen in a list): the figures come in place (tests/desk/reception.test.ts).
    expect(before.body).not.toContain('http-equiv="refresh"');
    expect(before.body).toContain('data-live-url="/ban-to-chuc/diem-danh/so-lieu"');
    expect(before.body).toContain("data:image/png;base64,");
    const code = d.app.store.data.checkinCode?.code as string;
    expect(before.body).toContain(`Mã điểm danh: ${code}`);
    expect(await zalo.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");
    const after = await c.get("/ban-to-chuc/diem-danh");
    expect(after.body).toContain("Có mặt 1/");
    const behalf = await c.post("/ban-to-chuc/diem-danh/thay", { _csrf: c.csrf(after.body), unit: "dao-san", seat: "chair" });
    expect(behalf.body).toContain("Đã điểm danh thay cho UBND xã Dào San");
    expect((await c.get("/ban-to-chuc/diem-danh")).body).toContain("Có mặt 2/");
    const twice = await c.post("/ban-to-chuc/diem-danh/thay", { _csrf: c.csrf(after.body), unit: "dao-san", seat: "chair" });
    expect(twice.status).toBe(400);
  });

  it("the workbook downloaded says 'Xuất lúc' the app's clock and is named for it, not the machine's", async () => {
    d.clock.set("2027-06-19T23:45:00Z");
    const c = await signedIn();
    const res = await d.root.request("http://127.0.0.1/ban-to-chuc/tai-ve/bang-tong-hop.xlsx", { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain("20270620-0645");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    for (const ws of wb.worksheets) expect(ws.getRow(3).getCell(1).value, ws.name).toBe("Xuất lúc 20/06/2027 06:45");
  });

  it("downloads the workbook; any other name, and a path out of the folder, is not found", async () => {
    const c = await signedIn();
    const list = await c.get("/ban-to-chuc/tai-ve");
    expect(list.body).toContain("/ban-to-chuc/tai-ve/bang-tong-hop.xlsx");
    const res = await d.root.request("http://127.0.0.1/ban-to-chuc/tai-ve/bang-tong-hop.xlsx", { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(list.body).not.toContain("lich-hoi-nghi.ics");
    expect((await c.get("/ban-to-chuc/tai-ve/lich-hoi-nghi.ics")).status).toBe(404);
    await d.org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    expect((await c.get("/ban-to-chuc/tai-ve")).body).toContain("/ban-to-chuc/tai-ve/lich-hoi-nghi.ics");
    const ics = await c.get("/ban-to-chuc/tai-ve/lich-hoi-nghi.ics");
    expect(ics.status).toBe(200);
    expect(ics.body).toContain("BEGIN:VCALENDAR");
    for (const path of ["/ban-to-chuc/tai-ve/..%2F..%2Fstore.json", "/ban-to-chuc/tai-ve/%2e%2e%2fdesk.key", "/ban-to-chuc/tai-ve/__proto__", "/ban-to-chuc/tham-luan/muong-so/tep/1/..%2F..%2Fdesk.key"]) {
      const r = await c.get(path);
      expect(r.status).toBe(404);
      expect(r.body).toContain("Không tìm thấy");
    }
  });
});

describe("trang công khai", () => {
  it("shows the title and agenda, never a code, a name or an embargoed score", async () => {
    await d.delegate("Mường So", "Lò Văn Bí Mật");
    const code = await d.code("muong-so");
    const res = await new Client(d.root).get("/");
    expect(res.status).toBe(200);
    expect(res.body).toContain(d.app.services.conference.conf.title);
    expect(res.body).toContain("Chương trình");
    expect(res.body).not.toContain("Lò Văn Bí Mật");
    expect(res.body).not.toContain(code);
  });
});
