// A person's name as it is kept: without the form of address people put before it ("chị Lò Thị
// Xuân", "đồng chí Vàng A Sử", "đ/c Lò Văn Nam"), and with its marks when the bot knows them.
import { fold } from "../lib/text.js";

/**
 * The forms of address, folded, longest first: "đồng chí", "đ/c", "anh", "chị", "ông", "bà", "em",
 * "cô", "chú", "bác". Only in front of a name of at least two more words are "cô", "chú", "bác", "em"
 * taken as forms of address (a one-word name "Em" stays).
 */
const ADDRESS_FORMS: readonly string[][] = [["dong", "chi"], ["d/c"], ["dc"], ["anh"], ["chi"], ["ong"], ["ba"], ["em"], ["co"], ["chu"], ["bac"]];

/** The name without the forms of address in front of it ("chị Lò Thị Xuân" → "Lò Thị Xuân"), its own spacing kept; never empty when `typed` is not. */
export function withoutAddress(typed: string): string {
  let rest = typed.trim();
  for (;;) {
    const words = rest.split(/\s+/);
    const folded = words.map((w) => fold(w).replace(/[.,:;]+$/, ""));
    const form = ADDRESS_FORMS.find((f) => f.every((w, i) => folded[i] === w));
    // At least two words of the name stay (Vietnamese names have two or more).
    if (!form || words.length - form.length < 2) return rest;
    for (let i = 0; i < form.length; i++) rest = rest.replace(/^\S+\s*/, "");
  }
}

/**
 * The name with its marks when `typed` is one of `known` without them ("Lo Van Hung" and the
 * platform's "Lò Văn Hùng"): the first known name that folds to the same words and differs from
 * `typed`; undefined when none does, or when `typed` has marks of its own (it is kept as typed).
 */
export function markedForm(typed: string, known: readonly string[]): string | undefined {
  const name = withoutAddress(typed);
  if (fold(name) !== name.toLowerCase().replace(/\s+/g, " ").trim()) return undefined;
  const target = fold(name);
  return known.map((k) => withoutAddress(k)).find((k) => k !== name && fold(k) === target && fold(k) !== k.toLowerCase());
}
