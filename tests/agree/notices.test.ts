// Thông báo: the desk and the chat agree. One organizer writes in chat and on the desk at once and
// neither clobbers the other's draft; a notice's status reads the same figures on both; sending,
// cancelling and resending from either side have the same effect and the same refusals; an old store
// with a notice preview open in a session keeps it; and reading the desk's notice pages writes nothing.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { emptyFlat } from "../helpers/conference-store.js";

let d: DeskTest | undefined;
let h: TestApp | undefined;
afterEach(async () => {
  await d?.stop();
  await h?.close();
  d = undefined;
  h = undefined;
});

async function deskTest(): Promise<DeskTest> {
  d = await createDeskTest({ now: "2027-05-01T02:00:00Z" });
  return d;
}

async function signedIn(t: DeskTest): Promise<Client> {
  const c = new Client(t.root);
  expect((await c.open(await t.linkFrom(t.org))).status).toBe(303);
  return c;
}

const idIn = (body: string) => /name="id" value="([a-z0-9]{6})"/.exec(body)?.[1] as string;
const chatId = (reply: string) => /Xem trước thông báo ([a-z0-9]{6})/.exec(reply)?.[1] as string;
/** The page's text as a reader sees it: tags gone, entities read. */
const shown = (body: string) =>
  body
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

/** What a desk page says to the organizer (via the page) and what the chat says, as one line. */
const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

async function preview(c: Client, fields: Record<string, string>): Promise<{ status: number; body: string }> {
  const page = await c.get("/ban-to-chuc/thong-bao");
  return c.post("/ban-to-chuc/thong-bao/xem", { _csrf: c.csrf(page.body), ...fields });
}

describe("một cán bộ soạn thông báo cùng lúc trên bot và trên bàn làm việc", () => {
  it("the chat's preview stays its own: '1' in chat sends the chat's draft, and the desk's draft is still there to send", async () => {
    const t = await deskTest();
    const ms = await t.delegate("Mường So", "Lò Văn Mường");
    const c = await signedIn(t);
    const inChat = await t.org.say("/thongbao tatca | Đề nghị các xã gửi danh sách đại biểu trước ngày 10/6.");
    const chatDraft = chatId(inChat);
    expect(chatDraft).toMatch(/^[a-z0-9]{6}$/);
    // Meanwhile, on the desk, the same organizer previews another notice.
    const onDesk = await preview(c, { audience: "tatca", text: "Lịch tập huấn phần mềm điểm danh." });
    expect(onDesk.status).toBe(200);
    const deskDraft = idIn(onDesk.body);
    expect(deskDraft).not.toBe(chatDraft);
    // "1" in chat answers the chat's own preview.
    expect(await t.org.say("1")).toContain(`Đã xếp thông báo ${chatDraft} vào hàng đợi gửi tới 1 tài khoản`);
    // The desk's draft is listed and is still there to send.
    const index = await c.get("/ban-to-chuc/thong-bao");
    expect(index.body).toContain(`/ban-to-chuc/thong-bao/ban-nhap/${deskDraft}`);
    const reopened = await c.get(`/ban-to-chuc/thong-bao/ban-nhap/${deskDraft}`);
    expect(shown(reopened.body)).toContain("Lịch tập huấn phần mềm điểm danh.");
    const sent = await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(reopened.body), id: deskDraft });
    expect(sent.body).toContain(`Đã xếp thông báo ${deskDraft} vào hàng đợi gửi tới 1 tài khoản`);
    await t.app.outbox.idle();
    const got = t.sent.filter((s) => s.account === ms.key).map((s) => s.text);
    expect(got.some((x) => x.includes("Đề nghị các xã gửi danh sách đại biểu"))).toBe(true);
    expect(got.some((x) => x.includes("Lịch tập huấn phần mềm điểm danh."))).toBe(true);
  });
});

/** Per channel, the figures the chat's status lines say ("Zalo: gửi được 1, lỗi 1"). */
function chatFigures(reply: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const m of reply.matchAll(/^(Telegram|Zalo|Kênh thử): gửi được (\d+)(?:, lỗi (\d+))?(?:, không liên lạc được (\d+))?(?:, đang chờ (\d+))?$/gm)) {
    out[m[1] as string] = [m[2], m[3], m[4], m[5]].map((x) => Number(x ?? 0));
  }
  return out;
}

/** Per channel, the figures of the desk's table (sent, failed, unreachable, waiting). */
function deskFigures(body: string): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const m of body.matchAll(/<tr><th[^>]*>([^<]+)<\/th><td[^>]*>(\d+)<\/td><td[^>]*>(\d+)<\/td><td[^>]*>(\d+)<\/td><td[^>]*>(\d+)<\/td>/g)) {
    out[m[1] as string] = [m[2], m[3], m[4], m[5]].map(Number);
  }
  return out;
}

describe("tình trạng một thông báo", () => {
  it("shows the same figures, the same acknowledgements and the same parked deliveries on the desk and in /thongbao trangthai", async () => {
    const t = await deskTest();
    const ms = await t.delegate("Mường So", "Lò Văn Mường");
    const bl = await t.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang", { channel: "zalo", userId: "z-bl" });
    await t.delegate("Nậm Xe", "Tòng Văn Xe", { channel: "telegram", userId: "7002" });
    await t.org.say("/thongbao tatca | Đề nghị xác nhận số đại biểu");
    const id = chatId(t.org.last.map((r) => ("text" in r ? r.text : "")).join("\n"));
    await t.org.say("1");
    await t.app.outbox.idle();
    await ms.say("đã nhận");
    // The platform refused Bản Lang's copy every time: parked.
    await t.app.store.mutate((data) => {
      const x = data.deliveries.find((y) => y.noticeId === id && y.account === bl.key);
      if (x) Object.assign(x, { state: "failed", error: "Máy chủ Zalo không trả lời" });
    });
    const chat = await t.org.say(`/thongbao trangthai ${id}`);
    const c = await signedIn(t);
    const desk = await c.get(`/ban-to-chuc/thong-bao/${id}`);
    expect(desk.status).toBe(200);
    const page = shown(desk.body);
    expect(deskFigures(desk.body)).toEqual(chatFigures(chat));
    expect(Object.keys(chatFigures(chat)).sort()).toEqual(["Kênh thử", "Telegram", "Zalo"]);
    const acked = /Đã xác nhận "Đã nhận": \d+\/\d+ tài khoản đã nhận tin\./.exec(chat)?.[0] as string;
    expect(acked).toBe('Đã xác nhận "Đã nhận": 1/2 tài khoản đã nhận tin.');
    expect(page).toContain(acked);
    // Who has not acknowledged, and the parked delivery with its reason: on both.
    for (const said of ["Chưa xác nhận: 2 tài khoản", "Nậm Xe: Tòng Văn Xe", "Không gửi được sau nhiều lần thử: 1 tài khoản", "Bản Lang: Chủ tịch UBND xã Bản Lang (Zalo): Máy chủ Zalo không trả lời"]) {
      expect(chat).toContain(said);
      expect(page).toContain(said);
    }
    // The same things can be done: resend to the 2, try the parked one again.
    for (const offer of ["Gửi lại cho 2 tài khoản chưa xác nhận", "Thử gửi lại cho 1 tài khoản bị lỗi"]) {
      expect(chat).toContain(offer);
      expect(page).toContain(offer);
    }
    expect(desk.body).toContain("/ban-to-chuc/thong-bao/gui-lai");
    expect(desk.body).toContain("/ban-to-chuc/thong-bao/gui-loi");
    // The list line of the notice is the same too.
    const line = chat.split("\n")[0] as string;
    expect(shown((await c.get("/ban-to-chuc/thong-bao")).body)).toContain(oneLine(line));
  });
});

describe("gửi, hủy, gửi lại: từ bàn làm việc hay từ bot đều như nhau", () => {
  it("cancels a scheduled notice from either side, and refuses a second cancel and a second send with the same sentence", async () => {
    const t = await deskTest();
    await t.delegate("Mường So");
    const c = await signedIn(t);
    // One scheduled from chat, one from the desk.
    await t.org.say("/thongbao tatca; lúc 07:30 20/06 | Họp chuẩn bị (bot)");
    const fromChat = chatId(replyOf(t));
    await t.org.say("1");
    const p = await preview(c, { audience: "tatca", text: "Họp chuẩn bị (bàn làm việc)", time: "2027-06-20T07:30" });
    const fromDesk = idIn(p.body);
    await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(p.body), id: fromDesk });
    const notices = () => t.app.store.data.notices.filter((n) => n.kind === "broadcast");
    expect(notices().map((n) => n.sendAt)).toEqual(["2027-06-20T00:30:00.000Z", "2027-06-20T00:30:00.000Z"]);

    // The desk cancels the chat's notice; the chat cancels the desk's.
    const cancelled = await c.post("/ban-to-chuc/thong-bao/huy", { _csrf: c.csrf(p.body), id: fromChat });
    expect(shown(cancelled.body)).toContain(`Đã hủy thông báo hẹn giờ ${fromChat}; sẽ không gửi.`);
    expect(await t.org.say(`/tbhuy ${fromDesk}`)).toBe(`Đã hủy thông báo hẹn giờ ${fromDesk}; sẽ không gửi.`);
    expect(notices().every((n) => n.cancelledAt)).toBe(true);
    expect(t.app.store.data.deliveries.every((x) => x.state === "skipped")).toBe(true);

    // Again: the same refusal, whoever asks.
    for (const id of [fromChat, fromDesk]) {
      const chat = await t.org.say(`/tbhuy ${id}`);
      const desk = await c.post("/ban-to-chuc/thong-bao/huy", { _csrf: c.csrf(p.body), id });
      expect(chat).toBe(`Thông báo ${id} đã được hủy trước đó.`);
      expect(desk.status).toBe(400);
      expect(shown(desk.body)).toContain(chat);
      const sendChat = await t.org.say(`/tbgui ${id}`);
      const sendDesk = await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(p.body), id });
      expect(sendChat).toContain(`Thông báo ${id} đã được xác nhận gửi trước đó`);
      // The same refusal; the desk names where to look in its own words, not a command to type (issue 25).
      expect(shown(sendDesk.body)).toContain(`Thông báo ${id} đã được xác nhận gửi trước đó; không gửi lần nữa. Xem tình trạng ở mục Thông báo.`);
      expect(shown(sendDesk.body)).not.toContain("/thongbao trangthai");
    }
  });

  it("refuses a time past and an audience nobody is in with the same sentence on both", async () => {
    const t = await deskTest();
    await t.delegate("Mường So");
    const c = await signedIn(t);
    await t.org.say("/thongbao tatca | Họp");
    const id = chatId(replyOf(t));
    const chat = await t.org.say(`/tbluc ${id} 08:00 20/04/2027`);
    expect(chat).toContain("Thời điểm 8 giờ 00, thứ Ba, ngày 20/4/2027 đã qua");
    const p = await preview(c, { audience: "tatca", text: "Họp" });
    const desk = await c.post("/ban-to-chuc/thong-bao/luc", { _csrf: c.csrf(p.body), id: idIn(p.body), time: "2027-04-20T08:00" });
    expect(desk.status).toBe(400);
    expect(shown(desk.body)).toContain(chat);

    const nobodyChat = await t.org.say("/thongbao coquan | Họp giao ban");
    const nobodyDesk = await preview(c, { audience: "coquan", text: "Họp giao ban" });
    expect(nobodyChat).toContain("Chưa có tài khoản nào nhận được thông báo này (Các cơ quan, đơn vị cấp huyện)");
    expect(nobodyDesk.status).toBe(400);
    expect(shown(nobodyDesk.body)).toContain(nobodyChat);
  });

  it("a resend from the desk and one from chat reach the same people with the same words", async () => {
    const t = await deskTest();
    const ms = await t.delegate("Mường So", "Lò Văn Mường");
    const bl = await t.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang", { channel: "telegram", userId: "7001" });
    const c = await signedIn(t);
    const ids: string[] = [];
    for (const _ of [1, 2]) {
      await t.org.say("/thongbao tatca | Đề nghị xác nhận số đại biểu");
      ids.push(chatId(replyOf(t)));
      await t.org.say("1");
    }
    await t.app.outbox.idle();
    for (const id of ids) await ms.say(`/danhan ${id}`);
    const [first, second] = ids as [string, string];
    const before = t.sent.length;
    // The first resent from chat, the second from the desk.
    expect(await t.org.say(`/tbguilai ${first}`)).toContain("Số tài khoản nhận: 1 (Telegram 1, Zalo 0)");
    const fromChat = await t.org.say("1");
    const status = await c.get(`/ban-to-chuc/thong-bao/${second}`);
    const again = await c.post("/ban-to-chuc/thong-bao/gui-lai", { _csrf: c.csrf(status.body), id: second });
    expect(shown(again.body)).toContain("Số tài khoản nhận: 1 (Telegram 1, Zalo 0)");
    const fromDesk = await c.post("/ban-to-chuc/thong-bao/gui", { _csrf: c.csrf(again.body), id: idIn(again.body) });
    const queued = /Đã xếp thông báo [a-z0-9]{6} vào hàng đợi gửi tới 1 tài khoản/;
    expect(fromChat).toMatch(queued);
    expect(shown(fromDesk.body)).toMatch(queued);
    await t.app.outbox.idle();
    const resent = t.sent.slice(before).filter((s) => s.account === bl.key || s.account === ms.key);
    expect(resent.map((s) => s.account)).toEqual([bl.key, bl.key]);
    // The same words, the ids aside.
    const [a, b] = resent.map((s) => s.text.replace(/[a-z0-9]{6}/g, "ID"));
    expect(a).toBe(b);
    // Nobody left to resend to once Bản Lang acknowledges: the same refusal on both.
    await bl.say(`/danhan ${first}`);
    await bl.say(`/danhan ${second}`);
    const chatNo = await t.org.say(`/tbguilai ${first}`);
    const deskNo = await c.post("/ban-to-chuc/thong-bao/gui-lai", { _csrf: c.csrf(status.body), id: first });
    expect(deskNo.status).toBe(400);
    expect(shown(deskNo.body)).toContain(chatNo);
  });
});

function replyOf(t: DeskTest): string {
  return t.org.last.map((r) => ("text" in r ? r.text : "")).join("\n");
}

describe("chuyển tệp dữ liệu cũ", () => {
  it("a notice preview open in a session of a version-1 store becomes a draft, and '1' still sends it", async () => {
    const { mkdtemp } = await import("node:fs/promises");
    const { tmpdir } = await import("node:os");
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-agree-"));
    const at = "2027-05-01T01:55:00.000Z";
    const old: Record<string, unknown> = { ...emptyFlat(), schemaVersion: 1 };
    delete old.noticeDrafts;
    old.accounts = {
      "console:ms": { key: "console:ms", channel: "console", userId: "ms", chatId: "ms", displayName: "Lò Văn Mường", language: "vi", unitId: "muong-so" },
      "console:org-1": { key: "console:org-1", channel: "console", userId: "org-1", chatId: "org-1", displayName: "Lò Thị Nội Vụ", language: "vi" },
    };
    old.sessions = {
      "console:org-1": {
        choices: { setId: "s1", commands: ["/tbgui k7q2mx", "/tbluc k7q2mx", "/tbhuy k7q2mx"], offeredAt: at },
        pendingConfirm: { kind: "notice", payload: { id: "k7q2mx", kind: "broadcast", text: "Kính mời dự họp trù bị", audience: "all" }, offeredAt: at },
      },
      // A payload nothing could send (no text): left where it was, and the store still opens.
      "console:org-2": { pendingConfirm: { kind: "notice", payload: { id: "zzzzzz", kind: "broadcast" }, offeredAt: at } },
    };
    await writeFile(path.join(dir, "hoinghi.json"), JSON.stringify(old));
    h = await createTestApp({ now: "2027-05-01T02:00:00Z", dir });
    expect(h.app.store.data.noticeDrafts.k7q2mx).toMatchObject({ id: "k7q2mx", text: "Kính mời dự họp trù bị", createdBy: "console:org-1", updatedAt: at });
    expect(h.app.store.data.sessions["console:org-1"]).not.toHaveProperty("pendingConfirm");
    expect(h.app.store.data.sessions["console:org-1"]?.choices?.steps[0]).toEqual({ kind: "notice.send", draft: "k7q2mx" });
    expect(h.app.store.data.noticeDrafts.zzzzzz).toBeUndefined();
    // A preview nothing could send goes with the version: sessions hold no pendingConfirm any more.
    expect(h.app.store.data.sessions["console:org-2"] ?? {}).not.toHaveProperty("pendingConfirm");
    const org = h.organizer();
    expect(await org.say("1")).toContain("Đã xếp thông báo k7q2mx vào hàng đợi gửi tới 1 tài khoản");
    await h.app.outbox.idle();
    expect(h.sent.some((s) => s.account === "console:ms" && s.text.includes("Kính mời dự họp trù bị"))).toBe(true);
    expect(h.app.store.data.noticeDrafts).toEqual({});
  });
});

describe("xem không ghi", () => {
  it("opening the notices page, a notice's status and a draft leaves the store file byte for byte as it was", async () => {
    const t = await deskTest();
    const ms = await t.delegate("Mường So");
    await t.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang", { channel: "telegram", userId: "7001" });
    const c = await signedIn(t);
    await t.org.say("/thongbao tatca | Đề nghị xác nhận số đại biểu");
    const id = chatId(replyOf(t));
    await t.org.say("1");
    await t.app.outbox.idle();
    await ms.say("đã nhận");
    const p = await preview(c, { audience: "xa", text: "Bản nháp còn mở", time: "2027-06-20T07:30" });
    const draft = idIn(p.body);
    // One draft expired too: reading does not tidy it away.
    await t.org.say("/thongbao tatca | Bản nháp sẽ hết hạn");
    t.clock.advance(20 * 60_000);
    await t.app.outbox.idle();
    const file = path.join(t.dir, "hoinghi.json");
    const before = await readFile(file);
    for (const page of ["/ban-to-chuc/thong-bao", `/ban-to-chuc/thong-bao/${id}`, `/ban-to-chuc/thong-bao/ban-nhap/${draft}`]) {
      expect((await c.get(page)).status, page).toBe(200);
    }
    t.clock.advance(15 * 60_000);
    expect((await c.get("/ban-to-chuc/thong-bao")).status).toBe(200);
    expect((await c.get(`/ban-to-chuc/thong-bao/ban-nhap/${draft}`)).status).toBe(400);
    expect(await readFile(file)).toEqual(before);
  });
});
