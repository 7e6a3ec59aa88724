// A new conference told to the units it invites: the delegates who joined for an earlier conference get
// the new giấy mời of their unit as a notice with "Đã nhận", and need no new code (the unit's code and
// its people are shared by every conference, src/domain/conferences.ts).
import { unlink } from "node:fs/promises";
import path from "node:path";
import type { AccountKey } from "../../storage/schema.js";
import { accountsOfUnit, unitAddress } from "../domain/units.js";
import { saveFile } from "../lib/files.js";
import type { Done, Services } from "../messages/types.js";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A unit's giấy mời (.docx) of the conference, made by the documents layer and handed in by the wiring. */
export type LetterMaker = (unitId: string) => Promise<{ name: string; data: Buffer }>;

export interface Invited {
  /** Units whose delegates were sent the invitation now. */
  units: string[];
  /** Units nobody has joined yet: their letter goes on paper, with the code. */
  without: string[];
}

/**
 * Sends each unit of the conference that has delegates, and was not told yet (`told`), its giấy mời
 * with the time, place and the deadline to answer, as a notice of this conference. Returns the units told.
 */
export async function tellInvitedAction(
  services: Pick<Services, "store" | "conference" | "notices" | "logger">,
  options: { told: readonly string[]; letter: LetterMaker },
  by: AccountKey,
): Promise<Done<Invited>> {
  const { store, conference } = services;
  const schedule = conference.schedule();
  const deadline = conference.deadline("rsvp");
  const conf = conference.conf;
  const out: Invited = { units: [], without: [] };
  for (const unit of conference.units()) {
    if (options.told.includes(unit.id)) continue;
    if (accountsOfUnit(store.data, unit.id).length === 0) {
      out.without.push(unit.id);
      continue;
    }
    const made = await options.letter(unit.id);
    const saved = await saveFile(store.dir, { stem: `giay-moi-${conf.id}-${unit.id}`, ext: "docx", name: made.name, mime: DOCX_TYPE }, made.data);
    try {
      await services.notices.create({
        kind: "invitation",
        text: "",
        file: { name: saved.name, mime: saved.mime, path: saved.path },
        audience: { kind: "units", unitIds: [unit.id] },
        createdBy: by,
        ackable: true,
        data: {
          key: "conference-invited",
          body: conf.body,
          unit: unitAddress(unit),
          title: conf.title,
          seats: String(unit.seats.length),
          ...(schedule.start && { start: schedule.start.toISOString() }),
          place: schedule.place ?? "",
          ...(deadline && { deadline: deadline.toISOString() }),
        },
      });
      out.units.push(unit.id);
    } catch (err) {
      await unlink(path.resolve(store.dir, saved.path)).catch(() => {});
      throw err;
    }
  }
  services.logger.info({ conference: conf.id, units: out.units.length, without: out.without.length }, "delegates told of the new conference");
  return { result: out, notifications: [] };
}
