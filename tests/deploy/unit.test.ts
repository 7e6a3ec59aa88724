// deploy/hoinghi.service (issue 24 item 2): what the district's server runs, checked against the project itself.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../../src/config/paths.js";

const UNIT = path.join(ROOT, "deploy", "hoinghi.service");

/** The unit's settings by section: every value of a key, in order. */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = "";
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1] as string;
      out[section] = {};
      continue;
    }
    const eq = line.indexOf("=");
    const values = ((out[section] as Record<string, string[]>)[line.slice(0, eq)] ??= []);
    values.push(line.slice(eq + 1));
  }
  return out;
}

describe("the systemd unit", () => {
  const unit = parseUnit(readFileSync(UNIT, "utf8"));
  const service = unit.Service as Record<string, string[]>;
  const one = (key: string) => service[key]?.at(-1);

  it("runs what `npm start` runs, as its own user, from the clone with its .env, restarting on failure", () => {
    const start = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(one("ExecStart")).toBe(start.replace(/^node /, "/usr/bin/node "));
    expect(one("User")).toBe("hoinghi");
    expect(one("Restart")).toBe("on-failure");
    expect(one("WorkingDirectory")).toBe("/opt/hoinghi");
    expect(one("EnvironmentFile")).toBe("/opt/hoinghi/.env");
    expect(unit.Install?.WantedBy).toEqual(["multi-user.target"]);
  });

  it("writes only its data folder: DATA_DIR, the state directory and the one writable path agree", () => {
    expect(service.Environment).toContain("DATA_DIR=/var/lib/hoinghi");
    expect(one("StateDirectory")).toBe("hoinghi");
    expect(service.ReadWritePaths).toContain("/var/lib/hoinghi");
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("NoNewPrivileges")).toBe("yes");
    expect(one("ProtectHome")).toBe("yes");
    expect(one("CapabilityBoundingSet")).toBe("");
  });

  it.skipIf(!existsSync("/usr/bin/systemd-analyze"))("is a unit systemd accepts (systemd-analyze verify, where systemd is installed)", () => {
    // Only complaints about the unit's text count; a user or a path this machine lacks is the server's business.
    const run = spawnSync("/usr/bin/systemd-analyze", ["verify", UNIT], { encoding: "utf8" });
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Unknown (key|section)|Invalid|Failed to parse|ignoring/);
  });
});
