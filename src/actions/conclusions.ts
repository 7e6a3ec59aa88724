// What people do with the conclusions (Thông báo kết luận), from the desk, the chat (/ketluan) or the
// command line: organizers save the draft's parts, send the draft to the units concerned for comments
// before a day, and issue it; a unit's delegate comments. Sending and issuing file one notice per unit
// through the outbox (as notices go), with that unit's copy of the document and "Đã nhận": Telegram
// carries the file, Zalo a link to it (the channel's own way with files). The copy is made by the
// interface (`CopyMaker`: actions write no text), from src/documents/conclusions.ts.
import type { AccountKey, ConclusionsComment, ConclusionsConsultation, ConclusionsIssue, ConclusionsPart, ConclusionsState } from "../../storage/schema.js";
import {
  addConclusionsComment,
  DEFAULT_SYMBOL,
  issueConclusions,
  openConsultation,
  recordConclusionsNotices,
  saveConclusionsParts,
} from "../domain/conclusions.js";
import { UserError } from "../domain/errors.js";
import { organizerAccounts } from "../domain/identity.js";
import type { StepChange } from "../domain/sessions.js";
import { dayText } from "../domain/tasks.js";
import { accountsOfUnit, unitAddressById } from "../domain/units.js";
import { saveFile } from "../lib/files.js";
import { localDay } from "../lib/time.js";
import { msg } from "../messages/render.js";
import type { Done, Services } from "../messages/types.js";
import { currentRecord, unitConclusionsView } from "../views/conclusions.js";
import type { Actor } from "./actor.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger" | "notices">;

/** A unit's copy of the document as it now stands (the .docx), made by the interface. */
export type CopyMaker = (unitId: string) => Promise<{ name: string; data: Buffer }>;

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** Saves the parts of the draft. */
export async function saveConclusionsAction(services: Deps, actor: AccountKey, input: { parts: ConclusionsPart[] }): Promise<Done<ConclusionsState>> {
  const result = await saveConclusionsParts(services.store, { parts: input.parts, by: actor, now: services.clock.now() });
  services.logger.info({ by: actor, parts: result.parts.filter((p) => p.text).length }, "conclusions draft saved");
  return { result, notifications: [] };
}

/** What sending reached: the units told, and those nobody of which has joined (told nothing). */
export interface Reached {
  units: number;
  without: string[];
}

/**
 * One notice per unit, with that unit's copy and "Đã nhận". `values` are the notice's words (a message
 * key and its values, written in each reader's language by the outbox).
 */
async function noticePerUnit(services: Deps, actor: AccountKey, unitIds: string[], copy: CopyMaker, values: (unitId: string) => Record<string, string>): Promise<{ notices: Record<string, string>; reached: Reached }> {
  const notices: Record<string, string> = {};
  const without: string[] = [];
  for (const unitId of unitIds) {
    if (accountsOfUnit(services.store.data, unitId).length === 0) {
      without.push(unitAddressById(services.conference, unitId));
      continue;
    }
    const made = await copy(unitId);
    const saved = await saveFile(services.store.dir, { stem: `ket-luan-${unitId}`, ext: "docx", name: made.name, mime: DOCX_TYPE }, made.data);
    const created = await services.notices.create({
      kind: "conclusions",
      text: "",
      file: { name: saved.name, mime: saved.mime, path: saved.path },
      audience: { kind: "units", unitIds: [unitId] },
      createdBy: actor,
      ackable: true,
      data: values(unitId),
    });
    notices[unitId] = created.notice.id;
  }
  return { notices, reached: { units: Object.keys(notices).length, without } };
}

/** Sends the draft to `units` for comments before `deadline` ("YYYY-MM-DD"): each unit its copy, with "Đã nhận". */
export async function sendForCommentsAction(
  services: Deps,
  actor: AccountKey,
  input: { units: string[]; deadline: string },
  copy: CopyMaker,
): Promise<Done<{ consultation: ConclusionsConsultation; reached: Reached }>> {
  const consultation = await openConsultation(services.store, services.conference, { ...input, by: actor, now: services.clock.now() });
  const { notices, reached } = await noticePerUnit(services, actor, consultation.units, copy, (unitId) => ({
    key: "conclusions-notice-draft",
    unit: unitAddressById(services.conference, unitId),
    deadline: dayText(consultation.deadline),
  }));
  await recordConclusionsNotices(services.store, "consultation", notices);
  services.logger.info({ by: actor, units: consultation.units.length, reached: reached.units, deadline: consultation.deadline }, "conclusions sent for comments");
  return { result: { consultation: { ...consultation, notices }, reached }, notifications: [] };
}

/** "1. content - 15/7/2027" per task of the unit, one a line (the numbers and days are the same in any language). */
function taskLines(services: Deps, unitId: string): string {
  return unitConclusionsView(services.conference, services.store.data, unitId)
    .tasks.map((t) => `${t.n}. ${t.content} - ${t.deadlineText}`)
    .join("\n");
}

/**
 * Issues the conclusions with `number` on `day` (default today): the text frozen, then every unit its
 * copy (its own tasks first) as a notice with "Đã nhận".
 */
export async function issueConclusionsAction(
  services: Deps,
  actor: AccountKey,
  input: { number: string; day?: string },
  copy: CopyMaker,
): Promise<Done<{ issued: ConclusionsIssue; reached: Reached }>> {
  const now = services.clock.now();
  const symbol = services.conference.conf.conclusions?.symbol ?? DEFAULT_SYMBOL;
  const record = currentRecord(services.conference, services.store.data);
  const issued = await issueConclusions(services.store, { number: input.number, symbol, day: input.day ?? localDay(now), record, by: actor, now });
  const units = services.conference.units().map((u) => u.id);
  const { notices, reached } = await noticePerUnit(services, actor, units, copy, (unitId) => {
    const lines = taskLines(services, unitId);
    return {
      key: lines ? "conclusions-notice-issued" : "conclusions-notice-issued-none",
      unit: unitAddressById(services.conference, unitId),
      number: `${issued.number}/${issued.symbol}`,
      day: dayText(issued.day),
      tasks: lines,
    };
  });
  await recordConclusionsNotices(services.store, "issued", notices);
  services.logger.info({ by: actor, number: issued.number, reached: reached.units, without: reached.without.length }, "conclusions issued");
  return { result: { issued: { ...issued, notices }, reached }, notifications: [] };
}

/** A unit's delegate comments on the draft; the organizers are told. */
export async function commentConclusionsAction(
  services: Deps & Pick<Services, "config">,
  actor: Actor,
  input: { text: string; via: ConclusionsComment["via"]; unitId?: string },
  change: StepChange = {},
): Promise<Done<ConclusionsComment>> {
  const unitId = input.unitId ?? actor.unitId;
  if (!unitId) throw new UserError("conclusions-no-unit");
  const comment = await addConclusionsComment(services.store, { unitId, text: input.text, by: actor.key, now: services.clock.now(), via: input.via }, change);
  services.logger.info({ by: actor.key, unit: unitId, comment: comment.n }, "conclusions comment saved");
  const to = organizerAccounts(services.store.data, services.config.organizerIds)
    .map((a) => a.key)
    .filter((k) => k !== actor.key);
  const message = msg("conclusions-comment-notice", { unit: unitAddressById(services.conference, unitId), text: comment.text });
  return { result: comment, notifications: to.length > 0 ? [{ to, message, options: { kind: "conclusions", createdBy: actor.key } }] : [] };
}
