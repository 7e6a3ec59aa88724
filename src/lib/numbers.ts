// Numbers in messages as Intl.NumberFormat and Intl.PluralRules give them by default, for the languages of locales/, without ICU's tables.
//
// Why: the first Intl.NumberFormat of a process maps some 7 MB of ICU's data into memory, for as
// long as it runs, and Fluent makes one for the first number a message shows (a score, a count).
// Writing a number the way Vietnamese and English do by default is two separators, grouping by
// thousands and at most three decimals; tests/text/numbers.test.ts holds both to Intl's output.

/** How a language writes a number and names its plural forms. */
export interface NumberRules {
  group: string;
  decimal: string;
  /** Intl.PluralRules(language).select for a finite number. */
  plural(value: number): string;
}

const RULES: Record<string, NumberRules> = {
  // Vietnamese has no plural forms: every number is "other".
  vi: { group: ".", decimal: ",", plural: () => "other" },
  // One, without decimals; Intl's "one" for 1, -1 and 1.0 alike (the same double).
  en: { group: ",", decimal: ".", plural: (v) => (Math.abs(v) === 1 ? "one" : "other") },
};

/** The rules of a language, or undefined when it has none here (Intl then does the work). */
export function numberRules(language: string): NumberRules | undefined {
  return RULES[language];
}

/** The digits of |value| as the shortest decimal that reads back as it: what ICU rounds. */
function decimalDigits(abs: number): { int: string; frac: string } {
  const [mantissa = "0", exponent = "0"] = abs.toString().split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return { int: "0", frac: "0".repeat(-point) + digits };
  if (point >= digits.length) return { int: digits + "0".repeat(point - digits.length), frac: "" };
  return { int: digits.slice(0, point), frac: digits.slice(point) };
}

/** A string of decimal digits plus one in its last place ("199" → "200", "99" → "100"). */
function increment(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

/**
 * `value` as `new Intl.NumberFormat(language).format(value)` writes it: grouped by thousands, at
 * most three decimals rounded half away from zero, no trailing zeros, the sign kept ("-0").
 */
export function formatNumber(value: number, rules: NumberRules): string {
  if (Number.isNaN(value)) return "NaN";
  const sign = value < 0 || Object.is(value, -0) ? "-" : "";
  if (!Number.isFinite(value)) return `${sign}∞`;
  let { int, frac } = decimalDigits(Math.abs(value));
  if (frac.length > 3) {
    const up = (frac[3] as string) >= "5";
    frac = frac.slice(0, 3);
    if (up) {
      const next = increment(int + frac);
      int = next.slice(0, next.length - 3);
      frac = next.slice(next.length - 3);
    }
  }
  frac = frac.replace(/0+$/, "");
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, rules.group);
  return `${sign}${grouped}${frac ? rules.decimal + frac : ""}`;
}
