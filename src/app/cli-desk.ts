// `hoinghi desk-link`: a one-time sign-in link to the organizers' desk for the first organizer of
// ORGANIZER_IDS. It does not open the store, so it works while the bot runs. It imports nothing of
// cli.ts (which loads it), so no import cycle.
import { deskBaseUrl } from "../../commands/desk.js";
import { deskKey, issueSignInToken, signInUrl } from "../domain/desk-sessions.js";
import type { Translate } from "../lib/i18n.js";
import { loadConfig } from "./config.js";

export interface DeskLinkIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function deskLinkSubcommand(_args: string[], io: DeskLinkIo, t: Translate, now: Date = new Date()): Promise<number> {
  const config = loadConfig(io.env);
  const [first] = [...config.organizerIds];
  if (!first) {
    io.err(t("desk-cli-no-organizer"));
    return 1;
  }
  const token = issueSignInToken(deskKey(config.dataDir), first, now);
  io.out(t("desk-cli-link", { account: first }));
  io.out(signInUrl(deskBaseUrl(config), token));
  return 0;
}
