// The day of the conference in Chromium (issue 25): the reception checks people in while the board
// and the hall screen follow without reloading; the board keeps a seat chosen in a list; the hall
// screen fits a projector; and every desk page passes axe and fits a 390 px phone.
// DESK_SHOTS=<folder> writes a screenshot of every page at 1366 and 390 px there.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleBytes } from "../scores/helpers.js";
import type { Person } from "../helpers/app.js";
import { axeViolations, type Browser, openChromium } from "./chromium.js";
import { Client, createDeskTest, type DeskTest } from "./helpers.js";

const SHOTS = process.env.DESK_SHOTS;

let d: DeskTest;
let origin: string;
let browser: Browser;
let page: Page;
let http: Client;
let zalo: Person;
let ms: Person;

async function shot(p: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  await mkdir(SHOTS, { recursive: true });
  const width = p.viewportSize()?.width ?? 0;
  const height = await p.evaluate(() => document.scrollingElement?.scrollHeight ?? 0);
  // In pieces a person can look at: a long page on a phone is several screens.
  const piece = width < 800 ? 1400 : 2000;
  for (let y = 0, i = 1; y < height && i <= 3; y += piece, i += 1) {
    const clip = { x: 0, y, width, height: Math.min(piece, height - y) };
    await p.screenshot({ path: path.join(SHOTS, `${name}-${width}${i > 1 ? `-${i}` : ""}.png`), fullPage: true, clip });
  }
}

/** Opens a link typed as /web in the chat, in the browser. */
async function signIn(): Promise<void> {
  await browser.context.clearCookies();
  await page.goto(origin + (await d.linkFrom(d.org)));
  await page.getByRole("button", { name: "Vào bàn làm việc" }).click();
  await page.waitForURL(`${origin}/ban-to-chuc/`);
}

/** A desk with a day's worth of things on it: a time, delegates, a speech asked to change and sent again, a score table, a notice. */
async function dayOfConference(): Promise<void> {
  ms = await d.delegate("Mường So", "Thư ký Mường So");
  zalo = await d.delegate("Sì Lở Lầu", "Đại biểu Sì Lở Lầu", { channel: "zalo" });
  await d.delegate("Dào San", "Thư ký Dào San", { channel: "telegram", userId: "7401" });
  expect(await ms.say("/dangky 1 thamdu Lò Văn Mường")).toContain("Đã ghi nhận");
  await ms.say("/thamluan Kính thưa Hội nghị, bản thứ nhất của xã Mường So.");
  http = new Client(d.root);
  expect((await http.open(await d.linkFrom(d.org))).status).toBe(303);
  const sp = await http.get("/ban-to-chuc/tham-luan/muong-so");
  await http.post("/ban-to-chuc/tham-luan/muong-so/yeu-cau-sua", { _csrf: http.csrf(sp.body), version: "1", note: "Đề nghị bổ sung số liệu năm 2023 và kết quả ứng dụng công nghệ thông tin." });
  expect(await ms.say("/thamluan Kính thưa Hội nghị, xã Mường So xin báo cáo (bản đã bổ sung số liệu năm 2023).")).toContain("bản 2");
  // The conference opens in half an hour: check-in is open (answers closed, as on the day).
  await d.org.say("/datlich 01/05/2027 09:30 | Hội trường UBND huyện Phong Thổ");
  const scores = await http.get("/ban-to-chuc/chi-so");
  const upload = new FormData();
  upload.set("_csrf", http.csrf(scores.body));
  upload.set("file", new File([new Uint8Array(sampleBytes())], "phong-tho-2023.sample.csv", { type: "text/csv" }));
  const preview = await http.post("/ban-to-chuc/chi-so/tai-len", upload);
  const id = /name="preview" value="([^"]+)"/.exec(preview.body)?.[1] as string;
  await http.post("/ban-to-chuc/chi-so/xac-nhan", { _csrf: http.csrf(preview.body), preview: id });
  await d.org.say("/thongbao tatca | Kính gửi các đại biểu: Hội nghị khai mạc lúc 09 giờ 30, đề nghị có mặt trước 15 phút.");
  await d.org.say("1");
  await d.app.outbox.idle();
}

beforeAll(async () => {
  d = await createDeskTest({ env: { TELEGRAM_BOT_USERNAME: "hoinghi_phongtho_bot", ZALO_BOT_LINK: "https://zalo.me/s/hoinghi-phongtho" } });
  origin = await d.listen();
  await dayOfConference();
  browser = await openChromium({ width: 1366, height: 768 });
  page = browser.page;
  await signIn();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await d?.stop();
});

describe("lễ tân và bảng điểm danh", () => {
  it("the reception finds Mường So typed without diacritics and checks its chair in with one tap; the board, open beside it, counts it without reloading and keeps the seat chosen in its list", async () => {
    const board = page;
    await board.clock.install();
    await board.goto(`${origin}/ban-to-chuc/diem-danh`);
    await board.getByRole("button", { name: "Cấp mã điểm danh" }).click();
    await board.waitForURL(`${origin}/ban-to-chuc/diem-danh`);
    const code = d.app.store.data.checkinCode?.code as string;
    expect(await board.textContent("#present")).toMatch(/^Có mặt 0\//);
    // The organizer picks a seat of Dào San in the board's list, then is called away.
    const daoSan = board.getByLabel("Vị trí của UBND xã Dào San");
    await daoSan.selectOption("cchc");
    await board.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    const reception = await browser.context.newPage();
    await reception.goto(`${origin}/ban-to-chuc/le-tan`);
    // A person's name, typed without diacritics: only the seat registered to them.
    await reception.getByLabel("Tìm đơn vị hoặc họ tên đại biểu").fill("lo van muong");
    await expect.poll(() => reception.locator("ul.seats li:visible").count()).toBe(1);
    expect(await reception.locator("section.unit:visible h2").textContent()).toContain("UBND xã Mường So");
    expect(await reception.locator("ul.seats li:visible").textContent()).toContain("tham dự, Lò Văn Mường");
    // A unit: all its seats.
    await reception.getByLabel("Tìm đơn vị hoặc họ tên đại biểu").fill("muong so");
    await expect.poll(() => reception.locator("ul.seats li:visible").count()).toBe(4);
    await reception.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await reception.getByRole("button", { name: "Điểm danh — Chủ tịch UBND xã, UBND xã Mường So" }).click();
    await expect.poll(() => reception.textContent('[data-live="message"]')).toBe("Đã điểm danh thay cho UBND xã Mường So, Chủ tịch UBND xã.");
    expect(await reception.locator('[data-seat="muong-so/chair"]').getAttribute("data-checked")).toBe("1");
    expect(await reception.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(d.app.store.data.checkins.filter((x) => x.unitId === "muong-so" && x.seatId === "chair")).toHaveLength(1);
    // Someone checks in from Zalo meanwhile.
    expect(await zalo.say(`/diemdanh ${code}`)).toContain("Đã điểm danh");

    // 11.5 s on the board's clock, past the old reload at 10 s: the figures come in place.
    await board.clock.runFor(11_500);
    await expect.poll(() => board.textContent("#present")).toMatch(/^Có mặt 2\//);
    expect(await reception.locator('[data-live-unitcount="muong-so"]').textContent()).toBe("có mặt 1/4");
    expect(await board.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await daoSan.inputValue()).toBe("cchc");
    expect(await board.locator('[data-live="arrivals"] li').first().textContent()).toContain("Sì Lở Lầu");
    // Mường So's chair is gone from its list: it cannot be checked in twice.
    expect(await board.getByLabel("Vị trí của UBND xã Mường So").locator("option").allTextContents()).not.toContain("Chủ tịch UBND xã");
    await shot(reception, "reception");
    await reception.close();
  });

  it("without the script the reception is a search form and a form per seat; a refusal is one sentence with the way back", async () => {
    const res = await http.get("/ban-to-chuc/le-tan?q=dao%20san");
    expect(res.body).toContain('value="dao san"');
    expect(res.body).toMatch(/<section class="unit" data-search-group="UBND xã Dào San[^"]*">/);
    expect(res.body).toMatch(/<section class="unit" data-search-group="UBND xã Mường So[^"]*" hidden>/);
    const posted = await http.post("/ban-to-chuc/le-tan/diem-danh", { _csrf: http.csrf(res.body), unit: "dao-san", seat: "chair", q: "dao san" });
    expect(posted.status).toBe(303);
    const back = posted.headers.get("location") as string;
    expect(back).toBe("/ban-to-chuc/le-tan?q=dao+san&da=dao-san%2Fchair");
    expect((await http.get(back)).body).toContain("Đã điểm danh thay cho UBND xã Dào San, Chủ tịch UBND xã.");
    const twice = await http.post("/ban-to-chuc/le-tan/diem-danh", { _csrf: http.csrf(res.body), unit: "dao-san", seat: "chair", q: "dao san" });
    expect(twice.status).toBe(400);
    expect(twice.body).toContain("Vị trí Chủ tịch UBND xã của UBND xã Dào San đã được điểm danh lúc");
    expect(twice.body).toContain('<a href="/ban-to-chuc/le-tan">Quay lại</a>');
    const json = await d.root.request("http://127.0.0.1/ban-to-chuc/le-tan/diem-danh", {
      method: "POST",
      headers: { cookie: http.cookie, accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: http.csrf(res.body), unit: "dao-san", seat: "chair" }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { ok: boolean; message: string }).message).toContain("đã được điểm danh lúc");
  });
});

describe("màn hình hội trường", () => {
  it("fits 1366×768 with the code and its QR code in view, nothing to click, no menu and no organizer's name; it follows a check-in", async () => {
    const hall = await browser.context.newPage();
    await hall.clock.install();
    await hall.setViewportSize({ width: 1366, height: 768 });
    await hall.goto(`${origin}/ban-to-chuc/man-hinh`);
    const code = d.app.store.data.checkinCode?.code as string;
    expect(await hall.textContent("h1")).toBe(d.app.services.conference.conf.title);
    expect(await hall.textContent('[data-live="code"]')).toBe(code);
    const size = await hall.evaluate(() => ({ w: document.scrollingElement?.scrollWidth ?? 0, h: document.scrollingElement?.scrollHeight ?? 0 }));
    expect(size.w).toBeLessThanOrEqual(1366);
    expect(size.h).toBeLessThanOrEqual(768);
    const qr = await hall.locator('img[data-live="qr"]').boundingBox();
    expect(qr && qr.y + qr.height).toBeLessThanOrEqual(768);
    expect(qr?.height).toBeGreaterThanOrEqual(300);
    expect(await hall.locator("a, button, input, select, textarea, nav").count()).toBe(0);
    expect(await hall.textContent("body")).not.toContain("Lò Thị Nội Vụ");
    await shot(hall, "hall");
    const before = (await hall.textContent('[data-live="count"]')) ?? "";
    await d.delegate("Bản Lang", "Chủ tịch UBND xã Bản Lang").then((p) => p.say(`/diemdanh ${code}`));
    await hall.clock.runFor(5_500);
    await expect.poll(() => hall.textContent('[data-live="count"]')).not.toBe(before);
    expect(await hall.locator('[data-live="arrivals"] li').first().textContent()).toContain("Bản Lang");
    // On a 1920×1080 screen the code and the count fill it: no two thirds left empty.
    await hall.setViewportSize({ width: 1920, height: 1080 });
    const big = await hall.locator('img[data-live="qr"]').boundingBox();
    const count = await hall.locator('[data-live="count"]').boundingBox();
    expect(big?.height).toBeGreaterThanOrEqual(450);
    expect(count && count.x + count.width).toBeGreaterThan(1920 * 0.6);
    expect(await hall.evaluate(() => document.scrollingElement?.scrollHeight)).toBeLessThanOrEqual(1080);
    await shot(hall, "hall");
    await hall.close();
  });
});

/** Every page of the desk a person opens, with the public page. */
function pagesToCheck(): Array<[string, string]> {
  const account = ms.key;
  const notice = d.app.store.data.notices.find((n) => n.kind === "broadcast")?.id as string;
  return [
    ["overview", "/ban-to-chuc/"],
    ["units", "/ban-to-chuc/don-vi"],
    ["unit", "/ban-to-chuc/don-vi/muong-so"],
    ["confirm-reissue", "/ban-to-chuc/don-vi/muong-so/ma-moi"],
    ["confirm-revoke", "/ban-to-chuc/don-vi/muong-so/thu-hoi"],
    ["confirm-remove", `/ban-to-chuc/don-vi/muong-so/go-tai-khoan?account=${encodeURIComponent(account)}`],
    ["speeches", "/ban-to-chuc/tham-luan"],
    ["speech", "/ban-to-chuc/tham-luan/muong-so"],
    ["scores", "/ban-to-chuc/chi-so"],
    ["confirm-publish", "/ban-to-chuc/chi-so/cong-bo"],
    ["analysis", "/ban-to-chuc/phan-tich?don-vi=muong-so"],
    ["board", "/ban-to-chuc/diem-danh"],
    ["confirm-rotate", "/ban-to-chuc/diem-danh/doi-ma"],
    ["reception", "/ban-to-chuc/le-tan?q=muong"],
    ["hall", "/ban-to-chuc/man-hinh"],
    ["downloads", "/ban-to-chuc/tai-ve"],
    ["notices", "/ban-to-chuc/thong-bao"],
    ["notice", `/ban-to-chuc/thong-bao/${notice}`],
    ["tasks", "/ban-to-chuc/nhiem-vu"],
    ["conclusions", "/ban-to-chuc/ket-luan"],
    ["conclusions-preview", "/ban-to-chuc/ket-luan/xem-truoc"],
    ["conferences", "/ban-to-chuc/hoi-nghi"],
    ["confirm-close-conference", "/ban-to-chuc/hoi-nghi/ket-thuc?id=phong-tho-2023"],
    ["public", "/"],
  ];
}

describe("mọi trang", () => {
  beforeAll(async () => {
    // The hall code, when these run alone: the question to change it needs one.
    if (!d.app.store.data.checkinCode) await d.org.say("/diemdanh");
  });

  it("axe finds no critical issue on any page, nor on a refused form", async () => {
    const found: string[] = [];
    for (const [name, url] of pagesToCheck()) {
      expect((await page.goto(origin + url))?.status(), name).toBe(200);
      for (const v of await axeViolations(page)) if (v.impact === "critical") found.push(`${name}: ${v.id} ${JSON.stringify(v.nodes.slice(0, 2))}`);
    }
    // A refused answer comes back on the unit's page with the form as typed.
    await page.goto(`${origin}/ban-to-chuc/don-vi/muong-so`);
    await page.locator('select[name="seat"]').selectOption("cchc");
    await page.locator('select[name="status"]').selectOption("absent");
    await page.getByRole("button", { name: "Trả lời thay" }).click();
    await expect.poll(() => page.locator(".refusal").count()).toBe(1);
    expect(await page.locator('select[name="status"]').inputValue()).toBe("absent");
    expect(await page.locator('select[name="seat"]').inputValue()).toBe("cchc");
    for (const v of await axeViolations(page)) if (v.impact === "critical") found.push(`refused: ${v.id}`);
    expect(found).toEqual([]);
    // Publishing from the question: the public page then shows the ranking (checked at 390 px below).
    await page.goto(`${origin}/ban-to-chuc/chi-so`);
    await page.getByRole("link", { name: "Công bố kết quả" }).click();
    await expect.poll(() => page.textContent("body")).toContain("nhận ngay tin kết quả của đơn vị mình");
    await page.getByRole("button", { name: "Công bố kết quả" }).click();
    await expect.poll(() => page.textContent("body")).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023");
  }, 120_000);

  it("every page fits a 390 px phone without scrolling sideways; lists are tall enough to tap", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const wide: string[] = [];
    for (const [name, url] of pagesToCheck()) {
      // Published by now: the question to publish is refused in one sentence (409), every other page is there.
      expect((await page.goto(origin + url))?.status(), name).toBe(name === "confirm-publish" ? 409 : 200);
      const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
      if (width > 390) wide.push(`${name}: ${width}`);
      for (const h of await page.locator("select").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height))) {
        if (h < 44) wide.push(`${name}: a list ${h} px tall`);
      }
      await shot(page, name);
    }
    expect(wide).toEqual([]);
    // The public page, last opened: the bot's links with their QR codes, and the published ranking with decimal commas.
    expect(await page.getByRole("link", { name: "Telegram" }).getAttribute("href")).toBe("https://t.me/hoinghi_phongtho_bot");
    expect(await page.getByRole("link", { name: "Zalo" }).getAttribute("href")).toBe("https://zalo.me/s/hoinghi-phongtho");
    expect(await page.getByAltText("Mã QR mở bot trên Telegram").isVisible()).toBe(true);
    expect(await page.textContent("body")).toContain("84,25/100");
    await page.setViewportSize({ width: 1366, height: 768 });
    if (SHOTS) {
      for (const [name, url] of pagesToCheck()) {
        await page.goto(origin + url);
        await shot(page, name);
      }
    }
  }, 120_000);
});
