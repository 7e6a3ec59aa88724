// The conferences one bot serves (schema version 10): added, running, closed for good; and which of them a person's messages act on.
//
// People, their units and the units' invite codes are shared by every conference: a delegate who joined
// once is a delegate of every conference that invites the unit. Each conference keeps its own answers,
// speeches, check-ins, scores and tasks (storage/conference-view.ts). A closed conference is kept and read,
// never changed again.
import type { Account, AccountKey, ConferenceRecord, StoreData, WaitingMessage } from "../../storage/schema.js";
import { emptyConferenceData, MIGRATED_CONFERENCE } from "../../storage/schema.js";
import type { RootStore } from "../../storage/store.js";
import { UserError } from "./errors.js";

/** A conference of this id is already served. */
export class ConferenceExists extends UserError {}
/** No conference of this id (or number). */
export class ConferenceUnknown extends UserError {}
/** The conference is closed already. */
export class ConferenceAlreadyClosed extends UserError {}

/** What a list of conferences shows of each. */
export interface ConferenceSummary {
  id: string;
  title: string;
  status: ConferenceRecord["status"];
  file: string;
  addedAt: string;
  closedAt?: string;
}

const summary = (c: ConferenceRecord): ConferenceSummary => ({
  id: c.id,
  title: c.title,
  status: c.status,
  file: c.file,
  addedAt: c.addedAt,
  ...(c.closedAt && { closedAt: c.closedAt }),
});

/** Every conference, running ones first, then closed ones; each group in the order it was added. */
export function conferenceList(data: StoreData): ConferenceSummary[] {
  const all = Object.values(data.conferences).filter((c) => c.id !== MIGRATED_CONFERENCE);
  const rank = (c: ConferenceRecord) => (c.status === "running" ? 0 : 1);
  return all.sort((a, b) => rank(a) - rank(b) || a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id)).map(summary);
}

/** A conference as it is added: running, nothing answered yet. */
export function newConference(input: { id: string; file: string; title: string }, by: AccountKey | undefined, now: Date): ConferenceRecord {
  return { id: input.id, file: input.file, title: input.title, status: "running", addedAt: now.toISOString(), ...(by && { addedBy: by }), ...emptyConferenceData() };
}

/** Adds a conference, running, with nothing answered yet. Refuses an id already served (running or closed). */
export async function addConference(store: RootStore, input: { id: string; file: string; title: string }, by: AccountKey | undefined, now: Date): Promise<ConferenceSummary> {
  return store.mutate((d) => {
    if (d.conferences[input.id]) throw new ConferenceExists("conference-exists", { id: input.id, title: d.conferences[input.id]?.title ?? "" });
    const record = newConference(input, by, now);
    d.conferences[input.id] = record;
    return summary(record);
  });
}

/**
 * A store of one conference (version 9, migrated) files its data under a placeholder id: the first
 * start after the migration gives it its conference file's id, and tags the notices it had sent.
 * Nothing happens when there is no placeholder, or when the id is taken already.
 */
export async function adoptMigrated(store: RootStore, input: { id: string; file: string; title: string }, now: Date): Promise<boolean> {
  if (!store.data.conferences[MIGRATED_CONFERENCE] || store.data.conferences[input.id]) return false;
  return store.mutate((d) => {
    const old = d.conferences[MIGRATED_CONFERENCE];
    if (!old || d.conferences[input.id]) return false;
    const { id: _old, file: _file, title: _title, addedAt: _at, ...own } = old;
    d.conferences[input.id] = { ...own, id: input.id, file: input.file, title: input.title, addedAt: now.toISOString() };
    delete d.conferences[MIGRATED_CONFERENCE];
    for (const n of d.notices) if (n.conference === undefined || n.conference === MIGRATED_CONFERENCE) n.conference = input.id;
    for (const draft of Object.values(d.noticeDrafts)) if (draft.conference === undefined || draft.conference === MIGRATED_CONFERENCE) draft.conference = input.id;
    return true;
  });
}

/** The file and title of a running conference, as its file says them now (a title edited in the file shows in lists). */
export async function refreshConference(store: RootStore, id: string, input: { file: string; title: string }): Promise<void> {
  const c = store.data.conferences[id];
  if (c?.status !== "running" || (c.file === input.file && c.title === input.title)) return;
  await store.mutate((d) => {
    const r = d.conferences[id];
    if (r?.status !== "running") return;
    r.file = input.file;
    r.title = input.title;
  });
}

/**
 * Closes a conference for good: its data is read, never changed again; `frozenFile` is the copy of
 * its conference file it reads from then on. Refuses an unknown or closed conference.
 */
export async function closeConference(store: RootStore, id: string, by: AccountKey | undefined, now: Date, frozenFile: string): Promise<ConferenceSummary> {
  return store.mutate((d) => {
    const c = d.conferences[id];
    if (!c || id === MIGRATED_CONFERENCE) throw new ConferenceUnknown("conference-unknown", { id });
    if (c.status === "closed") throw new ConferenceAlreadyClosed("conference-already-closed", { title: c.title });
    c.status = "closed";
    c.closedAt = now.toISOString();
    if (by) c.closedBy = by;
    c.frozenFile = frozenFile;
    return summary(c);
  });
}

/** The units of a conference whose delegates were told of it, so that each is told once. */
export async function markTold(store: RootStore, id: string, units: string[]): Promise<void> {
  if (units.length === 0) return;
  await store.mutate((d) => {
    const c = d.conferences[id];
    if (c?.status !== "running") return;
    c.told = [...new Set([...(c.told ?? []), ...units])];
  });
}

/** A running conference as the choice of whom it concerns: its id, and whether it invites a unit. */
export interface RunningConference {
  id: string;
  invites(unitId: string): boolean;
}

/**
 * The running conferences that concern a person: an organizer, every one; a delegate, those that invite
 * their unit; a person of no unit, every one (their code decides once they type it).
 */
export function concerning(running: RunningConference[], account: Account | undefined, organizer: boolean): string[] {
  if (organizer || !account?.unitId) return running.map((c) => c.id);
  const unit = account.unitId;
  return running.filter((c) => c.invites(unit)).map((c) => c.id);
}

/** What a person's message acts on: one conference, or the question which (the ids to offer, numbered). */
export type Pick = { kind: "one"; id: string } | { kind: "ask"; ids: string[] };

/** The one concerned, or the one they chose among several; otherwise the question, asked once. */
export function pickFor(concerned: string[], account: Account | undefined): Pick | undefined {
  if (concerned.length === 0) return undefined;
  if (concerned.length === 1) return { kind: "one", id: concerned[0] as string };
  const chosen = account?.conference;
  if (chosen && concerned.includes(chosen)) return { kind: "one", id: chosen };
  return { kind: "ask", ids: concerned };
}

/**
 * Remembers the conference a person chose (their messages act on it from now on); the question is
 * answered. Returns the messages that waited for the answer, in order, to be handled in that conference.
 *
 * What was open belongs to a conference: a step of the conference the person leaves ends with the
 * switch. A person asked for the first time has none remembered: numbered choices and a step waiting
 * for words offered before the chosen conference was even added came from another one (their steps
 * carry its seats, units, versions), so they end too; a speech being collected stays (its parts are
 * the person's own words, filed where they finish it).
 */
export async function chooseConference(store: RootStore, key: AccountKey, id: string): Promise<WaitingMessage[]> {
  return store.mutate((d) => {
    const c = d.conferences[id];
    if (c?.status !== "running") throw new ConferenceUnknown("conference-unknown", { id });
    const account = d.accounts[key];
    // An organizer named in ORGANIZER_IDS who never wrote to the bot has no account to remember it on.
    if (!account) throw new UserError("conference-choose-no-account");
    if (account.conference !== undefined && account.conference !== id) delete d.sessions[key];
    else if (account.conference === undefined) endOlderThan(d, key, c.addedAt);
    const waiting = waitingFor(account.conferenceAsked);
    account.conference = id;
    delete account.conferenceAsked;
    return waiting;
  });
}

/** Ends the choices and the step waiting for words (but not a speech being collected) offered no later than `added`. */
function endOlderThan(d: StoreData, key: AccountKey, added: string): void {
  const session = d.sessions[key];
  if (!session) return;
  if (session.choices && session.choices.offeredAt <= added) delete session.choices;
  if (session.awaiting && !session.collecting && session.awaiting.offeredAt <= added) delete session.awaiting;
  if (!session.choices && !session.awaiting && !session.collecting) delete d.sessions[key];
}

/** At most this many messages wait for the answer to "which conference?"; more are not kept. */
export const MAX_WAITING = 20;

/** The messages waiting for the answer, in order (a store written before `waiting` kept one text). */
export function waitingFor(asked: Account["conferenceAsked"]): WaitingMessage[] {
  if (!asked) return [];
  return [...(asked.text ? [{ text: asked.text, at: asked.at }] : []), ...(asked.waiting ?? [])];
}

/** Whether one more message may wait for the answer. */
export const mayWait = (account: Account | undefined): boolean => waitingFor(account?.conferenceAsked).length < MAX_WAITING;

/**
 * Keeps the question asked (the conferences offered) and the message that waits for its answer, after
 * those that waited already: words replace words sent just before them (the latest count, as when
 * retyped), a file or a press is added. Returns whether the message is kept (not when MAX_WAITING wait).
 */
export async function askConference(store: RootStore, key: AccountKey, ids: string[], message: WaitingMessage | undefined, now: Date): Promise<boolean> {
  return store.mutate((d) => {
    const account = d.accounts[key];
    if (!account) return false;
    const waiting = waitingFor(account.conferenceAsked);
    const last = waiting.at(-1);
    const wordsOnly = (m: WaitingMessage | undefined) => m !== undefined && !m.file && !m.press;
    if (message && wordsOnly(message) && wordsOnly(last)) waiting.pop();
    const kept = message !== undefined && waiting.length < MAX_WAITING;
    if (kept) waiting.push(message);
    account.conferenceAsked = { ids, at: now.toISOString(), ...(waiting.length > 0 && { waiting }) };
    return kept;
  });
}
