// /web (/desk): an organizer asks for a one-time sign-in link to the organizers' desk. On a channel
// that cannot carry a file (Zalo), /nhapdiem, /giaymoi, /danhsach and /xuat answer with such a link
// too, leading straight to the desk page that does the work (deskPageReplies).
import type { AppConfig } from "../src/config/types.js";
import { type DeskTarget, deskKey, issueSignInToken, maskToken, signInUrl } from "../src/domain/desk-sessions.js";
import type { Channel } from "../storage/schema.js";
import type { Reply } from "../src/messages/types.js";
import { text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";

/** Where the desk is reached: PUBLIC_URL when set, else this machine on PORT. */
export function deskBaseUrl(config: Pick<AppConfig, "publicUrl" | "port">): string {
  return config.publicUrl ?? `http://127.0.0.1:${config.port}`;
}

/**
 * Whether a channel can hand a document to the person and take one from them. The Zalo Bot
 * Platform carries neither (text and pictures only): the work is done on the desk instead.
 */
export function carriesFiles(channel: Channel): boolean {
  return channel !== "zalo";
}

/** A one-time sign-in link for the organizer asking, leading to `target` (logged masked). */
export function deskLinkFor(ctx: CommandContext, target: DeskTarget = "overview"): string {
  const { services, account } = ctx;
  const token = issueSignInToken(deskKey(services.store.dir), account.key, services.clock.now(), target);
  services.logger.info({ by: account.key, token: maskToken(token), page: target }, "desk sign-in link issued");
  return signInUrl(deskBaseUrl(services.config), token);
}

/**
 * The answer of a command whose file the channel cannot carry: one sentence saying what the page
 * does (`key`), and the one-time link that signs the organizer in straight to it.
 */
export function deskPageReplies(ctx: CommandContext, target: DeskTarget, key: string): Reply[] {
  return [text(ctx.t(key, { name: ctx.account.displayName, url: deskLinkFor(ctx, target) }))];
}

const desk: CommandDef = {
  name: "web",
  aliases: ["desk"],
  roles: ["organizer"],
  describe: "cmd-desk",
  noArgs: true,
  async handler(ctx) {
    return [text(ctx.t("desk-link-reply", { name: ctx.account.displayName, url: deskLinkFor(ctx) }))];
  },
};

export const deskCommands: CommandDef[] = [desk];
