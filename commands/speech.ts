// Assigned speeches: /thamluan (topic, deadline, status, submitting in any form), /xong, and the organizers' /duyet.
import {
  addDraftPart,
  draftOf,
  draftSize,
  dropDraft,
  latestVersion,
  MAX_REVIEW_NOTE,
  MAX_SPEECH_CHARS,
  maySubmit,
  openDraft,
  requireOpen,
  requirePartFits,
  SpeechClosed,
  speechStatus,
  submitDraft,
  submitText as submitTextVersion,
  withdrawable,
  withdrawSpeech,
} from "../src/domain/speeches.js";
import { accountKey, roleOf } from "../src/domain/identity.js";
import { awaitStep, awaitingKind, endAwaiting } from "../src/domain/sessions.js";
import { unitAddress, requireUnit } from "../src/domain/units.js";
import { addSpeechPageAction, reviewSpeechAction, speechVersionNotification, submitSpeechFilesAction, type UploadedFile, vetAnnouncedFile, versionWhat } from "../src/actions/speeches.js";
import { renderMessage } from "../src/messages/render.js";
import { notify } from "../src/outbox/notify.js";
import { speechDeadlineLine, statusLine } from "../src/speeches/format.js";
import { deadlinesView } from "../src/views/letters.js";
import { type SpeechView, speechesView, speechStatusOf, speechView, type VersionView } from "../src/views/speeches.js";
import { readStoredFile } from "../src/lib/files.js";
import { DOCUMENT_TYPES, IMAGE_TYPES } from "../src/domain/speech-files.js";
import type { Translate } from "../src/lib/i18n.js";
import type { Unit } from "../src/conference/schema.js";
import { clip, fold } from "../src/lib/text.js";
import { formatDateTime } from "../src/lib/time.js";
import type { Account, SpeechVersion } from "../storage/schema.js";
import { contactRef } from "./contact.js";
import { choices, text } from "./replies.js";
import { type Answer, type CommandLayer, parseCommand } from "./router.js";
import { speechStatusLabel } from "./speech-state.js";
import { withoutFiles, withUploadOffer } from "./upload-offer.js";
import { offer, type Step, type StepHandlers, type StepOf } from "./steps.js";
import { BadArguments, DeadlinePassed, UserError } from "../src/domain/errors.js";
import type { Choice, IncomingFile, Outgoing, Reply, Request, SendOptions, Services } from "../src/messages/types.js";
import type { CommandContext, CommandDef } from "./types.js";
import { finishesDraft, looksLikeQuestion, ordinal, words } from "./understand/readers.js";
import { NotAnAnswer } from "./understand/not-an-answer.js";
import { yesNoQuestion } from "./understand/confirm.js";

/** The step that receives the parts of a speech typed over several messages (and photos of its pages). */
const COLLECT: StepOf<"speech.collect"> = { kind: "speech.collect" };
/** The commands that belong to writing a draft: after any other, the person is reminded of an open draft. */
const DRAFT_COMMANDS = new Set(["thamluan", "speech", "xong", "done", "huy", "cancel"]);
const WITHDRAW_WORDS = new Set(["rut", "withdraw"]);
const NEW_WORDS = new Set(["moi", "new", "nopbanmoi", "banmoi"]);

/**
 * "xong", "xong rồi nhé", "gửi xong rồi", "hết", "/xong" alone on the last line of a message (any
 * case, marks or not, a full stop or "ạ" after it): the person ends the draft. Returns the text
 * before that line (to keep as a last part), or undefined when the message does not end the draft.
 */
export function endsDraft(message: string): { before: string } | undefined {
  const lines = message.split(/\r?\n/);
  if (!finishesDraft(lines.at(-1) ?? "")) return undefined;
  return { before: lines.slice(0, -1).join("\n").trim() };
}
/** Telegram allows 4,096 characters a message; a long speech is shown to the reviewer in pieces. */
const SHOW_CHUNK = 3500;

// Some clients send a Word file as application/octet-stream: it passes the router and is then
// judged by its extension (src/domain/speech-files.ts). The size is judged by the speech's own rule
// (vetAnnouncedFile, before downloading), so that a file too large is told the upload page's sentence.
const ACCEPTS: CommandDef["accepts"] = {
  kinds: ["document", "photo"],
  mimes: [...Object.values(DOCUMENT_TYPES), ...Object.values(IMAGE_TYPES), "image/jpg", "application/octet-stream"],
  maxBytes: Number.MAX_SAFE_INTEGER,
};

/** The unit of the person and its assignment, or the one sentence that says why there is none. */
function ownAssignment(ctx: CommandContext): { unit: Unit; topic: string } {
  if (!ctx.unit) throw new UserError("speech-no-unit");
  const assignment = ctx.services.conference.speechFor(ctx.unit.id);
  if (!assignment) throw new UserError("speech-not-assigned", { unit: unitAddress(ctx.unit) });
  return assignment;
}

/** Runs a domain step; a closed deadline is told in the person's words (the domain keeps it as a date). */
async function step<T>(ctx: CommandContext, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof SpeechClosed) throw new DeadlinePassed(err.key, { deadline: formatDateTime(ctx.t, err.deadline) });
    throw err;
  }
}

const requireOpenFor = (ctx: CommandContext, unit: Unit): Promise<void> =>
  step(ctx, () => requireOpen(ctx.services, unit.id, ctx.services.clock.now()));

/** In the same write as a version: once no draft is left, the step that fed it ends too. */
const END_COLLECT = { endAwaiting: COLLECT.kind };

/** /thamluan keeps a waiting step so that a collection survives it; any other step ends, as with every command. */
async function dropForeignAwaiting(ctx: CommandContext): Promise<void> {
  const key = ctx.account.key;
  const kind = awaitingKind(ctx.services.store.data.sessions[key]);
  if (kind && kind !== COLLECT.kind) await endAwaiting(ctx.services.store, key, kind);
}

/** What a version is, in a few words (text and its length, the file name, or the number of pages). */
const describeVersion = (t: Translate, v: SpeechVersion): string => renderMessage(t, versionWhat(v));

/** Sends without ever failing the command: the version is already safe on disk. */
async function send(ctx: CommandContext, messages: Outgoing[], options?: SendOptions): Promise<number> {
  if (messages.length === 0) return 0;
  try {
    return await ctx.services.notifier.send(messages, options);
  } catch (err) {
    ctx.services.logger.warn({ err: (err as Error).message, updateId: ctx.req.updateId }, "speech notice not sent");
    return 0;
  }
}

/** One message per account, each in that account's language. */
function messagesTo(ctx: CommandContext, accounts: Account[], build: (t: Translate) => string): Outgoing[] {
  return accounts.map((a) => ({ account: a.key, replies: [text(build(ctx.services.i18n.forLanguage(a.language)))] }));
}

function organizerAccounts(ctx: CommandContext): Account[] {
  const { store, config } = ctx.services;
  return Object.values(store.data.accounts).filter((a) => a.key !== ctx.account.key && roleOf(a, config.organizerIds) === "organizer");
}

/** The organizers are told of a typed version as of a file handed in (src/actions/speeches.ts). */
async function tellOrganizers(ctx: CommandContext, unit: Unit, v: SpeechVersion): Promise<void> {
  await notify(ctx.services, [speechVersionNotification(ctx.services, ctx.account.key, unit.id, v)]);
  ctx.services.logger.info({ unit: unit.id, version: v.n, kind: v.kind, by: ctx.account.key, via: ctx.req.channel }, "speech version saved");
}

function saved(ctx: CommandContext, unit: Unit, v: SpeechVersion): Reply {
  return text(ctx.t("speech-saved", { unit: unitAddress(unit), n: v.n, what: describeVersion(ctx.t, v) }));
}

export function deadlineLine(ctx: CommandContext): string {
  return speechDeadlineLine(ctx.t, deadlinesView(ctx.services.conference, ctx.services.clock.now()).speech);
}

/**
 * A file sent with /thamluan or while collecting, under the upload page's rule (src/actions/speeches.ts).
 * A document is a whole speech: it becomes a version at once. A photo is a page: pages gather in the
 * collection and /xong makes them one version, so a speech photographed page by page (Zalo sends only
 * images) reaches the reviewer whole.
 */
async function receiveFile(ctx: CommandContext, unit: Unit, caption: string): Promise<Reply[]> {
  const { store } = ctx.services;
  const file = ctx.req.file as IncomingFile;
  const key = ctx.account.key;
  // Refused before downloading: another type, too large as announced, a closed deadline, a caption that does not fit the draft.
  const info = vetAnnouncedFile(file);
  await requireOpenFor(ctx, unit);
  if (info.kind === "photo" && caption) requirePartFits(draftOf(store.data, key), caption);
  const upload: UploadedFile = { name: file.name, mime: file.mime, kind: file.kind, data: await file.download() };
  if (info.kind === "document") return receiveDocument(ctx, unit, upload, caption);
  // A draft opened now takes over from earlier choices (the domain forgets them): numbers typed now are speech text.
  const added = await step(ctx, () =>
    addSpeechPageAction(ctx.services, key, { unitId: unit.id, file: upload, ...(caption ? { caption } : {}) }, { awaitStep: { step: COLLECT, prompt: "speech-how" } }),
  );
  return [text(ctx.t("speech-page-received", { page: added.result }))];
}

/** A document: the upload page's action makes it the next version and tells the organizers. */
async function receiveDocument(ctx: CommandContext, unit: Unit, upload: UploadedFile, caption: string): Promise<Reply[]> {
  const key = ctx.account.key;
  // Parts typed before the document (or while it downloaded) stay for /xong; an empty draft just ends.
  const options = { change: END_COLLECT, via: ctx.req.channel, ...(caption ? { caption } : {}) };
  const done = await step(ctx, () => submitSpeechFilesAction(ctx.services, key, { unitId: unit.id, files: [upload] }, options));
  await notify(ctx.services, done.notifications);
  const replies = [saved(ctx, unit, done.result)];
  const waiting = draftSize(draftOf(ctx.services.store.data, key));
  if (waiting > 0) replies.push(text(ctx.t("speech-still-collecting", { parts: waiting })));
  return replies;
}

async function submitText(ctx: CommandContext, unit: Unit, body: string): Promise<Reply[]> {
  const key = ctx.account.key;
  const v = await step(ctx, () => submitTextVersion(ctx.services, { unitId: unit.id, by: key, now: ctx.services.clock.now(), text: body }, END_COLLECT));
  await tellOrganizers(ctx, unit, v);
  return [saved(ctx, unit, v)];
}

/**
 * Waits for the text of a version as the next plain messages: an empty draft is opened (or the one
 * open kept), which only a part, a page, /xong or /huy changes.
 */
async function awaitSpeechText(ctx: CommandContext): Promise<void> {
  // Numbers typed now are speech text, not a pick from choices offered earlier.
  await openDraft(ctx.services, { by: ctx.account.key, now: ctx.services.clock.now() }, { dropChoices: true, awaitStep: { step: COLLECT, prompt: "speech-how" } });
}

/**
 * /thamluan alone: topic, deadline, status. It never opens a draft: with nothing submitted yet it
 * asks for the text (the next message is the speech); once a version exists, submitting another
 * is an explicit choice ("Nộp bản mới"), as is withdrawing one not yet reviewed.
 */
async function overview(ctx: CommandContext, unit: Unit, topic: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const { store, clock } = services;
  const key = ctx.account.key;
  const record = store.data.speeches[unit.id];
  const lines = [t("speech-title", { unit: unitAddress(unit) }), t("speech-topic", { topic }), deadlineLine(ctx), statusLine(t, speechStatusOf(record))];
  if (record && record.versions.length > 1) lines.push(t("speech-versions-kept", { count: record.versions.length }));
  if (!maySubmit(record, services.conference.deadline("speech"), clock.now())) {
    lines.push("", t("speech-closed", { contact: contactRef(t, ctx.services.conference.conf) }));
    return [text(lines.join("\n"))];
  }
  const draft = draftOf(store.data, key);
  if (draftSize(draft) > 0) {
    await awaitSpeechText(ctx);
    lines.push("", t("speech-collecting-now", { parts: draftSize(draft) }));
    return [text(lines.join("\n"))];
  }
  if (!record?.versions.length) {
    await awaitSpeechText(ctx);
    lines.push("", withoutFiles(ctx, "speech-how"));
    return [text(lines.join("\n"))];
  }
  // Reading is not submitting: an empty draft left from an earlier "Nộp bản mới" ends, so that a
  // "Cảm ơn" typed now is not taken as a speech.
  if (draft) await dropDraft(ctx.services, { by: key, now: clock.now() }, END_COLLECT);
  // A file or photo sent now starts the new version with it; "nộp bản mới", "rút" choose in words.
  await awaitStep(store, key, { kind: "speech.choose" }, "speech-choose", clock.now());
  const offered: Choice[] = [offer(t("speech-choice-new"), { kind: "speech.new" })];
  const latest = latestVersion(record) as SpeechVersion;
  if (withdrawable(record) === "ok") offered.push(offer(t("speech-choice-withdraw", { n: latest.n }), { kind: "speech.withdraw.ask" }));
  lines.push("", t("speech-choose"));
  return [choices(lines.join("\n"), offered)];
}

/** After acceptance, a new version replaces the accepted one only once the person confirms it ("1", "có", "đúng rồi"). */
async function confirmReplace(ctx: CommandContext, n: number, body?: string): Promise<Reply[]> {
  const { t } = ctx;
  const yes: Step = { kind: "speech.new", confirmed: n, ...(body ? { body } : {}) };
  return yesNoQuestion(ctx, t("speech-replace-confirm", { n }), [t("speech-replace-yes", { n }), yes], [t("speech-replace-no", { n }), { kind: "speech.keep" }]);
}

/** /thamluan rut: asks to confirm withdrawing the latest version, if the organizers have not reviewed it. */
async function askWithdraw(ctx: CommandContext, unit: Unit): Promise<Reply[]> {
  const { t, services } = ctx;
  const record = services.store.data.speeches[unit.id];
  const latest = latestVersion(record);
  const can = withdrawable(record);
  if (can === "nothing" || !latest) throw new UserError("speech-nothing-to-withdraw", { unit: unitAddress(unit) });
  if (can === "reviewed") throw new UserError("speech-withdraw-reviewed", { unit: unitAddress(unit), n: latest.n });
  const question = t("speech-withdraw-confirm", { unit: unitAddress(unit), n: latest.n, what: describeVersion(t, latest), time: formatDateTime(t, latest.at) });
  return yesNoQuestion(ctx, question, [t("speech-withdraw-yes", { n: latest.n }), { kind: "speech.withdraw", version: latest.n }], [t("speech-withdraw-no"), { kind: "speech.withdraw.keep" }]);
}

/** The draft becomes a version; the organizers are told. */
async function finishDraft(ctx: CommandContext, unit: Unit): Promise<Reply[]> {
  const key = ctx.account.key;
  const v = await step(ctx, () => submitDraft(ctx.services, { unitId: unit.id, by: key, now: ctx.services.clock.now() }, END_COLLECT));
  await tellOrganizers(ctx, unit, v);
  return [saved(ctx, unit, v)];
}

/**
 * "Nộp bản mới": with the text, it is saved as the next version; without, the next messages are
 * its text. After acceptance this runs only once `confirmed` names the accepted version.
 */
async function startNew(ctx: CommandContext, unit: Unit, confirmed: number | undefined, body?: string): Promise<Reply[]> {
  const { services } = ctx;
  await requireOpenFor(ctx, unit);
  const key = ctx.account.key;
  const record = services.store.data.speeches[unit.id];
  const waiting = draftSize(draftOf(services.store.data, key));
  if (waiting > 0) {
    if (body) throw new UserError("speech-busy", { parts: waiting });
    return overview(ctx, unit, ownAssignment(ctx).topic);
  }
  const latest = latestVersion(record);
  if (speechStatus(record) === "accepted" && confirmed !== latest?.n) return confirmReplace(ctx, latest?.n ?? 0, body);
  if (body) return submitText(ctx, unit, body);
  await awaitSpeechText(ctx);
  return withUploadOffer(ctx, [text(withoutFiles(ctx, "speech-send-new"))]);
}

const speech: CommandDef = {
  name: "thamluan",
  aliases: ["speech"],
  // Organizers too, for one who joined a unit; without a unit they get one sentence.
  roles: ["delegate", "organizer"],
  needsUnit: true,
  describe: "cmd-speech",
  maxArgs: MAX_SPEECH_CHARS,
  accepts: ACCEPTS,
  keepsAwaiting: true,
  async handler(ctx) {
    const { unit, topic } = ownAssignment(ctx);
    await dropForeignAwaiting(ctx);
    if (ctx.req.file) return receiveFile(ctx, unit, ctx.args);
    const word = fold(ctx.args).replace(/\s+/g, "");
    if (WITHDRAW_WORDS.has(word)) return askWithdraw(ctx, unit);
    if (NEW_WORDS.has(word)) return startNew(ctx, unit, undefined);
    if (ctx.args) {
      // The deadline first: after it, neither a new text nor the parts waiting can be submitted.
      await requireOpenFor(ctx, unit);
      const waiting = draftSize(draftOf(ctx.services.store.data, ctx.account.key));
      if (waiting > 0) throw new UserError("speech-busy", { parts: waiting });
      const record = ctx.services.store.data.speeches[unit.id];
      if (speechStatus(record) === "accepted") return confirmReplace(ctx, latestVersion(record)?.n ?? 0, ctx.args);
      return submitText(ctx, unit, ctx.args);
    }
    return withUploadOffer(ctx, await overview(ctx, unit, topic));
  },
};

const done: CommandDef = {
  name: "xong",
  aliases: ["done"],
  roles: ["delegate", "organizer"],
  describe: "cmd-done",
  listed: false,
  keepsAwaiting: true,
  async handler(ctx) {
    const { unit } = ownAssignment(ctx);
    return finishDraft(ctx, unit);
  },
};

/** One message of a speech being collected (free text, or a file): a part, or "xong" on its last line, which files the draft. */
async function collectPart(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { unit } = ownAssignment(ctx);
  const { store, clock } = ctx.services;
  const key = ctx.account.key;
  // The person was asked for the text (a bare /thamluan, "Nộp bản mới"): the draft opens with its first part.
  if (!draftOf(store.data, key) && awaitingKind(store.data.sessions[key]) !== COLLECT.kind) throw new UserError("speech-not-collecting");
  if (ctx.req.file) return receiveFile(ctx, unit, typed);
  const end = endsDraft(typed);
  if (end) {
    if (end.before) await step(ctx, () => addDraftPart(ctx.services, { unitId: unit.id, by: key, now: clock.now(), part: end.before, open: true }));
    return finishDraft(ctx, unit);
  }
  // A question typed in the middle ("khi nào hết hạn?") is answered, not stored; one tap adds it after all.
  if (looksLikeQuestion(typed)) throw notAPart(ctx, typed);
  const n = await step(ctx, () => addDraftPart(ctx.services, { unitId: unit.id, by: key, now: clock.now(), part: typed, open: true }));
  return [text(ctx.t("speech-part-received", { n }))];
}

/** A question typed while collecting: answered by the router (or said not answered), not stored, with a choice to add it. */
function notAPart(ctx: CommandContext, typed: string): NotAnAnswer {
  const { t, services } = ctx;
  const parts = draftSize(draftOf(services.store.data, ctx.account.key));
  const add = [offer(t("speech-add-question"), { kind: "speech.add", text: clip(typed, 500) })];
  const afterAnswer = [choices(t("speech-question-not-added", { text: clip(typed, 80), parts }), add)];
  return new NotAnAnswer(typed, [choices(t("speech-draft-open-add", { parts }), add)], afterAnswer, "speech-question-unanswered");
}

/** "Thêm câu này vào bản tham luận": the line taken for a question becomes the next part. */
async function addQuestionLine(ctx: CommandContext, line: string): Promise<Reply[]> {
  const { unit } = ownAssignment(ctx);
  const now = ctx.services.clock.now();
  const n = await step(ctx, () => addDraftPart(ctx.services, { unitId: unit.id, by: ctx.account.key, now, part: line, open: true }));
  await awaitStep(ctx.services.store, ctx.account.key, COLLECT, "speech-how", now);
  return [text(ctx.t("speech-part-added", { n }))];
}

const NEW_PHRASES = new Set(["nop ban moi", "ban moi", "nop moi", "nop lai", "gui ban moi", "gui lai", "nop", "moi"]);
const WITHDRAW_PHRASES = new Set(["rut", "rut ban", "rut lai", "rut ban nay", "rut tham luan"]);

/**
 * Words or a file while the speech's choices are offered: a file or photo starts the new version
 * with it (never refused and lost); "nộp bản mới", "1" submit anew; "rút", "2" withdraw; a long
 * text is the new version's text; anything else asks again.
 */
async function chooseInWords(ctx: CommandContext, typed: string): Promise<Reply[]> {
  const { unit, topic } = ownAssignment(ctx);
  await dropForeignAwaiting(ctx);
  if (ctx.req.file) return receiveFile(ctx, unit, typed);
  const said = words(typed).join(" ");
  const n = ordinal(typed, 2);
  const canWithdraw = withdrawable(ctx.services.store.data.speeches[unit.id]) === "ok";
  if (NEW_PHRASES.has(said) || n === 1) return newVersion(ctx, { kind: "speech.new" });
  if (canWithdraw && (WITHDRAW_PHRASES.has(said) || n === 2)) return askWithdraw(ctx, unit);
  if (typed.length > 200 || typed.includes("\n")) return newVersion(ctx, { kind: "speech.new", body: typed });
  const again = await overview(ctx, unit, topic);
  throw new NotAnAnswer(typed, [...again, text(ctx.t("speech-choice-not-understood"))]);
}

/** "Nộp bản mới" (after acceptance, once confirmed): asks for the text, or saves the text that came with it. */
function newVersion(ctx: CommandContext, chosen: StepOf<"speech.new">): Promise<Reply[]> {
  const { unit } = ownAssignment(ctx);
  const record = ctx.services.store.data.speeches[unit.id];
  const latest = latestVersion(record);
  // Another version was accepted since the question was asked: ask again from what is true now.
  if (chosen.confirmed !== undefined && speechStatus(record) === "accepted" && latest?.n !== chosen.confirmed) {
    return confirmReplace(ctx, latest?.n ?? 0, chosen.body);
  }
  return startNew(ctx, unit, chosen.confirmed, chosen.body);
}

/** The person confirmed withdrawing version N: refused once it is no longer the latest one waiting for review. */
async function withdrawConfirmed(ctx: CommandContext, version: number): Promise<Reply[]> {
  const { unit } = ownAssignment(ctx);
  const { t, services } = ctx;
  const record = services.store.data.speeches[unit.id];
  const latest = latestVersion(record);
  if (!latest || latest.n !== version || withdrawable(record) !== "ok") throw new UserError("speech-withdraw-stale", { n: version });
  const now = services.clock.now();
  const v = await step(ctx, () => withdrawSpeech(services, { unitId: unit.id, by: ctx.account.key, now }));
  services.logger.info({ unit: unit.id, version: v.n, by: ctx.account.key }, "speech withdrawn");
  await send(
    ctx,
    messagesTo(ctx, organizerAccounts(ctx), (tt) => tt("speech-withdrawn-notice", { unit: unitAddress(unit), n: v.n, time: formatDateTime(tt, now) })),
  );
  return [text(t("speech-withdrawn", { unit: unitAddress(unit), n: v.n }))];
}

/** The latest version's number, for "Bản N vẫn giữ nguyên". */
function latestNumber(ctx: CommandContext): number {
  return latestVersion(ctx.services.store.data.speeches[ownAssignment(ctx).unit.id])?.n ?? 0;
}

/** The steps of submitting a speech; each continues /thamluan (its roles, file rule and length limit). */
export const speechSteps: StepHandlers<"speech.collect" | "speech.new" | "speech.keep" | "speech.withdraw.ask" | "speech.withdraw" | "speech.withdraw.keep" | "speech.choose" | "speech.add"> = {
  "speech.collect": { command: "thamluan", run: (ctx, _step, typed) => collectPart(ctx, typed) },
  "speech.new": { command: "thamluan", run: (ctx, chosen) => newVersion(ctx, chosen) },
  "speech.keep": {
    command: "thamluan",
    run: async (ctx) => {
      await dropForeignAwaiting(ctx);
      return [text(ctx.t("speech-replace-kept", { n: latestNumber(ctx) }))];
    },
  },
  "speech.withdraw.ask": {
    command: "thamluan",
    run: async (ctx) => {
      await dropForeignAwaiting(ctx);
      return askWithdraw(ctx, ownAssignment(ctx).unit);
    },
  },
  "speech.withdraw": { command: "thamluan", run: (ctx, chosen) => withdrawConfirmed(ctx, chosen.version) },
  "speech.withdraw.keep": { command: "thamluan", run: async (ctx) => [text(ctx.t("speech-withdraw-kept", { n: latestNumber(ctx) }))] },
  "speech.choose": { command: "thamluan", run: (ctx, _step, typed) => chooseInWords(ctx, typed) },
  "speech.add": { command: "thamluan", run: (ctx, chosen) => addQuestionLine(ctx, chosen.text) },
};

// ---- Review ----

const ACCEPT_WORDS = new Set(["chapnhan", "accept", "dongy"]);
const CHANGES_WORDS = new Set(["sua", "chinhsua", "changes", "change"]);

export interface ReviewArgs {
  query: string;
  /** The version the organizer read ("v2"), when the command came from a choice. */
  version?: number;
  verb?: "accept" | "changes";
  note: string;
}

/** "ban-lang v2 sua NOTE" → unit "ban-lang", version 2, changes, the note; the verb may be two words. */
export function parseReviewArgs(args: string): ReviewArgs {
  const tokens = args.split(/\s+/).filter(Boolean);
  const words = tokens.map(fold);
  let verb: ReviewArgs["verb"];
  let at = tokens.length;
  let noteFrom = tokens.length;
  for (let i = 1; i < tokens.length; i++) {
    const w = words[i] as string;
    const pair = `${w}${words[i + 1] ?? ""}`;
    if (ACCEPT_WORDS.has(w) || CHANGES_WORDS.has(w)) {
      verb = ACCEPT_WORDS.has(w) ? "accept" : "changes";
      [at, noteFrom] = [i, i + 1];
    } else if (pair === "chapnhan" || pair === "chinhsua") {
      verb = pair === "chapnhan" ? "accept" : "changes";
      [at, noteFrom] = [i, i + 2];
    } else continue;
    break;
  }
  const unitTokens = tokens.slice(0, at);
  let version: number | undefined;
  const last = unitTokens.at(-1);
  if (unitTokens.length > 1 && last && /^v\d{1,4}$/i.test(last)) {
    version = Number(last.slice(1));
    unitTokens.pop();
  }
  return { query: unitTokens.join(" "), version, verb, note: tokens.slice(noteFrom).join(" ") };
}

/** Splits a long text at line breaks (or spaces) into pieces a chat message can hold. */
export function splitText(body: string, max = SHOW_CHUNK): string[] {
  const pieces: string[] = [];
  let rest = body;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    // No break to cut at: cut between whole characters (never half an emoji).
    if (cut < max / 2) cut = clip(rest, max).length || max;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

async function reviewList(ctx: CommandContext): Promise<Reply[]> {
  const { t, services } = ctx;
  const speeches = services.store.data.speeches;
  const list: Choice[] = speechesView(services.store.data, services.conference).map((item) =>
    offer(speechStatusLabel(t, item.name, speeches[item.unitId]), { kind: "review.open", unit: item.unitId }),
  );
  if (list.length === 0) return [text(t("review-none-assigned"))];
  return [choices([t("review-list-title"), deadlineLine(ctx), "", t("review-list-choose")].join("\n"), list)];
}

async function showVersion(ctx: CommandContext, view: SpeechView, v: VersionView): Promise<Reply[]> {
  const { t, services } = ctx;
  const header = [
    t("review-header", { unit: view.unit, n: v.n, total: view.versions, time: formatDateTime(t, v.at), by: v.by }),
    t("speech-topic", { topic: view.topic }),
    statusLine(t, view.status),
  ].join("\n");
  const replies: Reply[] = [];
  if (v.kind === "text") {
    const pieces = splitText(v.text ?? "");
    replies.push(text(`${header}\n\n${pieces[0] ?? ""}`));
    for (const piece of pieces.slice(1)) replies.push(text(piece));
  } else {
    for (const [i, f] of v.files.entries()) {
      let data: Buffer;
      try {
        data = await readStoredFile(services.store.dir, f.path);
      } catch (err) {
        services.logger.error({ err: (err as Error).message, unit: view.unitId, version: v.n, path: f.path }, "stored speech file unreadable");
        replies.push(text(t("review-file-missing", { name: f.name })));
        continue;
      }
      const caption = i === 0 ? header : t("review-page", { page: i + 1, pages: v.files.length });
      if (v.kind === "photo") replies.push({ kind: "photo", name: f.name, data, caption });
      else replies.push({ kind: "file", name: f.name, mime: f.mime, data, caption });
    }
    if (v.text) for (const piece of splitText(v.text)) replies.push(text(piece));
  }
  const offered: Choice[] = [];
  if (view.status.status !== "accepted") offered.push(offer(t("review-accept"), { kind: "review.accept", unit: view.unitId, version: v.n }));
  offered.push(offer(t("review-changes"), { kind: "review.changes", unit: view.unitId, version: v.n }));
  replies.push(choices(t("review-choose", { n: v.n }), offered));
  return replies;
}

async function decide(ctx: CommandContext, unit: Unit, n: number, decision: "accepted" | "changes_requested", note?: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const key = ctx.account.key;
  const endReviewStep = { endAwaiting: "review.changes" };
  // The same action as the desk's buttons: the same rule, the same message to the unit.
  const done = await reviewSpeechAction(services, key, { unitId: unit.id, version: n, decision, ...(note !== undefined ? { note } : {}) }, endReviewStep);
  const [told = 0] = await notify(services, done.notifications);
  const said = t(decision === "accepted" ? "review-accepted" : "review-changes-sent", { unit: unitAddress(unit), n });
  const reach = told > 0 ? t("review-told", { count: told }) : t("review-told-none");
  return [text(`${said}\n${reach}`)];
}

/**
 * Reviews unit `query`'s latest version: shows it (no verb), accepts it, or asks for changes with
 * `note` (asked for when empty). `version`: the one the organizer read, which must still be the latest.
 */
async function reviewUnit(ctx: CommandContext, query: string, version: number | undefined, verb: ReviewArgs["verb"], note: string): Promise<Reply[]> {
  const { t, services } = ctx;
  const unit = requireUnit(services.conference, query);
  const view = speechView(services.store.data, services.conference, unit);
  const latest = view.latest;
  if (!latest || !view.reviewable) throw new UserError("review-nothing", { unit: unitAddress(unit) });
  if (version !== undefined && version !== latest.n) throw new UserError("review-stale", { unit: unitAddress(unit), n: latest.n, id: unit.id });
  if (!verb) return showVersion(ctx, view, latest);
  if (verb === "accept") return decide(ctx, unit, latest.n, "accepted");
  if (!note) {
    // The note is free text: a number in it must not pick "accept" from the choices just shown.
    await awaitStep(services.store, ctx.account.key, { kind: "review.changes", unit: unit.id, version: latest.n }, "review-ask-note", services.clock.now(), { dropChoices: true });
    return [text(t("review-ask-note", { unit: unitAddress(unit), n: latest.n, max: MAX_REVIEW_NOTE }))];
  }
  return decide(ctx, unit, latest.n, "changes_requested", note);
}

const review: CommandDef = {
  name: "duyet",
  aliases: ["review"],
  roles: ["organizer"],
  describe: "cmd-review",
  async handler(ctx) {
    if (!ctx.args) return reviewList(ctx);
    const p = parseReviewArgs(ctx.args);
    if (!p.query) throw new BadArguments("review-usage");
    return reviewUnit(ctx, p.query, p.version, p.verb, p.note);
  },
};

/** The note typed for "ask for changes", as /duyet read it after its words: words separated by single spaces. */
const noteTyped = (typed: string) => typed.split(/\s+/).filter(Boolean).join(" ");

/** The steps of /duyet: a unit of the list opened, its version accepted, changes asked with the note typed. */
export const reviewSteps: StepHandlers<"review.open" | "review.accept" | "review.changes"> = {
  "review.open": { command: "duyet", run: (ctx, step) => reviewUnit(ctx, step.unit, undefined, undefined, "") },
  "review.accept": { command: "duyet", run: (ctx, step) => reviewUnit(ctx, step.unit, step.version, "accept", "") },
  "review.changes": { command: "duyet", run: (ctx, step, typed) => reviewUnit(ctx, step.unit, step.version, "changes", noteTyped(typed)) },
};

export const speechCommands: CommandDef[] = [speech, done, review];

/**
 * Keeps a draft safe around other commands: a draft stays in the store until /xong or /huy. Before
 * a plain message, a draft whose waiting step was ended (by another command, or by time) gets it
 * back, so the next parts are kept; after any other command, the answer is followed by a reminder
 * that the draft (N parts) is still open. A refusal is not followed by it: it stays one sentence,
 * and the draft is as it was. Wraps the command layer (commands/index.ts).
 */
export function keepDraftsOpen(services: Services, layer: CommandLayer): CommandLayer {
  const { store, clock, i18n } = services;
  const answer = async (req: Request): Promise<Answer> => {
    const key = accountKey(req.channel, req.userId);
    const typed = (req.text ?? "").trim();
    const plain = !req.press && !typed.startsWith("/");
    const draftBefore = draftSize(draftOf(store.data, key)) > 0;
    let reopened: string | undefined;
    if (draftBefore && plain && !store.data.sessions[key]?.awaiting) {
      const now = clock.now();
      try {
        await awaitStep(store, key, COLLECT, "speech-how", now);
        reopened = now.toISOString();
      } catch {
        // The command layer reports a store that cannot be written.
      }
    }
    // "xong" alone ends an open draft even while another command's question waits (that question stays open).
    const awaitingNow = awaitingKind(store.data.sessions[key]);
    if (draftBefore && plain && awaitingNow && awaitingNow !== COLLECT.kind && endsDraft(typed)?.before === "") {
      return layer.answer({ ...req, text: "/xong" });
    }
    const toDraft = plain && awaitingNow === COLLECT.kind;
    const answered = await layer.answer(req);
    if (answered.refused && reopened) {
      // The message was refused (a file of the wrong kind…): the draft's step is put back as it was.
      const step = store.data.sessions[key]?.awaiting;
      if (step?.step.kind === COLLECT.kind && step.offeredAt === reopened) await endAwaiting(store, key, COLLECT.kind).catch(() => undefined);
    }
    const draft = draftOf(store.data, key);
    if (answered.refused || !draftBefore || draftSize(draft) === 0 || toDraft) return answered;
    const name = parseCommand(typed)?.name;
    if (name && DRAFT_COMMANDS.has(name)) return answered;
    const t = i18n.forLanguage(store.data.accounts[key]?.language ?? req.language ?? services.config.defaultLanguage);
    // Another command asked a question: its answer comes first, then the draft goes on.
    const kindNow = awaitingKind(store.data.sessions[key]);
    const asking = kindNow !== undefined && kindNow !== COLLECT.kind;
    const note = text(t(asking ? "speech-draft-open-after-answer" : "speech-draft-still-open", { parts: draftSize(draft) }));
    return { replies: [...answered.replies, note], refused: false };
  };
  return { ...layer, answer, handle: async (req) => (await answer(req)).replies };
}
