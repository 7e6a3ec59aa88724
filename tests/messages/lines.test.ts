// A message made of lines (a unit's result, a field's analysis, a task list) reads the same written line by line as written through the language file's "lines-join", level by level.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createI18n, type Translate } from "../../src/lib/i18n.js";
import { msg, renderMessage } from "../../src/messages/render.js";
import type { Message, MessageArg } from "../../src/messages/types.js";
import { linesMessage } from "../../src/views/scores.js";
import { propertySeed } from "../helpers/seeds.js";

const SEED = propertySeed("lines", 2023);
const i18n = createI18n();

/** The chain written as the language file says, one level at a time (what renderMessage did before). */
function throughTheFile(t: Translate, m: MessageArg): string {
  if (typeof m !== "object") return String(m);
  const args: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.args ?? {})) args[k] = typeof v === "object" ? throughTheFile(t, v) : v;
  return t(m.key, args);
}

const line: fc.Arbitrary<MessageArg> = fc.oneof(
  fc.constantFrom("", "   ", "UBND xã Mường So", "Trân trọng."),
  fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => Math.round(n * 100) / 100),
  fc.record({ total: fc.integer({ min: 0, max: 100 }), year: fc.constantFrom("2023", "2025") }).map((a) => msg("score-premerge-title", { year: a.year, unit: `UBND xã số ${a.total}` })),
  fc.constantFrom<Message>(msg("lines-indent", { line: "1.1. Công khai thủ tục hành chính: 2,5/3" }), msg("scores-sample-mark")),
);

describe("lines of a message", () => {
  for (const language of ["vi", "en"]) {
    it(`read the same written line by line as through the file's "lines-join" (${language})`, () => {
      const t = i18n.forLanguage(language);
      fc.assert(
        fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (lines) => {
          const m = linesMessage(lines);
          expect(renderMessage(t, m)).toBe(throughTheFile(t, m));
        }),
        { numRuns: 300, seed: SEED },
      );
    });
  }

  it("a unit's result of forty lines reads its lines in order, one per line", () => {
    const t = i18n.forLanguage("vi");
    const lines = Array.from({ length: 40 }, (_, i) => `Dòng ${i + 1}`);
    expect(renderMessage(t, linesMessage(lines)).split("\n")).toEqual(lines);
  });
});
