// The Lai Châu sample conference (a province after the 2025 reform) walked end to end on the console:
// a ward and a new commune join with their codes, answer, submit, hear a notice to "các xã, phường",
// check in; the old district's 2023 table is kept as the old units' figures; the 2025 sample is
// published; /diem of the ward and of the new commune Phong Thổ show the old units' figures as a reference.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { keepOldTable, parseTable } from "../../src/app/cli-scores.js";
import { createTestApp } from "../helpers/app.js";
import { readDocx } from "../documents/helpers.js";
import { consoleLink, type Driver } from "../scenario/driver.js";
import { LAI_CHAU, LAI_CHAU_SAMPLE, PHONG_THO_SAMPLE } from "./helpers.js";

let d: Driver | undefined;
afterAll(async () => {
  await d?.close();
});

const codeIn = (text: string) => /Mã điểm danh tại hội trường: ([A-Z0-9]{6})/.exec(text)?.[1] as string;

describe("hội nghị mẫu của UBND tỉnh Lai Châu trên console", () => {
  it("phường Đoàn Kết và xã Phong Thổ mới tham gia, trả lời, nộp tham luận, điểm danh; kết quả 2025 công bố kèm điểm của các xã cũ để tham chiếu", { timeout: 120_000 }, async () => {
    d = consoleLink(await createTestApp({ now: "2026-01-05T02:00:00Z", env: { CONFERENCE_FILE: LAI_CHAU } }));
    const { h } = d;
    h.app.outbox.configure({ autoTick: false });
    const org = d.person("Cán bộ Sở Nội vụ", { organizer: true });
    expect(await d.say(org, "/start")).toContain("Ban tổ chức");
    const guest = d.person("Khách");
    const agenda = await d.say(guest, "/chuongtrinh");
    expect(agenda).toContain("HỘI NGHỊ CÔNG BỐ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA CÁC SỞ, BAN, NGÀNH VÀ UBND CÁC XÃ, PHƯỜNG TỈNH LAI CHÂU");
    expect(agenda).toContain("Liên hệ Ban tổ chức: Sở Nội vụ tỉnh Lai Châu");

    // 1. A ward, a new commune and a department join with their codes.
    const ward = d.person("Lò Thị Hạnh");
    expect(await d.say(ward, `/start ${await h.code("doan-ket")}`)).toContain("đại biểu của UBND phường Đoàn Kết.");
    const commune = d.person("Vàng A Tủa");
    expect(await d.say(commune, `/start ${await h.code("phong-tho")}`)).toContain("đại biểu của UBND xã Phong Thổ.");
    const dept = d.person("Nguyễn Văn Bình");
    expect(await d.say(dept, `/start ${await h.code("so-khoa-hoc-cong-nghe")}`)).toContain("đại biểu của Sở Khoa học và Công nghệ tỉnh Lai Châu.");

    // 2. They answer and submit.
    expect(await d.say(ward, "/dangky 1 thamdu Lò Thị Hạnh")).toContain("Đã ghi nhận: UBND phường Đoàn Kết, vị trí Chủ tịch UBND phường: tham dự, Lò Thị Hạnh.");
    expect(await d.say(commune, "/dangky 1 thamdu Vàng A Tủa")).toContain("vị trí Chủ tịch UBND xã: tham dự, Vàng A Tủa.");
    expect(await d.say(commune, "/thamluan Kiện toàn bộ phận một cửa của xã Phong Thổ sau sắp xếp.")).toContain("Đã nhận tham luận của UBND xã Phong Thổ: bản 1");
    expect(await d.say(dept, "/thamluan Dịch vụ công trực tuyến toàn trình năm 2025.")).toContain("Đã nhận tham luận của Sở Khoa học và Công nghệ tỉnh Lai Châu: bản 1");

    // 3. A notice to the communes and wards reaches the ward and the commune, not the department.
    const preview = await d.say(org, "/thongbao xa | Đề nghị các xã, phường gửi báo cáo tự đánh giá trước ngày 15/01/2026.");
    expect(preview).toContain("Các xã, phường");
    expect(preview).not.toContain("thị trấn");
    await d.choose(org, 1);
    await d.settle();
    const notice = "Đề nghị các xã, phường gửi báo cáo tự đánh giá trước ngày 15/01/2026.";
    expect([ward, commune, dept].map((p) => p.inbox.some((t) => t.includes(notice)))).toEqual([true, true, false]);

    // 4. Time and place; check-in in the hall.
    expect(await d.say(org, "/datlich 20/01/2026 14:00 | Hội trường UBND tỉnh")).toContain("Đã lưu thời gian, địa điểm hội nghị");
    await d.choose(org, 1);
    await d.settle();
    const code = codeIn(await d.say(org, "/diemdanh"));
    h.clock.set("2026-01-20T06:40:00Z");
    expect(await d.say(ward, `/diemdanh ${code}`)).toContain("Đã điểm danh: UBND phường Đoàn Kết");

    // 5. Scores: the old district's 2023 table kept as the old units' figures (what `hoinghi
    // import-scores FILE --previous` runs, here or through the bot's spool), then the 2025 sample.
    const t = h.app.services.i18n.forLanguage("vi");
    const old = await parseTable(h.app.services.conference, "phong-tho-2023.sample.csv", readFileSync(PHONG_THO_SAMPLE), t, true);
    expect(await keepOldTable(h.app.services, old, t)).toEqual(["Đã lưu bảng điểm năm 2023 của 17 đơn vị cũ (trước khi sắp xếp) để tham chiếu; bảng điểm hiện tại không thay đổi."]);
    const sendFile = d.sendFile;
    if (!sendFile) throw new Error("the console takes files");
    const imported = await sendFile(org, { name: path.basename(LAI_CHAU_SAMPLE), mime: "text/csv", data: readFileSync(LAI_CHAU_SAMPLE) }, "/nhapdiem");
    expect(imported).toContain("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
    expect(imported).toContain("năm 2025");
    expect(imported).toContain("38 đơn vị");
    expect(await d.choose(org, 1)).toContain("Đã thay thế bảng điểm: năm 2025, 38 đơn vị.");
    expect(await d.say(org, "/congbo")).toContain("Công bố kết quả Chỉ số CCHC năm 2025 (38 đơn vị)?");
    expect(await d.choose(org, 1)).toContain("Đã công bố kết quả Chỉ số CCHC năm 2025.");
    await d.settle();
    expect(commune.inbox.some((m) => m.includes("CHỈ SỐ CCHC NĂM 2025 — UBND xã Phong Thổ"))).toBe(true);

    // 6. /diem of the ward: its 2025 result; of its old units, only Lả Nhì Thàng (of the old Phong Thổ district) has a figure here.
    const doanKet = await d.say(guest, "/diem Đoàn Kết");
    expect(doanKet).toContain("CHỈ SỐ CCHC NĂM 2025 — UBND phường Đoàn Kết");
    expect(doanKet).toContain("Trước sắp xếp (điểm năm 2023 của các đơn vị cũ, chỉ để tham chiếu, không phải điểm năm trước của UBND phường Đoàn Kết):");
    expect(doanKet).toMatch(/- xã Lả Nhì Thàng: \d+(,\d+)?\/100/);
    expect(doanKet).toContain("- phường Quyết Thắng: chưa có điểm");

    // 7. /diem of the new commune Phong Thổ: the four old units' 2023 figures, as theirs, never a "last year".
    const phongTho = await d.say(guest, "/diem Phong Thổ");
    expect(phongTho).toContain("CHỈ SỐ CCHC NĂM 2025 — UBND xã Phong Thổ");
    const reference = phongTho.slice(phongTho.indexOf("Trước sắp xếp"));
    expect(reference.split("\n")).toEqual([
      "Trước sắp xếp (điểm năm 2023 của các đơn vị cũ, chỉ để tham chiếu, không phải điểm năm trước của UBND xã Phong Thổ):",
      expect.stringMatching(/^- xã Huổi Luông: 62,25\/100$/),
      "- thị trấn Phong Thổ: 88/100",
      expect.stringMatching(/^- xã Ma Ly Pho: \d+(,\d+)?\/100$/),
      "- xã Mường So: 83,5/100",
    ]);
    const own = phongTho.slice(0, phongTho.indexOf("Trước sắp xếp"));
    expect(own).not.toContain("So với năm");
    expect(own).not.toContain("năm trước");

    // 8. The giấy mời of the ward is addressed to "UBND phường Đoàn Kết".
    await d.say(org, "/giaymoi");
    const letters = org.files.find((f) => f.name.endsWith(".docx"));
    if (!letters) throw new Error("no letters");
    expect((await readDocx(letters.data)).paragraphs).toContain("Kính gửi: UBND phường Đoàn Kết.");
  });
});
