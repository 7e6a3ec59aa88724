// Scores (Chỉ số CCHC): /diem and /xephang for everyone once published; /nhapdiem and /congbo for organizers.
// What they show is src/views/scores.ts; what they do, src/actions/scores.ts (the desk calls the same).
import { awaitingKind, awaitStep, endAwaiting } from "../src/domain/sessions.js";
import { renderRankingPng } from "../src/scores/chart.js";
import { markLines, previewText, rankingSvg, rankingTexts, refusalText } from "../src/scores/format.js";
import { latestScorePreview, visibleScores } from "../src/domain/scores.js";
import { requireUnit, unitNameById } from "../src/domain/units.js";
import { readScoreFile } from "../src/scores/service.js";
import { MAX_TABLE_BYTES } from "../src/scores/sheet.js";
import { type ParsedTable, TableRefused } from "../src/scores/table.js";
import { gridToXlsx, templateGrid } from "../src/scores/template.js";
import { formatDateTime } from "../src/lib/time.js";
import { renderMessage } from "../src/messages/render.js";
import { notify } from "../src/outbox/notify.js";
import { cancelScoresAction, confirmScoresAction, previewScoresAction, type Publication, publishScoresAction, resendResultsAction } from "../src/actions/scores.js";
import { type RankingView, rankingView, resultAudience, unitResultMessage, unitResultView } from "../src/views/scores.js";
import { fieldAnalysis, fieldAnalysisMessage } from "../src/views/analysis.js";
import type { Done } from "../src/messages/types.js";
import type { ScoreTable, Session } from "../storage/schema.js";
import { choices, text } from "./replies.js";
import { offer, type StepHandlers } from "./steps.js";
import { yesNoQuestion } from "./understand/confirm.js";
import { fold } from "../src/lib/text.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import { carriesFiles, deskPageReplies } from "./desk.js";
import type { IncomingFile, Reply } from "../src/messages/types.js";


function sessionOf(ctx: CommandContext): Session | undefined {
  return ctx.services.store.data.sessions[ctx.account.key];
}

/** The chat preview a confirmation or cancellation means: the one named in its choice, else this organizer's newest from the chat. */
function previewId(ctx: CommandContext, named: string | undefined): string {
  const id = named ?? latestScorePreview(ctx.services.store.data, ctx.account.key, "chat")?.id;
  if (!id) throw new UserError("import-nothing-pending");
  return id;
}

/** "Mường So 3", "muong so linh vuc 3.2", "3": the unit's words and the field (or criterion) asked about, if any. */
export function splitFieldArg(args: string): { unit: string; field?: string } {
  const words = args.trim().split(/\s+/).filter(Boolean);
  const last = words.at(-1) ?? "";
  if (!/^\d{1,2}(?:\.\d{1,2}){0,3}\.?$/.test(last)) return { unit: words.join(" ") };
  let rest = words.slice(0, -1);
  const tail = fold(rest.slice(-2).join(" "));
  if (tail === "linh vuc" || tail === "tieu chi") rest = rest.slice(0, -2);
  else if (/^(field|criterion)$/.test(fold(rest.at(-1) ?? ""))) rest = rest.slice(0, -1);
  return { unit: rest.join(" "), field: last.replace(/\.$/, "") };
}

/**
 * One field's (or criterion's) analysis of a unit in chat: its criteria, where points were lost,
 * where the appraisal cut the self-assessment and why. `unitId` undefined: the asker's own unit.
 * What "/diem Mường So 3" answers, and what the question "tại sao xã mình bị trừ điểm lĩnh vực 3"
 * is answered with (the free-text intent calls this).
 */
export async function fieldAnalysisReplies(ctx: CommandContext, unitId: string | undefined, fieldId: string): Promise<Reply[]> {
  const { t, services } = ctx;
  visibleScores(services.store.data, ctx.role);
  const id = unitId ?? ctx.unit?.id;
  if (!id) return [text(t("analysis-ask-unit", { field: fieldId }))];
  return [text(renderMessage(t, fieldAnalysisMessage(fieldAnalysis(services.store.data, services.conference, ctx.role, id, fieldId))))];
}

const score: CommandDef = {
  name: "diem",
  aliases: ["score"],
  roles: ["guest"],
  describe: "cmd-score",
  maxArgs: 200,
  async handler(ctx) {
    const { t, args, services } = ctx;
    // Refused before anything else while the results are not published (not even the unit's name asked).
    visibleScores(services.store.data, ctx.role);
    if (awaitingKind(sessionOf(ctx)) === "scores.unit") await endAwaiting(services.store, ctx.account.key, "scores.unit");
    const asked = splitFieldArg(args);
    const unit = asked.unit ? requireUnit(services.conference, asked.unit) : ctx.unit;
    if (asked.field) return fieldAnalysisReplies(ctx, unit?.id, asked.field);
    if (!unit) {
      // The next message is taken as the unit's name.
      await awaitStep(services.store, ctx.account.key, { kind: "scores.unit" }, "score-ask-unit", services.clock.now());
      return [text(t("score-ask-unit"))];
    }
    return [text(renderMessage(t, unitResultMessage(unitResultView(services.store.data, services.conference, ctx.role, unit.id))))];
  },
};

/**
 * Rendered pictures per table object (a new import is a new object), by language and preview mark:
 * drawing takes a few hundred milliseconds, and everyone asks for the same picture.
 */
const chartCache = new WeakMap<ScoreTable, Map<string, Buffer>>();

async function rankingPicture(ctx: CommandContext, table: ScoreTable, view: RankingView): Promise<Buffer> {
  const key = `${ctx.account.language}|${view.marks.preview}`;
  const pictures = chartCache.get(table) ?? new Map<string, Buffer>();
  chartCache.set(table, pictures);
  const cached = pictures.get(key);
  if (cached) return cached;
  // The phone's picture: upright, 360 px wide, names at 14 px.
  const png = await renderRankingPng(rankingSvg(ctx.t, view, "portrait"));
  pictures.set(key, png);
  return png;
}

const ranking: CommandDef = {
  name: "xephang",
  aliases: ["ranking"],
  roles: ["guest"],
  describe: "cmd-ranking",
  maxArgs: 200,
  async handler(ctx) {
    const { t, services } = ctx;
    const { table } = visibleScores(services.store.data, ctx.role);
    const view = rankingView(services.store.data, services.conference, ctx.role);
    const png = await rankingPicture(ctx, table, view);
    const caption = [...markLines(t, view.marks), t("ranking-chart-caption", { year: String(view.year) })].join("\n");
    return [...rankingTexts(t, view).map(text), { kind: "photo", name: `ranking-${view.year}.png`, data: png, caption }];
  },
};

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function templateFile(ctx: CommandContext): Promise<Reply> {
  const grid = await templateGrid(ctx.services.conference.conf);
  const data = await gridToXlsx(grid, ctx.t("template-sheet-name"));
  return { kind: "file", name: "mau-bang-diem-cchc.xlsx", mime: XLSX_MIME, data, caption: ctx.t("template-caption") };
}

/** Zalo carries no documents in either direction (its documented API): the table is uploaded on the desk, reached by a one-time link. */
function onDesk(ctx: CommandContext): Reply[] | undefined {
  return carriesFiles(ctx.req.channel) ? undefined : deskPageReplies(ctx, "scores", "import-on-desk");
}

async function askForFile(ctx: CommandContext): Promise<Reply[]> {
  const { t, req, services } = ctx;
  const desk = onDesk(ctx);
  if (desk) return desk;
  if (req.channel === "console") return [text(t("import-console")), await templateFile(ctx)];
  await awaitStep(services.store, ctx.account.key, { kind: "scores.file" }, "import-send-file", services.clock.now());
  return [text(t("import-send-file", { mb: MAX_TABLE_BYTES / 1_000_000 })), await templateFile(ctx)];
}

async function previewImport(ctx: CommandContext, file: IncomingFile): Promise<Reply[]> {
  const { t, services } = ctx;
  const data = await file.download();
  let table: ParsedTable;
  try {
    table = await readScoreFile(services.conference, file.name, data);
  } catch (err) {
    if (!(err instanceof TableRefused)) throw err;
    services.logger.info({ by: ctx.account.key, file: file.name, problems: err.problems.length, stoppedAt: err.stoppedAt }, "score table refused");
    return [text(refusalText(t, file.name, err))];
  }
  const { result: view } = await previewScoresAction(services, ctx.account.key, { table, via: "chat" });
  await endAwaiting(services.store, ctx.account.key, "scores.file");
  const id = view.preview.id;
  const lines = [previewText(t, view, (u) => unitNameById(services.conference, u)), "", t("import-question")];
  return yesNoQuestion(ctx, lines.join("\n"), [t("import-confirm"), { kind: "scores.confirm", preview: id }], [t("import-cancel"), { kind: "scores.cancel", preview: id }]);
}

async function confirmImport(ctx: CommandContext, named: string | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  const { result } = await confirmScoresAction(services, ctx.account.key, { previewId: previewId(ctx, named) });
  const { stored, replaced } = result;
  const lines = [...markLines(t, { sample: stored.sample, preview: false }), t("import-done", { year: String(stored.year), units: stored.units.length })];
  if (replaced) lines.push(t("import-done-kept"));
  lines.push(t("import-done-unpublished"));
  return [text(lines.join("\n"))];
}

async function cancelImport(ctx: CommandContext, named: string | undefined): Promise<Reply[]> {
  await cancelScoresAction(ctx.services, ctx.account.key, { previewId: previewId(ctx, named) });
  return [text(ctx.t("import-cancelled"))];
}

const importScores: CommandDef = {
  name: "nhapdiem",
  aliases: ["importscores"],
  roles: ["organizer"],
  describe: "cmd-import-scores",
  maxArgs: 100,
  // MIME types of spreadsheets differ between phones and platforms ("application/vnd.ms-excel" for a CSV):
  // the import judges the name and the bytes itself, with a clearer answer than a type list could give.
  accepts: { kinds: ["document"], mimes: [], maxBytes: MAX_TABLE_BYTES },
  async handler(ctx) {
    const [first = "", named] = ctx.args.split(/\s+/);
    const verb = fold(first);
    if (ctx.req.file) return previewImport(ctx, ctx.req.file);
    if (verb === "xacnhan" || verb === "confirm") return confirmImport(ctx, named);
    if (verb === "huy" || verb === "cancel") return cancelImport(ctx, named);
    if (verb === "mau" || verb === "template") {
      return onDesk(ctx) ?? [await templateFile(ctx)];
    }
    if (verb) throw new BadArguments("import-usage");
    return askForFile(ctx);
  },
};

/** Sends each unit's accounts their result; returns what the organizer is told. */
async function sendResults(ctx: CommandContext, done: Done<Publication>): Promise<string[]> {
  const { t, services } = ctx;
  const { audience, table } = done.result;
  const sent = (await notify(services, done.notifications)).reduce((a, b) => a + b, 0);
  services.logger.info({ by: ctx.account.key, year: table.year, accounts: audience.accounts, sent }, "score results sent");
  const lines = audience.accounts > 0 ? [t("publish-sent", { sent, accounts: audience.accounts, units: audience.byUnit.size })] : [];
  if (audience.without.length > 0) lines.push(t("publish-units-without-delegates", { count: audience.without.length, units: audience.without.join(", ") }));
  return lines;
}

/** The /congbo question closed: before publishing, cancelled. */
function closePublication(ctx: CommandContext): Reply[] {
  return [text(ctx.t(ctx.services.store.data.scores.publishedAt ? "publish-closed" : "publish-cancelled"))];
}

/** The current table, and the lines that mark it (a sample): refused without one. */
function currentTable(ctx: CommandContext): { table: ScoreTable; marks: string[] } {
  const table = ctx.services.store.data.scores.current;
  if (!table) throw new UserError("publish-no-table");
  return { table, marks: markLines(ctx.t, { sample: table.sample, preview: false }) };
}

/** Publishes the current table; `expectedImportedAt`: the table the question named, which must still be current. */
async function publishNow(ctx: CommandContext, expectedImportedAt: string | undefined): Promise<Reply[]> {
  const { t, services } = ctx;
  const { marks } = currentTable(ctx);
  const publishedAt = services.store.data.scores.publishedAt;
  if (publishedAt) throw new UserError("publish-already-done", { time: formatDateTime(t, publishedAt) });
  const done = await publishScoresAction(services, ctx.account.key, expectedImportedAt ? { expectedImportedAt } : {});
  const lines = [...marks, t("publish-done", { year: String(done.result.table.year) }), ...(await sendResults(ctx, done))];
  return [text(lines.join("\n"))];
}

async function resendPublished(ctx: CommandContext): Promise<Reply[]> {
  const { marks } = currentTable(ctx);
  return [text([...marks, ...(await sendResults(ctx, resendResultsAction(ctx.services, ctx.account.key)))].join("\n"))];
}

/** /congbo alone: the question (publish the current table; "có" publishes), or, once published, resend or close. */
function publicationQuestion(ctx: CommandContext): Promise<Reply[]> | Reply[] {
  const { t, services } = ctx;
  const { table, marks } = currentTable(ctx);
  const publishedAt = services.store.data.scores.publishedAt;
  if (publishedAt) {
    return [
      choices([...marks, t("publish-already", { year: String(table.year), time: formatDateTime(t, publishedAt) })].join("\n"), [
        offer(t("publish-resend"), { kind: "scores.publish.resend" }),
        offer(t("publish-close"), { kind: "scores.publish.close" }),
      ]),
    ];
  }
  const audience = resultAudience(services.store.data, services.conference, table);
  const question = t("publish-question", { year: String(table.year), units: table.units.length, accounts: audience.accounts, reached: audience.byUnit.size });
  return yesNoQuestion(ctx, [...marks, question].join("\n"), [t("publish-confirm"), { kind: "scores.publish", importedAt: table.importedAt }], [t("publish-cancel"), { kind: "scores.publish.close" }]);
}

const publish: CommandDef = {
  name: "congbo",
  aliases: ["publish"],
  roles: ["organizer"],
  describe: "cmd-publish",
  maxArgs: 100,
  async handler(ctx) {
    const [first = "", shown] = ctx.args.split(/\s+/);
    const verb = fold(first);
    if (verb === "huy" || verb === "cancel") return closePublication(ctx);
    currentTable(ctx);
    // Typing "/congbo xacnhan" is itself a confirmation; the choice names the table it asked about.
    if (verb === "xacnhan" || verb === "confirm") return publishNow(ctx, shown);
    if (verb === "guilai" || verb === "resend") return resendPublished(ctx);
    if (verb) throw new BadArguments("publish-usage");
    return publicationQuestion(ctx);
  },
};

export const scoreCommands: CommandDef[] = [score, ranking, importScores, publish];

/** The steps of scores: the unit /diem asks for, the file /nhapdiem asks for, a preview confirmed or dropped, /congbo's answers. */
export const scoreSteps: StepHandlers<"scores.unit" | "scores.file" | "scores.confirm" | "scores.cancel" | "scores.publish" | "scores.publish.resend" | "scores.publish.close"> = {
  // The typed answer is read as /diem's and /nhapdiem's own words (a unit's name; "mau", a file…).
  "scores.unit": { command: "diem", run: (ctx) => score.handler(ctx) },
  "scores.file": { command: "nhapdiem", run: (ctx) => importScores.handler(ctx) },
  "scores.confirm": { command: "nhapdiem", run: (ctx, step) => confirmImport(ctx, step.preview) },
  "scores.cancel": { command: "nhapdiem", run: (ctx, step) => cancelImport(ctx, step.preview) },
  "scores.publish": { command: "congbo", run: (ctx, step) => publishNow(ctx, step.importedAt) },
  "scores.publish.resend": { command: "congbo", run: (ctx) => resendPublished(ctx) },
  "scores.publish.close": { command: "congbo", run: async (ctx) => closePublication(ctx) },
};
