// The console channel: a terminal chat on the same commands, for trying the bot on any machine.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import * as readline from "node:readline";
import type { Reply, Request } from "../../messages/types.js";
import { assumeConsoleRole } from "../../domain/identity.js";
import type { App } from "../../app/app.js";
import { cleanRequest } from "../../lib/text.js";

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Skip the role question: start as this role (scripts, tests). */
  role?: "guest" | "delegate" | "organizer";
  /** With role "delegate": the unit (as typed, matched like everywhere else). */
  unit?: string;
}

/** Renders replies as plain text; files and pictures are saved under DATA_DIR/out. */
export async function renderForConsole(app: App, replies: Reply[]): Promise<string> {
  const t = app.services.i18n.forLanguage(app.config.defaultLanguage);
  const out: string[] = [];
  for (const r of replies) {
    if (r.kind === "text") out.push(r.text);
    else if (r.kind === "choices") out.push(`${r.text}\n${r.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join("\n")}\n${t("console-choose-number")}`);
    else {
      const dir = path.resolve(app.config.dataDir, "out");
      await mkdir(dir, { recursive: true });
      const file = path.join(dir, path.basename(r.name));
      await writeFile(file, r.data);
      out.push([r.caption, t("console-file-saved", { file })].filter(Boolean).join("\n"));
    }
  }
  return out.join("\n\n");
}

/** The console account of a role; a delegate account is bound to its unit, an organizer marked as such. */
async function becomeRole(app: App, role: "guest" | "delegate" | "organizer", unitId?: string): Promise<{ userId: string; name: string }> {
  const userId = role === "delegate" ? `delegate-${unitId}` : role;
  const t = app.services.i18n.forLanguage(app.config.defaultLanguage);
  const unit = unitId ? app.services.conference.unit(unitId) : undefined;
  const name = role === "delegate" ? t("console-name-delegate", { unit: unit?.name ?? "" }) : t(`console-name-${role}`);
  await assumeConsoleRole(app.store, { userId, name, language: app.config.defaultLanguage, role, unitId, now: app.services.clock.now() });
  return { userId, name };
}

/** Runs the chat until the input ends or the person types :thoat. */
export async function runConsole(app: App, options: ConsoleOptions): Promise<void> {
  const t = app.services.i18n.forLanguage(app.config.defaultLanguage);
  const rl = readline.createInterface({ input: options.input, terminal: false });
  const print = (s: string) => options.output.write(`${s}\n`);
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question: string): Promise<string | undefined> => {
    print(question);
    const next = await lines.next();
    return next.done ? undefined : String(next.value).trim();
  };

  // Notices to console accounts appear in the same terminal, marked with whom they are for.
  app.notifier.register("console", async (account, replies) => {
    print(`\n${t("console-incoming", { name: account.displayName })}\n${await renderForConsole(app, replies)}\n`);
  });

  async function chooseRole(): Promise<{ userId: string; name: string } | undefined> {
    if (options.role) {
      const unitId = options.role === "delegate" ? app.services.conference.findUnit(options.unit ?? "").unit?.id : undefined;
      if (options.role === "delegate" && !unitId) {
        print(t("console-unit-unknown", { query: options.unit ?? "" }));
        return undefined;
      }
      return becomeRole(app, options.role, unitId);
    }
    for (;;) {
      const answer = await ask(t("console-choose-role"));
      if (answer === undefined) return undefined;
      if (answer === "1") return becomeRole(app, "guest");
      if (answer === "3") return becomeRole(app, "organizer");
      if (answer === "2") {
        for (;;) {
          const q = await ask(t("console-ask-unit"));
          if (q === undefined) return undefined;
          const found = app.services.conference.findUnit(q);
          if (found.unit) return becomeRole(app, "delegate", found.unit.id);
          print(
            found.suggestions.length > 0
              ? t("unit-unknown-suggest", { query: q, suggestions: found.suggestions.map((u) => u.name).join(", ") })
              : t("console-unit-unknown", { query: q }),
          );
        }
      }
      print(t("choice-out-of-range", { max: 3 }));
    }
  }

  print(t("console-welcome"));
  let me = await chooseRole();
  if (!me) return;
  print(t("console-you-are", { name: me.name }));
  for (;;) {
    const next = await lines.next();
    if (next.done) break;
    const line = String(next.value);
    const trimmed = line.trim();
    if (trimmed === ":thoat" || trimmed === ":quit") break;
    if (trimmed === ":vai" || trimmed === ":role") {
      options = { ...options, role: undefined };
      me = await chooseRole();
      if (!me) break;
      print(t("console-you-are", { name: me.name }));
      continue;
    }
    const req: Request = cleanRequest({ channel: "console", userId: me.userId, chatId: me.userId, displayName: me.name, text: line });
    const replies = await app.bot.handle(req);
    print(await renderForConsole(app, replies));
    print("");
  }
  rl.close();
}
