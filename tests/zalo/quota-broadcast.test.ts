// Hạn mức Zalo qua kênh Zalo thật và máy giả ở chế độ "như dịch vụ thật": 20 tin rồi 429; phần còn lại chờ chứ không mất,
// trả lời hội thoại vẫn đi sau khi hạn mức trở lại, Ban tổ chức được báo một lần, số liệu khớp với kho.
import { afterEach, describe, expect, it } from "vitest";
import { lastNotice, seedDelegates, states } from "../notices/helpers.js";
import { startZaloTest, type ZaloTest } from "./setup.js";

let z: ZaloTest | undefined;
afterEach(async () => {
  await z?.close();
  z = undefined;
});

const REFUSING = "Zalo đang từ chối gửi tin (có thể đã hết hạn mức";

describe("a Zalo quota during a broadcast, on the fake in real-service mode", () => {
  it("20 messages pass, the other 40 wait (not lost), a guest is still answered once the quota returns, the organizers are told once, and every account gets exactly one copy", async () => {
    // The fake reads its quota on every send: raising it below stands for the new month's (or a raised plan's) allowance.
    const fakeOptions = { real: true, monthlyQuota: 20 };
    z = await startZaloTest({ fakeOptions, now: "2027-05-01T02:00:00Z" });
    const { fake, h } = z;
    const { app } = h;
    const keys = await seedDelegates(app, 60, "zalo", "zd");
    const chats = keys.map((k) => app.store.data.accounts[k]?.chatId as string);
    app.outbox.configure({ delayScale: 0.02, limits: { zalo: { rate: 1000, maxInFlight: 1 } } });
    const toOrganizer = () => h.sent.filter((s) => s.account === "console:org-1").map((s) => s.text);

    const org = h.organizer();
    await org.say("/thongbao tatca | Kính mời đồng chí dự hội nghị");
    await org.say("1");
    const id = lastNotice(app);

    // The platform refuses after 20: the organizers hear of it, with the count waiting.
    await expect.poll(() => toOrganizer().filter((s) => s.startsWith(REFUSING)), { timeout: 15_000 }).toHaveLength(1);
    expect(fake.quotaUsed).toBe(20);
    expect(states(app, id)).toEqual({ sent: 20, pending: 40 });
    expect(toOrganizer().find((s) => s.startsWith(REFUSING))).toContain("Còn 40 tin đang chờ gửi qua Zalo");
    const refused = fake.calls.filter((c) => c.method === "sendMessage" && c.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(3);

    // /thongbao trangthai says what the store says.
    const status = await org.say(`/thongbao trangthai ${id}`);
    const counts = states(app, id);
    expect(status).toContain(`Zalo: gửi được ${counts.sent}, đang chờ ${counts.pending}`);
    expect(status).toContain("Zalo: gửi được 20, đang chờ 40");

    // A guest asks for the programme while the quota is spent: refused at first, answered once it returns.
    const guest = z.user("Lò Thị Xuân");
    fake.say(guest, "/chuongtrinh");
    await fake.waitFor(() => fake.calls.some((c) => c.method === "sendMessage" && c.status === 429 && c.body.chat_id === guest.id), 10_000);
    expect(fake.textsTo(guest.id)).toEqual([]);
    fakeOptions.monthlyQuota = 3000;
    fake.resetQuota();
    const answer = await fake.waitForMessages(guest.id, 1, 15_000);
    expect(answer[0]).toContain("HỘI NGHỊ PHÂN TÍCH");

    await app.outbox.idle(60_000);
    await z.channel.outbox.idle();
    expect(states(app, id)).toEqual({ sent: 60 });
    for (const chat of chats) expect(fake.textsTo(chat), chat).toHaveLength(1);
    expect(fake.textsTo(guest.id)).toHaveLength(1);
    expect(toOrganizer().filter((s) => s.startsWith(REFUSING))).toHaveLength(1);
    // In order: 20 delegates reached, then the refusals, then the rest; none reached twice.
    const firstRefusal = fake.calls.findIndex((c) => c.method === "sendMessage" && c.status === 429);
    const before = fake.calls.slice(0, firstRefusal).filter((c) => c.method === "sendMessage" && c.status === 200);
    expect(new Set(before.map((c) => c.body.chat_id)).size).toBe(20);
    const final = await org.say(`/thongbao trangthai ${id}`);
    expect(final).toContain("gửi được 60/60, lỗi 0, không liên lạc được 0, đang chờ 0");
    expect(final).toContain("Zalo: gửi được 60");
    // The month's count, as /baocao shows it to an organizer.
    expect(app.store.data.sentByMonth?.["2027-05"]?.zalo).toBe(60);
    expect(await org.say("/baocao")).toContain("Tin nhắn bot đã gửi trong tháng 05/2027: Zalo 60");
  }, 60_000);
});
