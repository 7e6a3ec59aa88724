// The soak's desk leg (issue 21): an organizer signs in to /ban-to-chuc/ with a link from
// `hoinghi desk-link`, answers on behalf of units, uploads the sample score table, confirms and
// publishes it, while the faults and kills run. A kill ends the session (sessions live in memory):
// the organizer then asks for a new link, as a person would. Every loop is bounded in count and time.
// At the end, check() says which acknowledged desk changes are missing from the store.
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "../src/config/paths.js";
import type { Data } from "../storage/schema.js";

const SAMPLE = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");
/** How long one desk request may take before it counts as cut (a kill, a restart). */
const REQUEST_MS = 10_000;

export interface DeskAttempt {
  what: "answer" | "import" | "publish";
  unit?: string;
  seat?: string;
  value: string;
  sentAt: number;
  ackAt?: number;
}

export interface DeskLeg {
  attempts: DeskAttempt[];
  signIns: number;
  signInFailures: number;
  /** The first answer of each kind that did not acknowledge its change (status and the page's sentence), to see refusals. */
  unacked: Map<string, string>;
  run(until: number): Promise<void>;
  /** The acknowledged desk changes not found in the store. */
  check(data: Data): string[];
  summary(): string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `hoinghi desk-link` as the operator runs it beside the running bot: the link's path and query. */
function deskLink(env: Record<string, string>): Promise<string | undefined> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [path.join(ROOT, "bin", "hoinghi.js"), "desk-link"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "warn", ...env },
      stdio: ["ignore", "pipe", "ignore"],
    });
    let out = "";
    const guard = setTimeout(() => p.kill("SIGKILL"), 20_000);
    p.stdout?.on("data", (c: Buffer) => (out += c.toString()));
    p.on("error", () => resolve(undefined));
    p.on("exit", () => {
      clearTimeout(guard);
      resolve(/\/ban-to-chuc\/vao\?t=\S+/.exec(out)?.[0]);
    });
  });
}

export function deskLeg(options: { port: number; env: Record<string, string>; units: Array<{ unit: string; seat: string }> }): DeskLeg {
  const origin = `http://127.0.0.1:${options.port}`;
  let cookie = "";
  const leg: DeskLeg = { attempts: [], signIns: 0, signInFailures: 0, unacked: new Map(), run, check, summary };

  /** One request, bounded; undefined when the bot is down or the request was cut. */
  async function send(p: string, init: RequestInit = {}): Promise<{ status: number; body: string; headers: Headers } | undefined> {
    try {
      const headers = new Headers(init.headers);
      if (cookie) headers.set("cookie", cookie);
      const res = await fetch(origin + p, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(REQUEST_MS) });
      return { status: res.status, body: await res.text(), headers: res.headers };
    } catch {
      return undefined;
    }
  }

  async function signIn(): Promise<boolean> {
    const link = await deskLink(options.env);
    const shown = link ? await send(link) : undefined;
    const token = shown?.status === 200 ? /name="t" value="([^"]+)"/.exec(shown.body)?.[1] : undefined;
    const res = token ? await send("/ban-to-chuc/vao", { method: "POST", body: new URLSearchParams({ t: token.replace(/&amp;/g, "&") }) }) : undefined;
    const set = res?.status === 303 ? res.headers.get("set-cookie") : null;
    if (!set) {
      leg.signInFailures += 1;
      return false;
    }
    cookie = set.split(";")[0] ?? "";
    leg.signIns += 1;
    return true;
  }

  /** A page's CSRF token (and the page); a 401 means the session ended with a kill. */
  async function open(p: string): Promise<{ csrf: string; body: string } | undefined> {
    const res = await send(p);
    if (res?.status === 401) cookie = "";
    const csrf = res?.status === 200 ? /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1] : undefined;
    return csrf && res ? { csrf, body: res.body } : undefined;
  }

  /** One change: posted, acknowledged when the answer is 200 and says `done`. */
  async function change(a: Omit<DeskAttempt, "sentAt">, p: string, body: URLSearchParams | FormData, done: RegExp): Promise<string | undefined> {
    const at: DeskAttempt = { ...a, sentAt: Date.now() };
    leg.attempts.push(at);
    const res = await send(p, { method: "POST", body });
    if (res?.status !== 200 || !done.test(res.body)) {
      const said = res ? `${res.status} ${/class="(?:refusal|notice)">([^<]*)/.exec(res.body)?.[1] ?? ""}` : "cut";
      if (!leg.unacked.has(a.what)) leg.unacked.set(a.what, said.slice(0, 200));
      return undefined;
    }
    at.ackAt = Date.now();
    return res.body;
  }

  async function answer(n: number): Promise<void> {
    const target = options.units[n % options.units.length];
    const page = target && (await open("/ban-to-chuc/don-vi"));
    if (!target || !page) return;
    const value = `Bận công tác đợt số ${n} (ghi tại bàn làm việc)`;
    const body = new URLSearchParams({ _csrf: page.csrf, seat: target.seat, status: "absent", text: value });
    await change({ what: "answer", unit: target.unit, seat: target.seat, value }, `/ban-to-chuc/don-vi/${target.unit}/tra-loi`, body, /Đã ghi trả lời/);
  }

  /** Upload, confirm (by the preview's id), publish: each step acknowledged on its own. */
  async function scores(): Promise<void> {
    const imported = leg.attempts.some((a) => a.what === "import" && a.ackAt);
    if (!imported) {
      const page = await open("/ban-to-chuc/chi-so");
      if (!page) return;
      const upload = new FormData();
      upload.set("_csrf", page.csrf);
      upload.set("file", new Blob([await readFile(SAMPLE)], { type: "text/csv" }), path.basename(SAMPLE));
      const preview = await send("/ban-to-chuc/chi-so/tai-len", { method: "POST", body: upload });
      const id = preview?.status === 200 ? /name="preview" value="([^"]+)"/.exec(preview.body)?.[1] : undefined;
      if (!id) return;
      await change({ what: "import", value: "2023" }, "/ban-to-chuc/chi-so/xac-nhan", new URLSearchParams({ _csrf: page.csrf, preview: id }), /Đã thay thế bảng điểm: năm 2023/);
      return;
    }
    const page = await open("/ban-to-chuc/chi-so");
    const importedAt = page ? /name="importedAt" value="([^"]+)"/.exec(page.body)?.[1] : undefined;
    if (!page || !importedAt) return;
    await change({ what: "publish", value: importedAt }, "/ban-to-chuc/chi-so/cong-bo", new URLSearchParams({ _csrf: page.csrf, importedAt }), /Đã công bố kết quả Chỉ số CCHC năm 2023/);
  }

  async function run(until: number): Promise<void> {
    for (let n = 0; n < 10_000 && Date.now() < until; n++) {
      if (!cookie && !(await signIn())) {
        await sleep(1000);
        continue;
      }
      const published = leg.attempts.some((a) => a.what === "publish" && a.ackAt);
      if (!published && n % 3 === 1) await scores();
      else await answer(n);
      await sleep(300 + Math.random() * 1200);
    }
  }

  function check(data: Data): string[] {
    const lost: string[] = [];
    for (const { unit, seat } of options.units) {
      const mine = leg.attempts.filter((a) => a.what === "answer" && a.unit === unit && a.seat === seat);
      const last = mine.filter((a) => a.ackAt !== undefined).sort((a, b) => (a.ackAt ?? 0) - (b.ackAt ?? 0)).at(-1);
      if (!last) continue;
      // The acknowledged one, or one sent after it was (cut before its answer came back).
      const candidates = mine.filter((a) => !(a.ackAt !== undefined && a.ackAt < last.sentAt)).map((a) => a.value);
      const stored = data.rsvps.find((r) => r.unitId === unit && r.seatId === seat)?.reason;
      if (!stored || !candidates.includes(stored)) lost.push(`desk answer for ${unit}/${seat}: stored ${stored ?? "nothing"}`);
    }
    if (leg.attempts.some((a) => a.what === "import" && a.ackAt) && data.scores.current?.year !== 2023) lost.push("desk score import: no 2023 table stored");
    if (leg.attempts.some((a) => a.what === "publish" && a.ackAt) && !data.scores.publishedAt) lost.push("desk publish: not published in the store");
    return lost;
  }

  function summary(): string {
    const count = (what: DeskAttempt["what"]) => {
      const list = leg.attempts.filter((a) => a.what === what);
      return `${what} ${list.filter((a) => a.ackAt).length}/${list.length}`;
    };
    const unacked = [...leg.unacked].map(([what, said]) => `${what}: ${said}`).join("; ");
    return `sign-ins ${leg.signIns} (failed ${leg.signInFailures}); ${count("answer")}, ${count("import")}, ${count("publish")}${unacked ? ` (first not acknowledged: ${unacked})` : ""}`;
  }

  return leg;
}
