// The store with history (issue 26): one change, opening and peak memory after three years, and in a large conference, against a fresh conference in the same run.
//
// Each store is filled through the store API as the bot fills it (accounts joining, notices with
// one delivery per account, sent, acknowledged by some, their final count reported), then the
// planner's compaction runs at "now" as the bot's would. Each is then measured in a process of its
// own (peak RSS is a process's): open the store, make 9 changes one at a time (a delegate answers:
// an RSVP, their account seen, their session's choices cleared — the main file and two buckets).
//
//   tsx bench/history.ts            the three stores and their ratios
//   tsx bench/history.ts --measure <dir>   (internal) one measurement, as JSON
import { execFileSync } from "node:child_process";
import * as fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compactDeliveries } from "../src/domain/deliveries.js";
import type { Account, Data, Delivery, Notice } from "../storage/schema.js";
import { openStore, type Store } from "../storage/store.js";
import { withConference } from "../tests/helpers/conference-store.js";
import { sampleAccount } from "./store.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DAY = 86_400_000;
const NOW = Date.parse("2027-06-01T02:00:00.000Z");

export interface Scenario {
  name: string;
  accounts: number;
  notices: number;
  /** Deliveries per notice (≤ accounts): the first ones of the accounts. */
  perNotice: number;
  /** Days between the first notice and now; notices are spread evenly, the last one a day ago. */
  overDays: number;
}

export const FRESH: Scenario = { name: "a fresh conference: 1,000 accounts, 10 notices × 500 deliveries", accounts: 1000, notices: 10, perNotice: 500, overDays: 20 };
export const THREE_YEARS: Scenario = { name: "three years: 3,000 accounts, 600 notices × 500 deliveries", accounts: 3000, notices: 600, perNotice: 500, overDays: 3 * 365 };
export const LARGE: Scenario = { name: "10,000 accounts after 20 notices to all (200,000 deliveries)", accounts: 10_000, notices: 20, perNotice: 10_000, overDays: 100 };

function sampleNotice(n: number, s: Scenario): Notice {
  const sendAt = new Date(NOW - DAY - Math.round(((s.notices - 1 - n) * s.overDays * DAY) / Math.max(1, s.notices))).toISOString();
  return {
    id: `tb${String(n).padStart(4, "0")}`,
    kind: "broadcast",
    text: `Kính gửi các đồng chí: Ban tổ chức thông báo số ${n + 1} về việc chuẩn bị hội nghị, đề nghị các đơn vị xác nhận và nộp báo cáo đúng hạn. Trân trọng. (DỮ LIỆU MẪU)`,
    audience: "all",
    createdBy: "telegram:9001",
    createdAt: sendAt,
    sendAt,
    queuedAt: sendAt,
    ackable: true,
    reportedAt: new Date(Date.parse(sendAt) + 3_600_000).toISOString(),
    reportedCounts: { sent: s.perNotice, failed: 0, unreachable: 0, skipped: 0, pending: 0 },
  };
}

function sampleDelivery(notice: Notice, account: AccountKeyed, i: number): Delivery {
  const sentAt = new Date(Date.parse(notice.sendAt) + i * 40).toISOString();
  const d: Delivery = { noticeId: notice.id, account: account.key, state: i % 97 === 0 ? "unreachable" : "sent", attempts: 1 };
  if (d.state === "sent") d.sentAt = sentAt;
  else d.error = "Forbidden: bot was blocked by the user";
  if (i % 3 === 0 && d.state === "sent") d.ackAt = new Date(Date.parse(sentAt) + 600_000).toISOString();
  return d;
}

type AccountKeyed = { key: string };

/** Fills `dir` through the store API, then compacts as the planner does at NOW. */
export async function fill(dir: string, s: Scenario): Promise<void> {
  // As the conference of the store sees it (added here, so that the measure writes nothing at open).
  const store = await withConference(await openStore({ dir, verify: false }));
  const accounts = Array.from({ length: s.accounts }, (_, i) => sampleAccount(i));
  await store.mutate((d) => {
    for (const a of accounts) d.accounts[a.key] = a;
  });
  for (let n = 0; n < s.notices; n++) {
    const notice = sampleNotice(n, s);
    await store.mutate((d) => {
      d.notices.push(notice);
      for (let i = 0; i < s.perNotice; i++) d.deliveries.push(sampleDelivery(notice, accounts[i] as Account, i));
    });
  }
  await compactDeliveries(store, new Date(NOW));
  await store.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Measured {
  openMs: number;
  changeMs: number;
  rssMb: number;
  liveDeliveries: number;
  notices: number;
}

/** One delegate answers: an RSVP, their account seen, their session's choices cleared. */
async function oneChange(store: Store, rep: number): Promise<number> {
  const keys = Object.keys(store.data.accounts);
  const key = keys[(rep * 7919) % keys.length] as string;
  const at = new Date(NOW + rep * 1000).toISOString();
  const t0 = performance.now();
  await store.mutate((d: Data) => {
    d.rsvps.push({ unitId: "unit-1", seatId: `seat-${rep}`, status: "attend", name: "Trần Thị Bình", by: key, at });
    const a = d.accounts[key];
    if (a) a.lastSeenAt = at;
    delete d.sessions[key];
  });
  return performance.now() - t0;
}

async function measure(dir: string): Promise<Measured> {
  const t0 = performance.now();
  const store = await withConference(await openStore({ dir, verify: false }));
  const openMs = performance.now() - t0;
  const samples: number[] = [];
  for (let rep = 0; rep < 9; rep++) samples.push(await oneChange(store, rep));
  const out = { openMs, changeMs: median(samples), rssMb: process.resourceUsage().maxRSS / 1024, liveDeliveries: store.data.deliveries.length, notices: store.data.notices.length };
  await store.close();
  return out;
}

/** Measures `dir` in a process of its own (its peak RSS is this store's alone). */
function measureApart(dir: string): Measured {
  const out = execFileSync(process.execPath, ["--import", "tsx", path.join(HERE, "history.ts"), "--measure", dir], { cwd: path.dirname(HERE), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Measured;
}

export interface HistoryBench {
  fresh: Measured;
  rows: Array<{ scenario: Scenario; m: Measured; change: number; open: number; rss: number }>;
}

/** The fresh conference and the two stores with history, each measured three times (medians). */
export async function benchHistory(scenarios: Scenario[] = [THREE_YEARS, LARGE]): Promise<HistoryBench> {
  const root = await fsp.mkdtemp(path.join(os.tmpdir(), "hoinghi-history-"));
  try {
    const measured = new Map<Scenario, Measured>();
    for (const s of [FRESH, ...scenarios]) {
      const dir = path.join(root, String(measured.size));
      await fill(dir, s);
      const runs = [measureApart(dir), measureApart(dir), measureApart(dir)];
      const pick = (k: keyof Measured) => median(runs.map((r) => r[k]));
      measured.set(s, { openMs: pick("openMs"), changeMs: pick("changeMs"), rssMb: pick("rssMb"), liveDeliveries: pick("liveDeliveries"), notices: pick("notices") });
    }
    const fresh = measured.get(FRESH) as Measured;
    const rows = scenarios.map((scenario) => {
      const m = measured.get(scenario) as Measured;
      return { scenario, m, change: m.changeMs / fresh.changeMs, open: m.openMs / fresh.openMs, rss: m.rssMb / fresh.rssMb };
    });
    return { fresh, rows };
  } finally {
    await fsp.rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const at = process.argv.indexOf("--measure");
  if (at >= 0) {
    console.log(JSON.stringify(await measure(process.argv[at + 1] as string)));
  } else {
    const r = await benchHistory();
    const f = r.fresh;
    console.log(`fresh: change ${f.changeMs.toFixed(1)} ms, open ${f.openMs.toFixed(0)} ms, peak RSS ${f.rssMb.toFixed(0)} MB, ${f.liveDeliveries} deliveries in memory`);
    for (const row of r.rows) {
      const m = row.m;
      console.log(
        `${row.scenario.name}: change ${m.changeMs.toFixed(1)} ms (${row.change.toFixed(2)}x), open ${m.openMs.toFixed(0)} ms (${row.open.toFixed(2)}x), ` +
          `peak RSS ${m.rssMb.toFixed(0)} MB (${row.rss.toFixed(2)}x), ${m.liveDeliveries} deliveries in memory`,
      );
    }
  }
}
