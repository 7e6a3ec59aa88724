// The communes' remediation plans, as the plan asks: after publication Mường So is asked for its plan
// with its three weakest criteria as headings and the deadline; it submits in chat over several
// messages; the organizers ask for changes with a note; Mường So submits version 2; the organizers
// accept it and turn two measures into tasks (their criteria from the headings); a commune that never
// submits is reminded; /baocao counts the plans.
import { afterEach, describe, expect, it } from "vitest";
import { remedyHeadings } from "../../src/views/remedy.js";
import { type Ended, endedConference, sentTo } from "../tasks/helpers.js";

let e: Ended | undefined;
afterEach(async () => {
  await e?.h.close();
  e = undefined;
});

describe("after publication: Mường So's remediation plan", () => {
  it("is asked for with its weakest criteria, submitted, sent back, resubmitted, accepted and made tasks; Bản Lang is reminded", async () => {
    e = await endedConference();
    const { h, org, muongSo } = e;
    const banLang = await h.delegate("Bản Lang", "Lò Thị Mai");
    const headings = remedyHeadings(h.app.store.data, h.app.services.conference, "muong-so");
    expect(headings).toHaveLength(3);
    const [first, second, third] = headings as [(typeof headings)[0], (typeof headings)[0], (typeof headings)[0]];

    // The sample table scores these by field: each heading reads "Lĩnh vực 8. …" (a criterion would read "Tiêu chí 3.2. …").
    const word = (x: typeof first) => (x.field ? "Lĩnh vực" : "Tiêu chí");
    // Published on Monday 21/6/2027: 15 working days later is Monday 12/7/2027, the whole day.
    await h.app.outbox.tick();
    await h.app.outbox.idle();
    const request = sentTo(h, muongSo).find((t) => t.startsWith("Kính gửi UBND xã Mường So: Chỉ số CCHC đã được công bố"));
    expect(request).toBeDefined();
    expect(request).toContain("trước 23 giờ 59, thứ Hai, ngày 12/7/2027");
    expect(request).toContain(`- ${word(first)} ${first.label}: đạt ${String(first.final).replace(".", ",")}/${first.max}, bị trừ ${String(first.lost).replace(".", ",")} điểm`);
    expect(request).toContain(`- ${word(third)} ${third.label}`);
    expect(request).toContain("Gõ /khacphuc");
    // Once per publication: the next round sends nothing more.
    const before = h.sent.length;
    await h.app.outbox.tick();
    await h.app.outbox.idle();
    expect(h.sent.slice(before).filter((s) => s.text.includes("kế hoạch khắc phục"))).toEqual([]);

    // The delegate sees the headings and is asked for the measures; sends them in two messages, then "xong".
    const shown = await muongSo.say("/khacphuc");
    expect(shown).toContain("KẾ HOẠCH KHẮC PHỤC — UBND xã Mường So");
    expect(shown).toContain("Trạng thái: chưa nộp.");
    expect(shown).toContain(`${word(first)} ${first.code}:`);
    expect(await muongSo.say(`${word(first)} ${first.code}:\n- Rà soát, niêm yết công khai đầy đủ thủ tục hành chính\n- Cập nhật hồ sơ lên Cổng dịch vụ công`)).toContain("Đã nhận phần 1");
    expect(await muongSo.say(`${word(second)} ${second.code}:\n- Kiểm tra định kỳ việc giải quyết hồ sơ`)).toContain("Đã nhận phần 2");
    const mark = h.sent.length;
    expect(await muongSo.say("xong")).toContain("Đã nhận kế hoạch khắc phục của UBND xã Mường So: bản 1, 3 giải pháp");
    await h.app.outbox.idle();
    expect(sentTo(h, org, mark).join("\n")).toContain("Kế hoạch khắc phục mới: UBND xã Mường So đã nộp bản 1");

    // The organizers see who has submitted; open Mường So's plan; ask for changes with a note.
    const list = await org.say("/khacphuc");
    expect(list).toContain("Mường So: đã nộp bản 1, chờ duyệt");
    expect(list).toContain("Bản Lang: chưa nộp");
    const plan = await org.say("/khacphuc Mường So");
    expect(plan).toContain(`1. Rà soát, niêm yết công khai đầy đủ thủ tục hành chính — tiêu chí ${first.code}`);
    expect(plan).toContain(`3. Kiểm tra định kỳ việc giải quyết hồ sơ — tiêu chí ${second.code}`);
    expect(await org.say("2")).toContain("Vui lòng gõ nội dung đề nghị UBND xã Mường So chỉnh sửa kế hoạch (bản 1)");
    const note = `Bổ sung giải pháp cho tiêu chí ${third.code}`;
    expect(await org.say(note)).toContain("Đã gửi đề nghị chỉnh sửa kế hoạch khắc phục (bản 1) tới UBND xã Mường So");
    await h.app.outbox.idle();
    expect(sentTo(h, muongSo).join("\n")).toContain(`Ban tổ chức đề nghị UBND xã Mường So chỉnh sửa kế hoạch khắc phục (bản 1):\n“${note}”`);

    // Version 2 in one message.
    const v2 = [
      `${word(first)} ${first.code}:`,
      "- Rà soát, niêm yết công khai đầy đủ thủ tục hành chính",
      `${word(second)} ${second.code}:`,
      "- Kiểm tra định kỳ việc giải quyết hồ sơ",
      `${word(third)} ${third.code}:`,
      "- Tập huấn cho công chức Bộ phận một cửa",
    ].join("\n");
    expect(await muongSo.say("/khacphuc")).toContain(`đề nghị chỉnh sửa bản 1: “${note}”`);
    expect(await muongSo.say(`/khacphuc ${v2}`)).toContain("bản 2, 3 giải pháp");

    // Accepted, and two measures made tasks with the criteria of their headings.
    const plan2 = await org.say("/khacphuc Mường So");
    expect(plan2).toContain("bản 2/2");
    expect(await org.say("1")).toContain("Đã chấp nhận kế hoạch khắc phục (bản 2) của UBND xã Mường So");
    await org.say("/khacphuc Mường So");
    expect(await org.say("2")).toContain("Kế hoạch của UBND xã Mường So có 3 giải pháp");
    const made = await org.say("1, 3 | 30/9");
    expect(made).toContain("Đã giao 2 nhiệm vụ cho UBND xã Mường So, hạn 30/9/2027");
    const tasks = h.app.store.data.tasks.list;
    expect(tasks.map((t) => [t.unitId, t.content, t.criterion, t.deadline])).toEqual([
      ["muong-so", "Rà soát, niêm yết công khai đầy đủ thủ tục hành chính", first.code, "2027-09-30"],
      ["muong-so", "Tập huấn cho công chức Bộ phận một cửa", third.code, "2027-09-30"],
    ]);
    // The plan shows which measures became tasks; the same measure is not assigned twice.
    expect(await org.say("/khacphuc Mường So")).toContain("(đã giao: nhiệm vụ số 2)");
    expect(await org.say("/khacphuc Mường So giao 1 | 30/9")).toContain("Các giải pháp đã chọn đều đã được giao thành nhiệm vụ.");
    expect(h.app.store.data.tasks.list).toHaveLength(2);

    // Bản Lang never submits: reminded, Mường So is not.
    const marked = h.sent.length;
    const reminded = await org.say("/khacphuc nhac");
    expect(reminded).toMatch(/Đã nhắc \d+ đơn vị chưa nộp kế hoạch khắc phục/);
    await h.app.outbox.idle();
    expect(sentTo(h, banLang, marked).join("\n")).toContain("Kính gửi UBND xã Bản Lang: Ban tổ chức chưa nhận được kế hoạch khắc phục của đơn vị.");
    expect(sentTo(h, muongSo, marked)).toEqual([]);

    // The report counts: 1 accepted, the others not submitted.
    const report = await org.say("/baocao");
    expect(report).toContain("KẾ HOẠCH KHẮC PHỤC");
    expect(report).toMatch(/\d+ đơn vị: đã nộp chờ duyệt 0 \| đề nghị chỉnh sửa 0 \| đã chấp nhận 1 \| chưa nộp \d+/);
  });
});
