// On Zalo, which carries no file, the commands that make one answer with a one-time sign-in link
// straight to the desk page that does the work; the page is a name of a fixed list, never an address.
import { createHmac, randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deskKey } from "../../src/domain/desk-sessions.js";
import { activeInvite } from "../../src/domain/identity.js";
import type { Person } from "../helpers/app.js";
import { Client, createDeskTest, type DeskTest } from "../desk/helpers.js";

let d: DeskTest;
let zaloOrg: Person;

beforeEach(async () => {
  d = await createDeskTest({ env: { PUBLIC_URL: "https://hoinghi.phongtho.example", TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" } });
  zaloOrg = d.person("Lò Thị Nội Vụ", { channel: "zalo", userId: "org-zalo" });
  await zaloOrg.say("/start");
});
afterEach(async () => {
  await d.stop();
});

/** The path and query of the sign-in link in a chat answer. */
function linkIn(reply: string): string {
  const m = /https:\/\/hoinghi\.phongtho\.example(\/ban-to-chuc\/vao\?t=\S+)/.exec(reply);
  if (!m) throw new Error(`no sign-in link in: ${reply}`);
  return m[1] as string;
}

/** Signs a token body as the desk does (DATA_DIR's key): what someone holding the key could make. */
function signed(payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${createHmac("sha256", deskKey(d.dir)).update(body).digest("base64url")}`;
}

describe("Zalo: lệnh cần tệp trả lời bằng liên kết vào thẳng trang làm việc", () => {
  it("/nhapdiem leads to Chỉ số CCHC, /xuat and /danhsach to Tải về; /web gives the public address; no answer names Telegram", async () => {
    const web = await zaloOrg.say("/web");
    expect(web).toContain("https://hoinghi.phongtho.example/ban-to-chuc/vao?t=");
    expect(web).not.toContain("127.0.0.1");
    const cases: Array<[string, string, string]> = [
      ["/nhapdiem", "trang Chỉ số CCHC", "/ban-to-chuc/chi-so"],
      ["/xuat", "bảng tổng hợp tham dự và tham luận (.xlsx)", "/ban-to-chuc/tai-ve"],
      ["/danhsach", "danh sách đại biểu (.docx)", "/ban-to-chuc/tai-ve"],
    ];
    for (const [command, words, target] of cases) {
      const reply = await zaloOrg.say(command);
      expect(reply, command).toContain(words);
      expect(reply, command).not.toContain("Telegram");
      expect(zaloOrg.last.every((r) => r.kind === "text"), command).toBe(true);
      const opened = await new Client(d.root).open(linkIn(reply));
      expect(opened.status, command).toBe(303);
      expect(opened.headers.get("location"), command).toBe(target);
    }
  });

  it("/giaymoi issues the missing codes, as always, and leads to Tải về where the letters carry them", async () => {
    const units = d.app.services.conference.units();
    const reply = await zaloOrg.say("/giaymoi");
    expect(reply).toContain("Đã cấp mã mời cho các đơn vị còn thiếu");
    expect(units.every((u) => activeInvite(d.app.store.data, u.id))).toBe(true);
    const client = new Client(d.root);
    expect((await client.open(linkIn(reply))).headers.get("location")).toBe("/ban-to-chuc/tai-ve");
    const downloads = await client.get("/ban-to-chuc/tai-ve");
    expect(downloads.body).toContain("giay-moi.docx");
    expect(downloads.body).not.toContain("Cấp mã mời còn thiếu");
  });

  it("on Telegram the same commands still send the file", async () => {
    const tg = d.person("Cán bộ Nội vụ", { channel: "telegram", userId: "9001" });
    await tg.say("/start");
    await tg.say("/xuat");
    expect(tg.last.some((r) => r.kind === "file")).toBe(true);
  });

  it("a page name that is not in the list, even signed, leads to the overview, never elsewhere", async () => {
    const expires = d.clock.now().getTime() + 60_000;
    for (const p of ["//evil.example/", "https://evil.example", "../../files", "constructor"]) {
      const token = signed({ a: "console:org-1", e: expires, n: randomBytes(8).toString("base64url"), p });
      const opened = await new Client(d.root).open(`/ban-to-chuc/vao?t=${encodeURIComponent(token)}`);
      expect(opened.status, p).toBe(303);
      expect(opened.headers.get("location"), p).toBe("/ban-to-chuc/");
    }
  });

  it("the page name is part of what is signed: changing it makes the link forged", async () => {
    const link = linkIn(await zaloOrg.say("/nhapdiem"));
    const token = decodeURIComponent(link.slice(link.indexOf("t=") + 2));
    const [body, mac] = token.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Record<string, unknown>;
    const changed = `${Buffer.from(JSON.stringify({ ...payload, p: "downloads" })).toString("base64url")}.${mac}`;
    const opened = await new Client(d.root).open(`/ban-to-chuc/vao?t=${encodeURIComponent(changed)}`);
    expect(opened.status).toBe(400);
    expect(opened.body).toContain("Liên kết đăng nhập không hợp lệ");
  });
});
