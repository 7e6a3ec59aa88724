// What a person is in the middle of (choices offered, a step waiting for text, a preview to confirm): one way to change it.
import type { AccountKey, Data, Session } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { fold } from "../lib/text.js";

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
export function rememberChoices(store: Store, key: AccountKey, setId: string, commands: string[], now: Date, labels?: string[]): Promise<void> {
  return editSession(store, key, (s) => {
    s.choices = { setId, commands, ...(labels && { labels }), offeredAt: now.toISOString() };
  });
}

/** A question (a step waiting for text, or words for numbered choices) left this long closes quietly. */
export const PROMPT_TTL_MS = 30 * 60_000;

/** Whether something offered at `offeredAt` is still open at `now`. */
export function promptOpen(offeredAt: string, now: Date): boolean {
  return now.getTime() - new Date(offeredAt).getTime() < PROMPT_TTL_MS;
}

/**
 * Which choice typed words name: the one choice whose label, folded and without spaces, begins with
 * them ("tham du" → "Tham dự", "vang" → "Vắng mặt", "co" → "Có, …"); none when several or none do.
 */
export function choiceByWords(labels: string[], typed: string): number | undefined {
  const words = fold(typed).replace(/[\s.!?,;:]+/g, "");
  if (words.length < 2) return undefined;
  const hits = labels.map((l, i) => [fold(l).replace(/[\s.!?,;:()]+/g, ""), i] as const).filter(([l]) => l.startsWith(words));
  return hits.length === 1 ? (hits[0] as readonly [string, number])[1] : undefined;
}
