// The module graph of src/, commands/ and storage/, read by dpdm (a maintained dependency checker that
// parses the TypeScript sources themselves, so `import type` edges count too), and the two rules on it.
import { type DependencyTree, parseCircular, parseDependencyTree } from "dpdm";

export interface Graph {
  /** Every edge, type-only imports and dynamic `import()` included: what a reader follows. */
  all: DependencyTree;
  /** Only the imports left in the emitted JavaScript (type-only imports dropped): what runs. */
  runtime: DependencyTree;
}

export const SOURCES = ["src/**/*.ts", "commands/**/*.ts", "storage/**/*.ts"];

export async function readGraph(root: string, files: string[] = SOURCES): Promise<Graph> {
  // File names come back relative to `cwd` ("src/app/cli.ts"); tsconfig.json in `context` resolves "./x.js" to x.ts.
  const read = (transform: boolean) => parseDependencyTree(files, { context: root, cwd: root, transform, skipDynamicImports: false });
  return { all: await read(false), runtime: await read(true) };
}

/** A cycle written from its smallest file on, so the same cycle always reads the same: "a.ts -> b.ts". */
export function cycleName(cycle: readonly string[]): string {
  const start = cycle.indexOf([...cycle].sort()[0] as string);
  return [...cycle.slice(start), ...cycle.slice(0, start)].join(" -> ");
}

export function cycles(tree: DependencyTree): string[] {
  return [...new Set(parseCircular(tree, false).map(cycleName))].sort();
}

/** What a domain module must not reach: channels, grammY, the Zalo client, Fluent and the i18n module, commands/. */
export function forbiddenForDomain(id: string | null, request: string): string | undefined {
  const target = id ?? request;
  if (/^(grammy|@grammyjs\/)/.test(request) || /node_modules\/(grammy|@grammyjs)\//.test(target)) return "grammY";
  if (/^@fluent\//.test(request) || /node_modules\/@fluent\//.test(target)) return "Fluent";
  if (target === "src/lib/i18n.ts") return "Fluent (src/lib/i18n.ts)";
  if (target === "src/channels/zalo/client.ts") return "the Zalo client";
  if (target.startsWith("src/channels/")) return "a channel";
  if (target.startsWith("commands/")) return "commands/";
  return undefined;
}

const isDomain = (file: string) => file.startsWith("src/domain/");

/**
 * Each break of the domain rule, as "src/domain/x.ts -> … -> target (what)": a domain module's own
 * imports (type-only ones too), and everything its runtime imports load in turn.
 */
export function domainViolations(graph: Graph): string[] {
  const found = new Set<string>();
  for (const [file, deps] of Object.entries(graph.all)) {
    if (!isDomain(file) || !deps) continue;
    for (const d of deps) {
      const what = forbiddenForDomain(d.id, d.request);
      if (what) found.add(`${file} -> ${d.id ?? d.request} (${what})`);
    }
  }
  for (const file of Object.keys(graph.runtime).filter(isDomain)) {
    // Breadth first over what the domain module loads when it runs, keeping the path for the message.
    const seen = new Map<string, string[]>([[file, [file]]]);
    const queue = [file];
    while (queue.length > 0) {
      const at = queue.shift() as string;
      for (const d of graph.runtime[at] ?? []) {
        const target = d.id ?? d.request;
        const chain = [...(seen.get(at) ?? []), target];
        const what = forbiddenForDomain(d.id, d.request);
        if (what) {
          found.add(`${chain.join(" -> ")} (${what})`);
          continue;
        }
        if (d.id && !seen.has(d.id) && d.id in graph.runtime) {
          seen.set(d.id, chain);
          queue.push(d.id);
        }
      }
    }
  }
  return [...found].sort();
}
