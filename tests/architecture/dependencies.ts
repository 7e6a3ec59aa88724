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

/**
 * Each break of the domain rule, as "src/domain/x.ts -> … -> target (what)": a domain module's own
 * imports (type-only ones too), and everything its runtime imports load in turn.
 */
export function domainViolations(graph: Graph): string[] {
  return layerViolations(graph, { name: "the domain", from: (file) => file.startsWith("src/domain/"), forbidden: forbiddenForDomain });
}

/** A rule of README's architecture: modules under `from` must not reach what `forbidden` names. */
export interface LayerRule {
  name: string;
  from: (file: string) => boolean;
  /** What the target is, when it is forbidden for `from` (undefined: allowed). */
  forbidden: (id: string | null, request: string) => string | undefined;
}

const under = (...prefixes: string[]) => (file: string) => prefixes.some((p) => file.startsWith(p));
const reaching = (what: Record<string, string>) => (id: string | null, request: string) => {
  const target = id ?? request;
  for (const [prefix, name] of Object.entries(what)) if (target.startsWith(prefix)) return name;
  return undefined;
};

/** README's rules, each as a rule on the import graph (the domain's own rule is domainViolations). */
export const LAYER_RULES: LayerRule[] = [
  { name: "the desk does not import the chat", from: under("src/desk/"), forbidden: reaching({ "commands/": "commands/" }) },
  { name: "the outbox knows no chat", from: under("src/outbox/"), forbidden: reaching({ "commands/": "commands/", "src/desk/": "the desk", "src/documents/": "the renderers (handed in by the wiring)" }) },
  { name: "channels are handed what they need, not the app", from: under("src/channels/"), forbidden: reaching({ "src/app/": "src/app/" }) },
  {
    name: "views and actions write no text and know no interface",
    from: under("src/views/", "src/actions/"),
    forbidden: (id, request) =>
      reaching({ "commands/": "commands/", "src/desk/": "the desk", "src/channels/": "a channel", "src/app/": "src/app/" })(id, request) ??
      forbiddenForDomain(id, request),
  },
  {
    name: "the contracts at the bottom import nothing above them",
    from: under("src/messages/", "src/config/"),
    forbidden: reaching({
      "commands/": "commands/",
      "src/desk/": "the desk",
      "src/channels/": "a channel",
      "src/app/": "src/app/",
      "src/outbox/": "the outbox",
      "src/actions/": "actions",
      "src/views/": "views",
    }),
  },
];

/** Each break of a rule: the module's own imports (type-only too), and what its runtime imports load in turn. */
export function layerViolations(graph: Graph, rule: LayerRule): string[] {
  const found = new Set<string>();
  for (const [file, deps] of Object.entries(graph.all)) {
    if (!rule.from(file) || !deps) continue;
    for (const d of deps) {
      const what = rule.forbidden(d.id, d.request);
      if (what) found.add(`${file} -> ${d.id ?? d.request} (${what})`);
    }
  }
  for (const file of Object.keys(graph.runtime).filter(rule.from)) {
    const seen = new Map<string, string[]>([[file, [file]]]);
    const queue = [file];
    while (queue.length > 0) {
      const at = queue.shift() as string;
      for (const d of graph.runtime[at] ?? []) {
        const target = d.id ?? d.request;
        const chain = [...(seen.get(at) ?? []), target];
        const what = rule.forbidden(d.id, d.request);
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
