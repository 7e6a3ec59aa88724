// What a person is in the middle of (choices offered, a step waiting for text, a preview to confirm): one way to change it.
import type { AccountKey, Data, Session } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";

/** Changes one account's session inside a store change of the domain; an emptied session is removed. */
export function changeSession(d: Data, key: AccountKey, change: (s: Session) => void): void {
  const s = d.sessions[key] ?? {};
  change(s);
  if (Object.keys(s).length === 0) delete d.sessions[key];
  else d.sessions[key] = s;
}

/** Changes one account's session and resolves once that is on disk. */
export function editSession(store: Store, key: AccountKey, change: (s: Session) => void): Promise<void> {
  return store.mutate((d) => changeSession(d, key, change));
}

/** Forgets everything the account was in the middle of; false when there was nothing. */
export async function clearSession(store: Store, key: AccountKey): Promise<boolean> {
  if (!store.data.sessions[key]) return false;
  await store.mutate((d) => {
    delete d.sessions[key];
  });
  return true;
}

/** Ends the step that waited for free text, if any. */
export function endAwaiting(store: Store, key: AccountKey): Promise<void> {
  return editSession(store, key, (s) => {
    delete s.awaiting;
  });
}

/** Waits for free text that `command` (a command line) completes, as the next plain message. */
export function awaitText(store: Store, key: AccountKey, awaiting: { command: string; prompt: string }, now: Date): Promise<void> {
  return editSession(store, key, (s) => {
    s.awaiting = { command: awaiting.command, prompt: awaiting.prompt, offeredAt: now.toISOString() };
  });
}

/** Remembers the numbered choices last offered, so that a number or a button press runs one. */
export function rememberChoices(store: Store, key: AccountKey, setId: string, commands: string[], now: Date): Promise<void> {
  return editSession(store, key, (s) => {
    s.choices = { setId, commands, offeredAt: now.toISOString() };
  });
}
