// Trang Hội nghị của bàn làm việc: Ban tổ chức thêm hội nghị năm 2025 bằng tệp hội nghị, đại biểu xã
// Mường So đã tham gia từ hội nghị 2023 nhận giấy mời mới không cần mã; Ban tổ chức chuyển sang làm việc
// với hội nghị 2025 (cùng lựa chọn với /hoinghi), kết thúc hội nghị 2023 sau câu hỏi xác nhận; hội nghị
// 2023 vẫn xem được nhưng không thay đổi được nữa.
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refusalOf } from "../../src/desk/errors.js";
import { deskTranslate } from "../../src/desk/words.js";
import { ConferenceClosed } from "../../storage/conference-view.js";
import { type Client, createDeskTest, type DeskTest, laterConferenceFile } from "./helpers.js";

const BASE = "/ban-to-chuc";
let d: DeskTest;
beforeEach(async () => {
  d = await createDeskTest();
});
afterEach(async () => {
  await d.stop();
});

/** Uploads a conference file on the Conferences page, as a browser sends the form. */
async function upload(c: Client, name: string, text: string) {
  const page = await c.get(`${BASE}/hoi-nghi`);
  const form = new FormData();
  form.append("_csrf", c.csrf(page.body));
  form.append("file", new File([text], name, { type: "application/yaml" }));
  return c.post(`${BASE}/hoi-nghi/them`, form);
}

/** The line under the menu naming the conference shown (none while the bot serves one conference). */
const banner = (body: string) => /<p class="conf-line">([\s\S]*?)<a /.exec(body)?.[1]?.trim();

describe("nhiều hội nghị trên bàn làm việc", () => {
  it("the organizer adds the 2025 conference from its file; Mường So's delegate of 2023 gets the new giấy mời without a code; the desk switches to 2025", async () => {
    const ms = await d.delegate("muong-so", "Lò Văn Mường");
    const c = await d.signIn();
    let list = await c.get(`${BASE}/hoi-nghi`);
    expect(list.status).toBe(200);
    expect(list.body).toContain('aria-current="page">Hội nghị</a>');
    expect(list.body).toContain("Hội nghị Chỉ số CCHC năm 2023");
    expect(list.body).toContain("Đang làm việc với hội nghị này");
    // One conference: the pages look as before, no line naming it.
    expect(banner(list.body)).toBeUndefined();
    expect(banner((await c.get(`${BASE}/`)).body)).toBeUndefined();

    const file = await laterConferenceFile(d.dir, 2025);
    const added = await upload(c, "phong-tho-2025.yaml", await readFile(file, "utf8"));
    expect(added.status).toBe(200);
    expect(added.body).toContain("Đã thêm Hội nghị Chỉ số CCHC năm 2025.");
    expect(added.body).toContain("Đã gửi giấy mời mới cho đại biểu của 1 đơn vị");
    // The units nobody joined yet are named (Dào San among them), to be given their code.
    expect(added.body).toMatch(/đơn vị chưa có ai tham gia bot: [^<]*Dào San/);
    expect(existsSync(path.join(d.dir, "conferences", "phong-tho-2025.yaml"))).toBe(true);
    expect(readdirSync(path.join(d.dir, "conferences")).filter((f) => f.startsWith(".tai-len"))).toEqual([]);

    await d.app.outbox.idle();
    const told = d.sent.filter((s) => s.account === ms.key && s.text.includes("năm 2025"));
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain("không cần nhập lại mã mời");
    expect(told[0]?.replies.some((r) => r.kind === "file" && r.name.endsWith(".docx"))).toBe(true);

    // Two conferences now: every page names the one the desk works on, 2023 until the organizer switches.
    list = await c.get(`${BASE}/hoi-nghi`);
    expect(banner(list.body)).toBe("Hội nghị đang làm việc: Hội nghị Chỉ số CCHC năm 2023.");
    expect(list.body).toContain("Đang diễn ra");
    const chosen = await c.post(`${BASE}/hoi-nghi/chon`, { _csrf: c.csrf(list.body), id: "phong-tho-2025" });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toContain("Từ nay bàn làm việc và tin nhắn của đồng chí làm việc với Hội nghị Chỉ số CCHC năm 2025");
    for (const p of ["/", "/don-vi"]) {
      const shown = await c.get(`${BASE}${p}`);
      expect(shown.status).toBe(200);
      expect(banner(shown.body)).toBe("Hội nghị đang làm việc: Hội nghị Chỉ số CCHC năm 2025.");
    }
    // The same choice as the chat's: /hoinghi marks 2025 as the one the organizer works on.
    expect(await d.org.say("/hoinghi")).toMatch(/năm 2025 \(đang làm việc\)/);
  });

  it("the organizer closes 2023 after the question; its pages still read, a change on it is refused 409 and nothing changes", async () => {
    const c = await d.signIn();
    let page = await c.get(`${BASE}/don-vi/muong-so`);
    const answered = await c.post(`${BASE}/don-vi/muong-so/tra-loi`, { _csrf: c.csrf(page.body), seat: "chair", status: "attend", text: "Lò Văn Mường, Chủ tịch" });
    expect(answered.status).toBe(200);
    expect((await upload(c, "phong-tho-2025.yaml", await readFile(await laterConferenceFile(d.dir, 2025), "utf8"))).status).toBe(200);
    page = await c.get(`${BASE}/hoi-nghi`);
    await c.post(`${BASE}/hoi-nghi/chon`, { _csrf: c.csrf(page.body), id: "phong-tho-2025" });
    // 2025's pages: Mường So has answered nothing there yet.
    expect((await c.get(`${BASE}/don-vi/muong-so`)).body).toContain("<td>Chủ tịch UBND xã</td><td>chưa trả lời</td>");

    // The button asks first; the question's button closes it.
    const question = await c.get(`${BASE}/hoi-nghi/ket-thuc?id=phong-tho-2023`);
    expect(question.status).toBe(200);
    expect(question.body).toContain("Kết thúc Hội nghị Chỉ số CCHC năm 2023?");
    expect(question.body).toContain("không mở lại được");
    expect(d.app.conferences.get("phong-tho-2023")?.conference.closed()).toBe(false);
    const closed = await c.post(`${BASE}/hoi-nghi/ket-thuc`, { _csrf: c.csrf(question.body), id: "phong-tho-2023", confirm: "1" });
    expect(closed.status).toBe(200);
    expect(closed.body).toContain("Đã kết thúc Hội nghị Chỉ số CCHC năm 2023");
    expect(d.app.conferences.get("phong-tho-2023")?.conference.closed()).toBe(true);

    page = await c.get(`${BASE}/hoi-nghi`);
    expect(page.body).toContain("Đã kết thúc");
    expect(page.body).toContain("Xem hội nghị này (chỉ xem)");
    const read = await c.post(`${BASE}/hoi-nghi/xem`, { _csrf: c.csrf(page.body), id: "phong-tho-2023" });
    expect(read.status).toBe(303);
    // Its pages render, its answers shown, named as closed.
    const unit = await c.get(`${BASE}/don-vi/muong-so`);
    expect(unit.status).toBe(200);
    expect(unit.body).toContain("tham dự, Lò Văn Mường (Chủ tịch)");
    // One line says it is closed and since when, no line naming it as the one worked on.
    expect(banner(unit.body)).toBeUndefined();
    expect(unit.body).toContain("“Hội nghị Chỉ số CCHC năm 2023” đã kết thúc ngày 1/5/2027: các trang chỉ để xem, không sửa được.");
    for (const p of ["/", "/don-vi", "/tham-luan", "/chi-so", "/diem-danh", "/tai-ve", "/thong-bao", "/nhiem-vu", "/ket-luan", "/khac-phuc"]) {
      expect((await c.get(`${BASE}${p}`)).status, p).toBe(200);
    }

    const before = JSON.stringify(d.app.root.data.conferences["phong-tho-2023"]);
    const csrf = c.csrf(unit.body);
    for (const [p, fields] of [
      ["/don-vi/muong-so/tra-loi", { seat: "chair", status: "absent", text: "Đi công tác" }],
      ["/diem-danh/thay", { unit: "muong-so", seat: "chair" }],
      ["/tham-luan/muong-so/chap-nhan", { version: "1" }],
    ] as const) {
      const refused = await c.post(`${BASE}${p}`, { _csrf: csrf, ...fields });
      expect(refused.status, p).toBe(409);
      expect(refused.body).toContain("Hội nghị này đã kết thúc: số liệu của hội nghị chỉ để xem, không thay đổi được nữa. Chưa có gì thay đổi.");
    }
    expect(JSON.stringify(d.app.root.data.conferences["phong-tho-2023"])).toBe(before);

    // Back to work: 2025 again, its forms accepted.
    page = await c.get(`${BASE}/hoi-nghi`);
    expect((await c.post(`${BASE}/hoi-nghi/chon`, { _csrf: c.csrf(page.body), id: "phong-tho-2025" })).status).toBe(200);
    const units = await c.get(`${BASE}/don-vi`);
    expect(banner(units.body)).toBe("Hội nghị đang làm việc: Hội nghị Chỉ số CCHC năm 2025.");
    const for2025 = await c.post(`${BASE}/don-vi/muong-so/tra-loi`, { _csrf: c.csrf(units.body), seat: "chair", status: "absent", text: "Đi công tác" });
    expect(for2025.status).toBe(200);
    expect(JSON.stringify(d.app.conferences.get("phong-tho-2025")?.store.data.rsvps)).toContain("Đi công tác");
    expect(JSON.stringify(d.app.root.data.conferences["phong-tho-2023"])).toBe(before);
    // Closing it again is said to be done already.
    const again = await c.post(`${BASE}/hoi-nghi/ket-thuc`, { _csrf: c.csrf(units.body), id: "phong-tho-2023", confirm: "1" });
    expect(again.status).toBe(400);
    expect(again.body).toContain("đã kết thúc từ trước");
  });

  it("a wrong conference file is refused with the loader's sentence, an id already served with its own; nothing is added", async () => {
    const c = await d.signIn();
    const broken = await upload(c, "hoi-nghi-moi.yaml", "id: hoi-nghi-moi\ntitle: [chưa đóng\n");
    expect(broken.status).toBe(400);
    expect(broken.body).toMatch(/Tệp hội nghị hoi-nghi-moi\.yaml, dòng \d+, cột \d+: sai cú pháp YAML/);
    expect(broken.body).toContain("Chưa thêm hội nghị nào.");
    const incomplete = await upload(c, "thieu.yml", "id: thieu\ntitle: Hội nghị thiếu\n");
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatch(/Tệp hội nghị thieu\.yml, dòng \d+: thiếu trường/);
    const same = await upload(c, "ban-sao.yaml", await readFile(path.resolve("conferences/phong-tho-2023.yaml"), "utf8"));
    expect(same.status).toBe(400);
    expect(same.body).toContain("Đã có hội nghị mã “phong-tho-2023”");
    const notYaml = await upload(c, "bang-diem.xlsx", "id: x");
    expect(notYaml.status).toBe(400);
    expect(notYaml.body).toContain("Tệp hội nghị là tệp .yaml hoặc .yml");
    expect(d.app.conferences.list().map((x) => x.id)).toEqual(["phong-tho-2023"]);
    expect(readdirSync(path.join(d.dir, "conferences")).filter((f) => f.endsWith(".yaml"))).toEqual([]);
  });

  it("a change that reaches a closed conference's data all the same is answered 409 with the sentence", () => {
    const t = deskTranslate(d.app.services.i18n, "vi");
    const refused = refusalOf(t, new ConferenceClosed("phong-tho-2023"));
    expect(refused?.status).toBe(409);
    expect(refused?.text).toContain("Hội nghị này đã kết thúc");
  });
});
