// The register of a district office (issue 12, item 9): "đồng chí", never "bạn"; no English inside the Vietnamese
// text; each role's help lists what works for that role, in Vietnamese only.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";

const DIR = join(import.meta.dirname, "../../locales");

/** Every message of a language's .ftl files: id → text (continuation lines joined). */
function messages(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(join(DIR, lang)).filter((f) => f.endsWith(".ftl"))) {
    let id: string | undefined;
    for (const line of readFileSync(join(DIR, lang, file), "utf8").split("\n")) {
      const m = /^([a-z][\w-]*)\s*=\s?(.*)$/.exec(line);
      if (m) {
        id = `${file}:${m[1]}`;
        out.set(id, m[2] as string);
      } else if (id && /^\s+\S/.test(line)) out.set(id, `${out.get(id)} ${line.trim()}`);
      else id = undefined;
    }
  }
  return out;
}

/** The words a person reads: without placeables ({ $unit }) and command names (/trogiup, :vai). */
function prose(text: string): string {
  let s = text;
  for (let i = 0; i < 5; i++) s = s.replace(/\{[^{}]*\}/g, " ");
  return s.replace(/(^|\s|\()[/:][\p{L}\d_]+/gu, "$1");
}

/** Terminal messages (`npx hoinghi …`, `hoinghi init`, start-up refusals): they may name the console and the command line. */
const isCli = (id: string) => /:(?:cli|doc-cli|poster-cli|export-cli|desk-cli|list-cli|task-cli|init|config)-/.test(id);

describe("lời văn của văn phòng huyện trong locales/vi", () => {
  const vi = messages("vi");

  it("reads every Vietnamese message (sanity: the files are found)", () => {
    expect(vi.size).toBeGreaterThan(300);
    expect(vi.get("core.ftl:cmd-help")).toBe("Các lệnh đồng chí có thể dùng");
  });

  it("no message calls the person 'bạn'", () => {
    const found = [...vi].filter(([, text]) => /(?<![\p{L}])[bB]ạn(?![\p{L}])/u.test(prose(text))).map(([id]) => id);
    expect(found).toEqual([]);
  });

  it("no English 'help' or 'console' inside Vietnamese text (command names and terminal messages aside)", () => {
    const found = [...vi].filter(([id, text]) => !isCli(id) && /\b(?:help|console)\b/i.test(prose(text))).map(([id]) => id);
    expect(found).toEqual([]);
  });

  it("no command-line instruction in a chat message", () => {
    const found = [...vi].filter(([id, text]) => !isCli(id) && /npx hoinghi/.test(text)).map(([id]) => id);
    expect(found).toEqual([]);
  });

  it("the check itself catches the old wording", () => {
    expect(/(?<![\p{L}])[bB]ạn(?![\p{L}])/u.test(prose("Tài khoản của bạn chưa thuộc { $unit }"))).toBe(true);
    expect(/(?<![\p{L}])[bB]ạn(?![\p{L}])/u.test(prose("Bản Lang, bạn bè"))).toBe(true);
    expect(/(?<![\p{L}])[bB]ạn(?![\p{L}])/u.test(prose("Bản Lang gửi bản mới"))).toBe(false);
    expect(/\b(?:help|console)\b/i.test(prose("Gõ help để xem, hoặc dùng console"))).toBe(true);
    expect(/\b(?:help|console)\b/i.test(prose("Gõ /help hoặc { $console }"))).toBe(false);
  });

  it("English keeps the same ids as Vietnamese", () => {
    const en = messages("en");
    expect([...vi.keys()].filter((id) => !en.has(id))).toEqual([]);
    expect([...en.keys()].filter((id) => !vi.has(id))).toEqual([]);
  });
});

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

describe("/trogiup theo vai", () => {
  it("khách, đại biểu, Ban tổ chức: Vietnamese commands only, with the contact, and only what works for the role", async () => {
    const guest = await h.person("Khách").say("/trogiup");
    const delegate = await (await h.delegate("Mường So")).say("/trogiup");
    const org = await h.organizer().say("/trogiup");
    for (const help of [guest, delegate, org]) {
      expect(help).not.toMatch(/\(\/[a-z]+\)/);
      expect(help).not.toMatch(/\bhelp\b|\bbạn\b/);
      expect(help).toContain("Liên hệ Ban tổ chức: Phòng Nội vụ huyện Phong Thổ (Cơ quan tham mưu tổ chức Hội nghị), điện thoại: đang cập nhật.");
    }
    expect(guest).toContain("/chuongtrinh: Chương trình hội nghị");
    expect(guest).not.toContain("/dangky");
    expect(delegate).toContain("/thamluan: Tham luận được phân công");
    expect(delegate).not.toContain("/duyet");
    // The organizer of no unit has no assigned speech: /thamluan only says so, so the help does not offer it.
    expect(org).not.toContain("/thamluan");
    expect(org).toContain("/duyet: Đọc và duyệt tham luận");
    expect(org).toContain("/dangky: Xác nhận tham dự");
  });

  it("the English help keeps the English aliases", async () => {
    const p = h.person("Visitor", { language: "en" });
    const help = await p.say("/help");
    expect(help).toContain("/chuongtrinh (/agenda):");
  });

  it("a notice preview names no 'console 0'", async () => {
    await h.delegate("Mường So", "Lò Thị Lan", { channel: "telegram", userId: "7101" });
    const preview = await h.organizer().say("/thongbao tatca | Lịch họp đã chốt");
    expect(preview).toContain("Số tài khoản nhận: 1 (Telegram 1, Zalo 0)");
    expect(preview).not.toMatch(/console/i);
  });
});

describe("mọi câu 'liên hệ Ban tổ chức' nêu đầu mối", () => {
  it("every Vietnamese 'liên hệ … Ban tổ chức' sentence carries the contact variable", () => {
    const vi = messages("vi");
    const missing = [...vi]
      .filter(([id, text]) => !id.startsWith("desk.ftl:") && !id.startsWith("zalo.ftl:") && /liên hệ (?:trực tiếp )?Ban tổ chức(?!:)/.test(text) && !text.includes("$contact"))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  it("a wrong invite code names Phòng Nội vụ and the phone 'đang cập nhật'", async () => {
    const p = h.person("Khách");
    expect(await p.say("/start AAAAA-BBBBB")).toBe(
      "Mã mời không đúng. Vui lòng kiểm tra lại mã trong giấy mời hoặc liên hệ Ban tổ chức (Phòng Nội vụ huyện Phong Thổ, điện thoại: đang cập nhật).",
    );
  });
});
