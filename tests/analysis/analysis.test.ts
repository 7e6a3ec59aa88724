// Sau công bố, xã Mường So hỏi vì sao bị trừ điểm: bot chỉ ra tiêu chí mất điểm nhiều nhất kèm ghi chú của
// Hội đồng thẩm định; Ban tổ chức xem các tiêu chí yếu nhất toàn huyện. Bảng không có tiêu chí vẫn nhập như cũ.
import { afterEach, describe, expect, it } from "vitest";
import { criterionRows, districtAnalysis, fieldAnalysis, unitAnalysis } from "../../src/views/analysis.js";
import type { TestApp } from "../helpers/app.js";
import { sampleGrid, sendTable, toCsv } from "../scores/helpers.js";
import { publishedSample } from "./helpers.js";

let h: TestApp;
afterEach(async () => {
  await h.close();
});

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

describe("phân tích của xã Mường So", () => {
  it("lists where it lost points, largest first, and where the appraisal cut its self-assessment, with the appraisal's notes", async () => {
    h = await publishedSample();
    const v = unitAnalysis(h.app.store.data, h.app.services.conference, "guest", "muong-so");
    expect(v.criteria).toBe(true);
    // Fields scored whole and criteria side by side; ties keep the table's order.
    expect(v.lost.map((r) => [r.id, r.lost])).toEqual([["8", 4], ["4", 1.75], ["5", 1.5], ["6", 1.5], ["2", 1.25]]);
    expect(v.cuts.map((r) => [r.id, r.cut, r.note])).toEqual([
      ["2", 1.5, undefined],
      ["5", 1.5, undefined],
      ["7.2", 1.25, "Tỷ lệ hồ sơ trực tuyến toàn trình thấp hơn số liệu tự chấm"],
      ["8", 1, undefined],
      ["3.4", 0.75, "Chưa công khai kết quả xử lý phản ánh, kiến nghị"],
    ]);
    expect(v.fell[0]).toMatchObject({ id: "2", change: -1 });
    expect(v.rose[0]).toMatchObject({ id: "7.3", change: 1.5 });
  });

  it("field 3: its criteria and sub-criteria, the lost points in order with the appraisal's notes", async () => {
    h = await publishedSample();
    const v = fieldAnalysis(h.app.store.data, h.app.services.conference, "guest", "muong-so", "3");
    expect(v.field).toMatchObject({ id: "3", final: 12, max: 14, self: 13.25, appraised: 12, previous: 11 });
    expect(ids(v.rows)).toEqual(["3.1", "3.2", "3.3", "3.3.1", "3.3.2", "3.4"]);
    expect(v.lost.map((r) => [r.id, r.lost, r.note])).toEqual([
      ["3.4", 0.75, "Chưa công khai kết quả xử lý phản ánh, kiến nghị"],
      ["3.3.2", 0.5, "Chưa có văn bản xin lỗi đối với hồ sơ trễ hạn"],
      ["3.1", 0.25, undefined],
      ["3.2", 0.25, undefined],
      ["3.3.1", 0.25, undefined],
    ]);
    expect(ids(v.cuts)).toEqual(["3.4", "3.3.2"]);
  });
});

describe("toàn huyện", () => {
  it("each criterion's average share across the 17 units, and the weakest criteria first", async () => {
    h = await publishedSample();
    const table = h.app.store.data.scores.current;
    const v = districtAnalysis(h.app.store.data, "guest");
    expect(v.units).toBe(17);
    expect(ids(v.fields)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(ids(v.weakest)).toEqual(["3.3.2", "1.6", "7.1", "3.3.1", "1.3"]);
    // The share is the mean of each unit's share, counted here from the stored table.
    for (const w of v.weakest) {
      const rows = (table?.units ?? []).map((u) => criterionRows(u.fields).find((r) => r.id === w.id));
      const mean = rows.reduce((s, r) => s + (r ? r.final / r.max : 0), 0) / rows.length;
      expect(w.share).toBeCloseTo(mean * 100, 2);
      expect(w.losing).toBe(rows.filter((r) => r && r.final < r.max).length);
    }
    // Weakest first, and no part scored on its own is weaker than the last one listed.
    const shares = v.weakest.map((w) => w.share);
    expect(shares).toEqual([...shares].sort((a, b) => a - b));
    const leaves = v.rows.filter((r) => !r.parent);
    expect(Math.min(...leaves.filter((r) => !ids(v.weakest).includes(r.id)).map((r) => r.share))).toBeGreaterThanOrEqual(shares.at(-1) as number);
  });
});

describe("/diem trong trò chuyện", () => {
  it("/diem Muong So 3 shows field 3's criteria, the points lost and why the appraisal cut them", async () => {
    h = await publishedSample();
    const d = await h.delegate("Mường So");
    const reply = await d.say("/diem Muong So 3");
    expect(reply.split("\n")).toEqual([
      "[DỮ LIỆU MẪU — không phải kết quả chính thức]",
      "CHỈ SỐ CCHC NĂM 2023 — UBND xã Mường So",
      "Lĩnh vực 3. Cải cách thủ tục hành chính (một cửa, một cửa liên thông): 12/14 (tự đánh giá 13,25; thẩm định 12; năm trước 11); đạt 85,71%",
      "Các tiêu chí (đạt/tối đa):",
      "   3.1. Công khai thủ tục hành chính: 2,75/3 (tự đánh giá 2,75; thẩm định 2,75; năm trước 2,75)",
      "   3.2. Thực hiện cơ chế một cửa, một cửa liên thông: 3,75/4 (tự đánh giá 3,75; thẩm định 3,75; năm trước 2,5)",
      "   3.3. Kết quả giải quyết hồ sơ thủ tục hành chính: 4,25/5 (tự đánh giá 4,75; thẩm định 4,25; năm trước 3,75)",
      "      3.3.1. Tỷ lệ hồ sơ giải quyết đúng hạn: 3,75/4 (tự đánh giá 3,75; thẩm định 3,75; năm trước 3,25)",
      "      3.3.2. Xin lỗi khi giải quyết hồ sơ trễ hạn: 0,5/1 (tự đánh giá 1; thẩm định 0,5; năm trước 0,5)",
      "   3.4. Tiếp nhận, xử lý phản ánh, kiến nghị: 1,25/2 (tự đánh giá 2; thẩm định 1,25; năm trước 2)",
      "",
      "Mất điểm so với điểm tối đa (nhiều nhất trước):",
      "- 3.4. Tiếp nhận, xử lý phản ánh, kiến nghị: mất 0,75 điểm (1,25/2). Ghi chú thẩm định: Chưa công khai kết quả xử lý phản ánh, kiến nghị",
      "- 3.3.2. Xin lỗi khi giải quyết hồ sơ trễ hạn: mất 0,5 điểm (0,5/1). Ghi chú thẩm định: Chưa có văn bản xin lỗi đối với hồ sơ trễ hạn",
      "- 3.1. Công khai thủ tục hành chính: mất 0,25 điểm (2,75/3)",
      "- 3.2. Thực hiện cơ chế một cửa, một cửa liên thông: mất 0,25 điểm (3,75/4)",
      "- 3.3.1. Tỷ lệ hồ sơ giải quyết đúng hạn: mất 0,25 điểm (3,75/4)",
      "",
      "Thẩm định trừ so với điểm tự đánh giá:",
      "- 3.4. Tiếp nhận, xử lý phản ánh, kiến nghị: thẩm định trừ 0,75 điểm (tự đánh giá 2 → thẩm định 1,25). Ghi chú thẩm định: Chưa công khai kết quả xử lý phản ánh, kiến nghị",
      "- 3.3.2. Xin lỗi khi giải quyết hồ sơ trễ hạn: thẩm định trừ 0,5 điểm (tự đánh giá 1 → thẩm định 0,5). Ghi chú thẩm định: Chưa có văn bản xin lỗi đối với hồ sơ trễ hạn",
    ]);
    // "lĩnh vực 3" in words, and the delegate's own unit without naming it, say the same.
    expect(await d.say("/diem muong so linh vuc 3")).toBe(reply);
    expect(await d.say("/diem 3")).toBe(reply);
  });

  it("/diem keeps the unit's result and adds the criteria that lost most, with the appraisal's note and how to see one field", async () => {
    h = await publishedSample();
    const d = await h.delegate("Mường So");
    const reply = await d.say("/diem");
    expect(reply).toContain("Tổng điểm: 83,5/100 điểm (83,5%)\nXếp hạng: 3/17\nXếp loại: Tốt");
    const tail = reply.slice(reply.indexOf("Các tiêu chí mất nhiều điểm nhất (so với điểm tối đa):")).split("\n");
    expect(tail).toEqual([
      "Các tiêu chí mất nhiều điểm nhất (so với điểm tối đa):",
      "- 7.2. Cung cấp dịch vụ công trực tuyến: mất 1,25 điểm (2,75/4). Ghi chú thẩm định: Tỷ lệ hồ sơ trực tuyến toàn trình thấp hơn số liệu tự chấm",
      "- 1.1. Kế hoạch cải cách hành chính năm: mất 1 điểm (2/3)",
      "- 3.4. Tiếp nhận, xử lý phản ánh, kiến nghị: mất 0,75 điểm (1,25/2). Ghi chú thẩm định: Chưa công khai kết quả xử lý phản ánh, kiến nghị",
      "Xem từng tiêu chí của một lĩnh vực, ví dụ: /diem Mường So 7",
    ]);
  });

  it("an unknown field names the fields there are; before publishing a delegate is told nothing", async () => {
    h = await publishedSample({ publish: false });
    const d = await h.delegate("Mường So");
    expect(await d.say("/diem Muong So 3")).toBe("Kết quả Chỉ số CCHC chưa được công bố. Kết quả sẽ có sau khi Ban tổ chức công bố tại hội nghị.");
    const org = h.organizer();
    expect(await org.say("/diem Muong So 9")).toBe('Bảng điểm không có lĩnh vực hay tiêu chí "9". Các lĩnh vực: 1, 2, 3, 4, 5, 6, 7, 8.');
    expect(await org.say("/diem Muong So 3")).toContain("[CHƯA CÔNG BỐ — bản xem trước, chỉ Ban tổ chức thấy]");
    expect(await h.person("Khách").say("/diem")).toBe("Kết quả Chỉ số CCHC chưa được công bố. Kết quả sẽ có sau khi Ban tổ chức công bố tại hội nghị.");
  });

  it("speaks English to an English account", async () => {
    h = await publishedSample();
    const p = h.person("Visitor", { channel: "telegram", userId: "4242", language: "en" });
    const reply = await p.say("/score Mường So 3");
    expect(reply).toContain("Field 3. Cải cách thủ tục hành chính (một cửa, một cửa liên thông): 12/14 (self-assessed 13.25; appraised 12; last year 11); 85.71% achieved");
    expect(reply).toContain("Appraisal's note: Chưa công khai kết quả xử lý phản ánh, kiến nghị");
  });
});

describe("một bảng điểm không có tiêu chí", () => {
  it("imports as before, fields only, and the analysis is by field", async () => {
    h = await publishedSample();
    const org = h.organizer();
    const grid = sampleGrid();
    const header = grid.findIndex((r) => r.includes("Đơn vị"));
    // Every column of a criterion ("1.1. …", "3.3.2. …") dropped.
    const keep = (grid[header] as string[]).map((c) => !/^\d+\.\d/.test(c));
    const fieldsOnly = grid.map((r) => r.filter((_, i) => keep[i] ?? true));
    expect(await sendTable(org, toCsv(fieldsOnly))).toContain("1. Công tác chỉ đạo, điều hành cải cách hành chính: 12\n");
    expect(await org.say("1")).toContain("Đã thay thế bảng điểm: năm 2023, 17 đơn vị.");
    const stored = h.app.store.data.scores.current?.units.find((u) => u.unitId === "muong-so");
    expect(stored?.fields.map((f) => f.children)).toEqual(new Array(8).fill(undefined));
    const v = unitAnalysis(h.app.store.data, h.app.services.conference, "organizer", "muong-so");
    expect(v.criteria).toBe(false);
    expect(v.lost.map((r) => [r.id, r.lost])).toEqual([["8", 4], ["1", 2.5], ["3", 2], ["7", 2], ["4", 1.75]]);
    const reply = await org.say("/diem Mường So");
    expect(reply).toContain("Các lĩnh vực giảm điểm nhiều nhất so với năm trước:");
    expect(reply).not.toContain("Các tiêu chí mất nhiều điểm nhất");
    expect(await org.say("/diem Mường So 2")).toContain("Bảng điểm không chia lĩnh vực này thành tiêu chí.");
  });
});
