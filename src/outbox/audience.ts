// Who a notice goes to: the audiences live in the notices domain (src/domain/notices.ts); re-exported for older imports.
export {
  ackState,
  type Audience,
  AUDIENCE_WORDS,
  audienceUnits,
  decodeAudience,
  encodeAudience,
  notAcknowledged,
  type ResolvedAudience,
  resolveAudience,
} from "../domain/notices.js";
