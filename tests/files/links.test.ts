// Files for Zalo users by link (issue 13 item 7) and files kept in bounds (issue 16 item 7).
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startZalo } from "../../src/app/channels.js";
import type { ZaloChannel } from "../../src/channels/zalo/channel.js";
import { FileLinks, LINK_TTL_MS, ORGANIZER_LINK_TTL_MS, saveFile, servedName, sweepReceivedFiles, referencedFiles } from "../../src/lib/files.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";
import { type FakeZalo, startFakeZalo } from "../zalo/fake-server.js";
import { freePort } from "../helpers/net.js";

const DAY = 24 * 3600_000;

let fake: FakeZalo | undefined;
let h: TestApp | undefined;
let channel: ZaloChannel | undefined;
afterEach(async () => {
  await channel?.stop();
  if (h) {
    await h.app.http.close();
    await h.close();
  }
  await fake?.close();
  channel = h = fake = undefined;
});

/** The whole bot (real commands) on Zalo by webhook, or by polling without PUBLIC_URL. */
async function zaloBot(options: { publicUrl: boolean; dir?: string }): Promise<{ h: TestApp; fake: FakeZalo; channel: ZaloChannel }> {
  fake ??= await startFakeZalo();
  const env: Record<string, string> = { ZALO_BOT_TOKEN: fake.token, ZALO_API_ROOT: fake.url, ZALO_SEND_RATE: "100" };
  if (options.publicUrl) {
    const port = await freePort();
    Object.assign(env, { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}`, ZALO_WEBHOOK_SECRET: "bi-mat-webhook-2027" });
  }
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env, dir: options.dir });
  // The conference's time and place are set, so /lich has a calendar file to give.
  expect(await h.organizer().say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện")).toContain("Đã lưu");
  const started = await startZalo(h.app, { pollTimeoutSeconds: 1, backoff: { initialMs: 20, maxMs: 200 }, stopGraceMs: 200 });
  if (!started) throw new Error("no Zalo channel");
  channel = started;
  return { h, fake, channel: started };
}

async function publishScores(t: TestApp): Promise<void> {
  const org = t.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  expect(await org.say("1")).toContain("Đã thay thế bảng điểm");
  expect(await org.say("/congbo xacnhan")).toContain("Đã công bố");
}

const linkIn = (text: string | undefined) => /(http:\/\/127\.0\.0\.1:\d+\/files\/[0-9a-f]{32}-[A-Za-z0-9_-]+\.[a-z0-9]+)/.exec(text ?? "")?.[1];

/** GET with the path exactly as written (fetch would resolve "../" itself). */
function rawGet(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
    let got = "";
    socket.on("data", (c) => (got += c.toString()));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(got)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

describe("a Zalo user gets files as links that expire", () => {
  it("/lich gives a Zalo user a link of their own that works for 7 days, then answers 410", async () => {
    const { h, fake, channel } = await zaloBot({ publicUrl: true });
    const u = { id: "zu-lich-0001", name: "Lò Văn Sáu" };
    expect(await channel.processUpdate(fake.update(u, { text: "/lich" }))).toBe("handled");
    const [text] = await fake.waitForMessages(u.id, 1);
    // The time and place are in the message itself; the .ics comes as a link.
    expect(text).toContain("tải về tại");
    const url = linkIn(text);
    expect(url).toBeDefined();
    const ok = await fetch(url as string);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="hoi-nghi-[a-z0-9-]+\.ics"$/);
    expect(await ok.text()).toContain("BEGIN:VCALENDAR");
    h.clock.advance(LINK_TTL_MS - 60_000);
    expect((await fetch(url as string)).status).toBe(200);
    h.clock.advance(120_000);
    const gone = await fetch(url as string);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("Đường dẫn tải tệp này đã hết hạn");
  });

  it("an organizer's file link lasts one day", async () => {
    const { h, fake, channel } = await zaloBot({ publicUrl: true });
    // Mường So sends its speech as a Word file (on the console); the organizer reads it on Zalo with /duyet.
    const docx = Buffer.from("PK\u0003\u0004 tham luận của xã Mường So");
    const ms = await h.delegate("Mường So");
    await ms.say("/thamluan", { file: { kind: "document", name: "tham-luan.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: docx.length, download: async () => docx } });
    expect(h.app.store.data.speeches["muong-so"]?.versions).toHaveLength(1);
    // zalo:org-zalo is an organizer by ORGANIZER_IDS.
    const org = { id: "org-zalo", name: "Cán bộ Phòng Nội vụ" };
    expect(await channel.processUpdate(fake.update(org, { text: "/duyet Mường So" }))).toBe("handled");
    await fake.waitFor(() => fake.sent.some((c) => c.body.chat_id === org.id && JSON.stringify(c.body).includes("/files/")), 10_000);
    const texts = fake.sent.filter((c) => c.body.chat_id === org.id).map((c) => JSON.stringify(c.body));
    const url = linkIn(JSON.parse(texts.find((t) => t.includes("/files/")) as string).text);
    expect(url).toMatch(/\.docx$/);
    expect((await fetch(url as string)).status).toBe(200);
    h.clock.advance(ORGANIZER_LINK_TTL_MS + 60_000);
    expect((await fetch(url as string)).status).toBe(410);
  });

  it("the ranking chart reaches a Zalo guest as a photo sent from its link, after the ranking as text", async () => {
    const { h, fake, channel } = await zaloBot({ publicUrl: true });
    await publishScores(h);
    const u = { id: "zu-rank-0001", name: "Khách" };
    expect(await channel.processUpdate(fake.update(u, { text: "/xephang" }))).toBe("handled");
    await fake.waitFor(() => fake.sent.some((c) => c.method === "sendPhoto" && c.body.chat_id === u.id), 10_000);
    const photo = fake.sent.find((c) => c.method === "sendPhoto" && c.body.chat_id === u.id)?.body as { photo: string };
    expect(photo.photo).toMatch(/\/files\/[0-9a-f]{32}-ranking-2023\.png$/);
    const res = await fetch(photo.photo);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(fake.textsTo(u.id).join("\n")).toContain("Mường So");
  });

  it("a link survives a restart; one whose record was altered on disk is refused", async () => {
    const data = await mkdtemp(path.join(tmpdir(), "hoinghi-links-"));
    let t = await zaloBot({ publicUrl: true, dir: data });
    const u = { id: "zu-restart-01", name: "Khách" };
    await t.channel.processUpdate(t.fake.update(u, { text: "/lich" }));
    const url = linkIn((await t.fake.waitForMessages(u.id, 1))[0]) as string;
    const restart = async () => {
      await t.channel.stop();
      await t.h.app.http.close();
      await t.h.close();
      channel = h = undefined;
    };
    await restart();
    t = await zaloBot({ publicUrl: true, dir: data });
    // The new process listens on another port: the same link path there.
    const port = await (await t.h.app.http.listen()).listen();
    const local = url.replace(/:\d+\//, `:${port}/`);
    expect((await fetch(local)).status).toBe(200);
    // Someone with access to the folder lengthens a link by hand: its signature no longer matches.
    const links = path.join(data, "public", "links");
    const [file] = await readdir(links);
    const record = JSON.parse(await readFile(path.join(links, file as string), "utf8"));
    record.expiresAt = "2099-01-01T00:00:00.000Z";
    await writeFile(path.join(links, file as string), JSON.stringify(record));
    await restart();
    t = await zaloBot({ publicUrl: true, dir: data });
    const port2 = await (await t.h.app.http.listen()).listen();
    expect((await fetch(url.replace(/:\d+\//, `:${port2}/`))).status).toBe(404);
    await restart();
    await rm(data, { recursive: true, force: true });
  });
});

describe("nothing else can be reached", () => {
  it("../ and encoded traversal, a folder listing, a guessed or altered link all answer 404", async () => {
    const { h, fake, channel } = await zaloBot({ publicUrl: true });
    const u = { id: "zu-trav-0001", name: "Khách" };
    await channel.processUpdate(fake.update(u, { text: "/lich" }));
    const url = linkIn((await fake.waitForMessages(u.id, 1))[0]) as string;
    const port = Number(new URL(url).port);
    const tail = url.slice(url.indexOf("/files/") + "/files/".length);
    const token = tail.slice(0, 32);
    const targets = [
      "/files/",
      "/files",
      "/files/../hoinghi.json",
      "/files/..%2Fhoinghi.json",
      "/files/%2e%2e%2fhoinghi.json",
      "/files/%2E%2E/%2E%2E/etc/passwd",
      "/files/..%252Fhoinghi.json",
      "/files/....//hoinghi.json",
      "/files/%00",
      `/files/${token}-..%2F..%2Fhoinghi.json`,
      `/files/${token}-other.ics`,
      `/files/${token}`,
      `/files/${"0".repeat(32)}-${tail.slice(33)}`,
      `/files/${tail}/`,
      `/files/${tail}%00.png`,
      "/files/key",
      "/files/links",
      "/files/blobs/",
      "/public/key",
      "/hoinghi.json",
    ];
    for (const target of targets) expect({ target, status: await rawGet(port, target) }).toEqual({ target, status: 404 });
    expect(await rawGet(port, `/files/${tail}`)).toBe(200);
    expect(h.app.config.publicUrl).toBeDefined();
  });
});

describe("without PUBLIC_URL", () => {
  it("a guest gets the time and place as text; an organizer is also told how to turn links on", async () => {
    const { fake, channel } = await zaloBot({ publicUrl: false });
    const guest = { id: "zu-nolink-01", name: "Khách" };
    await channel.processUpdate(fake.update(guest, { text: "/lich" }));
    const [text] = await fake.waitForMessages(guest.id, 1);
    expect(text).not.toContain("/files/");
    // The text alternative: the time and place to add by hand are in the message.
    expect(text).toContain("Hội trường UBND huyện");
    expect(text).toContain("8 giờ 00");
    expect(text).toContain("Tệp hoi-nghi-phong-tho-2023.ics chưa gửi được qua Zalo");
    expect(text).not.toContain("Telegram");
    const org = { id: "org-zalo", name: "Cán bộ Phòng Nội vụ" };
    await channel.processUpdate(fake.update(org, { text: "/lich" }));
    const [orgText] = await fake.waitForMessages(org.id, 1);
    expect(orgText).toContain("đặt PUBLIC_URL");
    expect(orgText).not.toContain("liên hệ Ban tổ chức");
  });
});

describe("files kept in bounds", () => {
  it("100 /xephang from one Zalo guest write one file and one link", async () => {
    const { h, fake, channel } = await zaloBot({ publicUrl: true });
    await publishScores(h);
    const u = { id: "zu-spam-0001", name: "Khách" };
    const urls = new Set<string>();
    for (let i = 0; i < 100; i++) {
      expect(await channel.processUpdate(fake.update(u, { text: "/xephang" }))).toBe("handled");
    }
    await fake.waitFor(() => fake.sent.filter((c) => c.method === "sendPhoto").length >= 3, 20_000);
    for (const c of fake.sent) if (c.method === "sendPhoto") urls.add((c.body as { photo: string }).photo);
    expect(urls.size).toBe(1);
    const links = h.app.http.links;
    expect(await readdir(links.blobsDir)).toHaveLength(1);
    expect(await readdir(links.linksDir)).toHaveLength(1);
  });

  it("/lich asked again later gives the same calendar file and the same link", async () => {
    const { h: t, fake, channel } = await zaloBot({ publicUrl: true });
    const u = { id: "zu-lich-again", name: "Khách" };
    await channel.processUpdate(fake.update(u, { text: "/lich" }));
    const first = linkIn((await fake.waitForMessages(u.id, 1))[0]);
    // A second later on the machine's clock: DTSTAMP must not make it another file.
    await new Promise((r) => setTimeout(r, 1100));
    await channel.processUpdate(fake.update(u, { text: "/lich" }));
    const second = linkIn((await fake.waitForMessages(u.id, 2))[1]);
    expect(second).toBe(first);
    expect((await readdir(t.app.http.links.blobsDir)).filter((f) => f.endsWith(".ics"))).toHaveLength(1);
  });

  it("generated files expire with their links and the oldest go first when the folder is over its cap", async () => {
    const t = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    h = t;
    let now = Date.parse("2027-05-01T02:00:00Z");
    const files = new FileLinks({ dataDir: t.dir, now: () => new Date(now), capBytes: 2500 });
    const a = await files.publish("a.png", Buffer.alloc(1000, 1), { audience: "zalo:1", ttlMs: DAY });
    await new Promise((r) => setTimeout(r, 20));
    const b = await files.publish("b.png", Buffer.alloc(1000, 2), { audience: "zalo:1", ttlMs: 7 * DAY });
    await new Promise((r) => setTimeout(r, 20));
    expect((await files.lookup(a)).status).toBe(200);
    // A third file would pass the cap: the oldest (a) is removed, its link answers 410.
    const c = await files.publish("c.png", Buffer.alloc(1000, 3), { audience: "zalo:1", ttlMs: 7 * DAY });
    expect((await files.lookup(a)).status).toBe(410);
    expect((await files.lookup(b)).status).toBe(200);
    expect((await files.lookup(c)).status).toBe(200);
    expect(await readdir(files.blobsDir)).toHaveLength(2);
    // Two days on: nothing expired yet among b and c… eight days on, both are gone from the folder.
    now += 2 * DAY;
    expect(await files.sweep()).toBe(0);
    now += 6 * DAY;
    expect(await files.sweep()).toBe(2);
    expect(await readdir(files.blobsDir)).toHaveLength(0);
    expect((await files.lookup(b)).status).toBe(410);
  });

  it("received files live as long as the store refers to them", async () => {
    const t = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    h = t;
    const kept = await saveFile(t.dir, { stem: "muong-so-v1", ext: "docx", name: "Tham luận.docx", mime: "application/octet-stream" }, Buffer.from("v1"));
    const orphan = await saveFile(t.dir, { stem: "muong-so-v2", ext: "docx", name: "Tham luận.docx", mime: "application/octet-stream" }, Buffer.from("v2"));
    const data = { speeches: { "muong-so": { versions: [{ file: kept }] } } };
    const refs = referencedFiles(data);
    expect([...refs]).toEqual([kept.path]);
    // Within the grace period nothing is removed (a file is saved just before the change that refers to it).
    expect(await sweepReceivedFiles(t.dir, refs)).toBe(0);
    expect(await sweepReceivedFiles(t.dir, refs, { now: new Date(Date.now() + 2 * DAY) })).toBe(1);
    const left = await readdir(path.join(t.dir, "files"));
    expect(left).toEqual([path.basename(kept.path)]);
    expect(left).not.toContain(path.basename(orphan.path));
    // The app's tidy-up never touches what the store refers to.
    await t.app.http.tidy();
    expect(await readdir(path.join(t.dir, "files"))).toEqual([path.basename(kept.path)]);
  });
});

describe("the name a file is served under", () => {
  it("is the Vietnamese name without its marks, case kept, in letters a link can carry", () => {
    expect(servedName("Xếp hạng Đợt 1 — Phong Thổ.png")).toBe("Xep-hang-Dot-1-Phong-Tho.png");
    expect(servedName("đề án.docx")).toBe("de-an.docx");
  });
});
