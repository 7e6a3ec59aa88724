// The rules of voluntary speaking in the discussion (/phatbieu): register a topic, withdraw it, the order.
import { randomBytes } from "node:crypto";
import type { ConferenceService } from "../conference/service.js";
import { fold, writable } from "../lib/text.js";
import type { AccountKey, Data, VolunteerSpeaker } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { UserError } from "./errors.js";
import { applyStepChange, type StepChange } from "./sessions.js";
import { unitAddressById } from "./units.js";

/** Longest topic a unit may register. */
export const MAX_TOPIC = 500;

export interface SpeakerDeps {
  store: Store;
  conference: ConferenceService;
}

/**
 * The registrations not withdrawn, in the order they were made: the store appends them in that
 * order, and that order is the speaking order. The one list used by /phatbieu, /baocao and /xuat.
 */
export function activeSpeakers(data: Pick<Data, "speakers">): VolunteerSpeaker[] {
  return data.speakers.filter((s) => !s.withdrawnAt);
}

/** The 1-based place of a registration in the speaking order; 0 if withdrawn or unknown. */
export function speakingPosition(data: Pick<Data, "speakers">, id: string): number {
  return activeSpeakers(data).findIndex((s) => s.id === id) + 1;
}

/** A unit's own registrations still standing, in speaking order. */
export function speakersOfUnit(data: Pick<Data, "speakers">, unitId: string): VolunteerSpeaker[] {
  return activeSpeakers(data).filter((s) => s.unitId === unitId);
}

/** What a registration saved: the entry and its place in the speaking order. */
export interface Registration {
  speaker: VolunteerSpeaker;
  position: number;
}

/**
 * A unit registers to speak on a topic. Rules: at most MAX_TOPIC characters; a unit may register
 * several topics, but not the same topic twice while it stands (compared without case or
 * diacritics); a withdrawn topic may be registered again. The new one goes to the end of the order.
 * `change`: what happens to the person's session in the same write (e.g. the question for the topic ends).
 */
export async function registerSpeaker(
  deps: SpeakerDeps,
  input: { unitId: string; topic: string; by: AccountKey; now: Date },
  change: StepChange = {},
): Promise<Registration> {
  const { unitId } = input;
  const topic = writable(input.topic).trim();
  if (!topic) throw new UserError("speak-empty", { max: MAX_TOPIC });
  if (topic.length > MAX_TOPIC) throw new UserError("speak-too-long", { max: MAX_TOPIC, length: topic.length });
  return deps.store.mutate((d) => {
    if (speakersOfUnit(d, unitId).some((s) => fold(s.topic) === fold(topic)))
      throw new UserError("speak-duplicate", { unit: unitAddressById(deps.conference, unitId) });
    const speaker: VolunteerSpeaker = { id: randomBytes(4).toString("hex"), unitId, topic, by: input.by, at: input.now.toISOString() };
    d.speakers.push(speaker);
    applyStepChange(d, input.by, change, input.now);
    return { speaker, position: speakingPosition(d, speaker.id) };
  });
}

/**
 * A unit withdraws one of its registrations: the one named by id, or without an id its latest.
 * Rules: only the unit's own registrations still standing; the entry is kept, marked withdrawn.
 */
export async function withdrawSpeaker(deps: SpeakerDeps, input: { unitId: string; id?: string; by: AccountKey; now: Date }): Promise<VolunteerSpeaker> {
  return deps.store.mutate((d) => {
    const mine = speakersOfUnit(d, input.unitId);
    const target = input.id ? mine.find((s) => s.id === input.id) : mine.at(-1);
    if (!target) throw new UserError(input.id ? "speak-not-found" : "speak-nothing-to-withdraw", { unit: unitAddressById(deps.conference, input.unitId) });
    target.withdrawnAt = input.now.toISOString();
    return target;
  });
}
