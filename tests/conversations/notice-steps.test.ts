// Notices, scores and the review of speeches go through typed steps: each choice the organizer is
// offered, and each question waiting for text, is a step carrying the draft, the preview, the table
// or the version it is about; a store written before steps keeps what the organizer had open.
import { rm } from "node:fs/promises";
import { afterEach, describe, expect, it } from "vitest";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";
import { document, sampleBytes } from "../scores/helpers.js";
import { reopenBeforeSteps } from "./helpers.js";

let h: TestApp | undefined;
const keep: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const dir of keep.splice(0)) await rm(dir, { recursive: true, force: true });
});

const session = (app: TestApp, p: Person) => app.app.store.data.sessions[p.key];
const onlyDraft = (app: TestApp) => Object.keys(app.app.store.data.noticeDrafts)[0] as string;

describe("Ban tổ chức soạn thông báo qua các bước có kiểu", () => {
  it("soạn, chọn 'Các xã, thị trấn', hẹn giờ rồi gửi — mỗi bước là bước có kiểu mang mã bản nháp", async () => {
    h = await createTestApp({ now: "2027-06-10T02:00:00Z" });
    await h.delegate("Mường So", "Lò Văn Sáu");
    const org = h.organizer();

    // /thongbao alone asks for the text: the next message is the notice.
    expect(await org.say("/thongbao")).toContain("Vui lòng gõ nội dung thông báo");
    expect(session(h, org)?.awaiting?.step).toEqual({ kind: "notice.text" });

    // The text becomes a draft with an id; the audiences offered each carry it.
    const asked = await org.say("Kính mời các đồng chí dự họp trù bị lúc 14:00 ngày 19/06.");
    const id = onlyDraft(h);
    expect(asked).toContain(`Thông báo ${id} gửi tới ai?`);
    expect(session(h, org)?.awaiting).toBeUndefined();
    const audiences = session(h, org)?.choices?.steps;
    expect(audiences).toContainEqual({ kind: "notice.audience", draft: id, audience: "communes" });
    expect(audiences?.at(-1)).toEqual({ kind: "notice.audience", draft: id, audience: "units" });

    // "các xã" chooses "Các xã, thị trấn" by its words; the preview offers send, a time, cancel.
    const preview = await org.say("các xã");
    expect(preview).toContain(`Xem trước thông báo ${id}`);
    expect(preview).toContain("Các xã, thị trấn");
    expect(session(h, org)?.choices?.steps).toEqual([
      { kind: "notice.send", draft: id },
      { kind: "notice.time", draft: id },
      { kind: "notice.cancel", id },
    ]);

    // "Hẹn giờ gửi" asks for the time; a number typed now is the answer, not a pick.
    expect(await org.press(2)).toContain("Vui lòng gõ thời điểm gửi");
    expect(session(h, org)?.awaiting?.step).toEqual({ kind: "notice.time", draft: id });
    expect(await org.say("07:30 20/06")).toContain("Hẹn gửi lúc");
    expect(session(h, org)?.awaiting).toBeUndefined();
    expect(h.app.store.data.noticeDrafts[id]?.sendAt).toBe("2027-06-20T00:30:00.000Z");

    // "1" sends it at that time: the notice keeps the draft's id, and the draft is gone.
    expect(await org.say("1")).toContain(`Đã hẹn gửi thông báo ${id} lúc`);
    expect(h.app.store.data.notices.find((n) => n.id === id)?.audience).toBe("communes");
    expect(h.app.store.data.noticeDrafts).toEqual({});
  });

  it("'Chọn đơn vị theo tên' asks which units: the answer names them, and the preview follows", async () => {
    h = await createTestApp({ now: "2027-06-10T02:00:00Z" });
    await h.delegate("Mường So");
    await h.delegate("Nậm Xe");
    const org = h.organizer();
    await org.say("/thongbao Đề nghị gửi báo cáo trước ngày 15/06.");
    const id = onlyDraft(h);
    const units = session(h, org)?.choices?.steps.length as number;
    expect(await org.say(String(units))).toContain("Vui lòng gõ tên các đơn vị nhận");
    expect(session(h, org)?.awaiting?.step).toEqual({ kind: "notice.units", draft: id });
    const preview = await org.say("Mường So, Nậm Xe");
    expect(preview).toContain(`Xem trước thông báo ${id}`);
    expect(h.app.store.data.noticeDrafts[id]?.audience).toBe("units:muong-so,nam-xe");
  });
});

describe("Ban tổ chức duyệt tham luận qua các bước có kiểu", () => {
  it("chọn xã Mường So trong danh sách, yêu cầu chỉnh sửa, gõ ý kiến: xã nhận đúng ý kiến đó", async () => {
    h = await createTestApp();
    const ms = await h.delegate("Mường So", "Lò Văn Sáu");
    const org = h.organizer();
    await ms.say("/thamluan Thưa Hội nghị, xã Mường So xin báo cáo.");

    const list = await org.say("/duyet");
    const n = Number(/(\d+)\. Mường So/.exec(list)?.[1]);
    expect(session(h, org)?.choices?.steps[n - 1]).toEqual({ kind: "review.open", unit: "muong-so" });
    expect(await org.say(String(n))).toContain("Tham luận của UBND xã Mường So, bản 1/1");
    expect(session(h, org)?.choices?.steps).toEqual([
      { kind: "review.accept", unit: "muong-so", version: 1 },
      { kind: "review.changes", unit: "muong-so", version: 1 },
    ]);

    expect(await org.press(2)).toContain("Vui lòng gõ nội dung đề nghị UBND xã Mường So chỉnh sửa bản 1");
    expect(session(h, org)?.awaiting?.step).toEqual({ kind: "review.changes", unit: "muong-so", version: 1 });
    // The note may begin with a number: it is the note, not a pick.
    const from = h.sent.length;
    expect(await org.say("2 số liệu cần cập nhật đến tháng 5/2027")).toContain("Đã gửi đề nghị chỉnh sửa bản 1 cho UBND xã Mường So.");
    expect(session(h, org)?.awaiting).toBeUndefined();
    expect(h.sent.slice(from).find((s) => s.account === ms.key)?.text).toContain("2 số liệu cần cập nhật đến tháng 5/2027");
  });
});

describe("Ban tổ chức nhập và công bố bảng điểm qua các bước có kiểu", () => {
  it("/nhapdiem chờ tệp, bản xem trước mang mã của nó, /congbo mang bảng đang hỏi, /diem chờ tên xã", async () => {
    h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
    await h.delegate("Mường So");
    const vp = h.person("Chánh Văn phòng huyện", { channel: "telegram", userId: "9001" });

    expect(await vp.say("/nhapdiem")).toContain("Vui lòng gửi tệp bảng điểm");
    expect(session(h, vp)?.awaiting?.step).toEqual({ kind: "scores.file" });
    // The file comes alone, as the answer.
    await vp.say("", { file: document(sampleBytes(), "phong-tho-2023.sample.csv") });
    // The file no longer waits; the preview's yes/no question may be answered in words.
    expect(session(h, vp)?.awaiting?.step).toMatchObject({ kind: "words.yesno", yes: { kind: "scores.confirm" } });
    const preview = h.app.store.data.scores.previews?.[0]?.id as string;
    expect(session(h, vp)?.choices?.steps).toEqual([
      { kind: "scores.confirm", preview },
      { kind: "scores.cancel", preview },
    ]);
    expect(await vp.press(1)).toContain("Đã thay thế bảng điểm");
    const importedAt = h.app.store.data.scores.current?.importedAt as string;

    await vp.say("/congbo");
    expect(session(h, vp)?.choices?.steps).toEqual([{ kind: "scores.publish", importedAt }, { kind: "scores.publish.close" }]);
    expect(await vp.press(2)).toBe("Đã hủy. Kết quả vẫn chưa công bố.");
    await vp.say("/congbo");
    expect(await vp.press(1)).toContain("Đã công bố kết quả Chỉ số CCHC năm 2023.");
    await vp.say("/congbo");
    expect(session(h, vp)?.choices?.steps).toEqual([{ kind: "scores.publish.resend" }, { kind: "scores.publish.close" }]);

    expect(await vp.say("/diem")).toContain("Vui lòng gõ tên xã, thị trấn cần xem");
    expect(session(h, vp)?.awaiting?.step).toEqual({ kind: "scores.unit" });
    expect(await vp.say("Mường So")).toContain("Mường So");
    expect(session(h, vp)?.awaiting).toBeUndefined();
  });
});

describe("chuyển tệp dữ liệu cũ: lựa chọn và câu hỏi của thông báo", () => {
  it("an open '/tbgui ID' choice and a '/tbluc ID' question become their typed steps, and each still does what was offered", async () => {
    const first = await createTestApp({ now: "2027-06-10T02:00:00Z" });
    h = first;
    await first.delegate("Mường So");
    const org = first.organizer();
    const vp = first.person("Chánh Văn phòng huyện", { channel: "telegram", userId: "9001" });
    await org.say("/thongbao tatca | Kính mời dự họp trù bị");
    await vp.say("/thongbao tatca | Lịch tiếp công dân tháng 6");
    const [a, b] = Object.values(first.app.store.data.noticeDrafts).sort((x, y) => x.createdBy.localeCompare(y.createdBy));
    keep.push(first.dir);
    h = undefined;

    // What the version before steps kept: command lines.
    const at = "2027-06-10T02:00:00.000Z";
    const [orgDraft, vpDraft] = [a?.createdBy === org.key ? a : b, a?.createdBy === org.key ? b : a];
    const x = orgDraft?.id as string;
    const y = vpDraft?.id as string;
    h = await reopenBeforeSteps(first, {
      [org.key]: { choices: { setId: "a1b2c3d4", commands: [`/tbgui ${x}`, `/tbluc ${x}`, `/tbhuy ${x}`], offeredAt: at } },
      [vp.key]: { awaiting: { command: `/tbluc ${y}`, prompt: "notice-ask-time", offeredAt: at } },
    }, { now: "2027-06-10T02:05:00Z" });
    expect(h.app.store.data.sessions[org.key]?.choices?.steps).toEqual([
      { kind: "notice.send", draft: x },
      { kind: "notice.time", draft: x },
      { kind: "notice.cancel", id: x },
    ]);
    expect(h.app.store.data.sessions[vp.key]?.awaiting?.step).toEqual({ kind: "notice.time", draft: y });

    expect(await h.organizer().say("1")).toContain(`Đã xếp thông báo ${x} vào hàng đợi gửi tới 1 tài khoản`);
    const vpAgain = h.person("Chánh Văn phòng huyện", { channel: "telegram", userId: "9001" });
    expect(await vpAgain.say("07:30 20/06")).toContain("Hẹn gửi lúc");
    expect(h.app.store.data.noticeDrafts[y]?.sendAt).toBe("2027-06-20T00:30:00.000Z");
  });
});
