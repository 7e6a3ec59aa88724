// kill -9 during an RSVP burst, ten times: every answer a delegate was told about is in the file, and the file loads.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { openStore } from "../../storage/store.js";
import { CONFERENCE } from "../helpers/conference-store.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../..");
let dir = "";
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function burstAndKill(run: number): Promise<{ acked: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", path.join(here, "rsvp-crash-child.ts"), dir, String(run)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    const acked: string[] = [];
    let partial = "";
    let stderr = "";
    let armed = false;
    const giveUp = setTimeout(() => proc.kill("SIGKILL"), 20_000);
    proc.stdout.setEncoding("utf8");
    proc.stdout.on("data", (chunk: string) => {
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) if (line.startsWith("ACK ")) acked.push(line.slice(4));
      if (!armed && acked.length >= 3) {
        armed = true;
        setTimeout(() => proc.kill("SIGKILL"), 30 + Math.floor(Math.random() * 300));
      }
    });
    proc.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
    });
    proc.on("error", reject);
    proc.on("close", (_code, signal) => {
      clearTimeout(giveUp);
      if (signal !== "SIGKILL") reject(new Error(`child ended on its own: ${stderr}`));
      else resolve({ acked, signal });
    });
  });
}

it("keeps every acknowledged /dangky through ten kill -9 in a row, and the file always loads", async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-rsvp-crash-"));
  const everAcked: string[] = [];
  for (let run = 0; run < 10; run++) {
    const { acked } = await burstAndKill(run);
    expect(acked.length).toBeGreaterThanOrEqual(3);
    everAcked.push(...acked);
    const store = await openStore({ dir });
    // The answers of the conference the bot serves (the default CONFERENCE_FILE), in its own file.
    const kept = new Set((store.data.conferences[CONFERENCE]?.rsvpHistory ?? []).map((r) => r.name));
    expect(everAcked.filter((name) => !kept.has(name))).toEqual([]);
    await store.close();
  }
  expect(everAcked.length).toBeGreaterThanOrEqual(30);
  // Ten child processes each load the whole bot (tsx compiles it): on two busy cores this takes
  // longer than the default limit. The limit only stops a hung run; nothing here measures speed.
}, 120_000);
