// Shared helpers for the storage tests: temp dirs, sample records, a disk that fails on demand.
import * as fs from "node:fs";
import * as fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type FileOps, realFileOps } from "../../storage/durable-file.js";
import { readStoreFilesSync } from "../../storage/layout.js";
import type { Account, Invite, RsvpAnswer, StoreData } from "../../storage/schema.js";

const made: string[] = [];

/** A fresh directory under the OS temp dir; removed by cleanupTempDirs(). */
export async function tempDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "hoinghi-store-"));
  made.push(dir);
  return dir;
}

export async function cleanupTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => fsp.rm(d, { recursive: true, force: true })));
}

export function rsvp(seatId: string): RsvpAnswer {
  return { unitId: "u1", seatId, status: "attend", name: "Nguyen Van A", by: "console:test", at: "2025-01-01T08:00:00.000Z" };
}

/** An invite code of the main file (shared by every conference): what the tests of the main file write. */
export function invite(code: string): Invite {
  return { code, target: "u1", issuedAt: "2025-01-01T08:00:00.000Z" };
}

export function account(id: string): Account {
  return {
    key: `console:${id}`,
    channel: "console",
    userId: id,
    chatId: id,
    displayName: `Person ${id}`,
    language: "vi",
    unitId: "u1",
    joinedAt: "2025-01-01T08:00:00.000Z",
  };
}

/** The store as its files hold it (the main file and its parts), read straight from disk (not through a store). */
export function readStore(dir: string): StoreData {
  return readStoreFilesSync(dir);
}

/** The file as JSON, read straight from disk (not through a store). */
export function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

export function enospc(): NodeJS.ErrnoException {
  const err: NodeJS.ErrnoException = new Error("ENOSPC: no space left on device, write");
  err.code = "ENOSPC";
  return err;
}

/**
 * Real file operations, except that while `failing` names a step, that step throws ENOSPC.
 * `delayMs` holds the failing open back a little, so more changes can arrive during the write.
 */
export function flakyOps(): { ops: FileOps; fail: { step?: "open" | "write" | "sync"; delayMs: number } } {
  const fail: { step?: "open" | "write" | "sync"; delayMs: number } = { delayMs: 0 };
  const open = (async (...args: Parameters<FileOps["open"]>) => {
    if (fail.delayMs) await new Promise((r) => setTimeout(r, fail.delayMs));
    if (fail.step === "open") throw enospc();
    const handle = await realFileOps.open(...args);
    if (fail.step === "sync") {
      handle.sync = async () => {
        throw enospc();
      };
    }
    return handle;
  }) as FileOps["open"];
  const writeAll: FileOps["writeAll"] = (fd, bytes) => {
    if (fail.step !== "write") return realFileOps.writeAll(fd, bytes);
    // Part of the data lands before the error, as on a full disk.
    realFileOps.writeAll(fd, bytes.subarray(0, 10));
    throw enospc();
  };
  return { ops: { ...realFileOps, open, writeAll }, fail };
}
