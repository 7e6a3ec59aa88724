// Scores (Chỉ số CCHC): /diem and /xephang for everyone once published; /nhapdiem and /congbo for organizers.
import { awaitingLine, awaitText, dropPendingConfirm, endAwaiting, holdForConfirm } from "../src/domain/sessions.js";
import { buildRankingSvg, renderRankingPng } from "../src/scores/chart.js";
import { importSummaryText, type Marks, markLines, percentOf, rankingTexts, refusalText, round2, unitResultText } from "../src/scores/format.js";
import { delegatesOf, publishScores, replaceScoreTable, visibleScores } from "../src/domain/scores.js";
import { requireUnit, unitAddress, unitAddressById, unitNameById } from "../src/domain/units.js";
import { missingUnits, readScoreFile, resultMessages } from "../src/scores/service.js";
import { MAX_TABLE_BYTES } from "../src/scores/sheet.js";
import { type ParsedTable, TableRefused } from "../src/scores/table.js";
import { gridToXlsx, templateGrid } from "../src/scores/template.js";
import { formatDateTime } from "../src/lib/time.js";
import type { PendingScoreImport, PendingScorePublish, ScoreTable, Session } from "../storage/schema.js";
import { choices, text } from "./replies.js";
import { BadArguments, UserError } from "../src/domain/errors.js";
import type { CommandContext, CommandDef } from "./types.js";
import type { IncomingFile, Reply } from "../src/messages/types.js";
import { fold } from "../src/lib/text.js";

/** The table a person may see (the rule is the domain's, visibleScores), and how to mark it. */
function visibleTable(ctx: CommandContext): { table: ScoreTable; marks: Marks } {
  const { table, published } = visibleScores(ctx.services.store.data, ctx.role);
  return { table, marks: { sample: table.sample, preview: !published } };
}

/** The score table this person previewed and has still to confirm, if any. */
function pendingImport(ctx: CommandContext): PendingScoreImport | undefined {
  const pending = sessionOf(ctx)?.pendingConfirm;
  return pending?.kind === "scores-import" ? pending : undefined;
}

/** The publication this person previewed and has still to confirm, if any. */
function pendingPublish(ctx: CommandContext): PendingScorePublish | undefined {
  const pending = sessionOf(ctx)?.pendingConfirm;
  return pending?.kind === "scores-publish" ? pending : undefined;
}

function sessionOf(ctx: CommandContext): Session | undefined {
  return ctx.services.store.data.sessions[ctx.account.key];
}

const score: CommandDef = {
  name: "diem",
  aliases: ["score"],
  roles: ["guest"],
  describe: "cmd-score",
  maxArgs: 200,
  async handler(ctx) {
    const { t, args, services } = ctx;
    const { table, marks } = visibleTable(ctx);
    if (awaitingLine(sessionOf(ctx)) === "/diem") await endAwaiting(services.store, ctx.account.key, { commandLine: "/diem" });
    const unit = args ? requireUnit(services.conference, args) : ctx.unit;
    if (!unit) {
      // The next message is taken as the unit's name.
      await awaitText(services.store, ctx.account.key, { command: "/diem", prompt: "score-ask-unit" }, services.clock.now());
      return [text(t("score-ask-unit"))];
    }
    const result = table.units.find((u) => u.unitId === unit.id);
    if (!result) throw new UserError("score-unit-not-in-table", { unit: unitAddress(unit), year: String(table.year) });
    return [text(unitResultText(t, table, result, unitAddressById(services.conference, unit.id), marks))];
  },
};

/**
 * Rendered pictures per table object (a new import is a new object), by language and preview mark:
 * drawing takes a few hundred milliseconds, and everyone asks for the same picture.
 */
const chartCache = new WeakMap<ScoreTable, Map<string, Buffer>>();

async function rankingPicture(ctx: CommandContext, table: ScoreTable, marks: Marks): Promise<Buffer> {
  const { t, services } = ctx;
  const key = `${ctx.account.language}|${marks.preview}`;
  const pictures = chartCache.get(table) ?? new Map<string, Buffer>();
  chartCache.set(table, pictures);
  const cached = pictures.get(key);
  if (cached) return cached;
  // Colours follow the conference's scheme (best first); labels only the table has come after it, best first.
  const scheme = services.conference.conf.scores?.classification.map((c) => c.label) ?? [];
  const best = new Map<string, number>();
  for (const u of table.units) best.set(u.classification, Math.max(best.get(u.classification) ?? 0, percentOf(u.total, u.max)));
  const extra = [...best.keys()].filter((l) => !scheme.includes(l)).sort((a, b) => (best.get(b) ?? 0) - (best.get(a) ?? 0));
  const svg = buildRankingSvg({
    title: t("chart-title", { year: String(table.year) }),
    subtitle: t("chart-subtitle", { units: table.units.length, max: round2(table.units[0]?.max ?? 0) }),
    notes: [...(marks.sample ? [t("chart-sample")] : []), ...(marks.preview ? [t("chart-preview")] : [])],
    axisLabel: t("chart-axis"),
    rows: table.units.map((u) => ({
      rank: u.rank,
      name: unitNameById(services.conference, u.unitId),
      value: t("scores-number", { n: round2(u.total) }),
      percent: percentOf(u.total, u.max),
      classification: u.classification,
    })),
    classes: [...scheme, ...extra],
  });
  const png = await renderRankingPng(svg);
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
    const { table, marks } = visibleTable(ctx);
    const texts = rankingTexts(t, table, (id) => unitNameById(services.conference, id), marks);
    const png = await rankingPicture(ctx, table, marks);
    const caption = [...markLines(t, marks), t("ranking-chart-caption", { year: String(table.year) })].join("\n");
    return [...texts.map(text), { kind: "photo", name: `ranking-${table.year}.png`, data: png, caption }];
  },
};

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function templateFile(ctx: CommandContext): Promise<Reply> {
  const grid = await templateGrid(ctx.services.conference.conf);
  const data = await gridToXlsx(grid, ctx.t("template-sheet-name"));
  return { kind: "file", name: "mau-bang-diem-cchc.xlsx", mime: XLSX_MIME, data, caption: ctx.t("template-caption") };
}

/** Zalo carries no documents in either direction (its documented API): import goes through Telegram or the command line. */
function noDocuments(ctx: CommandContext): boolean {
  return ctx.req.channel === "zalo";
}

async function askForFile(ctx: CommandContext): Promise<Reply[]> {
  const { t, req, services } = ctx;
  if (noDocuments(ctx)) return [text(t("import-no-documents"))];
  if (req.channel === "console") return [text(t("import-console")), await templateFile(ctx)];
  await awaitText(services.store, ctx.account.key, { command: "/nhapdiem", prompt: "import-send-file" }, services.clock.now());
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
  const current = services.store.data.scores.current;
  const payload: PendingScoreImport["payload"] = { table, replaces: current?.importedAt ?? null };
  const pending: PendingScoreImport = { kind: "scores-import", payload, offeredAt: services.clock.now().toISOString() };
  await holdForConfirm(services.store, ctx.account.key, pending, { endAwaiting: { commandLine: "/nhapdiem" } });
  services.logger.info({ by: ctx.account.key, file: file.name, year: table.year, units: table.units.length, sample: table.sample }, "score table read");
  const lines = [importSummaryText(t, table, (id) => unitNameById(services.conference, id), missingUnits(services.conference, table)), ""];
  if (current) lines.push(t("import-replaces", { year: String(current.year), units: current.units.length, time: formatDateTime(t, current.importedAt) }));
  lines.push(t(services.store.data.scores.publishedAt ? "import-will-unpublish" : "import-stays-unpublished"));
  lines.push("", t("import-question"));
  return [
    choices(lines.join("\n"), [
      { label: t("import-confirm"), command: "/nhapdiem xacnhan" },
      { label: t("import-cancel"), command: "/nhapdiem huy" },
    ]),
  ];
}

async function confirmImport(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const pending = pendingImport(ctx);
  if (!pending) throw new UserError("import-nothing-pending");
  const { table, replaces } = pending.payload;
  const stored = await replaceScoreTable(services.store, { table, by: ctx.account.key, now: services.clock.now(), expectedCurrent: replaces });
  await dropPendingConfirm(ctx.services.store, ctx.account.key);
  services.logger.info({ by: ctx.account.key, year: stored.year, units: stored.units.length, sample: stored.sample }, "score table replaced");
  const lines = [...markLines(t, { sample: stored.sample, preview: false }), t("import-done", { year: String(stored.year), units: stored.units.length })];
  if (replaces) lines.push(t("import-done-kept"));
  lines.push(t("import-done-unpublished"));
  return [text(lines.join("\n"))];
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
    const verb = fold(ctx.args.split(/\s+/)[0] ?? "");
    if (ctx.req.file) return previewImport(ctx, ctx.req.file);
    if (verb === "xacnhan" || verb === "confirm") return confirmImport(ctx);
    if (verb === "huy" || verb === "cancel") {
      if (!pendingImport(ctx)) throw new UserError("import-nothing-pending");
      await dropPendingConfirm(ctx.services.store, ctx.account.key);
      return [text(ctx.t("import-cancelled"))];
    }
    if (verb === "mau" || verb === "template") {
      if (noDocuments(ctx)) return [text(ctx.t("import-no-documents"))];
      return [await templateFile(ctx)];
    }
    if (verb) throw new BadArguments("import-usage");
    return askForFile(ctx);
  },
};

/** Sends each unit's delegates their result; returns what the organizer is told. */
async function sendResults(ctx: CommandContext, table: ScoreTable): Promise<string[]> {
  const { t, services } = ctx;
  const messages = resultMessages(services, table);
  const sent = await services.notifier.send(messages, { kind: "result", createdBy: ctx.account.key });
  const reached = delegatesOf(services.store.data, table);
  const without = table.units.filter((u) => !reached.has(u.unitId)).map((u) => unitNameById(services.conference, u.unitId));
  services.logger.info({ by: ctx.account.key, year: table.year, accounts: messages.length, sent }, "score results sent");
  const lines = messages.length > 0 ? [t("publish-sent", { sent, accounts: messages.length, units: reached.size })] : [];
  if (without.length > 0) lines.push(t("publish-units-without-delegates", { count: without.length, units: without.join(", ") }));
  return lines;
}

const publish: CommandDef = {
  name: "congbo",
  aliases: ["publish"],
  roles: ["organizer"],
  describe: "cmd-publish",
  maxArgs: 100,
  async handler(ctx) {
    const { t, services } = ctx;
    const verb = fold(ctx.args.split(/\s+/)[0] ?? "");
    const scores = services.store.data.scores;
    const table = scores.current;
    if (verb === "huy" || verb === "cancel") {
      if (pendingPublish(ctx)) await dropPendingConfirm(ctx.services.store, ctx.account.key);
      return [text(t(scores.publishedAt ? "publish-closed" : "publish-cancelled"))];
    }
    if (!table) throw new UserError("publish-no-table");
    const marks = markLines(t, { sample: table.sample, preview: false });

    if (verb === "xacnhan" || verb === "confirm") {
      if (scores.publishedAt) throw new UserError("publish-already-done", { time: formatDateTime(t, scores.publishedAt) });
      const pending = pendingPublish(ctx);
      // Typing "/congbo xacnhan" is itself a confirmation; after a preview it must be the table previewed.
      const published = await publishScores(services.store, {
        by: ctx.account.key,
        now: services.clock.now(),
        ...(pending ? { expectedImportedAt: pending.payload.importedAt } : {}),
      });
      if (pending) await dropPendingConfirm(ctx.services.store, ctx.account.key);
      services.logger.info({ by: ctx.account.key, year: published.year }, "scores published");
      const lines = [...marks, t("publish-done", { year: String(published.year) }), ...(await sendResults(ctx, published))];
      return [text(lines.join("\n"))];
    }
    if (verb === "guilai" || verb === "resend") {
      if (!scores.publishedAt) throw new UserError("publish-not-yet");
      return [text([...marks, ...(await sendResults(ctx, table))].join("\n"))];
    }
    if (verb) throw new BadArguments("publish-usage");

    if (scores.publishedAt) {
      return [
        choices([...marks, t("publish-already", { year: String(table.year), time: formatDateTime(t, scores.publishedAt) })].join("\n"), [
          { label: t("publish-resend"), command: "/congbo guilai" },
          { label: t("publish-close"), command: "/congbo huy" },
        ]),
      ];
    }
    await holdForConfirm(services.store, ctx.account.key, {
      kind: "scores-publish",
      payload: { importedAt: table.importedAt },
      offeredAt: services.clock.now().toISOString(),
    });
    const reached = delegatesOf(services.store.data, table);
    const accounts = [...reached.values()].reduce((n, keys) => n + keys.length, 0);
    const question = t("publish-question", { year: String(table.year), units: table.units.length, accounts, reached: reached.size });
    return [
      choices([...marks, question].join("\n"), [
        { label: t("publish-confirm"), command: "/congbo xacnhan" },
        { label: t("publish-cancel"), command: "/congbo huy" },
      ]),
    ];
  },
};

export const scoreCommands: CommandDef[] = [score, ranking, importScores, publish];
