// Whether a person can be reached on their channel: set when the platform says the bot was blocked or removed, cleared when they are back.
import type { AccountKey } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";

/**
 * Marks an account unreachable (the platform refused a message because the person blocked the
 * bot, or removed it from the chat). Keeps the first time it was seen; no write when nothing changes.
 * Returns whether the account changed.
 */
export async function markUnreachable(store: Store, account: AccountKey, now: Date): Promise<boolean> {
  const a = store.data.accounts[account];
  if (!a || a.unreachableSince) return false;
  return store.mutate((d) => {
    const found = d.accounts[account];
    if (!found || found.unreachableSince) return false;
    found.unreachableSince = now.toISOString();
    return true;
  });
}

/** Marks an account reachable again (the person allowed the bot back). Returns whether it changed. */
export async function markReachable(store: Store, account: AccountKey): Promise<boolean> {
  const a = store.data.accounts[account];
  if (!a?.unreachableSince) return false;
  return store.mutate((d) => {
    const found = d.accounts[account];
    if (!found?.unreachableSince) return false;
    delete found.unreachableSince;
    return true;
  });
}

/** Sets reachability either way (a membership update of the platform). */
export function setReachable(store: Store, account: AccountKey, reachable: boolean, now: Date): Promise<boolean> {
  return reachable ? markReachable(store, account) : markUnreachable(store, account, now);
}
