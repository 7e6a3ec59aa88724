// A yes/no question answered in words: the numbered choices of a confirmation ("Rút bản 2" / "Giữ
// nguyên") also take "có", "đúng rồi", "ok", "vâng" (yes) and "không", "thôi", "không phải" (no), read by
// readers.ts `yesNo`. The question waits as a step ("words.yesno") that names the step of each answer;
// the router takes that step as if it were chosen, with every check of its command.
import { awaitStep } from "../../src/domain/sessions.js";
import type { Reply } from "../../src/messages/types.js";
import { choices } from "../replies.js";
import { offer, type Step, type StepOf } from "../steps.js";
import type { CommandContext } from "../types.js";
import { yesNo } from "./readers.js";

/**
 * The choices about to be offered are a yes (`yes`) and a no (`no`): the next plain message may answer
 * them in words. Not while a speech draft is being collected (its next parts go on to the draft).
 */
export async function askYesNo(ctx: CommandContext, yes: Step, no: Step): Promise<void> {
  const { store, clock } = ctx.services;
  if (store.data.sessions[ctx.account.key]?.collecting) return;
  await awaitStep(store, ctx.account.key, { kind: "words.yesno", yes, no }, "yesno-again", clock.now());
}

/** A yes/no question: its text, then the choice of yes (`yes`: its label and step) and of no, answered by number, button or words. */
export async function yesNoQuestion(ctx: CommandContext, question: string, yes: [string, Step], no: [string, Step]): Promise<Reply[]> {
  await askYesNo(ctx, yes[1], no[1]);
  return [choices(question, [offer(...yes), offer(...no)])];
}

/** What a text answers a yes/no question: the step to take, nothing understood, or a question no longer open. */
export type YesNoRead = { kind: "take"; step: unknown } | { kind: "unclear" } | { kind: "closed" };

/**
 * `typed` read as the answer to `question`, while `offered` (the steps of the choices last offered) are
 * open: the question is closed once its yes is no longer among them (other choices came since).
 */
export function readYesNo(question: StepOf<"words.yesno">, typed: string, offered: readonly unknown[] | undefined): YesNoRead {
  const same = (s: unknown) => JSON.stringify(s) === JSON.stringify(question.yes);
  if (!offered?.some(same)) return { kind: "closed" };
  const said = yesNo(typed);
  return said ? { kind: "take", step: question[said] } : { kind: "unclear" };
}

/** Whether `line` is a yes or a no and the step waiting (`awaiting`, as stored) is a yes/no question. */
export function answersYesNo(awaiting: unknown, line: string): boolean {
  return (awaiting as { kind?: unknown } | undefined)?.kind === "words.yesno" && yesNo(line) !== undefined;
}
