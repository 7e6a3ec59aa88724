// Numbers in messages: written exactly as Intl writes them ("1.234", "7,5"), without the process making an Intl object (whose ICU tables stay in memory).
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createI18n } from "../../src/lib/i18n.js";
import { formatNumber, type NumberRules, numberRules } from "../../src/lib/numbers.js";
import { propertySeed } from "../helpers/seeds.js";

/** Fixed, so that `npm test` runs the same inputs every time (`npm run explore` draws new ones). */
const SEED = propertySeed("numbers", 1234567);

const LANGUAGES = ["vi", "en"] as const;
const rulesOf = (language: string): NumberRules => {
  const rules = numberRules(language);
  if (!rules) throw new Error(`no number rules for ${language}`);
  return rules;
};

/** Every kind of number a message may show: scores with decimals, counts, and what doubles can be. */
const numbers = fc.oneof(
  fc.double(),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => n / 1000),
  fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100 + 0.0005),
  fc.constantFrom(0, -0, 0.5, 1.0005, 0.0005, 999.9995, 1e21, 2.5e-7, Number.MAX_VALUE, Number.MIN_VALUE),
);

describe("a number in a message", () => {
  for (const language of LANGUAGES) {
    it(`is written in ${language} as Intl.NumberFormat writes it by default`, () => {
      const intl = new Intl.NumberFormat(language);
      fc.assert(
        fc.property(numbers, (n) => {
          expect(formatNumber(n, rulesOf(language))).toBe(intl.format(n));
        }),
        { numRuns: 5000, seed: SEED },
      );
    });

    it(`picks the ${language} plural form Intl.PluralRules picks`, () => {
      const intl = new Intl.PluralRules(language);
      fc.assert(
        fc.property(numbers, (n) => {
          fc.pre(Number.isFinite(n));
          expect(rulesOf(language).plural(n)).toBe(intl.select(n));
        }),
        { numRuns: 2000, seed: SEED },
      );
    });
  }

  describe("in the messages themselves", () => {
    const real = { NumberFormat: Intl.NumberFormat, PluralRules: Intl.PluralRules };
    const made: string[] = [];
    beforeEach(() => {
      // Every Intl object made from here on is noted (Fluent looks the constructors up when it formats).
      Object.assign(Intl, {
        NumberFormat: class extends real.NumberFormat {
          constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
            super(...args);
            made.push("NumberFormat");
          }
        },
        PluralRules: class extends real.PluralRules {
          constructor(...args: ConstructorParameters<typeof Intl.PluralRules>) {
            super(...args);
            made.push("PluralRules");
          }
        },
      });
    });
    afterEach(() => {
      Object.assign(Intl, real);
      made.length = 0;
    });

    it("Ban tổ chức reads the counts of a broadcast grouped the Vietnamese way, with no Intl object made", () => {
      const t = createI18n().forLanguage("vi");
      expect(t("notice-count-channel", { channel: "Telegram", sent: 1234, failed: 2, unreachable: 0, pending: 0 })).toBe(
        "Telegram: gửi được 1.234, lỗi 2",
      );
      expect(t("notice-count-channel", { channel: "Zalo", sent: 10500, failed: 0, unreachable: 1, pending: 12 })).toBe(
        "Zalo: gửi được 10.500, không liên lạc được 1, đang chờ 12",
      );
      expect(made).toEqual([]);
    });

    it("an English reader gets English separators, also without Intl", () => {
      const t = createI18n().forLanguage("en");
      expect(t("notice-count-channel", { channel: "Telegram", sent: 1234, failed: 1, unreachable: 0, pending: 0 })).toBe("Telegram: sent 1,234, failed 1");
      expect(made).toEqual([]);
    });
  });
});
