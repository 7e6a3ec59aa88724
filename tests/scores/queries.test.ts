// Đại biểu xem kết quả của xã mình và bảng xếp hạng sau khi công bố: tổng điểm, thứ hạng, xếp loại, thay đổi, lĩnh vực mất điểm.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "./helpers.js";
import { leaves } from "../../src/views/scores.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
  const org = h.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  await org.say("1");
  await org.say("/congbo xacnhan");
});
afterEach(async () => {
  await h.close();
});

describe("/diem", () => {
  it("gives a delegate their own unit's result: total, rank, classification, change, fields and where points were lost", async () => {
    const d = await h.delegate("Mường So");
    const reply = await d.say("/diem");
    const lines = reply.split("\n");
    expect(lines.slice(0, 6)).toEqual([
      "[DỮ LIỆU MẪU — không phải kết quả chính thức]",
      "CHỈ SỐ CCHC NĂM 2023 — UBND xã Mường So",
      "Tổng điểm: 83,5/100 điểm (83,5%)",
      "Xếp hạng: 3/17",
      "Xếp loại: Tốt",
      "So với năm 2022: tăng 0,25 điểm (năm trước 83,25 điểm); giữ nguyên thứ hạng 3.",
    ]);
    expect(reply).toContain("Điểm từng lĩnh vực (đạt/tối đa):\n1. Công tác chỉ đạo, điều hành cải cách hành chính: ");
    const fieldLines = lines.filter((l) => /^\d\. .*: [\d,]+\/\d+ \(năm trước [\d,]+\)$/.test(l));
    expect(fieldLines).toHaveLength(8);
    // The parts that fell most since last year (criteria where the sample has them), largest fall first, with both years' scores.
    const table = h.app.store.data.scores.current;
    const ms = table?.units.find((u) => u.unitId === "muong-so");
    const fell = leaves(ms?.fields ?? [])
      .map((f) => ({ f, diff: f.final - (f.previous as number) }))
      .filter((x) => x.diff < 0)
      .sort((a, b) => a.diff - b.diff)
      .slice(0, 3);
    expect(fell.length).toBeGreaterThan(0);
    const title = reply.indexOf("Các tiêu chí giảm điểm nhiều nhất so với năm trước:");
    expect(title).toBeGreaterThan(0);
    const listed = reply.slice(title).split("\n").slice(1, 1 + fell.length);
    expect(listed).toEqual(
      fell.map(({ f, diff }) => `- ${f.id}. ${f.name}: giảm ${String(Math.round(-diff * 100) / 100).replace(".", ",")} điểm (${String(f.previous).replace(".", ",")} → ${String(f.final).replace(".", ",")})`),
    );
  });

  it("shows any unit by name, typed without diacritics, and suggests names for an unknown one", async () => {
    const d = await h.delegate("Mường So");
    expect(await d.say("/diem ban lang")).toContain("— UBND xã Bản Lang\nTổng điểm: 81,5/100 điểm (81,5%)\nXếp hạng: 5/17");
    expect(await d.say("/diem tt phong tho")).toContain("Xếp hạng: 1/17");
    expect(await d.say("/diem Mường Sao")).toMatch(/^Không tìm thấy đơn vị "Mường Sao"\. Có phải đồng chí muốn tìm: Mường So/);
    expect(await d.say("/diem Phòng Nội vụ")).toBe("Bảng điểm năm 2023 không có kết quả của Phòng Nội vụ huyện Phong Thổ.");
  });

  it("asks a guest which unit, and takes the next message as its name", async () => {
    const guest = h.person("Khách");
    expect(await guest.say("/diem")).toBe("Vui lòng gõ tên xã, thị trấn cần xem, ví dụ: Mường So (hoặc /diem Mường So).");
    expect(await guest.say("hoang then")).toContain("— UBND xã Hoang Thèn\nTổng điểm: 74,5/100 điểm (74,5%)");
    expect(h.app.store.data.sessions[guest.key]?.awaiting).toBeUndefined();
  });

  it("speaks English to an English account, with the English decimal point", async () => {
    const p = h.person("Visitor", { channel: "telegram", userId: "4242", language: "en" });
    const reply = await p.say("/score Mường So");
    expect(reply).toContain("[SAMPLE DATA — not official results]");
    expect(reply).toContain("PAR INDEX 2023 — UBND xã Mường So");
    expect(reply).toContain("Total: 83.5/100 points (83.5%)");
    expect(reply).toContain("Rank: 3 of 17");
    expect(reply).toContain("Compared with 2022: up 0.25 points (previous year 83.25); rank unchanged at 3.");
  });
});

describe("/xephang", () => {
  it("lists every unit by rank with score, classification and change, and sends the chart as a photo", async () => {
    const guest = h.person("Khách", { channel: "telegram", userId: "31" });
    const reply = await guest.say("/xephang");
    const lines = reply.split("\n");
    expect(lines[0]).toBe("[DỮ LIỆU MẪU — không phải kết quả chính thức]");
    expect(lines[1]).toBe("XẾP HẠNG CHỈ SỐ CCHC NĂM 2023 (17 đơn vị):");
    expect(lines[2]).toBe("1. Thị trấn Phong Thổ: 88/100 điểm, Tốt, giữ nguyên thứ hạng");
    expect(lines).toContain("9. Mù Sang: 72,75/100 điểm, Khá, tăng 3 bậc");
    expect(lines).toContain("13. Tung Qua Lìn: 66,25/100 điểm, Khá, tăng 1 bậc");
    expect(lines).toContain("13. Lản Nhì Thàng: 66,25/100 điểm, Khá, giảm 2 bậc");
    expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(17);

    const photo = guest.last.find((r) => r.kind === "photo");
    expect(photo?.kind).toBe("photo");
    if (photo?.kind !== "photo") return;
    expect(photo.name).toBe("ranking-2023.png");
    expect(photo.data.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(photo.caption).toBe("[DỮ LIỆU MẪU — không phải kết quả chính thức]\nBiểu đồ xếp hạng Chỉ số CCHC năm 2023");
    expect(await guest.say("/ranking")).toBe(reply);
  });
});
