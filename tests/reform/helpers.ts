// The Lai Châu sample conference (a province after the 2025 reform), as the reform tests use it.
import { mkdtemp, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "../../src/config/paths.js";
import { loadConference } from "../../src/conference/load.js";
import type { Conference } from "../../src/conference/schema.js";
import { type ConferenceService, createConferenceService } from "../../src/conference/service.js";
import type { Store } from "../../storage/store.js";

export const LAI_CHAU = path.join(ROOT, "conferences", "lai-chau-2025.yaml");
export const LAI_CHAU_SAMPLE = path.join(ROOT, "scores", "lai-chau-2025.sample.csv");
export const PHONG_THO_SAMPLE = path.join(ROOT, "scores", "phong-tho-2023.sample.csv");

/** The Lai Châu conference as a service (no store: the tests here never ask for the schedule). */
export function laiChau(): ConferenceService {
  return createConferenceService({ conf: loadConference(LAI_CHAU), file: LAI_CHAU, store: {} as Store });
}

/** A conference whose mapping is `mapping` (written beside a copy of the file in a temp folder). */
export async function withMapping(conf: Conference, mapping: object): Promise<ConferenceService> {
  const dir = await mkdtemp(path.join(tmpdir(), "hoinghi-reform-"));
  await writeFile(path.join(dir, "mapping.json"), JSON.stringify(mapping));
  const file = path.join(dir, "conference.yaml");
  return createConferenceService({ conf: { ...conf, reform: { mapping: "mapping.json" } }, file, store: {} as Store });
}

/** The shipped Lai Châu mapping as JSON, to change in a test. */
export function laiChauMappingJson(): { level2s: Array<{ level2_id: string; name: string; merges: Array<{ old_id: string; name: string; type: string }> }> } & Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, "reference", "dvhc-2025", "lai-chau.json"), "utf8"));
}
