// The handled-update memory of the channels: every update handled is remembered, for a while and up to a bound, so a replay gets no second answer;
// and the inbox of updates received by webhook, answered at once and handled in order, also after a restart.
import type { SharedData as Data, HandledUpdate } from "./schema.js";
import type { Store } from "./store.js";

/** How long a handled update is remembered: platforms have been seen replaying consumed updates. */
export const HANDLED_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Most updates remembered per channel (the oldest go first): days of traffic for one conference. */
export const HANDLED_KEEP = 5000;

export interface HandledLimits {
  ttlMs?: number;
  keep?: number;
}

function keyOf(entry: HandledUpdate | string): string {
  return typeof entry === "string" ? entry : entry.key;
}

/** The keys remembered as handled for a channel, oldest first (the inbox not included). */
export function handledKeys(data: Data, channel: string): string[] {
  return (data.handledUpdates[channel] ?? []).filter((e) => !isReceived(e)).map(keyOf);
}

function isReceived(entry: HandledUpdate | string): boolean {
  return typeof entry !== "string" && entry.received !== undefined;
}

/** Whether an update of this channel was handled and is still remembered (an expired one is not). */
export function wasHandled(data: Data, channel: string, key: string, now: Date, limits: HandledLimits = {}): boolean {
  const ttl = limits.ttlMs ?? HANDLED_TTL_MS;
  const list = data.handledUpdates[channel];
  if (!list) return false;
  // Newest last: a replay is nearly always of a recent update.
  for (let i = list.length - 1; i >= 0; i--) {
    const entry = list[i] as HandledUpdate | string;
    if (keyOf(entry) !== key) continue;
    // Received and not handled yet: the inbox will handle it.
    if (isReceived(entry)) return false;
    // An entry without a time was written before times were kept: it counts until it is pruned.
    return typeof entry === "string" || now.getTime() - Date.parse(entry.at) < ttl;
  }
  return false;
}

/** Whether an update is in the inbox: received, answered, not handled yet. */
export function wasReceived(data: Data, channel: string, key: string): boolean {
  return (data.handledUpdates[channel] ?? []).some((e) => isReceived(e) && keyOf(e) === key);
}

/** The inbox of a channel: updates received and not handled yet, in the order they came. */
export function receivedUpdates(data: Data, channel: string): Array<{ key: string; update: unknown }> {
  return (data.handledUpdates[channel] ?? []).filter(isReceived).map((e) => ({ key: keyOf(e), update: (e as HandledUpdate).received }));
}

/**
 * Keeps a received update for handling (a webhook answers once this is on disk). Returns false,
 * changing nothing, when it was handled or received already. Received updates are never pruned.
 */
export function receiveUpdate(store: Store, channel: string, key: string, update: unknown, now: Date, limits: HandledLimits = {}): Promise<boolean> {
  if (wasHandled(store.data, channel, key, now, limits) || wasReceived(store.data, channel, key)) return Promise.resolve(false);
  return store.mutate((d) => {
    if (wasHandled(d, channel, key, now, limits) || wasReceived(d, channel, key)) return false;
    const list = d.handledUpdates[channel] ?? [];
    list.push({ key, at: now.toISOString(), received: update });
    d.handledUpdates[channel] = list;
    return true;
  });
}

/** Takes an update out of the inbox without remembering it as handled (it was passed over). */
export function dropReceived(store: Store, channel: string, key: string): Promise<void> {
  if (!wasReceived(store.data, channel, key)) return Promise.resolve();
  return store.mutate((d) => {
    const list = d.handledUpdates[channel];
    if (list) d.handledUpdates[channel] = list.filter((e) => !(isReceived(e) && keyOf(e) === key));
  });
}

/**
 * Adds a key to a channel's memory inside a change (`store.mutate`), dropping what expired and
 * the oldest beyond the bound. An entry without a time is given `now`, so it expires in turn.
 */
export function rememberHandled(data: Data, channel: string, key: string | string[], now: Date, limits: HandledLimits = {}): void {
  const ttl = limits.ttlMs ?? HANDLED_TTL_MS;
  const keep = limits.keep ?? HANDLED_KEEP;
  const at = now.toISOString();
  const keys = new Set(Array.isArray(key) ? key : [key]);
  const fresh: HandledUpdate[] = [];
  const inbox: HandledUpdate[] = [];
  for (const entry of data.handledUpdates[channel] ?? []) {
    const e = typeof entry === "string" ? { key: entry, at } : entry;
    if (keys.has(e.key)) continue;
    if (isReceived(e)) inbox.push(e);
    else if (now.getTime() - Date.parse(e.at) < ttl) fresh.push(e);
  }
  for (const k of keys) fresh.push({ key: k, at });
  // The bound counts handled updates; what waits in the inbox is kept whatever its number.
  if (fresh.length > keep) fresh.splice(0, fresh.length - keep);
  data.handledUpdates[channel] = [...fresh, ...inbox];
}

/** Records that an update (or several) was handled; resolves once it is on disk. */
export function recordHandled(store: Store, channel: string, key: string | string[], now: Date, limits?: HandledLimits): Promise<void> {
  return store.mutate((d) => rememberHandled(d, channel, key, now, limits));
}
