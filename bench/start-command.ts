// How `npm start` runs the bot, read from package.json, so that the bench runs it the same way (its node flags too).
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * `npm start` as package.json writes it (`node [flags] dist/start/cli.js start`): the node flags,
 * and the arguments after them with the compiled script made absolute. A flag that changes memory
 * or speed then counts in the bench as it does in use.
 */
export function startCommand(root: string): { flags: string[]; args: string[] } {
  const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } };
  const [node, ...rest] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== "node") throw new Error(`npm start does not run node: ${pkg.scripts.start}`);
  const script = rest.findIndex((a) => !a.startsWith("-"));
  if (script < 0) throw new Error(`npm start names no script: ${pkg.scripts.start}`);
  return { flags: rest.slice(0, script), args: rest.slice(script).map((a, i) => (i === 0 ? path.join(root, a) : a)) };
}
