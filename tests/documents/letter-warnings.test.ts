// The warnings before sending the letters are one list, from the letters' view: the chat (/giaymoi),
// the command line (hoinghi invitations) and the desk's Tải về page say the same things.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/app/cli-core.js";
import { runCli } from "../../src/app/cli.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";

const LINKS = { TELEGRAM_BOT_USERNAME: "PhongTho_HoiNghi_bot", ZALO_BOT_LINK: "https://zalo.me/s/1234567890123" };

let d: DeskTest;
afterEach(async () => {
  await d.stop();
});

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

describe("lời nhắc trước khi gửi giấy mời, ở mọi nơi làm giấy mời", () => {
  it("Ban tổ chức làm giấy mời ngày 17/6 cho hội nghị Chủ nhật 20/6: chat, dòng lệnh và trang Tải về cùng nhắc hạn đã qua, hạn rơi vào thứ Bảy và 3 ngày làm việc", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-warn-"));
    d = await createDeskTest({ env: LINKS, dir });
    await d.org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện");
    d.clock.set("2027-06-17T02:00:00Z");

    await d.org.say("/giaymoi");
    const chat = d.org.last.flatMap((r) => (r.kind === "text" ? r.text.split("\n") : []));
    expect(chat).toHaveLength(3);
    expect(chat[1]).toContain("rơi vào ngày nghỉ: giấy mời ghi ngày làm việc trước đó, 8 giờ 00, thứ Sáu, ngày 18/6/2027");
    expect(chat[2]).toBe("Hạn nộp tham luận in trên giấy mời (8 giờ 00, thứ Năm, ngày 17/6/2027) đã qua: hãy sửa hạn trong tệp hội nghị trước khi gửi giấy mời.");

    const c = new Client(d.root);
    expect((await c.open(await d.linkFrom(d.org))).status).toBe(303);
    const page = unescapeHtml((await c.get("/ban-to-chuc/tai-ve")).body);
    for (const line of chat) expect(page).toContain(line);
    await d.close();

    // The command line opens the same store with the system clock: whatever today is, the Saturday deadline is
    // moved, and it says so in the same words.
    const out: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => out.push(l), env: { DATA_DIR: dir, LOG_LEVEL: "warn", ...LINKS }, stdin: process.stdin, stdout: process.stdout };
    expect(await runCli(["invitations", path.join(dir, "giay-moi")], io)).toBe(0);
    expect(out).toContain(chat[1]);
  });
});
