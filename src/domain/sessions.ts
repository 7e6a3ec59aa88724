// What a person is in the middle of (choices offered, a step waiting for text, a speech being collected):
// each change of it is one function below, taking typed values. A step is a value of the chat
// (commands/steps.ts: its kinds and shapes); the store keeps it as a StoredStep.
import type { AccountKey, Data, Session, StoredStep } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { fold } from "../lib/text.js";

/** Which waiting step to end: the kind of step (`"speech.collect"`); left out, whichever step waits. */
export type AwaitingToEnd = string;

// ---- Inside a write of the domain (the session changes with what it belongs to, or not at all) ----

/** The session of `key` inside a write, made if absent; `tidy` removes it again once it is empty. */
function sessionIn(d: Data, key: AccountKey): Session {
  d.sessions[key] ??= {};
  return d.sessions[key];
}

function tidy(d: Data, key: AccountKey): void {
  const s = d.sessions[key];
  if (s && Object.keys(s).length === 0) delete d.sessions[key];
}

/** Whether `step` is the waiting step `which` names. */
function matches(step: StoredStep, which: AwaitingToEnd | undefined): boolean {
  return which === undefined || step.kind === which;
}

/** Ends the waiting step `which` names (any, without it) inside a write. */
export function endAwaitingIn(d: Data, key: AccountKey, which?: AwaitingToEnd): void {
  const s = d.sessions[key];
  if (!s?.awaiting || !matches(s.awaiting.step, which)) return;
  delete s.awaiting;
  tidy(d, key);
}

/** Waits for free text that `step` takes, inside a write; `dropChoices`: a number typed now is that text, not a pick. */
export function awaitStepIn(d: Data, key: AccountKey, step: StoredStep, prompt: string, now: Date, options: { dropChoices?: boolean } = {}): void {
  const s = sessionIn(d, key);
  s.awaiting = { step, prompt, offeredAt: now.toISOString() };
  if (options.dropChoices) delete s.choices;
}

/** Forgets the choices offered, inside a write (numbers typed from now on are text, not picks). */
export function dropChoicesIn(d: Data, key: AccountKey): void {
  const s = d.sessions[key];
  if (!s?.choices) return;
  delete s.choices;
  tidy(d, key);
}

/** Ends the draft collected over several messages, inside a write. */
export function endCollectingIn(d: Data, key: AccountKey): void {
  const s = d.sessions[key];
  if (!s?.collecting) return;
  delete s.collecting;
  tidy(d, key);
}

/** The draft being collected inside a write; `fresh` becomes it when none is open. */
export function collectingIn(d: Data, key: AccountKey, fresh: NonNullable<Session["collecting"]>): NonNullable<Session["collecting"]> {
  const s = sessionIn(d, key);
  s.collecting ??= fresh;
  return s.collecting;
}

// ---- One write each ----

/** Forgets everything the account was in the middle of; false when there was nothing. */
export async function clearSession(store: Store, key: AccountKey): Promise<boolean> {
  if (!store.data.sessions[key]) return false;
  await store.mutate((d) => {
    delete d.sessions[key];
  });
  return true;
}

/** Ends the step that waited for free text: the one `which` names, or any. Writes nothing when none waits. */
export async function endAwaiting(store: Store, key: AccountKey, which?: AwaitingToEnd): Promise<void> {
  const awaiting = store.data.sessions[key]?.awaiting;
  if (!awaiting || !matches(awaiting.step, which)) return;
  await store.mutate((d) => endAwaitingIn(d, key, which));
}

/** Forgets the numbered choices offered (a question answered to the end): writes nothing when none are. */
export async function dropChoices(store: Store, key: AccountKey): Promise<void> {
  if (!store.data.sessions[key]?.choices) return;
  await store.mutate((d) => dropChoicesIn(d, key));
}

/** Waits for free text that `step` takes as the next plain message; `prompt` is the message key that asked. */
export function awaitStep(store: Store, key: AccountKey, step: StoredStep, prompt: string, now: Date, options: { dropChoices?: boolean } = {}): Promise<void> {
  return store.mutate((d) => awaitStepIn(d, key, step, prompt, now, options));
}

/** Remembers the numbered choices last offered (set `setId`): the step of each, and its words, so that a number, a button or the words run one. */
export function offerChoices(store: Store, key: AccountKey, setId: string, steps: StoredStep[], labels: string[] | undefined, now: Date): Promise<void> {
  return store.mutate((d) => {
    sessionIn(d, key).choices = { setId, steps, ...(labels && { labels }), offeredAt: now.toISOString() };
  });
}

// ---- Reading ----

/** A question (a step waiting for text, or words for numbered choices) left this long closes quietly. */
export const PROMPT_TTL_MS = 30 * 60_000;

/** Whether something offered at `offeredAt` is still open at `now`. */
export function promptOpen(offeredAt: string, now: Date): boolean {
  return now.getTime() - new Date(offeredAt).getTime() < PROMPT_TTL_MS;
}

/** The kind of the step waiting for free text, if any. */
export function awaitingKind(session: Session | undefined): string | undefined {
  return session?.awaiting?.step.kind;
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

// ---- What a change of the domain does to the session of the person making it ----

/** A change of the person's session made in the same write as a domain change (a version, a registration). */
export interface StepChange {
  /** The waiting step this ends (for a speech version: once no draft is left to feed). */
  endAwaiting?: AwaitingToEnd;
  /** The step that now waits for free text, and the message key that asked for it. */
  awaitStep?: { step: StoredStep; prompt: string };
  /** Forget the choices offered: a number typed now is text, not a pick. */
  dropChoices?: boolean;
}

/** Applies `change` to the session of `key` inside a write. */
export function applyStepChange(d: Data, key: AccountKey, change: StepChange, now: Date): void {
  if (change.endAwaiting !== undefined) endAwaitingIn(d, key, change.endAwaiting);
  if (change.awaitStep) awaitStepIn(d, key, change.awaitStep.step, change.awaitStep.prompt, now);
  if (change.dropChoices) dropChoicesIn(d, key);
}
