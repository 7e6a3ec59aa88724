// The handled-update memory of the channels: every update handled is remembered, for a while and up to a bound, so a replay gets no second answer.
import type { Data, HandledUpdate } from "./schema.js";
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

/** The keys remembered for a channel, oldest first. */
export function handledKeys(data: Data, channel: string): string[] {
  return (data.handledUpdates[channel] ?? []).map(keyOf);
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
    // An entry without a time was written before times were kept: it counts until it is pruned.
    return typeof entry === "string" || now.getTime() - Date.parse(entry.at) < ttl;
  }
  return false;
}

/**
 * Adds a key to a channel's memory inside a change (`store.mutate`), dropping what expired and
 * the oldest beyond the bound. An entry without a time is given `now`, so it expires in turn.
 */
export function rememberHandled(data: Data, channel: string, key: string, now: Date, limits: HandledLimits = {}): void {
  const ttl = limits.ttlMs ?? HANDLED_TTL_MS;
  const keep = limits.keep ?? HANDLED_KEEP;
  const at = now.toISOString();
  const fresh: HandledUpdate[] = [];
  for (const entry of data.handledUpdates[channel] ?? []) {
    const e = typeof entry === "string" ? { key: entry, at } : entry;
    if (e.key !== key && now.getTime() - Date.parse(e.at) < ttl) fresh.push(e);
  }
  fresh.push({ key, at });
  if (fresh.length > keep) fresh.splice(0, fresh.length - keep);
  data.handledUpdates[channel] = fresh;
}

/** Records that an update was handled; resolves once it is on disk. */
export function recordHandled(store: Store, channel: string, key: string, now: Date, limits?: HandledLimits): Promise<void> {
  return store.mutate((d) => rememberHandled(d, channel, key, now, limits));
}
