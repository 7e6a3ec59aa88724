// /xephang hands resvg a drawing with every unit's name and the project's font, never the machine's fonts.
import path from "node:path";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createTestApp, type TestApp } from "../helpers/app.js";
import { sampleBytes, sendTable } from "./helpers.js";

const calls = vi.hoisted(() => [] as Array<{ svg: string; options: unknown }>);

vi.mock("@resvg/resvg-js", async (importOriginal) => {
  const real = await importOriginal<typeof import("@resvg/resvg-js")>();
  return {
    ...real,
    renderAsync: (svg: string, options: Parameters<typeof real.renderAsync>[1]) => {
      calls.push({ svg, options });
      return real.renderAsync(svg, options);
    },
  };
});

let h: TestApp;
beforeEach(async () => {
  h = await createTestApp({ now: "2027-05-01T02:00:00Z" });
});
afterEach(async () => {
  await h.close();
});

it("renders the ranking of the imported table with the DejaVu font from node_modules and no system fonts", async () => {
  const org = h.organizer();
  await sendTable(org, sampleBytes(), "phong-tho-2023.sample.csv");
  await org.say("1");
  await org.say("/congbo xacnhan");
  await h.person("Khách").say("/xephang");
  expect(calls).toHaveLength(1);
  const { svg, options } = calls[0] as { svg: string; options: { font: { fontFiles: string[]; loadSystemFonts: boolean; defaultFontFamily: string } } };
  expect(options.font.loadSystemFonts).toBe(false);
  expect(options.font.defaultFontFamily).toBe("DejaVu Sans");
  for (const f of options.font.fontFiles) expect(f).toContain(`${path.sep}node_modules${path.sep}dejavu-fonts-ttf${path.sep}ttf${path.sep}`);
  for (const u of h.app.services.conference.units().filter((x) => x.kind !== "agency")) expect(svg).toContain(`>${u.name}</text>`);
  // The phone's picture (upright, 360 px): the title wrapped, naming the district.
  expect(svg).toContain(">Chỉ số CCHC năm 2023 các xã,</text>");
  expect(svg).toContain("huyện Phong Thổ");
  expect(svg).toContain("DỮ LIỆU MẪU — không phải kết quả chính thức");
  expect(svg).not.toContain("CHƯA CÔNG BỐ");
  // A second asker in the same language gets the same picture without drawing it again.
  await h.person("Khách 2").say("/xephang");
  expect(calls).toHaveLength(1);
});
