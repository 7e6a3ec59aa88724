// A second conference of the same district a year later (sample): the 2023 file with its id, titles and time changed.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { DEFAULT_CONFERENCE } from "../../src/config/paths.js";

export const ID_2025 = "phong-tho-2025";
export const TITLE_2025 = "Hội nghị Chỉ số CCHC năm 2025";

/** Writes the 2025 conference file (DỮ LIỆU MẪU: the 2023 plan moved two years on) into `dir`; returns its path. */
export async function write2025(dir: string, when = { start: "2027-06-20 08:00", place: "Hội trường UBND huyện" }): Promise<string> {
  const text = readFileSync(DEFAULT_CONFERENCE, "utf8")
    .replace(/^id: phong-tho-2023$/m, `id: ${ID_2025}`)
    .replace(/^title: ".*"$/m, 'title: "Hội nghị phân tích kết quả Chỉ số CCHC huyện Phong Thổ năm 2025 (DỮ LIỆU MẪU)"')
    .replace(/^short_title: ".*"$/m, `short_title: "${TITLE_2025}"`)
    .replace(/^ {2}start: null$/m, `  start: "${when.start}"`)
    .replace(/^ {2}place: null$/m, `  place: "${when.place}"`);
  const file = path.join(dir, `${ID_2025}.yaml`);
  await writeFile(file, text);
  return file;
}
