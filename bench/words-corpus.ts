// The plain-words corpus (tests/fixtures/plain-words/*.tsv): each phrasing read as the bot reads it, in one
// comparable line, so that the corpus test and `npm run words` measure the same thing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { commandNames } from "../commands/index.js";
import { resolveCommand } from "../commands/router.js";
import { parseScheduleArgs } from "../commands/schedule.js";
import { commandInWords, type Intent, understand } from "../src/domain/questions.js";
import { finishesDraft, looksLikeQuestion, nameAnswer, positionWriter, type SeatAnswer, seatAnswer, seatPick, yesNo } from "../commands/understand/readers.js";
import { createI18n } from "../src/lib/i18n.js";
import { isNearCode } from "../src/domain/identity.js";
import { markedForm } from "../src/domain/names.js";
import { UserError } from "../src/domain/errors.js";
import { ROOT } from "../src/config/paths.js";
import { local } from "../src/lib/time.js";
import type { Role } from "../storage/schema.js";

export const CORPUS_DIR = path.join(ROOT, "tests/fixtures/plain-words");
/** The files of answers to the bot's own questions (column "asked" names the question): read by answerUnderstandingOf. */
export const STEP_FILES = new Set(["answers.tsv", "holdout-answers.tsv"]);
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

// ---- Answers to the bot's own questions (answers.tsv) ----

/** The seats of a commune of the corpus's conference (Mường So's), as the seat question lists them. */
const COMMUNE_SEATS = [
  { id: "chair", title: "Chủ tịch UBND xã" },
  { id: "cchc", title: "Công chức làm nhiệm vụ công tác CCHC" },
  { id: "motcua", title: "Công chức bộ phận tiếp nhận và trả kết quả" },
  { id: "kstthc", title: "Công chức làm nhiệm vụ kiểm soát thủ tục hành chính" },
];
/** A commune's usual positions as the conference writes them (Mường So is a xã). */
const COMMUNE_POSITIONS = positionWriter(createI18n().forLanguage("vi"), "commune");
/** The platform name of the one typing, which the bot offers with its marks. */
const PLATFORM_NAME = "Lò Văn Hùng";

function seatAnswerText(a: SeatAnswer): string {
  const slots: Record<string, string> = {};
  if (a.status === "attend" && a.self) slots.name = "@self";
  if (a.status !== "absent" && !("self" in a && a.self)) {
    if (a.name) slots.name = a.name;
    if (a.position) slots.position = a.position;
  }
  if (a.status === "absent" && a.reason) slots.reason = a.reason;
  return `${a.status}${slotText(slots)}`;
}

/** How the step waiting for the answer to `asked` reads `typed` (the readers of commands/understand/readers.ts). */
export function answerUnderstandingOf(asked: string, typed: string): string {
  if (asked.startsWith("the seats of the unit")) {
    const pick = seatPick(COMMUNE_SEATS, typed);
    if (!pick) return "none";
    return pick.kind === "all-attend" ? "all status=attend" : `seat seat=${COMMUNE_SEATS[pick.index]?.id}`;
  }
  if (asked.startsWith("the answer for one seat")) {
    const a = seatAnswer(typed, { write: COMMUNE_POSITIONS });
    return a ? seatAnswerText(a) : "none";
  }
  if (asked.startsWith("the name of the person")) {
    const n = nameAnswer(typed, COMMUNE_POSITIONS);
    if (!n) return "none";
    if (n.self) return "name name=@self";
    const offer = markedForm(n.name, [PLATFORM_NAME]);
    return `name${slotText({ name: n.name, ...(n.position && { position: n.position }), ...(offer && { offer }) })}`;
  }
  if (asked.startsWith("collecting the speech")) {
    if (finishesDraft(typed)) return "finish";
    if (!looksLikeQuestion(typed)) return "part";
    const u = understand(typed, "delegate");
    return u.kind === "intent" ? `question intent=${u.intent.name}` : "question";
  }
  if (asked === "yes / no") return yesNo(typed) ?? "none";
  // Nothing asked, from a person of no unit: led to the code, or told the code is not right.
  return isNearCode(typed) ? "newcomer code=wrong" : "newcomer ask=code";
}
