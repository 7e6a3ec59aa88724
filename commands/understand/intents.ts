// Plain words answered as their command would answer them (issue 22): the recogniser of
// src/domain/questions.ts says what a text means; here each intent gets its plan — the command it runs
// (with every check of that command) or the answer written beside it — and an unclear text gets a
// short numbered "did you mean", never a guess.
import { commandInWords, type Intent, type IntentName, understand } from "../../src/domain/questions.js";
import { BadArguments } from "../../src/domain/errors.js";
import { reportSection } from "../report.js";
import { choices } from "../replies.js";
import type { Understander, WordsInput, WordsPlan } from "../router.js";
import { scheduleOffer } from "../schedule.js";
import { offer } from "../steps.js";
import type { CommandContext } from "../types.js";
import type { Reply } from "../../src/messages/types.js";
import { contactAnswer, deadlineAnswer, letterAnswer, onBehalfSeats, rsvpHowAnswer, whenAnswer } from "./answers.js";
import { fieldAnalysisReplies } from "../scores.js";

type Slots = Record<string, string>;
type Planner = (slots: Slots, input: WordsInput) => WordsPlan;

const run = (command: string, args = ""): Planner => () => ({ command, args });
const answer =
  (command: string, reply: (ctx: CommandContext, slots: Slots) => Reply[] | Promise<Reply[]>): Planner =>
  (slots) => ({ command, run: async (ctx) => reply(ctx, slots) });

/** The latest notice that asks for "Đã nhận" and went out: its status is who has not acknowledged it. */
function unacknowledged(_slots: Slots, input: WordsInput): WordsPlan {
  const latest = input.services.store.data.notices.filter((n) => n.ackable && n.queuedAt && !n.cancelledAt).at(-1);
  return { command: "thongbao", args: latest ? `trangthai ${latest.id}` : "trangthai" };
}

/** "Điểm danh thay Mường So": the seats to choose; "… Mường So 2" or a registered name: /diemdanh checks in at once. */
function onBehalf(slots: Slots, input: WordsInput): WordsPlan {
  const typed = slots.unit ?? "";
  const unit = typed ? input.services.conference.findUnit(typed).unit : undefined;
  if (unit) return { command: "diemdanh", run: async (ctx) => onBehalfSeats(ctx, unit) };
  if (typed) return { command: "diemdanh", args: typed };
  return { command: "diemdanh", run: async () => Promise.reject(new BadArguments("checkin-onbehalf-usage")) };
}

/** "Tại sao xã mình bị trừ điểm lĩnh vực 3": the field's analysis, as `/diem <đơn vị> 3` (its criteria, the points lost, the appraisal's cuts and notes); without a field or a unit, /diem (which shows the weakest fields). */
function field(slots: Slots, input: WordsInput): WordsPlan {
  const n = Number(slots.field);
  const unit = input.unit;
  if (!unit || !Number.isInteger(n) || n < 1) return { command: "diem" };
  return { command: "diem", run: async (ctx) => fieldAnalysisReplies(ctx, unit.id, String(n)) };
}

/** "Cho xin giấy mời": the unit's own letter; an organizer's is /giaymoi; a guest is told where it comes from. */
function letter(_slots: Slots, input: WordsInput): WordsPlan {
  // /giaymoi issues the codes units lack: asked first, as one choice, rather than done on plain words.
  if (input.role === "organizer" && !input.unit) return { command: "giaymoi", run: async (ctx) => [choices(ctx.t("words-letters-offer"), [offer(ctx.t("words-intent-letters-all"), { kind: "command.suggested", name: "giaymoi", args: "" })])] };
  const unit = input.unit;
  if (!unit) return { command: "trogiup", run: async (ctx) => [{ kind: "text", text: ctx.t("faq-rsvp-guest") }] };
  return { command: "tailieu", run: (ctx) => letterAnswer(ctx, unit) };
}

/** Each intent's plan. The question-only answers run under the command of their subject (its role and checks). */
const PLANS: Record<IntentName, Planner> = {
  when: answer("chuongtrinh", (ctx) => whenAnswer(ctx, "when")),
  where: answer("chuongtrinh", (ctx) => whenAnswer(ctx, "where")),
  deadline: answer("chuongtrinh", (ctx) => deadlineAnswer(ctx, "both")),
  "deadline.rsvp": answer("chuongtrinh", (ctx) => deadlineAnswer(ctx, "rsvp")),
  "deadline.speech": answer("chuongtrinh", (ctx) => deadlineAnswer(ctx, "speech")),
  agenda: run("chuongtrinh"),
  participants: run("thanhphan"),
  "unit.answers": run("dangky"),
  "rsvp.start": run("dangky"),
  "rsvp.how": answer("chuongtrinh", (ctx) => rsvpHowAnswer(ctx)),
  "speech.start": run("thamluan"),
  score: (slots) => ({ command: "diem", args: slots.unit ?? "" }),
  "score.field": field,
  ranking: run("xephang"),
  contact: answer("trogiup", (ctx) => contactAnswer(ctx)),
  documents: run("tailieu"),
  letter,
  checkin: (slots) => ({ command: "diemdanh", args: slots.code ?? "" }),
  "checkin.onbehalf": onBehalf,
  ack: run("danhan"),
  help: run("trogiup"),
  report: run("baocao"),
  "report.unanswered": answer("baocao", (ctx) => reportSection(ctx, "silent")),
  "report.unsubmitted": answer("baocao", (ctx) => reportSection(ctx, "speeches")),
  "report.unacknowledged": unacknowledged,
  remind: run("nhacnho"),
  publish: run("congbo"),
  "schedule.set": (slots) => ({ command: "datlich", run: async (ctx) => scheduleOffer(ctx, slots.text ?? "") }),
};

export function planOf(intent: Intent, input: WordsInput): WordsPlan {
  return PLANS[intent.name](intent.slots, input);
}

/** The one understander of the bot's plain words. */
export const understander: Understander = {
  read(text, input) {
    const u = understand(text, input.role);
    if (u.kind === "none") return undefined;
    if (u.kind === "intent") return planOf(u.intent, input);
    const { t } = input;
    return choices(
      t("words-did-you-mean"),
      u.intents.map((i) => offer(t(`words-intent-${i.name.replace(".", "-")}`), { kind: "words.intent", intent: i.name, slots: i.slots })),
    );
  },
  chosen: (step, input) => planOf({ name: step.intent, slots: step.slots }, input),
  args(command, args, input) {
    const intent = commandInWords(command, args, input.role);
    return intent ? planOf(intent, input) : undefined;
  },
};
