// `npm run build`, after tsc: bundles the command line (src/app/cli.ts) into dist/start/, which `npm start` runs.
// Loaded as ~250 separate modules (our own, zod's, hono's, grammY's CommonJS files), a start spent more time
// finding, reading and compiling files than running; bundled, it reads a handful. What a start never needs
// stays in lazily loaded chunks, and the packages it does not load stay in node_modules (see BUNDLED).
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The packages a start loads, bundled with our code. Every other dependency is left external and
 * imported from node_modules when a command needs it: a native module (resvg), the document and
 * spreadsheet libraries (loaded only by their commands), and any package added later, until it is
 * listed here.
 */
const BUNDLED = new Set(["grammy", "@grammyjs/auto-retry", "zod", "hono", "@hono/node-server", "pino", "@fluent/bundle", "dayjs", "lowdb", "yaml"]);

/**
 * Packages under those that stay in node_modules all the same. node-fetch (grammY's HTTP client)
 * leads to tr46, whose 250 KB table is a JSON file: required from node_modules it is one
 * JSON.parse, while bundled it becomes a JavaScript literal of 8,000 arrays, which V8 keeps a
 * template of besides the arrays themselves (some 1.5 MB more for as long as the bot runs).
 * abort-controller (grammY's AbortSignal) too: node-fetch knows a signal by its class's name, and a
 * bundle renames what meets a name already taken (its AbortController becomes AbortController2) and
 * keeps no names (below).
 */
const LEFT_OUT = ["node-fetch", "abort-controller"];

/** Writes the bundle to `outdir` (default dist/start/), replacing what was there. */
export async function bundle(outdir = path.join(root, "dist", "start")) {
  const { dependencies } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
  const external = [...Object.keys(dependencies).filter((name) => !BUNDLED.has(name)), ...LEFT_OUT];
  rmSync(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cli: "src/app/cli.ts" },
    outdir,
    chunkNames: "chunks/[name]-[hash]",
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external,
    // Bundled CommonJS (grammY, pino) calls require() for Node's own modules: an ES module has none of its own.
    banner: { js: 'import { createRequire as __bundleRequire } from "node:module"; const require = __bundleRequire(import.meta.url);' },
    // No keepNames: it wraps every function made at run time in a call that redefines its name, some
    // ten for each change of the store (its tracking proxies' handlers), a third of the time of
    // 1,000 answers made at once. Errors name themselves (`this.name`); node-fetch's AbortSignal is
    // left out of the bundle (LEFT_OUT).
    // V8 keeps the text of every script it loads, to compile functions when first called: without
    // comments and spaces it is a third as long, and without the comments' “curly quotes” it is
    // ASCII, one byte a character instead of two. The source map still leads to the sources.
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: "none",
    sourcemap: true,
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundle(process.argv[2] && path.resolve(process.argv[2]));
