// The desk's words: a sentence the chat writes with a command to type ("/dangky vang …",
// "/nhapdiem mau", "/congbo") has a sibling for the web, "desk-web-<key>", which the desk writes
// instead, wherever the sentence comes from (a refusal of an action, a preview, a done page).
import type { I18n, Translate } from "../lib/i18n.js";

/** The key the desk writes in place of `key`. */
export const webKey = (key: string) => `desk-web-${key}`;

/** The translation of the desk for a language: each chat sentence with a web sibling is written as the sibling. */
export function deskTranslate(i18n: I18n, language: string | undefined): Translate {
  const t = i18n.forLanguage(language);
  return (key, args) => t(i18n.has(webKey(key), language) ? webKey(key) : key, args);
}
