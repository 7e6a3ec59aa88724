// A typed text that does not answer the step waiting for it. The step's handler throws this after
// it changed nothing; the router (commands/router.ts `notUnderstood`) answers the text if it is a
// question of its own, else says what it did not understand and shows the open question again.
import type { Reply } from "../../src/messages/types.js";

export class NotAnAnswer extends Error {
  constructor(
    /** The text as typed. */
    readonly typed: string,
    /** The open question, asked again (its numbered choices), shown after the sentence that says what was not understood. */
    readonly question: Reply[],
    /**
     * What follows the answer when the text was a question the bot answers (the step stays open);
     * `question` when left out. A speech being collected says the question was not added to it.
     */
    readonly afterAnswer?: Reply[],
    /** The sentence's message key: "answer-not-understood" unless the step says better ("speech-question-not-added"). */
    readonly sentence = "answer-not-understood",
  ) {
    super("not an answer");
  }
}
