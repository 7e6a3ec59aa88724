// `hoinghi desk-link`: a one-time sign-in link to the organizers' desk for the first organizer of
// ORGANIZER_IDS. It does not open the store, so it works while the bot runs.
import { deskBaseUrl } from "../../commands/desk.js";
import { deskKey, issueSignInToken, signInUrl } from "../domain/desk-sessions.js";
import type { Translate } from "../lib/i18n.js";
import type { CliIo } from "./cli.js";
import { CliError } from "./cli.js";
import { loadConfig } from "./config.js";

export async function deskLinkSubcommand(_args: string[], io: CliIo, t: Translate, now: Date = new Date()): Promise<number> {
  const config = loadConfig(io.env);
  const [first] = [...config.organizerIds];
  if (!first) throw new CliError(t("desk-cli-no-organizer"));
  const token = issueSignInToken(deskKey(config.dataDir), first, now);
  io.out(t("desk-cli-link", { account: first }));
  io.out(signInUrl(deskBaseUrl(config), token));
  return 0;
}
