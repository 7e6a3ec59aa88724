// `hoinghi start`: every configured channel in one process on one store; the console when none is.
import { createLogger } from "../lib/logger.js";
import { createApp } from "./app.js";
import { CHANNELS, type RunningChannel } from "./channels.js";
import type { CliIo } from "./cli-core.js";
import { loadConfig } from "./config.js";

export type { ChannelStarter, RunningChannel } from "./channels.js";

export async function startAll(io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  // The console chat shares the terminal with the logs: only warnings there, unless LOG_LEVEL says otherwise.
  const consoleOnly = !config.telegram && !config.zalo;
  const logger = createLogger(consoleOnly && !io.env.LOG_LEVEL ? "warn" : config.logLevel);
  const app = await createApp({ config, logger });
  const t = app.services.i18n.forLanguage(config.defaultLanguage);
  const running: RunningChannel[] = [];
  for (const entry of CHANNELS) {
    const channel = await entry.start(app);
    if (channel) running.push(channel);
  }
  if (running.length === 0) {
    io.err(t("cli-channels-none"));
    const { runConsole } = await import("../channels/console/console.js");
    await runConsole(app, { input: io.stdin, output: io.stdout });
    await app.close();
    return 0;
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      for (const c of running) await c.stop().catch((err) => logger.error({ err, channel: c.name }, "stop failed"));
      await app.close();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  });
  return 0;
}
