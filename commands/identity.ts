// Accounts, roles and invite codes moved to the domain core (src/domain/identity.ts); re-exported
// here for modules that still import them from the command layer.
export {
  accountKey,
  activeInvite,
  displayCode,
  ensureAccount,
  ensureInvites,
  maskCode,
  newCode,
  normalizeCode,
  ORGANIZER_TARGET,
  type Redeemed,
  redeemCode,
  reissueInvite,
  revokeInvite,
  roleOf,
} from "../src/domain/identity.js";
