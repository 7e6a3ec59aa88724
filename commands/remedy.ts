// The communes' remediation plans (/khacphuc, /remedy). A commune's delegates see the three weakest
// criteria proposed as headings, the deadline and where their plan stands, and submit it: typed in one
// or several messages ("xong" submits), a file, photos of pages (on Zalo through the personal upload
// link). Organizers see who has submitted and who has not, read a plan, accept it or ask for changes
// with a note, remind the communes that have not submitted, and turn its measures into tasks.
// What they show is src/views/remedy.ts; what they do, src/actions/remedy.ts (the desk calls the same).
import { actorOf } from "../src/actions/actor.js";
import {
  addRemedyPieceAction,
  dropRemedyDraftAction,
  measuresToTasksAction,
  remedyStep,
  remindRemedyAction,
  reviewRemedyAction,
  submitRemedyDraftAction,
  submitRemedyFilesAction,
  submitRemedyTextAction,
} from "../src/actions/remedy.js";
import type { UploadedFile } from "../src/actions/speeches.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import { requireRemedyUnit } from "../src/domain/remedy.js";
import { awaitStep } from "../src/domain/sessions.js";
import { classifySpeechFile, DOCUMENT_TYPES, IMAGE_TYPES, MAX_SPEECH_FILE_BYTES } from "../src/domain/speech-files.js";
import { dayText, parseDeadline } from "../src/domain/tasks.js";
import { requireUnit, unitAddress } from "../src/domain/units.js";
import { readStoredFile, saveFile } from "../src/lib/files.js";
import { fold } from "../src/lib/text.js";
import { formatDateTime } from "../src/lib/time.js";
import { renderMessage } from "../src/messages/render.js";
import type { Choice, IncomingFile, Reply } from "../src/messages/types.js";
import { notify } from "../src/outbox/notify.js";
import { statusLine } from "../src/speeches/format.js";
import { headingMessages, type RemedyListView, type RemedyPlanView, remedyListView, remedyMissing, remedyPlanView } from "../src/views/remedy.js";
import type { SpeechStatusView } from "../src/views/speeches.js";
import { contactRef } from "./contact.js";
import { carriesFiles } from "./desk.js";
import { choices, text } from "./replies.js";
import { endsDraft } from "./speech.js";
import { offer, type StepHandlers, type StepOf } from "./steps.js";
import type { CommandContext, CommandDef } from "./types.js";
import { uploadOfferLine } from "./upload-offer.js";

const COLLECT: StepOf<"remedy.collect"> = { kind: "remedy.collect" };
const END_COLLECT = { endAwaiting: COLLECT.kind };
const NEW_WORDS = new Set(["moi", "new", "banmoi"]);
const DROP_WORDS = new Set(["bo", "huy", "drop"]);
const VERBS: Record<string, "accept" | "changes" | "tasks"> = { chapnhan: "accept", accept: "accept", sua: "changes", changes: "changes", giao: "tasks", tasks: "tasks" };
const REMIND_WORDS = new Set(["nhac", "nhacnho", "remind"]);

const planView = (ctx: CommandContext, unitId: string): RemedyPlanView => remedyPlanView(ctx.services.store.data, ctx.services.conference, unitId, ctx.services.clock.now());
const actor = (ctx: CommandContext) => actorOf(ctx.account, ctx.role);

function deadlineLine(ctx: CommandContext, deadline: string | undefined, passed: boolean): string {
  if (!deadline) return ctx.t("remedy-deadline-line-none");
  return ctx.t(passed ? "remedy-deadline-line-over" : "remedy-deadline-line", { deadline: formatDateTime(ctx.t, deadline) });
}

/** "Các tiêu chí đề nghị làm đề mục: …" and one line each. */
function headingLines(ctx: CommandContext, view: RemedyPlanView): string[] {
  if (view.headings.length === 0) return [];
  return [ctx.t("remedy-headings-title"), ...headingMessages(view.headings).map((m) => renderMessage(ctx.t, m))];
}

/** The saved version in words, and the organizers told. */
async function saved(ctx: CommandContext, done: Awaited<ReturnType<typeof submitRemedyTextAction>>): Promise<Reply[]> {
  await notify(ctx.services, done.notifications);
  const view = planView(ctx, ctx.unit?.id ?? "");
  return [text(ctx.t("remedy-saved", { unit: view.unit, n: done.result.n, measures: view.measures.length }))];
}

// ---- A commune ----

/** Waits for the plan's text as the next plain messages. */
async function awaitParts(ctx: CommandContext): Promise<void> {
  await awaitStep(ctx.services.store, ctx.account.key, COLLECT, "remedy-how", ctx.services.clock.now(), { dropChoices: true });
}

/** How to submit, with the first heading as the example; on Zalo, without files but with the upload link. */
function howTo(ctx: CommandContext, view: RemedyPlanView): string[] {
  const first = view.headings[0];
  const files = carriesFiles(ctx.req.channel);
  const lines = [ctx.t(files ? "remedy-how" : "remedy-how-no-files", { code: first?.code ?? "3.2", kind: first?.field ? "field" : "criterion" })];
  const link = files ? undefined : uploadOfferLine(ctx.services, ctx.account, { purpose: "remediation" }, "remedy-upload-offer", { unit: view.unit });
  return link ? [...lines, "", link] : lines;
}

/** /khacphuc alone: headings, deadline, status; then asks for the text, or offers a new version. */
async function overview(ctx: CommandContext, unitId: string): Promise<Reply[]> {
  const { t } = ctx;
  const view = planView(ctx, unitId);
  const lines = [t("remedy-title", { unit: view.unit }), deadlineLine(ctx, view.deadline, view.passed), ...headingLines(ctx, view), "", statusLine(t, view.status)];
  if (view.versions > 1) lines.push(t("speech-versions-kept", { count: view.versions }));
  if (!view.open) return [text([...lines, "", t("remedy-closed", { contact: contactRef(t, ctx.services.conference.conf) })].join("\n"))];
  if (view.draft > 0) {
    await awaitParts(ctx);
    return [text([...lines, "", t("remedy-collecting-now", { parts: view.draft })].join("\n"))];
  }
  if (view.status.status === "none" || view.status.status === "changes_requested") {
    await awaitParts(ctx);
    return [text([...lines, "", ...howTo(ctx, view)].join("\n"))];
  }
  return [choices([...lines, "", t("remedy-choose")].join("\n"), [offer(t("remedy-choice-new"), { kind: "remedy.new" })])];
}

/** A file sent with /khacphuc or while writing: a document is the whole plan; a photo is a page of the draft. */
async function receiveFile(ctx: CommandContext, caption: string): Promise<Reply[]> {
  const file = ctx.req.file as IncomingFile;
  const info = classifySpeechFile(file);
  const data = await file.download();
  const upload: UploadedFile = { name: file.name || `ke-hoach.${info.ext}`, mime: info.mime, data };
  if (info.kind === "document") return saved(ctx, await submitRemedyFilesAction(ctx.services, actor(ctx), { files: [upload], ...(caption && { caption }) }, END_COLLECT));
  if (data.length === 0 || data.length > MAX_SPEECH_FILE_BYTES) throw new UserError("speech-file-too-large", { mb: MAX_SPEECH_FILE_BYTES / 1_000_000 });
  const unitId = ctx.unit?.id ?? "";
  const next = ctx.services.store.data.remedies.plans[unitId]?.versions.length ?? 0;
  const page = await saveFile(ctx.services.store.dir, { stem: `khacphuc-${unitId}-v${next + 1}-page`, ext: info.ext, name: upload.name, mime: info.mime }, data);
  const change = { awaitStep: { step: COLLECT, prompt: "remedy-how" } };
  const done = await addRemedyPieceAction(ctx.services, actor(ctx), { page, ...(caption && { part: caption }) }, change);
  return [text(ctx.t("remedy-part-received", { n: done.result }))];
}

/** A message while writing: a part, or "xong" (with the text before it as a last part) submitting the draft. */
async function collect(ctx: CommandContext, typed: string): Promise<Reply[]> {
  if (ctx.req.file) return receiveFile(ctx, typed);
  const end = endsDraft(typed);
  if (!end) {
    const done = await addRemedyPieceAction(ctx.services, actor(ctx), { part: typed }, { awaitStep: { step: COLLECT, prompt: "remedy-how" } });
    return [text(ctx.t("remedy-part-received", { n: done.result }))];
  }
  if (end.before) await addRemedyPieceAction(ctx.services, actor(ctx), { part: end.before });
  return saved(ctx, await submitRemedyDraftAction(ctx.services, actor(ctx), END_COLLECT));
}

async function delegate(ctx: CommandContext): Promise<Reply[]> {
  const unitId = requireRemedyUnit(ctx.services.store.data, ctx.services.conference, ctx.unit?.id);
  const word = fold(ctx.args).replace(/\s/g, "");
  if (ctx.req.file) return receiveFile(ctx, ctx.args);
  if (!ctx.args) return overview(ctx, unitId);
  if (NEW_WORDS.has(word)) return startNew(ctx);
  if (DROP_WORDS.has(word)) {
    await dropRemedyDraftAction(ctx.services, actor(ctx), END_COLLECT);
    return [text(ctx.t("remedy-draft-dropped"))];
  }
  if (endsDraft(ctx.args)?.before === "") return collect(ctx, ctx.args);
  return saved(ctx, await submitRemedyTextAction(ctx.services, actor(ctx), { text: ctx.args }, END_COLLECT));
}

/** "Nộp bản mới": the next messages are the new version. */
async function startNew(ctx: CommandContext): Promise<Reply[]> {
  const unitId = requireRemedyUnit(ctx.services.store.data, ctx.services.conference, ctx.unit?.id);
  const view = planView(ctx, unitId);
  await remedyStep(() => {
    if (!view.open) throw new UserError("remedy-closed");
  });
  await awaitParts(ctx);
  return [text(howTo(ctx, view).join("\n"))];
}

// ---- The organizers ----

function statusLabel(ctx: CommandContext, name: string, s: SpeechStatusView): string {
  const key = { none: "review-label-not-submitted", submitted: "review-label-submitted", changes_requested: "review-label-changes", accepted: "review-label-accepted" }[s.status];
  return ctx.t(key, { unit: name, n: s.n });
}

function countsLine(ctx: CommandContext, list: RemedyListView): string {
  const c = list.counts;
  return ctx.t("remedy-counts", { total: list.total, submitted: c.submitted, changes: c.changes_requested, accepted: c.accepted, none: c.none });
}

/** /khacphuc for organizers: the deadline, the counts, every commune's state; open a plan, remind those without one. */
function organizerList(ctx: CommandContext): Reply[] {
  const { t, services } = ctx;
  const list = remedyListView(services.store.data, services.conference, services.clock.now());
  if (!list.published) return [text(t("remedy-not-yet"))];
  const lines = [t("remedy-list-title"), deadlineLine(ctx, list.deadline, list.passed), countsLine(ctx, list), "", ...list.rows.map((r) => `- ${statusLabel(ctx, r.name, r.status)}`)];
  const offered: Choice[] = list.rows.filter((r) => r.status.n > 0).map((r) => offer(statusLabel(ctx, r.name, r.status), { kind: "remedy.open", unit: r.unitId }));
  const missing = remedyMissing(list).length;
  if (missing > 0 && !list.passed) offered.push(offer(t("remedy-choice-remind", { count: missing }), { kind: "remedy.remind" }));
  if (offered.length === 0) return [text(lines.join("\n"))];
  return [choices([...lines, "", t("remedy-list-choose")].join("\n"), offered)];
}

/** A unit's latest version: the text (or its files), the measures read from it, and what may be done. */
async function showPlan(ctx: CommandContext, unitId: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const view = planView(ctx, unitId);
  const v = view.latest;
  if (!v || !view.reviewable) throw new UserError("review-nothing", { unit: view.unit });
  const header = [t("remedy-header", { unit: view.unit, n: v.n, total: view.versions, time: formatDateTime(t, v.at), by: v.by }), statusLine(t, view.status)].join("\n");
  const replies: Reply[] = [text(v.text ? `${header}\n\n${v.text}` : header)];
  for (const f of v.files) {
    const data = await readStoredFile(services.store.dir, f.path).catch(() => undefined);
    if (!data) replies.push(text(t("review-file-missing", { name: f.name })));
    else replies.push(v.kind === "photo" ? { kind: "photo", name: f.name, data } : { kind: "file", name: f.name, mime: f.mime, data });
  }
  const measures = view.measures.map((m) => t("remedy-measure-line", { n: m.n, text: m.text, criterion: m.criterion ?? "none", task: m.task ?? 0 }));
  const offered: Choice[] = [];
  if (view.status.status !== "accepted") offered.push(offer(t("review-accept"), { kind: "remedy.accept", unit: unitId, version: v.n }));
  offered.push(offer(t("review-changes"), { kind: "remedy.changes", unit: unitId, version: v.n }));
  if (view.measures.some((m) => m.task === undefined)) offered.push(offer(t("remedy-choice-tasks"), { kind: "remedy.tasks", unit: unitId, version: v.n }));
  const body = measures.length > 0 ? [t("remedy-measures-title", { count: measures.length }), ...measures] : [t("remedy-measures-none-read")];
  replies.push(choices([...body, "", t("review-choose", { n: v.n })].join("\n"), offered));
  return replies;
}

async function decide(ctx: CommandContext, unitId: string, version: number, decision: "accepted" | "changes_requested", note?: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const done = await reviewRemedyAction(services, ctx.account.key, { unitId, version, decision, ...(note && { note }) }, { endAwaiting: "remedy.changes" });
  const [told = 0] = await notify(services, done.notifications);
  const unit = planView(ctx, unitId).unit;
  const said = t(decision === "accepted" ? "remedy-accepted" : "remedy-changes-sent", { unit, n: version });
  return [text(`${said}\n${told > 0 ? t("review-told", { count: told }) : t("review-told-none")}`)];
}

/** Asks for the note of a request for changes: the next message is it. */
async function askNote(ctx: CommandContext, unitId: string, version: number): Promise<Reply[]> {
  const { services, t } = ctx;
  await awaitStep(services.store, ctx.account.key, { kind: "remedy.changes", unit: unitId, version }, "remedy-ask-note", services.clock.now(), { dropChoices: true });
  return [text(t("remedy-ask-note", { unit: planView(ctx, unitId).unit, n: version }))];
}

/** "1, 3 | 31/12" (or "tất cả | 31/12"): the measures' numbers and the tasks' deadline. */
function parseMeasures(ctx: CommandContext, typed: string, count: number): { measures: number[]; deadline: string } {
  const [which = "", day = ""] = typed.split("|").map((p) => p.trim());
  const deadline = parseDeadline(day, ctx.services.clock.now());
  if (!which || !deadline) throw new BadArguments("remedy-tasks-usage");
  const all = /^(tat ca|all)$/.test(fold(which));
  const measures = all ? Array.from({ length: count }, (_, i) => i + 1) : which.split(/[\s,;]+/).filter(Boolean).map(Number);
  if (measures.some((n) => !Number.isInteger(n) || n < 1)) throw new BadArguments("remedy-tasks-usage");
  return { measures, deadline };
}

/** The measures typed become tasks of the unit (asked for when nothing is typed). */
async function toTasks(ctx: CommandContext, unitId: string, version: number, typed: string): Promise<Reply[]> {
  const { services, t } = ctx;
  const view = planView(ctx, unitId);
  if (!typed) {
    await awaitStep(services.store, ctx.account.key, { kind: "remedy.tasks", unit: unitId, version }, "remedy-ask-tasks", services.clock.now(), { dropChoices: true });
    return [text(t("remedy-ask-tasks", { unit: view.unit, count: view.measures.length }))];
  }
  const { measures, deadline } = parseMeasures(ctx, typed, view.measures.length);
  const done = await measuresToTasksAction(services, ctx.account.key, { unitId, version, measures, deadline, source: "chat" }, { endAwaiting: "remedy.tasks" });
  const [told = 0] = await notify(services, done.notifications);
  const lines = done.result.map((task) => t("remedy-task-made", { n: task.n, content: task.content, criterion: task.criterion ?? "none" }));
  return [text([t("remedy-tasks-done", { count: done.result.length, unit: view.unit, deadline: dayText(deadline), sent: told }), ...lines].join("\n"))];
}

async function remind(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const done = await remindRemedyAction(services, ctx.account.key);
  if (done.result.units.length === 0) return [text(t("remedy-remind-nobody"))];
  const sent = (await notify(services, done.notifications)).reduce((a, b) => a + b, 0);
  const lines = [t("remedy-remind-sent", { units: done.notifications.length, accounts: sent })];
  const names = done.result.unreachable.map((id) => services.conference.unit(id)?.name ?? id);
  if (names.length > 0) lines.push(t("remind-unreached", { count: names.length, units: names.join(", ") }));
  return [text(lines.join("\n"))];
}

/** "/khacphuc Mường So [chapnhan | sua GHI CHÚ | giao 1, 3 | 31/12]". */
async function organizer(ctx: CommandContext): Promise<Reply[]> {
  const { args, services } = ctx;
  if (!args) return organizerList(ctx);
  const tokens = args.split(/\s+/);
  if (REMIND_WORDS.has(fold(args).replace(/\s/g, ""))) return remind(ctx);
  const at = tokens.findIndex((w, i) => i > 0 && VERBS[fold(w)] !== undefined);
  const query = (at < 0 ? tokens : tokens.slice(0, at)).join(" ");
  const unit = requireUnit(services.conference, query);
  requireRemedyUnit(services.store.data, services.conference, unit.id);
  if (at < 0) return showPlan(ctx, unit.id);
  const verb = VERBS[fold(tokens[at] as string)];
  const rest = tokens.slice(at + 1).join(" ");
  const version = planView(ctx, unit.id).latest?.n;
  if (version === undefined) throw new UserError("review-nothing", { unit: unitAddress(unit) });
  if (verb === "accept") return decide(ctx, unit.id, version, "accepted");
  if (verb === "changes") return rest ? decide(ctx, unit.id, version, "changes_requested", rest) : askNote(ctx, unit.id, version);
  return toTasks(ctx, unit.id, version, rest);
}

/** /baocao's section on the plans (none before publication): the deadline, the counts, the units without one. */
export function remedyReportSection(ctx: CommandContext): string | undefined {
  const { t, services } = ctx;
  const list = remedyListView(services.store.data, services.conference, services.clock.now());
  if (!list.published) return undefined;
  const missing = remedyMissing(list).map((r) => r.name);
  const deadline = list.deadline ? formatDateTime(t, list.deadline) : t("remedy-deadline-none");
  return [t("remedy-report-title", { deadline }), countsLine(ctx, list), ...(missing.length > 0 ? [t("remedy-report-missing", { units: missing.join(", ") })] : [])].join("\n");
}

const remedy: CommandDef = {
  name: "khacphuc",
  aliases: ["remedy"],
  roles: ["delegate", "organizer"],
  describe: "cmd-remedy",
  maxArgs: 8000,
  accepts: { kinds: ["document", "photo"], mimes: [...Object.values(DOCUMENT_TYPES), ...Object.values(IMAGE_TYPES), "image/jpg", "application/octet-stream"], maxBytes: MAX_SPEECH_FILE_BYTES },
  handler: (ctx) => (ctx.role === "organizer" && !ctx.unit ? organizer(ctx) : delegate(ctx)),
};

export const remedyCommands: CommandDef[] = [remedy];

export const remedySteps: StepHandlers<"remedy.collect" | "remedy.new" | "remedy.open" | "remedy.accept" | "remedy.changes" | "remedy.tasks" | "remedy.remind"> = {
  "remedy.collect": { command: "khacphuc", run: (ctx, _step, typed) => collect(ctx, typed) },
  "remedy.new": { command: "khacphuc", run: (ctx) => startNew(ctx) },
  "remedy.open": { command: "khacphuc", run: (ctx, step) => showPlan(ctx, step.unit) },
  "remedy.accept": { command: "khacphuc", run: (ctx, step) => decide(ctx, step.unit, step.version, "accepted") },
  "remedy.changes": {
    command: "khacphuc",
    run: (ctx, step, typed) => (typed.trim() ? decide(ctx, step.unit, step.version, "changes_requested", typed.trim()) : askNote(ctx, step.unit, step.version)),
  },
  "remedy.tasks": { command: "khacphuc", run: (ctx, step, typed) => toTasks(ctx, step.unit, step.version, typed.trim()) },
  "remedy.remind": { command: "khacphuc", run: (ctx) => remind(ctx) },
};
