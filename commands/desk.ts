// /web (/desk): an organizer asks for a one-time sign-in link to the organizers' desk.
import type { AppConfig } from "../src/config/types.js";
import { deskKey, issueSignInToken, maskToken, signInUrl } from "../src/domain/desk-sessions.js";
import { text } from "./replies.js";
import type { CommandDef } from "./types.js";

/** Where the desk is reached: PUBLIC_URL when set, else this machine on PORT. */
export function deskBaseUrl(config: Pick<AppConfig, "publicUrl" | "port">): string {
  return config.publicUrl ?? `http://127.0.0.1:${config.port}`;
}

const desk: CommandDef = {
  name: "web",
  aliases: ["desk"],
  roles: ["organizer"],
  describe: "cmd-desk",
  noArgs: true,
  async handler(ctx) {
    const { services, account } = ctx;
    const token = issueSignInToken(deskKey(services.store.dir), account.key, services.clock.now());
    services.logger.info({ by: account.key, token: maskToken(token) }, "desk sign-in link issued");
    return [text(ctx.t("desk-link-reply", { name: account.displayName, url: signInUrl(deskBaseUrl(services.config), token) }))];
  },
};

export const deskCommands: CommandDef[] = [desk];
