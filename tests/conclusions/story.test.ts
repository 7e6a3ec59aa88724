// Kết luận Hội nghị: the seed conference ends (three units checked in); Mường So is given two tasks
// and Nậm Xe one; the organizers draft the Thông báo kết luận on the desk, send it to the units with
// tasks for comments by 24/6; Mường So comments in one line, Nậm Xe step by step; the organizers read
// the comments beside the draft and issue it (a question first); every unit gets its copy with "Đã
// nhận" (a file on Telegram, a link on Zalo) and acknowledges; Mường So's copy lists its two tasks
// first; the issued text cannot be changed.
import { afterEach, describe, expect, it } from "vitest";
import { renderReplies } from "../../src/channels/zalo/render.js";
import type { Reply } from "../../src/messages/types.js";
import type { DeskTest } from "../desk/helpers.js";
import { readDocx } from "../documents/helpers.js";
import type { Person } from "../helpers/app.js";
import { acknowledge, askForm, conferenceEnded, fileOf, PARTS, partsForm, repliesTo, signedIn } from "./helpers.js";

let d: DeskTest | undefined;
afterEach(async () => {
  await d?.stop();
  d = undefined;
});

describe("Thông báo kết luận Hội nghị", () => {
  it("drafted on the desk, sent for comments, commented in chat, issued to every unit with its copy, acknowledged; then it cannot change", async () => {
    const day = await conferenceEnded();
    d = day.d;
    const { ms, nx, vp } = day;
    const org = d.org;
    let c = await signedIn(d);
    const page = await c.get("/ban-to-chuc/ket-luan");
    expect(page.status).toBe(200);
    expect(page.body).toContain("Dự thảo, chưa gửi xin ý kiến.");
    // Sending before the assessment is written: one sentence, nothing sent.
    let csrf = c.csrf(page.body);
    const early = await c.post("/ban-to-chuc/ket-luan/gop-y", { _csrf: csrf, unit: "muong-so", deadline: "2027-06-24" });
    expect(early.status).toBe(400);
    expect(early.body).toContain("Dự thảo chưa có phần đánh giá kết quả đạt được");
    expect(d.app.store.data.conclusions.consultation).toBeUndefined();

    expect((await c.post("/ban-to-chuc/ket-luan/luu", partsForm(csrf, PARTS))).body).toContain("Đã lưu dự thảo Thông báo kết luận.");
    // The preview: the opening from the record (the day, the place, the chair, 3 of the seats invited), the tasks per unit.
    const preview = (await c.get("/ban-to-chuc/ket-luan/xem-truoc")).body;
    expect(preview).toContain("Ngày 20/6/2027, tại Hội trường UBND huyện, đồng chí Chủ tịch UBND huyện chủ trì Hội nghị phân tích kết quả Chỉ số CCHC");
    expect(preview).toMatch(/Tham dự Hội nghị có 3\/\d+ đại biểu được mời, đại diện 3\/\d+ cơ quan, đơn vị/);
    expect(preview).toContain("4. Giao nhiệm vụ cụ thể cho các cơ quan, đơn vị");
    // The whole text lists the units in the conference's order (Nậm Xe before Mường So).
    expect(preview).toContain("a) UBND xã Nậm Xe:");
    expect(preview).toContain("b) UBND xã Mường So:");

    // Sent for comments by 24/6 to the units with tasks (ticked on the form): each its copy, "Đã nhận".
    const ticked = (await c.get("/ban-to-chuc/ket-luan")).body;
    expect(ticked).toMatch(/value="muong-so" checked/);
    expect(ticked).not.toMatch(/value="van-phong-hdnd-ubnd" checked/);
    const f = askForm(csrf, ["muong-so", "nam-xe"], "2027-06-24");
    expect((await c.post("/ban-to-chuc/ket-luan/gop-y", f)).body).toContain("Đã gửi dự thảo xin ý kiến 2 đơn vị, hạn góp ý 24/6/2027.");
    await d.app.outbox.idle();
    const [draftToMs] = repliesTo(d, ms);
    expect(fileOf(draftToMs as Reply[]).name).toBe("du-thao-ket-luan-muong-so.docx");
    expect(JSON.stringify(draftToMs)).toContain("Kính gửi UBND xã Mường So: Ban tổ chức gửi dự thảo Thông báo kết luận Hội nghị (tệp kèm theo), đề nghị đơn vị góp ý trước ngày 24/6/2027.");
    const draftDoc = (await readDocx(fileOf(draftToMs as Reply[]).data)).paragraphs;
    expect(draftDoc).toContain("DỰ THẢO");
    expect(draftDoc).toContain("(Gửi các cơ quan, đơn vị góp ý trước ngày 24/6/2027)");
    expect(repliesTo(d, vp)).toEqual([]);

    // Mường So comments in one line; Nậm Xe step by step; the Văn phòng was not asked.
    d.clock.set("2027-06-22T03:00:00Z");
    expect(await ms.say("/ketluan gopy Đề nghị bổ sung nhiệm vụ tập huấn cho công chức một cửa")).toContain("Đã ghi nhận góp ý của UBND xã Mường So về dự thảo Thông báo kết luận");
    const asked = await nx.say("/ketluan");
    expect(asked).toContain("[file du-thao-ket-luan-nam-xe.docx]");
    expect(asked).toContain("đề nghị UBND xã Nậm Xe góp ý trước ngày 24/6/2027");
    expect(await nx.say("1")).toContain("Vui lòng gõ nội dung góp ý dự thảo Thông báo kết luận");
    expect(await nx.say("Nhất trí với dự thảo")).toContain("Đã ghi nhận góp ý của UBND xã Nậm Xe");
    expect(await vp.say("/ketluan gopy Ý kiến")).toContain("Dự thảo Thông báo kết luận không gửi xin ý kiến đơn vị của đồng chí.");
    await d.app.outbox.idle();
    expect(d.sent.some((s) => s.account === org.key && s.text.includes("UBND xã Mường So góp ý dự thảo Thông báo kết luận: Đề nghị bổ sung nhiệm vụ tập huấn"))).toBe(true);
    // Beside the draft: on the desk (signed in again: a day later) and in /ketluan.
    c = await signedIn(d);
    const beside = (await c.get("/ban-to-chuc/ket-luan")).body;
    csrf = c.csrf(beside);
    expect(beside).toContain("Đề nghị bổ sung nhiệm vụ tập huấn cho công chức một cửa");
    expect(beside).toContain("Nhất trí với dự thảo");
    const status = await d.org.say("/ketluan");
    expect(status).toContain("dự thảo đang xin ý kiến đến hết ngày 24/6/2027");
    expect(status).toContain("Đã gửi xin ý kiến 2 đơn vị: 0 đơn vị đã nhận, 2 đơn vị đã góp ý.");

    // Issued after the question: the question changes nothing; the confirmation freezes it and tells every unit.
    d.clock.set("2027-06-25T02:00:00Z");
    c = await signedIn(d);
    csrf = c.csrf((await c.get("/ban-to-chuc/ket-luan")).body);
    // A number that is none is refused before the question, with one sentence.
    const bad = await c.get("/ban-to-chuc/ket-luan/ban-hanh?number=12%2F5&day=2027-06-25");
    expect(bad.status).toBe(400);
    expect(bad.body).toContain("Số văn bản chỉ gồm chữ số (và chữ cái), tối đa 12 ký tự, ví dụ: 125.");
    const question = await c.get("/ban-to-chuc/ket-luan/ban-hanh?number=125&day=2027-06-25");
    expect(question.body).toContain("Ban hành Thông báo số 125/TB-VP ngày 25/6/2027.");
    expect(d.app.store.data.conclusions.issued).toBeUndefined();
    const mark = d.sent.length;
    const issued = await c.post("/ban-to-chuc/ket-luan/ban-hanh", { _csrf: csrf, number: "125", day: "2027-06-25", confirm: "1" });
    expect(issued.body).toContain("Đã ban hành Thông báo số 125/TB-VP ngày 25/6/2027; đã gửi 3 đơn vị.");
    await d.app.outbox.idle();
    const got = (p: Person) => repliesTo(d as DeskTest, p, mark)[0] as Reply[];
    for (const p of [ms, nx, vp]) expect(fileOf(got(p)).name).toMatch(/^thong-bao-ket-luan-125-.+\.docx$/);
    expect(JSON.stringify(got(ms))).toContain("1. Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa - 15/7/2027\\n3. Cập nhật hồ sơ công chức lên phần mềm - 31/7/2027");
    // On Zalo the file becomes a link of the person's own.
    const zalo = await renderReplies(got(vp), { t: d.app.services.i18n.forLanguage("vi"), publish: async (name) => `https://hoinghi.example.vn/tep/abc/${name}` });
    const texts = zalo.flatMap((o) => (o.method === "sendMessage" ? [o.text] : []));
    expect(texts.some((x) => x.includes("tải về tại https://hoinghi.example.vn/tep/abc/thong-bao-ket-luan-125-van-phong-hdnd-ubnd.docx"))).toBe(true);

    // Mường So's copy: the Mẫu 1.4 parts, its two tasks first.
    const p = (await readDocx(fileOf(got(ms)).data)).paragraphs;
    const at = (s: string) => p.findIndex((x) => x.includes(s));
    const order = ["UBND HUYỆN PHONG THỔ", "VĂN PHÒNG", "HĐND VÀ UBND HUYỆN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 125/TB-VP", "Phong Thổ, ngày 25 tháng 6 năm 2027", "THÔNG BÁO", "Kết luận của đồng chí Chủ tịch UBND huyện tại Hội nghị phân tích kết quả Chỉ số CCHC", "Ngày 20/6/2027, tại Hội trường UBND huyện", "kết luận như sau:", "1. Đánh giá kết quả đạt được", "2. Tồn tại, hạn chế và nguyên nhân", "3. Nhiệm vụ, giải pháp trong thời gian tới", "4. Giao nhiệm vụ cụ thể cho các cơ quan, đơn vị", "a) UBND xã Mường So:", "b) UBND xã Nậm Xe:", "Văn phòng HĐND và UBND huyện thông báo để các cơ quan, đơn vị biết, thực hiện./.", "Nơi nhận:", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"];
    const found = order.map(at);
    expect(found.every((i) => i >= 0), order.filter((_, i) => (found[i] as number) < 0).join(" | ")).toBe(true);
    expect(found).toEqual([...found].sort((a, b) => a - b));
    expect(p).not.toContain("DỰ THẢO");
    expect(p.slice(at("a) UBND xã Mường So:") + 1, at("a) UBND xã Mường So:") + 3)).toEqual([
      "- Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa (tiêu chí 3.2). Thời hạn hoàn thành: ngày 15/7/2027.",
      "- Cập nhật hồ sơ công chức lên phần mềm. Thời hạn hoàn thành: ngày 31/7/2027.",
    ]);
    expect(p[at("Tham dự Hội nghị có")]).toMatch(/Tham dự Hội nghị có 3\/\d+ đại biểu được mời/);
    // Nậm Xe's copy puts Nậm Xe first.
    const q = (await readDocx(fileOf(got(nx)).data)).paragraphs;
    expect(q.indexOf("a) UBND xã Nậm Xe:")).toBeGreaterThan(0);

    // Every unit acknowledges; the organizers see it.
    for (const who of [ms, nx, vp]) expect(await acknowledge(who, got(who))).toContain("đã xác nhận đã nhận thông báo");
    const after = await d.org.say("/ketluan");
    expect(after).toContain("THÔNG BÁO KẾT LUẬN — đã ban hành số 125/TB-VP ngày 25/6/2027.");
    expect(after).toContain("Đã gửi 3 đơn vị: 3 đơn vị đã nhận.");
    // A unit's /ketluan: its copy and its tasks in words.
    const mine = await ms.say("/ketluan");
    expect(mine).toContain("[file thong-bao-ket-luan-125-muong-so.docx]");
    expect(mine).toContain("Nhiệm vụ giao UBND xã Mường So (2):\n1. Rà soát, niêm yết công khai thủ tục hành chính tại Bộ phận một cửa — hạn 15/7/2027");

    // Issued: editing is refused with one sentence, nothing changed; a later task does not enter the issued text.
    const frozen = JSON.stringify(d.app.store.data.conclusions);
    const edit = await c.post("/ban-to-chuc/ket-luan/luu", partsForm(csrf, { ...PARTS, assessment: "Sửa sau khi ban hành" }));
    expect(edit.status).toBe(400);
    expect(edit.body).toContain("Thông báo kết luận đã ban hành (số 125/TB-VP ngày 25/6/2027), không sửa được nữa.");
    expect(await ms.say("/ketluan gopy Góp ý muộn")).toContain("Thông báo kết luận đã ban hành (số 125/TB-VP ngày 25/6/2027), không sửa được nữa.");
    const again = await c.post("/ban-to-chuc/ket-luan/ban-hanh", { _csrf: csrf, number: "126", day: "2027-06-25", confirm: "1" });
    expect(again.status).toBe(400);
    expect(await d.org.say("/nhiemvu giao Nậm Xe | Nhiệm vụ mới sau ban hành | | 31/8")).toContain("Đã giao nhiệm vụ số 4");
    expect(JSON.stringify(d.app.store.data.conclusions)).toBe(frozen);
    const download = await d.root.request("http://127.0.0.1/ban-to-chuc/ket-luan/thong-bao.docx", { headers: { cookie: c.cookie } });
    const whole = (await readDocx(Buffer.from(await download.arrayBuffer()))).paragraphs;
    expect(whole.join("\n")).not.toContain("Nhiệm vụ mới sau ban hành");
    expect(whole).toContain("Số: 125/TB-VP");
  });
});
