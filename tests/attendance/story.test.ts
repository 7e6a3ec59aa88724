// The plan's story on the console: the communes and town answer their invitations, Phòng Nội vụ reads the report, chases the silent, exports the list, and the hall checks in.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../src/messages/types.js";
import type { SpeechRecord } from "../../storage/schema.js";
import { createTestApp, type Person, type TestApp } from "../helpers/app.js";

let h: TestApp;
let org: Person;
const delegates = new Map<string, Person>();
const NAMES = ["Lò Văn Hùng", "Tẩn Thị Mai", "Vàng A Sử", "Giàng Thị Dung"];

/** Answers "attends" for each seat, by number, with a name from the list. */
async function allAttend(p: Person, seats: number, from = 1): Promise<void> {
  for (let i = from; i <= seats; i++) {
    expect(await p.say(`/dangky ${i} thamdu ${NAMES[i - 1]}`)).toContain("Đã ghi nhận");
  }
}

const SILENT = ["sin-suoi-ho", "huoi-luong"];

beforeAll(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  org = h.organizer();
  expect(await org.say("/datlich 20/06/2027 08:00 | Hội trường UBND huyện")).toContain("Đã lưu");
  for (const unit of h.app.services.conference.units()) {
    delegates.set(unit.id, await h.delegate(unit.name, `Đại biểu ${unit.name}`));
  }
  // A silent unit with a second account on Zalo: the reminder must reach both.
  delegates.set("huoi-luong-zalo", await h.delegate("Huổi Luông", "Văn phòng xã Huổi Luông", { channel: "zalo" }));

  for (const unit of h.app.services.conference.units()) {
    const p = delegates.get(unit.id) as Person;
    if (SILENT.includes(unit.id)) continue;
    if (unit.id === "vang-ma-chai") {
      // The chair sends a substitute, chosen by numbers; the other seats are typed directly.
      expect(await p.say("/dangky")).toContain("Chọn vị trí để trả lời");
      expect(await p.say("1")).toContain("Chọn câu trả lời");
      expect(await p.say("2")).toContain("họ tên và chức vụ người dự thay");
      expect(await p.say("Lò Văn Sáu, Phó Chủ tịch UBND xã")).toContain("cử Lò Văn Sáu (Phó Chủ tịch UBND xã) dự thay");
      await allAttend(p, 4, 2);
    } else if (unit.id === "khong-lao") {
      // The chair is absent; the other seats answer without a seat number: the bot asks which.
      expect(await p.say("/dangky 1 vang Đi học lớp bồi dưỡng tại tỉnh")).toContain("vắng mặt");
      for (const [i, name] of NAMES.slice(1).entries()) {
        expect(await p.say(`/dangky thamdu ${name}`)).toContain("Câu trả lời này dành cho vị trí nào?");
        expect(await p.say(String(i + 2))).toContain("Đã ghi nhận");
      }
    } else {
      await allAttend(p, unit.seats.length);
    }
  }

  // Speeches as the speech commands store them (their own tests cover how they get there).
  const at = (d: string) => `2027-06-${d}T02:00:00.000Z`;
  const text = (n: number, unitId: string, day: string, body: string) => ({ n, kind: "text" as const, text: body, by: delegates.get(unitId)?.key as string, at: at(day) });
  const review = (version: number, decision: "accepted" | "changes_requested", day: string, note?: string) => ({ version, decision, note, by: org.key, at: at(day) });
  const speeches: Record<string, SpeechRecord> = {
    "van-phong-hdnd-ubnd": { unitId: "van-phong-hdnd-ubnd", versions: [text(1, "van-phong-hdnd-ubnd", "10", "Bộ phận một cửa huyện ...")], reviews: [] },
    "muong-so": { unitId: "muong-so", versions: [text(1, "muong-so", "09", "Chỉ đạo, điều hành ...")], reviews: [review(1, "changes_requested", "11", "Bổ sung số liệu quý II")] },
    "ban-lang": {
      unitId: "ban-lang",
      versions: [text(1, "ban-lang", "08", "Chính quyền số bản 1"), text(2, "ban-lang", "12", "Chính quyền số bản 2, đã bổ sung")],
      reviews: [review(1, "changes_requested", "10", "Nêu rõ kết quả"), review(2, "accepted", "13")],
    },
    "vang-ma-chai": {
      unitId: "vang-ma-chai",
      versions: [{ n: 1, kind: "document", file: { name: "tham-luan-vmc.docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", size: 20480, path: "files/x.docx" }, by: delegates.get("vang-ma-chai")?.key as string, at: at("11") }],
      reviews: [review(1, "accepted", "12")],
    },
  };
  await h.app.store.mutate((d) => {
    d.speeches = speeches;
    d.speakers.push(
      { id: "s1", unitId: "dao-san", topic: "Số hóa hồ sơ một cửa", by: delegates.get("dao-san")?.key as string, at: at("05") },
      { id: "s2", unitId: "nam-xe", topic: "Rút lui", by: delegates.get("nam-xe")?.key as string, at: at("06"), withdrawnAt: at("07") },
      { id: "s3", unitId: "thi-tran-phong-tho", topic: "Dịch vụ công trực tuyến", by: delegates.get("thi-tran-phong-tho")?.key as string, at: at("07") },
    );
  });
});

afterAll(async () => {
  await h.close();
});

describe("Ban tổ chức đọc /baocao", () => {
  it("shows the totals first: 22 units, 77 seats, 67 attend, 1 substitute, 1 absent, 8 unanswered", async () => {
    await org.say("/baocao");
    const [first] = org.last as Array<Reply & { kind: "text" }>;
    const totals = first?.text.split("\n") ?? [];
    expect(totals[0]).toMatch(/^BÁO CÁO CHUẨN BỊ HỘI NGHỊ/);
    expect(totals).toContain("Đơn vị được mời: 22 (đã trả lời: 20, chưa trả lời: 2)");
    expect(totals).toContain("Vị trí: 77 | tham dự 67 | cử người thay 1 | vắng 1 | chưa trả lời 8");
    // Expected: every invited seat but the one reported absent (the board's and the sign-in list's figure too).
    expect(totals).toContain("Có mặt: 0/76 đại biểu dự kiến (dự kiến: mọi vị trí được mời trừ vị trí báo vắng)");
    expect(totals).toContain("Tham luận: 5 đơn vị | đã duyệt 2 | chờ duyệt 1 | đề nghị sửa 1 | chưa nộp 1");
    expect(totals).toContain("Đăng ký phát biểu: 2");
    expect(totals).toContain("Hạn xác nhận tham dự: 8 giờ 00, thứ Bảy, ngày 19/6/2027");
    for (const r of org.last) expect(r.kind === "text" && r.text.length).toBeLessThanOrEqual(3500);
  });

  it("lists each category: substitute for whom, absent with reason, the silent units, speeches and speakers", async () => {
    const report = await org.say("/report");
    expect(report).toContain("THAM DỰ (67 vị trí)");
    expect(report).toContain("- Mường So (4/4): Lò Văn Hùng, Tẩn Thị Mai, Vàng A Sử, Giàng Thị Dung");
    expect(report).toContain("- Vàng Ma Chải (3/4): Tẩn Thị Mai, Vàng A Sử, Giàng Thị Dung");
    expect(report).toContain("CỬ NGƯỜI THAY (1)\n- Vàng Ma Chải, Chủ tịch UBND xã → Lò Văn Sáu, Phó Chủ tịch UBND xã");
    expect(report).toContain("VẮNG MẶT (1)\n- Khổng Lào, Chủ tịch UBND xã: Đi học lớp bồi dưỡng tại tỉnh");
    expect(report).toContain("CHƯA TRẢ LỜI (2 đơn vị)\n- Sin Suối Hồ\n- Huổi Luông");
    expect(report).not.toContain("Trả lời chưa đủ");
    expect(report).toContain("ĐÃ ĐIỂM DANH (có mặt 0/76 đại biểu dự kiến)\n(không có)");
    expect(report).toContain("THAM LUẬN (hạn nộp: 8 giờ 00, thứ Năm, ngày 17/6/2027)");
    expect(report).toContain("- Văn phòng HĐND và UBND huyện: đã nộp, chờ duyệt (1 bản)");
    expect(report).toContain("- Mường So: đề nghị chỉnh sửa (1 bản)");
    expect(report).toContain("- Bản Lang: đã duyệt (2 bản)");
    expect(report).toContain("- Vàng Ma Chải: đã duyệt (1 bản)");
    expect(report).toContain("- Tung Qua Lìn: chưa nộp (0 bản)");
    expect(report).toContain("ĐĂNG KÝ PHÁT BIỂU (2)\n1. Dào San: Số hóa hồ sơ một cửa\n2. Thị trấn Phong Thổ: Dịch vụ công trực tuyến");
    expect(report).not.toContain("Rút lui");
  });

  it("is refused to a delegate", async () => {
    expect(await (delegates.get("muong-so") as Person).say("/baocao")).toBe("Lệnh này chỉ dành cho Ban tổ chức hội nghị.");
  });
});

describe("Ban tổ chức /nhacnho", () => {
  it("offers the two kinds with their counts", async () => {
    const offered = await org.say("/nhacnho");
    expect(offered).toContain("1. Chưa xác nhận tham dự (2 đơn vị)");
    expect(offered).toContain("2. Chưa nộp tham luận (1 đơn vị)");
  });

  it("reaches every account of the two silent units, and no one else, with the deadline in the text", async () => {
    h.sent.length = 0;
    const said = await org.say("/nhacnho dangky");
    expect(said).toBe("Đã gửi lời nhắc xác nhận tham dự tới 2 đơn vị (3 tài khoản).");
    const expected = [delegates.get("sin-suoi-ho"), delegates.get("huoi-luong"), delegates.get("huoi-luong-zalo")].map((p) => p?.key);
    expect(h.sent.map((s) => s.account).sort()).toEqual(expected.sort());
    for (const s of h.sent) {
      expect(s.text).toContain("còn 4/4 vị trí");
      expect(s.text).toContain("Hạn xác nhận: 8 giờ 00, thứ Bảy, ngày 19/6/2027");
    }
    expect(h.sent.find((s) => s.account === delegates.get("huoi-luong")?.key)?.text).toContain("Kính gửi UBND xã Huổi Luông");
  });

  it("by number: the speech reminder reaches Tung Qua Lìn only", async () => {
    h.sent.length = 0;
    await org.say("/nhacnho");
    expect(await org.say("2")).toBe("Đã gửi lời nhắc nộp tham luận tới 1 đơn vị (1 tài khoản).");
    expect(h.sent.map((s) => s.account)).toEqual([delegates.get("tung-qua-lin")?.key]);
    expect(h.sent[0]?.text).toContain("Hạn nộp: 8 giờ 00, thứ Năm, ngày 17/6/2027");
  });
});

describe("Ban tổ chức /xuat", () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    await org.say("/xuat");
    const file = org.last[0];
    if (file?.kind !== "file") throw new Error("no file");
    expect(file.name).toMatch(/^hoinghi-phong-tho-2023-\d{8}-\d{4}\.xlsx$/);
    expect(file.mime).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(file.caption).toContain("77 vị trí, 67 tham dự, 1 cử người thay, 1 vắng, 8 chưa trả lời");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.data as unknown as ArrayBuffer);
    return wb;
  }
  // From the header row (found by its text, under the title block), without the STT column the
  // workbook adds in front of every sheet that had none: the columns read as before.
  const rows = (ws: ExcelJS.Worksheet | undefined, numbered = true) => {
    const out: string[][] = [];
    ws?.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
    const header = out.findIndex((r) => r[0] === "STT");
    expect(header).toBeGreaterThan(0);
    const table = out.slice(header);
    expect(table.slice(1).map((r) => r[0])).toEqual(table.slice(1).map((_, i) => String(i + 1)));
    return numbered ? table.map((r) => r.slice(1)) : table;
  };

  it("holds the same rows as the report, with Vietnamese headers", async () => {
    const wb = await workbook();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tham dự theo vị trí", "Cử người thay", "Vắng mặt", "Điểm danh", "Tham luận", "Các bản tham luận", "Đăng ký phát biểu"]);

    const attendance = rows(wb.getWorksheet("Tham dự theo vị trí"));
    expect(attendance[0]).toEqual(["Đơn vị", "Loại", "Vị trí được mời", "Trạng thái", "Họ tên", "Chức vụ", "Lý do", "Người trả lời", "Thời điểm"]);
    const body = attendance.slice(1);
    expect(body).toHaveLength(77);
    const count = (s: string) => body.filter((r) => r[3] === s).length;
    expect([count("Tham dự"), count("Cử người thay"), count("Vắng mặt"), count("Chưa trả lời")]).toEqual([67, 1, 1, 8]);
    expect(body[0]?.slice(0, 5)).toEqual(["Thị trấn Phong Thổ", "Thị trấn", "Chủ tịch UBND thị trấn", "Tham dự", "Lò Văn Hùng"]);
    expect(body.find((r) => r[0] === "Mường So" && r[2] === "Chủ tịch UBND xã")?.slice(7)).toEqual(["Đại biểu Mường So", "01/05/2027 09:00"]);

    expect(rows(wb.getWorksheet("Cử người thay")).slice(1)).toEqual([
      ["Vàng Ma Chải", "Chủ tịch UBND xã", "Lò Văn Sáu", "Phó Chủ tịch UBND xã", "Đại biểu Vàng Ma Chải", "01/05/2027 09:00"],
    ]);
    expect(rows(wb.getWorksheet("Vắng mặt")).slice(1)).toEqual([
      ["Khổng Lào", "Chủ tịch UBND xã", "Đi học lớp bồi dưỡng tại tỉnh", "Đại biểu Khổng Lào", "01/05/2027 09:00"],
    ]);
    expect(rows(wb.getWorksheet("Điểm danh"))).toHaveLength(1);

    const speeches = rows(wb.getWorksheet("Tham luận"));
    expect(speeches[0]).toEqual(["Đơn vị", "Chủ đề", "Trạng thái", "Số bản", "Bản mới nhất (nội dung hoặc tên tệp)", "Nộp lúc", "Duyệt lúc", "Ghi chú khi duyệt"]);
    expect(speeches.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      ["Văn phòng HĐND và UBND huyện", "Đã nộp, chờ duyệt", "1", "Bộ phận một cửa huyện ..."],
      ["Mường So", "Đề nghị chỉnh sửa", "1", "Chỉ đạo, điều hành ..."],
      ["Bản Lang", "Đã duyệt", "2", "Chính quyền số bản 2, đã bổ sung"],
      ["Vàng Ma Chải", "Đã duyệt", "1", "tham-luan-vmc.docx"],
      ["Tung Qua Lìn", "Chưa nộp", "0", ""],
    ]);
    expect(speeches[2]?.[7]).toBe("Bổ sung số liệu quý II");
    expect(speeches[3]?.[6]).toBe("13/06/2027 09:00");

    expect(rows(wb.getWorksheet("Đăng ký phát biểu"), false).slice(1).map((r) => r.slice(0, 3))).toEqual([
      ["1", "Dào San", "Số hóa hồ sơ một cửa"],
      ["2", "Thị trấn Phong Thổ", "Dịch vụ công trực tuyến"],
    ]);
  });
});

describe("ngày hội nghị: điểm danh", () => {
  it("a delegate checks in with the code on the screen; the report counts it", async () => {
    const code = /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(await org.say("/diemdanh"))?.[1] as string;
    h.clock.set("2027-06-20T00:30:00Z"); // 7 giờ 30, ngày 20/6
    const muongSo = delegates.get("muong-so") as Person;
    // Four seats registered by name: the bot asks whose seat this is (issue 12), then records it.
    expect(await muongSo.say(`/diemdanh ${code.toLowerCase()}`)).toContain("1. Chủ tịch UBND xã: đồng chí Lò Văn Hùng (tham dự)");
    expect((await muongSo.say("1")).split("\n")[0]).toBe("Đã điểm danh: UBND xã Mường So, vị trí Chủ tịch UBND xã, lúc 7 giờ 30. Chúc hội nghị thành công!");
    await org.say("/baocao");
    const report = org.last.map((r) => (r.kind === "text" ? r.text : "")).join("\n\n");
    expect(report).toContain("Có mặt: 1/76 đại biểu dự kiến");
    // The registered name of the seat, not the chat's display name (issue 12).
    expect(report).toContain("ĐÃ ĐIỂM DANH (có mặt 1/76 đại biểu dự kiến)\n- Mường So, Chủ tịch UBND xã: Lò Văn Hùng (7 giờ 30)");
  });
});
