// The conference file at start: an unchanged file is not parsed again, and a wrong one is reported as loadConference reports it.
import * as fs from "node:fs";
import * as os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConferenceCached } from "../../src/conference/cached.js";
import { loadConference } from "../../src/conference/load.js";
import { shippedText } from "./helpers.js";
import { ConferenceFileError } from "../../src/conference/errors.js";

let dir: string;
let cacheDir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "conf-cache-"));
  cacheDir = path.join(dir, "cache");
  file = path.join(dir, "hoi-nghi.yaml");
  fs.writeFileSync(file, shippedText());
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entries = () => (fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []);
const entryPath = () => path.join(cacheDir, entries()[0] as string);

function thrown(run: () => unknown): ConferenceFileError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ConferenceFileError);
    return err as ConferenceFileError;
  }
  throw new Error("expected the file to fail");
}

async function thrownAsync(run: () => Promise<unknown>): Promise<ConferenceFileError> {
  const err = await run().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConferenceFileError);
  return err as ConferenceFileError;
}

describe("the conference file at start", () => {
  it("gives what loadConference gives, the first time and from the cache the next", async () => {
    const first = await loadConferenceCached(file, cacheDir);
    expect(first).toEqual(loadConference(file));
    expect(entries()).toHaveLength(1);
    const written = fs.statSync(entryPath()).mtimeMs;
    expect(await loadConferenceCached(file, cacheDir)).toEqual(first);
    // A hit rewrites nothing.
    expect(fs.statSync(entryPath()).mtimeMs).toBe(written);
  });

  it("reads the file again once it changed, keeping one entry per file", async () => {
    await loadConferenceCached(file, cacheDir);
    fs.writeFileSync(file, shippedText().replace(/^title: .*$/m, "title: Hội nghị đã đổi tên"));
    expect((await loadConferenceCached(file, cacheDir)).title).toBe("Hội nghị đã đổi tên");
    expect(entries()).toHaveLength(1);
  });

  it("reports a wrong file with the same lines and fields as loadConference, even after a good version was cached", async () => {
    await loadConferenceCached(file, cacheDir);
    fs.writeFileSync(file, shippedText().replace(/^title: .*\n/m, "").replace("kind: commune", "kind: village"));
    const expected = thrown(() => loadConference(file));
    const got = await thrownAsync(() => loadConferenceCached(file, cacheDir));
    expect(got.issues).toEqual(expected.issues);
    expect(got.issues.length).toBeGreaterThan(1);
  });

  it("reports a missing file as loadConference does", async () => {
    const missing = path.join(dir, "khong-co.yaml");
    expect((await thrownAsync(() => loadConferenceCached(missing, cacheDir))).issues).toEqual(thrown(() => loadConference(missing)).issues);
  });

  it("does not trust an entry the schema now refuses, nor one cut short: the file is parsed", async () => {
    await loadConferenceCached(file, cacheDir);
    const saved = JSON.parse(fs.readFileSync(entryPath(), "utf8")) as { key: string; data: Record<string, unknown> };
    fs.writeFileSync(entryPath(), JSON.stringify({ key: saved.key, data: { ...saved.data, title: 42 } }));
    expect((await loadConferenceCached(file, cacheDir)).title).toBe(loadConference(file).title);
    fs.writeFileSync(entryPath(), "{\"key\":");
    expect(await loadConferenceCached(file, cacheDir)).toEqual(loadConference(file));
  });

  it("still loads when the cache cannot be written", async () => {
    fs.writeFileSync(cacheDir, "not a folder");
    expect(await loadConferenceCached(file, cacheDir)).toEqual(loadConference(file));
    expect(fs.readdirSync(dir).sort()).toEqual(["cache", "hoi-nghi.yaml"]);
  });
});
