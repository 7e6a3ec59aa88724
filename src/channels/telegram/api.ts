// grammY's bot and the two ways to the Bot API (with and without retries), and file downloads through getFile.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, Bot, HttpError, type Transformer } from "grammy";
import type { TelegramChannelOptions } from "./context.js";

/** Bot API servers hand out files of at most 20 MB through getFile. */
const MAX_DOWNLOAD = 20 * 1024 * 1024;

/** Auto-retry: a few attempts, never a wait longer than this many seconds (then the caller decides). */
const RETRY = { maxRetryAttempts: 3, maxDelaySeconds: 30 };

/**
 * Network failures are retried a couple of times, briefly; auto-retry is told to rethrow them
 * since it would otherwise retry them forever. getUpdates is left to grammY's polling loop.
 */
const retryNetwork: Transformer = async (prev, method, payload, signal) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      if (!(err instanceof HttpError) || method === "getUpdates" || signal?.aborted || attempt >= 2) throw err;
      await new Promise((r) => setTimeout(r, 1000 * 2 ** attempt));
    }
  }
};

/** The bot (its api with grammY's retries) and the notices' Api without them. */
export function createApis(token: string, apiRoot: string | undefined, options: TelegramChannelOptions): { bot: Bot; queueApi: Api } {
  const bot = new Bot(token, { botInfo: options.botInfo, client: apiRoot ? { apiRoot } : undefined });
  bot.api.config.use(...(options.transformers ?? []), autoRetry({ ...RETRY, rethrowHttpErrors: true }), retryNetwork);
  // The notices queue paces and retries its own sends (retry_after, back-off, bounded attempts):
  // its messages go through an Api without grammY's retries, so a retry never bypasses the pace.
  const queueApi = new Api(token, apiRoot ? { apiRoot } : undefined);
  if (options.transformers?.length) queueApi.config.use(...options.transformers);
  return { bot, queueApi };
}

/** Downloads a file by its file_id; never a message that could carry the URL (and so the token). */
export async function downloadFile(api: Api, token: string, apiRoot: string | undefined, fileId: string): Promise<Buffer> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new Error("getFile gave no file_path");
  if ((file.file_size ?? 0) > MAX_DOWNLOAD) throw new Error("file larger than the Bot API serves");
  // A local Bot API server started with --local gives a path on its own disk instead of a link.
  if (apiRoot && path.isAbsolute(file.file_path)) return readFile(file.file_path);
  const url = `${apiRoot ?? "https://api.telegram.org"}/file/bot${token}/${file.file_path}`;
  let res: Response;
  try {
    res = await fetch(url);
  } catch {
    // Not the cause's text: it may hold the URL, and the URL holds the token.
    throw new Error("file download failed: network error");
  }
  if (!res.ok) throw new Error(`file download failed: HTTP ${res.status}`);
  if (Number(res.headers.get("content-length") ?? 0) > MAX_DOWNLOAD) throw new Error("file larger than the Bot API serves");
  const data = Buffer.from(await res.arrayBuffer());
  if (data.length > MAX_DOWNLOAD) throw new Error("file larger than the Bot API serves");
  return data;
}
