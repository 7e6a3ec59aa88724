// The conclusions (/ketluan, /conclusions): everyone sees the issued Thông báo (their unit's copy, a
// file on Telegram and a link on Zalo, with a summary of their unit's tasks); a unit asked for comments
// sees the draft and comments ("/ketluan gopy <ý kiến>", or step by step; on Zalo also a file, through
// the unit's upload link offered here); organizers see the draft's
// status, the comments and who acknowledged. Writing, sending for comments and issuing are the desk's
// (src/desk/pages/conclusions.ts). The same views and actions (src/views/conclusions.ts,
// src/actions/conclusions.ts).
import { actorOf } from "../src/actions/actor.js";
import { commentConclusionsAction } from "../src/actions/conclusions.js";
import { conclusionsDocx, conclusionsFileName } from "../src/documents/conclusions.js";
import { DOCX_MIME } from "../src/documents/invitation-data.js";
import { UserError } from "../src/domain/errors.js";
import { awaitStep, type StepChange } from "../src/domain/sessions.js";
import { fold } from "../src/lib/text.js";
import { formatDateTime } from "../src/lib/time.js";
import type { Reply } from "../src/messages/types.js";
import { notify } from "../src/outbox/notify.js";
import { conclusionsDocView, conclusionsStatusView, type UnitReachView, unitConclusionsView } from "../src/views/conclusions.js";
import { carriesFiles } from "./desk.js";
import { choices, text } from "./replies.js";
import { offer, type StepHandlers } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";
import { uploadOfferLine } from "./upload-offer.js";

/** The document in the conference's language (an office's document), as a file reply: a unit's copy, or the whole. */
async function fileReply(ctx: CommandContext, unitId: string | undefined): Promise<Reply> {
  const { services } = ctx;
  const v = conclusionsDocView(services.conference, services.store.data, unitId);
  const t = services.i18n.forLanguage(services.config.defaultLanguage);
  return { kind: "file", name: conclusionsFileName(v), mime: DOCX_MIME, data: await conclusionsDocx(services.conference.conf, v, t) };
}

/** A unit's /ketluan: the issued copy and its tasks; the draft while the unit is asked for comments; else none yet. */
async function unitReplies(ctx: CommandContext, unitId: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const v = unitConclusionsView(services.conference, services.store.data, unitId);
  if (v.issued) {
    const lines = [t("conclusions-issued-title", { number: `${v.issued.number}/${v.issued.symbol}`, day: v.issued.dayText })];
    if (v.tasks.length === 0) lines.push(t("conclusions-unit-no-tasks", { unit: v.unit }));
    else lines.push(t("conclusions-unit-tasks", { unit: v.unit, count: v.tasks.length }), ...v.tasks.map((x) => t("conclusions-unit-task", { n: x.n, content: x.content, deadline: x.deadlineText })));
    return [await fileReply(ctx, unitId), text(lines.join("\n"))];
  }
  if (!v.askedBy) return [text(t("conclusions-none"))];
  const asked = t("conclusions-asked", { unit: v.unit, deadline: v.askedBy, comments: v.comments });
  // Where the chat carries no file (Zalo), a comment written in a file is handed in through the unit's upload link.
  const link = carriesFiles(ctx.req.channel) ? undefined : uploadOfferLine(services, ctx.account, { purpose: "conclusions-comment" }, "conclusions-upload-offer", { unit: v.unit });
  const body = link ? `${asked}\n\n${link}` : asked;
  return [await fileReply(ctx, unitId), choices(body, [offer(t("conclusions-comment-choice"), { kind: "conclusions.comment" })])];
}

function unitLine(ctx: CommandContext, u: UnitReachView): string {
  return ctx.t("conclusions-status-unit", { unit: u.unit, acked: u.acked, comments: u.comments });
}

/** The organizers' /ketluan: the stage, who was asked and who commented, the comments, who acknowledged the issue. */
async function organizerReplies(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const s = conclusionsStatusView(services.conference, services.store.data);
  const lines: string[] = [];
  if (s.issued) lines.push(t("conclusions-status-issued", { number: `${s.issued.number}/${s.issued.symbol}`, day: s.issued.dayText }));
  else if (s.consultation) lines.push(t("conclusions-status-comments", { deadline: s.consultation.deadlineText, written: s.written, tasks: s.tasks }));
  else lines.push(t("conclusions-status-draft", { written: s.written, tasks: s.tasks }));
  const asked = s.consultation?.units ?? [];
  if (asked.length > 0) {
    const acked = asked.filter((u) => u.acked > 0).length;
    lines.push("", t("conclusions-status-asked", { units: asked.length, acked, commented: asked.filter((u) => u.comments > 0).length }), ...asked.map((u) => unitLine(ctx, u)));
  }
  if (s.comments.length > 0) {
    lines.push("", t("conclusions-status-comments-title", { count: s.comments.length }));
    for (const c of s.comments) {
      const files = c.files.length > 0 ? t("conclusions-status-comment-files", { files: c.files.length, names: c.files.map((f) => f.name).join(", ") }) : "";
      lines.push(t("conclusions-status-comment", { unit: c.unit, time: formatDateTime(t, c.at), late: c.late ? "yes" : "no", text: [c.text, files].filter(Boolean).join(" ") }));
    }
  }
  if (s.issued) {
    const missing = s.issued.units.filter((u) => u.acked === 0).map((u) => u.unit);
    lines.push("", t("conclusions-status-sent", { units: s.issued.units.length, acked: s.issued.units.length - missing.length }));
    if (missing.length > 0) lines.push(t("conclusions-status-missing", { units: missing.join(", ") }));
  } else lines.push("", t("conclusions-status-hint"));
  const replies: Reply[] = [];
  if (s.written > 0 || s.issued) replies.push(await fileReply(ctx, undefined));
  return [...replies, text(lines.join("\n"))];
}

/** A unit's comment, typed after "gopy" or as the answer the step waits for. */
async function comment(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { t, services } = ctx;
  if (!ctx.unit) throw new UserError("conclusions-no-unit");
  if (!typed) return askComment(ctx);
  const waiting = services.store.data.sessions[ctx.account.key]?.awaiting?.step.kind;
  const change: StepChange = waiting === "conclusions.comment" ? { endAwaiting: "conclusions.comment" } : {};
  const done = await commentConclusionsAction(services, actorOf(ctx.account, ctx.role), { text: typed, via: "chat" }, change);
  await notify(services, done.notifications);
  return [text(t("conclusions-comment-saved", { unit: ctx.unit.full_name ?? ctx.unit.name }))];
}

/** Asks for the comment: the next message is it (refused at once when the unit is not asked). */
async function askComment(ctx: CommandContext): Promise<Reply[]> {
  const { services, t } = ctx;
  const unitId = ctx.unit?.id;
  if (!unitId) throw new UserError("conclusions-no-unit");
  const c = services.store.data.conclusions;
  if (!unitConclusionsView(services.conference, services.store.data, unitId).askedBy) throw new UserError(c.consultation && !c.issued ? "conclusions-not-asked" : "conclusions-no-consultation");
  await awaitStep(services.store, ctx.account.key, { kind: "conclusions.comment" }, "conclusions-comment-ask", services.clock.now(), { dropChoices: true });
  return [text(t("conclusions-comment-ask"))];
}

const COMMENT_WORDS = new Set(["gopy", "comment"]);

async function handler(ctx: CommandContext): Promise<Reply[]> {
  const [first = ""] = ctx.args.split(/\s+/);
  if (COMMENT_WORDS.has(fold(first))) return comment(ctx, ctx.args.slice(first.length).trim());
  if (ctx.args) throw new UserError("conclusions-usage");
  if (ctx.role === "organizer") return organizerReplies(ctx);
  if (!ctx.unit) return [text(ctx.t("conclusions-none"))];
  return unitReplies(ctx, ctx.unit.id);
}

const conclusions: CommandDef = {
  name: "ketluan",
  aliases: ["conclusions"],
  roles: ["delegate", "organizer"],
  describe: "cmd-conclusions",
  maxArgs: 2200,
  handler,
};

export const conclusionsCommands: CommandDef[] = [conclusions];

export const conclusionsSteps: StepHandlers<"conclusions.comment"> = {
  "conclusions.comment": { command: "ketluan", run: (ctx, _step, typed) => comment(ctx, typed) },
};
