// Files people send (speech documents, photos of pages), kept under DATA_DIR/files and read back for review.
import { randomBytes } from "node:crypto";
import { constants as fsc } from "node:fs";
import * as fsp from "node:fs/promises";
import path from "node:path";

/** What the store keeps of a saved file; `path` is relative to DATA_DIR ("files/…"). */
export interface StoredFile {
  name: string;
  mime: string;
  size: number;
  path: string;
}

export const FILES_DIR = "files";

/** A file name that is safe on every file system: ASCII letters, digits, dot, dash, underscore. */
export function safeExtension(name: string, fallback: string): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return /^[a-z0-9]{1,8}$/.test(ext) ? ext : fallback;
}

/**
 * Saves bytes as `files/<stem>-<random>.<ext>` under dataDir and makes them durable (fsync of the
 * file and of the folder) before returning, so the version that points at them is never
 * acknowledged ahead of its bytes. A new name every time: nothing is ever written over.
 */
export async function saveFile(
  dataDir: string,
  options: { stem: string; ext: string; name: string; mime: string },
  data: Buffer,
): Promise<StoredFile> {
  const dir = path.resolve(dataDir, FILES_DIR);
  await fsp.mkdir(dir, { recursive: true });
  const stem = options.stem.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 80);
  const base = `${stem}-${randomBytes(4).toString("hex")}.${options.ext}`;
  const full = path.join(dir, base);
  // "wx": fail rather than replace, should the random suffix ever repeat.
  const handle = await fsp.open(full, "wx");
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDir(dir);
  return { name: options.name, mime: options.mime, size: data.length, path: `${FILES_DIR}/${base}` };
}

/** The bytes of a stored file; refuses a path that would leave DATA_DIR. */
export async function readStoredFile(dataDir: string, relative: string): Promise<Buffer> {
  const root = path.resolve(dataDir);
  const full = path.resolve(root, relative);
  if (!full.startsWith(root + path.sep)) throw new Error(`stored file path outside DATA_DIR: ${relative}`);
  return fsp.readFile(full);
}

async function syncDir(dir: string): Promise<void> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(dir, fsc.O_RDONLY);
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the file's own fsync still holds its bytes.
  } finally {
    await handle?.close();
  }
}
