// One way a speech file becomes a version: xã Mường So sends the same Word file once in the Telegram
// chat during /thamluan and once through its personal upload page (the Zalo way). The version, the
// sentence the organizers receive, the sentence the commune reads and the refusals of a wrong file are
// the same whichever way the file arrives.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import type { IncomingFile } from "../../src/messages/types.js";
import type { SpeechVersion } from "../../storage/schema.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { DOCX_MIME, formWith, keptFiles, speechDocx, uploadPath, uploadRoot } from "../upload/helpers.js";

const PUBLIC = "https://hoinghi.phongtho.example";
/** The moment both files arrive, so that both notices name the same time. */
const ARRIVAL = "2027-05-20T03:15:00Z";

interface Side {
  h: TestApp;
  org: Person;
  ms: Person;
}

const opened: TestApp[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

/** A conference where Ban tổ chức is known and the delegate of Mường So writes from `channel`. */
async function side(channel: "telegram" | "zalo"): Promise<Side> {
  const h = await createTestApp({ env: { PUBLIC_URL: PUBLIC, TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" } });
  opened.push(h);
  const org = h.organizer();
  await org.say("/start");
  const ms = await h.delegate("Mường So", "Lò Văn Sáu", { channel, userId: `${channel}-muong-so` });
  return { h, org, ms };
}

/** A file sent in the chat; `announced` is the size the platform gave before the bytes (0: unknown). */
function chatFile(name: string, mime: string, bytes: Buffer, announced = bytes.length): IncomingFile & { downloads: number } {
  const file = {
    kind: "document" as const,
    name,
    mime,
    size: announced,
    downloads: 0,
    download: async () => {
      file.downloads++;
      return bytes;
    },
  };
  return file;
}

/** Sent through the unit's own link, as a commune with only Zalo does: the page's answer as text. */
async function throughPage(s: Side, name: string, mime: string, data: Buffer): Promise<{ status: number; body: string }> {
  const root: Hono = uploadRoot(s.h);
  const link = uploadPath(await s.ms.say("/thamluan"));
  const res = await root.request(`${PUBLIC}${link}`, { method: "POST", body: formWith([{ name, type: mime, data }]) });
  return { status: res.status, body: await res.text() };
}

const versions = (s: Side): SpeechVersion[] => s.h.app.store.data.speeches["muong-so"]?.versions ?? [];
const lastTo = (s: Side, p: Person) => s.h.sent.filter((m) => m.account === p.key).at(-1)?.text;
/** A version as anyone reads it: who sent it and the random part of its file's name aside. */
const shape = (v: SpeechVersion | undefined) => ({ ...v, by: "", file: v?.file && { ...v.file, path: v.file.path.replace(/-[0-9a-f]{8}\./, "-….") } });

describe("xã Mường So nộp cùng một tệp Word qua Telegram và qua trang nộp tệp: cùng một kết quả", () => {
  it("the same version, the same notice to Ban tổ chức, the same sentence to the commune", async () => {
    const docx = await speechDocx();
    const tg = await side("telegram");
    const web = await side("zalo");
    tg.h.clock.set(ARRIVAL);
    web.h.clock.set(ARRIVAL);

    const said = await tg.ms.say("/thamluan", { file: chatFile("tham-luan-muong-so.docx", DOCX_MIME, docx) });
    const page = await throughPage(web, "tham-luan-muong-so.docx", DOCX_MIME, docx);
    expect(page.status).toBe(200);

    expect(said).toBe("Đã nhận tham luận của UBND xã Mường So: bản 1 (tệp “tham-luan-muong-so.docx”). Ban tổ chức sẽ xem và phản hồi qua bot.");
    expect(page.body).toContain(said);
    expect(versions(tg)).toHaveLength(1);
    expect(shape(versions(tg)[0])).toEqual(shape(versions(web)[0]));
    expect(versions(tg)[0]).toMatchObject({ n: 1, kind: "document", at: new Date(ARRIVAL).toISOString(), file: { name: "tham-luan-muong-so.docx", mime: DOCX_MIME, size: docx.length } });
    for (const s of [tg, web]) expect(await readFile(path.join(s.h.dir, versions(s)[0]?.file?.path ?? ""))).toEqual(docx);

    const notice = lastTo(tg, tg.org);
    expect(notice).toContain("Tham luận mới: UBND xã Mường So đã nộp bản 1 (tệp “tham-luan-muong-so.docx”)");
    expect(notice).toContain("/duyet muong-so");
    expect(lastTo(web, web.org)).toBe(notice);
  });

  it("a program (.exe) is refused with the same sentence either way, and nothing is kept", async () => {
    const tg = await side("telegram");
    const web = await side("zalo");
    const exe = Buffer.from("MZ DỮ LIỆU MẪU");
    const said = await tg.ms.say("/thamluan", { file: chatFile("tham-luan.exe", "application/octet-stream", exe) });
    const page = await throughPage(web, "tham-luan.exe", "application/octet-stream", exe);
    expect(said).toBe("Tệp tham luận cần là Word (.docx, .doc), PDF, ODT hoặc TXT, hoặc ảnh chụp các trang; vui lòng gửi lại đúng loại tệp.");
    expect(page.status).toBe(400);
    expect(page.body).toContain(said);
    for (const s of [tg, web]) {
      expect(versions(s)).toEqual([]);
      expect(await keptFiles(s.h)).toEqual([]);
    }
  });

  it("a file over 10 MB is refused with the same sentence either way; announced too large, it is not even downloaded", async () => {
    const tg = await side("telegram");
    const web = await side("zalo");
    const big = Buffer.alloc(10_000_001, 1);
    const announced = chatFile("tham-luan.pdf", "application/pdf", big);
    const said = await tg.ms.say("/thamluan", { file: announced });
    expect(said).toBe("Tệp quá lớn (tối đa 10 MB); vui lòng gửi tệp nhỏ hơn.");
    expect(announced.downloads).toBe(0);
    // Zalo and some clients give no size beforehand: the bytes are judged once read, with the same sentence.
    const unknown = chatFile("tham-luan.pdf", "application/pdf", big, 0);
    expect(await tg.ms.say("/thamluan", { file: unknown })).toBe(said);
    expect(unknown.downloads).toBe(1);

    const page = await throughPage(web, "tham-luan.pdf", "application/pdf", big);
    expect(page.status).toBe(400);
    expect(page.body).toContain(said);
    for (const s of [tg, web]) {
      expect(versions(s)).toEqual([]);
      expect(await keptFiles(s.h)).toEqual([]);
    }
  });
});
