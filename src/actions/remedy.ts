// What people do with the communes' remediation plans, from the chat (/khacphuc), the desk and the
// upload page: a commune submits (text, the draft of several messages, files), the organizers review
// (accept, ask for changes with a note), remind the communes that have not submitted, and turn a
// plan's measures into tasks. Each returns its result and whom to tell what.
import type { AccountKey, SpeechReview, SpeechVersion, StoredFileRef, Task, TaskReportEvery } from "../../storage/schema.js";
import { BadArguments, UserError } from "../domain/errors.js";
import { organizerAccounts } from "../domain/identity.js";
import {
  addRemedyPiece,
  dropRemedyDraft,
  nextRemedyVersion,
  RemedyClosed,
  requireRemedyOpen,
  requireRemedyUnit,
  reviewRemedy,
  submitRemedyDraft,
  submitRemedyFiles,
  submitRemedyText,
} from "../domain/remedy.js";
import type { StepChange } from "../domain/sessions.js";
import { accountsOfUnit } from "../domain/units.js";
import { Refusal } from "../messages/refusal.js";
import { msg } from "../messages/render.js";
import { dateTimeMessage } from "../messages/time.js";
import type { Done, Notification, Services } from "../messages/types.js";
import { newVersionMessage, remedyListView, remedyMissing, remedyPlanView, requestMessage } from "../views/remedy.js";
import type { Actor } from "./actor.js";
import { keepingUploads, type UploadedFile, vetUploads } from "./speeches.js";
import { assignTasksAction } from "./tasks.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger" | "config">;

const unitKeys = (services: Pick<Services, "store">, unitId: string) => accountsOfUnit(services.store.data, unitId).map((a) => a.key);

/** The organizers (but the one acting) told of a new version, with the number of measures read from it. */
function newVersionNotifications(services: Deps, actor: AccountKey, unitId: string, v: SpeechVersion): Notification[] {
  const to = organizerAccounts(services.store.data, services.config.organizerIds)
    .map((a) => a.key)
    .filter((k) => k !== actor);
  const view = remedyPlanView(services.store.data, services.conference, unitId, services.clock.now());
  return to.length > 0 ? [{ to, message: newVersionMessage(view, v), options: {} }] : [];
}

/** Runs a step of the plan; a closed deadline becomes a refusal whose date each reader reads in their language. */
export async function remedyStep<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof RemedyClosed) throw new Refusal(msg(err.key, { deadline: dateTimeMessage(err.deadline) }));
    throw err;
  }
}

function unitOf(actor: Actor): string {
  if (!actor.unitId) throw new UserError("remedy-not-a-commune");
  return actor.unitId;
}

function saved(services: Deps, actor: Actor, unitId: string, v: SpeechVersion, via: string): Done<SpeechVersion> {
  services.logger.info({ unit: unitId, version: v.n, kind: v.kind, by: actor.key, via }, "remediation plan version saved");
  return { result: v, notifications: newVersionNotifications(services, actor.key, unitId, v) };
}

/** The plan typed in one message (with /khacphuc, or by the desk for a unit) becomes the next version. */
export async function submitRemedyTextAction(services: Deps, actor: Actor, input: { text: string }, change: StepChange = {}): Promise<Done<SpeechVersion>> {
  const unitId = unitOf(actor);
  const v = await remedyStep(() => submitRemedyText(services, { unitId, by: actor.key, now: services.clock.now(), text: input.text }, change));
  return saved(services, actor, unitId, v, "text");
}

/** The unit's draft (several messages, photos of pages) becomes the next version. */
export async function submitRemedyDraftAction(services: Deps, actor: Actor, change: StepChange = {}): Promise<Done<SpeechVersion>> {
  const unitId = unitOf(actor);
  const v = await remedyStep(() => submitRemedyDraft(services, { unitId, by: actor.key, now: services.clock.now() }, change));
  return saved(services, actor, unitId, v, "draft");
}

/** A part typed or a page photographed goes into the unit's draft (opened if none); returns how many pieces it holds. */
export async function addRemedyPieceAction(services: Deps, actor: Actor, input: { part?: string; page?: StoredFileRef }, change: StepChange = {}): Promise<Done<number>> {
  const unitId = unitOf(actor);
  const size = await remedyStep(() => addRemedyPiece(services, { unitId, by: actor.key, now: services.clock.now(), ...input }, change));
  return { result: size, notifications: [] };
}

/** The unit's draft dropped: nothing of it is submitted. */
export async function dropRemedyDraftAction(services: Deps, actor: Actor, change: StepChange = {}): Promise<Done<null>> {
  await dropRemedyDraft(services, { unitId: unitOf(actor), by: actor.key, now: services.clock.now() }, change);
  return { result: null, notifications: [] };
}

/**
 * Files handed in for the plan (the personal upload page, a document sent on Telegram): one document
 * is the whole plan, photos are its pages in order; either becomes the next version. Refused before
 * anything is kept: no file, another type, empty or too large, a document with other files, closed.
 */
export async function submitRemedyFilesAction(services: Deps, actor: Actor, input: { files: UploadedFile[]; caption?: string }, change: StepChange = {}): Promise<Done<SpeechVersion>> {
  const unitId = unitOf(actor);
  const kinds = vetUploads(input.files);
  await remedyStep(() => requireRemedyOpen(services, unitId, services.clock.now()));
  const naming = { stem: `khacphuc-${unitId}-v${nextRemedyVersion(services.store.data, unitId)}`, name: "ke-hoach-khac-phuc" };
  const v = await keepingUploads(services.store.dir, input.files, kinds, naming, (kept) =>
    remedyStep(() =>
      submitRemedyFiles(
        services,
        { unitId, by: actor.key, now: services.clock.now(), kind: kinds[0]?.kind ?? "photo", files: kept, ...(input.caption && { caption: input.caption }) },
        change,
      ),
    ),
  );
  return saved(services, actor, unitId, v, "files");
}

export interface RemedyReviewInput {
  unitId: string;
  /** The version the organizer read: refused if a newer one came since. */
  version: number;
  decision: SpeechReview["decision"];
  note?: string;
}

/** The organizers accept the latest version or ask for changes with a note; every account of the unit is told. */
export async function reviewRemedyAction(services: Deps, actor: AccountKey, input: RemedyReviewInput, change: StepChange = {}): Promise<Done<SpeechReview>> {
  const review = await reviewRemedy(services, { ...input, by: actor, now: services.clock.now() }, change);
  services.logger.info({ unit: input.unitId, version: input.version, decision: input.decision, by: actor }, "remediation plan reviewed");
  const unit = remedyPlanView(services.store.data, services.conference, input.unitId, services.clock.now()).unit;
  const message =
    input.decision === "accepted"
      ? msg("remedy-review-accepted", { unit, n: input.version })
      : msg("remedy-review-changes", { unit, n: input.version, note: review.note ?? "" });
  const to = unitKeys(services, input.unitId);
  return { result: review, notifications: to.length > 0 ? [{ to, message, options: { kind: "review", createdBy: actor } }] : [] };
}

/**
 * Reminds every commune that has not submitted a plan (each told its deadline and headings).
 * Refused before publication and after the deadline (a reminder would ask what can no longer be done).
 * The result: the units reminded (ids), those with no account to tell among them.
 */
export async function remindRemedyAction(services: Deps, actor: AccountKey): Promise<Done<{ units: string[]; unreachable: string[] }>> {
  const now = services.clock.now();
  const list = remedyListView(services.store.data, services.conference, now);
  if (!list.published) throw new UserError("remedy-not-yet");
  if (list.passed && list.deadline) throw new Refusal(msg("remedy-remind-deadline-passed", { deadline: dateTimeMessage(list.deadline) }));
  const units = remedyMissing(list).map((r) => r.unitId);
  const notifications: Notification[] = [];
  const unreachable: string[] = [];
  for (const unitId of units) {
    const to = unitKeys(services, unitId);
    if (to.length === 0) unreachable.push(unitId);
    else notifications.push({ to, message: requestMessage(remedyPlanView(services.store.data, services.conference, unitId, now), "reminder"), options: { kind: "chase", createdBy: actor } });
  }
  services.logger.info({ by: actor, units: units.length, unreachable: unreachable.length }, "remediation plans chased");
  return { result: { units, unreachable }, notifications };
}

/** The request sent once after publication: to every account of every commune, with its headings and deadline. */
export function remedyRequestNotifications(services: Pick<Services, "store" | "conference" | "clock">): Notification[] {
  const { store, conference, clock } = services;
  const list = remedyListView(store.data, conference, clock.now());
  return list.rows.flatMap((r) => {
    const to = unitKeys(services, r.unitId);
    const message = requestMessage(remedyPlanView(store.data, conference, r.unitId, clock.now()), "request");
    return to.length > 0 ? [{ to, message, options: { kind: "task" as const, ackable: true } }] : [];
  });
}

export interface MeasuresToTasksInput {
  unitId: string;
  /** The version the organizer read (its measures are numbered as shown). */
  version: number;
  /** The measures' numbers. */
  measures: number[];
  /** "YYYY-MM-DD". */
  deadline: string;
  source: "chat" | "desk";
  reportEvery?: TaskReportEvery;
}

/**
 * Turns measures of the unit's latest version into tasks of the unit, each with the criterion of the
 * heading it stands under and the deadline given (the tasks' own assign action: the unit is told).
 * Refused: a version other than the latest, a number the plan has not, none chosen, every one
 * chosen already a task.
 */
export async function measuresToTasksAction(services: Deps, actor: AccountKey, input: MeasuresToTasksInput, change: StepChange = {}): Promise<Done<Task[]>> {
  requireRemedyUnit(services.store.data, services.conference, input.unitId);
  const view = remedyPlanView(services.store.data, services.conference, input.unitId, services.clock.now());
  if (!view.latest) throw new UserError("review-nothing", { unit: view.unit });
  if (view.latest.n !== input.version) throw new UserError("remedy-stale", { unit: view.unit, n: view.latest.n });
  if (input.measures.length === 0) throw new BadArguments("remedy-measures-none");
  const chosen = [...new Set(input.measures)].map((n) => {
    const m = view.measures.find((x) => x.n === n);
    if (!m) throw new BadArguments("remedy-measure-unknown", { n, count: view.measures.length });
    return m;
  });
  const fresh = chosen.filter((m) => m.task === undefined);
  if (fresh.length === 0) throw new UserError("remedy-measures-already-tasks");
  const tasks = fresh.map((m) => ({ unitId: input.unitId, content: m.text, ...(m.criterion && { criterion: m.criterion }), deadline: input.deadline, reportEvery: input.reportEvery ?? "none" }));
  return assignTasksAction(services, actor, { tasks, source: input.source }, change);
}
