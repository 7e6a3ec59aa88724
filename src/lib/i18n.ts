// Messages: every sentence a person reads comes from locales/<lang>/*.ftl through Fluent.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { ROOT } from "../app/config.js";

export type MessageArgs = Record<string, string | number | Date | undefined>;
export type Translate = (key: string, args?: MessageArgs) => string;

export interface I18n {
  readonly languages: string[];
  /** A translate function for one language (unknown languages fall back to the default). */
  forLanguage(language: string | undefined): Translate;
  has(key: string, language?: string): boolean;
  /** Every message key of a language (for tests that compare locales). */
  keys(language: string): string[];
}

export class MissingMessage extends Error {}

export function createI18n(options: { dir?: string; defaultLanguage?: string } = {}): I18n {
  const dir = options.dir ?? path.join(ROOT, "locales");
  const defaultLanguage = options.defaultLanguage ?? "vi";
  const bundles = new Map<string, FluentBundle>();
  const keysByLanguage = new Map<string, string[]>();
  for (const lang of readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    // Isolation marks (U+2068/2069) would show as boxes on some phones: plain text is safer here.
    const bundle = new FluentBundle(lang, { useIsolating: false });
    const keys: string[] = [];
    for (const f of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith(".ftl")).sort()) {
      const resource = new FluentResource(readFileSync(path.join(dir, lang, f), "utf8"));
      for (const entry of resource.body) if (!entry.id.startsWith("-")) keys.push(entry.id);
      const errors = bundle.addResource(resource);
      if (errors.length > 0) throw new Error(`${lang}/${f}: ${errors.map((e) => e.message).join("; ")}`);
    }
    bundles.set(lang, bundle);
    keysByLanguage.set(lang, keys);
  }
  if (!bundles.has(defaultLanguage)) throw new Error(`no locale folder for ${defaultLanguage} in ${dir}`);

  function pick(language: string | undefined): FluentBundle {
    const short = language?.toLowerCase().split(/[-_]/)[0];
    return (short && bundles.get(short)) || (bundles.get(defaultLanguage) as FluentBundle);
  }

  function format(bundle: FluentBundle, key: string, args?: MessageArgs): string {
    const msg = bundle.getMessage(key) ?? bundles.get(defaultLanguage)?.getMessage(key);
    if (!msg?.value) throw new MissingMessage(`missing message "${key}"`);
    // "liên hệ Ban tổ chức{ $contact }": where no contact is passed (desk pages, tests) the sentence simply names none.
    const clean: Record<string, FluentVariable> = { contact: "" };
    for (const [k, v] of Object.entries(args ?? {})) if (v !== undefined) clean[k] = v;
    const errors: Error[] = [];
    const owner = bundle.getMessage(key) ? bundle : (bundles.get(defaultLanguage) as FluentBundle);
    const text = owner.formatPattern(msg.value, clean, errors);
    if (errors.length > 0) throw new MissingMessage(`message "${key}": ${errors.map((e) => e.message).join("; ")}`);
    return text;
  }

  return {
    languages: [...bundles.keys()],
    forLanguage(language) {
      const bundle = pick(language);
      return (key, args) => format(bundle, key, args);
    },
    has(key, language) {
      return pick(language).hasMessage(key);
    },
    keys(language) {
      return keysByLanguage.get(language) ?? [];
    },
  };
}
