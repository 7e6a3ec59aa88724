// `hoinghi start`: every configured channel in one process on one store; the console when none is.
import { createLogger } from "../lib/logger.js";
import { type App, createApp } from "./app.js";
import { consoleDeps } from "./channel-deps.js";
import { CHANNELS, logUpdateModes } from "./channels.js";
import type { Channel } from "../channels/lifecycle.js";
import type { CliIo } from "./cli-core.js";
import { loadConfig } from "./config.js";
import { mountSites } from "./sites.js";
import { startSpoolRunner } from "./spool-runner.js";


export async function startAll(io: CliIo): Promise<number> {
  const config = loadConfig(io.env);
  // The console chat shares the terminal with the logs: only warnings there, unless LOG_LEVEL says otherwise.
  const consoleOnly = !config.telegram && !config.zalo;
  const logger = createLogger(consoleOnly && !io.env.LOG_LEVEL ? "warn" : config.logLevel);
  const app = await createApp({ config, logger });
  logUpdateModes(config, logger);
  // What loading left behind (the store file's text, some 5 MB; the copies its check made) is let
  // go now, while nobody waits, rather than whenever the heap next fills: otherwise it stays
  // resident and the bot's peak memory is the start's. `npm start` gives node --expose-gc for it;
  // elsewhere (tests, tsx) there is no gc() and nothing is done.
  (globalThis as { gc?: () => void }).gc?.();
  const t = app.services.i18n.forLanguage(config.defaultLanguage);
  // The one HTTP server runs whenever the bot does (desk, file links; webhooks join it), and tidies the files folder.
  const server = await app.http.listen().catch(async (err: NodeJS.ErrnoException) => {
    await app.close();
    if (err.code === "EADDRINUSE" || err.code === "EACCES" || err.code === "EADDRNOTAVAIL")
      // A plain message: the command line prints it as it is and exits 1.
      throw new Error(t("server-listen-failed", { port: String(config.port), host: config.host, code: err.code }));
    throw err;
  });
  // The organizers' desk under /ban-to-chuc/, the public page at /, the upload pages under /nop-tep/ (src/app/sites.ts).
  mountSites(app, server);
  const deskUrl = server.deskUrl();
  logger.info({ url: deskUrl }, "organizers' desk listening");
  io.err(t("server-desk-address", { url: deskUrl }));
  // What the command line hands over while the bot holds the store (import scores, issue codes).
  const requests = startSpoolRunner(app);
  const running = await startChannels(app).catch(async (err: unknown) => {
    await requests.stop();
    throw err;
  });
  if (running.length === 0) {
    io.err(t("cli-channels-none"));
    const { createConsoleChannel } = await import("../channels/console/console.js");
    const chat = createConsoleChannel(consoleDeps(app), { input: io.stdin, output: io.stdout });
    await chat.start();
    await chat.finished.finally(() => chat.stop());
    await requests.stop();
    await app.close();
    return 0;
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, "shutting down");
      await stopChannels(app, running);
      await requests.stop();
      // The HTTP server closes with the App, after the channels stopped taking updates.
      await app.close();
      resolve();
    };
    process.once("SIGINT", () => void stop("SIGINT"));
    process.once("SIGTERM", () => void stop("SIGTERM"));
  });
  return 0;
}

/** Every configured channel, made then started in the list's order; a start that fails stops those started and closes the App. */
async function startChannels(app: App): Promise<Channel[]> {
  const running: Channel[] = [];
  for (const entry of CHANNELS) {
    const channel = entry.create(app);
    if (!channel) continue;
    try {
      await channel.start();
    } catch (err) {
      await stopChannels(app, running);
      await app.close();
      throw err;
    }
    running.push(channel);
  }
  return running;
}

async function stopChannels(app: App, channels: Channel[]): Promise<void> {
  for (const c of channels) await c.stop().catch((err) => app.services.logger.error({ err, channel: c.name }, "stop failed"));
}
