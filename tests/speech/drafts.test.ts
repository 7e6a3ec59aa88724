// Speech drafts are safe: kept in the store until xong or /huy, other commands in between remind and keep the parts,
// reading /thamluan never starts a new version, a withdrawal is asked and the organizers are told. On the console and
// on Telegram (the Bot API emulator), as the commune officers type it.
import { afterEach, describe, expect, it } from "vitest";
import { consoleLink, type Driver, type Someone } from "../scenario/driver.js";
import { startTelegramDriver } from "../scenario/telegram-driver.js";
import { createTestApp } from "../helpers/app.js";

const START = "2027-05-01T02:00:00Z";

const drivers: Array<[string, () => Promise<Driver>]> = [
  ["console", async () => consoleLink(await createTestApp({ now: START }))],
  [
    "telegram",
    async () => {
      const d = await startTelegramDriver(START);
      d.h.app.outbox.configure({ limits: { telegram: { chatGapMs: 20 } } });
      return d;
    },
  ],
];

let d: Driver | undefined;
afterEach(async () => {
  await d?.close();
  d = undefined;
});

async function join(driver: Driver, unitId: string, name: string): Promise<Someone> {
  const p = driver.person(name);
  expect(await driver.say(p, `/start ${await driver.h.code(unitId)}`)).toContain("UBND");
  return p;
}

async function organizer(driver: Driver): Promise<Someone> {
  const org = driver.person("Cán bộ Phòng Nội vụ", { organizer: true });
  await driver.say(org, "/start");
  return org;
}

describe.each(drivers)("tham luận nhiều phần (%s)", (_channel, start) => {
  it("xã Mường So gửi tham luận 3 phần, giữa chừng gõ /dangky, gõ xong: đủ 3 phần, không có chữ 'xong'", { timeout: 60_000 }, async () => {
    d = await start();
    const org = await organizer(d);
    const ms = await join(d, "muong-so", "Lò Văn Sáu");
    expect(await d.say(ms, "/thamluan")).toContain("gõ /xong");
    expect(await d.say(ms, "Phần 1: tình hình cải cách hành chính của xã Mường So.")).toContain("Đã nhận phần 1");
    expect(await d.say(ms, "Phần 2: những khó khăn, vướng mắc.")).toContain("Đã nhận phần 2");

    const between = await d.say(ms, "/dangky");
    // The command answers, and the open draft is named with its parts.
    expect(between).toContain("đang soạn tham luận (2 phần chưa nộp)");
    expect(d.h.app.store.data.sessions[ms.key]?.collecting?.parts).toHaveLength(2);

    expect(await d.say(ms, "Phần 3: kiến nghị, đề xuất.")).toContain("Đã nhận phần 3");
    const done = await d.say(ms, "xong");
    expect(done).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    const v = d.h.app.store.data.speeches["muong-so"]?.versions;
    expect(v).toHaveLength(1);
    expect(v?.[0]?.text).toBe(
      ["Phần 1: tình hình cải cách hành chính của xã Mường So.", "Phần 2: những khó khăn, vướng mắc.", "Phần 3: kiến nghị, đề xuất."].join("\n\n"),
    );
    expect(v?.[0]?.text).not.toMatch(/xong/i);
    expect(d.h.app.store.data.sessions[ms.key]?.collecting).toBeUndefined();
    await d.settle();
    expect(org.inbox.join("\n")).toContain("UBND xã Mường So đã nộp bản 1");
  });

  it("sau khi được chấp nhận, 'Cảm ơn Ban tổ chức ạ' không thành tham luận; bản mới phải xác nhận thay bản đã chấp nhận", { timeout: 60_000 }, async () => {
    d = await start();
    const org = await organizer(d);
    const bl = await join(d, "ban-lang", "Chủ tịch xã Bản Lang");
    expect(await d.say(bl, "/thamluan Chính quyền số ở xã Bản Lang.")).toContain("bản 1");
    expect(await d.say(org, "/duyet ban-lang chapnhan")).toContain("Đã chấp nhận tham luận bản 1");

    const info = await d.say(bl, "/thamluan");
    expect(info).toContain("Ban tổ chức đã chấp nhận bản 1");
    expect(info).toContain("1. Nộp bản mới");
    expect(d.h.app.store.data.sessions[bl.key]?.collecting).toBeUndefined();
    expect(await d.say(bl, "Cảm ơn Ban tổ chức ạ")).not.toContain("Đã nhận phần");
    expect(d.h.app.store.data.sessions[bl.key]?.collecting).toBeUndefined();
    expect(d.h.app.store.data.speeches["ban-lang"]?.versions).toHaveLength(1);

    await d.say(bl, "/thamluan");
    const asked = await d.choose(bl, 1);
    expect(asked).toContain("Bản 1 đã được Ban tổ chức chấp nhận");
    expect(asked).toContain("1. Nộp bản mới thay bản 1");
    expect(asked).toContain("2. Giữ bản 1 đã được chấp nhận");
    expect(await d.choose(bl, 2)).toContain("Đã giữ nguyên bản 1");
    expect(d.h.app.store.data.speeches["ban-lang"]?.versions).toHaveLength(1);

    await d.say(bl, "/thamluan");
    await d.choose(bl, 1);
    expect(await d.choose(bl, 1)).toContain("vui lòng gửi nội dung bản mới");
    expect(await d.say(bl, "Chính quyền số ở xã Bản Lang, bổ sung số liệu.")).toContain("Đã nhận phần 1");
    expect(await d.say(bl, "Xong")).toContain("bản 2");
    expect(d.h.app.store.data.speeches["ban-lang"]?.versions.map((x) => x.text)).toEqual([
      "Chính quyền số ở xã Bản Lang.",
      "Chính quyền số ở xã Bản Lang, bổ sung số liệu.",
    ]);
  });

  it("/thamluan rut hỏi lại rồi rút bản chưa duyệt, Ban tổ chức được báo; không nộp chữ 'rut' làm tham luận", { timeout: 60_000 }, async () => {
    d = await start();
    const org = await organizer(d);
    const tql = await join(d, "tung-qua-lin", "Cán bộ xã Tung Qua Lìn");
    await d.say(tql, "/thamluan Một cửa liên thông ở xã Tung Qua Lìn.");
    const asked = await d.say(tql, "/thamluan rut");
    expect(asked).toContain("Đồng chí có chắc muốn rút tham luận bản 1 của UBND xã Tung Qua Lìn");
    expect(asked).toContain("1. Rút bản 1");
    expect(asked).toContain("2. Không rút");
    expect(d.h.app.store.data.speeches["tung-qua-lin"]?.versions).toHaveLength(1);
    expect(d.h.app.store.data.speeches["tung-qua-lin"]?.withdrawals ?? []).toHaveLength(0);

    const from = org.inbox.length;
    expect(await d.choose(tql, 1)).toContain("Đã rút tham luận bản 1 của UBND xã Tung Qua Lìn");
    await d.settle();
    expect(org.inbox.slice(from).join("\n")).toContain("UBND xã Tung Qua Lìn đã rút tham luận bản 1");
    const record = d.h.app.store.data.speeches["tung-qua-lin"];
    expect(record?.versions.map((x) => x.text)).toEqual(["Một cửa liên thông ở xã Tung Qua Lìn."]);
    expect(record?.withdrawals?.map((w) => w.version)).toEqual([1]);
    expect(await d.say(tql, "/thamluan")).toContain("Trạng thái: chưa nộp.");
  });
});

describe("bản nháp an toàn (console)", () => {
  it("'XONG.' alone on the last line ends the draft and keeps the lines above as the last part", async () => {
    const h = await createTestApp({ now: START });
    d = consoleLink(h);
    const vmc = await join(d, "vang-ma-chai", "Cán bộ xã Vàng Ma Chải");
    await d.say(vmc, "/thamluan");
    await d.say(vmc, "Mở đầu.");
    expect(await d.say(vmc, "Kết luận.\nXONG.")).toContain("bản 1");
    expect(h.app.store.data.speeches["vang-ma-chai"]?.versions[0]?.text).toBe("Mở đầu.\n\nKết luận.");
  });

  it("a line that only mentions xong inside a sentence is a part, not the end", async () => {
    const h = await createTestApp({ now: START });
    d = consoleLink(h);
    const vmc = await join(d, "vang-ma-chai", "Cán bộ xã Vàng Ma Chải");
    await d.say(vmc, "/thamluan");
    expect(await d.say(vmc, "Việc xong trước hạn là nhờ bộ phận một cửa.")).toContain("Đã nhận phần 1");
    expect(h.app.store.data.speeches["vang-ma-chai"]).toBeUndefined();
  });

  it("the draft survives other commands and another command's question; /huy then drops it", async () => {
    const h = await createTestApp({ now: START });
    d = consoleLink(h);
    const ms = await join(d, "muong-so", "Lò Văn Sáu");
    await d.say(ms, "/thamluan");
    await d.say(ms, "Phần 1.");
    expect(await d.say(ms, "/chuongtrinh")).toContain("1 phần chưa nộp");
    // /phatbieu asks for a topic: the next message answers it, then the draft goes on.
    const asked = await d.say(ms, "/phatbieu dangky");
    expect(asked).toContain("trả lời câu hỏi trên trước");
    expect(asked).toContain("1 phần chưa nộp");
    expect(await d.say(ms, "Ý kiến về chuyển đổi số")).toContain("Đã đăng ký phát biểu");
    expect(await d.say(ms, "Phần 2.")).toContain("Đã nhận phần 2");
    expect(h.app.store.data.sessions[ms.key]?.collecting?.parts).toEqual(["Phần 1.", "Phần 2."]);
    // "xong" while another question waits still ends the draft; the question stays open.
    await d.say(ms, "/phatbieu dangky");
    expect(await d.say(ms, "xong")).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    expect(h.app.store.data.speeches["muong-so"]?.versions[0]?.text).toBe("Phần 1.\n\nPhần 2.");
    expect(h.app.store.data.sessions[ms.key]?.awaiting?.step).toEqual({ kind: "speak.topic" });
    await d.say(ms, "/thamluan moi");
    await d.say(ms, "Phần mới.");
    expect(await d.say(ms, "/huy")).toContain("Đã hủy");
    expect(h.app.store.data.sessions[ms.key]?.collecting).toBeUndefined();
    expect(await d.say(ms, "Phần 3.")).not.toContain("Đã nhận phần");
    expect(h.app.store.data.speeches["muong-so"]?.versions).toHaveLength(1);
  });

  it("a reviewed version cannot be withdrawn by the unit; a confirmation made stale by a newer version is refused", async () => {
    const h = await createTestApp({ now: START });
    d = consoleLink(h);
    const org = await organizer(d);
    const bl = await join(d, "ban-lang", "Chủ tịch xã Bản Lang");
    await d.say(bl, "/thamluan Bản 1.");
    await d.say(bl, "/thamluan rut");
    await d.say(bl, "/thamluan Bản 2.");
    const before = JSON.stringify(h.app.store.data.speeches);
    // The confirmation of "/thamluan rut" is still offered; taken now, it names a version no longer the latest.
    expect(await d.choose(bl, 1)).toContain("Bản 1 không còn là bản mới nhất chờ duyệt");
    expect(JSON.stringify(h.app.store.data.speeches)).toBe(before);
    await d.say(org, "/duyet ban-lang chapnhan");
    expect(await d.say(bl, "/thamluan rut")).toContain("đã được Ban tổ chức xem xét nên không thể tự rút");
    expect(await d.say(bl, "/thamluan Bản 3 gõ thẳng.")).toContain("Bản 2 đã được Ban tổ chức chấp nhận");
    expect(h.app.store.data.speeches["ban-lang"]?.versions).toHaveLength(2);
    expect(await d.choose(bl, 1)).toContain("bản 3");
    expect(h.app.store.data.speeches["ban-lang"]?.versions.at(-1)?.text).toBe("Bản 3 gõ thẳng.");
  });
});
