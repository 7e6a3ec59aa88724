// The rules of the scores table (Chỉ số CCHC): who may see it, replacing it, publishing and unpublishing it.
//
// Reading a file into a table, and writing texts and charts from it, are pure modules under src/scores/.
import type { AccountKey, Data, Role, ScorePreview, ScoreTable } from "../../storage/schema.js";
import type { Store } from "../../storage/store.js";
import { UserError } from "./errors.js";

/** A table as read from a file, before it is stored (the store adds who imported it and when). */
export type ParsedScoreTable = Omit<ScoreTable, "importedAt" | "importedBy">;

/** The table a person may see, and whether it is published yet (organizers see it before: a preview). */
export interface VisibleScores {
  table: ScoreTable;
  published: boolean;
}

/**
 * The table `role` may see. Before publishing, everyone but organizers is refused with one sentence
 * and nothing else: not whether a table exists, not a single figure. Organizers see the current
 * table at any time, marked as a preview until it is published.
 */
export function visibleScores(data: Pick<Data, "scores">, role: Role): VisibleScores {
  const { current: table, publishedAt } = data.scores;
  const published = Boolean(table && publishedAt);
  if (role !== "organizer") {
    if (!table || !published) throw new UserError("scores-embargo");
    return { table, published };
  }
  if (!table) throw new UserError("scores-none");
  return { table, published };
}

/**
 * Makes `table` the current one; the one it replaces goes to previousTables (kept, newest last).
 * Rules: a new table is not published, even if the one it replaces was: results are announced again
 * with /congbo, so that figures nobody has seen are never public by accident. `expectedCurrent`
 * (the importedAt of the table the organizer saw replaced in the preview, or null for none) refuses
 * the replacement if another import came in between. `closesPreview`: the preview (by id) this
 * confirms, closed in the same write.
 */
export async function replaceScoreTable(
  store: Store,
  input: { table: ParsedScoreTable; by: AccountKey; now: Date; expectedCurrent?: string | null; closesPreview?: string },
): Promise<ScoreTable> {
  return store.mutate((d) => {
    if (input.expectedCurrent !== undefined && (d.scores.current?.importedAt ?? null) !== input.expectedCurrent) throw new UserError("import-stale");
    if (input.closesPreview !== undefined) d.scores.previews = (d.scores.previews ?? []).filter((p) => p.id !== input.closesPreview);
    const stored: ScoreTable = { ...input.table, importedAt: input.now.toISOString(), importedBy: input.by };
    if (d.scores.current) d.scores.previousTables.push(d.scores.current);
    d.scores.current = stored;
    delete d.scores.publishedAt;
    delete d.scores.publishedBy;
    return stored;
  });
}

/**
 * Publishes the current table: from now on everyone sees it. Rules: there is a table; it is not
 * published already; `expectedImportedAt` (the table the organizer previewed) refuses a table
 * replaced since the preview.
 */
export async function publishScores(store: Store, input: { by: AccountKey; now: Date; expectedImportedAt?: string }): Promise<ScoreTable> {
  return store.mutate((d) => {
    const table = d.scores.current;
    if (!table) throw new UserError("publish-no-table");
    if (input.expectedImportedAt !== undefined && table.importedAt !== input.expectedImportedAt) throw new UserError("publish-stale");
    if (d.scores.publishedAt) throw new UserError("publish-already-plain");
    d.scores.publishedAt = input.now.toISOString();
    d.scores.publishedBy = input.by;
    return table;
  });
}

/**
 * Takes the current table back from publication: /diem and /xephang are closed again to everyone
 * but organizers. Rules: it must be published; results already sent to the units stay sent; the
 * table itself is kept and may be published again.
 */
export async function unpublishScores(store: Store, _input: { by: AccountKey; now: Date }): Promise<ScoreTable> {
  return store.mutate((d) => {
    const table = d.scores.current;
    if (!table) throw new UserError("publish-no-table");
    if (!d.scores.publishedAt) throw new UserError("publish-not-yet");
    delete d.scores.publishedAt;
    delete d.scores.publishedBy;
    return table;
  });
}

/** The accounts that hear a unit's result: every account of each unit in the table, by unit. */
export function delegatesOf(data: Pick<Data, "accounts">, table: ScoreTable): Map<string, AccountKey[]> {
  const units = new Set(table.units.map((u) => u.unitId));
  const byUnit = new Map<string, AccountKey[]>();
  for (const a of Object.values(data.accounts)) {
    if (!a.unitId || !units.has(a.unitId)) continue;
    byUnit.set(a.unitId, [...(byUnit.get(a.unitId) ?? []), a.key]);
  }
  return byUnit;
}

// ---- Previews: a table read and shown, waiting for its own confirmation ----

/**
 * Stores a preview with its id. Rule: one open preview per organizer and interface: a new upload
 * on the desk replaces that organizer's earlier desk preview, never the one open in the chat.
 */
export async function storeScorePreview(store: Store, preview: ScorePreview): Promise<ScorePreview> {
  return store.mutate((d) => {
    const kept = (d.scores.previews ?? []).filter((p) => p.by !== preview.by || p.via !== preview.via);
    d.scores.previews = [...kept, preview];
    return preview;
  });
}

/** The preview `id` of organizer `by`, if still open. */
export function scorePreviewOf(data: Pick<Data, "scores">, by: AccountKey, id: string): ScorePreview | undefined {
  return data.scores.previews?.find((p) => p.id === id && p.by === by);
}

/** The newest preview organizer `by` made through `via`, if any (a bare "/nhapdiem xacnhan"). */
export function latestScorePreview(data: Pick<Data, "scores">, by: AccountKey, via: ScorePreview["via"]): ScorePreview | undefined {
  return data.scores.previews?.filter((p) => p.by === by && p.via === via).at(-1);
}

/** Drops a preview (cancelled); refuses one that is not open. */
export async function dropScorePreview(store: Store, by: AccountKey, id: string): Promise<ScorePreview> {
  return store.mutate((d) => {
    const found = scorePreviewOf(d, by, id);
    if (!found) throw new UserError("import-nothing-pending");
    d.scores.previews = (d.scores.previews ?? []).filter((p) => p !== found);
    return found;
  });
}

/**
 * Makes preview `id` the current table (replaceScoreTable's rules, its `replaces` as the table
 * expected) and closes it, in one write. Refuses a preview that is not open.
 */
export async function confirmScorePreview(store: Store, input: { by: AccountKey; id: string; now: Date }): Promise<{ stored: ScoreTable; replaced: boolean }> {
  const found = scorePreviewOf(store.data, input.by, input.id);
  if (!found) throw new UserError("import-nothing-pending");
  const stored = await replaceScoreTable(store, { table: found.table, by: input.by, now: input.now, expectedCurrent: found.replaces, closesPreview: found.id });
  return { stored, replaced: found.replaces !== null };
}
