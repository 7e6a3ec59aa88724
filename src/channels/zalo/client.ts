// A small typed client for the Zalo Bot Platform API (bot-api.zaloplatforms.com), kept free of the app.
//
// No maintained npm package exists for this API, so the project keeps its own. The contract it
// follows is the platform's documentation (bot.zaloplatforms.com/docs); where integrations
// disagree (one update or an array, wrapped or bare webhook bodies) it accepts both readings.
// It imports nothing from the rest of the project, so it can move into a package of its own.

export const DEFAULT_API_ROOT = "https://bot-api.zaloplatforms.com";

/**
 * sendPhoto's time limit: the platform may fetch the picture before it answers (OpenClaw allows
 * 150 s), and an answer cut short by a lower limit invites a second photo.
 */
export const PHOTO_TIMEOUT_MS = 150_000;

/** The bot itself, as `getMe` describes it. */
export interface ZaloBotInfo {
  id: string;
  account_name: string;
  account_type: string;
  can_join_groups: boolean;
}

export interface ZaloChat {
  id: string;
  /** "PRIVATE" or "GROUP". */
  chat_type?: string;
}

export interface ZaloSender {
  id: string;
  /** Which of the three name fields an account sends varies: read whichever is present. */
  display_name?: string;
  first_name?: string;
  name?: string;
  is_bot?: boolean;
}

export interface ZaloMessage {
  message_id: string;
  /** Milliseconds since the epoch (Telegram's is seconds). */
  date: number;
  chat: ZaloChat;
  from?: ZaloSender;
  text?: string;
  /** message.image.received: the picture's URL (as some integrations saw it; see photo_url). */
  photo?: string | unknown[] | Record<string, unknown>;
  /** message.image.received on the real service: the picture's URL. */
  photo_url?: string;
  /** "CHAT_PHOTO", "CHAT_STICKER", … as the real service sends it. */
  message_type?: string;
  /** Often "" on the real service. */
  caption?: string;
  /** message.sticker.received: the sticker's id (and its picture in `url`). */
  sticker?: string;
  url?: string;
}

/** Event names seen so far; any other must be treated as unsupported, never as an error. */
export type ZaloEventName =
  | "message.text.received"
  | "message.image.received"
  | "message.sticker.received"
  | "message.unsupported.received";

export interface ZaloUpdate {
  event_name: ZaloEventName | (string & {});
  message: ZaloMessage;
}

export interface ZaloWebhookInfo {
  url: string;
  updated_at?: number;
}

export interface ZaloSentMessage {
  message_id: string;
  date: number;
}

/** Every method with its parameters and its result. */
export interface ZaloMethods {
  getMe: { params: Record<string, never>; result: ZaloBotInfo };
  getUpdates: { params: { timeout?: string }; result: ZaloUpdate | ZaloUpdate[] };
  setWebhook: { params: { url: string; secret_token: string }; result: ZaloWebhookInfo };
  deleteWebhook: { params: Record<string, never>; result: ZaloWebhookInfo };
  getWebhookInfo: { params: Record<string, never>; result: ZaloWebhookInfo };
  sendMessage: { params: { chat_id: string; text: string }; result: ZaloSentMessage };
  sendPhoto: { params: { chat_id: string; photo: string; caption?: string }; result: ZaloSentMessage };
  sendChatAction: { params: { chat_id: string; action: "typing" }; result: boolean };
}

export type ZaloMethod = keyof ZaloMethods;

/**
 * The platform answered `{ ok: false }` (or an HTTP error): the method, the platform's error
 * code (the HTTP status when the body says none) and its description. 408 from getUpdates means
 * "nothing new"; 429 is a quota; 401 a bad token; 403 is documented as an internal error.
 */
export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
  ) {
    super(`Zalo ${method} failed: ${errorCode} ${description}`);
  }
}

/** The platform could not be reached, or did not answer in time (or the call was aborted). */
export class ZaloNetworkError extends Error {
  override readonly name = "ZaloNetworkError";
  constructor(
    readonly method: string,
    readonly reason: string,
    /** True when the caller's signal aborted the call (shutdown), not a failure. */
    readonly aborted = false,
  ) {
    super(`Zalo ${method}: ${reason}`);
  }
}

/** Shows a token by its first and last characters only. */
export function maskToken(token: string): string {
  if (token.length <= 8) return "***";
  return `${token.slice(0, 3)}…${token.slice(-2)}`;
}

export interface ZaloClientOptions {
  /** `<bot_id>:<secret>`, from the Zalo Bot Platform. */
  token: string;
  /** Default https://bot-api.zaloplatforms.com; a fake server in tests. */
  apiRoot?: string;
  /** Per-call time limit (default 20 s); getUpdates adds its long-poll time to it. */
  timeoutMs?: number;
  /** sendPhoto's time limit (default PHOTO_TIMEOUT_MS, 150 s). */
  photoTimeoutMs?: number;
  /** Replaced in tests; default the global fetch. */
  fetch?: typeof fetch;
}

export interface CallOptions {
  /** Aborts the call (shutdown); it then rejects with ZaloNetworkError { aborted: true }. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export class ZaloClient {
  readonly apiRoot: string;
  readonly #token: string;
  readonly #timeoutMs: number;
  readonly #photoTimeoutMs: number;
  readonly #fetch: typeof fetch;

  constructor(options: ZaloClientOptions) {
    if (!options.token) throw new Error("Zalo bot token is empty");
    this.#token = options.token;
    this.apiRoot = (options.apiRoot ?? DEFAULT_API_ROOT).replace(/\/+$/, "");
    this.#timeoutMs = options.timeoutMs ?? 20_000;
    this.#photoTimeoutMs = options.photoTimeoutMs ?? PHOTO_TIMEOUT_MS;
    this.#fetch = options.fetch ?? fetch;
  }

  /** The token as it may appear in logs. */
  get maskedToken(): string {
    return maskToken(this.#token);
  }

  /** Removes the token from any text (error messages of lower layers may quote the URL). */
  scrub(text: string): string {
    return text.split(this.#token).join(this.maskedToken);
  }

  /** Calls one method: POST JSON to `<apiRoot>/bot<token>/<method>`; the typed result or a typed error. */
  async call<M extends ZaloMethod>(method: M, params: ZaloMethods[M]["params"], options: CallOptions = {}): Promise<ZaloMethods[M]["result"]> {
    const timeout = AbortSignal.timeout(options.timeoutMs ?? this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.#fetch(`${this.apiRoot}/bot${this.#token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal,
      });
      text = await res.text();
    } catch (err) {
      if (options.signal?.aborted) throw new ZaloNetworkError(method, "aborted", true);
      if (timeout.aborted) throw new ZaloNetworkError(method, "timed out");
      throw new ZaloNetworkError(method, this.scrub(describe(err)));
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    const answer = typeof body === "object" && body !== null ? (body as { ok?: unknown; result?: unknown; error_code?: unknown; description?: unknown }) : undefined;
    if (answer && answer.ok === true && res.ok) return answer.result as ZaloMethods[M]["result"];
    if (answer && answer.ok === false) {
      const code = typeof answer.error_code === "number" ? answer.error_code : Number(answer.error_code) || res.status;
      const description = typeof answer.description === "string" ? answer.description : res.statusText;
      throw new ZaloApiError(method, code, this.scrub(description.slice(0, 300)));
    }
    if (!res.ok) throw new ZaloApiError(method, res.status, this.scrub(`HTTP ${res.status} ${res.statusText}`.trim()));
    throw new ZaloApiError(method, res.status, "answer is not the expected JSON");
  }

  getMe(options?: CallOptions): Promise<ZaloBotInfo> {
    return this.call("getMe", {}, options);
  }

  /**
   * Long-polls for updates: waits up to `timeout` seconds. Always returns a list (the platform
   * sends one update per call; an array has been reported too); an empty list when the platform
   * answered 408, "nothing new".
   */
  async getUpdates(params: { timeout?: number } = {}, options: CallOptions = {}): Promise<ZaloUpdate[]> {
    const seconds = params.timeout ?? 30;
    try {
      const result = await this.call(
        "getUpdates",
        { timeout: String(seconds) },
        { ...options, timeoutMs: options.timeoutMs ?? seconds * 1000 + this.#timeoutMs },
      );
      if (result === null || result === undefined) return [];
      return Array.isArray(result) ? result : [result];
    } catch (err) {
      // The real service answers an empty poll with HTTP 408 (the status, a body without error_code).
      if (err instanceof ZaloApiError && (err.errorCode === 408 || /request timeout/i.test(err.description))) return [];
      throw err;
    }
  }

  /** Starts webhook delivery to `url` (HTTPS), with `secret_token` (8–256 characters) in each request's header. */
  setWebhook(params: { url: string; secret_token: string }, options?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call("setWebhook", params, options);
  }

  /** Stops webhook delivery, so that getUpdates works again. */
  deleteWebhook(options?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call("deleteWebhook", {}, options);
  }

  getWebhookInfo(options?: CallOptions): Promise<ZaloWebhookInfo> {
    return this.call("getWebhookInfo", {}, options);
  }

  /** Sends a text of 1–2,000 characters. */
  sendMessage(params: { chat_id: string; text: string }, options?: CallOptions): Promise<ZaloSentMessage> {
    return this.call("sendMessage", params, options);
  }

  /** Sends a picture by URL (the platform fetches it, so the limit is PHOTO_TIMEOUT_MS); caption up to 2,000 characters. */
  sendPhoto(params: { chat_id: string; photo: string; caption?: string }, options: CallOptions = {}): Promise<ZaloSentMessage> {
    return this.call("sendPhoto", params, { ...options, timeoutMs: options.timeoutMs ?? this.#photoTimeoutMs });
  }

  sendChatAction(params: { chat_id: string; action: "typing" }, options?: CallOptions): Promise<boolean> {
    return this.call("sendChatAction", params, options);
  }
}

function describe(err: unknown): string {
  const e = err as { message?: string; cause?: { code?: string; message?: string } };
  const cause = e?.cause?.code ?? e?.cause?.message;
  return [e?.message ?? String(err), cause].filter(Boolean).join(": ");
}

/**
 * Downloads a file the platform linked (a received picture), with a time and size limit.
 * Throws ZaloNetworkError when it cannot.
 */
export async function downloadZaloFile(url: string, options: { maxBytes?: number; timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? 20_000_000;
  let res: Response;
  try {
    res = await (options.fetch ?? fetch)(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 30_000) });
  } catch (err) {
    throw new ZaloNetworkError("download", describe(err));
  }
  if (!res.ok || !res.body) throw new ZaloNetworkError("download", `HTTP ${res.status}`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > maxBytes) throw new ZaloNetworkError("download", `larger than ${maxBytes} bytes`);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
