// `npm run bench`: every figure with its goal, one line each, and the same as JSON in bench/results/latest.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../src/app/config.js";
import { benchBroadcast } from "./broadcast.js";
import { benchOverhead } from "./overhead.js";
import { benchRsvp } from "./rsvp.js";
import { benchStore } from "./store.js";

interface Figure {
  name: string;
  value: number;
  unit: string;
  goal: string;
  met: boolean;
  detail?: Record<string, unknown>;
}

const figures: Figure[] = [];
function report(f: Figure): void {
  figures.push(f);
  console.log(`${f.met ? "ok  " : "OVER"} ${f.name}: ${f.value.toFixed(3)} ${f.unit} (goal ${f.goal})`);
}

const overhead = await benchOverhead();
report({
  name: "read command overhead (/chuongtrinh via Telegram vs bare grammY)",
  value: overhead.ratio,
  unit: "x",
  goal: ">= 0.1",
  met: overhead.ratio >= 0.1,
  detail: { oursPerSecond: Math.round(overhead.ours), barePerSecond: Math.round(overhead.bare) },
});

for (const n of [100, 1_000, 10_000]) {
  const s = await benchStore(n);
  report({
    name: `group commit: 1,000 concurrent RSVPs / one durable rewrite, ${n} accounts`,
    value: s.ratio,
    unit: "x",
    goal: "<= 10",
    met: s.ratio <= 10,
    detail: { rewriteMs: +s.rewriteMs.toFixed(2), concurrentMs: +s.concurrentMs.toFixed(2), writes: s.writes },
  });
}

// How the cost grows: the same burst through the command layer (/dangky), as the store grows.
for (const n of [100, 1_000, 10_000]) {
  const r = await benchRsvp(n);
  report({
    name: `${Math.min(1000, n)} concurrent /dangky through the command layer / one durable rewrite, ${n} accounts`,
    value: r.ratio,
    unit: "x",
    goal: n === 10_000 ? "<= 10" : "(growth only)",
    met: n === 10_000 ? r.ratio <= 10 : true,
    detail: { rewriteMs: +r.rewriteMs.toFixed(2), concurrentMs: +r.concurrentMs.toFixed(2), writes: r.writes, answered: r.answered },
  });
}

for (const b of await benchBroadcast()) {
  report({
    name: `broadcast ${b.accounts} accounts on ${b.channel} at ${b.rate}/s: elapsed / (accounts/rate)`,
    value: b.ratio,
    unit: "x",
    goal: "<= 1.1",
    met: b.ratio <= 1.1,
    detail: { elapsedS: +b.elapsedS.toFixed(2), idealS: b.idealS, sent: b.sent },
  });
}

// Memory in a process of its own, running the compiled bot as `npm start` does.
const memory = JSON.parse(execFileSync(process.execPath, [path.join(ROOT, "dist", "bench", "memory.js"), "10000"], { encoding: "utf8" })) as {
  peakRssMb: number;
  accounts: number;
};
report({
  name: "peak RSS with 10,000 accounts and the score table loaded (compiled, as npm start runs)",
  value: memory.peakRssMb,
  unit: "MB",
  goal: "<= 150",
  met: memory.peakRssMb <= 150,
});

const out = path.join(ROOT, "bench", "results");
mkdirSync(out, { recursive: true });
const result = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, figures };
writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`results written to bench/results/latest.json`);
