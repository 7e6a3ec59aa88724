// Benchmark of the store: one durable rewrite against 1,000 concurrent acknowledged changes, and peak memory.
import * as fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import type { Account, Channel, RsvpAnswer } from "../storage/schema.js";
import { openStore } from "../storage/store.js";
import { withConference } from "../tests/helpers/conference-store.js";

export interface StoreBench {
  /** Median time of one change written alone (one full durable rewrite of the file). */
  rewriteMs: number;
  /** Time until 1,000 changes made at once are all acknowledged. */
  concurrentMs: number;
  /** concurrentMs / rewriteMs: group commit should keep it small (goal ≤ 10). */
  ratio: number;
  /** File writes the 1,000 concurrent changes took. */
  writes: number;
}

const CHANNELS: Channel[] = ["telegram", "zalo", "console"];
const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi"];
const GIVEN = ["Văn An", "Thị Bình", "Minh Châu", "Quốc Dũng", "Thu Hà", "Hữu Phúc", "Ngọc Lan", "Đức Thắng"];

/** A delegate's account, the same for every run (also the history bench's, bench/history.ts). */
export function sampleAccount(i: number): Account {
  const channel = CHANNELS[i % CHANNELS.length] ?? "telegram";
  const userId = String(100_000_000 + i * 7919);
  return {
    key: `${channel}:${userId}`,
    channel,
    userId,
    chatId: userId,
    displayName: `${FAMILY[i % FAMILY.length]} ${GIVEN[(i >> 3) % GIVEN.length]}`,
    language: i % 10 === 0 ? "en" : "vi",
    unitId: `unit-${(i % 120) + 1}`,
    joinedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    lastSeenAt: new Date(Date.UTC(2025, 1, 1) + i * 60_000).toISOString(),
  };
}

function sampleRsvp(i: number): RsvpAnswer {
  return {
    unitId: `unit-${(i % 120) + 1}`,
    seatId: `seat-${i}`,
    status: i % 5 === 0 ? "substitute" : "attend",
    name: "Trần Thị Bình",
    ...(i % 5 === 0 ? { position: "Phó trưởng phòng" } : {}),
    by: `telegram:${100_000_000 + i}`,
    at: new Date(Date.UTC(2025, 2, 1) + i * 1000).toISOString(),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export async function benchStore(accounts: number): Promise<StoreBench> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "hoinghi-bench-"));
  try {
    // The conference's view: the accounts are shared, the answers its own (one file each, storage/partitions.ts).
    const store = await withConference(await openStore({ dir }));
    const all = Array.from({ length: accounts }, (_, i) => sampleAccount(i));
    await store.mutate((d) => {
      for (const a of all) d.accounts[a.key] = a;
    });

    // One change at a time: each is a full rewrite of the file (serialize, write, fsync, rename).
    const samples: number[] = [];
    for (let rep = 0; rep < 9; rep++) {
      const key = all[rep % all.length]?.key;
      const at = new Date(Date.UTC(2025, 3, 1) + rep * 1000).toISOString();
      const t0 = performance.now();
      await store.mutate((d) => {
        const a = key ? d.accounts[key] : undefined;
        if (a) a.lastSeenAt = at;
      });
      samples.push(performance.now() - t0);
    }
    const rewriteMs = median(samples);

    // 1,000 people answering at the same moment, each acknowledged only once on disk.
    const answers = Array.from({ length: 1000 }, (_, i) => sampleRsvp(i));
    const writesBefore = store.writes;
    const t0 = performance.now();
    await Promise.all(answers.map((r) => store.mutate((d) => void d.rsvps.push(r))));
    const concurrentMs = performance.now() - t0;
    const writes = store.writes - writesBefore;

    return { rewriteMs, concurrentMs, ratio: concurrentMs / rewriteMs, writes };
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

/** Peak resident memory of this process so far, in MB (maxRSS is in kilobytes). */
export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const n of sizes.length ? sizes : [100, 1_000, 10_000]) {
    const r = await benchStore(n);
    const verdict = r.ratio <= 10 ? "ok" : "OVER";
    console.log(
      `store accounts=${n}: rewrite ${r.rewriteMs.toFixed(2)} ms (median of 9), ` +
        `1000 concurrent changes ${r.concurrentMs.toFixed(2)} ms in ${r.writes} write(s), ` +
        `ratio ${r.ratio.toFixed(2)} (goal <= 10: ${verdict})`,
    );
  }
  const rss = peakRssMb();
  console.log(`store peak RSS ${rss.toFixed(1)} MB (goal <= 150 MB: ${rss <= 150 ? "ok" : "OVER"})`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}
