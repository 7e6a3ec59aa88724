// Biểu đồ xếp hạng: ảnh PNG hợp lệ, cao dần theo số đơn vị, vẽ tên có dấu bằng phông chữ dự án mang theo.
import { existsSync } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";
import { loadConference } from "../../src/conference/load.js";
import {
  buildRankingSvg,
  CHART_FONT_FILES,
  CHART_WIDTH,
  CHART_ZOOM,
  chartHeight,
  chartRenderOptions,
  escapeXml,
  type RankingChartInput,
  renderRankingPng,
} from "../../src/scores/chart.js";

const units = loadConference(path.join(ROOT, "conferences", "phong-tho-2023.yaml")).units.filter((u) => u.kind !== "agency");

function input(n: number): RankingChartInput {
  return {
    title: "Chỉ số CCHC năm 2023 — xếp hạng các đơn vị",
    subtitle: `${n} đơn vị; điểm tối đa 100`,
    notes: ["DỮ LIỆU MẪU — không phải kết quả chính thức"],
    axisLabel: "Tỷ lệ điểm đạt so với điểm tối đa (%)",
    rows: units.slice(0, n).map((u, i) => ({
      rank: i + 1,
      name: u.name,
      value: String(90 - i * 2),
      percent: 90 - i * 2,
      classification: i < 5 ? "Tốt" : i < 12 ? "Khá" : "Trung bình",
    })),
    classes: ["Tốt", "Khá", "Trung bình", "Yếu"],
  };
}

/** Width and height from the PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe("the ranking chart", () => {
  it("is a valid PNG whose height grows with the number of units", async () => {
    const small = pngSize(await renderRankingPng(buildRankingSvg(input(5))));
    const all = pngSize(await renderRankingPng(buildRankingSvg(input(17))));
    expect(small.width).toBe(Math.round(CHART_WIDTH * CHART_ZOOM));
    expect(all.width).toBe(Math.round(CHART_WIDTH * CHART_ZOOM));
    expect(small.height).toBe(Math.round(chartHeight(input(5)) * CHART_ZOOM));
    expect(all.height).toBe(Math.round(chartHeight(input(17)) * CHART_ZOOM));
    expect(all.height).toBeGreaterThan(small.height);
    expect(all.height).toBeGreaterThan(small.height);
  });

  it("is drawn from an SVG that carries every unit's name with its diacritics, the sample mark and the classes", () => {
    const svg = buildRankingSvg(input(17));
    expect(units).toHaveLength(17);
    for (const u of units) expect(svg).toContain(`>${u.name}</text>`);
    for (const name of ["Lản Nhì Thàng", "Sì Lở Lầu", "Khổng Lào", "Huổi Luông", "Mồ Sì San"]) expect(svg).toContain(name);
    expect(svg).toContain("DỮ LIỆU MẪU — không phải kết quả chính thức");
    expect(svg).toContain(">Trung bình</text>");
    expect(svg).toContain('font-family="DejaVu Sans"');
  });

  it("escapes every piece of text it is given", () => {
    const hostile = input(2);
    (hostile.rows[0] as { name: string }).name = `Xã <b>"A" & 'B'</b>`;
    hostile.title = "</text><script>alert(1)</script>";
    const svg = buildRankingSvg(hostile);
    expect(svg).toContain("Xã &lt;b&gt;&quot;A&quot; &amp; &apos;B&apos;&lt;/b&gt;");
    expect(svg).not.toContain("<script>");
    expect(escapeXml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&apos;");
    expect(() => new Resvg(svg, chartRenderOptions())).not.toThrow();
  });

  it("uses the DejaVu fonts of the dejavu-fonts-ttf package and tells resvg not to load system fonts", () => {
    const options = chartRenderOptions();
    expect(options.font?.loadSystemFonts).toBe(false);
    expect(options.font?.defaultFontFamily).toBe("DejaVu Sans");
    expect(options.font?.fontFiles).toEqual(CHART_FONT_FILES);
    const packageDir = path.join(ROOT, "node_modules", "dejavu-fonts-ttf") + path.sep;
    for (const f of CHART_FONT_FILES) {
      expect(f.startsWith(packageDir)).toBe(true);
      expect(existsSync(f)).toBe(true);
    }
    expect(CHART_FONT_FILES.map((f) => path.basename(f))).toEqual(["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"]);
  });

  it("draws the letters with the shipped font alone: without it, the same drawing has no text at all", () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="40"><rect width="300" height="40" fill="#fff"/><text x="4" y="28" font-size="24" font-family="DejaVu Sans">Lản Nhì Thàng</text></svg>`;
    const ink = (font: NonNullable<ReturnType<typeof chartRenderOptions>["font"]>) => {
      const px = new Resvg(svg, { font }).render().pixels;
      let dark = 0;
      for (let i = 0; i < px.length; i += 4) if ((px[i] as number) < 128) dark++;
      return dark;
    };
    expect(ink({ fontFiles: [], loadSystemFonts: false })).toBe(0);
    expect(ink(chartRenderOptions().font ?? {})).toBeGreaterThan(200);
  });
});
