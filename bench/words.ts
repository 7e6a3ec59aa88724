// `npm run words`: the share of the plain-words corpus (tests/fixtures/plain-words/*.tsv) the bot understands,
// per file and overall (goal: at least 97 %): phrasings typed with nothing asked, and answers to the bot's own questions.
import { answerUnderstandingOf, corpusFiles, loadCorpus, STEP_FILES, understandingOf } from "./words-corpus.js";

let total = 0;
let right = 0;
const misses: string[] = [];
for (const file of corpusFiles()) {
  const rows = loadCorpus(file);
  const ok = rows.filter((r) => {
    const got = STEP_FILES.has(file) ? answerUnderstandingOf(r.asked, r.typed) : understandingOf(r.typed, r.role);
    if (got !== r.expected) misses.push(`${file}:${r.line} ${r.role} "${r.typed}": expected ${r.expected}, got ${got}`);
    return got === r.expected;
  }).length;
  total += rows.length;
  right += ok;
  console.log(`${file}: ${ok}/${rows.length} understood (${((100 * ok) / rows.length).toFixed(1)} %)`);
}
const share = total === 0 ? 0 : (100 * right) / total;
console.log(`overall: ${right}/${total} understood (${share.toFixed(1)} %, goal ≥ 97 %)`);
for (const m of misses) console.log(`  miss ${m}`);
process.exitCode = share >= 97 ? 0 : 1;
