// The archive of compacted notices: each one's deliveries, written once, read back by the reports that show them (the notice's status).
import { readFileSync } from "node:fs";
import { DurableJsonFile, type FileOps, realFileOps } from "./durable-file.js";
import { writeJson } from "./json-bytes.js";
import { entryPart, partFile } from "./partitions.js";
import type { Delivery } from "./schema.js";

/** Any data of a store: the whole, or a conference's view of it. */
type Data = object;

/** The main file of each store's data, so that a report holding only `data` finds its archive. */
const mainFiles = new WeakMap<Data, string>();

/** A conference's view of the store answers this key with the main file (storage/conference-view.ts): no registration per change. */
export const MAIN_FILE: unique symbol = Symbol("the store's main file");

const mainFileOf = (data: Data): string | undefined => mainFiles.get(data) ?? (data as { [MAIN_FILE]?: string })[MAIN_FILE];

/** Called by the store for the data it holds (opened, or a snapshot). */
export function registerArchive(data: Data, mainFile: string): void {
  mainFiles.set(data, mainFile);
}

/** `hoinghi.parts/archive/deliveries/<id>.json` beside the main file. */
export function archiveFile(mainFile: string, noticeId: string): string {
  return partFile(mainFile, `archive/${entryPart("deliveries", noticeId)}`);
}

export interface ArchivedDeliveries {
  noticeId: string;
  compactedAt: string;
  deliveries: Delivery[];
}

/** Writes a notice's deliveries to its archive, durably, before the store forgets them. */
export async function writeArchive(mainFile: string, archive: ArchivedDeliveries, ops: FileOps = realFileOps): Promise<void> {
  const target = archiveFile(mainFile, archive.noticeId);
  const file = new DurableJsonFile<ArchivedDeliveries>(target, ops);
  await file.writeWith((out) => writeJson(archive, out));
  // Read again from the file next time (a late "Đã nhận" folded in).
  if (last?.file === target) last = undefined;
}

/** The last archive read, kept: a status page is read again and again while an organizer looks at it. */
let last: { file: string; deliveries: Delivery[] } | undefined;

/**
 * The archived deliveries of a compacted notice of `data`; [] when the data has no archive (a
 * store in memory only) or the notice none. Synchronous, like the views that call it.
 */
export function archivedDeliveries(data: Data, noticeId: string): Delivery[] {
  const main = mainFileOf(data);
  if (!main) return [];
  const file = archiveFile(main, noticeId);
  if (last?.file === file) return last.deliveries;
  let parsed: ArchivedDeliveries;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8")) as ArchivedDeliveries;
  } catch {
    return [];
  }
  const deliveries = Array.isArray(parsed.deliveries) ? parsed.deliveries : [];
  last = { file, deliveries };
  return deliveries;
}

/** For tests: whether `noticeId`'s archive exists beside the store of `data`. */
export function archivePath(data: Data, noticeId: string): string | undefined {
  const main = mainFileOf(data);
  return main ? archiveFile(main, noticeId) : undefined;
}

