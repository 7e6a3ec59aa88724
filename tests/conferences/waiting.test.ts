// What a commune sends while the bot asks which conference is never lost (issue 26): xã Mường So,
// invited to the 2023 and the 2025 conference, sends its speech as a Word file, or presses a button
// of an earlier message, before it answers; once it has chosen, the file lands in the conference
// chosen, and the button is taken there, or the commune is told in one sentence to type the command
// again. Nothing changes in either conference before the choice.
import { afterEach, describe, expect, it } from "vitest";
import { readStoredFile } from "../../src/lib/files.js";
import type { IncomingFile, Reply } from "../../src/messages/types.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { DOCX_MIME, keptFiles, speechDocx } from "../upload/helpers.js";
import { ID_2025, TITLE_2025, write2025 } from "./helpers.js";

const ID_2023 = "phong-tho-2023";
const TITLE_2023 = "Hội nghị Chỉ số CCHC năm 2023";
const NAME = "tham-luan-muong-so.docx";

let h: TestApp | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Mường So joined for 2023 at 09:00; the 2025 conference is added an hour later, its letters sent. */
async function twoConferences(before?: (ms: Person) => Promise<void>) {
  const app = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  h = app;
  app.clock.advance(60_000);
  const ms = await app.delegate("muong-so", "Lò Văn Sáu");
  await before?.(ms);
  app.clock.advance(3600_000);
  await app.app.conferences.add(await write2025(app.dir), app.organizer().key);
  await app.app.outbox.idle();
  app.clock.advance(60_000);
  return { h: app, ms };
}

/** Each conference's own record (answers, speeches, check-ins…), as the store holds it. */
const records = (app: TestApp) => JSON.stringify([app.app.root.data.conferences[ID_2023], app.app.root.data.conferences[ID_2025]]);
const speechOf = (app: TestApp, id: string) => app.app.conferences.get(id)?.store.data.speeches["muong-so"];
const rsvpsOf = (app: TestApp, id: string) => app.app.conferences.get(id)?.store.data.rsvps.map((r) => [r.unitId, r.seatId, r.status]) ?? [];
const waitingOf = (app: TestApp, ms: Person) => app.app.root.data.accounts[ms.key]?.conferenceAsked?.waiting ?? [];
/** The conference of each reminder sent to the units (a "chase" notice). */
const chases = (app: TestApp) => app.app.root.data.notices.filter((n) => n.kind === "chase").map((n) => n.conference);
/** The files kept for the question under DATA_DIR/files (the 2025 letters are there too). */
const waitingFiles = async (app: TestApp) => (await keptFiles(app)).filter((f) => f.startsWith("cho-chon-hoi-nghi"));

function wordFile(data: Buffer, name = NAME): IncomingFile {
  return { kind: "document", name, mime: DOCX_MIME, size: data.length, download: async () => data };
}

/** A press of button `index` of the numbered choices of an earlier reply. */
function pressOf(replies: Reply[], index: number) {
  const set = replies.find((r) => r.kind === "choices");
  if (set?.kind !== "choices" || !set.setId) throw new Error("no choices in that reply");
  return { setId: set.setId, index };
}

describe("tệp gửi lúc bot hỏi hội nghị nào", () => {
  it("xã Mường So gõ /thamluan, gửi tệp Word trong lúc bot hỏi; bot khởi động lại; xã chọn 2: tham luận thành bản 1 của năm 2025, không phải 2023", async () => {
    const { h: first, ms } = await twoConferences();
    const untouched = records(first);
    expect(await ms.say("/thamluan")).toContain("Đồng chí đang được mời dự 2 hội nghị");
    const docx = await speechDocx();
    const asked = await ms.say("", { file: wordFile(docx) });
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toContain(`Bot đã giữ lại tệp “${NAME}” đồng chí vừa gửi`);
    expect(asked).not.toContain("vui lòng gửi lại");

    // Nothing in either conference before the choice; the command and the file wait, the file's bytes on disk.
    expect(records(first)).toBe(untouched);
    expect(waitingOf(first, ms).map((m) => m.text ?? m.file?.name)).toEqual(["/thamluan", NAME]);
    expect(await waitingFiles(first)).toEqual([expect.stringMatching(/^cho-chon-hoi-nghi-[0-9a-f]{8}\.docx$/)]);

    // The bot restarts before the commune answers: the file is still there.
    const dir = first.dir;
    await first.app.close();
    h = await createTestApp({ now: "2027-05-01T03:05:00Z", dir });
    const again = h.person("Lò Văn Sáu", { userId: ms.userId });
    const chosen = await again.say("2");
    expect(chosen).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2025}`);
    expect(chosen).toContain(`Đã nhận tham luận của UBND xã Mường So: bản 1 (tệp “${NAME}”)`);

    const versions = speechOf(h, ID_2025)?.versions ?? [];
    expect(versions.map((v) => [v.n, v.kind, v.file?.name])).toEqual([[1, "document", NAME]]);
    expect(await readStoredFile(h.dir, versions[0]?.file?.path ?? "")).toEqual(docx);
    expect(speechOf(h, ID_2023)).toBeUndefined();
    // The question is answered and its copy of the file gone: only the speech's own file is kept.
    expect(h.app.root.data.accounts[ms.key]?.conferenceAsked).toBeUndefined();
    expect(await waitingFiles(h)).toEqual([]);
  });

  it("ảnh trang tham luận gửi kèm chữ /thamluan lúc bot hỏi, rồi chọn bằng /hoinghi 2: trang vào bản đang soạn của năm 2025, /xong thành bản 1", async () => {
    const { h, ms } = await twoConferences();
    const page = Buffer.from("\u00ff\u00d8 trang 1", "latin1");
    const photo: IncomingFile = { kind: "photo", name: "trang-1.jpg", mime: "image/jpeg", size: page.length, download: async () => page };
    expect(await ms.say("/thamluan", { file: photo })).toContain("Bot đã giữ lại tệp “trang-1.jpg”");
    expect(speechOf(h, ID_2025)).toBeUndefined();

    const switched = await ms.say("/hoinghi 2");
    expect(switched).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2025}`);
    expect(switched).toContain("Đã nhận ảnh trang 1");
    expect(await ms.say("/xong")).toContain("Đã nhận tham luận của UBND xã Mường So: bản 1");
    expect(speechOf(h, ID_2025)?.versions.map((v) => [v.kind, v.pages?.length])).toEqual([["photo", 1]]);
    expect(speechOf(h, ID_2023)).toBeUndefined();
  });

  it("tệp không tải được từ nền tảng: bot nói chưa ghi nhận, xin gửi lại sau khi chọn; không giữ gì", async () => {
    const { h, ms } = await twoConferences();
    const broken: IncomingFile = { ...wordFile(Buffer.alloc(0)), size: 9000, download: async () => Promise.reject(new Error("HTTP 502")) };
    const asked = await ms.say("/thamluan", { file: broken });
    expect(asked).toContain(`Tệp “${NAME}” đồng chí vừa gửi chưa được ghi nhận: sau khi chọn hội nghị, đồng chí vui lòng gửi lại.`);
    expect(waitingOf(h, ms)).toEqual([]);
    expect(await waitingFiles(h)).toEqual([]);
    const chosen = await ms.say("2");
    expect(chosen).not.toContain("Đã nhận tham luận");
    expect(speechOf(h, ID_2025)).toBeUndefined();
  });
});

describe("nút bấm lúc bot hỏi hội nghị nào", () => {
  it("xã Mường So bấm “Tham dự” của tin nhắn năm 2023 sau khi giấy mời 2025 đến: nút đã cũ, bot nói gõ lại lệnh sau khi chọn; không giữ, không ghi gì", async () => {
    let seat: Reply[] = [];
    const { h, ms } = await twoConferences(async (p) => {
      await p.say("/dangky");
      await p.say("1");
      seat = p.last;
    });
    const untouched = records(h);
    const asked = await ms.say("", { press: pressOf(seat, 1) });
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toContain("Nút đồng chí vừa bấm thuộc một tin nhắn cũ, không còn hiệu lực: sau khi chọn hội nghị, đồng chí vui lòng gõ lại lệnh để có các nút mới.");
    expect(records(h)).toBe(untouched);
    expect(waitingOf(h, ms)).toEqual([]);

    const chosen = await ms.say("2");
    expect(chosen).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2025}`);
    expect(chosen).not.toContain("tham dự,");
    expect(rsvpsOf(h, ID_2023)).toEqual([]);
    expect(rsvpsOf(h, ID_2025)).toEqual([]);
    expect(await ms.say("/dangky")).toContain("1. Chủ tịch UBND xã: chưa trả lời");
    await ms.press(1);
    await ms.press(1);
    expect(await ms.say("Lò Văn Sáu")).toContain("Chủ tịch UBND xã: tham dự, Lò Văn Sáu.");
    expect(rsvpsOf(h, ID_2025)).toEqual([["muong-so", "chair", "attend"]]);
    expect(rsvpsOf(h, ID_2023)).toEqual([]);
  });

  /** The organizers opened /nhacnho in 2023 (the only conference then); 2025 is added; they press "Chưa xác nhận tham dự". */
  async function reminderPressed() {
    let offered: Reply[] = [];
    const both = await twoConferences(async () => {
      const org = (h as TestApp).organizer();
      await org.say("/nhacnho");
      offered = org.last;
    });
    const org = both.h.organizer();
    const untouched = records(both.h);
    const asked = await org.say("", { press: pressOf(offered, 1) });
    expect(asked).toContain("Đồng chí đang được mời dự 2 hội nghị");
    expect(asked).toContain("Bot đã giữ lại nút đồng chí vừa bấm và xử lý ngay sau khi đồng chí chọn hội nghị.");
    expect(records(both.h)).toBe(untouched);
    expect(waitingOf(both.h, org).map((m) => m.press?.label)).toEqual(["Chưa xác nhận tham dự (22 đơn vị)"]);
    return { ...both, org, untouched };
  }

  it("Ban tổ chức bấm nút của tin nhắn năm 2023 lúc bot hỏi, rồi chọn 1: nút được làm theo cho năm 2023", async () => {
    const { h, org } = await reminderPressed();
    const chosen = await org.say("1");
    expect(chosen).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2023}`);
    expect(chosen).toContain("Đã gửi lời nhắc xác nhận tham dự tới 1 đơn vị (1 tài khoản).");
    expect(chases(h)).toEqual([ID_2023]);
    expect(h.app.root.data.accounts[org.key]?.conferenceAsked).toBeUndefined();
  });

  it("Ban tổ chức bấm nút của tin nhắn năm 2023 lúc bot hỏi, rồi chọn 2: bot nói nút không còn hiệu lực với năm 2025, không làm gì", async () => {
    const { h, org, untouched } = await reminderPressed();
    const chosen = await org.say("2");
    expect(chosen).toContain(`Từ nay bot hiểu các tin nhắn của đồng chí cho ${TITLE_2025}`);
    expect(chosen).toContain(
      `Nút “Chưa xác nhận tham dự (22 đơn vị)” đồng chí bấm lúc bot hỏi hội nghị nào không còn hiệu lực với ${TITLE_2025} nên chưa được ghi nhận: đồng chí vui lòng gõ lại lệnh để có các nút của hội nghị này.`,
    );
    expect(records(h)).toBe(untouched);
    expect(chases(h)).toEqual([]);
    // The 2023 choices ended with the choice of 2025: "1" typed now takes none of them.
    expect(h.app.root.data.sessions[org.key]?.choices).toBeUndefined();
  });
});
