// No import cycles in src/, commands/, storage/; the domain core loads no channel, grammY, Zalo client, Fluent or commands/.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cycles, domainViolations, type Graph, LAYER_RULES, layerViolations, readGraph } from "./dependencies.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** No cycle is allowed: the list stays empty (a cycle found fails the test at once). */
const KNOWN_CYCLES: readonly string[] = [];

let graph: Graph;
beforeAll(async () => {
  graph = await readGraph(ROOT);
}, 120_000);

describe("the module graph", () => {
  it("is read whole: every module of src/, commands/ and storage/, with its imports resolved", () => {
    const files = Object.keys(graph.all);
    expect(files).toContain("src/app/cli.ts");
    expect(files).toContain("commands/index.ts");
    expect(files).toContain("storage/store.ts");
    expect(files).toContain("src/domain/units.ts");
    expect(files.filter((f) => f.startsWith("src/domain/")).length).toBeGreaterThanOrEqual(2);
    // Imports written with .js resolve to the .ts sources (else no edge, and no cycle, would be seen).
    const cli = graph.all["src/app/cli.ts"] ?? [];
    expect(cli.map((d) => d.id)).toContain("src/app/cli-core.ts");
    expect(cli.every((d) => d.id !== null)).toBe(true);
  });

  it("has no import cycle besides the known ones being removed", () => {
    const unknown = cycles(graph.all).filter((c) => !KNOWN_CYCLES.includes(c));
    expect(unknown, "import cycles").toEqual([]);
  });

  it("the command line, the channel list and the subcommands import one another in one direction", () => {
    const app = cycles(graph.all).filter((c) => c.includes("src/app/") || c.includes("src/channels/"));
    expect(app).toEqual([]);
  });

  it("no domain module imports a channel, grammY, the Zalo client, Fluent or commands/, nor loads one through another module", () => {
    expect(domainViolations(graph)).toEqual([]);
  });
});

describe("the checker itself", () => {
  let dir: string;
  let fixture: Graph;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "hoinghi-deps-"));
    const files: Record<string, string> = {
      "src/a.ts": 'import { b } from "./b.js";\nexport const a = () => b;\n',
      "src/b.ts": 'import type { a } from "./a.js";\nexport const b = 1;\nexport type A = typeof a;\n',
      "src/c.ts": 'export const c = async () => (await import("./d.js")).d;\n',
      "src/d.ts": 'import { c } from "./c.js";\nexport const d = c;\n',
      "src/domain/rules.ts": 'import { helper } from "../lib/helper.js";\nimport type { Bot } from "grammy";\nexport const rule = helper;\nexport type B = Bot;\n',
      "src/domain/typed.ts": 'import type { Translate } from "../lib/i18n.js";\nexport type T = Translate;\n',
      "src/lib/helper.ts": 'import { reply } from "../../commands/reply.js";\nimport type { Clock } from "../../commands/clock.js";\nexport const helper = reply;\nexport type C = Clock;\n',
      "src/lib/i18n.ts": "export type Translate = (key: string) => string;\n",
      "commands/reply.ts": "export const reply = 1;\n",
      "commands/clock.ts": "export interface Clock { now(): Date }\n",
      // The project's module settings, so that "./b.js" resolves to ./b.ts as in the project.
      "tsconfig.json": JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext", strict: true } }),
      "src/domain/pure.ts": 'import type { C } from "../lib/helper.js";\nexport type P = C;\n',
      "src/desk/page.ts": 'import { rule } from "../domain/rules.js";\nexport const page = rule;\n',
      "src/desk/other.ts": 'import type { Clock } from "../../commands/clock.js";\nexport type O = Clock;\n',
    };
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), text);
    }
    fixture = await readGraph(dir, ["src/**/*.ts", "commands/**/*.ts"]);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds a cycle made by a type-only import and one made by a dynamic import()", () => {
    expect(cycles(fixture.all)).toEqual(["src/a.ts -> src/b.ts", "src/c.ts -> src/d.ts"]);
  });

  it("finds a domain module importing grammY, or Fluent's module, or loading commands/ through a helper", () => {
    expect(domainViolations(fixture)).toEqual([
      "src/domain/rules.ts -> grammy (grammY)",
      "src/domain/rules.ts -> src/lib/helper.ts -> commands/reply.ts (commands/)",
      "src/domain/typed.ts -> src/lib/i18n.ts (Fluent (src/lib/i18n.ts))",
    ]);
  });

  it("finds a desk page that imports commands/, or loads it through the domain and a helper", () => {
    const rule = LAYER_RULES.find((r) => r.name === "the desk does not import the chat");
    expect(rule && layerViolations(fixture, rule)).toEqual([
      "src/desk/other.ts -> commands/clock.ts (commands/)",
      "src/desk/page.ts -> src/domain/rules.ts -> src/lib/helper.ts -> commands/reply.ts (commands/)",
    ]);
  });
});

describe("README's layers", () => {
  for (const rule of LAYER_RULES) {
    it(rule.name, () => {
      expect(layerViolations(graph, rule)).toEqual([]);
    });
  }
});
