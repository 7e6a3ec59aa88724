// Góp ý bằng tệp: the draft Thông báo kết luận is sent to Mường So and Nậm Xe for comments by 24/6;
// Mường So's delegate on Zalo (where the chat carries no file) types /ketluan and is offered the
// unit's own upload link; she sends the commune's comment as a Word file; the organizers are told, see
// it on the desk beside the draft with its file to download, and in /ketluan. A file that is not a
// comment's type is refused and keeps nothing; once issued, the same link takes no comment and keeps
// nothing.
import { Document, Packer, Paragraph } from "docx";
import { afterEach, describe, expect, it } from "vitest";
import type { DeskTest } from "../desk/helpers.js";
import { DOCX_MIME, formWith, keptFiles, uploadPath, uploadRoot } from "../upload/helpers.js";
import { askForm, conferenceEnded, PARTS, partsForm, signedIn } from "./helpers.js";

let d: DeskTest | undefined;
afterEach(async () => {
  await d?.stop();
  d = undefined;
});

/** Mường So's comment written in Word (DỮ LIỆU MẪU). */
async function commentDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: [new Paragraph("DỮ LIỆU MẪU — Góp ý của UBND xã Mường So về dự thảo Thông báo kết luận"), new Paragraph("Đề nghị bổ sung nhiệm vụ tập huấn cho công chức Bộ phận một cửa.")] }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

describe("Thông báo kết luận: a unit comments with a file through its upload link", () => {
  it("a Zalo delegate of Mường So sends a .docx comment; the desk lists it with its file; after the issue the link keeps nothing", async () => {
    const day = await conferenceEnded({ env: { PUBLIC_URL: "https://hoinghi.example.gov.vn" } });
    d = day.d;
    const mai = await d.delegate("Mường So", "Lò Thị Mai", { channel: "zalo", userId: "z-ms" });
    let c = await signedIn(d);
    let csrf = c.csrf((await c.get("/ban-to-chuc/ket-luan")).body);
    await c.post("/ban-to-chuc/ket-luan/luu", partsForm(csrf, PARTS));
    const f = askForm(csrf, ["muong-so", "nam-xe"], "2027-06-24");
    expect((await c.post("/ban-to-chuc/ket-luan/gop-y", f)).body).toContain("Đã gửi dự thảo xin ý kiến 2 đơn vị");
    await d.app.outbox.idle();

    // On Zalo, /ketluan offers the unit's own link; on the console (files pass there) it does not.
    d.clock.set("2027-06-22T03:00:00Z");
    const reply = await mai.say("/ketluan");
    expect(reply).toContain("[file du-thao-ket-luan-muong-so.docx]");
    expect(reply).toContain("Nếu góp ý của UBND xã Mường So đã viết sẵn trong tệp Word, PDF hoặc ảnh chụp");
    expect(await day.ms.say("/ketluan")).not.toContain("/nop-tep/");
    const link = uploadPath(reply);
    const site = uploadRoot(d);
    const page = await site.request(link);
    expect(page.status).toBe(200);
    const pageText = await page.text();
    expect(pageText).toContain("Góp ý của UBND xã Mường So về dự thảo Thông báo kết luận");
    expect(pageText).toContain("Đề nghị đơn vị góp ý trước ngày 24/6/2027.");

    // A text file is not a comment's type: one sentence, nothing kept.
    const before = await keptFiles(d);
    const wrong = await site.request(link, { method: "POST", body: formWith([{ name: "gop-y.txt", type: "text/plain", data: Buffer.from("Góp ý") }]) });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Góp ý bằng tệp chỉ nhận tệp Word (.docx, .doc), PDF hoặc ảnh (JPG, PNG).");
    expect(await keptFiles(d)).toEqual(before);
    expect(d.app.store.data.conclusions.comments).toEqual([]);

    // The Word file: kept as Mường So's comment; the organizers are told.
    const word = await commentDocx();
    const sent = await site.request(link, { method: "POST", body: formWith([{ name: "gop-y-muong-so.docx", type: DOCX_MIME, data: word }]) });
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain("Đã ghi nhận góp ý của UBND xã Mường So (1 tệp) về dự thảo Thông báo kết luận");
    const [comment] = d.app.store.data.conclusions.comments;
    expect(comment).toMatchObject({ unitId: "muong-so", via: "link", by: mai.key, text: "" });
    expect(comment?.files?.map((x) => x.name)).toEqual(["gop-y-muong-so.docx"]);
    await d.app.outbox.idle();
    expect(d.sent.some((s) => s.account === d?.org.key && s.text.includes("UBND xã Mường So góp ý dự thảo Thông báo kết luận bằng 1 tệp (gop-y-muong-so.docx)"))).toBe(true);

    // Beside the draft on the desk, with its file to download; and in the organizers' /ketluan.
    c = await signedIn(d);
    const desk = (await c.get("/ban-to-chuc/ket-luan")).body;
    expect(desk).toMatch(/<strong>Mường So<\/strong>[^<]*<span class="muted">\([^)]*góp ý bằng tệp\)<\/span><ul><li><a href="\/ban-to-chuc\/ket-luan\/gop-y\/1\/1">gop-y-muong-so\.docx<\/a>/);
    const download = await d.root.request("http://127.0.0.1/ban-to-chuc/ket-luan/gop-y/1/1", { headers: { cookie: c.cookie } });
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("gop-y-muong-so.docx");
    expect(Buffer.from(await download.arrayBuffer()).equals(word)).toBe(true);
    expect((await d.root.request("http://127.0.0.1/ban-to-chuc/ket-luan/gop-y/1/2", { headers: { cookie: c.cookie } })).status).toBe(404);
    expect(await d.org.say("/ketluan")).toContain("[1 tệp: gop-y-muong-so.docx]");

    // Issued on 24/6: the page says so; the same link takes no comment and keeps nothing.
    d.clock.set("2027-06-24T02:00:00Z");
    c = await signedIn(d);
    csrf = c.csrf((await c.get("/ban-to-chuc/ket-luan")).body);
    expect((await c.post("/ban-to-chuc/ket-luan/ban-hanh", { _csrf: csrf, number: "125", day: "2027-06-24", confirm: "1" })).body).toContain("Đã ban hành Thông báo số 125/TB-VP");
    d.clock.set("2027-06-24T03:00:00Z");
    expect(await (await site.request(link)).text()).toContain("Thông báo kết luận đã ban hành (số 125/TB-VP ngày 24/6/2027); không nhận góp ý nữa.");
    const kept = await keptFiles(d);
    const late = await site.request(link, { method: "POST", body: formWith([{ name: "gop-y-muon.docx", type: DOCX_MIME, data: word }]) });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Thông báo kết luận đã ban hành (số 125/TB-VP ngày 24/6/2027), không sửa được nữa.");
    expect(await keptFiles(d)).toEqual(kept);
    expect(d.app.store.data.conclusions.comments).toHaveLength(1);
  });
});
