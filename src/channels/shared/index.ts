// The plumbing Telegram and Zalo share: the webhook secret check, the once-only update gate, the typing indicator.
export { secretMatches } from "./secret.js";
export { typingWhile, type TypingOptions } from "./typing.js";
export { createUpdateGate, type GateOutcome, type GateTicket, type UpdateGate, type UpdateGateOptions } from "./updates.js";
