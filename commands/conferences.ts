// /hoinghi: the conferences that concern a person (the one their messages act on marked), a switch to
// another, and for organizers the closing of one, confirmed. Which conference a message goes to is
// decided before any command (commands/conference-router.ts); this command only changes the choice.
import { UserError } from "../src/domain/errors.js";
import { fold } from "../src/lib/text.js";
import { openTaskCount } from "../src/views/tasks.js";
import type { ConferenceChoice, Reply } from "../src/messages/types.js";
import { choices, text } from "./replies.js";
import { offer, type StepHandlers } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";

const CLOSE_WORDS = new Set(["dong", "ketthuc", "close"]);

function list(ctx: CommandContext): ConferenceChoice[] {
  const port = ctx.services.conferences;
  if (!port) return [{ id: ctx.services.conference.id, title: ctx.services.conference.conf.short_title ?? ctx.services.conference.conf.title, status: "running", current: true }];
  return port.forAccount(ctx.account.key);
}

function line(ctx: CommandContext, c: ConferenceChoice, i: number): string {
  const mark = c.status === "closed" ? ctx.t("conference-mark-closed") : c.current ? ctx.t("conference-mark-current") : "";
  return `${i + 1}. ${c.title}${mark ? ` (${mark})` : ""}`;
}

function overview(ctx: CommandContext): Reply[] {
  const all = list(ctx);
  const lines = all.map((c, i) => line(ctx, c, i));
  const running = all.filter((c) => c.status === "running" && !c.current);
  const head = [ctx.t("conference-list-title", { count: all.length }), ...lines];
  if (ctx.role === "organizer") head.push("", ctx.t("conference-list-organizer-hint"));
  if (running.length === 0) return [text(head.join("\n"))];
  return [choices([...head, "", ctx.t("conference-switch-ask")].join("\n"), running.map((c) => offer(c.title, { kind: "conference.use", id: c.id })))];
}

/** The conference a typed number or words name, among `all`. */
function named(all: ConferenceChoice[], typed: string): ConferenceChoice | undefined {
  const n = /^\d{1,2}$/.test(typed) ? all[Number(typed) - 1] : undefined;
  if (n) return n;
  const words = fold(typed);
  const hits = all.filter((c) => c.id === typed || fold(c.title).includes(words));
  return hits.length === 1 ? hits[0] : undefined;
}

async function use(ctx: CommandContext, id: string): Promise<Reply[]> {
  const port = ctx.services.conferences;
  if (!port) throw new UserError("conference-unknown", { id });
  const chosen = await port.choose(ctx.account.key, id);
  return [text(ctx.t("conference-chosen", { title: chosen.title }))];
}

function askClose(ctx: CommandContext, c: ConferenceChoice): Reply[] {
  if (c.status === "closed") throw new UserError("conference-already-closed", { title: c.title });
  // Tasks still open would no longer take reports: said before the organizer confirms.
  const its = ctx.services.conferences?.services(c.id);
  const open = its ? openTaskCount(its.store.data, its.conference, its.clock.now()) : 0;
  const ask = [ctx.t("conference-close-ask", { title: c.title }), ...(open > 0 ? [ctx.t("conference-close-open-tasks", { count: open })] : [])].join("\n");
  return [choices(ask, [offer(ctx.t("conference-close-yes"), { kind: "conference.close", id: c.id }), offer(ctx.t("conference-close-no"), { kind: "conference.keep" })])];
}

async function close(ctx: CommandContext, id: string): Promise<Reply[]> {
  const port = ctx.services.conferences;
  if (!port || ctx.role !== "organizer") throw new UserError("conference-unknown", { id });
  const closed = await port.close(id, ctx.account.key);
  ctx.services.logger.info({ conference: id, by: ctx.account.key }, "conference closed from the chat");
  return [text(ctx.t("conference-closed", { title: closed.title }))];
}

const conferenceCommand: CommandDef = {
  name: "hoinghi",
  aliases: ["conference", "conferences"],
  roles: ["guest"],
  describe: "cmd-conference",
  async handler(ctx) {
    const [first = "", ...rest] = ctx.args.split(/\s+/).filter(Boolean);
    if (!first) return overview(ctx);
    const all = list(ctx);
    if (CLOSE_WORDS.has(fold(first))) {
      if (ctx.role !== "organizer") throw new UserError("conference-close-organizers");
      const c = named(all, rest.join(" "));
      if (!c) throw new UserError("conference-not-named", { count: all.length });
      return askClose(ctx, c);
    }
    const c = named(all, ctx.args.trim());
    if (!c) throw new UserError("conference-not-named", { count: all.length });
    if (c.status === "closed") throw new UserError("conference-closed-readonly", { title: c.title });
    return use(ctx, c.id);
  },
};

export const conferenceCommands: CommandDef[] = [conferenceCommand];

/** The steps of /hoinghi: a conference chosen, a closing confirmed or declined. */
export const conferenceSteps: StepHandlers<"conference.use" | "conference.close" | "conference.keep"> = {
  "conference.use": { command: "hoinghi", run: (ctx, step) => use(ctx, step.id) },
  "conference.close": { command: "hoinghi", run: (ctx, step) => close(ctx, step.id) },
  "conference.keep": { command: "hoinghi", run: async (ctx) => [text(ctx.t("conference-close-kept"))] },
};
