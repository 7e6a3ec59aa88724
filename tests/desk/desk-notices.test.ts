// The desk's Thông báo page and the documents of Tải về, over HTTP: every step is the one /thongbao
// takes, and every file is the one /giaymoi, /danhsach and /diemdanh poster send.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Client, createDeskTest, type DeskTest } from "./helpers.js";

let d: DeskTest;
beforeEach(async () => {
  d = await createDeskTest({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await d.stop();
});

async function signedIn(): Promise<Client> {
  const c = new Client(d.root);
  expect((await c.open(await d.linkFrom(d.org))).status).toBe(303);
  return c;
}

const idIn = (body: string) => /name="id" value="([a-z0-9]{6})"/.exec(body)?.[1] as string;

describe("thông báo từ bàn làm việc", () => {
  it("composes, previews per channel with the count, sends, and the delegate receives it and can acknowledge", async () => {
    const ms = await d.delegate("Mường So", "Lò Văn Mường");
    const tg = await d.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang", { channel: "telegram", userId: "7001" });
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/thong-bao");
    expect(page.body).toContain("Tất cả đại biểu (2 tài khoản)");
    const preview = await c.post("/ban-to-chuc/thong-bao/xem", { _csrf: c.csrf(page.body), audience: "xa", text: "Đề nghị các xã <b>nộp</b> số liệu trước 15/6." });
    expect(preview.status).toBe(200);
    expect(preview.body).toContain("Số tài khoản nhận: 2 (Telegram 1, Zalo 0, kênh thử 1)");
    expect(preview.body).toContain("&lt;b&gt;nộp&lt;/b&gt;");
    expect(preview.body).not.toContain("<b>nộp");
    expect(d.app.store.data.notices).toEqual([]);
    const id = idIn(preview.body);
    const sent = await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(preview.body), id });
    expect(sent.body).toContain(`Đã xếp thông báo ${id} vào hàng đợi gửi tới 2 tài khoản`);
    await d.app.outbox.idle();
    for (const p of [ms, tg]) expect(d.sent.some((s) => s.account === p.key && s.text.includes("Đề nghị các xã <b>nộp</b> số liệu"))).toBe(true);
    await ms.say("đã nhận");
    const status = await c.get(`/ban-to-chuc/thong-bao/${id}`);
    expect(status.body).toContain("Đã xác nhận nhận thông báo");
    expect(status.body).toContain("Lò Văn Mường");
    expect((await c.get("/ban-to-chuc/thong-bao")).body).toContain(`/ban-to-chuc/thong-bao/${id}`);
    // Confirming twice sends nothing more.
    const twice = await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(preview.body), id });
    expect(twice.status).toBe(400);
    expect(d.app.store.data.notices.filter((n) => n.kind === "broadcast").length).toBe(1);
  });

  it("sends to named units at a set time, and the scheduled notice can be cancelled", async () => {
    await d.delegate("Mường So");
    const other = await d.delegate("Bản Lang");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/thong-bao");
    const fields = new URLSearchParams({ _csrf: c.csrf(page.body), audience: "donvi", text: "Họp chuẩn bị", time: "2027-06-20T07:30" });
    fields.append("units", "muong-so");
    const preview = await d.root.request("http://127.0.0.1/ban-to-chuc/thong-bao/xem", { method: "POST", body: fields, headers: { cookie: c.cookie } });
    const body = await preview.text();
    expect(body).toContain("Số tài khoản nhận: 1");
    expect(body).toContain("Hẹn gửi lúc 7 giờ 30, Chủ nhật, ngày 20/6/2027");
    const id = idIn(body);
    const scheduled = await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(body), id });
    expect(scheduled.status).toBe(200);
    expect(d.app.store.data.notices[0]?.sendAt).toBe("2027-06-20T00:30:00.000Z");
    const status = await c.get(`/ban-to-chuc/thong-bao/${id}`);
    expect(status.body).toContain("/ban-to-chuc/thong-bao/huy");
    await c.post("/ban-to-chuc/thong-bao/huy", { _csrf: c.csrf(status.body), id });
    expect(d.app.store.data.notices[0]?.cancelledAt).toBeTruthy();
    expect(d.sent.some((s) => s.account === other.key)).toBe(false);
  });

  it("shows a delivery parked after its tries with its reason, and tries it again", async () => {
    const ms = await d.delegate("Mường So", "Lò Văn Mường");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/thong-bao");
    const preview = await c.post("/ban-to-chuc/thong-bao/xem", { _csrf: c.csrf(page.body), audience: "tatca", text: "Lịch họp mới" });
    const id = idIn(preview.body);
    await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(preview.body), id });
    await d.app.outbox.idle();
    // The platform refused it every time: the outbox parked it.
    await d.app.store.mutate((data) => {
      const x = data.deliveries.find((y) => y.noticeId === id && y.account === ms.key);
      if (x) Object.assign(x, { state: "failed", error: "Máy chủ Zalo không trả lời" });
    });
    const status = await c.get(`/ban-to-chuc/thong-bao/${id}`);
    expect(status.body).toContain("Không gửi được sau nhiều lần thử: 1 tài khoản");
    expect(status.body).toContain("Máy chủ Zalo không trả lời");
    expect(status.body).toContain("Thử gửi lại cho 1 tài khoản bị lỗi");
    const before = d.sent.filter((s) => s.account === ms.key).length;
    const retried = await c.post("/ban-to-chuc/thong-bao/gui-loi", { _csrf: c.csrf(status.body), id });
    expect(retried.body).toContain(`Đã xếp gửi lại thông báo ${id} cho 1 tài khoản bị lỗi`);
    await d.app.outbox.idle();
    expect(d.sent.filter((s) => s.account === ms.key && s.text.includes("Lịch họp mới")).length).toBe(before + 1);
    const again = await c.post("/ban-to-chuc/thong-bao/gui-loi", { _csrf: c.csrf(status.body), id });
    expect(again.status).toBe(400);
    expect(again.body).toContain("không có tài khoản nào bị lỗi");
  });

  it("resends to those who have not acknowledged, through the same preview", async () => {
    const ms = await d.delegate("Mường So", "Lò Văn Mường");
    const bl = await d.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/thong-bao");
    const preview = await c.post("/ban-to-chuc/thong-bao/xem", { _csrf: c.csrf(page.body), audience: "tatca", text: "Đề nghị xác nhận số đại biểu" });
    const id = idIn(preview.body);
    await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(preview.body), id });
    await d.app.outbox.idle();
    await ms.say("đã nhận");
    const status = await c.get(`/ban-to-chuc/thong-bao/${id}`);
    expect(status.body).toContain("/ban-to-chuc/thong-bao/gui-lai");
    const again = await c.post("/ban-to-chuc/thong-bao/gui-lai", { _csrf: c.csrf(status.body), id });
    expect(again.body).toContain("Số tài khoản nhận: 1 (Telegram 0, Zalo 0, kênh thử 1)");
    const resendId = idIn(again.body);
    expect(resendId).not.toBe(id);
    await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(again.body), id: resendId });
    await d.app.outbox.idle();
    expect(d.sent.filter((s) => s.account === bl.key && s.text.includes("Đề nghị xác nhận số đại biểu")).length).toBe(2);
    expect(d.sent.filter((s) => s.account === ms.key && s.text.includes("Đề nghị xác nhận số đại biểu")).length).toBe(1);
  });

  it("refuses bad input with one Vietnamese sentence above the form kept as typed, and writes nothing", async () => {
    await d.delegate("Mường So");
    const c = await signedIn();
    const page = await c.get("/ban-to-chuc/thong-bao");
    const csrf = c.csrf(page.body);
    const cases: Array<Record<string, string>> = [
      { audience: "tatca", text: "" },
      { audience: "ai-do", text: "Nội dung" },
      { audience: "tatca", text: "x".repeat(2001) },
      { audience: "tatca", text: "Nội dung", time: "2020-01-01T08:00" },
      { audience: "donvi", text: "Nội dung" },
      { audience: "coquan", text: "Nội dung" },
    ];
    for (const fields of cases) {
      const res = await c.post("/ban-to-chuc/thong-bao/xem", { _csrf: csrf, ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      // One sentence above the form, which comes back as it was sent.
      expect(res.body).toContain('<p class="refusal" role="alert">');
      expect(res.body).toContain(`maxlength="2000">${fields.text}</textarea>`);
    }
    const noCsrf = await c.post("/ban-to-chuc/thong-bao/xem", { audience: "tatca", text: "Nội dung" });
    expect(noCsrf.status).toBe(403);
    expect((await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: csrf, id: "../x" })).status).toBe(400);
    expect(d.app.store.data.notices).toEqual([]);
    expect(d.app.store.data.deliveries).toEqual([]);
  });
});

describe("tải về các văn bản", () => {
  it("offers the letters, the sign-in list and, once a hall code exists, the poster", async () => {
    const c = await signedIn();
    const get = (name: string) => d.root.request(`http://127.0.0.1/ban-to-chuc/tai-ve/${name}`, { headers: { cookie: c.cookie } });
    const list = await c.get("/ban-to-chuc/tai-ve");
    expect(list.body).toContain("/ban-to-chuc/tai-ve/giay-moi.docx");
    expect(list.body).toContain("/ban-to-chuc/tai-ve/danh-sach-dai-bieu.docx");
    expect(list.body).not.toContain("ap-phich-diem-danh.png");
    expect((await get("ap-phich-diem-danh.png")).status).toBe(404);
    for (const name of ["giay-moi.docx", "danh-sach-dai-bieu.docx"]) {
      const res = await get(name);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("wordprocessingml");
      const data = Buffer.from(await res.arrayBuffer());
      expect(data.subarray(0, 2).toString()).toBe("PK");
    }
    // Downloading the letters issues no code (reading never writes): the page says who has none and offers the button.
    expect(d.app.store.data.invites).toEqual([]);
    expect(list.body).toContain("Cấp mã mời còn thiếu");
    // The board's button issues the hall code (opening the board does not).
    const board = await c.get("/ban-to-chuc/diem-danh");
    expect((await c.get("/ban-to-chuc/tai-ve")).body).not.toContain("ap-phich-diem-danh.png");
    await c.post("/ban-to-chuc/diem-danh/ma", { _csrf: c.csrf(board.body) });
    expect((await c.get("/ban-to-chuc/tai-ve")).body).toContain("/ban-to-chuc/tai-ve/ap-phich-diem-danh.png");
    const poster = await get("ap-phich-diem-danh.png");
    expect(poster.status).toBe(200);
    expect(poster.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await poster.arrayBuffer()).subarray(1, 4).toString()).toBe("PNG");
  });
});
