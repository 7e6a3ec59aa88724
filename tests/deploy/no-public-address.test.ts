// Without a public address (issue 24 item 5): Zalo users get the content as text, organizers are told
// the one step that fixes it once a day (not once a picture), nobody is sent to a channel that does not run.
import { afterEach, describe, expect, it } from "vitest";
import { renderReplies } from "../../src/channels/zalo/render.js";
import { createI18n } from "../../src/lib/i18n.js";
import type { Reply } from "../../src/messages/types.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";
import { startZaloTest, type ZaloTest } from "../zalo/setup.js";

const FIX = "đặt PUBLIC_URL";
const count = (texts: string[], s: string) => texts.join("\n").split(s).length - 1;

let z: ZaloTest | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

/** The whole bot on Zalo by polling, no PUBLIC_URL, no Telegram. */
async function zaloOnly(): Promise<ZaloTest> {
  z = await startZaloTest({ fullBot: true, now: "2027-05-03T02:00:00Z" });
  return z;
}

describe("a speech sent as five photos, reviewed on Zalo without a public address", () => {
  it("Mường So sends five pages; Ban tổ chức's /duyet says once what was not sent and the fix, once a day", async () => {
    const { fake, channel, h } = await zaloOnly();
    const org = { id: "org-zalo", name: "Cán bộ Phòng Nội vụ" };
    const ms = { id: "zu-muongso-01", name: "Lò Văn Sáu" };
    await channel.processUpdate(fake.update(ms, { text: `/start ${await h.code("muong-so")}` }));
    const pages = [1, 2, 3, 4, 5].map((i) => fake.hostFile(`trang-${i}.jpg`, Buffer.from(`\u00ff\u00d8 trang ${i}`, "latin1")));
    expect(await channel.processUpdate(fake.photo(ms, pages[0] as string, "/thamluan"))).toBe("handled");
    for (const page of pages.slice(1)) expect(await channel.processUpdate(fake.photo(ms, page))).toBe("handled");
    await channel.processUpdate(fake.update(ms, { text: "/xong" }));
    await fake.waitFor(() => fake.textsTo(ms.id).some((t) => t.includes("5 ảnh trang")));
    expect(h.app.store.data.speeches["muong-so"]?.versions[0]?.pages).toHaveLength(5);

    await channel.processUpdate(fake.update(org, { text: "/duyet Mường So" }));
    await fake.waitFor(() => fake.textsTo(org.id).some((t) => t.includes("1. Chấp nhận")));
    const first = fake.textsTo(org.id);
    // One note for the five pictures, the fix once, the header and the page numbers as text; no picture sent.
    expect(count(first, "5 hình ảnh chưa gửi được qua Zalo vì bot chưa có địa chỉ công khai")).toBe(1);
    expect(count(first, FIX)).toBe(1);
    expect(first.join("\n")).toContain("Tham luận của UBND xã Mường So, bản 1/1");
    expect(first.join("\n")).toContain("Trang 5/5");
    expect(fake.sent.filter((c) => c.method === "sendPhoto")).toHaveLength(0);

    // The same day, again: what was not sent is said, the fix is not.
    await channel.processUpdate(fake.update(org, { text: "/duyet Mường So" }));
    await fake.waitFor(() => count(fake.textsTo(org.id), "1. Chấp nhận") === 2);
    const second = fake.textsTo(org.id).slice(first.length);
    expect(count(second, "5 hình ảnh chưa gửi được qua Zalo")).toBe(1);
    expect(count(second, FIX)).toBe(0);

    // A day later, once more.
    h.clock.advance(24 * 3600_000);
    await channel.processUpdate(fake.update(org, { text: "/duyet Mường So" }));
    await fake.waitFor(() => count(fake.textsTo(org.id), "1. Chấp nhận") === 3);
    expect(count(fake.textsTo(org.id), FIX)).toBe(2);
    // The delegate, who is not an organizer, never hears of PUBLIC_URL.
    expect(count(fake.textsTo(ms.id), "PUBLIC_URL")).toBe(0);
  });
});

describe("a delegate on Zalo, Telegram not running, no public address", () => {
  it("gets the ranking as text and the calendar's time and place, and is never sent to Telegram", async () => {
    const { fake, channel, h } = await zaloOnly();
    const console = h.organizer();
    await sendTable(console, sampleBytes(), "phong-tho-2023.sample.csv");
    expect(await console.say("1")).toContain("Đã thay thế bảng điểm");
    expect(await console.say("/congbo xacnhan")).toContain("Đã công bố");
    expect(await console.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện")).toContain("Đã lưu");
    const u = { id: "zu-khach-0001", name: "Khách" };
    await channel.processUpdate(fake.update(u, { text: "/xephang" }));
    await fake.waitFor(() => fake.textsTo(u.id).some((t) => t.includes("hình ảnh") || t.includes("Hình ảnh")));
    await channel.processUpdate(fake.update(u, { text: "/lich" }));
    await fake.waitFor(() => fake.textsTo(u.id).some((t) => t.includes(".ics")));
    const all = fake.textsTo(u.id).join("\n");
    // The ranking's lines (the first and a commune of the sample) and the calendar's time and place, as text.
    expect(all).toMatch(/1\.\s/);
    expect(all).toContain("Mường So");
    expect(all).toContain("Hội trường UBND huyện");
    expect(all).toContain("8 giờ 00");
    expect(all).not.toContain("Telegram");
    expect(all).not.toContain("/files/");
  });
});

describe("the note beside what was not sent", () => {
  const t = createI18n().forLanguage("vi");
  const none = { t, publish: async () => undefined, contact: " (Phòng Nội vụ)" };
  const replies: Reply[] = [
    { kind: "text", text: "Bảng xếp hạng" },
    { kind: "photo", name: "a.png", data: Buffer.alloc(1), caption: "Biểu đồ 2027" },
    { kind: "file", name: "hoi-nghi.ics", mime: "text/calendar", data: Buffer.alloc(1), caption: "8 giờ 00, Hội trường" },
  ];

  it("sends a delegate to Telegram only when Telegram runs", async () => {
    const texts = async (telegramRuns: boolean) => (await renderReplies(replies, { ...none, telegramRuns })).flatMap((o) => (o.method === "sendMessage" ? [o.text] : []));
    const without = await texts(false);
    expect(without).toEqual([
      "Bảng xếp hạng",
      "Biểu đồ 2027\n8 giờ 00, Hội trường\n\n1 hình ảnh và tệp hoi-nghi.ics chưa gửi được qua Zalo. Nếu cần, đồng chí vui lòng liên hệ Ban tổ chức (Phòng Nội vụ).",
    ]);
    expect((await texts(true)).join("\n")).toContain("xem trên Telegram");
  });

  it("gives an organizer the fix only when the reminder is due", async () => {
    let due = true;
    const remindNoAddress = () => {
      const was = due;
      due = false;
      return was;
    };
    const render = async () => (await renderReplies(replies, { ...none, organizer: true, remindNoAddress })).map((o) => (o.method === "sendMessage" ? o.text : "")).join("\n");
    const first = await render();
    expect(count([first], FIX)).toBe(1);
    expect(first).not.toContain("liên hệ Ban tổ chức");
    expect(count([await render()], FIX)).toBe(0);
  });
});
