// The command line beside a running bot, as the tests of tests/cli/ set it up.
import { spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import type { App } from "../../src/app/app.js";
import { startSpoolRunner } from "../../src/app/spool-runner.js";

/**
 * The running bot: `app` holds the store and runs its request runner (every 30 ms), and the store's lock
 * names another live process, so that to the command line it is a bot started from another terminal.
 */
export async function botRunning(app: App): Promise<{ stop(): Promise<void> }> {
  const runner = startSpoolRunner(app, 30);
  const bot = spawn("sleep", ["60"]);
  await writeFile(`${app.store.file}.lock`, String(bot.pid));
  return {
    async stop() {
      bot.kill();
      await runner.stop();
    },
  };
}
