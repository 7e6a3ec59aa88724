// Shared helpers of the conference tests: the shipped file, and a translate function over the Fluent files.
import * as fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import type { TranslateFn } from "../../src/conference/errors.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export const SHIPPED = path.join(root, "conferences/phong-tho-2023.yaml");
export const shippedText = (): string => fs.readFileSync(SHIPPED, "utf8");

export function ftlPath(lang: "vi" | "en"): string {
  return path.join(root, "locales", lang, "conference.ftl");
}

export function bundle(lang: "vi" | "en"): FluentBundle {
  const b = new FluentBundle(lang, { useIsolating: false });
  const errors = b.addResource(new FluentResource(fs.readFileSync(ftlPath(lang), "utf8")));
  if (errors.length > 0) throw errors[0];
  return b;
}

export function translator(lang: "vi" | "en"): TranslateFn {
  const b = bundle(lang);
  return (key, args) => {
    const msg = b.getMessage(key);
    if (!msg?.value) throw new Error(`missing message ${key} (${lang})`);
    const errors: Error[] = [];
    const out = b.formatPattern(msg.value, args, errors);
    if (errors.length > 0) throw errors[0];
    return out;
  };
}

/** 1-based number of the first line of `text` that contains `needle` (after line `after`). */
export function lineOf(text: string, needle: string, after = 0): number {
  const lines = text.split("\n");
  for (let i = after; i < lines.length; i++) if ((lines[i] as string).includes(needle)) return i + 1;
  throw new Error(`not found: ${needle}`);
}
