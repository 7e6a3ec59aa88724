// `npm run explore [-- --rounds N] [files…]`: runs the property suites (every test file under tests/
// that calls fc.assert or fc.check) on new random seeds, instead of the fixed seeds `npm test` uses.
// Each suite prints its seed; a failing one is replayed with PROPERTY_SEED=<seed> npx vitest run <file>,
// and once fixed, the seed joins the suite's fixed seeds (tests/helpers/seeds.ts).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function propertyFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return propertyFiles(p);
    return e.name.endsWith(".test.ts") && /\bfc\.(assert|check)\(/.test(readFileSync(p, "utf8")) ? [path.relative(root, p)] : [];
  });
}

const args = process.argv.slice(2);
const at = args.indexOf("--rounds");
const rounds = at >= 0 ? Number(args.splice(at, 2)[1]) : 1;
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds takes a whole number of rounds, 1 or more");
const files = args.length > 0 ? args : propertyFiles(path.join(root, "tests"));

let failed = 0;
for (let round = 1; round <= rounds; round++) {
  if (rounds > 1) console.log(`\n=== round ${round} of ${rounds}`);
  const run = spawnSync("npx", ["vitest", "run", ...files], { cwd: root, stdio: "inherit", env: { ...process.env, PROPERTY_EXPLORE: "1" } });
  if (run.status !== 0) failed += 1;
}
if (failed > 0) console.log(`\n${failed} of ${rounds} round(s) failed: replay the printed seed with PROPERTY_SEED=<seed> npx vitest run <file>.`);
process.exit(failed > 0 ? 1 : 0);
