// Hạn mức Zalo: từ chối liên tục thì tạm dừng làn Zalo, báo Ban tổ chức một lần kèm số tin đang chờ; tin lỗi được liệt kê và gửi lại được; số tin đã gửi mỗi tháng hiện trong /baocao.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/outbox/notifier.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { fakePlatform, lastNotice, seedDelegates, states } from "../notices/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

const toOrganizer = () => h.sent.filter((s) => s.account === "console:org-1").map((s) => s.text);

describe("a Zalo quota", () => {
  it("pauses the Zalo lane with growing waits, tells the organizers once with the count waiting, and every account is reached once the quota passes", async () => {
    const keys = await seedDelegates(h.app, 60, "zalo");
    const copies = new Map<string, number>();
    let accepted = 0;
    let refused = 0;
    const refusedAt: number[] = [];
    h.app.notifier.register("zalo", async (account) => {
      // 20 messages pass, then the platform answers 429 six times (no retry_after on Zalo), then the quota is back.
      if (accepted >= 20 && refused < 6) {
        refused += 1;
        refusedAt.push(performance.now());
        throw new DeliveryError("retry_after", "Zalo API error 429: Quota exceeded", 1);
      }
      accepted += 1;
      copies.set(account.key, (copies.get(account.key) ?? 0) + 1);
    });
    h.app.outbox.configure({ delayScale: 0.02, limits: { zalo: { rate: 1000, maxInFlight: 1 } } });
    const org = h.organizer();
    await org.say("/thongbao tatca | Kính mời dự hội nghị");
    await org.say("1");
    const id = lastNotice(h.app);
    await h.app.outbox.idle(60_000);

    expect(states(h.app, id)).toEqual({ sent: 60 });
    for (const k of keys) expect(copies.get(k), k).toBe(1);
    // The pauses doubled with each refusal in a row (1 s, 2 s, 4 s … × the test's delay scale).
    expect(refusedAt).toHaveLength(6);
    const pauses = h.logs
      .map((l) => JSON.parse(l) as { msg?: string; pauseMs?: number; channel?: string })
      .filter((l) => l.msg === "lane paused after a refusal" && l.channel === "zalo")
      .map((l) => l.pauseMs);
    expect(pauses).toEqual([20, 40, 80, 160, 320, 640]);
    // Told once, with the 40 waiting.
    const told = toOrganizer().filter((s) => s.startsWith("Zalo đang từ chối gửi tin (có thể đã hết hạn mức"));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain("Còn 40 tin đang chờ gửi qua Zalo");
    // The month's count, and /baocao shows it.
    expect(h.app.store.data.sentByMonth?.["2027-05"]?.zalo).toBe(60);
    const report = await org.say("/baocao");
    expect(report).toContain("Tin nhắn bot đã gửi trong tháng 05/2027: Zalo 60");
    expect(report).toContain("khoảng 3.000 tin mỗi tháng");
  });
});

describe("parked deliveries", () => {
  it("are listed with their reason in /thongbao trangthai, and the organizer can try them again; the count is then corrected", async () => {
    const keys = await seedDelegates(h.app, 4, "zalo");
    const broken = new Set([keys[1] as string]);
    const platform = fakePlatform({ broken });
    h.app.notifier.register("zalo", platform.sender);
    h.app.outbox.configure({ delayScale: 0.001, limits: { zalo: { rate: 1000 } } });
    const org = h.organizer();
    await org.say("/thongbao tatca | Đề nghị xác nhận");
    await org.say("1");
    const id = lastNotice(h.app);
    await h.app.outbox.idle();
    expect(states(h.app, id)).toEqual({ sent: 3, failed: 1 });
    expect(toOrganizer().join("\n")).toContain("gửi được 3, lỗi 1");

    const status = await org.say(`/thongbao trangthai ${id}`);
    expect(status).toContain("Không gửi được sau nhiều lần thử: 1 tài khoản:");
    expect(status).toContain("Đại biểu 1 (Zalo): Internal Server Error");
    expect(status).toMatch(/\d\. Thử gửi lại cho 1 tài khoản bị lỗi/);

    // The chat works again; the organizer presses "try again".
    broken.clear();
    const n = /(\d)\. Thử gửi lại/.exec(status)?.[1] as string;
    expect(await org.say(n)).toBe(`Đã xếp gửi lại thông báo ${id} cho 1 tài khoản bị lỗi. Bot sẽ báo lại kết quả.`);
    await h.app.outbox.idle();
    expect(states(h.app, id)).toEqual({ sent: 4 });
    expect(platform.copies.get(keys[1] as string)).toBe(1);
    const update = toOrganizer().filter((s) => s.startsWith("Cập nhật:"));
    expect(update).toHaveLength(1);
    expect(update[0]).toContain("gửi được 4, lỗi 0");
    expect(await org.say(`/tbguiloi ${id}`)).toBe(`Thông báo ${id} không có tài khoản nào bị lỗi; không cần gửi lại.`);
  });
});
