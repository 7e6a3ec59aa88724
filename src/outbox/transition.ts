// The delivery state machine lives in the domain (src/domain/deliveries.ts); re-exported for the outbox and its tests.
export {
  backoffWait,
  DEFAULT_POLICY,
  FINAL_STATES,
  type Outcome,
  type OutcomeType,
  type RetryPolicy,
  type Transition,
  transition,
} from "../domain/deliveries.js";
