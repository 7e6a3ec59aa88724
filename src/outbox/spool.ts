// Notices handed over by `hoinghi broadcast` while the bot holds the store: a file each, taken in by the running outbox.
import { randomBytes } from "node:crypto";
import * as fsp from "node:fs/promises";
import path from "node:path";

/** DATA_DIR/spool: one JSON file per notice, written atomically (temp file, fsync, rename). */
export const SPOOL_DIR = "spool";

export interface SpooledNotice {
  id: string;
  text: string;
  /** An encoded Audience (see audience.ts). */
  audience: string;
  sendAt?: string;
  createdAt: string;
  createdBy: string;
}

export async function writeSpooled(dataDir: string, notice: SpooledNotice): Promise<string> {
  const dir = path.resolve(dataDir, SPOOL_DIR);
  await fsp.mkdir(dir, { recursive: true });
  const file = path.join(dir, `${notice.id}.json`);
  const tmp = `${file}.${randomBytes(3).toString("hex")}.tmp`;
  const handle = await fsp.open(tmp, "wx");
  try {
    await handle.writeFile(JSON.stringify(notice));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fsp.rename(tmp, file);
  const dirHandle = await fsp.open(dir, "r");
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
  return file;
}

/** The spooled notices waiting, oldest first; a file that does not parse is reported, not deleted. */
export async function readSpool(dataDir: string): Promise<Array<{ file: string; notice?: SpooledNotice; error?: string }>> {
  const dir = path.resolve(dataDir, SPOOL_DIR);
  let names: string[];
  try {
    names = (await fsp.readdir(dir)).filter((n) => n.endsWith(".json")).sort();
  } catch {
    return [];
  }
  const out: Array<{ file: string; notice?: SpooledNotice; error?: string }> = [];
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const parsed = JSON.parse(await fsp.readFile(file, "utf8")) as SpooledNotice;
      if (typeof parsed.id !== "string" || typeof parsed.text !== "string" || typeof parsed.audience !== "string") throw new Error("not a spooled notice");
      out.push({ file, notice: parsed });
    } catch (err) {
      out.push({ file, error: (err as Error).message });
    }
  }
  out.sort((a, b) => (a.notice?.createdAt ?? "").localeCompare(b.notice?.createdAt ?? ""));
  return out;
}

export async function removeSpooled(file: string): Promise<void> {
  await fsp.unlink(file).catch(() => {});
}
