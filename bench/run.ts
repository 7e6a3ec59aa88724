// `npm run bench`: every figure with its goal, one line each, and the same as JSON in bench/results/latest.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../src/app/config.js";
import { benchBroadcast } from "./broadcast.js";
import { benchOverhead } from "./overhead.js";
import { benchRsvp } from "./rsvp.js";
import { benchStartup } from "./startup.js";
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

// Start-up as `npm start` runs it (compiled code), against a bare grammY bot started the same way.
const startup = await benchStartup();
report({
  name: "start-up: process start to the first answered Telegram update (compiled), vs a bare grammY bot started the same way",
  value: startup.ratio,
  unit: "x",
  goal: "<= 2",
  met: startup.ratio <= 2,
  detail: { oursMs: Math.round(startup.oursMs), bareMs: Math.round(startup.bareMs), runs: startup.runs },
});

// Memory in a process of its own, running the compiled bot as `npm start` does; the store it built
// stays in memDir for the baseline process, which holds grammY and that same file, parsed.
const memDir = mkdtempSync(path.join(os.tmpdir(), "hoinghi-mem-"));
try {
  const node = (script: string, ...args: string[]) => JSON.parse(execFileSync(process.execPath, [path.join(ROOT, "dist", "bench", script), ...args], { encoding: "utf8" }));
  const memory = node("memory.js", "10000", memDir) as { peakRssMb: number; accounts: number };
  const bare = node("bare-memory.js", path.join(memDir, "hoinghi.json")) as { peakRssMb: number; accounts: number };
  report({
    name: "peak RSS with 10,000 accounts and the score table loaded (compiled, as npm start runs)",
    value: memory.peakRssMb,
    unit: "MB",
    goal: "<= 150",
    met: memory.peakRssMb <= 150,
  });
  const ratio = memory.peakRssMb / bare.peakRssMb;
  report({
    name: "peak RSS, 10,000 accounts and the score table, vs a bare process holding grammY and the same parsed store",
    value: ratio,
    unit: "x",
    goal: "<= 1.15",
    met: ratio <= 1.15,
    detail: { oursMb: +memory.peakRssMb.toFixed(1), bareMb: +bare.peakRssMb.toFixed(1), bareAccounts: bare.accounts },
  });
} finally {
  rmSync(memDir, { recursive: true, force: true });
}

const out = path.join(ROOT, "bench", "results");
mkdirSync(out, { recursive: true });
const result = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, figures };
writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`results written to bench/results/latest.json`);
