// /trogiup (/help): the commands a person may use, and whom to contact.
import { contactLine } from "./contact.js";
import { text } from "./replies.js";
import type { CommandContext, CommandDef } from "./types.js";

/** Built per command layer, since it lists the commands the layer has. */
export function helpCommand(list: (ctx: CommandContext) => CommandDef[]): CommandDef {
  return {
    name: "trogiup",
    noArgs: true,
    aliases: ["help"],
    roles: ["guest"],
    describe: "cmd-help",
    async handler(ctx) {
      const { t } = ctx;
      // The English alias is shown in the English help only ("help-line-alias"); the Vietnamese help names the Vietnamese command.
      const lines = list(ctx)
        .filter((d) => !d.needsUnit || ctx.unit)
        .map((d) =>
          d.aliases[0]
            ? t("help-line-alias", { name: d.name, alias: d.aliases[0], describe: t(d.describe) })
            : t("help-line", { name: d.name, describe: t(d.describe) }),
        );
      const contact = contactLine(t, ctx.services.conference.conf);
      return [text(`${t(`help-title-${ctx.role}`)}\n${lines.join("\n")}\n\n${t("help-footer")}${contact ? `\n${contact}` : ""}`)];
    },
  };
}
