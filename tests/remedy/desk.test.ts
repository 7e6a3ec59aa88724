// Ban tổ chức theo dõi kế hoạch khắc phục trên bàn làm việc: the list of communes with their plan's
// state, Mường So's plan read, sent back with a note, accepted, two measures ticked into tasks; the
// overview counts. Then a Zalo delegate hands in a photo as a task's evidence through the link
// /nhiemvu gives, and the tasks page links it for download.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { AFTER_CONFERENCE, file } from "../tasks/helpers.js";
import { formWith, uploadPath, uploadRoot } from "../upload/helpers.js";

let d: DeskTest | undefined;
afterEach(async () => {
  await d?.stop();
  d = undefined;
});

const SAMPLE = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");
const PHOTO_BYTES = Buffer.from("\xff\xd8\xff\xe0 ảnh chụp buổi tập huấn Bộ phận một cửa (DỮ LIỆU MẪU)", "latin1");

async function published(desk: DeskTest): Promise<void> {
  await desk.org.say("/nhapdiem", { file: file(readFileSync(SAMPLE), "phong-tho-2023.sample.csv", "document", "text/csv") });
  await desk.org.say("1");
  await desk.org.say("/congbo");
  expect(await desk.org.say("1")).toContain("Đã công bố");
}

describe("trang Kế hoạch khắc phục của bàn làm việc", () => {
  it("lists the communes, sends Mường So's plan back, accepts it, ticks two measures into tasks; a Zalo photo becomes a task's evidence shown on the tasks page", async () => {
    d = await createDeskTest({ now: AFTER_CONFERENCE, env: { PUBLIC_URL: "https://hoinghi.example.gov.vn" } });
    d.app.outbox.configure({ autoTick: false });
    const ms = await d.delegate("Mường So", "Lò Văn Hùng", { channel: "zalo", userId: "ms-zalo" });
    await published(d);
    const c = new Client(d.root);
    expect((await c.open(await d.linkFrom(d.org))).status).toBe(303);

    // Mường So submits in chat (on Zalo the answer offers the upload link too).
    const how = await ms.say("/khacphuc");
    expect(how).toContain("/nop-tep/");
    await ms.say("Lĩnh vực 8:\n- Khảo sát mức độ hài lòng của người dân hằng quý\nLĩnh vực 4:\n- Rà soát chức năng, nhiệm vụ các bộ phận\n- Kiện toàn Bộ phận một cửa");
    expect(await ms.say("xong")).toContain("bản 1, 3 giải pháp");

    const list = await c.get("/ban-to-chuc/khac-phuc");
    expect(list.status).toBe(200);
    expect(list.body).toContain("đã nộp chờ duyệt 1");
    expect(list.body).toMatch(/Nhắc \d+ đơn vị chưa nộp/);
    const before = JSON.stringify(d.app.store.data);
    const page = await c.get("/ban-to-chuc/khac-phuc/muong-so");
    expect(page.body).toContain("Khảo sát mức độ hài lòng của người dân hằng quý");
    expect(JSON.stringify(d.app.store.data)).toBe(before);
    const csrf = c.csrf(page.body);

    // Changes asked with a note (without one: refused, the page again).
    expect((await c.post("/ban-to-chuc/khac-phuc/muong-so/yeu-cau-sua", { _csrf: csrf, version: "1", note: "" })).status).toBe(400);
    const sent = await c.post("/ban-to-chuc/khac-phuc/muong-so/yeu-cau-sua", { _csrf: csrf, version: "1", note: "Nêu rõ thời gian thực hiện từng giải pháp" });
    expect(sent.body).toContain("Đã gửi đề nghị chỉnh sửa kế hoạch khắc phục (bản 1) tới UBND xã Mường So");
    expect(await ms.say("/khacphuc")).toContain("Nêu rõ thời gian thực hiện từng giải pháp");
    await ms.say("Lĩnh vực 8:\n- Khảo sát mức độ hài lòng của người dân hằng quý, từ quý III/2027\nLĩnh vực 4:\n- Kiện toàn Bộ phận một cửa trong tháng 8/2027");
    expect(await ms.say("xong")).toContain("bản 2, 2 giải pháp");

    expect((await c.post("/ban-to-chuc/khac-phuc/muong-so/chap-nhan", { _csrf: csrf, version: "2" })).body).toContain("Đã chấp nhận kế hoạch khắc phục (bản 2)");
    const ticks = new FormData();
    for (const [k, v] of [["_csrf", csrf], ["version", "2"], ["measure", "1"], ["measure", "2"], ["deadline", "2027-09-30"], ["every", "monthly"]] as const) ticks.append(k, v);
    const made = await c.post("/ban-to-chuc/khac-phuc/muong-so/giao", ticks);
    expect(made.body).toContain("Đã giao 2 nhiệm vụ cho UBND xã Mường So, hạn 30/9/2027");
    expect(d.app.store.data.tasks.list.map((t) => [t.criterion, t.reportEvery])).toEqual([
      ["8", "monthly"],
      ["4", "monthly"],
    ]);
    expect((await c.get("/ban-to-chuc/khac-phuc/muong-so")).body).toContain("đã giao: nhiệm vụ số 2");
    expect((await c.get("/ban-to-chuc/")).body).toContain("đã chấp nhận 1");

    // The Zalo delegate opens task 1: the link for evidence files; a photo through it is a progress report.
    const opened = await ms.say("/nhiemvu 1");
    const link = uploadPath(opened);
    const upload = uploadRoot(d);
    const form = (await upload.request(link)).status;
    expect(form).toBe(200);
    const posted = await upload.request(link, { method: "POST", body: formWith([{ name: "tap-huan.jpg", type: "image/jpeg", data: PHOTO_BYTES }]) });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toContain("Đã ghi nhận báo cáo tiến độ nhiệm vụ số 1 (báo cáo 1, kèm 1 tệp minh chứng)");
    const tasks = await c.get("/ban-to-chuc/nhiem-vu?donvi=muong-so");
    const href = /href="([^"]*\/nhiem-vu\/1\/tep\/1\/0)">tap-huan\.jpg</.exec(tasks.body)?.[1];
    expect(href).toBeDefined();
    const download = await c.get(href as string);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/jpeg");
    // The link changed in any character is refused.
    const forged = link.replace(/\.[^.]+$/, ".AAAA");
    expect((await upload.request(forged)).status).toBe(400);
  });
});
