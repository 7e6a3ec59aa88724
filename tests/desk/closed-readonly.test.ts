// Hội nghị 2023 đã kết thúc: Ban tổ chức mở bàn làm việc, mọi trang chỉ để xem — dòng đầu trang nói
// hội nghị đã kết thúc ngày nào, không còn nút trả lời thay, điểm danh, tải bảng điểm, công bố, soạn
// thông báo, giao nhiệm vụ, chấp nhận tham luận; vẫn tìm, lọc, tải giấy mời, tải bảng theo dõi được.
// Bàn lễ tân mở từ trước khi kết thúc bấm điểm danh: nhận câu trả lời JSON 409 bằng một câu tiếng Việt,
// không có gì thay đổi.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleBytes, sendTable } from "../scores/helpers.js";
import { type Client, createDeskTest, type DeskTest } from "./helpers.js";

const BASE = "/ban-to-chuc";
const CLOSED_LINE = "“Hội nghị Chỉ số CCHC năm 2023” đã kết thúc ngày 3/5/2027: các trang chỉ để xem, không sửa được.";
const REFUSED = "Hội nghị này đã kết thúc: số liệu của hội nghị chỉ để xem, không thay đổi được nữa. Chưa có gì thay đổi.";

/**
 * Each page checked, with what posts a change on it while the conference runs (the form's action, or
 * the question a button leads to): the same page of the closed conference must have none of them.
 */
const PAGES: Array<[path: string, changes: string[]]> = [
  ["/", []],
  ["/don-vi", []],
  ["/don-vi/muong-so", ["/don-vi/muong-so/tra-loi", "/don-vi/muong-so/ma-moi", "/don-vi/muong-so/thu-hoi", "/don-vi/muong-so/go-tai-khoan"]],
  ["/tham-luan", []],
  ["/tham-luan/muong-so", ["/tham-luan/muong-so/chap-nhan", "/tham-luan/muong-so/yeu-cau-sua"]],
  ["/chi-so", ["/chi-so/tai-len", "/chi-so/cong-bo"]],
  ["/diem-danh", ["/diem-danh/ma", "/diem-danh/thay"]],
  ["/le-tan", ["/le-tan/diem-danh"]],
  ["/tai-ve", ["/tai-ve/cap-ma-moi"]],
  ["/thong-bao", ["/thong-bao/xem"]],
  ["/nhiem-vu", ["/nhiem-vu/giao", "/nhiem-vu/tai-len", "/nhiem-vu/quyet-dinh"]],
  ["/ket-luan", ["/ket-luan/luu"]],
  ["/khac-phuc", []],
  ["/phan-tich", []],
];

/** The forms of a page that post, by their action (the sign-out form of the menu included). */
const postForms = (body: string) => [...body.matchAll(/<form\b[^>]*method="post"[^>]*action="([^"]*)"/gi)].map((m) => m[1] as string);
/** The addresses the page links to. */
const links = (body: string) => [...body.matchAll(/<a\b[^>]*href="([^"]*)"/gi)].map((m) => (m[1] as string).replace(/&amp;/g, "&"));
/** Whatever on the page leads to `change`: a form posting to it, a link to its question. */
const leadsTo = (body: string, change: string) => [...postForms(body), ...links(body)].filter((target) => target.split("?")[0] === `${BASE}${change}`);

let d: DeskTest;
let c: Client;
beforeEach(async () => {
  d = await createDeskTest();
  // The conference as it stood on its last day: Mường So answered and submitted its speech, a task
  // was given and reported, the scores imported but not yet published.
  const ms = await d.delegate("Mường So", "Lò Văn Mường");
  await ms.say("/thamluan Báo cáo tham luận của xã Mường So về cải cách hành chính.");
  await d.org.say("/nhiemvu giao Mường So | Niêm yết đủ thủ tục hành chính | 3.2 | 31/12/2027");
  await ms.say("/nhiemvu 1 đã hoàn thành: niêm yết đủ 112 thủ tục");
  await sendTable(d.org, sampleBytes(), "phong-tho-2023.sample.csv");
  await d.org.say("1");
  d.clock.set("2027-05-03T03:00:00Z");
  c = await d.signIn();
});
afterEach(async () => {
  await d.stop();
});

async function close(): Promise<string> {
  await d.app.conferences.close("phong-tho-2023", d.org.key);
  return JSON.stringify(d.app.root.data.conferences["phong-tho-2023"]);
}

describe("hội nghị đã kết thúc: bàn làm việc chỉ để xem", () => {
  it("while 2023 runs, each page draws its forms and buttons that change it (so the check below can fail)", async () => {
    for (const [p, changes] of PAGES) {
      const page = await c.get(`${BASE}${p}`);
      expect(page.status, p).toBe(200);
      expect(page.body, p).not.toContain("đã kết thúc ngày");
      for (const change of changes) expect(leadsTo(page.body, change), `${p} → ${change}`).not.toEqual([]);
    }
  });

  it("once 2023 is closed, every page says so at the top and draws no form that posts a change, but sign-out", async () => {
    await close();
    for (const [p, changes] of PAGES) {
      const page = await c.get(`${BASE}${p}`);
      expect(page.status, p).toBe(200);
      expect(page.body, p).toContain(CLOSED_LINE);
      for (const change of changes) expect(leadsTo(page.body, change), `${p} → ${change}`).toEqual([]);
      expect(page.body, p).toContain(`<a href="${BASE}/hoi-nghi">Chọn hội nghị đang diễn ra để làm việc</a>`);
      expect(postForms(page.body), p).toEqual([`${BASE}/thoat`]);
      // No hint of what can no longer be done here.
      expect(page.body, p).not.toContain("trả lời thay");
    }
  });

  it("the Hội nghị page keeps only its own forms (to work on, read or add a conference) and says the same line; a question before a change is not asked", async () => {
    await close();
    const list = await c.get(`${BASE}/hoi-nghi`);
    expect(list.status).toBe(200);
    expect(list.body).toContain(CLOSED_LINE);
    const forms = postForms(list.body).filter((a) => a !== `${BASE}/thoat`);
    expect(forms).toContain(`${BASE}/hoi-nghi/them`);
    for (const action of forms) expect(action.startsWith(`${BASE}/hoi-nghi/`), action).toBe(true);
    // The question of "Cấp mã mới", opened from an address kept from before: refused, the code unchanged.
    const codes = () => JSON.stringify(d.app.store.data.invites.filter((i) => i.target === "muong-so"));
    const before = codes();
    expect(before).toContain('"target":"muong-so"');
    const question = await c.get(`${BASE}/don-vi/muong-so/ma-moi`);
    expect(question.status).toBe(409);
    expect(question.body).toContain(REFUSED);
    expect(postForms(question.body)).toEqual([`${BASE}/thoat`]);
    expect(codes()).toBe(before);
  });

  it("the reception opened before the close taps Điểm danh: JSON 409 with the Vietnamese sentence, nothing checked in", async () => {
    const page = await c.get(`${BASE}/le-tan?q=muong so`);
    const csrf = c.csrf(page.body);
    /** A tap as the reception's script sends it (fetch, Accept: application/json). */
    const tap = (fields: Record<string, string>) =>
      d.root.request(`http://127.0.0.1${BASE}/le-tan/diem-danh`, {
        method: "POST",
        body: new URLSearchParams(fields),
        headers: { cookie: c.cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      });
    // While it runs, a form gone stale is answered in JSON too, with its own sentence.
    const stale = await tap({ _csrf: "cu", unit: "muong-so", seat: "chair" });
    expect(stale.status).toBe(403);
    expect(stale.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await stale.json()) as { message: string }).message).toContain("Biểu mẫu đã hết hiệu lực");

    const before = await close();
    const res = await tap({ _csrf: csrf, unit: "muong-so", seat: "chair", q: "muong so" });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const answer = (await res.json()) as { ok: boolean; message: string };
    expect(answer).toMatchObject({ ok: false, message: expect.stringContaining(REFUSED) });
    expect(d.app.store.data.checkins).toEqual([]);
    expect(JSON.stringify(d.app.root.data.conferences["phong-tho-2023"])).toBe(before);
    // The same tap from a browser without the script: the refusal page, as before.
    const plain = await c.post(`${BASE}/le-tan/diem-danh`, { _csrf: csrf, unit: "muong-so", seat: "chair" });
    expect(plain.status).toBe(409);
    expect(plain.headers.get("content-type")).toMatch(/^text\/html/);
    expect(plain.body).toContain(REFUSED);
  });
});
