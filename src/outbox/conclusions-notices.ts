// The notices of the conclusions (Thông báo kết luận) that a crash left unfiled, filed at each round of
// the outbox's planner. Sending for comments and issuing save the consultation or the issue first,
// then file one notice per unit at once; should the process stop in between (or a write fail), the
// units left without their copy get it here: each unit's notice is written together with its record
// on the conclusions, so it goes exactly once (src/actions/conclusions.ts). A unit nobody of had
// joined gets its copy once someone joins. The copy is the .docx of src/documents/conclusions.ts,
// in the conference's language, as the desk makes it: the wiring hands it in (OutboxDeps.conclusionsCopy),
// the documents layer being above this one.
import { fileOwedConclusionsNotices } from "../actions/conclusions.js";
import type { CreatedNotice, NewNotice } from "../domain/notices.js";
import type { Engine } from "./engine.js";

export async function planConclusionsNotices(engine: Engine, enqueue: (input: NewNotice) => Promise<CreatedNotice>, now: Date): Promise<void> {
  const { store, conference, logger, conclusionsCopy: copy } = engine.deps;
  if (!copy) return;
  const filed = await fileOwedConclusionsNotices({ store, conference, logger, create: enqueue }, copy, now);
  for (const f of filed) logger.warn({ which: f.which, units: f.units }, "conclusions notices a stop had left unfiled: filed now");
}
