// A conference's view of a real store (schema version 10), for tests of one conference's rules: the
// store opened, the conference added when it is not there yet, and its view (shared data with its own).
// Also the old flat layout (version 9 and before) built from a store, for the tests of migrations.
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { addConference } from "../../src/domain/conferences.js";
import { conferenceStore } from "../../storage/conference-view.js";
import { partFile, partOf, partsDir } from "../../storage/partitions.js";
import { CONFERENCE_KEYS, type ConferenceData, type ConferenceRecord, type Data, emptyConferenceData, emptyData, type StoreData } from "../../storage/schema.js";
import { openStore, type RootStore, type Store, type StoreOptions } from "../../storage/store.js";

/** The seed conference's id (conferences/phong-tho-2023.yaml). */
export const CONFERENCE = "phong-tho-2023";

/** When the tests' conferences are added (a fixed time: no clock of the test is at stake). */
const ADDED_AT = new Date("2027-05-01T02:00:00Z");

/** Where the check of the store finds conference `id`'s entries: `${inConference()}.rsvps[0]`. */
export const inConference = (id = CONFERENCE): string => `conferences[${JSON.stringify(id)}]`;

/** The file conference `id`'s own data is kept in (hoinghi.parts/conferences/<id>.json beside the main file). */
export function conferenceFile(mainFile: string, id = CONFERENCE): string {
  return partFile(mainFile, partOf("conferences", id));
}

/** Conference `id`'s view of `root`, the conference added (running, nothing answered) when it is not in the store yet. */
export async function withConference(root: RootStore, id = CONFERENCE, title = `Hội nghị ${id}`): Promise<Store> {
  if (!root.data.conferences[id]) await addConference(root, { id, file: `conferences/${id}.yaml`, title }, undefined, ADDED_AT);
  return conferenceStore(root, id);
}

/** A store opened as conference `id` sees it (closing it closes the whole store). */
export async function openConferenceStore(options: StoreOptions, id = CONFERENCE): Promise<Store> {
  const root = await openStore(options);
  try {
    return await withConference(root, id);
  } catch (err) {
    await root.close();
    throw err;
  }
}

/** The shared collections of a store (everything but the conferences). */
export function sharedOf(data: StoreData): Omit<StoreData, "conferences"> {
  const { conferences: _all, ...shared } = data;
  return shared;
}

/** What conference `id` holds of its own (its collections, none of its meta). */
export function ownOf(data: StoreData, id = CONFERENCE): Partial<Data> {
  const record = data.conferences[id] as unknown as Record<string, unknown> | undefined;
  if (!record) throw new Error(`no conference ${id} in the store`);
  const own: Record<string, unknown> = {};
  for (const k of CONFERENCE_KEYS) if (k in record) own[k] = record[k];
  return own as Partial<Data>;
}

/**
 * The store as a file of version `version` (≤ 9: one conference, its data beside the shared) held it:
 * conference `id`'s collections and the shared ones in one object. A copy: changing it changes nothing.
 */
export function flatFile(data: StoreData, version: number, id = CONFERENCE): Record<string, unknown> {
  return structuredClone({ ...sharedOf(data), ...ownOf(data, id), schemaVersion: version });
}

/** A new store seen as one conference's Data (shared and own, nothing in either): also a new file of the old flat layout, its version set. */
export function emptyFlat(): Data {
  return { ...sharedOf(emptyData()), ...emptyConferenceData() };
}

/** Conference `id` as the store keeps it (running, added by nobody), `own` over its empty collections. */
export function conferenceRecord(id = CONFERENCE, own: Partial<ConferenceData> = {}): ConferenceRecord {
  return { id, file: `conferences/${id}.yaml`, title: `Hội nghị ${id}`, status: "running", addedAt: ADDED_AT.toISOString(), ...emptyConferenceData(), ...own };
}

/** A new store holding one conference, `own` over its empty collections: for the checks of what a conference's file may hold. */
export function storeWith(own: Partial<ConferenceData> = {}, id = CONFERENCE): StoreData {
  return { ...emptyData(), conferences: { [id]: conferenceRecord(id, own) } };
}

/** `data` with conference `id`'s own collections changed as `own` says (a copy of the store's top, the rest shared). */
export function withOwn(data: StoreData, own: Record<string, unknown>, id = CONFERENCE): StoreData {
  const record = data.conferences[id];
  if (!record) throw new Error(`no conference ${id} in the store`);
  return { ...data, conferences: { ...data.conferences, [id]: { ...record, ...own } as ConferenceRecord } };
}

/** A store (version 10) from one conference's Data: its shared collections, and its own as conference `id`. */
export function storeOf(flat: Data, id = CONFERENCE): StoreData {
  const shared: Record<string, unknown> = {};
  const own: Record<string, unknown> = {};
  const keys: readonly string[] = CONFERENCE_KEYS;
  for (const [k, v] of Object.entries(flat)) (keys.includes(k) ? own : shared)[k] = v;
  return { ...(shared as Omit<StoreData, "conferences">), conferences: { [id]: conferenceRecord(id, own as Partial<ConferenceData>) } };
}

/**
 * Puts `old` in `dir` as a store of one file, as every version before 9 kept it: hoinghi.json alone,
 * no parts folder (what a current store had there is removed).
 */
export async function writeOneFileStore(dir: string, old: Record<string, unknown>): Promise<void> {
  const file = path.join(dir, "hoinghi.json");
  await rm(partsDir(file), { recursive: true, force: true });
  await writeFile(file, JSON.stringify(old));
}
