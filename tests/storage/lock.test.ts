// Two processes on one store would lose each other's changes: the second is refused until the first is gone.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { openStore, StoreLocked } from "../../storage/store.js";

let dir = "";
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("refuses a store held by a running process, and takes it over once that process died", async () => {
  dir = await mkdtemp(path.join(tmpdir(), "hoinghi-lock-"));
  const script = `import { openStore } from ${JSON.stringify(path.resolve("storage/store.ts"))};
await openStore({ dir: ${JSON.stringify(dir)} });
console.log("OPEN");
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (b: Buffer) => b.toString().includes("OPEN") && resolve());
    child.on("exit", () => reject(new Error("child exited early")));
  });
  const refused = await openStore({ dir }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StoreLocked);
  expect((refused as StoreLocked).pid).toBe(child.pid);

  const exited = new Promise((r) => child.on("exit", r));
  child.kill("SIGKILL");
  await exited;
  const store = await openStore({ dir });
  await store.mutate((d) => {
    d.invites.push({ code: "ABCDEFGHJK", target: "muong-so", issuedAt: new Date().toISOString() });
  });
  await store.close();
  const again = await openStore({ dir });
  expect(again.data.invites).toHaveLength(1);
  await again.close();
});
