// Re-exported only for src/channels/telegram/channel.ts, which imports them from here until the channels are
// restructured (issue 20); everything else imports src/domain/identity.ts.
export { accountKey, roleOf } from "../src/domain/identity.js";
