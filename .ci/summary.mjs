// Prints "N passed, M failed" from vitest's JSON report; exits 1 when the report is missing or empty.
// `--soak=failed` (the one-minute soak of .ci/run failed) counts as one more failed check.
// M counts failed tests, plus each test file that failed without a failed test (it did not load,
// or a hook failed), so a broken file is never silent and a failed test is never counted twice.
import { readFileSync } from "node:fs";

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const brokenFiles = (report.testResults ?? []).filter(
  (f) => f.status === "failed" && !(f.assertionResults ?? []).some((a) => a.status === "failed"),
).length;
const soakFailed = process.argv.includes("--soak=failed");
if (soakFailed) console.log("soak: FAILED (counted below as 1 failed)");
const failed = (report.numFailedTests ?? 0) + brokenFiles + (soakFailed ? 1 : 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(passed > 0 && failed === 0 ? 0 : 1);
