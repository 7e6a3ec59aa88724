// Forgiving input (issue 12, item 6): commands after folding and joining, the closest commands, codes as people misread them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closestCommands } from "../../commands/router.js";
import { normalizeCode } from "../../src/domain/identity.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { TOKEN } from "../telegram/helpers.js";
import { telegramOf } from "./helpers.js";

let h: TestApp;
let org: Person;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z", env: { TELEGRAM_BOT_TOKEN: TOKEN } });
  org = h.organizer();
});
afterEach(async () => {
  await h.close();
});

describe("lệnh gõ có dấu, có dấu cách", () => {
  it("/datlịch (Telex adds the mark) and /chuong trinh run the commands", async () => {
    expect(await org.say("/datlịch 20/06/2027 08:00 | Hội trường UBND huyện")).toContain("Đã lưu thời gian, địa điểm hội nghị:");
    expect(h.app.store.data.schedule.place).toBe("Hội trường UBND huyện");
    const guest = h.person("Khách");
    expect(await guest.say("/chuong trinh")).toContain("Nội dung hội nghị:");
    expect(await guest.say("/Chương trình")).toContain("Nội dung hội nghị:");
    const d = await h.delegate("Mường So");
    expect(await d.say("/đăng ký 1 tham dự Lò Văn Hùng")).toContain("Đã ghi nhận: UBND xã Mường So, vị trí Chủ tịch UBND xã: tham dự, Lò Văn Hùng.");
  });

  it("an unknown command gets the closest commands as numbered choices; a far one the usual sentence", async () => {
    const d = await h.delegate("Mường So");
    const said = await d.say("/dangki 1 vang Ốm");
    expect(said).toContain("Không có lệnh /dangki. Có phải đồng chí muốn dùng một trong các lệnh sau?");
    expect(said).toContain("1. /dangky:");
    expect(await d.say("1")).toContain("vắng mặt. Lý do: Ốm");
    expect(await d.say("/khongco")).toBe("Không có lệnh /khongco. Gõ /trogiup để xem các lệnh.");
  });

  it("the closest commands are only those of the person's role", () => {
    const defs = h.app.bot.visible("guest");
    expect(closestCommands("chuongtrnh", defs).map((d) => d.name)).toEqual(["chuongtrinh"]);
    expect(closestCommands("datlich", defs)).toEqual([]);
    expect(closestCommands("datlich", h.app.bot.visible("organizer")).map((d) => d.name)).toContain("datlich");
  });
});

describe("mã mời gõ nhầm O/0, I/l/1, dấu cách, gạch ngang", () => {
  it("reads the code however it is typed", () => {
    expect(normalizeCode("7kq2m-x9d4r")).toBe("7KQ2MX9D4R");
    expect(normalizeCode("1O2 34-5 6I7l")).toBe("1023456171");
    expect(normalizeCode("AB – CD")).toBe("ABCD");
  });

  it("a code with O for 0 and l for 1 and odd spaces joins the unit, on the console and on Telegram", async () => {
    const code = (await h.code("nam-xe")).replace("-", "");
    const misread = code.replace(/0/g, "O").replace(/1/g, "l");
    const spaced = `${misread.slice(0, 3)} ${misread.slice(3, 7)}-${misread.slice(7)}`;
    expect(await h.person("Lò Văn Sáu").say(`/start ${spaced}`)).toContain("đại biểu của UBND xã Nậm Xe");
    const phone = telegramOf(h).phone(5301, "Lò Thị Lan");
    expect(await phone.say(spaced.toLowerCase())).toContain("đại biểu của UBND xã Nậm Xe");
    expect(h.app.store.data.accounts[phone.key]?.unitId).toBe("nam-xe");
  });
});
