// `npm run bench`: every figure with its goal, one line each, and the same as JSON in bench/results/latest.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../src/config/paths.js";
import { benchBroadcast } from "./broadcast.js";
import { benchHistory } from "./history.js";
import { benchMemory } from "./memory.js";
import { benchRsvp } from "./rsvp.js";
import { startCommand } from "./start-command.js";
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

// In a process of its own under npm start's node flags (bench/start-command.ts): a flag that
// saves memory and costs speed shows here, in our rate and in the bare bot's alike.
const overhead = JSON.parse(
  execFileSync(process.execPath, [...startCommand(ROOT).flags, "--import", "tsx", path.join(ROOT, "bench", "overhead.ts"), "--json"], { cwd: ROOT, encoding: "utf8" }),
) as { ours: number; bare: number; ratio: number };
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

// History (issue 26): one change, opening and peak RSS of stores with years of notices behind them,
// each against a fresh conference (1,000 accounts, 10 notices × 500 deliveries) in the same run.
const history = await benchHistory();
for (const row of history.rows) {
  const detail = { ms: +row.m.changeMs.toFixed(2), freshMs: +history.fresh.changeMs.toFixed(2), openMs: Math.round(row.m.openMs), freshOpenMs: Math.round(history.fresh.openMs), rssMb: +row.m.rssMb.toFixed(1), freshRssMb: +history.fresh.rssMb.toFixed(1), deliveriesInMemory: row.m.liveDeliveries };
  report({ name: `one change, ${row.scenario.name} / a fresh conference's`, value: row.change, unit: "x", goal: "<= 2", met: row.change <= 2, detail });
  report({ name: `opening the store, ${row.scenario.name} / a fresh conference's`, value: row.open, unit: "x", goal: "<= 2", met: row.open <= 2, detail });
  report({ name: `peak RSS (open and 9 changes), ${row.scenario.name} / a fresh conference's`, value: row.rss, unit: "x", goal: "<= 1.3", met: row.rss <= 1.3, detail });
}

// How the cost grows: the same burst through the command layer (/dangky), as the store grows.
for (const n of [100, 1_000, 10_000]) {
  const r = await benchRsvp(n);
  report({
    name: `${Math.min(1000, n)} concurrent /dangky through the command layer / one durable rewrite of every account, ${n} accounts`,
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
  detail: { oursMs: Math.round(startup.oursMs), bareMs: Math.round(startup.bareMs), plainBareMs: Math.round(startup.plainBareMs), runs: startup.runs },
});

// Memory of the bot as `npm start` runs it (the compiled code, the same node flags), started on a
// store of 10,000 accounts with the score table published (built beforehand, in another process),
// answering a burst of 500 /chuongtrinh and /diem from as many Telegram delegates through a
// loopback Bot API; the peak is the child's VmHWM. Baseline: a bare process holding grammY and
// the same store file, parsed, run with the same node flags (plain node's figure in the detail).
const memory = await benchMemory(ROOT);
report({
  name: "peak RSS of npm start with 10,000 accounts and the published score table, after 500 reads and a /xephang chart",
  value: memory.withChartMb,
  unit: "MB",
  goal: "<= 150",
  met: memory.withChartMb <= 150,
  detail: { answeringMb: +memory.answeringMb.toFixed(1), burstMs: Math.round(memory.burstMs), runs: memory.runs },
});
report({
  name: "peak RSS, 10,000 accounts and the score table, vs a bare process holding grammY and the same parsed store",
  value: memory.ratio,
  unit: "x",
  goal: "<= 1.15",
  met: memory.ratio <= 1.15,
  detail: { oursMb: +memory.answeringMb.toFixed(1), bareMb: +memory.bareMb.toFixed(1), plainBareMb: +memory.plainBareMb.toFixed(1), runs: memory.runs },
});

const out = path.join(ROOT, "bench", "results");
mkdirSync(out, { recursive: true });
const result = { at: new Date().toISOString(), node: process.version, cpus: os.cpus().length, figures };
writeFileSync(path.join(out, "latest.json"), `${JSON.stringify(result, null, 2)}\n`);
console.log(`results written to bench/results/latest.json`);
