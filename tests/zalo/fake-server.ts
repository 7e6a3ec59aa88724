// A fake Zalo Bot API server for tests, following shared/zalo-bot-api.md: long polling, webhooks, injected failures;
// in "like the real service" mode it behaves as integrations observed the platform (replays, 408, 404, https, quota, real-shaped updates).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeCall {
  method: string;
  body: Record<string, unknown>;
  /** The HTTP status the fake answered. */
  status: number;
  at: number;
}

export interface ZaloUser {
  id: string;
  name: string;
}

interface Failure {
  status: number;
  times: number;
  description?: string;
  /** Answer with this HTTP status (default: the same as error_code). */
  httpStatus?: number;
}

export interface FakeZalo {
  /** The API root to give the client (ZALO_API_ROOT). */
  readonly url: string;
  /** In "like the real service" mode. */
  readonly real: boolean;
  readonly token: string;
  /** Every call, in order (getUpdates included). */
  readonly calls: FakeCall[];
  /** What the bot sent: sendMessage, sendPhoto, sendChatAction, accepted ones only. */
  readonly sent: FakeCall[];
  /** The webhook set by the bot, if any. */
  readonly webhook: { url: string; secret: string } | undefined;
  /** A user message queued for getUpdates (or posted to the webhook when one is set: use post()). */
  say(user: ZaloUser, text: string): Record<string, unknown>;
  /** Builds an update without queuing it. */
  update(user: ZaloUser, fields: Record<string, unknown>, event?: string): Record<string, unknown>;
  /** Queues updates for getUpdates: one per call, or an array as one answer. */
  queue(update: unknown): void;
  queueBatch(updates: unknown[]): void;
  /** Posts a body to the bot's webhook, with the right secret unless told otherwise. */
  post(body: unknown, options?: { secret?: string | null; wrap?: boolean }): Promise<{ status: number; body: string }>;
  /** The next `times` calls of `method` fail with this error code. */
  failNext(method: string, status: number, times?: number, options?: { description?: string; httpStatus?: number }): void;
  /** The next `times` calls of `method` are answered after `ms`. */
  slowNext(method: string, ms: number, times?: number): void;
  /** Texts sent to a chat, in order (photo captions as "[photo url] caption"). */
  textsTo(chatId: string): string[];
  /** Waits until `predicate` holds (checked on every call), or fails after `ms`. */
  waitFor(predicate: () => boolean, ms?: number): Promise<void>;
  /** Waits until `count` messages (sendMessage/sendPhoto) have reached `chatId`. */
  waitForMessages(chatId: string, count: number, ms?: number): Promise<string[]>;
  /** Serves bytes at a URL of the fake, as the platform serves a received picture. */
  hostFile(name: string, data: Buffer): string;
  /** getUpdates requests being held right now. */
  readonly polling: number;
  /** A real-shaped picture message (photo_url, message_type CHAT_PHOTO, caption "" unless given). */
  photo(user: ZaloUser, url: string, caption?: string): Record<string, unknown>;
  /** A real-shaped sticker (an id and its picture's url). */
  sticker(user: ZaloUser): Record<string, unknown>;
  /** A file or a location as the platform passes it: message.unsupported.received with no content. */
  unsupported(user: ZaloUser): Record<string, unknown>;
  /** A text from `user` in a group chat. */
  inGroup(user: ZaloUser, groupId: string, text: string): Record<string, unknown>;
  /** Messages accepted since the quota was last reset (sendMessage and sendPhoto). */
  readonly quotaUsed: number;
  /** A new month (or a raised plan): sending is accepted again. */
  resetQuota(): void;
  /** Sets a webhook as an earlier run would have left it. */
  leaveWebhook(url: string, secret?: string): void;
  close(): Promise<void>;
}

export interface FakeZaloOptions {
  token?: string;
  botName?: string;
  timeoutAs408Status?: number;
  /**
   * Like the real service, as integrations observed it: each consumed update comes back on the
   * next two polls; getWebhookInfo and deleteWebhook answer 404 when no webhook is set; webhook
   * URLs must be https://; an empty poll is HTTP 408 with a body without error_code; posted
   * webhook bodies are bare; real-shaped updates.
   */
  real?: boolean;
  /** Empty polls are answered with 408 at once instead of being held (the platform while busy). */
  emptyAtOnce?: boolean;
  /** Messages a "month" (sendMessage and sendPhoto); beyond it every send answers 429. */
  monthlyQuota?: number;
}

const SENDS = new Set(["sendMessage", "sendPhoto", "sendChatAction"]);
const METHODS = new Set(["getMe", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo", "sendMessage", "sendPhoto", "sendChatAction", "sendSticker"]);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startFakeZalo(options: FakeZaloOptions = {}): Promise<FakeZalo> {
  const real = options.real === true;
  const token = options.token ?? `${Date.now() % 1_000_000_000}:${randomBytes(12).toString("hex")}`;
  const calls: FakeCall[] = [];
  const sent: FakeCall[] = [];
  const pending: unknown[] = [];
  const failures = new Map<string, Failure[]>();
  const slow = new Map<string, Array<{ ms: number; times: number }>>();
  const waiters = new Set<() => void>();
  let webhook: { url: string; secret: string } | undefined;
  let msgCounter = 0;
  let sentCounter = 0;
  let holding = 0;
  let quotaUsed = 0;
  /** Real mode: consumed updates given again on the next polls. */
  const replays: unknown[] = [];
  // Long-poll requests waiting for an update.
  const pollers: Array<(answer: unknown) => void> = [];

  const notify = () => {
    for (const w of [...waiters]) w();
  };

  const reply = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded || res.destroyed) return;
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };

  const takeFailure = (method: string): Failure | undefined => {
    const list = failures.get(method);
    const f = list?.[0];
    if (!f) return undefined;
    f.times -= 1;
    if (f.times <= 0) list?.shift();
    return f;
  };

  const takeSlow = (method: string): number => {
    const list = slow.get(method);
    const s = list?.[0];
    if (!s) return 0;
    s.times -= 1;
    if (s.times <= 0) list?.shift();
    return s.ms;
  };

  function record(method: string, body: Record<string, unknown>, status: number) {
    const call = { method, body, status, at: Date.now() };
    calls.push(call);
    if (status === 200 && SENDS.has(method)) sent.push(call);
    notify();
  }

  /** The next update for a poll: a replay first (real mode), else a queued one (replayed twice in real mode). */
  function nextUpdate(): unknown {
    if (replays.length > 0) return replays.shift();
    if (pending.length === 0) return undefined;
    const u = pending.shift();
    if (real) replays.push(u, u);
    return u;
  }

  function deliverPending(): void {
    while (pollers.length > 0 && (pending.length > 0 || replays.length > 0)) {
      const poller = pollers.shift() as (answer: unknown) => void;
      poller(nextUpdate());
    }
  }

  const timeoutBody = () => (real ? { ok: false, description: "Request timeout" } : { ok: false, error_code: 408, description: "Request timeout" });

  const hosted = new Map<string, Buffer>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === "GET" && req.url?.startsWith("/files/")) {
      const data = hosted.get(req.url.slice("/files/".length));
      if (!data) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": "image/jpeg" }).end(data);
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec((req.url ?? "").split("?")[0] as string);
    const raw = await readBody(req);
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      record(m?.[2] ?? "?", {}, 400);
      return reply(res, 400, { ok: false, error_code: 400, description: "Bad request: body is not JSON" });
    }
    if (!m || !METHODS.has(m[2] as string)) {
      record(m?.[2] ?? "?", body, 404);
      return reply(res, 404, { ok: false, error_code: 404, description: "Not found" });
    }
    const method = m[2] as string;
    if (decodeURIComponent(m[1] as string) !== token) {
      record(method, body, 401);
      return reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const delay = takeSlow(method);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const failure = takeFailure(method);
    if (failure) {
      const status = failure.httpStatus ?? failure.status;
      record(method, body, status);
      return reply(res, status, { ok: false, error_code: failure.status, description: failure.description ?? `Injected error ${failure.status}` });
    }
    const ok = (result: unknown) => {
      record(method, body, 200);
      reply(res, 200, { ok: true, result });
    };
    const bad = (description: string) => {
      record(method, body, 400);
      reply(res, 400, { ok: false, error_code: 400, description });
    };
    const now = Date.now();
    if ((method === "sendMessage" || method === "sendPhoto") && options.monthlyQuota !== undefined && quotaUsed >= options.monthlyQuota) {
      record(method, body, 429);
      return reply(res, 429, { ok: false, error_code: 429, description: "Quota exceeded" });
    }
    const okSend = (result: unknown) => {
      quotaUsed += 1;
      ok(result);
    };
    switch (method) {
      case "getMe":
        return ok({ id: token.split(":")[0], account_name: options.botName ?? "hoinghi_test_bot", account_type: "BASIC", can_join_groups: false });
      case "setWebhook": {
        const url = body.url;
        const secret = body.secret_token;
        if (typeof url !== "string" || !(real ? /^https:\/\// : /^https?:\/\//).test(url)) return bad(real ? "url must be https" : "url is invalid");
        if (typeof secret !== "string" || secret.length < 8 || secret.length > 256) return bad("secret_token must be 8-256 characters");
        webhook = { url, secret };
        return ok({ url, updated_at: now });
      }
      case "deleteWebhook":
        if (real && !webhook) {
          record(method, body, 404);
          return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        }
        webhook = undefined;
        return ok({ url: "", updated_at: now });
      case "getWebhookInfo":
        if (real && !webhook) {
          record(method, body, 404);
          return reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        }
        return ok({ url: webhook?.url ?? "", updated_at: now });
      case "sendMessage": {
        const text = body.text;
        if (typeof body.chat_id !== "string" || !body.chat_id) return bad("chat_id is required");
        if (typeof text !== "string" || text.length < 1 || text.length > 2000) return bad("text must be 1-2000 characters");
        return okSend({ message_id: `out-${++sentCounter}`, date: now });
      }
      case "sendPhoto": {
        if (typeof body.chat_id !== "string" || !body.chat_id) return bad("chat_id is required");
        if (typeof body.photo !== "string" || !/^https?:\/\//.test(body.photo)) return bad("photo must be a URL");
        if (body.caption !== undefined && (typeof body.caption !== "string" || body.caption.length > 2000)) return bad("caption too long");
        return okSend({ message_id: `out-${++sentCounter}`, date: now });
      }
      case "sendChatAction":
        if (body.action !== "typing") return bad("action is invalid");
        return ok(true);
      case "getUpdates": {
        if (webhook) return bad("Webhook is set: getUpdates is not available");
        const seconds = Number(body.timeout ?? 30);
        const answer = await new Promise<unknown>((resolve) => {
          const next = nextUpdate();
          if (next !== undefined) return resolve(next);
          if (options.emptyAtOnce) return resolve(undefined);
          holding += 1;
          const timer = setTimeout(() => done(undefined), Math.max(0, seconds) * 1000);
          const done = (value: unknown) => {
            clearTimeout(timer);
            const i = pollers.indexOf(done);
            if (i >= 0) pollers.splice(i, 1);
            holding -= 1;
            resolve(value);
          };
          // The client gave up (shutdown): the update must not be handed to a closed request.
          res.on("close", () => {
            if (!res.writableEnded && pollers.includes(done)) done(undefined);
          });
          pollers.push(done);
          notify();
        });
        if (answer === undefined) {
          record(method, body, options.timeoutAs408Status ?? 408);
          return reply(res, options.timeoutAs408Status ?? 408, timeoutBody());
        }
        if (res.destroyed) {
          // The bot went away meanwhile: keep the update for the next poll.
          pending.unshift(answer);
          return;
        }
        return ok(answer);
      }
      default:
        return bad("unsupported");
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      reply(res, 500, { ok: false, error_code: 500, description: String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const MESSAGE_TYPES: Record<string, string> = {
    "message.text.received": "CHAT_TEXT",
    "message.image.received": "CHAT_PHOTO",
    "message.sticker.received": "CHAT_STICKER",
  };

  function update(user: ZaloUser, fields: Record<string, unknown>, event = "message.text.received"): Record<string, unknown> {
    msgCounter += 1;
    const type = MESSAGE_TYPES[event];
    return {
      event_name: event,
      message: {
        message_id: `m${msgCounter.toString(16).padStart(6, "0")}${randomBytes(4).toString("hex")}`,
        date: Date.now(),
        chat: { id: user.id, chat_type: "PRIVATE" },
        from: { id: user.id, display_name: user.name, is_bot: false },
        ...(real && type ? { message_type: type } : {}),
        ...fields,
      },
    };
  }

  const fake: FakeZalo = {
    url: `http://127.0.0.1:${port}`,
    real,
    token,
    calls,
    sent,
    get webhook() {
      return webhook;
    },
    get polling() {
      return holding;
    },
    say(user, text) {
      const u = update(user, { text });
      fake.queue(u);
      return u;
    },
    update,
    queue(u) {
      pending.push(u);
      deliverPending();
    },
    queueBatch(list) {
      pending.push(list);
      deliverPending();
    },
    async post(body, opts = {}) {
      if (!webhook) throw new Error("no webhook is set");
      const headers: Record<string, string> = { "content-type": "application/json" };
      const secret = opts.secret === undefined ? webhook.secret : opts.secret;
      if (secret !== null) headers["x-bot-api-secret-token"] = secret;
      const wrap = opts.wrap ?? !real;
      const payload = typeof body === "string" ? body : JSON.stringify(wrap ? { ok: true, result: body } : body);
      // In real mode the URL is https: the TLS proxy in front of the bot is left out, it is posted over http.
      const target = webhook.url.replace(/^https:\/\//, "http://");
      const res = await fetch(target, { method: "POST", headers, body: payload });
      return { status: res.status, body: await res.text() };
    },
    photo(user, url, caption = "") {
      return update(user, { photo_url: url, caption }, "message.image.received");
    },
    sticker(user) {
      return update(user, { sticker: "b2c6f3a1e5d84c7f", url: `http://127.0.0.1:${port}/stickers/b2c6f3a1e5d84c7f.png` }, "message.sticker.received");
    },
    unsupported(user) {
      return update(user, {}, "message.unsupported.received");
    },
    inGroup(user, groupId, text) {
      return update(user, { text, chat: { id: groupId, chat_type: "GROUP" } });
    },
    get quotaUsed() {
      return quotaUsed;
    },
    resetQuota() {
      quotaUsed = 0;
    },
    leaveWebhook(url, secret = "webhook-cu-2026") {
      webhook = { url, secret };
    },
    hostFile(name, data) {
      hosted.set(name, data);
      return `http://127.0.0.1:${port}/files/${name}`;
    },
    failNext(method, status, times = 1, opts = {}) {
      const list = failures.get(method) ?? [];
      list.push({ status, times, ...opts });
      failures.set(method, list);
    },
    slowNext(method, ms, times = 1) {
      const list = slow.get(method) ?? [];
      list.push({ ms, times });
      slow.set(method, list);
    },
    textsTo(chatId) {
      return sent
        .filter((c) => c.body.chat_id === chatId && c.method !== "sendChatAction")
        .map((c) => (c.method === "sendPhoto" ? `[photo ${String(c.body.photo)}]${c.body.caption ? ` ${String(c.body.caption)}` : ""}` : String(c.body.text)));
    },
    waitFor(predicate, ms = 10_000) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Zalo: condition not met within ${ms} ms`));
        }, ms);
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    async waitForMessages(chatId, count, ms) {
      await fake.waitFor(() => fake.textsTo(chatId).length >= count, ms);
      return fake.textsTo(chatId);
    },
    close() {
      for (const p of [...pollers]) p(undefined);
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return fake;
}

/** A free TCP port on 127.0.0.1 (for the bot's own webhook server, whose URL must be known before it starts). */
