// The ranking chart as people read it: upright on a phone (360 px, names ≥ 12 px), the district and
// province in the title, whose figures and when at the foot, each unit's change of rank since last year.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PNG } from "pngjs";
import { rankingSvg } from "../../src/scores/format.js";
import { PORTRAIT_WIDTH, PORTRAIT_ZOOM } from "../../src/scores/chart.js";
import { rankingView } from "../../src/views/scores.js";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "../scores/helpers.js";

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-03T02:00:00Z" });
  const org = h.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  expect(await org.say("1")).toContain("Đã thay thế bảng điểm");
  await org.say("/congbo");
  expect(await org.say("1")).toContain("Đã công bố");
});
afterEach(async () => {
  await h.close();
});

/** The font sizes of the <text> elements whose words match `words`. */
const sizesOf = (svg: string, words: RegExp) => [...svg.matchAll(/<text [^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].filter((m) => words.test(m[2] as string)).map((m) => Number(m[1]));

describe("biểu đồ xếp hạng", () => {
  it("bản dọc cho điện thoại: rộng 360 px, tên xã chữ 14 px, không chữ nào dưới 12 px; đại biểu gõ /xephang nhận bản này", async () => {
    const view = rankingView(h.app.store.data, h.app.services.conference, "guest");
    const svg = rankingSvg(h.app.services.i18n.forLanguage("vi"), view, "portrait");
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${PORTRAIT_WIDTH}"`));
    const all = [...svg.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...all)).toBeGreaterThanOrEqual(12);
    expect(sizesOf(svg, /Mường So|Vàng Ma Chải|Lản Nhì Thàng/)).toEqual([14, 14, 14]);

    const d = await h.delegate("Mường So");
    await d.say("/xephang");
    const photo = d.last.find((r) => r.kind === "photo");
    if (photo?.kind !== "photo") throw new Error("no chart");
    const png = PNG.sync.read(photo.data);
    expect(png.width).toBe(PORTRAIT_WIDTH * PORTRAIT_ZOOM);
    expect(png.height).toBeGreaterThan(png.width);
  });

  it("tiêu đề có huyện và tỉnh, chân biểu đồ ghi nguồn và ngày công bố, mỗi đơn vị có thay đổi thứ hạng so với năm trước", async () => {
    const view = rankingView(h.app.store.data, h.app.services.conference, "guest");
    const t = h.app.services.i18n.forLanguage("vi");
    for (const svg of [rankingSvg(t, view), rankingSvg(t, view, "portrait")]) {
      const words = [...svg.matchAll(/>([^<]+)<\/text>/g)].map((m) => m[1]).join(" ");
      expect(words).toContain("huyện Phong Thổ");
      expect(words).toContain("tỉnh Lai Châu");
      expect(words).toContain("công bố ngày 3/5/2027");
      expect(words).toContain("Nguồn: Ủy ban nhân dân huyện Phong Thổ");
      expect(words).toContain("thứ hạng so với năm trước");
    }
    // The sample table has last year's ranks: Mù Sang rose 3 places, Lản Nhì Thàng fell 2.
    const rows = Object.fromEntries(view.rows.map((r) => [r.name, r.moved]));
    expect(rows["Mù Sang"]).toBe(3);
    expect(rows["Lản Nhì Thàng"]).toBe(-2);
    const portrait = rankingSvg(t, view, "portrait");
    expect(portrait).toContain(">\u25b23</text>");
    expect(portrait).toContain(">\u25bc2</text>");
  });
});
