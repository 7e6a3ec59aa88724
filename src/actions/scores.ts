// What an organizer does with the Chỉ số CCHC, from the chat (/nhapdiem, /congbo), the desk or the
// command line: preview a table read from a file, confirm that preview (by its id), cancel it,
// publish, send the results again. Each returns its result and the messages to the units.
import type { AccountKey, ScorePreview, ScoreTable } from "../../storage/schema.js";
import { UserError } from "../domain/errors.js";
import { confirmScorePreview, dropScorePreview, type ParsedScoreTable, publishScores, storeScorePreview } from "../domain/scores.js";
import { msg } from "../messages/render.js";
import type { Done, Notification, Services } from "../messages/types.js";
import { linesMessage, type ResultAudienceView, resultAudience, type ScorePreviewView, scorePreviewView, unitResultMessage, unitResultOf } from "../views/scores.js";

type Deps = Pick<Services, "store" | "conference" | "clock" | "logger">;

/** Stores the table read as a preview with its own id (one open per organizer and interface); changes no score. */
export async function previewScoresAction(services: Deps, actor: AccountKey, input: { table: ParsedScoreTable; via: ScorePreview["via"] }): Promise<Done<ScorePreviewView>> {
  const { store, clock } = services;
  const preview = await storeScorePreview(store, {
    id: crypto.randomUUID(),
    by: actor,
    via: input.via,
    table: input.table,
    replaces: store.data.scores.current?.importedAt ?? null,
    at: clock.now().toISOString(),
  });
  services.logger.info({ by: actor, via: input.via, year: input.table.year, units: input.table.units.length, sample: input.table.sample }, "score table previewed");
  return { result: scorePreviewView(store.data, services.conference, preview), notifications: [] };
}

/** Makes the preview `previewId` of this organizer the current table (not published: results are announced with publish). */
export async function confirmScoresAction(services: Deps, actor: AccountKey, input: { previewId: string }): Promise<Done<{ stored: ScoreTable; replaced: boolean }>> {
  const result = await confirmScorePreview(services.store, { by: actor, id: input.previewId, now: services.clock.now() });
  services.logger.info({ by: actor, year: result.stored.year, units: result.stored.units.length, sample: result.stored.sample }, "score table replaced");
  return { result, notifications: [] };
}

export async function cancelScoresAction(services: Deps, actor: AccountKey, input: { previewId: string }): Promise<Done<ScorePreview>> {
  return { result: await dropScorePreview(services.store, actor, input.previewId), notifications: [] };
}

/** Each unit's own result, to every account of the unit: the same message as /diem shows, after a line saying it is published. */
export function resultNotifications(services: Pick<Services, "store" | "conference">, actor: AccountKey, table: ScoreTable): Notification[] {
  const audience = resultAudience(services.store.data, services.conference, table);
  return table.units.flatMap((score) => {
    const to = audience.byUnit.get(score.unitId);
    if (!to) return [];
    const view = unitResultOf(services.conference, table, score, { sample: table.sample, preview: false });
    const message = linesMessage([msg("publish-notice", { year: String(table.year) }), "", unitResultMessage(view)]);
    return [{ to, message, options: { kind: "result" as const, createdBy: actor } }];
  });
}

export interface Publication {
  table: ScoreTable;
  audience: ResultAudienceView;
}

/**
 * Publishes the current table and tells each unit its result. `expectedImportedAt` (the table the
 * organizer was shown) refuses a table replaced since.
 */
export async function publishScoresAction(services: Deps, actor: AccountKey, input: { expectedImportedAt?: string }): Promise<Done<Publication>> {
  const table = await publishScores(services.store, {
    by: actor,
    now: services.clock.now(),
    ...(input.expectedImportedAt !== undefined ? { expectedImportedAt: input.expectedImportedAt } : {}),
  });
  services.logger.info({ by: actor, year: table.year }, "scores published");
  const audience = resultAudience(services.store.data, services.conference, table);
  return { result: { table, audience }, notifications: resultNotifications(services, actor, table) };
}

/** Sends the published results again (to accounts that joined since, say); refuses before publishing. */
export function resendResultsAction(services: Deps, actor: AccountKey): Done<Publication> {
  const { current: table, publishedAt } = services.store.data.scores;
  if (!table) throw new UserError("publish-no-table");
  if (!publishedAt) throw new UserError("publish-not-yet");
  const audience = resultAudience(services.store.data, services.conference, table);
  return { result: { table, audience }, notifications: resultNotifications(services, actor, table) };
}
