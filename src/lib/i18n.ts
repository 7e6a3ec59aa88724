// Messages: every sentence a person reads comes from locales/<lang>/*.ftl through Fluent.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { ROOT } from "../config/paths.js";
import { formatNumber, numberRules } from "./numbers.js";

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

/**
 * An I18n whose messages get `defaults` (written in each language, once per translate function)
 * wherever the message's own values leave them out: the conference's words every message may use,
 * such as `localUnits` ("xã, phường" for a province after 2025).
 */
export function withDefaultArgs(i18n: I18n, defaults: (t: Translate) => MessageArgs): I18n {
  return {
    languages: i18n.languages,
    has: (key, language) => i18n.has(key, language),
    keys: (language) => i18n.keys(language),
    forLanguage(language) {
      const base = i18n.forLanguage(language);
      let values: MessageArgs | undefined;
      return (key, args) => base(key, { ...(values ??= defaults(base)), ...args });
    },
  };
}

/**
 * Fluent formats a number, and picks a variant by it, with an Intl.NumberFormat and an
 * Intl.PluralRules that it makes once per bundle and options and keeps in `bundle._intls`. For a
 * language whose rules src/lib/numbers.ts knows, the two for the default options (every `{ $n }`;
 * a NUMBER() with options of its own still gets Intl's) are put there first: the same text,
 * without ICU's tables in memory (see numbers.ts).
 */
function useOwnNumbers(bundle: FluentBundle, language: string): void {
  const rules = numberRules(language);
  if (!rules) return;
  const defaults = JSON.stringify({});
  const format: Pick<Intl.NumberFormat, "format"> = { format: (n) => formatNumber(Number(n), rules) };
  const plural: Pick<Intl.PluralRules, "select"> = { select: (n) => rules.plural(n) as Intl.LDMLPluralRule };
  // Only the methods Fluent calls exist on them, which is what the cache's type cannot say.
  bundle._intls.set(Intl.NumberFormat, { [defaults]: format as Intl.NumberFormat });
  bundle._intls.set(Intl.PluralRules, { [defaults]: plural as Intl.PluralRules });
}

export function createI18n(options: { dir?: string; defaultLanguage?: string } = {}): I18n {
  const dir = options.dir ?? path.join(ROOT, "locales");
  const defaultLanguage = options.defaultLanguage ?? "vi";
  const languages = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  if (!languages.includes(defaultLanguage)) throw new Error(`no locale folder for ${defaultLanguage} in ${dir}`);
  const bundles = new Map<string, FluentBundle>();
  const keysByLanguage = new Map<string, string[]>();

  // A language's files are read and parsed when it is first asked for: the command line makes an I18n
  // before it knows whether it will print anything, and a start should not parse every locale twice.
  function load(lang: string): FluentBundle {
    const loaded = bundles.get(lang);
    if (loaded) return loaded;
    // Isolation marks (U+2068/2069) would show as boxes on some phones: plain text is safer here.
    const bundle = new FluentBundle(lang, { useIsolating: false });
    useOwnNumbers(bundle, lang);
    const keys: string[] = [];
    for (const f of readdirSync(path.join(dir, lang)).filter((f) => f.endsWith(".ftl")).sort()) {
      const resource = new FluentResource(readFileSync(path.join(dir, lang, f), "utf8"));
      for (const entry of resource.body) if (!entry.id.startsWith("-")) keys.push(entry.id);
      const errors = bundle.addResource(resource);
      if (errors.length > 0) throw new Error(`${lang}/${f}: ${errors.map((e) => e.message).join("; ")}`);
    }
    bundles.set(lang, bundle);
    keysByLanguage.set(lang, keys);
    return bundle;
  }

  const defaultsByBundle = new WeakMap<FluentBundle, Record<string, string>>();
  /** The conference's words where no conference said them (withDefaultArgs): a district's "xã, thị trấn" and "huyện". */
  function conferenceDefaults(bundle: FluentBundle): Record<string, string> {
    const known = defaultsByBundle.get(bundle);
    if (known) return known;
    const text = (key: string) => {
      const value = bundle.getMessage(key)?.value;
      return value ? bundle.formatPattern(value, {}) : "";
    };
    const values = { localUnits: text("local-units-default"), bodyLevel: text("level-district") };
    defaultsByBundle.set(bundle, values);
    return values;
  }

  function pick(language: string | undefined): FluentBundle {
    const short = language?.toLowerCase().split(/[-_]/)[0];
    return load(short && languages.includes(short) ? short : defaultLanguage);
  }

  function format(bundle: FluentBundle, key: string, args?: MessageArgs): string {
    const owner = bundle.hasMessage(key) ? bundle : load(defaultLanguage);
    const msg = owner.getMessage(key);
    if (!msg?.value) throw new MissingMessage(`missing message "${key}"`);
    // "liên hệ Ban tổ chức{ $contact }": where no contact is passed (desk pages, tests) the sentence simply names none.
    // "các { $localUnits }": the conference's kinds of local units (withDefaultArgs); without them, the district's "xã, thị trấn".
    const clean: Record<string, FluentVariable> = Object.assign({ contact: "" }, conferenceDefaults(owner));
    // A walk of the keys, not Object.entries: a message of forty lines is some hundred and fifty calls.
    for (const k in args) {
      const v = args[k];
      if (v !== undefined && Object.hasOwn(args, k)) clean[k] = v;
    }
    const errors: Error[] = [];
    const text = owner.formatPattern(msg.value, clean, errors);
    if (errors.length > 0) throw new MissingMessage(`message "${key}": ${errors.map((e) => e.message).join("; ")}`);
    return text;
  }

  return {
    languages: [...languages],
    forLanguage(language) {
      let bundle: FluentBundle | undefined;
      return (key, args) => format((bundle ??= pick(language)), key, args);
    },
    has(key, language) {
      return pick(language).hasMessage(key);
    },
    keys(language) {
      if (!languages.includes(language)) return [];
      load(language);
      return keysByLanguage.get(language) ?? [];
    },
  };
}
