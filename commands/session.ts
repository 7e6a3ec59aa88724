// What a person is in the middle of (choices offered, a step waiting for text, a preview to confirm): one way to change it.
import type { AccountKey, Data, Session } from "../storage/schema.js";
import type { Store } from "../storage/store.js";

/** Changes one account's session inside a store change; an emptied session is removed. */
export function editSession(d: Data, key: AccountKey, change: (s: Session) => void): void {
  const s = d.sessions[key] ?? {};
  change(s);
  if (Object.keys(s).length === 0) delete d.sessions[key];
  else d.sessions[key] = s;
}

/** Changes one account's session and resolves once that is on disk. */
export function saveSession(store: Store, key: AccountKey, change: (s: Session) => void): Promise<void> {
  return store.mutate((d) => editSession(d, key, change));
}
