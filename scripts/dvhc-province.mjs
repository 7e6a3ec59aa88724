// Writes one province's part of the dvhcvn/20250701 mapping (mapping/merges.json) as the project ships it:
// `node scripts/dvhc-province.mjs MERGES.json 12 reference/dvhc-2025/lai-chau.json`. The units and their
// merges are copied as they are; the header says where they come from, `kinds` how a name tells its kind. Aliases (spellings of local
// documents beside the dataset's) are the project's own and kept from the file being replaced.
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const [source, code, out] = process.argv.slice(2);
if (!source || !code || !out) {
  console.error("usage: node scripts/dvhc-province.mjs MERGES.json PROVINCE-CODE OUT.json");
  process.exit(2);
}
const all = JSON.parse(readFileSync(source, "utf8"));
const province = all.data.find((p) => p.level1_id === code);
if (!province) {
  console.error(`no province ${code} in ${source}`);
  process.exit(1);
}
const kept = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : {};
const mapping = {
  dataset: "dvhcvn/20250701",
  file: "mapping/merges.json",
  licence: "MIT, Copyright (c) 2025 dvhcvn (LICENSE beside this file)",
  snapshot: "2026-12-06",
  effective: "2025-07-01",
  province: { level1_id: province.level1_id, name: province.name },
  level2s: province.level2s,
  aliases: kept.aliases ?? {},
  // The words that begin the dataset's names and the kind of unit each means (src/conference/reform.ts reads them).
  kinds: kept.kinds ?? { "xã": "commune", "phường": "ward", "thị trấn": "town", "đặc khu": "special_zone" },
};
writeFileSync(out, `${JSON.stringify(mapping, null, 1)}\n`);
console.log(`${out}: ${province.name}, ${province.level2s.length} units`);
