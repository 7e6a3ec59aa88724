// /huy (/cancel): forgets the step a person was in the middle of.
import { clearSession } from "../src/domain/sessions.js";
import { text } from "./replies.js";
import type { CommandDef } from "./types.js";

export const cancelCommand: CommandDef = {
  name: "huy",
  aliases: ["cancel"],
  roles: ["guest"],
  describe: "cmd-cancel",
  // It sees the question still open, so that it can say it cancelled it.
  keepsAwaiting: true,
  async handler(ctx) {
    const cleared = await clearSession(ctx.services.store, ctx.account.key);
    return [text(ctx.t(cleared ? "cancel-done" : "cancel-nothing"))];
  },
};
