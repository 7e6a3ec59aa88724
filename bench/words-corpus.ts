// The plain-words corpus (tests/fixtures/plain-words/*.tsv): each phrasing read as the bot reads it, in one
// comparable line, so that the corpus test and `npm run words` measure the same thing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { commandNames } from "../commands/index.js";
import { resolveCommand } from "../commands/router.js";
import { parseScheduleArgs } from "../commands/schedule.js";
import { commandInWords, type Intent, understand } from "../src/domain/questions.js";
import { UserError } from "../src/domain/errors.js";
import { ROOT } from "../src/config/paths.js";
import { local } from "../src/lib/time.js";
import type { Role } from "../storage/schema.js";

export const CORPUS_DIR = path.join(ROOT, "tests/fixtures/plain-words");
/** The files of answers to the bot's own questions, read by the words-steps branch's parsers (not on this branch). */
export const STEP_FILES = new Set(["answers.tsv"]);
/** The moment the corpus's dates are read at (a date without a year is the next one to come). */
export const CORPUS_NOW = new Date("2027-05-01T02:00:00Z");
/** The places the corpus's conference knows with their marks (its planned place). */
const KNOWN_PLACES = ["Hội trường UBND huyện"];

export interface Phrasing {
  file: string;
  line: number;
  role: Role;
  asked: string;
  typed: string;
  expected: string;
}

export function corpusFiles(): string[] {
  return readdirSync(CORPUS_DIR).filter((f) => f.endsWith(".tsv")).sort();
}

export function loadCorpus(file: string): Phrasing[] {
  const lines = readFileSync(path.join(CORPUS_DIR, file), "utf8").split("\n");
  const out: Phrasing[] = [];
  lines.forEach((l, i) => {
    if (!l.trim() || l.startsWith("#")) return;
    const [who = "", asked = "", typed = "", expected = ""] = l.split("\t");
    out.push({ file, line: i + 1, role: who as Role, asked, typed, expected: expected.trim() });
  });
  return out;
}

const slotText = (slots: Record<string, string>) =>
  Object.entries(slots)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => ` ${k}=${v}`)
    .join("");

/** "start=2027-06-20 08:00 place=Hội trường UBND huyện", or "refused=<key>": what /datlich reads from its arguments. */
function scheduleText(args: string): string {
  try {
    const r = parseScheduleArgs(args, CORPUS_NOW, KNOWN_PLACES);
    const start = r.start ? ` start=${local(r.start).format("YYYY-MM-DD HH:mm")}` : "";
    return `${start}${r.place ? ` place=${r.place}` : ""}`.trim();
  } catch (err) {
    if (err instanceof UserError) return `refused=${err.key}`;
    throw err;
  }
}

function intentText(i: Intent): string {
  if (i.name === "schedule.set") return `schedule.set ${scheduleText(i.slots.text ?? "")}`;
  return `${i.name}${slotText(i.slots)}`;
}

const names = commandNames();

/** How the bot reads `typed` from a person of `role` with nothing asked: a command line, an intent, a "did you mean", or none. */
export function understandingOf(typed: string, role: Role): string {
  if (typed.startsWith("/")) {
    const c = resolveCommand(names, typed);
    if (!c) return "unknown-command";
    const inWords = commandInWords(c.name, c.args, role);
    if (inWords) return intentText(inWords);
    if (c.name === "datlich") return `/datlich ${scheduleText(c.args)}`;
    return `/${c.name}${c.args ? ` ${c.args}` : ""}`;
  }
  const u = understand(typed, role);
  if (u.kind === "none") return "none";
  if (u.kind === "ambiguous") return `did-you-mean:${u.intents.map((i) => i.name).join("|")}`;
  return intentText(u.intent);
}



