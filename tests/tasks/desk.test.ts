// Ban tổ chức giao nhiệm vụ trên bàn làm việc: several at once, accept a "done" report, a sheet
// previewed before anything is added; reading the page writes nothing; the overview counts per state.
import { afterEach, describe, expect, it } from "vitest";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { PHOTO } from "./helpers.js";

let d: DeskTest | undefined;
afterEach(async () => {
  await d?.stop();
  d = undefined;
});

async function signedIn(desk: DeskTest): Promise<Client> {
  const c = new Client(desk.root);
  expect((await c.open(await desk.linkFrom(desk.org))).status).toBe(303);
  return c;
}

const form = (csrf: string, rows: Array<[string, string, string, string]>) => {
  const f = new FormData();
  f.append("_csrf", csrf);
  for (const [unit, content, criterion, deadline] of [...rows, ["", "", "", ""] as [string, string, string, string]]) {
    f.append("unit", unit);
    f.append("content", content);
    f.append("criterion", criterion);
    f.append("deadline", deadline);
    f.append("expected", "");
  }
  return f;
};

describe("trang Nhiệm vụ của bàn làm việc", () => {
  it("giao nhiều nhiệm vụ một lần, chấp nhận báo cáo hoàn thành; trang tổng quan đếm theo trạng thái", async () => {
    d = await createDeskTest({ now: "2027-06-21T02:00:00Z" });
    d.app.outbox.configure({ autoTick: false });
    const ms = await d.delegate("Mường So");
    const c = await signedIn(d);
    const page = await c.get("/ban-to-chuc/nhiem-vu");
    expect(page.status).toBe(200);
    const before = JSON.stringify(d.app.store.data);
    // Reading writes nothing.
    await c.get("/ban-to-chuc/nhiem-vu?donvi=muong-so&trangthai=open_overdue");
    await c.get("/ban-to-chuc/nhiem-vu/bang-theo-doi.xlsx");
    expect(JSON.stringify(d.app.store.data)).toBe(before);

    const csrf = c.csrf(page.body);
    const assigned = await c.post("/ban-to-chuc/nhiem-vu/giao", form(csrf, [["muong-so", "Rà soát thủ tục hành chính", "3", "2027-07-15"], ["ban-lang", "Số hóa hồ sơ", "", "2027-07-31"]]));
    expect(assigned.body).toContain("Đã giao 2 nhiệm vụ (số 1, 2)");
    await d.app.outbox.idle();
    expect(d.sent.some((s) => s.account === ms.key && s.text.startsWith("Kính gửi UBND xã Mường So: Ban tổ chức giao nhiệm vụ số 1."))).toBe(true);
    // A row with content but no deadline: refused, nothing assigned.
    const refused = await c.post("/ban-to-chuc/nhiem-vu/giao", form(csrf, [["muong-so", "Thiếu hạn", "", ""]]));
    expect(refused.status).toBe(400);
    expect(refused.body).toContain("Dòng 1: thiếu đơn vị hoặc hạn hoàn thành");
    expect(d.app.store.data.tasks.list).toHaveLength(2);

    expect(await ms.say("/nhiemvu 1 xong: đã niêm yết đủ 112 thủ tục", { file: PHOTO })).toContain("Đã ghi nhận báo cáo hoàn thành nhiệm vụ số 1");
    const table = await c.get("/ban-to-chuc/nhiem-vu?donvi=muong-so");
    expect(table.body).toContain("đã niêm yết đủ 112 thủ tục (1 tệp minh chứng)");
    expect(table.body).toContain("Chấp nhận hoàn thành");
    const accepted = await c.post("/ban-to-chuc/nhiem-vu/quyet-dinh", { _csrf: csrf, n: "1", report: "1", decision: "accepted" });
    expect(accepted.body).toContain("Đã chấp nhận hoàn thành nhiệm vụ số 1 của UBND xã Mường So (hoàn thành đúng hạn)");
    const overview = await c.get("/ban-to-chuc/");
    expect(overview.body).toMatch(/hoàn thành đúng hạn: 1<\/a>/);
    expect(overview.body).toMatch(/chưa hoàn thành \(trong hạn\): 1<\/a>/);
  });

  it("a sheet is previewed, tasks a unit already has left out, and nothing is added before the confirmation", async () => {
    d = await createDeskTest({ now: "2027-06-21T02:00:00Z" });
    const c = await signedIn(d);
    const csrf = c.csrf((await c.get("/ban-to-chuc/nhiem-vu")).body);
    await d.org.say("/nhiemvu giao Mường So | Rà soát thủ tục hành chính | 3 | 15/7");
    const sheet = "\uFEFFSTT,Đơn vị chủ trì,Nội dung nhiệm vụ,Tiêu chí,Hạn hoàn thành\r\n1,Mường So,Rà soát thủ tục hành chính,3,15/7/2027\r\n2,Nậm Xe,Số hóa hồ sơ,7.1,31/7/2027\r\n";
    const f = new FormData();
    f.append("_csrf", csrf);
    f.append("file", new File([sheet], "nhiem-vu.csv", { type: "text/csv" }));
    const preview = await c.post("/ban-to-chuc/nhiem-vu/tai-len", f);
    expect(preview.body).toContain("Tệp nhiem-vu.csv: 2 nhiệm vụ; xác nhận sẽ giao 1 nhiệm vụ mới.");
    expect(preview.body).toContain("Mường So: Rà soát thủ tục hành chính — đã giao trước đây, bỏ qua");
    expect(d.app.store.data.tasks.list).toHaveLength(1);
    const id = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1] ?? "";
    const confirmed = await c.post("/ban-to-chuc/nhiem-vu/xac-nhan", { _csrf: csrf, preview: id });
    expect(confirmed.body).toContain("Đã giao 1 nhiệm vụ (số 2)");
    expect(d.app.store.data.tasks.list.map((t) => [t.n, t.unitId, t.criterion])).toEqual([
      [1, "muong-so", "3"],
      [2, "nam-xe", "7.1"],
    ]);
    // The same preview twice: refused, nothing added.
    expect((await c.post("/ban-to-chuc/nhiem-vu/xac-nhan", { _csrf: csrf, preview: id })).status).toBe(400);
    expect(d.app.store.data.tasks.list).toHaveLength(2);
  });
});
