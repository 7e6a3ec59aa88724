// Every write of the store ends with an fsync of its folder after the rename, through the injectable FileOps.
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type FileOps, realFileOps } from "../../storage/durable-file.js";
import { openStore, type RootStore } from "../../storage/store.js";
import { CONFERENCE, withConference } from "../helpers/conference-store.js";
import { account, cleanupTempDirs, flakyOps, invite, readStore, rsvp, tempDir } from "./helpers.js";

afterEach(cleanupTempDirs);

/** Real operations that also record, in order, what the store asked of the disk. */
function spyOps(): { ops: FileOps; calls: string[] } {
  const calls: string[] = [];
  const name = (p: unknown) => path.basename(String(p));
  const ops: FileOps = {
    ...realFileOps,
    open: (async (...args: Parameters<FileOps["open"]>) => {
      calls.push(`open ${name(args[0])}`);
      const handle = await realFileOps.open(...args);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        calls.push(`sync ${name(args[0])}`);
        await sync();
      };
      return handle;
    }) as FileOps["open"],
    rename: async (from, to) => {
      calls.push(`rename ${name(from)} ${name(to)}`);
      await realFileOps.rename(from, to);
    },
    syncDir: async (dir) => {
      calls.push(`syncDir ${dir}`);
      await realFileOps.syncDir(dir);
    },
  };
  return { ops, calls };
}

/** Operations (real ones by default) whose folder fsync fails with EIO while `refuse.on`. */
function refusingFolderSync(base: FileOps = realFileOps): { ops: FileOps; refuse: { on: boolean } } {
  const refuse = { on: false };
  const ops: FileOps = {
    ...base,
    syncDir: async (d) => {
      if (refuse.on) throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
      await realFileOps.syncDir(d);
    },
  };
  return { ops, refuse };
}

/** Memory holds only the account kept, and the next write that succeeds puts it and a new one on disk, nothing refused. */
async function expectOnlyKeptAfterNextWrite(store: RootStore, kept: string): Promise<void> {
  expect(Object.keys(store.data.accounts)).toEqual([kept]);
  const later = account("later");
  await store.mutate((d) => void (d.accounts[later.key] = later));
  expect(Object.keys(readStore(store.dir).accounts).sort()).toEqual([kept, later.key].sort());
  await store.close();
}

describe("a durable write", () => {
  it("syncs the data, renames it into place, then syncs the folder, before the change is acknowledged", async () => {
    const dir = await tempDir();
    const { ops, calls } = spyOps();
    const root = await openStore({ dir, fileOps: ops });
    calls.length = 0;
    await root.mutate((d) => void d.invites.push(invite("MUONGSO1")));
    // Acknowledged: by now the folder's fsync has happened, after the rename.
    expect(calls).toEqual(["open hoinghi.json.tmp", "sync hoinghi.json.tmp", "rename hoinghi.json.tmp hoinghi.json", `syncDir ${dir}`]);
    expect(readStore(dir).invites.map((r) => r.code)).toEqual(["MUONGSO1"]);
    // A delegate's answer: the conference's own file, the same way.
    const store = await withConference(root);
    calls.length = 0;
    await store.mutate((d) => void d.rsvps.push(rsvp("s1")));
    const file = `${CONFERENCE}.json`;
    expect(calls).toEqual([`open ${file}.tmp`, `sync ${file}.tmp`, `rename ${file}.tmp ${file}`, `syncDir ${path.join(dir, "hoinghi.parts", "conferences")}`]);
    expect(readStore(dir).conferences[CONFERENCE]?.rsvps.map((r) => r.seatId)).toEqual(["s1"]);
    await store.close();
  });

  it("a folder that refuses its fsync fails the change, which the person is not told was saved", async () => {
    const dir = await tempDir();
    const { ops, refuse } = refusingFolderSync();
    const store = await openStore({ dir, fileOps: ops });
    refuse.on = true;
    const a = account("2");
    await expect(store.mutate((d) => void (d.accounts[a.key] = a))).rejects.toThrow(/could not be written: EIO/);
    expect(store.data.accounts[a.key]).toBeUndefined();
    await store.close();
  });

  it("after folder fsyncs refused twice in a row, memory and the next good write hold neither refused change", async () => {
    const dir = await tempDir();
    const { ops, refuse } = refusingFolderSync();
    const store = await openStore({ dir, fileOps: ops });
    const kept = account("kept");
    await store.mutate((d) => void (d.accounts[kept.key] = kept));
    refuse.on = true;
    // Each refused write was renamed into place before its folder fsync failed: what the people
    // were told is not kept must not come back from the file, nor from the copy beside it.
    const [x, y] = [account("x"), account("y")];
    await expect(store.mutate((d) => void (d.accounts[x.key] = x))).rejects.toThrow(/EIO/);
    await expect(store.mutate((d) => void (d.accounts[y.key] = y))).rejects.toThrow(/EIO/);
    refuse.on = false;
    await expectOnlyKeptAfterNextWrite(store, kept.key);
  });

  it("after a refused folder fsync and then a full disk, memory holds neither refused change", async () => {
    const dir = await tempDir();
    const { ops: flaky, fail } = flakyOps();
    const { ops, refuse } = refusingFolderSync(flaky);
    const store = await openStore({ dir, fileOps: ops });
    const kept = account("kept");
    await store.mutate((d) => void (d.accounts[kept.key] = kept));
    // The first is renamed into place, then its folder fsync fails; the second fails before its rename.
    refuse.on = true;
    const x = account("x");
    await expect(store.mutate((d) => void (d.accounts[x.key] = x))).rejects.toThrow(/EIO/);
    refuse.on = false;
    fail.step = "write";
    const y = account("y");
    await expect(store.mutate((d) => void (d.accounts[y.key] = y))).rejects.toThrow(/ENOSPC/);
    fail.step = undefined;
    await expectOnlyKeptAfterNextWrite(store, kept.key);
  });
});
