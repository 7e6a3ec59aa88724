// The desk and the chat agree on the Chỉ số CCHC, the speeches and the files: for one state, what the
// desk shows and what the chat shows; the messages a unit receives after the same action done from
// either side; reading never writes; an old store's open preview survives the upgrade.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDesk, DESK_BASE } from "../../src/desk/index.js";
import { renderMessage } from "../../src/messages/render.js";
import { readScoreFile } from "../../src/scores/service.js";
import { unitResultMessage, unitResultView } from "../../src/views/scores.js";
import { SCHEMA_VERSION } from "../../storage/schema.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { emptyFlat, writeOneFileStore } from "../helpers/conference-store.js";
import { document, sampleBytes, sampleGrid, toCsv } from "../scores/helpers.js";
import { Hono } from "hono";

const opened: Array<{ stop?: () => Promise<void>; close?: () => Promise<void> }> = [];
afterEach(async () => {
  for (const o of opened.splice(0)) await (o.stop ?? o.close)?.();
});

async function deskTest(): Promise<DeskTest> {
  const d = await createDeskTest();
  opened.push(d);
  return d;
}

async function signedIn(d: DeskTest): Promise<Client> {
  const c = new Client(d.root);
  expect((await c.open(await d.linkFrom(d.org))).status).toBe(303);
  return c;
}

/** Ban tổ chức nhập bảng điểm mẫu và công bố, trong cuộc trò chuyện. */
async function publishSample(d: DeskTest): Promise<void> {
  await d.org.say("/nhapdiem", { file: document(sampleBytes(), "phong-tho-2023.sample.csv") });
  expect(await d.org.press(1)).toContain("Đã thay thế bảng điểm");
  expect(await d.org.say("/congbo xacnhan")).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023");
}

const unescapeHtml = (s: string) => s.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The rows of the first ranking table of a page: rank, unit, total/max, classification. */
function tableRows(body: string): string[][] {
  const table = /<tbody>([\s\S]*?)<\/tbody>/.exec(body)?.[1] ?? "";
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...(m[1] as string).matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => unescapeHtml(c[1] as string).trim()));
}

/** The ranking lines of /xephang: "1. Phong Thổ: 90,5/100 điểm, Xuất sắc, …" as rank, unit, total/max, classification. */
function chatRows(reply: string): string[][] {
  return [...reply.matchAll(/^(\d+)\. (.+?): (\S+\/\S+) điểm, ([^,\n]+)/gm)].map((m) => [m[1], m[2], m[3], m[4]] as string[]);
}

describe("Chỉ số CCHC: bàn làm việc và cuộc trò chuyện cho cùng một kết quả", () => {
  it("bảng xếp hạng trên bàn làm việc, trang công khai và /xephang cùng thứ tự, cùng tổng điểm, cùng xếp loại", async () => {
    const d = await deskTest();
    await publishSample(d);
    const ms = await d.delegate("Mường So");
    const chat = chatRows(await ms.say("/xephang"));
    expect(chat.length).toBeGreaterThan(10);
    const c = await signedIn(d);
    expect(tableRows((await c.get("/ban-to-chuc/chi-so")).body)).toEqual(chat);
    expect(tableRows((await new Client(d.root).get("/")).body)).toEqual(chat);
  });

  it("/diem Mường So là đúng kết quả của đơn vị, và là đúng tin xã nhận được khi công bố", async () => {
    const d = await deskTest();
    const ms = await d.delegate("Mường So");
    await publishSample(d);
    const t = d.app.services.i18n.forLanguage("vi");
    const view = unitResultView(d.app.store.data, d.app.services.conference, "delegate", "muong-so");
    const text = renderMessage(t, unitResultMessage(view));
    expect(await ms.say("/diem Mường So")).toBe(text);
    expect(await d.person("Khách").say("/diem Mường So")).toBe(text);
    const received = d.sent.filter((s) => s.account === ms.key).map((s) => s.text);
    expect(received).toEqual([`Ban tổ chức đã công bố kết quả Chỉ số CCHC năm 2023. Kết quả của đơn vị:\n\n${text}`]);
  });

  it("bảng điểm xem trước trong cuộc trò chuyện và trên bàn làm việc cùng tồn tại; mỗi bên xác nhận bản của mình", async () => {
    const d = await deskTest();
    const c = await signedIn(d);
    // In chat: the shipped sample. On the desk: the same table under another name.
    expect(await d.org.say("/nhapdiem", { file: document(sampleBytes(), "bang-chat.csv") })).toContain("Xác nhận thay thế bảng điểm?");
    const page = await c.get("/ban-to-chuc/chi-so");
    const upload = new FormData();
    upload.set("_csrf", c.csrf(page.body));
    upload.set("file", new File([new Uint8Array(toCsv(sampleGrid()))], "bang-ban-lam-viec.csv", { type: "text/csv" }));
    const preview = await c.post("/ban-to-chuc/chi-so/tai-len", upload);
    const id = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1] as string;
    expect(d.app.store.data.scores.previews?.map((p) => [p.via, p.table.source])).toEqual([
      ["chat", "bang-chat.csv"],
      ["desk", "bang-ban-lam-viec.csv"],
    ]);
    // The desk's preview is stored, not kept in the page's memory: it survives the desk being made again (a restart).
    const again = new Hono();
    again.route(`${DESK_BASE}/`, createDesk({ ...d.app.services, sessions: d.sessions }));
    const restarted = new Client(again);
    restarted.cookie = c.cookie;
    const confirmed = await restarted.post("/ban-to-chuc/chi-so/xac-nhan", { _csrf: c.csrf(page.body), preview: id });
    expect(confirmed.status).toBe(200);
    expect(d.app.store.data.scores.current?.source).toBe("bang-ban-lam-viec.csv");
    // The chat's preview is still its own: confirming it finds it, and refuses only because the table changed since.
    expect(await d.org.press(1)).toContain("Bảng điểm đã được thay đổi từ lúc xem trước");
    expect(await d.org.say("/nhapdiem huy")).toContain("Đã hủy");
    expect(d.app.store.data.scores.previews).toEqual([]);
  });
});

describe("tham luận: duyệt từ bàn làm việc hay từ /duyet, xã nhận cùng một tin", () => {
  async function submitted(): Promise<{ d: DeskTest; ms: Awaited<ReturnType<DeskTest["delegate"]>> }> {
    const d = await deskTest();
    const ms = await d.delegate("Mường So");
    await ms.say("/thamluan Nâng cao chỉ số CCHC của xã.");
    return { d, ms };
  }
  const told = (d: DeskTest, key: string) => d.sent.filter((s) => s.account === key).map((s) => s.text);

  it("đề nghị chỉnh sửa có ghi chú", async () => {
    const fromChat = await submitted();
    await fromChat.d.org.say("/duyet muong-so v1 sua Bổ sung số liệu năm 2023");
    const fromDesk = await submitted();
    const c = await signedIn(fromDesk.d);
    const page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    await c.post("/ban-to-chuc/tham-luan/muong-so/yeu-cau-sua", { _csrf: c.csrf(page.body), version: "1", note: "Bổ sung số liệu năm 2023" });
    expect(told(fromChat.d, fromChat.ms.key)).toHaveLength(1);
    expect(told(fromDesk.d, fromDesk.ms.key)).toEqual(told(fromChat.d, fromChat.ms.key));
    expect(told(fromDesk.d, fromDesk.ms.key)[0]).toContain("Bổ sung số liệu năm 2023");
  });

  it("chấp nhận; danh sách trên bàn làm việc ghi cùng trạng thái như /thamluan", async () => {
    const fromChat = await submitted();
    await fromChat.d.org.say("/duyet muong-so v1 chapnhan");
    const fromDesk = await submitted();
    const c = await signedIn(fromDesk.d);
    const page = await c.get("/ban-to-chuc/tham-luan/muong-so");
    await c.post("/ban-to-chuc/tham-luan/muong-so/chap-nhan", { _csrf: c.csrf(page.body), version: "1" });
    expect(told(fromDesk.d, fromDesk.ms.key)).toEqual(told(fromChat.d, fromChat.ms.key));
    const status = "Ban tổ chức đã chấp nhận bản 1";
    expect(await fromDesk.ms.say("/thamluan")).toContain(status);
    expect(unescapeHtml((await c.get("/ban-to-chuc/tham-luan")).body)).toContain(status);
  });
});

describe("các tệp tải về", () => {
  it("bảng tổng hợp tải từ bàn làm việc ghi \"Xuất lúc\" theo đồng hồ của ứng dụng, như tên tệp", async () => {
    const d = await deskTest();
    d.clock.set("2030-01-02T03:04:00Z");
    const c = await signedIn(d);
    const res = await d.root.request("http://127.0.0.1/ban-to-chuc/tai-ve/bang-tong-hop.xlsx", { headers: { cookie: c.cookie } });
    expect(res.headers.get("content-disposition")).toContain("20300102-1004");
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets[0]?.getRow(3).getCell(1).value).toBe("Xuất lúc 02/01/2030 10:04");
  });

  it("tải giấy mời không cấp mã mời: tệp lưu trữ giữ nguyên từng byte; nút \"Cấp mã mời còn thiếu\" mới cấp", async () => {
    const d = await deskTest();
    const c = await signedIn(d);
    const file = path.join(d.dir, "hoinghi.json");
    const before = await readFile(file);
    const list = await c.get("/ban-to-chuc/tai-ve");
    expect(list.body).toContain("22 đơn vị chưa có mã mời");
    expect(list.body).toContain("UBND xã Mường So");
    const letters = await d.root.request("http://127.0.0.1/ban-to-chuc/tai-ve/giay-moi.docx", { headers: { cookie: c.cookie } });
    expect(letters.status).toBe(200);
    expect(await readFile(file)).toEqual(before);
    expect(d.app.store.data.invites).toEqual([]);
    const issued = await c.post("/ban-to-chuc/tai-ve/cap-ma-moi", { _csrf: c.csrf(list.body) });
    expect(issued.body).toContain("Đã cấp mã mời cho 22 đơn vị");
    expect(d.app.store.data.invites).toHaveLength(22);
    expect((await c.get("/ban-to-chuc/tai-ve")).body).not.toContain("chưa có mã mời");
  });
});

describe("nâng cấp tệp lưu trữ cũ", () => {
  it("bảng điểm đang chờ xác nhận trong cuộc trò chuyện (phiên bản 1) vẫn được xác nhận sau khi nâng cấp", async () => {
    const first: TestApp = await createTestApp();
    const table = await readScoreFile(first.app.services.conference, "phong-tho-2023.sample.csv", sampleBytes());
    const dir = first.dir;
    await first.app.close();
    const old = {
      ...emptyFlat(),
      schemaVersion: 1,
      sessions: {
        "console:org-1": { pendingConfirm: { kind: "scores-import", payload: { table, replaces: null }, offeredAt: "2027-05-01T01:00:00.000Z" } },
        "telegram:9001": {
          choices: { setId: "s1", commands: ["/congbo xacnhan", "/congbo huy"], offeredAt: "2027-05-01T01:00:00.000Z" },
          pendingConfirm: { kind: "scores-publish", payload: { importedAt: "2027-04-01T00:00:00.000Z" }, offeredAt: "2027-05-01T01:00:00.000Z" },
        },
      },
    };
    await writeOneFileStore(dir, old);
    const h = await createTestApp({ dir });
    opened.push(h);
    const data = h.app.store.data;
    expect(data.schemaVersion).toBe(SCHEMA_VERSION);
    expect(data.scores.previews).toEqual([{ id: "chat-1", by: "console:org-1", via: "chat", table, replaces: null, at: "2027-05-01T01:00:00.000Z" }]);
    expect(data.sessions["console:org-1"] ?? {}).not.toHaveProperty("pendingConfirm");
    // The publication question names the table it asked about in its choice now.
    expect(data.sessions["telegram:9001"]?.choices?.steps).toEqual([{ kind: "scores.publish", importedAt: "2027-04-01T00:00:00.000Z" }, { kind: "scores.publish.close" }]);
    expect(await h.organizer().say("/nhapdiem xacnhan")).toContain("Đã thay thế bảng điểm");
    expect(h.app.store.data.scores.current?.units.length).toBe(table.units.length);
  });
});
