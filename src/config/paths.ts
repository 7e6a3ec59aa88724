// Where the installation's own files are: the project root (package.json, locales/, conferences/),
// the default conference file and the start-up cache. Pure paths, at the bottom of the tree.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The project's root folder (where package.json, locales/ and conferences/ live), from src/, dist/src/ or the bundle in dist/start/. */
export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "locales"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..");
  }
}

export const DEFAULT_CONFERENCE = path.join(ROOT, "conferences", "phong-tho-2023.yaml");

/**
 * What a start may keep to start faster next time (the parsed conference file): derived from the
 * project's files, not the bot's data, so it lives with the installation (node_modules/.cache, as
 * other tools keep theirs) rather than in DATA_DIR; a fresh `npm ci` starts it afresh.
 */
export const CACHE_DIR = path.join(ROOT, "node_modules", ".cache", "hoinghi");
